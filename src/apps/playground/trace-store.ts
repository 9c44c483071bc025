/**
 * The data of one playground run as it arrives from the worker: the recorded variable of every
 * neuron (sample-major, growing) and the spikes, with what the plots ask of them: a time window
 * of one neuron, spike times, firing rates (the f-I curve).
 */
import type { RunChunk } from './experiment-run.js';

/**
 * A run's samples and spikes, appended slice by slice.
 *
 * @example
 * ```ts
 * const store = new TraceStore(20, 0.1);
 * store.append(chunk);
 * store.rates(1000); // Hz per neuron
 * ```
 */
export class TraceStore {
  private buf: Float64Array;
  /** Samples stored (per neuron). */
  samples = 0;
  readonly spikeRanks: number[] = [];
  readonly spikeSteps: number[] = [];

  /** `n` neurons, one sample every `periodMs` ms (sample `j` at `j * periodMs`). */
  constructor(
    readonly n: number,
    readonly periodMs: number,
  ) {
    this.buf = new Float64Array(Math.max(1024, n * 1024));
  }

  /** Add a slice; its samples must continue the stored ones. */
  append(c: Pick<RunChunk, 'firstSample' | 'samples' | 'values' | 'spikeRanks' | 'spikeSteps'>): void {
    if (c.firstSample !== this.samples) throw new Error(`TraceStore: slice starts at sample ${c.firstSample}, expected ${this.samples}`);
    const need = (this.samples + c.samples) * this.n;
    if (need > this.buf.length) {
      const g = new Float64Array(Math.max(need, this.buf.length * 2));
      g.set(this.buf.subarray(0, this.samples * this.n));
      this.buf = g;
    }
    this.buf.set(c.values, this.samples * this.n);
    this.samples += c.samples;
    for (let i = 0; i < c.spikeRanks.length; i++) {
      this.spikeRanks.push(c.spikeRanks[i]!);
      this.spikeSteps.push(c.spikeSteps[i]!);
    }
  }

  /** Time (ms) of the newest sample (0 before the first). */
  get lastT(): number {
    return this.samples > 0 ? (this.samples - 1) * this.periodMs : 0;
  }

  /** Sample range `[s0, s1)` of the samples with time in `[t0, t1]`. */
  range(t0: number, t1: number): [number, number] {
    const s0 = Math.max(0, Math.ceil(t0 / this.periodMs - 1e-9));
    const s1 = Math.min(this.samples, Math.floor(t1 / this.periodMs + 1e-9) + 1);
    return [s0, Math.max(s0, s1)];
  }

  /** The values of neuron `i` for samples `[s0, s1)` (a copy). */
  neuron(i: number, s0 = 0, s1 = this.samples): Float64Array {
    const out = new Float64Array(Math.max(0, s1 - s0));
    for (let s = s0; s < s1; s++) out[s - s0] = this.buf[s * this.n + i]!;
    return out;
  }

  /** Spike counts per neuron. */
  counts(): Int32Array {
    const c = new Int32Array(this.n);
    for (const r of this.spikeRanks) c[r]!++;
    return c;
  }

  /** Mean firing rate (Hz) per neuron over `durationMs`. */
  rates(durationMs: number): Float64Array {
    const c = this.counts();
    return Float64Array.from(c, (k) => (durationMs > 0 ? (k * 1000) / durationMs : 0));
  }
}
