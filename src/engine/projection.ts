import { Synapse, defaultRateSynapse, defaultSpikingSynapse } from '../language/synapse.js';
import { asModelErrors, ModelError } from '../language/model-error.js';
import { symbolsOf } from '../language/expression.js';
import { symbolicScope } from '../language/bounded-symbolic.js';
import { formatBytes, resourceLimits } from './resource-limits.js';
import type { SynapseIR } from '../language/analyse-synapse.js';
import { CONSTANTS } from '../language/constant.js';
import { generateSynapseKernels, type ProjectionKernel, type ProjectionKernelState, type SynapseKernels } from '../language/synapse-codegen.js';
import type { Locality } from '../language/description.js';
import { coerce, isSampler, type ValueSampler } from './attribute-value.js';
import { attributeAccessor } from './attribute-accessor.js';
import { currentNetwork } from './magic-network.js';
import type { Network } from './network.js';
import { Population } from './population.js';
import type { Recordable } from './monitor.js';
import type { NamedParticipant } from './network.js';
import { Dendrite } from './dendrite.js';
import { RandomDraws } from './random-draws.js';
import { attachModelFunctions } from './model-functions.js';
import type { PopulationKernelState } from '../language/kernel-state.js';
import { LILConnectivity, checkValue, type ConnectorEndpoint, type ConnectorRng, type ConnectorValue } from './connectors/lil-connectivity.js';
import { allToAll } from './connectors/all-to-all.js';
import { oneToOne } from './connectors/one-to-one.js';
import { fixedProbability } from './connectors/fixed-probability.js';
import { csrFromLIL, isCSR, type CSRConnectivity } from './connectors/csr-connectivity.js';
import { fixedNumberPre } from './connectors/fixed-number-pre.js';
import { fixedNumberPost } from './connectors/fixed-number-post.js';
import { fromMatrix, type DenseMatrix } from './connectors/from-matrix.js';
import { fromSparse, type SparseInput } from './connectors/from-sparse.js';
import { gaussian } from './connectors/gaussian.js';
import { dog } from './connectors/dog.js';
import { ParallelDelivery, type PostRanks } from './threads/parallel-delivery.js';
import { StructuralConditions, type StructuralStartOptions } from './structural-conditions.js';
import type { ThreadPool } from './threads/thread-pool.js';
import { fastRecord } from './fast-record.js';

/**
 * A pre/post side: a population, its name, or a view (`{ population, ranks }`).
 *
 * @example
 * ```ts
 * const e: ProjectionEndpoint = pop[0]!;   // a Population, a name, or a view
 * new Projection(e, 'post', 'exc');
 * ```
 */
export type ProjectionEndpoint = Population | string | { population: Population; ranks: readonly number[]; geometry?: readonly number[]; size?: number };

/** Throws if a number, list or list of lists holds NaN or an infinity (a RandomDistribution passes). */
function checkFiniteInput(v: unknown, where: string, at = ''): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`${where}: ${at === '' ? 'value' : `element ${at}`} is ${v}; expected finite numbers`);
    return;
  }
  if (v !== null && typeof v === 'object' && !isSampler(v) && typeof (v as ArrayLike<unknown>).length === 'number' && at.split('][').length < 3) {
    const a = v as ArrayLike<unknown>;
    for (let i = 0; i < a.length; i++) checkFiniteInput(a[i], where, at === '' ? `[${i}]` : `${at}[${i}]`);
  }
}

/**
 * Options of {@link Projection} besides pre, post, target and synapse.
 *
 * @example
 * ```ts
 * new Projection(pre, post, 'exc', undefined, { name: 'pre_post' } satisfies ProjectionOptions);
 * ```
 */
export interface ProjectionOptions {
  name?: string;
  network?: Network;
}

/**
 * A connect call as made on a projection: the method's name and its arguments
 * ({@link Projection.connectorCall}).
 *
 * @example
 * ```ts
 * proj.connectFixedProbability({ probability: 0.5, weights: 1 });
 * proj.connectorCall; // { method: 'connectFixedProbability', args: [{ probability: 0.5, weights: 1 }] }
 * ```
 */
export interface ConnectorCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

/**
 * Common connector options.
 *
 * @example
 * ```ts
 * const o: ConnectOptions = { weights: 0.5, delays: 2.0, allowSelfConnections: false };
 * proj.connectAllToAll(o);
 * ```
 */
export interface ConnectOptions {
  weights?: ConnectorValue;
  delays?: ConnectorValue;
  allowSelfConnections?: boolean;
  /** Keep one weight per synapse even if `weights` is a number and there is no plasticity. */
  forceMultipleWeights?: boolean;
}

/**
 * A value accepted by projection attribute setters.
 *
 * @example
 * ```ts
 * const w: ProjectionAttributeInput = new Uniform(0, 1);
 * proj.w = w;
 * ```
 */
export type ProjectionAttributeInput = number | boolean | ValueSampler | ArrayLike<number> | ArrayLike<ArrayLike<number>>;

interface AttrMeta {
  locality: Locality;
  type: 'double' | 'int' | 'bool';
  init: number;
}

/** Python's `a % b` (the sign of b). */
function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

/** Python's round(): half to even (delays `round(delay/dt)`). */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** A copy of `a` with room for at least `size` entries (doubling). */
function grown(a: Int32Array, size: number): Int32Array {
  let len = Math.max(1, a.length) * 2;
  while (len < size) len *= 2;
  const b = new Int32Array(len);
  b.set(a);
  return b;
}

/** Index of the first entry outside [0, size), -1 if none. */
function firstOutside(a: Int32Array, size: number): number {
  for (let k = 0; k < a.length; k++) if (a[k]! >= size || a[k]! < 0) return k;
  return -1;
}

/**
 * Transpose compressed rows: `ptr` (length nPre + 1) gets the start of each pre rank's synapses,
 * `syn` their indices in row order, `dend` their rows and `post` their post ranks (each only
 * filled if it has room; an empty array is skipped).
 */
function invertRows(rowPtr: Int32Array, preRank: Int32Array, postRank: Int32Array, ptr: Int32Array, syn: Int32Array, dend: Int32Array, post: PostRanks): void {
  const nS = preRank.length, nD = postRank.length, nPre = ptr.length - 1;
  for (let k = 0; k < nS; k++) ptr[preRank[k]! + 1]!++;
  for (let r = 0; r < nPre; r++) ptr[r + 1]! += ptr[r]!;
  const fill = ptr.slice(0, nPre);
  const withSyn = syn.length > 0, withDend = dend.length > 0, withPost = post.length > 0;
  for (let i = 0; i < nD; i++) {
    const r = postRank[i]!, k1 = rowPtr[i + 1]!;
    for (let k = rowPtr[i]!; k < k1; k++) {
      const at = fill[preRank[k]!]!++;
      if (withSyn) syn[at] = k;
      if (withDend) dend[at] = i;
      if (withPost) post[at] = r;
    }
  }
}

// The loops below handle eight synapses per iteration: TurboFan re-checks every typed array
// (map, length, data pointer) after each loop iteration's interrupt check, so that a one-synapse
// loop costs ~3 ns per synapse and this one ~1 ns. The additions stay in synapse order.

/** `g[post] += w` for the synapses of each spike, in inverse order; `w` in the same order. */
function deliverCopied(spikes: Int32Array, count: number, ptr: Int32Array, post: PostRanks, w: Float64Array, g: Float64Array): void {
  for (let s = 0; s < count; s++) {
    const r = spikes[s]!;
    const x1 = ptr[r + 1]!;
    let x = ptr[r]!;
    for (; x + 7 < x1; x += 8) {
      g[post[x]!]! += w[x]!;
      g[post[x + 1]!]! += w[x + 1]!;
      g[post[x + 2]!]! += w[x + 2]!;
      g[post[x + 3]!]! += w[x + 3]!;
      g[post[x + 4]!]! += w[x + 4]!;
      g[post[x + 5]!]! += w[x + 5]!;
      g[post[x + 6]!]! += w[x + 6]!;
      g[post[x + 7]!]! += w[x + 7]!;
    }
    for (; x < x1; x++) g[post[x]!]! += w[x]!;
  }
}

/** As {@link deliverCopied} with one weight for all synapses (same additions, less memory traffic). */
function deliverConstant(spikes: Int32Array, count: number, ptr: Int32Array, post: PostRanks, weights: Float64Array, g: Float64Array): void {
  // the weight is read here, not passed: a double argument is boxed on every call
  const w = weights[0]!;
  for (let s = 0; s < count; s++) {
    const r = spikes[s]!;
    const x1 = ptr[r + 1]!;
    let x = ptr[r]!;
    for (; x + 7 < x1; x += 8) {
      g[post[x]!]! += w;
      g[post[x + 1]!]! += w;
      g[post[x + 2]!]! += w;
      g[post[x + 3]!]! += w;
      g[post[x + 4]!]! += w;
      g[post[x + 5]!]! += w;
      g[post[x + 6]!]! += w;
      g[post[x + 7]!]! += w;
    }
    for (; x < x1; x++) g[post[x]!]! += w;
  }
}

/** As {@link deliverCopied}, reading the live weights through the synapse index `syn`. */
function deliverIndexed(spikes: Int32Array, count: number, ptr: Int32Array, post: PostRanks, syn: Int32Array, w: Float64Array, g: Float64Array): void {
  for (let s = 0; s < count; s++) {
    const r = spikes[s]!;
    const x1 = ptr[r + 1]!;
    let x = ptr[r]!;
    for (; x + 3 < x1; x += 4) {
      g[post[x]!]! += w[syn[x]!]!;
      g[post[x + 1]!]! += w[syn[x + 1]!]!;
      g[post[x + 2]!]! += w[syn[x + 2]!]!;
      g[post[x + 3]!]! += w[syn[x + 3]!]!;
    }
    for (; x < x1; x++) g[post[x]!]! += w[syn[x]!]!;
  }
}

/**
 * A projection between two populations (ANNarchy's `Projection`): one `connect*` call declares
 * the connectivity, built at `compile()` with the numpy-legacy generator in ANNarchy's draw
 * order. Synaptic attributes are properties: per-synapse ones read as lists per dendrite.
 *
 * @example
 * ```ts
 * const proj = new Projection(pre, post, 'exc');           // default synapse
 * proj.connectFixedProbability({ probability: 0.1, weights: new Uniform(0, 1), delays: 2.0 });
 * compile();
 * proj.nbSynapses;      // number of synapses drawn
 * proj.w;               // number[][] (one list per post neuron receiving synapses)
 * ```
 */
export class Projection implements NamedParticipant, Recordable {
  /** Attribute access by name (`proj.w`, `proj.tau = 10`). */
  [attribute: string]: any;

