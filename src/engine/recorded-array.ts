/**
 * A dense row-major array of recorded samples backed by one `Float64Array`:
 * shape `[samples, neurons]` for population variables (`[samples]` for population-wide ones),
 * `[samples, post, pre]` for projection variables. It plays the role of the numpy arrays
 * CompNeuroPy returns.
 *
 * @example
 * ```ts
 * const a = new RecordedArray(new Float64Array([1, 2, 3, 4]), [2, 2]);
 * a.get(1, 0);   // 3
 * a.column(1);   // Float64Array [2, 4]
 * ```
 */
export class RecordedArray {
  /** Row-major values; never resized after construction. */
  readonly data: Float64Array;
  /** Size along each axis; the product equals `data.length`. */
  readonly shape: readonly number[];
  /** Values per sample, computed once: column() runs per neuron in every loss of a fit. */
  readonly #rowSize: number;

  constructor(data: Float64Array, shape: readonly number[]) {
    const n = shape.reduce((a, b) => a * b, 1);
    if (n !== data.length) {
      throw new Error(`RecordedArray: shape [${shape.join(', ')}] needs ${n} values, got ${data.length}`);
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.#rowSize = shape.slice(1).reduce((a, b) => a * b, 1);
  }

  /** Number of samples (the first axis). */
  get length(): number {
    return this.shape[0] ?? 0;
  }

  /** Number of values per sample (product of all axes but the first). */
  get rowSize(): number {
    return this.#rowSize;
  }

  /** The value at the given indices (one per axis). */
  get(...idx: number[]): number {
    if (idx.length !== this.shape.length) {
      throw new Error(`RecordedArray.get: expected ${this.shape.length} indices, got ${idx.length}`);
    }
    let off = 0;
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k]!;
      const n = this.shape[k]!;
      if (!Number.isInteger(i) || i < 0 || i >= n) {
        throw new RangeError(`RecordedArray.get: index ${i} out of range [0, ${n}) on axis ${k}`);
      }
      off = off * n + i;
    }
    return this.data[off]!;
  }

  /** One sample as a view (no copy) of `rowSize` values. */
  row(i: number): Float64Array {
    const m = this.rowSize;
    return this.data.subarray(i * m, (i + 1) * m);
  }

  /**
   * All samples of one flat column `j` (neuron rank, or `post*nPre+pre`). As numpy's `a[:, j]`
   * (and {@link RecordedArray.row}), a view of {@link RecordedArray.data} when each sample holds
   * one value; otherwise a copy, since a typed array cannot stride. Read it; copy before writing.
   */
  column(j: number): Float64Array {
    const m = this.rowSize;
    if (!Number.isInteger(j) || j < 0 || j >= m) {
      throw new RangeError(`RecordedArray.column: column ${j} out of range [0, ${m})`);
    }
    // one column: the data itself. A loss function of a fit reads four columns per neuron and
    // evaluation; copying them was a quarter of a popsize-100 evaluation (8 kB allocations)
    if (m === 1) return this.data.subarray(0, this.length);
    const out = new Float64Array(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.data[i * m + j]!;
    return out;
  }

  /**
   * Columns 0 to `count`-1 ({@link RecordedArray.column} of each), copied into one buffer of
   * which each column is a disjoint view: for every neuron's trace of a fitted population at once.
   *
   * @example
   * ```ts
   * const [n0, n1] = new RecordedArray(Float64Array.of(1, 2, 3, 4), [2, 2]).columns(2); // [1, 3], [2, 4]
   * ```
   */
  columns(count: number = this.rowSize): Float64Array[] {
    const m = this.rowSize;
    if (!Number.isInteger(count) || count < 0 || count > m) {
      throw new RangeError(`RecordedArray.columns: count ${count} out of range [0, ${m}]`);
    }
    const n = this.length;
    const all = new Float64Array(count * n);
    transposeInto(this.data, m, n, count, all);
    return Array.from({ length: count }, (_, i) => all.subarray(i * n, (i + 1) * n));
  }

  /** Samples `start` (inclusive) to `end` (exclusive) as a view sharing the data. */
  slice(start: number, end: number = this.length): RecordedArray {
    const m = this.rowSize;
    return new RecordedArray(this.data.subarray(start * m, end * m), [end - start, ...this.shape.slice(1)]);
  }

  /** Nested plain arrays, e.g. for printing or JSON. */
  toArray(): unknown[] {
    const rec = (axis: number, off: number): unknown[] | number => {
      if (axis === this.shape.length) return this.data[off]!;
      const n = this.shape[axis]!;
      const stride = this.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push(rec(axis + 1, off + i * stride));
      return out;
    };
    return rec(0, 0) as unknown[];
  }
}

/**
 * out[i * n + t] = src[t * m + i] for i < count, t < n. Eight samples of a column per pass: each
 * pass writes 64 consecutive bytes and reads eight rows, half the time of one column after the
 * other (which re-reads every row's cache line for each column; 100 columns x 1000 samples:
 * 130 against 240 µs).
 */
function transposeInto(src: Float64Array, m: number, n: number, count: number, out: Float64Array): void {
  let t = 0;
  for (; t + 8 <= n; t += 8) {
    for (let i = 0; i < count; i++) {
      const o = i * n + t;
      let r = t * m + i;
      out[o] = src[r]!;
      r += m;
      out[o + 1] = src[r]!;
      r += m;
      out[o + 2] = src[r]!;
      r += m;
      out[o + 3] = src[r]!;
      r += m;
      out[o + 4] = src[r]!;
      r += m;
      out[o + 5] = src[r]!;
      r += m;
      out[o + 6] = src[r]!;
      r += m;
      out[o + 7] = src[r]!;
    }
  }
  for (; t < n; t++) for (let i = 0; i < count; i++) out[i * n + t] = src[t * m + i]!;
}
