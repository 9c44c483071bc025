/**
 * Which description string a statement comes from: a neuron's `parameters`, `equations`,
 * `spike`, `reset`, `functions`, `refractory`, or a synapse's `psp`, `preSpike`, `postSpike`,
 * `pruning`, `creating`.
 *
 * @example
 * ```ts
 * const s: ModelSection | undefined = err.section;   // e.g. 'equations'
 * ```
 */
export type ModelSection =
  | 'parameters' | 'equations' | 'spike' | 'reset' | 'functions' | 'refractory' | 'axonSpike' | 'axonReset' | 'preAxonSpike'
  | 'psp' | 'preSpike' | 'postSpike' | 'pruning' | 'creating';

/**
 * What a {@link ModelError} knows about the place of the problem.
 *
 * @example
 * ```ts
 * const at: ModelErrorWhere = { model: 'LIF', section: 'equations', line: 2, symbol: 'E_x' };
 * throw new ModelError('unknown symbol "E_x"', at);
 * ```
 */
export interface ModelErrorWhere {
  model?: string;
  section?: ModelSection;
  line?: number;
  statement?: string;
  symbol?: string;
}

/**
 * A statement of the analysed description (an equation, parameter, function, ...) together
 * with where it was written. The analysis sets `section` and `line` from the split statement;
 * code generation passes the object on so that its errors name the line.
 *
 * @example
 * ```ts
 * const s: LocatedStatement = analyseNeuron(LIF).equations[0]!;
 * `${s.section} line ${s.line}: ${s.source}`;
 * ```
 */
export interface LocatedStatement {
  /** The statement as written. */
  source: string;
  section?: ModelSection;
  /** 1-based line in its description string. */
  line?: number;
}

/**
 * The error context of a located statement: its text, section and line.
 *
 * @example
 * ```ts
 * throw new ModelError('unknown symbol "E_x"', { model: ir.name, ...where(eq), symbol: 'E_x' });
 * ```
 */
export function where(st: LocatedStatement): { statement: string; section?: ModelSection; line?: number } {
  return { statement: st.source, section: st.section, line: st.line };
}

/**
 * An error in a neuron or synapse description. The message names the model, the description
 * string (`section`) and line, the statement and, where known, the symbol, so a user can find
 * what to fix (Brian2 style):
 * `model "LIF", equations line 3 "tau * dv/dt = E_x - v": unknown symbol "E_x"`.
 * Code generation takes section and line from the located IR object (`where`).
 *
 * @example
 * ```ts
 * throw new ModelError('unknown symbol "E_x"', { model: 'HH', section: 'equations', line: 3, statement: 'dv/dt = E_x - v', symbol: 'E_x' });
 * ```
 */
export class ModelError extends Error {
  readonly model: string | undefined;
  /** The description string: parameters, equations, spike, reset, functions, psp, preSpike, ... */
  readonly section: ModelSection | undefined;
  /** 1-based line of the statement in its description string. */
  readonly line: number | undefined;
  readonly statement: string | undefined;
  readonly symbol: string | undefined;
  /** The problem alone, without the location prefix. */
  readonly problem: string;

  constructor(problem: string, at: ModelErrorWhere = {}) {
    const { section, line } = at;
    const head = at.model !== undefined ? `model "${at.model}"` : 'model';
    const place: string[] = [];
    if (section !== undefined) place.push(line !== undefined ? `${section} line ${line}` : section);
    if (at.statement !== undefined) place.push(`"${at.statement.trim()}"`);
    const prefix = place.length > 0 ? `${head}, ${place.join(' ')}` : head;
    super(`${prefix}: ${problem}`);
    this.name = 'ModelError';
    this.model = at.model;
    this.section = section;
    this.line = line;
    this.statement = at.statement?.trim();
    this.symbol = at.symbol;
    this.problem = problem;
  }
}

/**
 * The issue's name for {@link ModelError}: the one error type of malformed descriptions.
 *
 * @example
 * ```ts
 * try { new Neuron({ equations: 'dv/dt = -v + E_x' }).kernelSource(); }
 * catch (e) { if (e instanceof ModelDescriptionError) console.log(e.line, e.symbol); }   // 1 E_x
 * ```
 */
export const ModelDescriptionError = ModelError;
/** The issue's name for {@link ModelError}. */
export type ModelDescriptionError = ModelError;

/**
 * Run one step of compiling a description so that every failure is a {@link ModelError}: one
 * already is passes through; anything else (a stack overflow, an error of a library) becomes a
 * ModelError naming the model, marked `internal` with the original as its `cause`, because it
 * means compneuro-rx missed a check (`npm run fuzz` reports these).
 *
 * @example
 * ```ts
 * const ir = asModelErrors(neuron.name, () => analyseNeuron(neuron));
 * ```
 */
export function asModelErrors<T>(model: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ModelError) throw e;
    const what = e instanceof RangeError ? 'the description is too large or too deeply nested to compile' : 'the description could not be compiled';
    const err = new ModelError(`${what} (internal error, please report it: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`, { model });
    Object.defineProperty(err, 'internal', { value: true });
    Object.defineProperty(err, 'cause', { value: e });
    throw err;
  }
}
