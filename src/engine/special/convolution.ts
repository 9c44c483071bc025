import type { ProjectionEndpoint } from '../projection.js';
import { centerOfFilter, generateConvolutionKernel, type SharedKernelFactory } from '../../language/shared-projection-codegen.js';
import { SharedProjection, type SharedProjectionOptions } from './shared-projection.js';
import { flattenFilter, nestFilter, type FilterWeights, type NestedNumbers } from './filter-weights.js';

/**
 * Options of {@link Convolution} (ANNarchy's keyword arguments).
 *
 * @example
 * ```ts
 * const o: ConvolutionOptions = { psp: 'w * pre.r * pre.r', operation: 'sum' };
 * ```
 */
export type ConvolutionOptions = SharedProjectionOptions;

/**
 * Options of {@link Convolution.connectFilter} and {@link Convolution.connectFilters}.
 *
 * @example
 * ```ts
 * const o: ConnectFilterOptions = { delays: 2.0, padding: 'border' };
 * ```
 */
export interface ConnectFilterOptions {
  /** One delay in ms for all (`int(delays/dt)` steps; only `pre.r` is delayed, as in 4.7.3). */
  delays?: number;
  /** The filter has one dimension less than pre: convolve each slice of the last dimension on its own. */
  keepLastDimension?: boolean;
  /** Value of the rates outside pre (sum, mean; default 0.0), or 'border' to repeat the border. */
  padding?: number | 'border';
  /**
   * For each post neuron (for each position, with a bank of filters), the pre coordinates of the
   * filter's centre; default: derived from the geometries.
   */
  subsampling?: ArrayLike<ArrayLike<number>>;
}

const OPTION_KEYS = ['delays', 'keepLastDimension', 'padding', 'subsampling'];

/**
 * A convolution of the pre-synaptic rates with one filter or a bank of filters shared by all
 * post neurons (ANNarchy 4.7.3 `Convolution`): in step 2 each post neuron adds
 * `sum(psp)` (or max, min, mean) over the filter centred on its pre coordinates to `sum(target)`.
 * As in 4.7.3 it is a cross-correlation, with padding for coordinates outside pre; the
 * geometries give the sub-sampling. Rate-coded or spiking pre (reading `pre.r`) and post (a
 * spiking post receives into `g_target`).
 *
 * @example
 * ```ts
 * const inp = new Population([100, 100], new Neuron({ parameters: 'r = 0.0' }));
 * const pop = new Population([100, 100], new Neuron({ equations: 'r = sum(exc)' }));
 * new Convolution(inp, pop, 'exc').connectFilter([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]]);
 * ```
 */
export class Convolution extends SharedProjection {
  /** Connected with {@link Convolution.connectFilters} (a bank of filters). */
  multiple = false;
  keepLastDimension = false;
  padding: number | 'border' = 0.0;
  private $shape: number[] = [];
  private $w: Float64Array = new Float64Array(0);

  constructor(pre: ProjectionEndpoint, post: ProjectionEndpoint, target: string, o: ConvolutionOptions = {}) {
    super('Convolution', pre, post, target, o, { psp: 'pre.r * w', operation: 'sum' }, ['sum', 'max', 'min', 'mean']);
  }

  /**
   * Apply one filter (ANNarchy `connect_filter`): as many dimensions as pre (the post population
   * may drop the last one if the filter spans it), or one less with `keepLastDimension`.
   *
   * @example
   * ```ts
   * conv.connectFilter([[-1, 0, 1], [-1, 0.1, 1], [-1, 0.5, 1]], { padding: 'border' });
   * ```
   */
  connectFilter(weights: FilterWeights, o: ConnectFilterOptions = {}): this {
    return this.$connect(weights, o, false);
  }

  /**
   * Apply a bank of filters (ANNarchy `connect_filters`): `weights[f]` is filter `f`, with as many
   * dimensions as pre; the last dimension of post has one neuron per filter.
   *
   * @example
   * ```ts
   * conv.connectFilters([[[1, 0], [0, 1]], [[0, 1], [1, 0]]]);   // (H, W) -> (H, W, 2)
   * ```
   */
  connectFilters(weights: FilterWeights, o: ConnectFilterOptions = {}): this {
    return this.$connect(weights, o, true);
  }

