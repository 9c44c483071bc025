import { Synapse } from '../../language/synapse.js';
import type { SynapseIR, SynapseOperation } from '../../language/analyse-synapse.js';
import { asModelErrors, ModelError } from '../../language/model-error.js';
import { CONSTANTS } from '../../language/constant.js';
import type { SharedKernel, SharedKernelFactory, SharedKernelState } from '../../language/shared-projection-codegen.js';
import { currentNetwork } from '../magic-network.js';
import type { Network, NamedParticipant } from '../network.js';
import { Population } from '../population.js';
import type { ProjectionEndpoint } from '../projection.js';
import { formatBytes, resourceLimits } from '../resource-limits.js';
import { ConvolutionError } from './convolution-error.js';

/**
 * Options shared by {@link Convolution} and {@link Pooling} (ANNarchy's keyword arguments).
 *
 * @example
 * ```ts
 * const o: SharedProjectionOptions = { psp: 'w * pre.r', operation: 'max', name: 'conv' };
 * ```
 */
export interface SharedProjectionOptions {
  /** Contribution of one pre-synaptic neuron (`pre.r * w` for Convolution, `pre.r` for Pooling). */
  psp?: string;
  operation?: SynapseOperation;
  name?: string;
  /** ANNarchy's internal flag for network copies: only `false` (its default) is accepted. */
  copied?: boolean;
}

/**
 * What ANNarchy 4.7.3's Convolution and Pooling have in common: weights shared by all post
 * neurons (no synapses, no dendrites), one row of pre-synaptic coordinates per post neuron
 * computed at the connect call, a kernel generated at compile that adds one value per post
 * neuron to `sum(target)` (or to `g_target` of a spiking post population) in step 2, and delays
 * that apply to `pre.r` only, `int(delays / dt)` steps.
 *
 * They take part in the network's steps like projections (they are in `projectionsList`), but
 * are not {@link Projection}s: the per-synapse API (dendrites, connect methods, monitors, save)
 * has nothing to act on, as in 4.7.3 where those methods only warn.
 *
 * @example
 * ```ts
 * const proj: SharedProjection = new Pooling(inp, pop, 'exc', { operation: 'mean' });
 * proj.size; // post.size after compile
 * ```
 */
export abstract class SharedProjection implements NamedParticipant {
  readonly id: number;
  readonly name: string;
  readonly network: Network;
  readonly pre: Population;
  readonly post: Population;
  readonly target: string;
  readonly psp: string;
  readonly operation: SynapseOperation;
  readonly synapseType: Synapse;
  /** @internal */
  readonly $ir: SynapseIR;
  /** Delay in ms as given to the connect call (0 before it). */
  delays = 0;
  /** Coordinates per post neuron (`width` each) once connected. @internal */
  protected $coords: Int32Array | undefined;
  /** @internal */
  $state: SharedKernelState | undefined;
  private $kernel: SharedKernel | undefined;
  /** Kernel source (for reading and debugging). */
  kernelSource = '';
  private $ring: Float64Array[] = [];
  private $liveR: Float64Array = new Float64Array(0);

