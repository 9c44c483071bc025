import { RecordedArray } from './recorded-array.js';
import type { SpikeDict } from './recordings.js';

/**
 * The samples of one compartment in the current chunk, kept as a list of exact-size
 * `Float64Array` blocks per variable plus the spike lists. The engine `Monitor` is drained into
 * it every few hundred samples, so the monitor's doubling buffer never grows past its first
 * allocation and no big copy happens while simulating; the blocks are joined once, when the
 * chunk is retrieved. Memory: 8 bytes per sample plus one small object per block.
 *
 * @example
 * ```ts
 * const s = new SampleBlocks();
 * s.add('v', new Float64Array([1, 2]));
 * s.add('v', new Float64Array([3, 4]));
 * s.take('v', [1]).shape; // [4, 1]
 * ```
 */
export class SampleBlocks {
  private blocks = new Map<string, Float64Array[]>();
  /** Events per variable (`spike`, `axon_spike`), then per rank. */
  private events = new Map<string, Map<number, number[]>>();

  /** Append one block of values (row-major samples) of a variable. */
  add(variable: string, values: Float64Array): void {
    if (values.length === 0) return;
    let l = this.blocks.get(variable);
    if (!l) this.blocks.set(variable, (l = []));
    l.push(values);
  }

  /** Append spike steps per rank (of `spike`, or of another event variable such as `axon_spike`). */
  addSpikes(spikes: SpikeDict, variable = 'spike'): void {
    let map = this.events.get(variable);
    if (!map) this.events.set(variable, (map = new Map()));
    for (const key of Object.keys(spikes)) {
      const steps = spikes[Number(key)]!;
      if (steps.length === 0) continue;
      const r = Number(key);
      const l = map.get(r);
      if (l) for (const s of steps) l.push(s);
      else map.set(r, [...steps]);
    }
  }

  /** Number of values stored for a variable. */
  size(variable: string): number {
    return (this.blocks.get(variable) ?? []).reduce((a, b) => a + b.length, 0);
  }

  /** True if nothing is stored. */
  get empty(): boolean {
    return this.blocks.size === 0 && [...this.events.values()].every((m) => m.size === 0);
  }

  /**
   * All samples of a variable as one exact-size array `[samples, ...shape]`, then forgets them.
   * A single block is handed over without copying.
   */
  take(variable: string, shape: readonly number[]): RecordedArray {
    const parts = this.blocks.get(variable) ?? [];
    this.blocks.delete(variable);
    const width = shape.reduce((a, b) => a * b, 1);
    let data: Float64Array;
    if (parts.length === 1) data = parts[0]!;
    else {
      data = new Float64Array(parts.reduce((a, b) => a + b.length, 0));
      let off = 0;
      for (const p of parts) {
        data.set(p, off);
        off += p.length;
      }
    }
    return new RecordedArray(data, [width === 0 ? 0 : data.length / width, ...shape]);
  }

  /** The spike dict `{rank: [steps]}` with an entry for every given rank, then forgets it. */
  takeSpikes(ranks: readonly number[], variable = 'spike'): SpikeDict {
    const out: SpikeDict = {};
    const map = this.events.get(variable) ?? new Map<number, number[]>();
    for (const r of ranks) out[r] = map.get(r) ?? [];
    for (const [r, l] of map) if (!(r in out)) out[r] = l;
    this.events.delete(variable);
    return out;
  }

  /** Forget everything. */
  clear(): void {
    this.blocks.clear();
    this.events.clear();
  }
}