  readonly id: number;
  readonly name: string;
  readonly network: Network;
  readonly pre: Population;
  readonly post: Population;
  readonly target: string | string[];
  readonly targets: readonly string[];
  readonly synapseType: Synapse;
  readonly $ir: SynapseIR;
  readonly parameters: readonly string[];
  readonly variables: readonly string[];
  /** Values assigned before compile (restored by `reset()`, except `w`). */
  readonly init = new Map<string, ProjectionAttributeInput>();
  connectorName = '';
  /**
   * The connect method as called, with its arguments (undefined before a connect call and for
   * connectivity a subclass defines): DBSstimulator re-applies it to the rebuilt projection.
   */
  connectorCall: ConnectorCall | undefined;
  private readonly $preEnd: ConnectorEndpoint;
  private readonly $postEnd: ConnectorEndpoint;
  private $builder: ((rng: unknown) => LILConnectivity | CSRConnectivity) | undefined;
  private $singleConstantWeight = false;
  private readonly $meta = new Map<string, AttrMeta>();
  /** Kernel state after compile. */
  $state: ProjectionKernelState | undefined;
  $kernels: SynapseKernels | undefined;
  /** Per-synapse delays of a rate-coded projection: delayed pre values per synapse, by variable. */
  private $gatheredNames: string[] = [];
  private $gathered: Float64Array[] = [];
  /** Random variables of the synapse equations, drawn every step (ANNarchy `update_rng()`). */
  private $randomDraws: RandomDraws | undefined;
  private $randomState: PopulationKernelState | undefined;
  private $bound: { psp?: ProjectionKernel; preSpike?: ProjectionKernel; preAxonSpike?: ProjectionKernel; update?: ProjectionKernel; postSpike?: ProjectionKernel } = {};
  /** Axonal spikes: 0 none, 1 delivered like spikes, 2 through their own kernel. */
  private $axonMode = 0;
  /** Delay of each synapse in steps. */
  private $delaySteps: Int32Array = new Int32Array(0);
  /** Largest delay in steps; -1 before compile. */
  maxDelay = -1;
  /** The common delay in steps (at most maxDelay, the length of the rings), or -1 for per-synapse delays. */
  uniformDelay = -1;
  /** ANNarchy keeps delay buffers only for projections compiled with delays (`set_delay` refuses the others). */
  private $compiledWithDelays = false;
  private $spikeHistory: Int32Array[] = [];
  private $spikeHistoryN: number[] = [];
  private $rateHistory: Map<string, Float64Array[]> = new Map();
  /** Population-wide pre values psp reads (`pre.x`, flag population) and their delay rings. */
  private $preGlobalNames: string[] = [];
  private $preGlobalHistory: Float64Array[] = [];
  /** Per-synapse delays: per slot, the queued events' dendrite and synapse indices and their count. */
  private $ringDend: Int32Array[] = [];
  private $ringSyn: Int32Array[] = [];
  private $ringN = new Int32Array(0);
  private $ringIdx = 0;
  /** Counting-sort buckets by dendrite (nDendrites + 1), reused every step. */
  private $ringCount = new Int32Array(0);
  protected $invPtr: Int32Array = new Int32Array(0);
  protected $invSyn: Int32Array = new Int32Array(0);
  protected $invDend: Int32Array = new Int32Array(0);
  /** Post rank of each inverse-connectivity entry (the plain `g_target += w` loop). */
  protected $invPost: PostRanks = new Int32Array(0);
  /** `g_<target>` of the post population, written by the plain delivery loop. */
  private $gPlain: Float64Array = new Float64Array(0);
  /** Cached weights of the plain loop in inverse order, undefined when stale. */
  private $invW: Float64Array | undefined;
  /** All cached weights are the same number (the common constant-weight case). */
  private $invWConstant = false;
  private $learning = { update: true, period: 1, offset: 0 };
  /** The plain delivery split over kernel threads (`setup({ numThreads })`), set at compile. @internal */
  $parallelDelivery: ParallelDelivery | undefined;
  /** The synapse's `pruning` / `creating` conditions after compile (structural plasticity). @internal */
  $structural: StructuralConditions | undefined;
  /** Step 2 only defers a split delivery (see `StepParticipant.$defersDelivery`). @internal */
  $defersDelivery = false;

  constructor(pre: ProjectionEndpoint, post: ProjectionEndpoint, target: string | string[], synapse?: Synapse, nameOrOptions?: string | ProjectionOptions) {
    const opts: ProjectionOptions = typeof nameOrOptions === 'string' ? { name: nameOrOptions } : (nameOrOptions ?? {});
    // the network of the pre population (or view), as a user building a Network would expect
    const preNet = pre instanceof Population ? pre.network
      : pre && typeof pre === 'object' && (pre as { population?: unknown }).population instanceof Population
        ? ((pre as { population: Population }).population.network) : undefined;
    this.network = opts.network ?? preNet ?? currentNetwork();
    this.$preEnd = this.$endpoint(pre, 'pre');
    this.$postEnd = this.$endpoint(post, 'post');
    this.pre = this.$preEnd.population as Population;
    this.post = this.$postEnd.population as Population;
    if (this.pre.network !== this.network || this.post.network !== this.network) throw new Error('Projection: pre and post must belong to the projection\'s network');
    const targets = typeof target === 'string' ? [target] : Array.isArray(target) ? [...target] : [];
    if (targets.length === 0 || targets.some((t) => typeof t !== 'string' || !/^\w+$/.test(t))) {
      throw new Error(`Projection: target must be a name such as 'exc' or a list of names, got ${JSON.stringify(target)}`);
    }
    this.target = target;
    this.targets = Object.freeze(targets);
    if (synapse !== undefined && !(synapse instanceof Synapse)) throw new Error('Projection: "synapse" must be a Synapse (new Synapse({ ... }))');
    this.synapseType = synapse ?? (this.pre.spiking ? defaultSpikingSynapse() : defaultRateSynapse());
    if (this.synapseType.spiking && !this.pre.spiking) throw new Error(`Projection: the spiking synapse "${this.synapseType.name}" needs a spiking pre-synaptic population; "${this.pre.name}" is rate-coded`);
    // the synapse type follows the pre-synaptic population (ANNarchy: synapse_type.type = pre.neuron_type.type)
    this.$ir = this.synapseType.analyse(this.pre.spiking ? 'spike' : 'rate');
    if ((this.$ir.pruning || this.$ir.creating) && !this.network.structuralPlasticity) {
      // ANNarchy 4.7.3 raises this in Synapse(); here the network is known once the projection is built
      const c = (this.$ir.pruning ?? this.$ir.creating)!;
      throw new ModelError('"structural_plasticity" has not been set to true: call setup({ structuralPlasticity: true }) (or new Network({ structuralPlasticity: true })) before building projections whose synapse has pruning or creating conditions',
        { model: this.synapseType.name, section: c.section, line: c.line, statement: c.source, symbol: c.section });
    }
    this.id = this.network.nextId('projection');
    this.name = opts.name ?? `proj${this.id}`;
    this.$checkEndpointTypes();
    this.$checkNeighbours();
    this.parameters = Object.freeze(this.$ir.parameters.map((p) => p.name));
    this.variables = Object.freeze(this.$ir.variables.map((v) => v.name));
    for (const p of this.$ir.parameters) this.$meta.set(p.name, { locality: p.locality, type: p.type, init: p.init });
    for (const v of this.$ir.variables) this.$meta.set(v.name, { locality: v.locality, type: v.type, init: v.init });
    for (const name of this.$meta.keys()) {
      if (name in this) {
        console.warn(`Warning: Projection "${this.name}": attribute "${name}" has the name of a Projection member; use proj.get('${name}') and proj.set({ ${name}: ... }) for it`);
        continue;
      }
      // shared per name: closures per instance made the second projection's object a
      // dictionary, whose every property read in Network.step went through LoadIC
      Object.defineProperty(this, name, attributeAccessor(name));
    }
    attachModelFunctions(this, this.$ir.functions, this.$ir.name, `Projection "${this.name}"`, this.$ir);
    this.network.addProjection(this);
  }

  /**
   * The checks compile() would fail on, made when the projection is built, so that a bad
   * projection never joins the network: every `pre.x` / `post.x` the synapse reads exists (every
   * target gets its conductance on the post population, as in ANNarchy).
   */
  private $checkNeighbours(): void {
    const names = (p: Population) => new Set([...p.$ir.parameters, ...p.$ir.variables].map((a) => a.name));
    for (const [side, pop, deps] of [['pre', this.pre, this.$ir.preDependencies], ['post', this.post, this.$ir.postDependencies]] as const) {
      const known = names(pop);
      for (const d of deps) {
        // sums of rate-coded neurons exist for every target projected onto them
        if (/^_sum_/.test(d) && !pop.spiking) continue;
        if (!known.has(d)) {
          // a description error (the synapse names an attribute its neurons lack), found early
          // a structural condition names its section (the others are found again at compile)
          const c = [this.$ir.pruning, this.$ir.creating].find((x) => x && symbolsOf(x.expr).has(`${side}__${d}`));
          throw new ModelError(`the synapse reads ${side}.${d}, but the ${side}-synaptic population "${pop.name}" (neuron "${pop.neuronType.name}") of projection "${this.name}" has no attribute "${d}"`,
            { model: this.synapseType.name, symbol: `${side}.${d}`, ...(c ? { section: c.section, line: c.line, statement: c.source } : {}) });
        }
      }
    }
  }

  /** Refuse pre/post types the projection cannot connect (specific projections override it). */
  protected $checkEndpointTypes(): void {
    if (this.$ir.type === 'spike' && !this.post.spiking) throw new Error(`Projection: the spiking synapse "${this.synapseType.name}" needs a spiking post-synaptic population; "${this.post.name}" is rate-coded`);
    if (this.$ir.type === 'rate' && this.post.spiking) throw new Error(`Projection: the rate-coded synapse "${this.synapseType.name}" cannot project onto the spiking population "${this.post.name}"`);
  }

  /** The kernels of the synapse (specific projections compute their inputs themselves and need none). */
  protected $generateKernels(net: Network): SynapseKernels {
    return asModelErrors(this.$ir.name, () => symbolicScope(() => generateSynapseKernels(this.$ir, { method: net.method, targets: this.targets, pre: this.$neighbour(this.pre), post: this.$neighbour(this.post), dt: net.dt })));
  }

  private $neighbour(p: Population): { local: string[]; global: string[]; spiking: boolean } {
    return { local: Object.keys(p.$state!.local), global: Object.keys(p.$state!.global), spiking: p.spiking };
  }

  /** Called after the state is built, before the kernels bind to it (Copy shares its original's weights here). */
  protected $adoptState(_state: ProjectionKernelState): void {}

  /** The pre/post side as given (a view keeps its ranks). */
  protected get $preEndpoint(): ConnectorEndpoint {
    return this.$preEnd;
  }

  protected get $postEndpoint(): ConnectorEndpoint {
    return this.$postEnd;
  }

  /** Declare the connectivity builder (one connect call per projection). */
  protected $defineConnectivity(name: string, builder: (rng: unknown) => LILConnectivity, constantWeight: boolean): this {
    return this.$setConnector(name, builder, constantWeight);
  }

