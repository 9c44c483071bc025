import { formatBytes, resourceLimits } from './resource-limits.js';
/**
 * An append-only Float64Array that doubles its capacity when full, so recording allocates
 * O(log n) times instead of once per sample.
 *
 * @example
 * ```ts
 * const b = new GrowableBuffer(2);
 * b.push(1); b.push(2); b.push(3);
 * b.toArray(); // Float64Array [1, 2, 3]
 * ```
 */
export class GrowableBuffer {
  private buf: Float64Array;
  length = 0;

  /** `what` names the buffer in the error when it would exceed the monitor budget. */
  constructor(initialCapacity = 1024, private readonly what = 'recording buffer') {
    this.buf = new Float64Array(Math.max(1, initialCapacity));
  }

  /** Make room for `n` more values and return the offset to write them at. */
  reserve(n: number): number {
    const need = this.length + n;
    if (need > this.buf.length) {
      let cap = this.buf.length;
      while (cap < need) cap *= 2;
      const budget = resourceLimits().monitorBytes / 8;
      if (need > budget) {
        throw new Error(`${this.what}: recording ${need} values (${formatBytes(need * 8)}) would exceed the monitor budget of ${formatBytes(budget * 8)}; `
          + 'record less (period, fewer variables or neurons), get the data out more often, or raise setResourceLimits({ monitorBytes })');
      }
      cap = Math.min(cap, Math.max(need, Math.floor(budget)));
      const next = new Float64Array(cap);
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    const off = this.length;
    this.length = need;
    return off;
  }

  /** The backing array (valid up to `length`; may be replaced by the next `reserve`). */
  get raw(): Float64Array {
    return this.buf;
  }

  push(v: number): void {
    const off = this.reserve(1);
    this.buf[off] = v;
  }

  /** A trimmed copy of the values. */
  toArray(): Float64Array {
    return this.buf.slice(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
