import type { ProjectionEndpoint } from '../projection.js';
import { ModelError } from '../../language/model-error.js';
import { generatePoolingKernel, type SharedKernelFactory } from '../../language/shared-projection-codegen.js';
import { SharedProjection, type SharedProjectionOptions } from './shared-projection.js';

/**
 * Options of {@link Pooling} (ANNarchy's keyword arguments): `operation` is max (default), mean or min.
 *
 * @example
 * ```ts
 * const o: PoolingOptions = { operation: 'mean' };
 * ```
 */
export interface PoolingOptions extends SharedProjectionOptions {
  operation?: 'max' | 'mean' | 'min';
}

/**
 * Options of {@link Pooling.connectPooling}.
 *
 * @example
 * ```ts
 * const o: ConnectPoolingOptions = { extent: [2, 2], delays: 0.0 };
 * ```
 */
export interface ConnectPoolingOptions {
  /** Extent of the pooled region in each pre-synaptic dimension; default: pre geometry / post geometry. */
  extent?: readonly number[];
  /** One delay in ms (`int(delays/dt)` steps; only `pre.r` is delayed, as in 4.7.3). */
  delays?: number;
}

/**
 * Pooling of the pre-synaptic rates (ANNarchy 4.7.3 `Pooling`): each post neuron covers a region
 * of `extent` pre neurons starting at its coordinates times the extent, and adds the max, min or
 * mean of `psp` (default `pre.r`) over it to `sum(target)` (`g_target` of a spiking post) in
 * step 2. The post population may drop pre's last dimension (pooled over from its start).
 *
 * @example
 * ```ts
 * const inp = new Population([100, 100], new Neuron({ parameters: 'r = 0.0' }));
 * const pop = new Population([50, 50], new Neuron({ equations: 'r = sum(exc)' }));
 * new Pooling(inp, pop, 'exc', { operation: 'max' }).connectPooling();   // extent [2, 2]
 * ```
 */
export class Pooling extends SharedProjection {
  /** Extent per pre dimension (after {@link Pooling.connectPooling}). */
  extent: number[] = [];

  constructor(pre: ProjectionEndpoint, post: ProjectionEndpoint, target: string, o: PoolingOptions = {}) {
    super('Pooling', pre, post, target, o, { psp: 'pre.r', operation: 'max' }, ['max', 'mean', 'min']);
    if (this.post.dimension > 4) throw this.$error('post', `too many dimensions for the post-synaptic population (maximum 4): ${JSON.stringify(this.post.geometry)}`);
    if (this.pre.dimension > 4) throw this.$error('pre', `too many dimensions for the pre-synaptic population (maximum 4): ${JSON.stringify(this.pre.geometry)}`);
    // 4.7.3 generates no weights for a pooling: a psp reading w does not compile there
    if (this.$ir.psp!.expr.filter((x) => (x as { type: string; name?: string }).type === 'SymbolNode' && (x as { name?: string }).name === 'w').length > 0) {
      throw new ModelError('a Pooling psp has no weight "w" (ANNarchy 4.7.3 generates no weights for it); use pre-synaptic variables only, e.g. "pre.r"', { model: this.synapseType.name, section: 'psp', statement: this.psp, symbol: 'w' });
    }
  }

  /**
   * Declare the pooled regions (ANNarchy `connect_pooling`).
   *
   * @example
   * ```ts
   * pool.connectPooling({ extent: [1, 1, 10] });
   * ```
   */
  connectPooling(o: ConnectPoolingOptions = {}): this {
    const method = 'connectPooling';
    const err = (arg: string, msg: string) => this.$error(arg, msg, method);
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw err('options', 'expected an options object { extent, delays }');
    for (const k of Object.keys(o)) if (k !== 'extent' && k !== 'delays') throw err(k, 'unknown option; expected extent or delays');
    const G = this.pre.geometry, P = this.post.geometry;
    const desc = `pre ${JSON.stringify(G)}, post ${JSON.stringify(P)}`;
    let extent: number[];
    if (o.extent === undefined) {
      if (G.length !== P.length) throw err('extent', `without an extent the two populations must have the same number of dimensions: ${desc}`);
      extent = G.map((g, d) => g / P[d]!);
      const bad = extent.findIndex((e) => !Number.isInteger(e));
      if (bad >= 0) throw err('extent', `unable to compute the extent of the pooling area: the numbers of neurons do not match in dimension ${bad}: ${desc}`);
    } else {
      const e = o.extent;
      if (e === null || typeof e !== 'object' || typeof e.length !== 'number') throw err('extent', `expected one integer per pre-synaptic dimension, e.g. [2, 2], got ${String(e)}`);
      // 4.7.3 ignores entries beyond pre's dimensions; refused here so that nothing is silently dropped
      if (e.length !== G.length) throw err('extent', `expected ${G.length} entries (one per pre-synaptic dimension), got ${e.length}: ${desc}`);
      extent = Array.from(e);
      const bad = extent.findIndex((x) => !Number.isInteger(x) || x < 1);
      if (bad >= 0) throw err('extent', `entry ${bad} is ${String(extent[bad])}; expected an integer >= 1`);
    }
    // 4.7.3's coordinates: as many dimensions in post, or one less (pooled from 0 over the last)
    const n = G.length, m = P.length;
    if (!(m === n || (m === n - 1 && (n === 2 || n === 3)))) {
      throw err('post', `the post-synaptic population must have the dimensions of pre, or one less for a pre of 2 or 3 dimensions: ${desc}`);
    }
    const delays = this.$checkDelays(o.delays ?? 0.0, method);
    const coords = new Int32Array(this.post.size * n);
    for (let i = 0; i < this.post.size; i++) {
      // the post coordinates in C order; a dropped last dimension starts at 0
      let rest = i;
      for (let d = m - 1; d >= 0; d--) {
        coords[i * n + d] = (rest % P[d]!) * extent[d]!;
        rest = Math.trunc(rest / P[d]!);
      }
    }
    this.$setConnection(coords, delays);
    this.extent = extent;
    return this;
  }

  protected override $generate(pre: { local: readonly string[]; global: readonly string[] }): { factory: SharedKernelFactory; src: string } {
    return generatePoolingKernel(this.$ir, { preGeometry: this.pre.geometry, extent: this.extent, dt: this.network.dt }, pre);
  }

  protected override $weightsArray(): Float64Array {
    return new Float64Array(0);
  }
}
