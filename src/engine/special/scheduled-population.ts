import { Population } from '../population.js';
import { ScheduleCursor } from './schedule-cursor.js';

/**
 * Base of ANNarchy's timed inputs (TimedArray, TimedPoissonPopulation,
 * HomogeneousCorrelatedSpikeTrains): a schedule cursor restarted by `reset()` (which also sets
 * `r` to 0, as their `reset_additional` templates do) and saved with the network.
 *
 * @example
 * ```ts
 * class MyInput extends ScheduledPopulation { ... this.cursor.advance() ... }
 * ```
 */
export abstract class ScheduledPopulation extends Population {
  /** Its own update: every array is kept. */
  protected override get $generatedUpdate(): boolean {
    return false;
  }

  protected readonly cursor = new ScheduleCursor();

  override $saveRuntime(): Record<string, unknown> {
    return { ...super.$saveRuntime(), cursor: [this.cursor.t, this.cursor.block] };
  }

  override $loadRuntime(r: Record<string, unknown>): void {
    super.$loadRuntime(r);
    [this.cursor.t, this.cursor.block] = r.cursor as [number, number];
  }

  override $resetState(): void {
    super.$resetState();
    if (!this.$state) return;
    this.cursor.restart();
    this.$state.local.r!.fill(0);
  }

  /** Spike test of the Poisson-like timed inputs: neuron i spikes when `p[i] < threshold` (per neuron or one value). */
  protected gatherSpikes(t: number, p: Float64Array, threshold: Float64Array | number): void {
    const S = this.$state!;
    let ns = 0;
    for (let i = 0; i < this.size; i++) {
      if (p[i]! < (typeof threshold === 'number' ? threshold : threshold[i]!)) {
        S.spiked[ns++] = i;
        S.lastSpike[i] = t;
      }
    }
    S.nSpiked = ns;
  }
}
