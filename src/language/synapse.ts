import { analyseSynapse, type SynapseIR, type SynapseOperation } from './analyse-synapse.js';
import { asModelErrors } from './model-error.js';
import { symbolicScope } from './bounded-symbolic.js';
import { generateSynapseKernels, type NeighbourAttributes } from './synapse-codegen.js';
import type { Neuron } from './neuron.js';
import type { NumericalMethod } from './description.js';
import { GLOBAL_FUNCTIONS } from './global-functions.js';
import { cachedAnalysis } from './analysis-cache.js';

/**
 * Options of {@link Synapse.kernelSource}: what a projection would give the code generator.
 *
 * @example
 * ```ts
 * const src = STDP.kernelSource({ pre: LIF, post: LIF, dt: 0.1 });
 * ```
 */
export interface SynapseKernelSourceOptions {
  /** Neuron of the pre-synaptic population (default: one with exactly the `pre.x` the synapse reads). */
  pre?: Neuron;
  /** Neuron of the post-synaptic population (default: one with exactly the `post.x` the synapse reads). */
  post?: Neuron;
  /** Target(s) of the projection, default `exc`. */
  target?: string | string[];
  /** Time step in ms, default 0.1. */
  dt?: number;
  /** Default numerical method (`setup({ method })`), default `explicit`. */
  method?: NumericalMethod;
}

function neighbourOf(n: Neuron | undefined, reads: string[], spiking: boolean): NeighbourAttributes {
  if (!n) return { local: reads, global: [], spiking };
  const ir = n.analyse();
  const attrs = [...ir.parameters, ...ir.variables];
  const local = attrs.filter((a) => a.locality !== 'global').map((a) => a.name);
  if (!ir.spiking) local.push(...ir.targets.map((t) => `_sum_${t}`), '_sum__all');
  return { local, global: attrs.filter((a) => a.locality === 'global').map((a) => a.name), spiking: ir.spiking };
}

/**
 * Options of {@link Synapse}: ANNarchy's keyword arguments in camelCase, strings unchanged.
 *
 * @example
 * ```ts
 * const o: SynapseOptions = { parameters: 'eta = 0.01 : projection', equations: 'dw/dt = eta * pre.r * post.r' };
 * const Hebb = new Synapse(o);
 * ```
 */
export interface SynapseOptions {
  parameters?: string;
  equations?: string;
  /** Rate-coded transmission of one synapse (default `w * pre.r`). */
  psp?: string;
  /** How the psp of a dendrite are combined (rate-coded): sum (default), max, min, mean. */
  operation?: SynapseOperation;
  /** Statements run when a presynaptic spike arrives; a synapse is spiking iff it is given. */
  preSpike?: string;
  /** Statements run when the postsynaptic neuron spikes. */
  postSpike?: string;
  /** Statements run on axonal spikes of the pre-synaptic neuron (its `axonSpike`). */
  preAxonSpike?: string;
  /** User functions, one `f(x, y) = expr` per line. */
  functions?: string;
  /**
   * Structural plasticity: `condition : proba = p`, evaluated on every synapse each period of
   * `proj.startPruning()`; needs `setup({ structuralPlasticity: true })`.
   */
  pruning?: string;
  /**
   * Structural plasticity: `condition : proba = p, w = w0, d = delay`, evaluated for every missing
   * pre-post pair of each dendrite each period of `proj.startCreating()`.
   */
  creating?: string;
  name?: string;
  description?: string;
}

const KNOWN = ['parameters', 'equations', 'psp', 'operation', 'preSpike', 'postSpike', 'preAxonSpike', 'functions', 'pruning', 'creating', 'name', 'description'];
let synapseCounter = 0;

/**
 * A synapse model in ANNarchy 4.7.3's description language (annarchy-semantics §1.8):
 * spiking iff `preSpike` is given; `w` always exists; parameters are per synapse unless
 * flagged `postsynaptic` (per post neuron) or `projection` (one value).
 *
 * @example
 * ```ts
 * const STDP = new Synapse({
 *   parameters: 'tau_plus = 20.0 : projection\n tau_minus = 20.0 : projection\n A_plus = 0.01 : projection\n A_minus = 0.01 : projection\n w_max = 1.0 : projection',
 *   equations: 'tau_plus * dx/dt = -x : event-driven\n tau_minus * dy/dt = -y : event-driven',
 *   preSpike: 'g_target += w\n x += A_plus * w_max\n w = clip(w + y, 0.0, w_max)',
 *   postSpike: 'y -= A_minus * w_max\n w = clip(w + x, 0.0, w_max)',
 * });
 * ```
 */
export class Synapse {
  readonly parameters: string;
  readonly equations: string;
  readonly psp: string | undefined;
  readonly operation: SynapseOperation;
  readonly preSpike: string | undefined;
  readonly postSpike: string | undefined;
  readonly preAxonSpike: string | undefined;
  readonly functions: string | undefined;
  readonly pruning: string | undefined;
  readonly creating: string | undefined;
  readonly name: string;
  readonly description: string;
  private readonly _ir = new Map<string, SynapseIR>();

