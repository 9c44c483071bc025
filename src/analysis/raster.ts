import type { SpikeDict } from '../monitors/recordings.js';

/**
 * Ranks of a spike dict in the order ANNarchy iterates them (Python dict order: ascending
 * integer keys, which is also the order JavaScript gives integer-like keys).
 */
export function spikeRanks(spikes: SpikeDict): number[] {
  return Object.keys(spikes).map(Number);
}

/**
 * ANNarchy's `raster_plot(spikes)`: every spike as (time in ms, rank), flattened
 * **neuron by neuron** (not sorted by time). Times are `step * dt`.
 *
 * @example
 * ```ts
 * const [t, n] = rasterPlot({ 0: [2, 5], 1: [3] }, { dt: 0.1 });
 * // t = [0.2, 0.5, 0.30000000000000004], n = [0, 0, 1]
 * ```
 */
export function rasterPlot(spikes: SpikeDict, opts: { dt: number }): [Float64Array, Int32Array] {
  const { dt } = opts;
  if (!(typeof dt === 'number' && dt > 0)) {
    throw new Error(`rasterPlot: option dt must be a positive number (ms), got ${String(dt)}`);
  }
  const [steps, ranks] = myRasterPlot(spikes);
  const t = new Float64Array(steps.length);
  for (let i = 0; i < t.length; i++) t[i] = dt * steps[i]!;
  return [t, ranks];
}

/**
 * CompNeuroPy's `my_raster_plot(spikes)`: like {@link rasterPlot} but the times stay integer
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
