/**
 * `sample_data_with_timestep` of CompNeuroPy: resample data onto a regular time grid by linear
 * interpolation (scipy `interp1d(..., fill_value="extrapolate")`).
 * @packageDocumentation
 */
import { RecordedArray } from '../monitors/recorded-array.js';
import { getNumberOfDecimals, npRound } from './number-of-decimals.js';
import { arange, type Series } from './time-data-fill-gaps.js';

/** Index of the first x >= v (numpy `searchsorted`, side "left"). */
function searchLeft(x: Float64Array, v: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Resamples `dataArr` (1-D, or a {@link RecordedArray} whose **last** axis is time, as scipy's
 * default `axis=-1`) at `timestep` ms on the grid
 * `arange(t0', tN' + timestep, timestep)` with `t' = round(round(t / timestep) * timestep,
 * decimals(timestep))`, by linear interpolation that extrapolates beyond both ends with the first
 * and last segment. Returns `[time, data]`.
 *
 * @example
 * ```ts
 * const [t, d] = sampleDataWithTimestep([0, 1, 2], [0, 10, 20], 0.5);
 * // t: [0, 0.5, 1, 1.5, 2], d: [0, 5, 10, 15, 20]
 * ```
 */
export function sampleDataWithTimestep(
  timeArr: Series,
  dataArr: Series,
  timestep: number,
): [Float64Array, Float64Array];
export function sampleDataWithTimestep(
  timeArr: Series,
  dataArr: RecordedArray,
  timestep: number,
): [Float64Array, RecordedArray];
export function sampleDataWithTimestep(
  timeArr: Series,
  dataArr: Series | RecordedArray,
  timestep: number,
): [Float64Array, Float64Array | RecordedArray] {
  const fn = 'sampleDataWithTimestep';
  if (typeof timestep !== 'number' || !Number.isFinite(timestep) || timestep <= 0) {
    throw new Error(`${fn}: timestep must be a positive number (ms), got ${String(timestep)}`);
  }
  const t = Float64Array.from(timeArr as ArrayLike<number>);
  const isRecorded = dataArr instanceof RecordedArray;
  const data = isRecorded ? dataArr.data : Float64Array.from(dataArr as ArrayLike<number>);
  const shape = isRecorded ? [...dataArr.shape] : [data.length];
  const n = shape[shape.length - 1]!;
  if (n !== t.length) {
    throw new Error(`${fn}: the last axis of dataArr (${n}) must have the length of timeArr (${t.length})`);
  }
  if (t.length < 2) throw new Error(`${fn}: needs at least 2 samples to interpolate`);

  // interp1d sorts x (stable) unless assume_sorted.
  const order = Array.from(t.keys()).sort((a, b) => t[a]! - t[b]! || a - b);
  const x = Float64Array.from(order, (i) => t[i]!);

  const dec = getNumberOfDecimals(timestep);
  const minTime = npRound(npRound(t[0]! / timestep, 0) * timestep, dec);
  const maxTime = npRound(npRound(t[t.length - 1]! / timestep, 0) * timestep, dec);
  const newTime = arange(minTime, maxTime + timestep, timestep);

  const lanes = data.length / n;
  const out = new Float64Array(lanes * newTime.length);
  for (let j = 0; j < newTime.length; j++) {
    const xn = newTime[j]!;
    const hi = Math.min(Math.max(searchLeft(x, xn), 1), x.length - 1);
    const lo = hi - 1;
    const xlo = x[lo]!;
    const dx = x[hi]! - xlo;
    for (let l = 0; l < lanes; l++) {
      const ylo = data[l * n + order[lo]!]!;
      const yhi = data[l * n + order[hi]!]!;
      out[l * newTime.length + j] = ((yhi - ylo) / dx) * (xn - xlo) + ylo;
    }
  }
  const outShape = [...shape.slice(0, -1), newTime.length];
  return [newTime, isRecorded ? new RecordedArray(out, outShape) : out];
}
