import { math, type MathNode } from './math.js';
import { asModelErrors, ModelError, where, type LocatedStatement } from './model-error.js';
import { symbolicScope } from './bounded-symbolic.js';
import { analyseEquations, analyseFunctions, analyseParameters, checkCalls, extractRandoms, locationOf, statementContext } from './analyse.js';
import { parseExpression, parseGlobalOp, symbolsOf, userSymbol, type GlobalOpUse } from './expression.js';
import { splitStatements, findAssignment, firstLineOf } from './statements.js';
import { CONSTANTS } from './constant.js';
import { GLOBAL_FUNCTIONS, withGlobalFunctions } from './global-functions.js';
import { cachedAnalysis } from './analysis-cache.js';
import { generatePopulationKernels, type PopulationCodegenOptions, type PopulationKernels } from './population-codegen.js';
import type { EquationInfo, FunctionInfo, NeuronIR, RandomInfo, VariableInfo } from './description.js';

/**
 * Options of {@link Neuron}: ANNarchy's keyword arguments, strings unchanged.
 *
 * @example
 * ```ts
 * const o: NeuronOptions = { parameters: 'tau = 10.0', equations: 'tau * dv/dt = -v', spike: 'v > 1', reset: 'v = 0' };
 * const LIF = new Neuron(o);
 * ```
 */
export interface NeuronOptions {
  parameters?: string;
  equations?: string;
  /** Spike condition; a neuron is spiking iff it is given. */
  spike?: string;
  /** Statements executed in order when the neuron spikes. */
  reset?: string;
  /** Refractory period in ms, or the name of a parameter/variable holding it. */
  refractory?: number | string;
  /** User functions, one `f(x, y) = expr` per line. */
  functions?: string;
  /** Axonal spike condition, tested when the spike condition is false: events only `preAxonSpike` synapses see. */
  axonSpike?: string;
  /** Statements executed on an axonal spike. */
  axonReset?: string;
  name?: string;
  description?: string;
}

let neuronCounter = 0;

/**
 * A neuron model in ANNarchy 4.7.3's description language. The strings are analysed once,
 * on first use, into a {@link NeuronIR}; errors name the model and the statement.
 *
 * @example
 * ```ts
 * const LIF = new Neuron({
 *   parameters: 'tau = 10.0 : population\n v_rest = -65.0',
 *   equations: 'tau * dv/dt = v_rest - v + g_exc',
 *   spike: 'v > -50.0',
 *   reset: 'v = v_rest',
 *   refractory: 2.0,
 * });
 * ```
 */
export class Neuron {
  readonly parameters: string;
  readonly equations: string;
  readonly spike: string | undefined;
  readonly reset: string | undefined;
  readonly refractory: number | string | undefined;
  readonly functions: string | undefined;
  readonly axonSpike: string | undefined;
  readonly axonReset: string | undefined;
  readonly name: string;
  readonly description: string;
  private _ir: NeuronIR | undefined;

  constructor(opts: NeuronOptions = {}) {
    if (opts === null || typeof opts !== 'object') throw new Error('Neuron: expected an options object { parameters, equations, spike, reset, ... }');
    const known = ['parameters', 'equations', 'spike', 'reset', 'refractory', 'functions', 'axonSpike', 'axonReset', 'name', 'description'];
    for (const k of Object.keys(opts)) {
      if (!known.includes(k)) throw new Error(`Neuron: unknown option "${k}"; expected one of ${known.join(', ')}`);
    }
    for (const k of ['parameters', 'equations', 'spike', 'reset', 'functions', 'axonSpike', 'axonReset', 'name', 'description'] as const) {
      const v = opts[k];
      if (v !== undefined && v !== null && typeof v !== 'string') throw new Error(`Neuron: option "${k}" must be a string, got ${typeof v}`);
    }
    if (opts.refractory !== undefined && typeof opts.refractory !== 'number' && typeof opts.refractory !== 'string') {
      throw new Error('Neuron: option "refractory" must be a number (ms) or the name of an attribute');
    }
    this.parameters = opts.parameters ?? '';
    this.equations = opts.equations ?? '';
    this.spike = opts.spike ?? undefined;
    this.reset = opts.reset ?? undefined;
    this.refractory = opts.refractory;
    this.functions = opts.functions;
    this.axonSpike = opts.axonSpike ?? undefined;
    this.axonReset = opts.axonReset ?? undefined;
    this.name = opts.name ?? `Neuron ${neuronCounter++}`;
    this.description = opts.description ?? '';
  }