  private $endpoint(e: ProjectionEndpoint, side: string): ConnectorEndpoint {
    let pop: Population;
    if (typeof e === 'string') pop = (this.network ?? currentNetwork()).getPopulation(e);
    else if (e instanceof Population) pop = e;
    else if (e && typeof e === 'object' && (e as { population?: unknown }).population instanceof Population && Array.isArray((e as { ranks?: unknown }).ranks)) {
      const v = e as { population: Population; ranks: readonly number[]; geometry?: readonly number[] };
      return { population: v.population, source: e, ranks: [...v.ranks], size: v.ranks.length, geometry: v.geometry ?? [v.ranks.length] };
    } else throw new Error(`Projection: ${side} must be a Population, a PopulationView or a population name`);
    return { population: pop, source: pop, ranks: Array.from({ length: pop.size }, (_, i) => i), size: pop.size, geometry: pop.geometry };
  }

  /** Parameter and variable names. */
  get attributes(): string[] {
    return [...this.parameters, ...this.variables];
  }

  /** Whether the synapse is spiking. */
  get spiking(): boolean {
    return this.$ir.type === 'spike';
  }

  // --- connectors -----------------------------------------------------------------

  private $setConnector(name: string, builder: (rng: unknown) => LILConnectivity | CSRConnectivity, constantWeight: boolean, call?: ConnectorCall): this {
    if (this.$builder) throw new Error(`Projection "${this.name}": connectivity is already defined (${this.connectorName}); call one connect method only`);
    if (this.$state) throw new Error(`Projection "${this.name}": connect methods must be called before compile()`);
    this.connectorName = name;
    this.connectorCall = call;
    this.$builder = builder;
    this.$singleConstantWeight = constantWeight;
    return this;
  }

  private $rngFor(): ConnectorRng {
    const rng = this.network.numpyRng as ConnectorRng | undefined;
    if (!rng || typeof rng.random !== 'function') {
      throw new Error(`Projection "${this.name}": random connectivity needs the numpy-style generator (network.numpyRng), which is not attached`);
    }
    return rng;
  }

  private $values(o: ConnectOptions, where: string, defaultWeight?: number): { weights: ConnectorValue; delays: ConnectorValue } {
    if (o === null || typeof o !== 'object') throw new Error(`${where}: expected an options object, e.g. { weights: 1.0, delays: 0.0 }`);
    const w = o.weights ?? defaultWeight;
    if (w === undefined) throw new Error(`${where}: "weights" is required (a number or a RandomDistribution)`);
    const weights = checkValue(w, 'weights', where);
    const delays = checkValue(o.delays ?? 0, 'delays', where);
    if (typeof delays === 'number' && delays < 0) throw new Error(`${where}: delays must be >= 0 ms, got ${delays}`);
    if (typeof delays === 'number') this.$checkDelayBudget(delays / this.network.dt, `${where}: delays`);
    return { weights, delays };
  }

  /**
   * ANNarchy: delays given as a distribution or an array are per synapse (uniform_delay -1) even
   * when the drawn values happen to be equal (3 one-to-one synapses of DiscreteUniform(1, 5)).
   * A LIL or a user function says so itself (`delaysPerSynapse`).
   */
  private $delaysGivenPerSynapse(): boolean {
    const call = this.connectorCall;
    if (!call || call.method === 'connectFromLil' || call.method === 'connectWithFunc') return false;
    const given = (call.args[0] as { delays?: unknown } | undefined)?.delays;
    return typeof given === 'object' && given !== null;
  }

  /** Throws if a delay of `steps` steps would need a queue beyond the memory budget (resource-limits.ts). */
  private $checkDelayBudget(steps: number, what: string): void {
    // the queue keeps one entry per pre-synaptic neuron and step of delay
    const bytes = (Math.round(steps) + 1) * this.pre.size * 8;
    const budget = resourceLimits().delayQueueBytes;
    if (bytes > budget) {
      throw new Error(`${what} of ${(steps * this.network.dt).toPrecision(6)} ms (${Math.round(steps)} steps) need a delay queue of ${formatBytes(bytes)} for ${this.pre.size} pre-synaptic neurons, more than the budget of ${formatBytes(budget)} (setResourceLimits({ delayQueueBytes }))`);
    }
  }

  private $isConstant(o: ConnectOptions, w: ConnectorValue): boolean {
    return typeof w === 'number' && !o.forceMultipleWeights;
  }

  /**
   * All-to-all connectivity (ANNarchy `connect_all_to_all`).
   *
   * @example
   * ```ts
   * proj.connectAllToAll({ weights: new Uniform(1, 2), delays: 1.0 });
   * ```
   */
  connectAllToAll(o: ConnectOptions): this {
    const { weights, delays } = this.$values(o, `Projection "${this.name}".connectAllToAll`);
    const needsRng = typeof weights !== 'number' || typeof delays !== 'number';
    return this.$setConnector('All-to-All', (rng) => allToAll(this.$preEnd, this.$postEnd, { weights, delays, allowSelfConnections: o.allowSelfConnections }, needsRng ? this.$rngFor() : rng), this.$isConstant(o, weights), { method: 'connectAllToAll', args: [o] });
  }

  /** One-to-one connectivity (ANNarchy `connect_one_to_one`, weights default 1.0). */
  connectOneToOne(o: Omit<ConnectOptions, 'allowSelfConnections'> = {}): this {
    const { weights, delays } = this.$values(o, `Projection "${this.name}".connectOneToOne`, 1.0);
    const needsRng = typeof weights !== 'number' || typeof delays !== 'number';
    return this.$setConnector('One-to-One', (rng) => oneToOne(this.$preEnd, this.$postEnd, { weights, delays }, needsRng ? this.$rngFor() : rng), this.$isConstant(o, weights), { method: 'connectOneToOne', args: [o] });
  }

  /** Random connectivity with probability `probability` per pair (ANNarchy `connect_fixed_probability`). */
  connectFixedProbability(o: ConnectOptions & { probability: number }): this {
    const where = `Projection "${this.name}".connectFixedProbability`;
    const { weights, delays } = this.$values(o, where);
    if (typeof o.probability !== 'number' || !(o.probability >= 0 && o.probability <= 1)) throw new Error(`${where}: probability must be a number in [0, 1], got ${String(o.probability)}`);
    return this.$setConnector('Random', () => fixedProbability(this.$preEnd, this.$postEnd, { probability: o.probability, weights, delays, allowSelfConnections: o.allowSelfConnections }, this.$rngFor()), this.$isConstant(o, weights), { method: 'connectFixedProbability', args: [o] });
  }

  /** Each post neuron receives from `number` random pre neurons (ANNarchy `connect_fixed_number_pre`). */
  connectFixedNumberPre(o: ConnectOptions & { number: number }): this {
    const { weights, delays } = this.$values(o, `Projection "${this.name}".connectFixedNumberPre`);
    if (!Number.isInteger(o.number) || o.number < 0) throw new Error(`Projection "${this.name}".connectFixedNumberPre: number must be a non-negative integer, got ${String(o.number)}`);
    if (o.number > this.$preEnd.size) throw new Error(`Projection "${this.name}".connectFixedNumberPre: number (${o.number}) exceeds the size of the pre-synaptic population (${this.$preEnd.size})`);
    return this.$setConnector('Random Convergent', () => fixedNumberPre(this.$preEnd, this.$postEnd, { number: o.number, weights, delays, allowSelfConnections: o.allowSelfConnections }, this.$rngFor()), this.$isConstant(o, weights), { method: 'connectFixedNumberPre', args: [o] });
  }

  /** Each pre neuron projects to `number` random post neurons (ANNarchy `connect_fixed_number_post`). */
  connectFixedNumberPost(o: ConnectOptions & { number: number }): this {
    const { weights, delays } = this.$values(o, `Projection "${this.name}".connectFixedNumberPost`, 1.0);
    if (!Number.isInteger(o.number) || o.number < 0) throw new Error(`Projection "${this.name}".connectFixedNumberPost: number must be a non-negative integer, got ${String(o.number)}`);
    if (o.number > this.$postEnd.size) throw new Error(`Projection "${this.name}".connectFixedNumberPost: number (${o.number}) exceeds the size of the post-synaptic population (${this.$postEnd.size})`);
    return this.$setConnector('Random Divergent', () => fixedNumberPost(this.$preEnd, this.$postEnd, { number: o.number, weights, delays, allowSelfConnections: o.allowSelfConnections }, this.$rngFor()), this.$isConstant(o, weights), { method: 'connectFixedNumberPost', args: [o] });
  }

  /** Connectivity from a dense `[post][pre]` matrix, `null` = no synapse (ANNarchy `connect_from_matrix`). */
  connectFromMatrix(o: { weights: DenseMatrix; delays?: number | DenseMatrix; prePost?: boolean }): this {
    if (!o || typeof o !== 'object' || !Array.isArray(o.weights)) throw new Error(`Projection "${this.name}".connectFromMatrix: expected { weights: [[...], ...], delays?, prePost? }`);
    return this.$setConnector('Connectivity matrix', () => fromMatrix(this.$preEnd, this.$postEnd, o), false, { method: 'connectFromMatrix', args: [o] });
  }

  /**
   * Connectivity from a list of lists built elsewhere (ANNarchy's `_load_from_lil`, used by
   * `connect_from_file`): post ranks, pre ranks, weights and delays (ms) per dendrite.
   *
   * @example
   * ```ts
   * const lil = new LILConnectivity();
   * lil.add(0, [1, 2], [0.5, 0.25], [1.0]);
   * proj.connectFromLil(lil);
   * ```
   */
  connectFromLil(lil: LILConnectivity, name = 'From LIL'): this {
    if (!(lil instanceof LILConnectivity)) throw new Error(`Projection "${this.name}".connectFromLil: expected a LILConnectivity`);
    return this.$setConnector(name, () => lil, false, { method: 'connectFromLil', args: [lil, name] });
  }

  /** Connectivity from a sparse `[pre, post]` matrix (ANNarchy `connect_from_sparse`). */
  connectFromSparse(o: { weights: SparseInput; delays?: number }): this {
    if (!o || typeof o !== 'object') throw new Error(`Projection "${this.name}".connectFromSparse: expected { weights, delays? }`);
    return this.$setConnector('Sparse connectivity matrix', () => fromSparse(this.$preEnd, this.$postEnd, o), false, { method: 'connectFromSparse', args: [o] });
  }

  private $wholePopulations(where: string): void {
    if (this.$preEnd.size !== this.pre.size || this.$postEnd.size !== this.post.size) throw new Error(`${where} is only possible on whole populations, not PopulationViews`);
  }

  /** Gaussian profile over normalised coordinates (ANNarchy `connect_gaussian`). */
  connectGaussian(o: { amp: number; sigma: number; delays?: ConnectorValue; limit?: number; allowSelfConnections?: boolean }): this {
    this.$wholePopulations(`Projection "${this.name}".connectGaussian`);
    if (typeof o?.amp !== 'number' || typeof o.sigma !== 'number') throw new Error(`Projection "${this.name}".connectGaussian: amp and sigma must be numbers`);
    const delays = checkValue(o.delays ?? 0, 'delays', 'connectGaussian');
    return this.$setConnector('Gaussian', () => gaussian(this.$preEnd, this.$postEnd, { ...o, delays }, typeof delays === 'number' ? undefined : this.$rngFor()), false, { method: 'connectGaussian', args: [o] });
  }

