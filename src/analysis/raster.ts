import type { SpikeDict } from '../monitors/recordings.js';

/**
 * Ranks of a spike dict in the order ANNarchy iterates them (Python dict order: ascending
 * integer keys, which is also the order JavaScript gives integer-like keys).
 */
export function spikeRanks(spikes: SpikeDict): number[] {
  return Object.keys(spikes).map(Number);
}

/**
 * CompNeuroPy's `my_raster_plot(spikes)`: like ANNarchy's `raster_plot` but the times stay integer
 * simulation steps (CompNeuroPy computes `round(step*dt/dt)`, which gives the steps back).
 *
 * @example
 * ```ts
 * const [t, n] = myRasterPlot({ 0: [2, 5], 1: [3] });   // t = [2, 5, 3], n = [0, 0, 1]
 * ```
 */
export function myRasterPlot(spikes: SpikeDict): [Float64Array, Int32Array] {
  if (spikes === null || typeof spikes !== 'object') {
    throw new Error('myRasterPlot: spikes must be a spike dict {rank: steps[]}');
  }
  const ranks = spikeRanks(spikes);
  let n = 0;
  for (const r of ranks) {
    const s = spikes[r];
    if (!Array.isArray(s)) throw new Error(`myRasterPlot: spikes[${r}] must be an array of steps`);
    n += s.length;
  }
  const t = new Float64Array(n);
  const idx = new Int32Array(n);
  let k = 0;
  for (const r of ranks) {
    for (const step of spikes[r]!) {
      t[k] = Math.round(step);
      idx[k] = r;
      k++;
    }
  }
  return [t, idx];
}