  /** True if the neuron has a spike condition. */
  get spiking(): boolean {
    return this.spike !== undefined && this.spike.trim() !== '';
  }

  /** The analysed description (computed once). Throws a {@link ModelError} for bad input. */
  analyse(): NeuronIR {
    if (!this._ir) {
      const analyse = () => asModelErrors(this.name, () => symbolicScope(() => analyseNeuron(this)));
      // functions added with addFunction() are part of every model: not cached with them
      const { parameters, equations, spike, reset, refractory, functions, axonSpike, axonReset, name } = this;
      this._ir = GLOBAL_FUNCTIONS.length > 0 ? analyse()
        : cachedAnalysis('neuron', { parameters, equations, spike, reset, refractory, functions, axonSpike, axonReset, name }, analyse);
    }
    return this._ir;
  }

  /**
   * The JavaScript this neuron runs, generated without a network: `update` (equations, steps
   * 1-4 of annarchy-semantics §2.2) and, for spiking neurons, `spikeGather` (spike condition,
   * reset, refractory start). `method` is the default numerical method (`setup({ method })`).
   * Throws a {@link ModelError} naming the statement if the description cannot be generated.
   *
   * @example
   * ```ts
   * console.log(new Neuron({ parameters: 'tau = 10 : population', equations: 'tau*dv/dt = -v\n r = v' }).kernelSource().update);
   * ```
   */
  kernelSource(options: PopulationCodegenOptions = {}): PopulationKernels['source'] {
    const ir = this.analyse();
    return asModelErrors(this.name, () => symbolicScope(() => generatePopulationKernels(ir, options).source));
  }
}

const BOOLEAN_OPERATORS = new Set(['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq', 'and', 'or', 'not', 'xor']);

/**
 * True if `node` is a condition: a comparison, a logical operation (`and`, `or`, `not`), a
 * boolean constant or `bool` attribute, `isnan(x)`/`isfinite(x)`, or a conditional / `ite` /
 * user function whose results are all conditions. Arithmetic such as `v + 1` is not: a spike
 * condition like that is compared with 0, as C's `if (v + 1)` does.
 */
export function isCondition(node: MathNode, boolAttrs: ReadonlySet<string>, functions: readonly FunctionInfo[] = []): boolean {
  const n = node as unknown as { type: string; fn?: string | { name?: string }; args?: MathNode[]; content?: MathNode; value?: unknown;
    name?: string; trueExpr?: MathNode; falseExpr?: MathNode };
  switch (n.type) {
    case 'ParenthesisNode': return isCondition(n.content!, boolAttrs, functions);
    case 'OperatorNode': return BOOLEAN_OPERATORS.has(n.fn as string);
    case 'ConstantNode': return typeof n.value === 'boolean';
    case 'SymbolNode': return n.name === 'true' || n.name === 'false' || boolAttrs.has(n.name!);
    case 'ConditionalNode': return isCondition(n.trueExpr!, boolAttrs, functions) && isCondition(n.falseExpr!, boolAttrs, functions);
    case 'FunctionNode': {
      const name = (n.fn as { name?: string }).name ?? '';
      if (name === 'isnan' || name === 'isfinite') return true;
      if (name === 'ite') return n.args!.length === 3 && isCondition(n.args![1]!, boolAttrs, functions) && isCondition(n.args![2]!, boolAttrs, functions);
      const f = functions.find((x) => x.name === name);
      return f !== undefined && isCondition(f.body, new Set(), functions.filter((x) => x !== f));
    }
    default: return false;
  }
}

