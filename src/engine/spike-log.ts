import { GrowableBuffer } from './growable-buffer.js';
import type { SpikeDict } from './spike-dict.js';

/**
 * The spikes a monitor recorded, as an append-only log: each step's ranks in one growable array,
 * and per step with spikes its number and where its ranks end. Grouping by neuron happens only
 * when the data is read ({@link SpikeLog.toDict}): per spike the step costs one array store, not
 * a map lookup and a list push (about a tenth of COBA 4000's run), and the monitor budget
 * (`setResourceLimits({ monitorBytes })`) bounds spikes as it bounds samples.
 *
 * @example
 * ```ts
 * const log = new SpikeLog('Monitor on "exc", spikes');
 * log.append(3, Int32Array.of(0, 2));
 * log.append(5, Int32Array.of(2));
 * log.toDict([0, 1, 2]); // { 0: [3], 1: [], 2: [3, 5] }
 * ```
 */
export class SpikeLog {
  private readonly ranks: GrowableBuffer;
  /** Pairs (step, end of its ranks in `ranks`), one per step with spikes. */
  private readonly marks: GrowableBuffer;

  /** `what` names the log in the error when it would exceed the monitor budget. */
  constructor(what: string) {
    this.ranks = new GrowableBuffer(256, what);
    this.marks = new GrowableBuffer(64, what);
  }

  /** Record that the neurons `ranks` spiked at `step` (steps are appended in order). */
  append(step: number, ranks: Iterable<number>): void {
    if (ArrayBuffer.isView(ranks)) {
      const a = ranks as unknown as Int32Array;
      this.appendList(step, a, a.length);
      return;
    }
    const before = this.ranks.length;
    for (const r of ranks) this.ranks.push(r);
    if (this.ranks.length === before) return;
    this.mark(step);
  }

  /**
   * Record the first `n` ranks of `list` (a population's spike list, read in place: a subarray
   * per step would allocate).
   */
  appendList(step: number, list: Int32Array, n: number): void {
    if (n === 0) return;
    const off = this.ranks.reserve(n);
    const raw = this.ranks.raw;
    for (let k = 0; k < n; k++) raw[off + k] = list[k]!;
    this.mark(step);
  }

  private mark(step: number): void {
    const m = this.marks.reserve(2);
    const marks = this.marks.raw;
    marks[m] = step;
    marks[m + 1] = this.ranks.length;
  }

  /**
   * The spike dict: every rank of `listed` (with `[]` if it never spiked), then any other rank
   * that spiked; each list holds the steps in order.
   */
  toDict(listed: Iterable<number>): SpikeDict {
    const d: SpikeDict = {};
    for (const r of listed) d[r] = [];
    const ranks = this.ranks.raw;
    const marks = this.marks.raw;
    let k = 0;
    for (let m = 0; m < this.marks.length; m += 2) {
      const step = marks[m]!;
      const end = marks[m + 1]!;
      for (; k < end; k++) (d[ranks[k]!] ??= []).push(step);
    }
    return d;
  }

  /** Number of spikes recorded. */
  get size(): number {
    return this.ranks.length;
  }

  /** Forget every spike. */
  clear(): void {
    this.ranks.clear();
    this.marks.clear();
  }
}
