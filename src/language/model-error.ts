/**
 * Which description string a statement comes from: a neuron's `parameters`, `equations`,
 * `spike`, `reset`, `functions`, `refractory`, or a synapse's `psp`, `preSpike`, `postSpike`.
 */
export type ModelSection =
  | 'parameters' | 'equations' | 'spike' | 'reset' | 'functions' | 'refractory'
  | 'psp' | 'preSpike' | 'postSpike';

/** Where a statement was written: its description string and 1-based line within it. */
export interface StatementLocation {
  section: ModelSection;
  /** 1-based line in the description string (an opening newline counts as line 1). */
  line: number | undefined;
}

/** What a {@link ModelError} knows about the place of the problem. */
export interface ModelErrorWhere {
  model?: string;
  section?: ModelSection;
  line?: number;
  statement?: string;
  symbol?: string;
}

// model name -> statement text -> where it was written. Code generation only knows the
// statement text of the IR (`eq.source`); the analysis records the location of every
// statement here so that an error raised while generating code still names the line.
const LOCATIONS = new Map<string, Map<string, StatementLocation[]>>();

/**
 * Record where a statement of a model was written (called by the analysis for every
 * statement), so that errors raised later, e.g. during code generation, can name its line.
 *
 * @example
 * ```ts
 * recordStatementLocation('LIF', 'tau * dv/dt = -v', { section: 'equations', line: 2 });
 * ```
 */
export function recordStatementLocation(model: string, statement: string, loc: StatementLocation): void {
  let byText = LOCATIONS.get(model);
  if (!byText) LOCATIONS.set(model, (byText = new Map()));
  const key = statement.trim();
  const list = byText.get(key) ?? [];
  if (!list.some((l) => l.section === loc.section && l.line === loc.line)) list.push(loc);
  byText.set(key, list);
}

/**
 * The recorded location of a statement of a model, if any. Two statements with the same
 * text in one model (or two models with one name) give the first recorded place.
 *
 * @example
 * ```ts
 * locateStatement('LIF', 'tau * dv/dt = -v'); // { section: 'equations', line: 2 }
 * ```
 */
export function locateStatement(model: string, statement: string): StatementLocation | undefined {
  const byText = LOCATIONS.get(model);
  if (!byText) return undefined;
  const key = statement.trim();
  const found = byText.get(key) ?? byText.get(key.split('; ')[0]!.trim());
  return found?.[0];
}

/**
 * An error in a neuron or synapse description. The message names the model, the description
 * string (`section`) and line, the statement and, where known, the symbol, so a user can find
 * what to fix (Brian2 style):
 * `model "LIF", equations line 3 "tau * dv/dt = E_x - v": unknown symbol "E_x"`.
 * When only the statement text is given (code generation), the section and line are looked up
 * from what the analysis recorded.
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

  constructor(problem: string, where: ModelErrorWhere = {}) {
    let { section, line } = where;
    if (section === undefined && where.model !== undefined && where.statement !== undefined) {
      const loc = locateStatement(where.model, where.statement);
      if (loc) ({ section, line } = loc);
    }
    const head = where.model !== undefined ? `model "${where.model}"` : 'model';
    const place: string[] = [];
    if (section !== undefined) place.push(line !== undefined ? `${section} line ${line}` : section);
    if (where.statement !== undefined) place.push(`"${where.statement.trim()}"`);
    const prefix = place.length > 0 ? `${head}, ${place.join(' ')}` : head;
    super(`${prefix}: ${problem}`);
    this.name = 'ModelError';
    this.model = where.model;
    this.section = section;
    this.line = line;
    this.statement = where.statement?.trim();
    this.symbol = where.symbol;
    this.problem = problem;
  }
}

/** The name for {@link ModelError}: the one error type of malformed descriptions. */
export const ModelDescriptionError = ModelError;
/** The name for {@link ModelError}. */
export type ModelDescriptionError = ModelError;