  protected constructor(kind: 'Convolution' | 'Pooling', pre: ProjectionEndpoint, post: ProjectionEndpoint, target: string, o: SharedProjectionOptions, defaults: { psp: string; operation: SynapseOperation }, operations: readonly SynapseOperation[]) {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new ConvolutionError(kind, 'options', 'expected an options object { psp, operation, name }');
    for (const k of Object.keys(o)) if (!['psp', 'operation', 'name', 'copied'].includes(k)) throw new ConvolutionError(kind, k, 'unknown option; expected psp, operation or name');
    if (o.copied !== undefined && o.copied !== false) {
      throw new ConvolutionError(kind, 'copied', 'only false is accepted: ANNarchy sets it when Network.add() copies a projection; here a projection belongs to the network of its populations');
    }
    const endpoint = (e: ProjectionEndpoint, side: 'pre' | 'post', net: Network): Population => {
      if (e instanceof Population) return e;
      if (typeof e === 'string') return net.getPopulation(e);
      if (e && typeof e === 'object' && (e as { population?: unknown }).population instanceof Population) {
        // 4.7.3 indexes the whole population with the view's geometry and size: refused here
        throw new ConvolutionError(kind, side, 'a whole Population is needed, not a PopulationView (4.7.3 computes coordinates and ranks over the whole population)');
      }
      throw new ConvolutionError(kind, side, 'expected a Population or a population name');
    };
    this.pre = endpoint(pre, 'pre', currentNetwork());
    // a post given by name is looked up in the network of pre
    this.post = endpoint(post, 'post', this.pre.network);
    this.network = this.pre.network;
    if (this.post.network !== this.network) throw new ConvolutionError(kind, 'post', `"${this.post.name}" belongs to another network than "${this.pre.name}"`);
    if (typeof target !== 'string' || !/^\w+$/.test(target)) throw new ConvolutionError(kind, 'target', `expected one name such as 'exc', got ${JSON.stringify(target)}`);
    this.target = target;
    const psp = o.psp ?? defaults.psp;
    if (typeof psp !== 'string' || psp.trim() === '') throw new ConvolutionError(kind, 'psp', `expected an expression such as "${defaults.psp}", got ${JSON.stringify(o.psp)}`);
    const operation = o.operation ?? defaults.operation;
    if (!operations.includes(operation)) throw new ConvolutionError(kind, 'operation', `expected ${operations.map((x) => `'${x}'`).join(', ')}, got ${JSON.stringify(operation)}`);
    this.psp = psp;
    this.operation = operation;
    this.synapseType = new Synapse({ psp, operation, name: `${kind} operation` });
    // the synapse type follows the pre-synaptic population, as for every 4.7.3 projection
    this.$ir = asModelErrors(this.synapseType.name, () => this.synapseType.analyse(this.pre.spiking ? 'spike' : 'rate'));
    this.$checkPsp(kind);
    this.id = this.network.nextId('projection');
    this.name = o.name ?? `proj${this.id}`;
    this.network.addProjection(this);
  }

  /** The psp reads only attributes the pre-synaptic neuron has (checked now, not at compile). */
  private $checkPsp(kind: string): void {
    const ir = this.$ir;
    const model = this.synapseType.name;
    if (ir.postDependencies.length > 0) {
      throw new ModelError(`a ${kind} psp cannot read post-synaptic variables (ANNarchy 4.7.3's ${kind} code has no post rank); use w and pre-synaptic variables`, { model, section: 'psp', statement: this.psp, symbol: `post.${ir.postDependencies[0]}` });
    }
    const known = new Set([...this.pre.$ir.parameters, ...this.pre.$ir.variables].map((a) => a.name));
    for (const d of ir.preDependencies) {
      if (/^_sum_/.test(d) && !this.pre.spiking) continue;
      if (!known.has(d)) throw new ModelError(`the psp reads pre.${d}, but "${this.pre.name}" (neuron "${this.pre.neuronType.name}") has no attribute "${d}"`, { model, section: 'psp', statement: this.psp, symbol: `pre.${d}` });
    }
  }

  /** Kind of projection in messages: `Convolution "name"`. */
  protected get $where(): string {
    return `${this.constructor.name} "${this.name}"`;
  }

  protected $error(argument: string, message: string, method?: string): ConvolutionError {
    return new ConvolutionError(method ? `${this.$where}.${method}` : this.$where, argument, message);
  }

  /** Common checks of a connect call's `delays` (a constant number of ms). */
  protected $checkDelays(delays: unknown, method: string): number {
    if (typeof delays !== 'number' || !Number.isFinite(delays) || delays < 0) {
      throw this.$error('delays', `expected one number of ms >= 0 (4.7.3: convolutions can only have constant delays), got ${Array.isArray(delays) ? 'a list' : String(delays)}`, method);
    }
    const steps = Math.trunc(delays / this.network.dt);
    if (delays > this.network.dt && this.pre.spiking) throw this.$error('delays', `the pre-synaptic population "${this.pre.name}" is spiking: delaying its r in a ${this.constructor.name} is not supported; use no delay`, method);
    const bytes = (steps + 1) * this.pre.size * 8;
    if (bytes > resourceLimits().delayQueueBytes) {
      throw this.$error('delays', `${delays} ms (${steps} steps) need a delay queue of ${formatBytes(bytes)}, more than the budget of ${formatBytes(resourceLimits().delayQueueBytes)} (setResourceLimits({ delayQueueBytes }))`, method);
    }
    return delays;
  }

  protected $setConnection(coords: Int32Array, delays: number): void {
    if (this.$coords) throw this.$error('connect', 'the projection is already connected; call one connect method only');
    if (this.$state) throw this.$error('connect', 'connect methods must be called before compile()');
    this.$coords = coords;
    this.delays = delays;
  }