/**
 * Analyse a neuron description (annarchy-semantics §1): parameters, variables with flags,
 * equations in declaration order, spike/reset/refractory, targets and random variables.
 * Every malformed statement throws a {@link ModelError} naming the model, the description
 * string, the line, the statement and the symbol.
 *
 * @example
 * ```ts
 * const ir = analyseNeuron(new Neuron({ parameters: 'tau = 10.0', equations: 'tau * dv/dt = -v' }));
 * ir.variables.map((v) => v.name);   // ['v']
 * ```
 */
export function analyseNeuron(n: Neuron): NeuronIR {
  const model = n.name;
  const spiking = n.spiking;
  const parameters = analyseParameters(n.parameters, model);
  const randoms: RandomInfo[] = [];
  const functions = withGlobalFunctions(analyseFunctions(n.functions, model));
  const { equations, variables } = analyseEquations(n.equations, { model, parameters, randoms });
  const has = (name: string) => parameters.some((p) => p.name === name) || variables.some((v) => v.name === name);
  const declared = (name: string) => parameters.find((p) => p.name === name) ?? variables.find((v) => v.name === name);
  const declaration = (name: string) => declared(name)?.source;

  for (const f of functions) {
    if (has(f.name)) throw new ModelError(`function "${f.name}" has the name of an attribute ("${declaration(f.name)}")`, { model, ...where(f), symbol: f.name });
    checkCalls(f.body, functions, { model, ...where(f) });
  }
  for (const eq of equations) checkCalls(eq.residual ?? eq.rhs, functions, { model, ...where(eq) });
  for (const v of variables) for (const b of v.bounds) checkCalls(b.expr, functions, { model, ...where(v) });

  if (spiking && has('r')) {
    throw new ModelError('a spiking neuron must not declare "r": it is created automatically for the mean firing rate; use another name', { model, ...where(declared('r')!), symbol: 'r' });
  }
  if (!spiking && !has('r')) {
    throw new ModelError('a rate-coded neuron (no spike condition) must declare a parameter or variable "r"', { model, symbol: 'r' });
  }

  // targets: g_<target> in spiking neurons, sum(<target>) in rate-coded ones
  const used = new Set<string>();
  for (const eq of equations) for (const s of symbolsOf(eq.rhs)) used.add(s);
  for (const eq of equations) used.add(eq.target);
  const targets: string[] = [];
  if (spiking) {
    for (const eq of equations) {
      const sum = [...symbolsOf(eq.rhs)].find((s) => /^_sum_\w+$/.test(s));
      if (sum) {
        const t = sum.slice(5) === '_all' ? 'exc' : sum.slice(5);
        throw new ModelError(`"${userSymbol(sum)}" is the input of rate-coded neurons; a spiking neuron receives its input through a conductance such as g_${t}`, { model, ...where(eq), symbol: userSymbol(sum) });
      }
    }
    for (const s of used) {
      const m = /^g_(\w+)$/.exec(s);
      // parameters named g_* stay parameters (ANNarchy 4.7.3 zeroes them every step: a bug, see README)
      if (m && parameters.some((p) => p.name === s)) {
        console.warn(`Warning: model "${model}": parameter "${s}" looks like a conductance (g_<target>); ANNarchy 4.7.3 would zero it after every step, compneuro-rx keeps it a parameter (see README, Differences from ANNarchy)`);
      } else if (m) targets.push(m[1]!);
    }
    for (const t of targets) {
      const g = `g_${t}`;
      if (!variables.some((v) => v.name === g)) {
        // ANNarchy appends `g_target = 0.0` at the end: input lasts one step
        const zero: VariableInfo = { name: g, locality: 'local', type: 'double', init: 0, bounds: [], source: `${g} = 0.0`, implicit: true };
        variables.push(zero);
        equations.push({ target: g, kind: 'assign', op: '=', rhs: new math.ConstantNode(0), locality: 'local', source: `${g} = 0.0` });
      }
    }
    variables.push({ name: 'r', locality: 'local', type: 'double', init: 0, bounds: [], source: 'r (mean firing rate)', implicit: true });
  } else {
    for (const s of used) {
      const m = /^_sum_(\w+)$/.exec(s);
      if (m && m[1] !== '_all') targets.push(m[1]!);
    }
    for (const eq of equations) {
      const g = [...symbolsOf(eq.rhs)].find((s) => /^g_\w+$/.test(s) && !has(s) && !CONSTANTS.has(s));
      if (g) {
        throw new ModelError(`unknown symbol "${g}": conductances g_<target> are the input of spiking neurons; a rate-coded neuron reads its input with sum(${g.slice(2)})`, { model, ...where(eq), symbol: g });
      }
    }
  }

  const parseResets = (text: string | undefined, section: 'reset' | 'axonReset'): EquationInfo[] => {
    const out: EquationInfo[] = [];
    for (const st of splitStatements(text, { model, section })) {
      const ctx = statementContext(model, st, section);
      const a = findAssignment(st.text);
      if (!a) throw new ModelError(`a ${section} statement needs an assignment ("=", "+=", ...)`, ctx);
      const target = st.text.slice(0, a.index).trim();
      if (parameters.some((p) => p.name === target)) {
        throw new ModelError(`${section} assigns "${target}", which is a parameter; only variables (declared in equations) can be reset`, { ...ctx, symbol: target });
      }
      if (!variables.some((v) => v.name === target)) {
        throw new ModelError(`${section} assigns "${target}", which is not a variable of the model (declare it in equations)`, { ...ctx, symbol: target });
      }
      if (target === 'r') throw new ModelError(`${section} cannot assign "r": it holds the mean firing rate of a spiking neuron`, { ...ctx, symbol: target });
      const rhsText = st.text.slice(a.index + a.op.length);
      if (rhsText.trim() === '') throw new ModelError('the right side is empty', { ...ctx, symbol: target });
      const rhs = extractRandoms(parseExpression(rhsText, ctx), 'local', st.source, randoms, model, { ...ctx, parameters });
      checkCalls(rhs, functions, ctx);
      out.push({ target, kind: 'assign', op: a.op, rhs, locality: variables.find((v) => v.name === target)!.locality, source: st.source, ...locationOf(ctx) });
    }
    return out;
  };
  const parseCondition = (text: string, section: 'spike' | 'axonSpike'): { cond: MathNode; source: string; section: 'spike' | 'axonSpike'; line: number | undefined } => {
    const src = text.replace(/\n/g, ' ').trim();
    const at = { model, section, line: firstLineOf(text), statement: src };
    let cond = parseExpression(src, at);
    checkCalls(cond, functions, at);
    const boolAttrs = new Set([...parameters, ...variables].filter((x) => x.type === 'bool').map((x) => x.name));
    // ANNarchy compiles `if (<spike>)`: any number is a condition, true when non-zero (NaN too, as in C)
    if (!isCondition(cond, boolAttrs, functions)) cond = new math.OperatorNode('!=', 'unequal', [new math.ParenthesisNode(cond), new math.ConstantNode(0)]);
    return { cond: extractRandoms(cond, 'local', src, randoms, model, { section, line: at.line, parameters }), source: src, section, line: at.line };
  };

  let spike: NeuronIR['spike'];
  const reset: EquationInfo[] = [];
  if (spiking) {
    spike = parseCondition(n.spike!, 'spike') as NeuronIR['spike'];
    reset.push(...parseResets(n.reset, 'reset'));
  } else if (n.reset !== undefined && n.reset.trim() !== '') {
    throw new ModelError('"reset" is given but no "spike" condition: only spiking neurons are reset', { model, section: 'reset', line: firstLineOf(n.reset), statement: n.reset.trim(), symbol: 'reset' });
  }

  let axonSpike: NeuronIR['axonSpike'];
  let axonReset: EquationInfo[] | undefined;
  if (n.axonSpike !== undefined && n.axonSpike.trim() !== '') {
    if (!spiking) throw new ModelError('"axonSpike" needs a spike condition (a spiking neuron)', { model, section: 'axonSpike', line: firstLineOf(n.axonSpike), statement: n.axonSpike.trim(), symbol: 'axonSpike' });
    axonSpike = parseCondition(n.axonSpike, 'axonSpike') as NeuronIR['axonSpike'];
    axonReset = parseResets(n.axonReset, 'axonReset');
  } else if (n.axonReset !== undefined && n.axonReset.trim() !== '') {
    throw new ModelError('"axonReset" is given but no "axonSpike" condition', { model, section: 'axonReset', line: firstLineOf(n.axonReset), statement: n.axonReset.trim(), symbol: 'axonReset' });
  }

  let refractory: number | string | undefined;
  if (n.refractory !== undefined) {
    const at = { model, section: 'refractory' as const, statement: String(n.refractory).trim() };
    if (!spiking) throw new ModelError('"refractory" needs a spike condition', { ...at, symbol: 'refractory' });
    if (typeof n.refractory === 'string') {
      const r = n.refractory.trim();
      if (/^[A-Za-z_]\w*$/.test(r)) {
        if (!has(r)) throw new ModelError(`refractory names "${r}", which is not a parameter or variable of the model`, { ...at, symbol: r });
        refractory = r;
      } else {
        const v = Number(r);
        if (r === '' || !Number.isFinite(v) || v < 0) throw new ModelError(`refractory "${r}" must be a duration in ms or the name of a parameter or variable`, { ...at, symbol: r });
        refractory = v;
      }
    } else {
      if (!Number.isFinite(n.refractory) || n.refractory < 0) throw new ModelError(`refractory must be a non-negative duration in ms, got ${n.refractory}`, { ...at, symbol: String(n.refractory) });
      refractory = n.refractory;
    }
  }

  const globalOps = neuronGlobalOps(model, { parameters, variables, equations, spike, reset });
  return { name: model, spiking, parameters, variables, equations, functions, randoms, spike, reset, refractory, targets, globalOps, axonSpike, axonReset };
}

