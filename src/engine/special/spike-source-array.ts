import { Neuron } from '../../language/neuron.js';
import type { Network } from '../network.js';
import { Population } from '../population.js';

/**
 * Options of {@link SpikeSourceArray}.
 *
 * @example
 * ```ts
 * new SpikeSourceArray([[10, 20], [15]], { name: 'input' } satisfies SpikeSourceArrayOptions);
 * ```
 */
export interface SpikeSourceArrayOptions {
  name?: string;
  network?: Network;
}

const SPIKE_SOURCE = new Neuron({ parameters: '', equations: '', spike: 't == 0', reset: '', name: 'Spike source', description: 'Spike source array.' });

/**
 * A population emitting spikes at given times (ANNarchy 4.7.3 `SpikeSourceArray`). Times in ms
 * become steps with `round(t/dt)` (Python rounding, half to even), deduplicated and sorted; a
 * neuron spikes in the step where the population's own counter `_t` equals one of them. `_t`
 * starts at 0, advances once per (enabled) step and is set back to 0 by `reset()`, so spike
 * times are relative to the last reset.
 *
 * As in 4.7.3, assigning `spikeTimes` after compile while `_t > 0` skips the times already past,
 * but the internal index restarts at 0: after the next emitted spike it points at an already
 * passed time, so the later spikes of that neuron are lost until `reset()`.
 *
 * @example
 * ```ts
 * const inp = new SpikeSourceArray([[10, 20, 30], [11, 21]]);  // 2 neurons
 * compile();
 * simulate(50);     // spikes at steps 10/11, 20/21, 30 (dt = 1)
 * inp.reset();
 * simulate(50);     // the same pattern again, relative to the reset
 * ```
 */
export class SpikeSourceArray extends Population {
  private times: number[][];
  private stepsOf: number[][] = [];
  private nextSpike: Float64Array;
  private idxNext: Int32Array;
  /** Internal step counter (ANNarchy `_t`). */
  private localStep = 0;

  constructor(spikeTimes: readonly number[] | readonly (readonly number[])[], opts: SpikeSourceArrayOptions | string = {}) {
    const o = typeof opts === 'string' ? { name: opts } : opts;
    const times = SpikeSourceArray.normalize(spikeTimes, undefined);
    super(times.length, SPIKE_SOURCE, { name: o.name, network: o.network });
    this.times = times;
    this.nextSpike = new Float64Array(this.size).fill(-10000);
    this.idxNext = new Int32Array(this.size);
  }

  private static normalize(spikeTimes: unknown, size: number | undefined): number[][] {
    if (!Array.isArray(spikeTimes)) throw new Error('SpikeSourceArray: spikeTimes must be a list of times (ms) or a list of lists (one per neuron)');
    const nested = spikeTimes.length > 0 && Array.isArray(spikeTimes[0]);
    const lists = (nested ? spikeTimes : [spikeTimes]) as unknown[];
    if (size !== undefined && lists.length !== size) throw new Error(`SpikeSourceArray: spikeTimes must have one list per neuron (${size}), got ${lists.length}`);
    return lists.map((l, i) => {
      if (!Array.isArray(l)) throw new Error(`SpikeSourceArray: spikeTimes[${i}] must be a list of times in ms`);
      return l.map((t, k) => {
        if (typeof t !== 'number' || !Number.isFinite(t)) throw new Error(`SpikeSourceArray: spikeTimes[${i}][${k}] is not a finite number of ms (${String(t)})`);
        return t;
      });
    });
  }

  /** Python's round(): half to even. */
  private static pyRound(x: number): number {
    const f = Math.floor(x);
    const d = x - f;
    if (d > 0.5) return f + 1;
    if (d < 0.5) return f;
    return f % 2 === 0 ? f : f + 1;
  }

  /** The spike times in ms (after compile: the step grid times `dt * step`). */
  get spikeTimes(): number[][] {
    if (!this.compiled) return this.times.map((l) => [...l]);
    const dt = this.network.dt;
    return this.stepsOf.map((l) => l.map((s) => dt * s));
  }

  set spikeTimes(value: readonly number[] | readonly (readonly number[])[]) {
    this.times = SpikeSourceArray.normalize(value, this.size);
    if (this.compiled) {
      this.stepsOf = this.sortSpikes(this.times);
      this.recompute();
    }
  }

  private sortSpikes(times: number[][]): number[][] {
    const dt = this.network.dt;
    return times.map((l) => [...new Set(l.map((t) => SpikeSourceArray.pyRound(t / dt)))].sort((a, b) => a - b));
  }

  /** ANNarchy's recompute_spike_times(): next spike = first time not in the past; index stays 0. */
  private recompute(): void {
    this.nextSpike.fill(-10000);
    this.idxNext.fill(0);
    for (let i = 0; i < this.size; i++) {
      const st = this.stepsOf[i];
      if (!st || st.length === 0) continue;
      let idx = 0;
      while (idx < st.length && st[idx]! < this.localStep) idx++;
      this.nextSpike[i] = idx < st.length ? st[idx]! : -10000;
    }
  }

  /** Its own update: every array is kept. */
  protected override get $generatedUpdate(): boolean {
    return false;
  }

  override $compileInto(method: string): void {
    super.$compileInto(method);
    this.stepsOf = this.sortSpikes(this.times);
    const S = this.$state!;
    // the generated kernels are replaced by the emission rule of ANNarchy's template
    this.$leanUpdateKernel = undefined;
    this.$updateKernel = () => {
      let ns = 0;
      for (let i = 0; i < this.size; i++) {
        if (this.localStep === this.nextSpike[i]) {
          S.lastSpike[i] = this.localStep;
          this.idxNext[i]!++;
          const st = this.stepsOf[i]!;
          if (this.idxNext[i]! < st.length) this.nextSpike[i] = st[this.idxNext[i]!]!;
          S.spiked[ns++] = i;
        }
      }
      S.nSpiked = ns;
      this.localStep++;
    };
    this.$spikeKernel = () => {};
    this.localStep = 0;
    this.recompute();
  }

  override $resetState(): void {
    super.$resetState();
    if (!this.$state) return;
    this.localStep = 0;
    this.recompute();
  }
}