  /** Difference-of-Gaussians profile (ANNarchy `connect_dog`). */
  connectDog(o: { ampPos: number; sigmaPos: number; ampNeg: number; sigmaNeg: number; delays?: ConnectorValue; limit?: number; allowSelfConnections?: boolean }): this {
    this.$wholePopulations(`Projection "${this.name}".connectDog`);
    for (const k of ['ampPos', 'sigmaPos', 'ampNeg', 'sigmaNeg'] as const) if (typeof o?.[k] !== 'number') throw new Error(`Projection "${this.name}".connectDog: ${k} must be a number`);
    const delays = checkValue(o.delays ?? 0, 'delays', 'connectDog');
    return this.$setConnector('Difference-of-Gaussian', () => dog(this.$preEnd, this.$postEnd, { ...o, delays }, typeof delays === 'number' ? undefined : this.$rngFor()), false, { method: 'connectDog', args: [o] });
  }

  /**
   * User-defined connectivity (ANNarchy `connect_with_func`): `method(pre, post, args)` returns a
   * {@link LILConnectivity}; it is called at compile time.
   *
   * @example
   * ```ts
   * proj.connectWithFunc((pre, post, { w }) => { const l = new LILConnectivity(); l.add(0, [0, 1], w); return l; }, { w: 0.5 });
   * ```
   */
  connectWithFunc<A extends Record<string, unknown>>(method: (pre: Population, post: Population, args: A) => LILConnectivity, args: A = {} as A): this {
    if (typeof method !== 'function') throw new Error(`Projection "${this.name}".connectWithFunc: method must be a function returning a LILConnectivity`);
    return this.$setConnector('User-defined', () => {
      const lil = method(this.pre, this.post, args);
      if (!(lil instanceof LILConnectivity)) throw new Error(`Projection "${this.name}".connectWithFunc: the method must return a LILConnectivity`);
      return lil;
    }, false, { method: 'connectWithFunc', args: [method, args] });
  }

  /**
   * The neuron ranks and geometry of a PopulationView endpoint as given to the constructor, or
   * undefined for a whole population (DBSstimulator rebuilds projections between views).
   *
   * @example
   * ```ts
   * new Projection(pop.slice(0, 2), post, 'exc').endpointView('pre'); // { ranks: [0, 1], geometry: [2] }
   * ```
   */
  endpointView(side: 'pre' | 'post'): { ranks: readonly number[]; geometry: readonly number[] } | undefined {
    const e = side === 'pre' ? this.$preEnd : this.$postEnd;
    return (e.source ?? e.population) === e.population ? undefined : { ranks: [...e.ranks], geometry: [...e.geometry] };
  }

  // --- compile ----------------------------------------------------------------------

  /** Build connectivity, state and kernels (called by the network at compile). */
  compile(net: Network): void {
    if (!this.$builder) throw new Error(`Projection "${this.name}": no connectivity; call a connect method (e.g. connectAllToAll) before compile()`);
    if (!this.pre.$state || !this.post.$state) throw new Error(`Projection "${this.name}": populations must be compiled first`);
    const post = this.post.$state;
    for (const t of this.targets) {
      // a target the neuron does not use still gets its g_<target> (ANNarchy adds every projection
      // target to post.targets); nothing reads it, so it is never reset by the neuron's update
      if (this.post.spiking && !post.local[`g_${t}`]) this.post.$addInputArray(`g_${t}`);
      // a rate target the neuron does not read still gets its sum (reset every step by the network)
      if (!this.post.spiking && !post.local[`_sum_${t}`]) this.post.$addInputArray(`_sum_${t}`);
    }
    // synapse code reads these neuron variables during the run: the lean updates must store them
    this.pre.$requireStored(this.$ir.preDependencies);
    this.post.$requireStored(this.$ir.postDependencies);
    // mean(pre.r), ...: computed over the whole pre/post population (also for a view endpoint)
    for (const [side, pop, ops] of [['pre', this.pre, this.$ir.preGlobalOps], ['post', this.post, this.$ir.postGlobalOps]] as const) {
      for (const g of ops ?? []) {
        try {
          pop.$addGlobalOperation(g.op, g.variable);
        } catch (e) {
          throw new Error(`Projection "${this.name}", synapse "${this.$ir.name}": ${g.op}(${side}.${g.variable}): ${(e as Error).message}`);
        }
      }
    }
    this.$kernels = this.$generateKernels(net);
    const k = this.$kernels;
    this.$structural = k.pruning || k.creating
      ? new StructuralConditions(this, { pruning: k.pruning, creating: k.creating }, { pruning: this.$ir.pruning, creating: this.$ir.creating })
      : undefined;
    this.$build(this.$builder(undefined));
  }

  private $build(connectivity: LILConnectivity | CSRConnectivity): void {
    const net = this.network;
    const csr = isCSR(connectivity) ? connectivity : csrFromLIL(connectivity);
    const nD = csr.postRanks.length;
    const rowPtr = csr.rowPtr;
    const nS = rowPtr[nD]!;
    const preRank = csr.preRanks;
    const bad = firstOutside(preRank, this.pre.size);
    if (bad >= 0) throw new Error(`Projection "${this.name}": pre rank ${preRank[bad]} out of range [0, ${this.pre.size})`);
    // delays in steps: one number for all synapses, or one per synapse
    const dt = net.dt;
    const stepsOf = (d: number) => {
      if (!(d >= 0)) throw new Error(`Projection "${this.name}": delays must be >= 0 ms, got ${d}`);
      return roundHalfEven(d / dt);
    };
    let delay: Int32Array | undefined;
    let commonDelay = -1;
    if (typeof csr.delays === 'number') commonDelay = nS > 0 ? stepsOf(csr.delays) : 0;
    else {
      delay = new Int32Array(nS);
      for (let k = 0; k < nS; k++) delay[k] = stepsOf(csr.delays[k]!);
    }
    const dendriteOfPost = new Int32Array(this.post.size).fill(-1);
    for (let i = 0; i < nD; i++) {
      const r = csr.postRanks[i]!;
      if (r >= this.post.size || r < 0) throw new Error(`Projection "${this.name}": post rank ${r} out of range [0, ${this.post.size})`);
      dendriteOfPost[r] = i;
    }
    const local: Record<string, Float64Array> = {};
    const semiglobal: Record<string, Float64Array> = {};
    const globals: [string, number][] = [];
    for (const [name, m] of this.$meta) {
      // a new array is already zero: a fill would touch every page once more
      if (m.locality === 'local') local[name] = Object.is(m.init, 0) ? new Float64Array(nS) : new Float64Array(nS).fill(m.init);
      else if (m.locality === 'semiglobal') semiglobal[name] = new Float64Array(nD).fill(m.init);
      else globals.push([name, m.init]);
    }
    // read by name at every step of the kernels: kept out of V8's dictionary mode (fast-record.ts)
    const global = fastRecord(globals);
    if (local.w) {
      if (typeof csr.w === 'number') local.w.fill(csr.w);
      else local.w.set(csr.w);
    } else if (semiglobal.w || global.w !== undefined) throw new Error(`Projection "${this.name}": w must be per synapse`);
    this.$state = {
      nDendrites: nD,
      postRank: csr.postRanks,
      rowPtr,
      preRank,
      dendriteOfPost,
      local,
      semiglobal,
      global,
      // only event-driven equations read the time of a synapse's last event
      lastEvent: new Float64Array(this.$ir.eventDriven.length > 0 ? nS : 0).fill(-10000),
      pre: this.pre.$state!,
      post: this.post.$state!,
      preValues: {},
      preGlobalValues: {},
      // event lists grow to the largest step's events (growEvents)
      eventSynapse: new Int32Array(16),
      eventDendrite: new Int32Array(16),
      nEvents: 0,
      plasticity: true,
      updatePeriod: 1,
      rand: fastRecord(this.$ir.randoms.map((r): [string, Float64Array | number] => [r.name, r.locality === 'local' ? new Float64Array(nS) : 0])),
    };
    // RandomDraws reads S.global, S.dt, S.size (here: one value per synapse) and fills S.rand
    this.$randomState = this.$ir.randoms.length === 0 ? undefined
      : { global: global, rand: this.$state.rand, size: nS, dt: this.network.dt } as unknown as PopulationKernelState;
    // a loop, not Math.max(...delay): spreading 1e5+ synapses overflows the call stack
    let maxDelay = commonDelay === -1 ? 0 : commonDelay;
    if (delay) for (let k = 0; k < nS; k++) if (delay[k]! > maxDelay) maxDelay = delay[k]!;
    this.$checkDelayBudget(maxDelay, `Projection "${this.name}": the largest delay`);
    this.maxDelay = maxDelay;
    this.$compiledWithDelays = maxDelay > 1;
    if (delay && !csr.delaysPerSynapse && (nS === 0 || delay.every((d) => d === delay[0]))) commonDelay = nS > 0 ? delay[0]! : 0;
    this.uniformDelay = csr.delaysPerSynapse || this.$delaysGivenPerSynapse() ? -1 : commonDelay;
    // per-synapse steps are kept only where they differ (the ring buffer and `delay` read them)
    this.$delaySteps = this.uniformDelay === -1 ? (delay ?? new Int32Array(nS).fill(commonDelay)) : new Int32Array(0);
    this.$axonMode = this.$ir.preAxonSpike.length === 0 ? 0 : this.$ir.axonSameAsPreSpike ? 1 : 2;
    if (this.$axonMode !== 0) {
      if (!this.pre.$ir.axonSpike) throw new Error(`Projection "${this.name}": the synapse reacts to axonal spikes (preAxonSpike) but the neuron of "${this.pre.name}" has no axonSpike condition`);
      if (this.maxDelay > 1) throw new Error(`Projection "${this.name}": axonal spikes (preAxonSpike) are not supported with delays; use a delay of at most dt`);
    }
    if (this.spiking && this.$ir.psp && this.maxDelay > 1) {
      throw new Error(`Projection "${this.name}": a spiking synapse with psp (continuous transmission) cannot have delays yet (delay ${this.maxDelay * this.network.dt} ms); use no delay`);
    }
    const perSynapseRate = !this.spiking && this.maxDelay > 1 && this.uniformDelay === -1;
    if (perSynapseRate && this.$ir.preDependencies.some((n) => n in this.pre.$state!.global && !(n in this.pre.$state!.local))) {
      throw new Error(`Projection "${this.name}": per-synapse delays with a population-wide pre-synaptic variable in psp are not supported yet; use one delay`);
    }
    if (perSynapseRate && this.$kernels!.update) {
      throw new Error(`Projection "${this.name}": per-synapse delays in rate-coded projections with synaptic equations are not supported yet; use one delay`);
    }
    // values set before compile first, so that the weights copied below are the final ones
    for (const [name, v] of this.init) this.$applyValue(name, v);
    // inverse connectivity: for each pre rank, its synapses in dendrite order (ANNarchy's inv_pre_rank);
    // what the delivery paths read (each array is 4 bytes per synapse): all spiking paths the
    // synapse index, the plain loop the post rank, event lists and the per-synapse ring the dendrite
    const plain = this.$kernels!.plainPreSpike;
    const needDend = this.spiking && (!plain || this.uniformDelay === -1 || this.$axonMode === 2);
    this.$invPtr = new Int32Array(this.pre.size + 1);
    // the plain loop of non-plastic synapses with one delay reads no synapse index: it is made
    // when something asks for it ($synapseIndex), saving 4 B per synapse and a scattered write
    const needSyn = this.spiking && (!plain || this.$ir.plasticity || this.uniformDelay === -1 || this.$axonMode === 2);
    this.$invSyn = new Int32Array(needSyn ? nS : 0);
    this.$invDend = new Int32Array(needDend ? nS : 0);
    // 2 bytes per post rank where they fit (PostRanks), also when shared with the kernel threads
    // (the post population split over them)
    const short = this.post.size <= 65536, n = this.spiking && plain ? nS : 0;
    const buffer = this.post.$parallel && n > 0 ? new SharedArrayBuffer((short ? 2 : 4) * n) : undefined;
    this.$invPost = buffer ? (short ? new Uint16Array(buffer) : new Int32Array(buffer)) : short && n > 0 ? new Uint16Array(n) : new Int32Array(n);
    if (this.spiking) invertRows(rowPtr, preRank, this.$state.postRank, this.$invPtr, this.$invSyn, this.$invDend, this.$invPost);
    if (this.spiking && this.post.spiking) this.$gPlain = this.post.$state!.local[`g_${this.targets[0]}`]!;
    // the plain delivery loop of non-plastic synapses reads a copy of the weights in this order
    this.$invW = undefined;
    if (plain && !this.$ir.plasticity) {
      // one weight from the connector and none set since: no need to compare 5M weights
      if (typeof csr.w === 'number' && !this.init.has('w')) {
        this.$invWConstant = true;
        this.$invW = Float64Array.of(this.$state.local.w![0] ?? csr.w);
      } else this.$copyInvW(this.$state);
    }
    this.$adoptState(this.$state);
    const k = this.$kernels!;
    // per-synapse delays: the psp reads per-synapse gathered pre values (computeInputs fills them)
    this.$gatheredNames = perSynapseRate ? this.$ir.preDependencies.filter((name) => this.pre.$state!.local[name] !== undefined) : [];
    this.$gathered = this.$gatheredNames.map(() => new Float64Array(nS));
    this.$bound = {
      psp: (perSynapseRate ? k.pspPerSynapse : k.psp)?.(this.$state, CONSTANTS),
      preSpike: k.preSpike?.(this.$state, CONSTANTS),
      preAxonSpike: k.preAxonSpike?.(this.$state, CONSTANTS),
      update: k.update?.(this.$state, CONSTANTS),
      postSpike: k.postSpike?.(this.$state, CONSTANTS),
    };
    this.$structural?.bind(this.$state);
    this.$clearQueues();
  }