  private $connect(weights: FilterWeights, o: ConnectFilterOptions, multiple: boolean): this {
    const method = multiple ? 'connectFilters' : 'connectFilter';
    const err = (arg: string, msg: string) => this.$error(arg, msg, method);
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw err('options', 'expected an options object { delays, keepLastDimension, padding, subsampling }');
    for (const k of Object.keys(o)) if (!OPTION_KEYS.includes(k)) throw err(k, `unknown option; expected ${OPTION_KEYS.join(', ')}`);
    const { shape, data } = flattenFilter(weights, (m) => err('weights', m));
    const delays = this.$checkDelays(o.delays ?? 0.0, method);
    const keepLast = o.keepLastDimension ?? false;
    if (typeof keepLast !== 'boolean') throw err('keepLastDimension', `expected true or false, got ${String(keepLast)}`);
    const padding = o.padding ?? 0.0;
    if (padding !== 'border' && (typeof padding !== 'number' || !Number.isFinite(padding))) throw err('padding', `expected a finite number or 'border', got ${JSON.stringify(padding)}`);
    if (padding !== 0 && (this.operation === 'max' || this.operation === 'min')) {
      throw err('padding', `has no effect with operation '${this.operation}' (4.7.3 skips coordinates outside pre for max and min); leave it out`);
    }
    const G = this.pre.geometry, P = this.post.geometry;
    const dimPre = G.length, dimPost = P.length, dimKernel = shape.length;
    const desc = `pre ${JSON.stringify(G)} * filter ${JSON.stringify(shape)} -> post ${JSON.stringify(P)}`;
    if (dimPost > 4) throw err('post', `too many dimensions for the post-synaptic population (maximum 4): ${desc}`);
    if (dimPre > 4) throw err('pre', `too many dimensions for the pre-synaptic population (maximum 4): ${desc}`);
    if (dimKernel > (multiple ? 5 : 4)) throw err('weights', `too many dimensions for the filter (maximum 4${multiple ? ', plus the filter index' : ''}): ${desc}`);
    const single = multiple ? shape.slice(1) : shape;
    if (!multiple) {
      if (dimKernel > dimPre) throw err('weights', `the filter has more dimensions than the pre-synaptic population: a bank of filters needs connectFilters(): ${desc}`);
      if (dimKernel < dimPre) {
        if (!keepLast) throw err('keepLastDimension', `the filter has fewer dimensions than the pre-synaptic population: set keepLastDimension: true to convolve each slice of the last dimension: ${desc}`);
        if (dimKernel !== dimPre - 1 || dimPost !== dimPre) throw err('keepLastDimension', `needs a filter with exactly one dimension less than pre and a post population with as many dimensions as pre: ${desc}`);
        if (G[dimPre - 1] !== P[dimPost - 1]) throw err('post', `with keepLastDimension the last dimensions of pre and post must have the same number of neurons: ${desc}`);
      } else if (keepLast) throw err('keepLastDimension', `only for a filter with one dimension less than pre; this filter spans all of pre's dimensions: ${desc}`);
    } else {
      if (keepLast) throw err('keepLastDimension', `not available with a bank of filters (each filter spans all of pre's dimensions): ${desc}`);
      if (single.length !== dimPre) throw err('weights', `a bank of filters has the filter index first, then as many dimensions as pre (${dimPre}): ${desc}`);
      if (shape[0] !== P[dimPost - 1]) throw err('post', `for ${shape[0]} filters the last dimension of the post-synaptic population must have ${shape[0]} neurons: ${desc}`);
    }
    if (dimPost < dimPre && shape[dimKernel - 1] !== G[dimPre - 1]) {
      throw err('weights', `the post-synaptic population has fewer dimensions than pre: the last dimension of the filter must equal the last of pre (${G[dimPre - 1]}): ${desc}`);
    }
    const coords = o.subsampling !== undefined
      ? this.$subsamplingCoords(o.subsampling, multiple ? shape[0]! : 0, keepLast ? dimKernel : -1, err)
      : this.$defaultCoords(single, multiple ? shape[0]! : 0, err, desc);
    this.$setConnection(coords, delays);
    this.$shape = shape;
    this.$w = data;
    this.multiple = multiple;
    this.keepLastDimension = keepLast;
    this.padding = padding;
    return this;
  }

  /** 4.7.3's default: per dimension the centres of the sub-sampled windows, filters innermost. */
  private $defaultCoords(single: readonly number[], nFilters: number, err: (a: string, m: string) => Error, desc: string): Int32Array {
    const G = this.pre.geometry, P = this.post.geometry;
    const sampled = nFilters > 0 ? P.length - 1 : P.length;
    const ranges: number[][] = [];
    for (let d = 0; d < G.length; d++) {
      if (d < sampled) {
        const sample = Math.trunc(G[d]! / P[d]!);
        if (P[d]! * sample !== G[d]!) throw err('post', `the pre-synaptic dimensions must be multiples of the post-synaptic ones for down-sampling (dimension ${d}: pre ${G[d]}, post ${P[d]}): ${desc}`);
        ranges.push(Array.from({ length: P[d]! }, (_, i) => Math.trunc((sample - 1) / 2) + sample * i));
      } else ranges.push([centerOfFilter(single[d]!)]);
    }
    if (nFilters > 0) ranges.push(Array.from({ length: nFilters }, (_, f) => f));
    const count = ranges.reduce((a, r) => a * r.length, 1);
    if (count !== this.post.size) throw err('post', `the geometries give ${count} filter positions for ${this.post.size} post-synaptic neurons: ${desc}`);
    const out = new Int32Array(count * ranges.length);
    const idx = new Array<number>(ranges.length).fill(0);
    for (let n = 0; n < count; n++) {
      for (let d = 0; d < ranges.length; d++) out[n * ranges.length + d] = ranges[d]![idx[d]!]!;
      for (let d = ranges.length - 1; d >= 0; d--) {
        if (++idx[d]! < ranges[d]!.length) break;
        idx[d] = 0;
      }
    }
    return out;
  }

