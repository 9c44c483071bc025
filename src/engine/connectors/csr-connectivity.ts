import type { LILConnectivity } from './lil-connectivity.js';

/**
 * Connectivity as compressed rows (one row per post neuron receiving synapses), what a
 * projection stores after compile. Large random connectors build it directly, without an object
 * per row: a 16000-neuron network has 5e6 synapses. A weight or delay shared by all synapses is
 * kept as one number.
 *
 * @example
 * ```ts
 * const b = new CSRBuilder();
 * b.addRow(0, Int32Array.of(1, 2), 2, 0.5, 1.0);   // post 0 receives from pre 1 and 2
 * const csr = b.finish();                           // csr.rowPtr = [0, 2], csr.w = 0.5
 * ```
 */
export interface CSRConnectivity {
  /** Post rank of each row. */
  readonly postRanks: Int32Array;
  /** Row k holds synapses rowPtr[k] .. rowPtr[k + 1] - 1. */
  readonly rowPtr: Int32Array;
  readonly preRanks: Int32Array;
  /** One weight per synapse, or one for all. */
  readonly w: Float64Array | number;
  /** Delays in ms, one per synapse or one for all. */
  readonly delays: Float64Array | number;
  /** True if some row got one delay per synapse (ANNarchy then treats delays as non-uniform). */
  readonly delaysPerSynapse: boolean;
}

/** True for a {@link CSRConnectivity} (as opposed to a {@link LILConnectivity}). */
export function isCSR(c: CSRConnectivity | LILConnectivity): c is CSRConnectivity {
  return 'rowPtr' in c;
}

/** A weight or delay column: one number until two synapses differ, then one value per synapse. */
class ValueColumn {
  constant: number | undefined;
  values: Float64Array | undefined;

  /** Write `v` (one number for the row, or one per synapse) at synapses [at, at + m). */
  put(v: number | ArrayLike<number>, at: number, m: number, capacity: number): void {
    if (typeof v === 'number' && this.values === undefined && (at === 0 || Object.is(v, this.constant))) {
      this.constant = v;
      return;
    }
    this.reserve(at, capacity);
    const out = this.values!;
    if (typeof v === 'number') out.fill(v, at, at + m);
    else for (let j = 0; j < m; j++) out[at + j] = v[j]!;
  }

  /** Make sure per-synapse storage exists with room for `capacity` (the first `at` hold the constant). */
  reserve(at: number, capacity: number): void {
    if (this.values === undefined) {
      this.values = new Float64Array(capacity);
      if (at > 0) this.values.fill(this.constant!, 0, at);
    } else if (this.values.length < capacity) {
      const next = new Float64Array(capacity);
      next.set(this.values.subarray(0, at));
      this.values = next;
    }
  }

  finish(n: number): Float64Array | number {
    if (this.values === undefined) return this.constant ?? 0;
    return this.values.length === n ? this.values : this.values.slice(0, n);
  }
}

/**
 * Builds a {@link CSRConnectivity} row by row in growable typed arrays (doubling).
 *
 * @example
 * ```ts
 * const b = new CSRBuilder(1000);
 * b.addRow(3, Int32Array.of(0, 5, 9), 3, new Float64Array([0.1, 0.2, 0.3]), 0);
 * b.finish().nbSynapses; // 3
 * ```
 */
export class CSRBuilder {
  private post: Int32Array;
  private ptr: Int32Array;
  private pre: Int32Array;
  private rows = 0;
  private n = 0;
  private readonly wCol = new ValueColumn();
  private readonly dCol = new ValueColumn();
  private perSynapseDelays = false;

  /** @param expectedSynapses initial capacity (grows as needed). */
  constructor(expectedSynapses = 1024) {
    this.pre = new Int32Array(Math.max(16, Math.ceil(expectedSynapses)));
    this.post = new Int32Array(16);
    this.ptr = new Int32Array(17);
  }

  /**
   * Append the row of `postRank`: the first `m` entries of `preRanks`, its weights and delays
   * (one number for the row or `m` values). Empty rows are not stored.
   */
  addRow(postRank: number, preRanks: Int32Array, m: number, w: number | ArrayLike<number>, d: number | ArrayLike<number>): void {
    if (m === 0) return;
    const at = this.n, end = at + m;
    if (end > this.pre.length) {
      let cap = this.pre.length * 2;
      while (cap < end) cap *= 2;
      const next = new Int32Array(cap);
      next.set(this.pre.subarray(0, at));
      this.pre = next;
    }
    if (this.rows + 1 >= this.post.length) {
      const post = new Int32Array(this.post.length * 2);
      post.set(this.post);
      this.post = post;
      const ptr = new Int32Array(this.ptr.length * 2);
      ptr.set(this.ptr);
      this.ptr = ptr;
    }
    this.pre.set(m === preRanks.length ? preRanks : preRanks.subarray(0, m), at);
    this.wCol.put(w, at, m, this.pre.length);
    this.dCol.put(d, at, m, this.pre.length);
    if (typeof d !== 'number' && d.length > 1) this.perSynapseDelays = true;
    this.post[this.rows] = postRank;
    this.ptr[++this.rows] = end;
    this.n = end;
  }

  finish(): CSRConnectivity {
    const n = this.n;
    return {
      postRanks: this.post.slice(0, this.rows),
      rowPtr: this.ptr.slice(0, this.rows + 1),
      // a view, not a copy: a 5M-synapse copy cost a 20 MB allocation and its page faults
      preRanks: this.pre.length === n ? this.pre : this.pre.subarray(0, n),
      w: this.wCol.finish(n),
      delays: this.dCol.finish(n),
      delaysPerSynapse: this.perSynapseDelays,
    };
  }
}

/**
 * The compressed rows of a {@link LILConnectivity} (the form user connectors and the small
 * deterministic patterns return).
 *
 * @example
 * ```ts
 * const csr = csrFromLIL(lil);
 * ```
 */
export function csrFromLIL(lil: LILConnectivity): CSRConnectivity {
  const b = new CSRBuilder(lil.nbSynapses);
  for (let i = 0; i < lil.postRanks.length; i++) {
    const pre = lil.preRanks[i]!;
    // LIL rows were checked for integers when added; Int32Array.from keeps them exactly
    b.addRow(lil.postRanks[i]!, Int32Array.from(pre), pre.length, lil.w[i]!, lil.delays[i]!);
  }
  const csr = b.finish();
  // a LIL stores one delay per synapse always; its own flag says whether they were given that way
  return { ...csr, delaysPerSynapse: lil.delaysPerSynapse };
}