  /**
   * Split the plain spike delivery over the kernel threads when the post-synaptic population's
   * update is split (called by the network after compile).
   * @internal
   */
  $splitDelivery(pool: ThreadPool): void {
    // structural plasticity changes the rows during a run: such networks deliver on one thread
    // (its post ranks are then the shared array made for the split post population)
    if (this.spiking && this.post.$parallel !== undefined && this.$kernels?.plainPreSpike && !this.$ir.plasticity && !this.post.network.structuralPlasticity
      && this.$invPost.buffer instanceof SharedArrayBuffer) {
      this.$parallelDelivery = new ParallelDelivery(pool, this.post.size);
      // step 2 then only defers (else the network runs deferred deliveries before it)
      this.$defersDelivery = this.$bound.psp === undefined && this.$axonMode === 0 && !(this.maxDelay > 1 && this.uniformDelay === -1);
    }
  }

  /** Drop queued spikes and refill delayed rates with the current values. */
  private $clearQueues(): void {
    const D = this.maxDelay;
    this.$spikeHistory = [];
    this.$spikeHistoryN = [];
    this.$rateHistory.clear();
    this.$ringDend = [];
    this.$ringSyn = [];
    this.$ringN = new Int32Array(D);
    this.$ringIdx = 0;
    if (this.spiking && D > 1) {
      if (this.uniformDelay !== -1) {
        for (let s = 0; s < D; s++) {
          this.$spikeHistory.push(new Int32Array(this.pre.size));
          this.$spikeHistoryN.push(0);
        }
      } else {
        for (let s = 0; s < D; s++) {
          this.$ringDend.push(new Int32Array(64));
          this.$ringSyn.push(new Int32Array(64));
        }
        this.$ringCount = new Int32Array(this.$state!.nDendrites + 1);
      }
    }
    // delayed pre values for psp (rate-coded) and for per-synapse equations (uniform delays)
    if (D > 1 && (!this.spiking || (this.$kernels!.update !== undefined && this.uniformDelay !== -1))) {
      for (const name of this.$ir.preDependencies) {
        const arr = this.pre.$state!.local[name];
        if (!arr) continue;
        this.$rateHistory.set(name, Array.from({ length: D }, () => arr.slice()));
      }
    }
    // ANNarchy delays population-wide pre variables as well (std::deque<double> _delayed_x)
    const G = this.pre.$state!.global;
    this.$preGlobalNames = this.spiking && !this.$ir.psp ? [] : this.$ir.preDependencies.filter((n) => n in G && !(n in this.pre.$state!.local));
    this.$preGlobalHistory = this.$preGlobalNames.map((n) => new Float64Array(Math.max(D, 1)).fill(G[n]!));
  }

  // --- step hooks ---------------------------------------------------------------------

  /**
   * Step 4: this step's draws of the synapse equations' random variables, after the
   * populations' (ANNarchy 4.7.3: projection-wide first, then per synapse in dendrite order,
   * interleaved in declaration order, from the network's `std::mt19937`).
   */
  $drawRandoms(_t: number): void {
    if (!this.$randomState || !this.post.enabled) return;
    this.$randomDraws ??= new RandomDraws(this.$ir, this.name);
    this.$randomDraws.draw(this.$randomState, this.network.rng);
  }

  /** Step 2: rate sums or spike delivery. */
  $computeInputs(t: number): void {
    const S = this.$state;
    if (!S || !this.post.enabled) return;
    if (!this.spiking) {
      const D = this.maxDelay;
      const preL = this.pre.$state!.local;
      if (this.uniformDelay === -1 && D > 1) {
        this.$gatherDelayed(S, t);
        this.$bound.psp?.(t);
        return;
      }
      for (const name of this.$ir.preDependencies) {
        const h = this.$rateHistory.get(name);
        S.preValues[name] = h && D > 1 ? h[(((t - this.uniformDelay) % D) + D) % D]! : preL[name]!;
      }
      const gNames = this.$preGlobalNames, preG = this.pre.$state!.global;
      for (let k = 0; k < gNames.length; k++) {
        S.preGlobalValues![gNames[k]!] = D > 1 ? this.$preGlobalHistory[k]![(((t - this.uniformDelay) % D) + D) % D]! : preG[gNames[k]!]!;
      }
      this.$bound.psp?.(t);
      return;
    }
    this.$deliverEvents(S, t);
    if (this.$bound.psp) {
      // its events, if deferred to the kernel threads, must reach g_target before the psp sum
      if (this.$parallelDelivery !== undefined) this.network.$flushThreads();
      // continuous transmission of a spiking synapse (psp), after the events, from live pre values
      const preL = this.pre.$state!.local, preG = this.pre.$state!.global, gNames = this.$preGlobalNames;
      for (const name of this.$ir.preDependencies) if (preL[name]) S.preValues[name] = preL[name];
      for (let k = 0; k < gNames.length; k++) S.preGlobalValues![gNames[k]!] = preG[gNames[k]!]!;
      this.$bound.psp(t);
    }
  }

  /**
   * Per-synapse delays of a rate-coded projection: synapse k reads the pre value of step
   * t - delay_k (ANNarchy's `_delayed_r[delay[i][j]-1][rk_pre]`), gathered into one array per
   * pre-synaptic variable in synapse order.
   */
  private $gatherDelayed(S: ProjectionKernelState, t: number): void {
    const D = this.maxDelay, pre = S.preRank, d = this.$delaySteps, n = pre.length;
    // indexed loops: the step must not allocate
    for (let v = 0; v < this.$gathered.length; v++) {
      const name = this.$gatheredNames[v]!, out = this.$gathered[v]!;
      const h = this.$rateHistory.get(name)!;
      for (let k = 0; k < n; k++) out[k] = h[(((t - d[k]!) % D) + D) % D]![pre[k]!]!;
      S.preValues[name] = out;
    }
  }

  /** Step 2 of a spiking projection: deliver the (delayed) pre-synaptic spikes through preSpike. */
  private $deliverEvents(S: ProjectionKernelState, t: number): void {
    if (!this.$bound.preSpike) return;
    const D = this.maxDelay;
    const pre = this.pre.$state!;
    let spikes = pre.spiked;
    let count = pre.nSpiked;
    if (D > 1) {
      if (this.uniformDelay === -1) {
        this.$deliverRing(S, t);
        return;
      }
      const slot = (((t - this.uniformDelay) % D) + D) % D;
      spikes = this.$spikeHistory[slot]!;
      count = this.$spikeHistoryN[slot]!;
    }
    this.$deliver(S, t, spikes, count, this.$bound.preSpike);
    // axonal spikes (pre_axon_spike): the same delivery when the statements equal pre_spike
    // (ANNarchy appends them to the spike list), else their own g_target kernel; not delayed
    if (this.$axonMode !== 0) {
      const n = pre.nAxonal!;
      if (n > 0) this.$deliver(S, t, pre.axonal!, n, this.$axonMode === 1 ? this.$bound.preSpike : this.$bound.preAxonSpike!, this.$axonMode === 2);
    }
  }

  /** Deliver the events of `count` pre-synaptic ranks through `kernel` (or the plain `g += w` loop). */
  private $deliver(S: ProjectionKernelState, t: number, spikes: Int32Array, count: number, kernel: ProjectionKernel, general = false): void {
    if (count === 0) return;
    if (this.$kernels!.plainPreSpike && !general) {
      // g_target += w: spike by spike, synapses in dendrite order, as the generated kernel would
      const g = this.$gPlain;
      const ptr = this.$invPtr, post = this.$invPost;
      // w may change every step if plastic: then read it through the synapse index
      if (this.$ir.plasticity) deliverIndexed(spikes, count, ptr, post, this.$invSyn, S.local.w!, g);
      else {
        const w = this.$invW ?? this.$copyInvW(S);
        const par = this.$parallelDelivery;
        // split over the kernel threads by post-synaptic range (setup({ numThreads })), with the
        // post population's update: one barrier for both
        if (par !== undefined) {
          if (par.prepare(ptr, post, w, this.$invWConstant, g)) {
            par.defer(spikes, count);
            return;
          }
          // deferred deliveries into the same conductances come first
          this.network.$flushThreads();
        }
        if (this.$invWConstant) deliverConstant(spikes, count, ptr, post, w, g);
        else deliverCopied(spikes, count, ptr, post, w, g);
      }
      return;
    }
    // general synapse: list the events, then run the generated pre_spike kernel over them
    // (after this projection's deferred plain events: axonal spikes with their own kernel)
    if (this.$parallelDelivery !== undefined) this.network.$flushThreads();
    let n = 0;
    for (let s = 0; s < count; s++) {
      const r = spikes[s]!;
      const x0 = this.$invPtr[r]!, x1 = this.$invPtr[r + 1]!;
      if (n + (x1 - x0) > S.eventSynapse.length) this.$growEvents(S, n + (x1 - x0));
      const evS = S.eventSynapse, evD = S.eventDendrite;
      for (let x = x0; x < x1; x++, n++) {
        evS[n] = this.$invSyn[x]!;
        evD[n] = this.$invDend[x]!;
      }
    }
    S.nEvents = n;
    if (n > 0) kernel(t);
  }