  /** Generate the kernel for the connected layout (subclasses). */
  protected abstract $generate(pre: { local: readonly string[]; global: readonly string[] }): { factory: SharedKernelFactory; src: string };

  /** The flat filter the kernel reads (Convolution; empty for Pooling). */
  protected abstract $weightsArray(): Float64Array;

  /** Called by the network at compile: target array, kernel, delay queue. */
  compile(net: Network): void {
    if (!this.$coords) throw this.$error('connect', `the projection between "${this.pre.name}" and "${this.post.name}" is declared but not connected (call ${this.constructor.name === 'Pooling' ? 'connectPooling' : 'connectFilter or connectFilters'})`);
    if (!this.pre.$state || !this.post.$state) throw this.$error('compile', 'populations must be compiled first');
    const key = this.post.spiking ? `g_${this.target}` : `_sum_${this.target}`;
    if (!this.post.$state.local[key]) this.post.$addInputArray(key);
    this.pre.$requireStored(this.$ir.preDependencies);
    const preS = this.pre.$state;
    const { factory, src } = asModelErrors(this.synapseType.name, () => this.$generate({ local: Object.keys(preS.local), global: Object.keys(preS.global) }));
    this.kernelSource = src;
    this.$liveR = preS.local.r ?? new Float64Array(0);
    const steps = this.delays > net.dt ? Math.trunc(this.delays / net.dt) : 0;
    this.$ring = steps > 1 ? Array.from({ length: steps }, () => this.$liveR.slice()) : [];
    this.$state = {
      postSize: this.post.size,
      coords: this.$coords,
      w: this.$weightsArray(),
      pre: preS,
      preR: this.$liveR,
      out: this.post.$state.local[key]!,
    };
    this.$kernel = factory(this.$state, CONSTANTS);
  }

  /** Step 2: one value per post neuron (4.7.3: only while the pre-synaptic population is active). */
  $computeInputs(t: number): void {
    const S = this.$state;
    if (!S || !this.pre.enabled || !this.post.enabled) return;
    const D = this.$ring.length;
    // _delayed_r[d-1]: the rates after step t-d, pushed into slot (t-d) mod d
    S.preR = D > 1 ? this.$ring[(((t - D) % D) + D) % D]! : this.$liveR;
    this.$kernel!(t);
  }

  /** Step 6: remember this step's pre-synaptic rates (delays only). */
  $pushDelays(t: number): void {
    const D = this.$ring.length;
    if (D > 1) this.$ring[((t % D) + D) % D]!.set(this.$liveR);
  }

  /** A population reset refills the delayed rates with the current ones. */
  reset(opts: { populations?: boolean } = {}): void {
    if (opts.populations) for (const h of this.$ring) h.set(this.$liveR);
  }

  /** Number of post-synaptic neurons receiving input: the whole post population after compile (4.7.3), 0 before. */
  get size(): number {
    return this.$state ? this.post.size : 0;
  }

  /** Ranks of the post-synaptic neurons receiving input: all of them (4.7.3). */
  get postRanks(): number[] {
    if (!this.$state) throw this.$error('postRanks', 'only available after compile()');
    return Array.from({ length: this.post.size }, (_, i) => i);
  }

  /** Always 0: the weights are shared, there are no synapses (4.7.3's `nb_synapses`). */
  get nbSynapses(): number {
    return 0;
  }

  /** The coordinates in pre of each post neuron's centre (Convolution) or corner (Pooling). */
  get preCoordinates(): number[][] {
    const c = this.$coords;
    if (!c) throw this.$error('preCoordinates', 'only available after a connect call');
    const width = c.length / this.post.size;
    return Array.from({ length: this.post.size }, (_, i) => Array.from(c.subarray(i * width, (i + 1) * width)));
  }

  /** There are no dendrites: the weights are shared (4.7.3 cannot build them either). */
  dendrite(_post: number | number[]): never {
    throw this.$error('dendrite', `a ${this.constructor.name} has no dendrites: its weights are shared by all post-synaptic neurons${this.constructor.name === 'Convolution' ? ' (read them with weights)' : ''}`);
  }

  toString(): string {
    return `${this.constructor.name} ${this.name} (${this.pre.name} -> ${this.post.name}, target ${this.target}, ${this.operation})`;
  }
}