/**
 * The global operations (`mean(r)`, ...) a neuron reads, each once. As in ANNarchy
 * (`extract_globalops_neuron`) the argument must be a per-neuron attribute of the model;
 * `mean(pre.r)` belongs to synapses.
 */
function neuronGlobalOps(model: string, ir: Pick<NeuronIR, 'parameters' | 'variables' | 'equations' | 'spike' | 'reset'>): GlobalOpUse[] {
  const out: GlobalOpUse[] = [];
  const visit = (node: MathNode, at: LocatedStatement) => {
    for (const s of symbolsOf(node)) {
      const g = parseGlobalOp(s);
      if (!g) continue;
      const shown = userSymbol(s);
      if (g.side) throw new ModelError(`${shown}: global operations over pre./post. variables exist only in synapses; a neuron writes ${g.op}(x) over its own attributes`, { model, ...where(at), symbol: shown });
      const attr = ir.parameters.find((p) => p.name === g.variable) ?? ir.variables.find((v) => v.name === g.variable);
      if (!attr) {
        const locals = [...ir.parameters, ...ir.variables].filter((a) => a.locality === 'local').map((a) => a.name);
        throw new ModelError(`${shown}: "${g.variable}" is not an attribute of the model; per-neuron attributes: ${locals.join(', ') || '(none)'}`, { model, ...where(at), symbol: g.variable });
      }
      if (attr.locality !== 'local') throw new ModelError(`${shown}: "${g.variable}" is population-wide; a global operation needs a per-neuron attribute`, { model, ...where(at), symbol: g.variable });
      if (!out.some((o) => o.op === g.op && o.variable === g.variable)) out.push({ op: g.op, variable: g.variable });
    }
  };
  for (const eq of ir.equations) visit(eq.rhs, eq);
  for (const v of ir.variables) for (const b of v.bounds) visit(b.expr, v);
  if (ir.spike) visit(ir.spike.cond, ir.spike);
  for (const eq of ir.reset) visit(eq.rhs, eq);
  return out;
}