  /**
   * The weights in inverse-connectivity order (non-plastic synapses; dropped whenever `w` may be
   * written); one element when all synapses share one weight.
   */
  private $copyInvW(S: ProjectionKernelState): Float64Array {
    const w = S.local.w!;
    // one weight for all synapses (Object.is: -0 and NaN must stay what they are)
    let same = w.length > 0;
    for (let k = 1; k < w.length && same; k++) same = Object.is(w[k], w[0]);
    this.$invWConstant = same;
    if (same) return (this.$invW = Float64Array.of(w[0]!));
    const syn = this.$synapseIndex();
    const out = this.post.$parallel ? new Float64Array(new SharedArrayBuffer(8 * syn.length)) : new Float64Array(syn.length);
    for (let x = 0; x < syn.length; x++) out[x] = w[syn[x]!]!;
    return (this.$invW = out);
  }

  /**
   * The synapse index of each inverse-connectivity entry (ANNarchy's `inv_pre_rank`), made on
   * first use where the build skipped it: synapses of each pre rank in row order.
   */
  protected $synapseIndex(): Int32Array {
    const S = this.$state!;
    const nS = S.preRank.length;
    if (this.$invSyn.length === nS) return this.$invSyn;
    const syn = new Int32Array(nS);
    const fill = this.$invPtr.slice(0, this.$invPtr.length - 1);
    // synapse indices ascend in row order
    for (let k = 0; k < nS; k++) syn[fill[S.preRank[k]!]!++] = k;
    return (this.$invSyn = syn);
  }

  /** Make room for at least `size` events (keeping the listed ones). */
  private $growEvents(S: ProjectionKernelState, size: number): void {
    S.eventSynapse = grown(S.eventSynapse, size);
    S.eventDendrite = grown(S.eventDendrite, size);
  }

  /**
   * Per-synapse delays (ANNarchy's _delayed_spikes ring buffer): the spikes of the last step enter
   * their slot, then the current slot is delivered dendrite by dendrite through the generated kernel.
   */
  private $deliverRing(S: ProjectionKernelState, t: number): void {
    const D = this.maxDelay;
    const pre = this.pre.$state!;
    for (let s = 0; s < pre.nSpiked; s++) {
      const r = pre.spiked[s]!;
      for (let x = this.$invPtr[r]!; x < this.$invPtr[r + 1]!; x++) {
        const k = this.$invSyn[x]!;
        const slot = (this.$ringIdx + Math.max(1, this.$delaySteps[k]!) - 1) % D;
        const n = this.$ringN[slot]!;
        if (n === this.$ringDend[slot]!.length) {
          this.$ringDend[slot] = grown(this.$ringDend[slot]!, n + 1);
          this.$ringSyn[slot] = grown(this.$ringSyn[slot]!, n + 1);
        }
        this.$ringDend[slot]![n] = this.$invDend[x]!;
        this.$ringSyn[slot]![n] = k;
        this.$ringN[slot] = n + 1;
      }
    }
    // the current slot's events by dendrite, in queue order within a dendrite (a stable counting sort)
    const idx = this.$ringIdx, n = this.$ringN[idx]!, dend = this.$ringDend[idx]!, syn = this.$ringSyn[idx]!;
    if (n > S.eventSynapse.length) this.$growEvents(S, n);
    const count = this.$ringCount;
    for (let d = 0; d < count.length; d++) count[d] = 0;
    for (let e = 0; e < n; e++) count[dend[e]! + 1]!++;
    for (let d = 1; d < count.length; d++) count[d]! += count[d - 1]!;
    const evS = S.eventSynapse, evD = S.eventDendrite;
    for (let e = 0; e < n; e++) {
      const at = count[dend[e]!]!++;
      evS[at] = syn[e]!;
      evD[at] = dend[e]!;
    }
    this.$ringN[idx] = 0;
    this.$ringIdx = (idx + 1) % D;
    S.nEvents = n;
    if (n > 0) this.$bound.preSpike!(t);
  }

  /** Step 6: remember this step's spikes / rates for delayed transmission. */
  $pushDelays(t: number): void {
    const D = this.maxDelay;
    if (!this.$state || D <= 1) return;
    const slot = ((t % D) + D) % D;
    if (this.spiking && this.uniformDelay !== -1) {
      const pre = this.pre.$state!;
      // a loop, not set(subarray()): a subarray is a new object every step
      const hist = this.$spikeHistory[slot]!, spiked = pre.spiked, n = pre.nSpiked;
      for (let s = 0; s < n; s++) hist[s] = spiked[s]!;
      this.$spikeHistoryN[slot] = n;
    }
    if (this.$rateHistory.size > 0) {
      // no closure here: a captured variable makes every call allocate a context, even early returns
      const L = this.pre.$state!.local, names = this.$ir.preDependencies;
      for (let k = 0; k < names.length; k++) this.$rateHistory.get(names[k]!)?.[slot]!.set(L[names[k]!]!);
    }
    const G = this.pre.$state!.global, gNames = this.$preGlobalNames;
    for (let k = 0; k < gNames.length; k++) this.$preGlobalHistory[k]![slot] = G[gNames[k]!]!;
  }

  /** Step 8: continuous synaptic equations, every `period` steps when learning is enabled. */
  $updateSynapses(t: number): void {
    if (!this.$bound.update || !this.$learning.update || !this.post.enabled) return;
    const { period, offset } = this.$learning;
    if ((t - offset) % period !== 0) return;
    const S = this.$state!;
    S.updatePeriod = period;
    // ANNarchy 4.7.3 (_update_synapse): with a delay of d steps, per-synapse equations read pre.x
    // as _delayed_x[d-1], the values after step t-d+1 (the queue was pushed in step 6 of this step)
    const D = this.maxDelay, L = this.pre.$state!.local, names = this.$ir.preDependencies;
    for (let k = 0; k < names.length; k++) {
      const h = this.$rateHistory.get(names[k]!);
      const live = L[names[k]!];
      if (live) S.preValues[names[k]!] = h && D > 1 ? h[(((t + 1 - this.uniformDelay) % D) + D) % D]! : live;
    }
    this.$bound.update(t);
  }

  /** Step 9: post-synaptic spike events. */
  $postEvents(t: number): void {
    if (!this.$bound.postSpike || !this.post.enabled || this.post.$state!.nSpiked === 0) return;
    this.$bound.postSpike(t);
  }

  /**
   * Start evaluating the synapse's `creating` condition every `period` ms (default `dt`) from the
   * current step on (ANNarchy `start_creating(period)`): for each dendrite and each rank of the
   * pre-synaptic population without a synapse there, a pair meeting the condition gets a
   * synapse with probability `proba`, weight `w` (default 0) and the projection's delay.
   * Needs `setup({ structuralPlasticity: true })` and a compiled network.
   *
   * @example
   * ```ts
   * proj.startCreating({ period: 100.0 });
   * ```
   */
  startCreating(options?: StructuralStartOptions | number): void {
    this.$structuralFor('startCreating').start('creating', options);
  }

  /**
   * Stop evaluating the `creating` condition (ANNarchy `stop_creating()`).
   *
   * @example
   * ```ts
   * proj.stopCreating();
   * ```
   */
  stopCreating(): void {
    this.$structuralFor('stopCreating').stop('creating');
  }

  /**
   * Start evaluating the synapse's `pruning` condition every `period` ms (default `dt`) from the
   * current step on (ANNarchy `start_pruning(period)`): a synapse meeting it is removed with
   * probability `proba`. As in 4.7.3, the synapse after a removed one in the same dendrite is
   * not examined in that period.
   *
   * @example
   * ```ts
   * proj.startPruning({ period: 100.0 });
   * ```
   */
  startPruning(options?: StructuralStartOptions | number): void {
    this.$structuralFor('startPruning').start('pruning', options);
  }

  /**
   * Stop evaluating the `pruning` condition (ANNarchy `stop_pruning()`).
   *
   * @example
   * ```ts
   * proj.stopPruning();
   * ```
   */
  stopPruning(): void {
    this.$structuralFor('stopPruning').stop('pruning');
  }

  private $structuralFor(what: string): StructuralConditions {
    if (!this.$state) throw new Error(`Projection "${this.name}".${what}: can not ${what.replace(/^(start|stop)/, '$1 ').toLowerCase()} if the network is not compiled`);
    if (!this.network.structuralPlasticity) throw new Error(`Projection "${this.name}".${what}: you must set structuralPlasticity to true in setup() to change synapses`);
    const kind = /Creating$/.test(what) ? 'creating' : 'pruning';
    if (!this.$structural || !this.$ir[kind]) throw new Error(`Projection "${this.name}".${what}: the synapse "${this.synapseType.name}" does not define a '${kind}' argument`);
    return this.$structural;
  }