  /** The given centres (one per post neuron, or per position of a bank), checked. */
  private $subsamplingCoords(list: ArrayLike<ArrayLike<number>>, nFilters: number, direct: number, err: (a: string, m: string) => Error): Int32Array {
    const G = this.pre.geometry, dim = G.length;
    const rows = nFilters > 0 ? this.post.size / this.post.geometry[this.post.geometry.length - 1]! : this.post.size;
    if (list === null || typeof list !== 'object' || list.length !== rows) {
      throw err('subsampling', `expected ${rows} lists (one per ${nFilters > 0 ? 'position of the filters' : 'post-synaptic neuron'}) of ${dim} coordinates, got ${list === null || typeof list !== 'object' ? String(list) : `${list.length} lists`}`);
    }
    const width = dim + (nFilters > 0 ? 1 : 0);
    const out = new Int32Array(rows * Math.max(1, nFilters) * width);
    let at = 0;
    for (let r = 0; r < rows; r++) {
      const c = list[r];
      if (c === null || typeof c !== 'object' || c.length !== dim) throw err('subsampling', `element ${r} must have ${dim} coordinates (the dimension of pre), got ${c === null || typeof c !== 'object' ? String(c) : c.length}`);
      for (let d = 0; d < dim; d++) {
        const x = c[d]!;
        if (!Number.isInteger(x)) throw err('subsampling', `element ${r}, coordinate ${d} is ${String(x)}; expected an integer`);
        // the kept last dimension is read as it is: it must lie inside pre
        if (d === direct && (x < 0 || x >= G[d]!)) throw err('subsampling', `element ${r}, coordinate ${d} (the kept last dimension) is ${x}; expected 0..${G[d]! - 1}`);
      }
      for (let f = 0; f < Math.max(1, nFilters); f++) {
        for (let d = 0; d < dim; d++) out[at++] = c[d]!;
        if (nFilters > 0) out[at++] = f;
      }
    }
    return out;
  }

  protected override $generate(pre: { local: readonly string[]; global: readonly string[] }): { factory: SharedKernelFactory; src: string } {
    return generateConvolutionKernel(this.$ir, {
      preGeometry: this.pre.geometry, kernel: this.multiple ? this.$shape.slice(1) : this.$shape, bank: this.multiple,
      keepLastDimension: this.keepLastDimension, padding: this.padding, weightsSize: this.$w.length, dt: this.network.dt,
    }, pre);
  }

  protected override $weightsArray(): Float64Array {
    return this.$w;
  }

  /** Shape of the filter (bank: number of filters first). */
  get filterShape(): number[] {
    return [...this.$shape];
  }

  /**
   * The filter as nested arrays (ANNarchy `proj.weights`); assigning one of the same shape
   * replaces it, also between steps.
   *
   * @example
   * ```ts
   * conv.weights;                           // [[-1, 0, 1], ...]
   * conv.weights = [[1, 0, -1], [1, 0, -1], [1, 0, -1]];
   * ```
   */
  get weights(): NestedNumbers {
    if (this.$shape.length === 0) throw this.$error('weights', 'not connected yet: call connectFilter or connectFilters first');
    return nestFilter(this.$w, this.$shape);
  }

  set weights(value: FilterWeights) {
    if (this.$shape.length === 0) throw this.$error('weights', 'not connected yet: call connectFilter or connectFilters first');
    const { shape, data } = flattenFilter(value, (m) => this.$error('weights', m));
    if (shape.length !== this.$shape.length || shape.some((s, d) => s !== this.$shape[d])) {
      throw this.$error('weights', `mismatch between filter dimensions: expected shape ${JSON.stringify(this.$shape)}, got ${JSON.stringify(shape)}`);
    }
    // in place: the kernel reads this array
    this.$w.set(data);
  }

  /** The filter (ANNarchy's `w` of the shared synapse reads it too). */
  get w(): NestedNumbers {
    return this.weights;
  }

  set w(value: FilterWeights) {
    this.weights = value;
  }

  /**
   * Read an attribute by name (ANNarchy `proj.get('weights')`): `weights` or `w`.
   *
   * @example
   * ```ts
   * conv.get('weights');
   * ```
   */
  get(name: string): NestedNumbers {
    if (name === 'weights' || name === 'w') return this.weights;
    throw this.$error('get', `no attribute "${name}"; a Convolution has weights (also read as w)`);
  }

  /**
   * Write attributes by name (ANNarchy `proj.set({'weights': ...})`).
   *
   * @example
   * ```ts
   * conv.set({ weights: [[0, 1, 0], [1, -4, 1], [0, 1, 0]] });
   * ```
   */
  set(values: Record<string, FilterWeights>): void {
    if (values === null || typeof values !== 'object') throw this.$error('set', 'expected an object { weights: ... }');
    const keys = Object.keys(values);
    for (const k of keys) if (k !== 'weights' && k !== 'w') throw this.$error('set', `no attribute "${k}"; a Convolution has weights (also written as w)`);
    if (keys.length > 1) throw this.$error('set', 'give weights or w, not both');
    for (const k of keys) this.weights = values[k]!;
  }
}