  constructor(opts: SynapseOptions = {}) {
    if (opts === null || typeof opts !== 'object') throw new Error('Synapse: expected an options object { parameters, equations, psp, preSpike, ... }');
    for (const k of Object.keys(opts)) {
      if (!KNOWN.includes(k)) throw new Error(`Synapse: unknown option "${k}"; expected one of ${KNOWN.join(', ')}`);
    }
    for (const k of ['parameters', 'equations', 'psp', 'operation', 'preSpike', 'postSpike', 'preAxonSpike', 'functions', 'pruning', 'creating', 'name', 'description'] as const) {
      const v = opts[k];
      if (v !== undefined && v !== null && typeof v !== 'string') throw new Error(`Synapse: option "${k}" must be a string, got ${typeof v}`);
    }
    const op = opts.operation ?? 'sum';
    if (!['sum', 'max', 'min', 'mean'].includes(op)) throw new Error(`Synapse: operation must be 'sum', 'max', 'min' or 'mean', got "${op}"`);
    this.parameters = opts.parameters ?? '';
    this.equations = opts.equations ?? '';
    this.psp = opts.psp ?? undefined;
    this.operation = op;
    this.preSpike = opts.preSpike ?? undefined;
    this.postSpike = opts.postSpike ?? undefined;
    this.preAxonSpike = opts.preAxonSpike ?? undefined;
    this.functions = opts.functions ?? undefined;
    this.pruning = opts.pruning ?? undefined;
    this.creating = opts.creating ?? undefined;
    this.name = opts.name ?? `Synapse ${synapseCounter++}`;
    this.description = opts.description ?? '';
    if (this.operation !== 'sum' && this.spiking) throw new Error(`Synapse "${this.name}": operation "${this.operation}" is only for rate-coded synapses`);
  }

  /** True if the synapse has a `preSpike` statement list (a projection from a spiking population is spiking anyway). */
  get spiking(): boolean {
    return this.preSpike !== undefined && this.preSpike.trim() !== '';
  }

  /**
   * The analysed description (computed once per type). Throws a ModelError for bad input.
   * `type` is the projection's (its pre-synaptic population's, as in ANNarchy); by default
   * spiking iff `preSpike` is given.
   */
  analyse(type?: 'rate' | 'spike'): SynapseIR {
    const key = type ?? (this.spiking ? 'spike' : 'rate');
    let ir = this._ir.get(key);
    if (!ir) {
      const source = {
        name: this.name, parameters: this.parameters, equations: this.equations, psp: this.psp, operation: this.operation,
        preSpike: this.preSpike, postSpike: this.postSpike, preAxonSpike: this.preAxonSpike, functions: this.functions, type: key,
        pruning: this.pruning, creating: this.creating,
      };
      const analyse = () => asModelErrors(this.name, () => symbolicScope(() => analyseSynapse(source)));
      // functions added with addFunction() are part of every model: not cached with them
      ir = GLOBAL_FUNCTIONS.length > 0 ? analyse() : cachedAnalysis('synapse', source, analyse);
      this._ir.set(key, ir);
    }
    return ir;
  }

  /**
   * The JavaScript this synapse runs in a projection, generated without a network: one
   * source per kernel (`psp`, `preSpike`, `postSpike`, `update`, as present). Throws a
   * ModelError naming the statement if the description cannot be generated, e.g. for a
   * `pre.x` the pre-synaptic neuron does not have.
   *
   * @example
   * ```ts
   * console.log(new Synapse({ psp: 'w * pre.r' }).kernelSource().psp);
   * ```
   */
  kernelSource(options: SynapseKernelSourceOptions = {}): Record<string, string> {
    // as in a projection, the type follows the pre-synaptic neuron when one is given
    const ir = this.analyse(options.pre === undefined ? undefined : options.pre.analyse().spiking ? 'spike' : 'rate');
    const spiking = ir.type === 'spike';
    const targets = options.target === undefined ? ['exc'] : Array.isArray(options.target) ? options.target : [options.target];
    return asModelErrors(this.name, () => symbolicScope(() => generateSynapseKernels(ir, {
      method: options.method,
      targets,
      pre: neighbourOf(options.pre, ir.preDependencies, spiking),
      post: neighbourOf(options.post, ir.postDependencies, spiking),
      dt: options.dt ?? 0.1,
    }).source));
  }
}

/**
 * ANNarchy's default synapse of a spiking projection: `g_target += w`.
 *
 * @example
 * ```ts
 * defaultSpikingSynapse().preSpike;   // 'g_target += w'
 * ```
 */
export function defaultSpikingSynapse(): Synapse {
  return new Synapse({ preSpike: 'g_target += w', name: 'Standard spiking synapse' });
}

/**
 * ANNarchy's default synapse of a rate-coded projection: `psp = w * pre.r`.
 *
 * @example
 * ```ts
 * defaultRateSynapse().psp;   // 'w * pre.r'
 * ```
 */
export function defaultRateSynapse(): Synapse {
  return new Synapse({ psp: 'w * pre.r', name: 'Standard rate-coded synapse' });
}
