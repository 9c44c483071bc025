import { math } from './math.js';
import { ModelError } from './model-error.js';
import { analyseEquations, analyseFunctions, analyseParameters, extractRandoms } from './analyse.js';
import { parseExpression, symbolsOf } from './expression.js';
import { splitStatements, findAssignment } from './statements.js';
import type { EquationInfo, NeuronIR, RandomInfo, VariableInfo } from './description.js';

/** Options of {@link Neuron}: ANNarchy's keyword arguments, strings unchanged. */
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
  readonly name: string;
  readonly description: string;
  private _ir: NeuronIR | undefined;

  constructor(opts: NeuronOptions = {}) {
    if (opts === null || typeof opts !== 'object') throw new Error('Neuron: expected an options object { parameters, equations, spike, reset, ... }');
    const known = ['parameters', 'equations', 'spike', 'reset', 'refractory', 'functions', 'name', 'description'];
    for (const k of Object.keys(opts)) {
      if (!known.includes(k)) throw new Error(`Neuron: unknown option "${k}"; expected one of ${known.join(', ')}`);
    }
    for (const k of ['parameters', 'equations', 'spike', 'reset', 'functions', 'name', 'description'] as const) {
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
    this.name = opts.name ?? `Neuron ${neuronCounter++}`;
    this.description = opts.description ?? '';
  }

  /** True if the neuron has a spike condition. */
  get spiking(): boolean {
    return this.spike !== undefined && this.spike.trim() !== '';
  }

  /** The analysed description (computed once). Throws a {@link ModelError} for bad input. */
  analyse(): NeuronIR {
    if (!this._ir) this._ir = analyseNeuron(this);
    return this._ir;
  }
}

/**
 * Analyse a neuron description (annarchy-semantics §1): parameters, variables with flags,
 * equations in declaration order, spike/reset/refractory, targets and random variables.
 */
export function analyseNeuron(n: Neuron): NeuronIR {
  const model = n.name;
  const spiking = n.spiking;
  const parameters = analyseParameters(n.parameters, model);
  const randoms: RandomInfo[] = [];
  const functions = analyseFunctions(n.functions, model);
  const { equations, variables } = analyseEquations(n.equations, { model, parameters, randoms });
  const has = (name: string) => parameters.some((p) => p.name === name) || variables.some((v) => v.name === name);

  if (spiking && has('r')) {
    throw new ModelError('a spiking neuron must not declare "r": it is created automatically for the mean firing rate', { model, symbol: 'r' });
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
  }

  let spike: NeuronIR['spike'];
  const reset: EquationInfo[] = [];
  if (spiking) {
    const src = n.spike!.replace(/\n/g, ' ');
    spike = { cond: extractRandoms(parseExpression(src, { model, statement: src }), 'local', src, randoms, model), source: src };
    for (const st of splitStatements(n.reset, { model })) {
      const a = findAssignment(st.text);
      if (!a) throw new ModelError('a reset statement needs an assignment ("=", "+=", ...)', { model, statement: st.source });
      const target = st.text.slice(0, a.index).trim();
      if (!variables.some((v) => v.name === target)) {
        throw new ModelError(`reset assigns "${target}", which is not a variable of the model`, { model, statement: st.source, symbol: target });
      }
      const rhs = extractRandoms(parseExpression(st.text.slice(a.index + a.op.length), { model, statement: st.source }), 'local', st.source, randoms, model);
      reset.push({ target, kind: 'assign', op: a.op, rhs, locality: variables.find((v) => v.name === target)!.locality, source: st.source });
    }
  } else if (n.reset !== undefined && n.reset.trim() !== '') {
    throw new ModelError('"reset" is given but no "spike" condition', { model });
  }

  let refractory: number | string | undefined;
  if (n.refractory !== undefined) {
    if (!spiking) throw new ModelError('"refractory" needs a spike condition', { model });
    if (typeof n.refractory === 'string') {
      const r = n.refractory.trim();
      if (/^[A-Za-z_]\w*$/.test(r)) {
        if (!has(r)) throw new ModelError(`refractory names "${r}", which is not a parameter or variable`, { model, symbol: r });
        refractory = r;
      } else {
        const v = Number(r);
        if (!Number.isFinite(v) || v < 0) throw new ModelError(`refractory "${r}" must be a duration in ms or an attribute name`, { model });
        refractory = v;
      }
    } else {
      if (!Number.isFinite(n.refractory) || n.refractory < 0) throw new ModelError(`refractory must be a non-negative duration in ms, got ${n.refractory}`, { model });
      refractory = n.refractory;
    }
  }
  for (const f of functions) {
    if (has(f.name)) throw new ModelError(`function "${f.name}" has the name of an attribute`, { model, symbol: f.name, statement: f.source });
  }

  return { name: model, spiking, parameters, variables, equations, functions, randoms, spike, reset, refractory, targets };
}
