import { isSampler, type ValueSampler } from '../attribute-value.js';

/**
 * The numpy-legacy generator connectors draw from (`network.numpyRng`): the calls ANNarchy 4.7.3
 * makes on `np.random` (annarchy-semantics §2.5).
 */
export interface ConnectorRng {
  /** `np.random.random(size)`. */
  random(size: number): ArrayLike<number>;
  /**
   * The indices k with `random(size)[k] < p`, ascending, drawing what `random(size)` draws
   * (optional: a bulk form that need not build the doubles).
   */
  randomBelow?(size: number, p: number): Int32Array;
  /** `rows` consecutive {@link ConnectorRng.randomBelow} draws handed to `onRow` (optional). */
  randomBelowRows?(rows: number, size: number, p: number, onRow: (indices: Int32Array, count: number) => void): void;
  /** `np.random.choice(a, size, replace)`. */
  choice(a: readonly number[], size: number, replace?: boolean): number[];
}

/**
 * A weight or delay: one number for all synapses, or a RandomDistribution (`getValues(n, rng)`).
 *
 * @example
 * ```ts
 * const w: ConnectorValue = new Normal(0.5, 0.1);   // or a number
 * proj.connectAllToAll({ weights: w });
 * ```
 */
export type ConnectorValue = number | ValueSampler;

/** What a connector needs of a projection's pre/post side (a population or a view). */
export interface ConnectorEndpoint {
  readonly size: number;
  readonly geometry: readonly number[];
  /** Population ranks of the neurons, in order. */
  readonly ranks: readonly number[];
  /** The underlying population (all-to-all decides about self-connections by it). */
  readonly population: object;
  /**
   * The object the projection was given (a view or the population; defaults to `population`):
   * ANNarchy 4.7.3's random and distance-based connectors forbid self-connections only when
   * `self.pre != self.post`, and a PopulationView has no `__eq__`, so identity decides.
   */
  readonly source?: object;
}

/**
 * Whether ANNarchy 4.7.3 excludes self-connections by default for this pair: the same object
 * on both sides (`connect_fixed_probability`, `_fixed_number_pre/post`, `_gaussian`, `_dog`
 * test `self.pre != self.post`). `connect_all_to_all` compares the underlying populations
 * instead (`wholePopulations: true`).
 *
 * @example
 * ```ts
 * const allowSelf = !sameEndpoint(pre, post) || (o.allowSelfConnections ?? false);
 * ```
 */
export function sameEndpoint(pre: ConnectorEndpoint, post: ConnectorEndpoint, wholePopulations = false): boolean {
  if (wholePopulations) return pre.population === post.population;
  return (pre.source ?? pre.population) === (post.source ?? post.population);
}

/** Check a weight/delay argument, naming the connector. */
export function checkValue(v: unknown, what: string, where: string): ConnectorValue {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (isSampler(v)) return v;
  throw new Error(`${where}: ${what} must be a finite number or a RandomDistribution, got ${v === null ? 'null' : typeof v === 'number' ? String(v) : typeof v}`);
}

/** `n` values of a weight/delay argument: `[v]` for a number (broadcast later), `n` draws otherwise. */
export function drawValues(v: ConnectorValue, n: number, rng: unknown): number[] {
  if (typeof v === 'number') return [v];
  return Array.from(v.getValues(n, rng));
}

/**
 * List-of-lists connectivity, one entry per post neuron (ANNarchy's `LILConnectivity`): the
 * pre ranks, weights and delays (ms) of each dendrite. Empty dendrites are not stored; a
 * single weight/delay is broadcast to the dendrite.
 *
 * @example
 * ```ts
 * const lil = new LILConnectivity();
 * lil.add(0, [1, 2], [0.5, 0.25], [1.0]);   // post 0 receives from pre 1 and 2, delay 1 ms
 * ```
 */
export class LILConnectivity {
  readonly postRanks: number[] = [];
  readonly preRanks: number[][] = [];
  readonly w: number[][] = [];
  /** Delays in ms, one per synapse. */
  readonly delays: number[][] = [];
  /** True if some dendrite got one delay per synapse (ANNarchy then treats delays as non-uniform). */
  delaysPerSynapse = false;

  /** Add the dendrite of `postRank` (ANNarchy's `add`/`push_back`). */
  add(postRank: number, preRanks: ArrayLike<number>, weights: ArrayLike<number> | number, delays: ArrayLike<number> | number = 0): void {
    const r = Array.from(preRanks);
    if (!Number.isInteger(postRank) || postRank < 0) throw new Error(`LILConnectivity.add: post rank must be a non-negative integer, got ${String(postRank)}`);
    if (r.length === 0) return;
    if (r.some((x) => !Number.isInteger(x) || x < 0)) throw new Error(`LILConnectivity.add: pre ranks of post ${postRank} must be non-negative integers`);
    if (this.postRanks.includes(postRank)) throw new Error(`LILConnectivity.add: post rank ${postRank} was already added`);
    const w = typeof weights === 'number' ? [weights] : Array.from(weights);
    const d = typeof delays === 'number' ? [delays] : Array.from(delays);
    if (w.length !== 1 && w.length !== r.length) throw new Error(`LILConnectivity.add: post ${postRank} has ${r.length} synapses but ${w.length} weights`);
    if (d.length !== 1 && d.length !== r.length) throw new Error(`LILConnectivity.add: post ${postRank} has ${r.length} synapses but ${d.length} delays`);
    this.postRanks.push(postRank);
    this.preRanks.push(r);
    this.w.push(w.length === r.length ? w : new Array<number>(r.length).fill(w[0]!));
    this.delays.push(d.length === r.length ? d : new Array<number>(r.length).fill(d[0]!));
    if (d.length > 1) this.delaysPerSynapse = true;
  }

  /** Number of synapses. */
  get nbSynapses(): number {
    return this.preRanks.reduce((a, r) => a + r.length, 0);
  }
}