  /**
   * Enable synaptic plasticity (ANNarchy `enable_learning(period, offset)`): continuous equations
   * run every `int(period/dt)` steps (with `dt*period` as their step) and `w` may change in
   * events. As 4.7.3: the offset is relative to the current time
   * (`int(int((t % period + offset) % period) / dt)` steps), must be smaller than the period and
   * needs a period; before `compile()` it only warns.
   *
   * @example
   * ```ts
   * proj.enableLearning({ period: 10, offset: 5 });   // at t = 10 ms: updates at 15, 25, ... ms
   * ```
   */
  enableLearning(periodOrOptions?: number | { period?: number; offset?: number }, offset?: number): void {
    const where = `Projection "${this.name}".enableLearning`;
    const o = typeof periodOrOptions === 'object' && periodOrOptions !== null ? periodOrOptions : { period: periodOrOptions, offset };
    for (const [k, v] of Object.entries(o)) {
      if (k !== 'period' && k !== 'offset') throw new Error(`${where}: unknown option "${k}"; expected period or offset`);
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) throw new Error(`${where}: ${k} must be a number of ms, got ${String(v)}`);
    }
    if (o.period !== undefined && o.offset !== undefined && o.offset >= o.period) throw new Error(`${where}: the offset must be smaller than the period`);
    if (o.period === undefined && o.offset !== undefined) throw new Error(`${where}: if you define an offset, you have to define a period`);
    if (!this.$state) {
      console.warn(`${where}: learning can only be enabled after compile() (ignored, as in ANNarchy)`);
      return;
    }
    const dt = this.network.dt;
    const p = o.period === undefined ? 1 : Math.trunc(o.period / dt);
    if (!(p >= 1)) throw new Error(`${where}: period must be at least dt (${dt} ms)`);
    const periodMs = o.period ?? dt;
    const off = o.offset === undefined ? 0 : Math.trunc(Math.trunc(pyMod(pyMod(this.network.getTime(), periodMs) + o.offset, periodMs)) / dt);
    this.$learning = { update: true, period: p, offset: off };
    this.$state.plasticity = true;
  }

  /**
   * Disable learning (ANNarchy `disable_learning`): a rate-coded projection stops updating all its
   * synaptic variables (`update = False`); a spiking one keeps its continuous equations and
   * events but no longer changes `w` (`plasticity = False`). Before `compile()` it only warns.
   *
   * @example
   * ```ts
   * proj.disableLearning();
   * ```
   */
  disableLearning(): void {
    if (!this.$state) {
      console.warn(`Projection "${this.name}".disableLearning: learning can only be disabled after compile() (ignored, as in ANNarchy)`);
      return;
    }
    if (this.spiking) this.$state.plasticity = false;
    else this.$learning.update = false;
  }

  /**
   * Run state outside the attribute arrays, for saving a network (src/engine/network-state.ts):
   * learning flags and the queues of delayed spikes and rates. `arrays` gets the typed arrays.
   */
  $saveRuntime(arrays: Record<string, Float64Array | Int32Array>): Record<string, unknown> {
    const S = this.$state!;
    this.$rateHistory.forEach((h, name) => h.forEach((a, k) => { arrays[`_rate_${name}_${k}`] = a.slice(); }));
    this.$spikeHistory.forEach((h, k) => { arrays[`_spikes_${k}`] = h.slice(0, this.$spikeHistoryN[k]); });
    this.$ringDend.forEach((d, k) => {
      arrays[`_ringDend_${k}`] = d.slice(0, this.$ringN[k]);
      arrays[`_ringSyn_${k}`] = this.$ringSyn[k]!.slice(0, this.$ringN[k]);
    });
    return { learning: { ...this.$learning }, plasticity: S.plasticity, updatePeriod: S.updatePeriod, ringIdx: this.$ringIdx, perSynapseDelays: this.uniformDelay === -1 };
  }

  /** Restore {@link Projection.$saveRuntime} (the caller checked the file). */
  $loadRuntime(r: Record<string, unknown>, arrays: Record<string, ArrayLike<number>>): void {
    const S = this.$state!;
    this.$learning = { ...(r.learning as { update: boolean; period: number; offset: number }) };
    S.plasticity = r.plasticity as boolean;
    S.updatePeriod = r.updatePeriod as number;
    this.$ringIdx = r.ringIdx as number;
    this.$rateHistory.forEach((h, name) => h.forEach((a, k) => a.set(arrays[`_rate_${name}_${k}`]!)));
    this.$spikeHistory.forEach((h, k) => {
      const src = arrays[`_spikes_${k}`]!;
      h.set(src);
      this.$spikeHistoryN[k] = src.length;
    });
    this.$ringDend.forEach((_, k) => {
      const d = arrays[`_ringDend_${k}`]!;
      if (d.length > this.$ringDend[k]!.length) {
        this.$ringDend[k] = grown(this.$ringDend[k]!, d.length);
        this.$ringSyn[k] = grown(this.$ringSyn[k]!, d.length);
      }
      this.$ringDend[k]!.set(d);
      this.$ringSyn[k]!.set(arrays[`_ringSyn_${k}`]!);
      this.$ringN[k] = d.length;
    });
    this.$invW = undefined;
  }

  /**
   * Rebuild the connectivity from `lil` (loading a saved network), attributes at their compile values.
   * @internal
   */
  $rebuild(lil: LILConnectivity | CSRConnectivity): void {
    this.$assertCompiled('rebuild');
    this.$build(lil);
  }

  /**
   * Reset attributes to the values they had at compile, except `w` (ANNarchy `proj.reset()`);
   * `synapses: true` rebuilds the connectivity with new random draws.
   */
  reset(opts: { attributes?: string[]; synapses?: boolean; populations?: boolean; projections?: boolean } = {}): void {
    if (!this.$state) return;
    const fromNetwork = 'projections' in opts;
    if (fromNetwork) {
      if (opts.synapses) this.$build(this.$builder!(undefined));
      else {
        if (opts.projections) this.$resetAttributes();
        if (opts.populations) this.$clearQueues();
      }
      return;
    }
    if (opts.synapses) {
      this.$build(this.$builder!(undefined));
      return;
    }
    this.$resetAttributes(opts.attributes);
  }

  private $resetAttributes(names?: string[]): void {
    const S = this.$state!;
    for (const name of names ?? this.attributes) {
      if (name === 'w') continue;
      const m = this.$metaOf(name);
      if (m.locality === 'local') S.local[name]!.fill(m.init);
      else if (m.locality === 'semiglobal') S.semiglobal[name]!.fill(m.init);
      else S.global[name] = m.init;
      const v = this.init.get(name);
      if (v !== undefined) this.$applyValue(name, v);
    }
    S.lastEvent.fill(-10000);
  }

  // --- attributes ---------------------------------------------------------------------

  private $metaOf(name: string): AttrMeta {
    const m = this.$meta.get(name);
    if (!m) throw new Error(`Projection "${this.name}" has no attribute "${name}"; attributes: ${this.attributes.join(', ')}`);
    return m;
  }

  /** Locality of an attribute: 'local' (per synapse), 'semiglobal' (per post neuron) or 'global'. */
  $localityOf(name: string): Locality {
    return this.$metaOf(name).locality;
  }

  /**
   * Read an attribute: per synapse -> one list per dendrite, per post neuron -> one value per
   * dendrite, projection-wide -> a number. A constant non-plastic `w` reads as one number, as in ANNarchy.
   */
  get(name: string): number | number[] | number[][] {
    const m = this.$metaOf(name);
    const S = this.$state;
    if (!S) {
      const v = this.init.get(name);
      return typeof v === 'number' ? v : m.init;
    }
    if (m.locality === 'global') return S.global[name]!;
    if (m.locality === 'semiglobal') return Array.from(S.semiglobal[name]!);
    const arr = S.local[name]!;
    if (name === 'w' && this.$singleConstantWeight && !this.$ir.plasticity && !this.init.has('w') && arr.length > 0) {
      return arr[0]!;
    }
    const out: number[][] = [];
    for (let i = 0; i < S.nDendrites; i++) out.push(Array.from(arr.subarray(S.rowPtr[i]!, S.rowPtr[i + 1]!)));
    return out;
  }

  /** Write attributes (before compile: stored and applied at compile; also what `reset()` restores). */
  set(values: Record<string, ProjectionAttributeInput>): void {
    if (values === null || typeof values !== 'object') throw new Error(`Projection "${this.name}".set: expected an object { attribute: value }`);
    // check every value first: nothing is applied if one is bad
    for (const [name, v] of Object.entries(values)) {
      this.$metaOf(name);
      checkFiniteInput(v, `Projection "${this.name}", attribute "${name}"`);
    }
    for (const [name, v] of Object.entries(values)) {
      if (this.$state) this.$applyValue(name, v);
      else this.init.set(name, v);
    }
  }

  private $applyValue(name: string, input: ProjectionAttributeInput): void {
    const S = this.$state!;
    if (name === 'w') this.$invW = undefined;
    const m = this.$metaOf(name);
    const where = `Projection "${this.name}", attribute "${name}"`;
    const rng = this.network.numpyRng;
    const c = (x: number) => coerce(x, m.type);
    if (typeof input === 'boolean') input = input ? 1 : 0;
    if (m.locality === 'global') {
      if (typeof input === 'number') S.global[name] = c(input);
      else if (isSampler(input)) S.global[name] = c(input.getValues(1, rng)[0]!);
      else throw new Error(`${where} is projection-wide: expected one number`);
      return;
    }
    const nD = S.nDendrites;
    if (m.locality === 'semiglobal') {
      const arr = S.semiglobal[name]!;
      if (typeof input === 'number') arr.fill(c(input));
      else if (isSampler(input)) {
        const v = input.getValues(nD, rng);
        for (let i = 0; i < nD; i++) arr[i] = c(v[i]!);
      } else {
        const a = input as ArrayLike<number>;
        if (a.length !== nD) throw new Error(`${where}: expected ${nD} values (one per dendrite) or a number, got ${a.length}`);
        for (let i = 0; i < nD; i++) {
          if (typeof a[i] !== 'number') throw new Error(`${where}: element ${i} is not a number`);
          arr[i] = c(a[i]!);
        }
      }
      return;
    }
    const arr = S.local[name]!;
    if (typeof input === 'number') {
      arr.fill(c(input));
      return;
    }
    if (isSampler(input)) {
      for (let i = 0; i < nD; i++) {
        const k0 = S.rowPtr[i]!;
        const n = S.rowPtr[i + 1]! - k0;
        const v = input.getValues(n, rng);
        for (let j = 0; j < n; j++) arr[k0 + j] = c(v[j]!);
      }
      return;
    }
    const a = input as ArrayLike<ArrayLike<number> | number>;
    if (a.length !== nD) throw new Error(`${where}: expected ${nD} lists (one per dendrite) or a number, got ${a.length} elements`);
    for (let i = 0; i < nD; i++) {
      const k0 = S.rowPtr[i]!;
      const n = S.rowPtr[i + 1]! - k0;
      const row = a[i]!;
      if (typeof row === 'number') {
        for (let j = 0; j < n; j++) arr[k0 + j] = c(row);
        continue;
      }
      if (row.length !== n) throw new Error(`${where}: the post-synaptic neuron ${S.postRank[i]} receives ${n} synapses, got ${row.length} values`);
      for (let j = 0; j < n; j++) arr[k0 + j] = c(row[j]!);
    }
  }

  // --- structure ----------------------------------------------------------------------

  private $assertCompiled(what: string): ProjectionKernelState {
    if (!this.$state) throw new Error(`Projection "${this.name}": ${what} is only available after compile()`);
    return this.$state;
  }

  /** Number of post neurons receiving synapses (dendrites). */
  get size(): number {
    return this.$state?.nDendrites ?? 0;
  }

  /** Total number of synapses. */
  get nbSynapses(): number {
    return this.$assertCompiled('nbSynapses').rowPtr[this.$state!.nDendrites]!;
  }

  /** Synapses per dendrite. */
  nbSynapsesPerDendrite(): number[] {
    const S = this.$assertCompiled('nbSynapsesPerDendrite');
    return Array.from({ length: S.nDendrites }, (_, i) => S.rowPtr[i + 1]! - S.rowPtr[i]!);
  }

  /** Post ranks of the dendrites. */
  get postRanks(): number[] {
    return Array.from(this.$assertCompiled('postRanks').postRank);
  }

  /** Pre ranks per dendrite. */
  get preRanks(): number[][] {
    const S = this.$assertCompiled('preRanks');
    return Array.from({ length: S.nDendrites }, (_, i) => Array.from(S.preRank.subarray(S.rowPtr[i]!, S.rowPtr[i + 1]!)));
  }

  /**
   * The built connectivity as a list of lists: post ranks, pre ranks, weights and delays in ms
   * (`steps * dt`) per dendrite, in dendrite order.
   *
   * @example
   * ```ts
   * const lil = proj.lilConnectivity();
   * lil.preRanks[0];   // pre ranks of the first dendrite
   * ```
   */
  lilConnectivity(): LILConnectivity {
    const S = this.$assertCompiled('lilConnectivity');
    const dt = this.network.dt;
    const lil = new LILConnectivity();
    const w = S.local.w!;
    for (let i = 0; i < S.nDendrites; i++) {
      const k0 = S.rowPtr[i]!, k1 = S.rowPtr[i + 1]!;
      // per-synapse steps are kept only when the delays differ (see build)
      const d = this.uniformDelay === -1 ? Array.from(this.$delaySteps.subarray(k0, k1), (x) => x * dt) : this.uniformDelay * dt;
      lil.add(S.postRank[i]!, S.preRank.subarray(k0, k1), w.subarray(k0, k1), d);
    }
    lil.delaysPerSynapse = this.uniformDelay === -1;
    return lil;
  }

  /** Delays in ms: `dt` without delays, one number if uniform, else lists per dendrite (ANNarchy `proj.delay`). */
  get delay(): number | number[][] {
    const S = this.$assertCompiled('delay');
    const dt = this.network.dt;
    if (this.maxDelay <= 1) return dt;
    if (this.uniformDelay !== -1) return this.uniformDelay * dt;
    return Array.from({ length: S.nDendrites }, (_, i) => Array.from(this.$delaySteps.subarray(S.rowPtr[i]!, S.rowPtr[i + 1]!), (d) => d * dt));
  }

  /**
   * ANNarchy's delay setter on a projection with one delay for all synapses: a number of ms,
   * `max(1, round(ms / dt))` steps. A shorter delay reads the values already queued; a longer one
   * extends the queues, whose steps not yet recorded read 0 (no spikes), as 4.7.3's
   * `update_max_delay` resizes its deques. Projections built without delays accept only `dt`.
   *
   * @example
   * ```ts
   * proj.connectOneToOne({ weights: 1.0, delays: 10.0 });
   * compile();
   * proj.delay = 5.0;
   * ```
   */
  set delay(value: number | number[][]) {
    const where = `Projection "${this.name}".delay`;
    this.$assertCompiled('delay');
    const dt = this.network.dt;
    if (!this.$compiledWithDelays) {
      if (value !== dt) throw new Error(`${where}: the projection was built without delays; it is too late to create them (only dt = ${dt} ms is accepted)`);
      return;
    }
    if (this.uniformDelay === -1) {
      this.$setSynapseDelays(value, where);
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`${where}: the projection has one delay for all synapses; expected a number of ms >= 0, got ${Array.isArray(value) ? 'a list' : String(value)}`);
    }
    const d = Math.max(1, roundHalfEven(value / dt));
    if (d > this.maxDelay) this.$growDelayQueues(d);
    this.uniformDelay = d;
  }

  /**
   * Per-synapse delays (spiking projections): one list per dendrite with one value (ms) per
   * synapse, as many as before. Queued spikes keep their arrival step; a larger maximum extends
   * the ring with empty steps.
   */
  private $setSynapseDelays(value: number | number[][], where: string): void {
    const S = this.$state!, dt = this.network.dt;
    if (!Array.isArray(value) || value.length !== S.nDendrites) {
      throw new Error(`${where}: the projection has per-synapse delays; expected one list per dendrite (${S.nDendrites}), with one value per synapse`);
    }
    const steps = new Int32Array(this.$delaySteps.length);
    let max = 1;
    for (let i = 0; i < S.nDendrites; i++) {
      const row = value[i]!, a = S.rowPtr[i]!, n = S.rowPtr[i + 1]! - a;
      if (!Array.isArray(row) || row.length !== n) throw new Error(`${where}: dendrite ${i} has ${n} synapses, got ${Array.isArray(row) ? row.length : 'no list of'} values`);
      for (let j = 0; j < n; j++) {
        const ms = row[j]!;
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new Error(`${where}: dendrite ${i}, synapse ${j}: expected a number of ms >= 0, got ${String(ms)}`);
        steps[a + j] = Math.max(1, roundHalfEven(ms / dt));
        if (steps[a + j]! > max) max = steps[a + j]!;
      }
    }
    if (max > this.maxDelay && !this.spiking) this.$growDelayQueues(max);
    else if (max > this.maxDelay) {
      // slot (ringIdx + k) holds the events due in k + 1 steps: keep that order from slot 0
      const D = this.maxDelay, order = Array.from({ length: D }, (_, k) => (this.$ringIdx + k) % D);
      const empty = () => new Int32Array(64);
      this.$ringDend = [...order.map((k) => this.$ringDend[k]!), ...Array.from({ length: max - D }, empty)];
      this.$ringSyn = [...order.map((k) => this.$ringSyn[k]!), ...Array.from({ length: max - D }, empty)];
      this.$ringN = Int32Array.from([...order.map((k) => this.$ringN[k]!), ...new Array<number>(max - D).fill(0)]);
      this.$ringIdx = 0;
      this.maxDelay = max;
    }
    this.$delaySteps = steps;
  }

  /** Lengthen the rings to `D2` steps keeping the recorded steps at their times (uniform delays). */
  private $growDelayQueues(D2: number): void {
    const D = this.maxDelay, t = this.network.currentStep;
    const remap = <T>(old: T[], empty: () => T): T[] => {
      const out = Array.from({ length: D2 }, empty);
      // the steps t-D .. t-1 are recorded, in slot s mod D; older ones were never kept
      for (let s = t - D; s < t; s++) out[((s % D2) + D2) % D2] = old[((s % D) + D) % D]!;
      return out;
    };
    if (this.spiking) {
      this.$spikeHistory = remap(this.$spikeHistory, () => new Int32Array(this.pre.size));
      this.$spikeHistoryN = remap(this.$spikeHistoryN, () => 0);
    }
    for (const [name, h] of this.$rateHistory) this.$rateHistory.set(name, remap(h, () => new Float64Array(h[0]!.length)));
    this.$preGlobalHistory = this.$preGlobalHistory.map((h) => Float64Array.from(remap(Array.from(h), () => 0)));
    this.maxDelay = D2;
  }

  /** The dendrite of a post neuron (rank or coordinates). */
  dendrite(post: number | number[]): Dendrite {
    const S = this.$assertCompiled('dendrite()');
    const rank = typeof post === 'number' ? post : this.post.rankFromCoordinates(post);
    const idx = Number.isInteger(rank) && rank >= 0 && rank < this.post.size ? S.dendriteOfPost[rank]! : -1;
    if (idx < 0) throw new Error(`Projection "${this.name}": the neuron of rank ${rank} has no dendrite in this projection`);
    return new Dendrite(this, rank, idx);
  }

  /** All dendrites, in order. */
  get dendrites(): Dendrite[] {
    const S = this.$assertCompiled('dendrites');
    return Array.from(S.postRank, (r, i) => new Dendrite(this, r, i));
  }

  /** The synapse from `pre` to `post` (ranks). */
  synapse(pre: number, post: number) {
    return this.dendrite(post).synapse(pre);
  }

  /** Dense `[post.size][pre.size]` weight matrix, `fill` where there is no synapse. */
  connectivityMatrix(fill = 0.0): number[][] {
    const S = this.$assertCompiled('connectivityMatrix()');
    const m = Array.from({ length: this.post.size }, () => new Array<number>(this.pre.size).fill(fill));
    const w = S.local.w!;
    for (let i = 0; i < S.nDendrites; i++) {
      for (let k = S.rowPtr[i]!; k < S.rowPtr[i + 1]!; k++) m[S.postRank[i]!]![S.preRank[k]!] = w[k]!;
    }
    return m;
  }

  /** Internal: the live storage of an attribute (for Dendrite). */
  $storage(name: string): { locality: Locality; type: 'double' | 'int' | 'bool'; array?: Float64Array } {
    const S = this.$assertCompiled(`attribute "${name}"`);
    const m = this.$metaOf(name);
    // the caller may write the array: drop the cached copy of the weights
    if (name === 'w') this.$invW = undefined;
    return { locality: m.locality, type: m.type, array: m.locality === 'local' ? S.local[name] : m.locality === 'semiglobal' ? S.semiglobal[name] : undefined };
  }

  // --- Recordable: local variables as [dendrites, max synapses per dendrite], NaN padded ---

  private $maxRow(): number {
    const S = this.$state!;
    let m = 0;
    for (let i = 0; i < S.nDendrites; i++) m = Math.max(m, S.rowPtr[i + 1]! - S.rowPtr[i]!);
    return m;
  }

  recordWidth(variable: string): number {
    return this.recordShape(variable).reduce((a, b) => a * b, 1);
  }

  /** Shape of one recorded sample: `[1]`, `[dendrites]` or `[dendrites, synapses]` by locality. */
  recordShape(variable: string): number[] {
    const m = this.$metaOf(variable);
    const S = this.$assertCompiled('recording');
    if (m.locality === 'global') return [1];
    if (m.locality === 'semiglobal') return [S.nDendrites];
    return [S.nDendrites, this.$maxRow()];
  }

  /** Throws a clear error naming the projection if `variable` cannot be recorded. */
  checkRecordable(variable: string): void {
    if (variable === 'spike') throw new Error(`Projection "${this.name}": "spike" cannot be recorded from a projection`);
    if (this.parameters.includes(variable) && variable !== 'w') {
      throw new Error(`Projection "${this.name}": "${variable}" is a parameter; only variables (and w) can be recorded (${['w', ...this.variables.filter((v) => v !== 'w')].join(', ')})`);
    }
    if (!this.$meta.has(variable)) throw new Error(`Projection "${this.name}" has no variable "${variable}"; recordable: ${['w', ...this.variables.filter((v) => v !== 'w')].join(', ')}`);
  }

  /** Always false: a projection has no inputs recorded before the update. */
  isTarget(): boolean {
    return false;
  }

  /** Copies the current values of `variable` into `out` at `offset` (used by monitors). */
  readInto(variable: string, out: Float64Array, offset: number): void {
    const S = this.$state!;
    const m = this.$metaOf(variable);
    if (m.locality === 'global') {
      out[offset] = S.global[variable]!;
      return;
    }
    if (m.locality === 'semiglobal') {
      out.set(S.semiglobal[variable]!, offset);
      return;
    }
    const arr = S.local[variable]!;
    const width = this.$maxRow();
    for (let i = 0; i < S.nDendrites; i++) {
      const k0 = S.rowPtr[i]!;
      const n = S.rowPtr[i + 1]! - k0;
      const base = offset + i * width;
      out.set(arr.subarray(k0, k0 + n), base);
      if (n < width) out.fill(NaN, base + n, base + width);
    }
  }

  /** Names the projection, its populations and target. */
  toString(): string {
    return `Projection ${this.name} (${this.pre.name} -> ${this.post.name}, target ${this.targets.join(', ')}, ${this.connectorName || 'not connected'})`;
  }
}

export { LILConnectivity };
