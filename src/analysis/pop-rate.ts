import type { SpikeDict } from '../monitors/recordings.js';
import { myRasterPlot, spikeRanks } from './raster.js';
import { getNumberOfDecimals, roundTo as pyRound } from './number-of-decimals.js';
import { arange } from './time-data-fill-gaps.js';

// ---------------------------------------------------------------------------------------------
// numpy/Python helpers with the exact arithmetic CompNeuroPy relies on
// ---------------------------------------------------------------------------------------------

/**
 * numpy `linspace(start, stop, num, endpoint)`.
 *
 * @example
 * ```ts
 * linspace(0, 1, 5);   // Float64Array [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function linspace(start: number, stop: number, num: number, endpoint = true): Float64Array {
  const out = new Float64Array(num);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  for (let i = 0; i < num; i++) out[i] = step === 0 ? (i / div) * delta + start : i * step + start;
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}

/**
 * numpy `histogram(a, bins=n, range=(lo, hi))` with equal-width bins: counts and edges.
 * Values outside the range are ignored; the last bin includes its right edge.
 *
 * @example
 * ```ts
 * histogram([0, 0.5, 1, 2], 2, [0, 2]).counts;   // [2, 2]
 * ```
 */
export function histogram(
  a: ArrayLike<number>,
  nBins: number,
  range: [number, number],
): { counts: Float64Array; edges: Float64Array } {
  let [first, last] = range;
  if (first > last) throw new Error('histogram: max must be larger than min in range parameter');
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const edges = linspace(first, last, nBins + 1);
  const counts = new Float64Array(nBins);
  const denom = last - first;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (!(x >= first && x <= last)) continue;
    let idx = Math.trunc(((x - first) / denom) * nBins);
    if (idx === nBins) idx -= 1;
    // numpy corrects rounding errors of the multiplication against the true edges
    if (x < edges[idx]!) idx -= 1;
    else if (idx !== nBins - 1 && x >= edges[idx + 1]!) idx += 1;
    counts[idx]! += 1;
  }
  return { counts, edges };
}

/** numpy `histogram(a, bins=edges)` with explicit (sorted) edges. */
function histogramEdges(a: ArrayLike<number>, edges: ArrayLike<number>): Float64Array {
  const n = edges.length - 1;
  const counts = new Float64Array(Math.max(0, n));
  const lo = edges[0]!;
  const hi = edges[n]!;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (!(x >= lo && x <= hi)) continue;
    // binary search: last edge <= x (right-closed last bin)
    let l = 0;
    let r = n;
    while (r - l > 1) {
      const m = (l + r) >> 1;
      if (edges[m]! <= x) l = m;
      else r = m;
    }
    counts[l]! += 1;
  }
  return counts;
}

function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s / a.length;
}

function variance(a: ArrayLike<number>): number {
  const m = mean(a);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - m) ** 2;
  return s / a.length;
}

// ---------------------------------------------------------------------------------------------
// get_pop_rate
// ---------------------------------------------------------------------------------------------

/**
 * Options of {@link getPopRate} (CompNeuroPy keyword arguments).
 *
 * @example
 * ```ts
 * const o: GetPopRateOptions = { tStart: 0, tEnd: 1000, tSmoothMs: 20 };
 * getPopRate(spikes, o);
 * ```
 */
export interface GetPopRateOptions {
  /** Start of the analysed data in ms (default: time of the first spike). */
  tStart?: number;
  /** End of the analysed data in ms (default: time of the last spike). */
  tEnd?: number;
  /** Simulation time step in ms (default 1). */
  timeStep?: number;
  /** Fixed window in ms; -1 (default) chooses bin widths automatically. */
  tSmoothMs?: number;
}

/**
 * CompNeuroPy's `get_pop_rate`: a smoothed population rate in Hz on the grid
 * `arange(tStart, tStart + duration, timeStep)` (ms). With `tSmoothMs > 0` a fixed sliding
 * window is used; otherwise bin widths are chosen automatically by recursive subdivision.
 * Returns `null` when there is at most one spike and tStart/tEnd are not both given.
 *
 * @example
 * ```ts
 * const r = getPopRate({ 0: [2, 5], 1: [3] }, { tStart: 0, tEnd: 4, timeStep: 1 });
 * // r![0] = [0, 1, 2, 3], r![1] = [208.33…, 208.33…, 208.33…, 250]
 * ```
 */
export function getPopRate(spikes: SpikeDict, opts: GetPopRateOptions = {}): [Float64Array, Float64Array] | null {
  const dt = opts.timeStep ?? 1;
  if (!(typeof dt === 'number' && dt > 0)) throw new Error(`getPopRate: option timeStep must be a positive number (ms), got ${String(dt)}`);
  const tSmoothMs = opts.tSmoothMs ?? -1;
  let tStart = opts.tStart;
  let tEnd = opts.tEnd;
  const [t] = myRasterPlot(spikes);
  const dec = getNumberOfDecimals(dt);
  let duration: number;
  let ret: Float64Array;
  if (t.length > 1) {
    let tMin = Infinity;
    let tMax = -Infinity;
    for (const x of t) {
      tMin = Math.min(tMin, x);
      tMax = Math.max(tMax, x);
    }
    if (tStart === undefined) tStart = pyRound(tMin * dt, dec);
    if (tEnd === undefined) tEnd = pyRound(tMax * dt, dec);
    duration = pyRound(tEnd - tStart, dec);
    if (tSmoothMs > 0) return getPopRateOld(spikes, duration, dt, tStart, tSmoothMs);
    // all spike times of all neurons, sorted, in ms
    const spikeArr = Float64Array.from(t).sort();
    for (let i = 0; i < spikeArr.length; i++) spikeArr[i] = dt * spikeArr[i]!;
    const nrNeurons = spikeRanks(spikes).length;
    const spikeS = spikeArr.map((x) => x / 1000.0);
    const [timeS, rate] = recursiveRate(spikeS, tStart / 1000.0, (tStart + duration) / 1000.0, nrNeurons);
    const timeMs = timeS.map((x) => x * 1000);
    const grid = arange(tStart, tStart + duration, dt);
    ret = new Float64Array(grid.length);
    if (timeMs.length > 1) {
      interp1dLinear(timeMs, rate, grid, ret);
    } else {
      for (let i = 0; i < grid.length; i++) if (grid[i] === timeMs[0]) ret[i] = rate[0]!;
    }
  } else {
    if (tStart === undefined || tEnd === undefined) return null;
    duration = tEnd - tStart;
    ret = new Float64Array(Math.max(0, Math.trunc(duration / dt)));
  }
  return [arange(tStart, tStart + duration, dt), ret];
}

/** scipy `interp1d(x, y, kind="linear", bounds_error=False, fill_value=(y[0], y[-1]))`. */
function interp1dLinear(x: Float64Array, y: Float64Array, xNew: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < xNew.length; i++) {
    const xn = xNew[i]!;
    if (xn < x[0]!) {
      out[i] = y[0]!;
      continue;
    }
    if (xn > x[n - 1]!) {
      out[i] = y[n - 1]!;
      continue;
    }
    // searchsorted(x, xn, side="left"), clipped to [1, n-1]
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (x[m]! < xn) lo = m + 1;
      else hi = m;
    }
    const j = Math.min(Math.max(lo, 1), n - 1);
    const slope = (y[j]! - y[j - 1]!) / (x[j]! - x[j - 1]!);
    out[i] = slope * (xn - x[j - 1]!) + y[j - 1]!;
  }
}

const THRESHOLD_NR_SPIKES = 5;
const THRESHOLD_DURATION = 5 / 1000.0;
const NR_SUB_DIVIDE = 5;

/** `_recursive_get_bin_times_list`, flattened: the [t0, t1] bins in seconds. */
function recursiveBinTimes(spikeArr: Float64Array, t0: number, t1: number, cPre: number, out: Array<[number, number]>): void {
  const duration = t1 - t0;
  let binNr = 2;
  let binSize = duration / binNr;
  let cMin = cPre + 1;
  while (binSize > THRESHOLD_DURATION) {
    const { counts } = histogram(spikeArr, binNr, [t0, t1]);
    binSize = duration / binNr;
    const c = (2 * mean(counts) - variance(counts)) / duration ** 2;
    if (c < cMin) cMin = c;
    binNr++;
  }
  if (cPre < cMin || spikeArr.length < THRESHOLD_NR_SPIKES || duration < THRESHOLD_DURATION) {
    out.push([t0, t1]);
    return;
  }
  const { edges } = histogram(spikeArr, NR_SUB_DIVIDE, [t0, t1]);
  for (let k = 0; k < NR_SUB_DIVIDE; k++) {
    const lo = edges[k]!;
    const hi = edges[k + 1]!;
    const last = k === NR_SUB_DIVIDE - 1;
    const sub = spikeArr.filter((s) => s >= lo && (last ? s <= hi : s < hi));
    recursiveBinTimes(sub, lo, hi, cMin, out);
  }
}

/** `_recursive_rate`: (unique sorted sample times in s, rates in Hz). */
function recursiveRate(spikeArr: Float64Array, t0: number, t1: number, nrNeurons: number): [Float64Array, Float64Array] {
  const bins: Array<[number, number]> = [];
  recursiveBinTimes(spikeArr, t0, t1, Infinity, bins);
  let first = Infinity;
  let last = -Infinity;
  for (const s of spikeArr) {
    first = Math.min(first, s);
    last = Math.max(last, s);
  }
  const tMin = Math.max(first, t0);
  const tMax = Math.min(last, t1);
  const times: number[] = [];
  const rates: number[] = [];
  for (const [b0, b1] of bins) {
    const w = b1 - b0;
    for (const s of linspace(b0, b1, 10, true)) {
      const w0 = clip(s - w / 2, t0, t1 - w);
      const w1 = clip(s + w / 2, t0 + w, t1);
      let count = 0;
      for (const x of spikeArr) if (x >= w0 && x < w1) count++;
      times.push(s);
      rates.push(count / (w * nrNeurons));
    }
  }
  // move sample times outside the spike borders onto the borders
  for (let i = 0; i < times.length; i++) {
    if (times[i]! < tMin) times[i] = tMin;
    else if (times[i]! > tMax) times[i] = tMax;
  }
  // zero-rate points one ISI before the first and after the last sample
  const sorted = [...times].sort((a, b) => a - b);
  const isiFirst = sorted[1]! - sorted[0]!;
  const isiLast = sorted[sorted.length - 1]! - sorted[sorted.length - 2]!;
  times.push(tMin - isiFirst, tMax + isiLast);
  rates.push(0, 0);
  const tm: number[] = [];
  const rt: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (times[i]! >= t0 && times[i]! <= t1) {
      tm.push(times[i]!);
      rt.push(rates[i]!);
    }
  }
  // duplicate times (bin edges) get the mean of their rates
  const groups = new Map<number, number[]>();
  for (let i = 0; i < tm.length; i++) {
    const g = groups.get(tm[i]!);
    if (g) g.push(rt[i]!);
    else groups.set(tm[i]!, [rt[i]!]);
  }
  const uniq = [...groups.keys()].sort((a, b) => a - b);
  return [Float64Array.from(uniq), Float64Array.from(uniq.map((u) => mean(groups.get(u)!)))];
}

function clip(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/** Python floor division for integers. */
function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** `_get_pop_rate_old`: fixed sliding window of `tSmoothMs` (> 0). */
function getPopRateOld(spikes: SpikeDict, duration: number, dt: number, tStart: number, tSmoothMs: number): [Float64Array, Float64Array] {
  const durationInit = duration;
  const tempDuration = duration + tStart;
  const ranks = spikeRanks(spikes);
  const nCols = pyRound(tempDuration / dt);
  const rate: Float64Array[] = ranks.map(() => new Float64Array(nCols).fill(NaN));
  const binSize = pyRound(tSmoothMs / dt);
  const bins = arange(0, nCols + binSize, binSize);
  const centers = bins.subarray(0, bins.length - 1).map((b) => b + floorDiv(binSize, 2));
  const shiftStart = floorDiv(-binSize, 2);
  const shiftEnd = floorDiv(binSize, 2);
  const shiftStep = Math.max(floorDiv(binSize, 10), 1);
  ranks.forEach((rank, idx) => {
    const times = spikes[rank]!.map((s) => Math.trunc(s));
    for (let shift = shiftStart; shift < shiftEnd; shift += shiftStep) {
      const hist = histogramEdges(times, bins.map((b) => b + shift));
      for (let k = 0; k < centers.length; k++) {
        rate[idx]![clip(centers[k]! + shift, 0, nCols - 1)] = hist[k]! / (tSmoothMs / 1000.0);
      }
    }
  });
  // nanmean over neurons, then linear interpolation over the NaN steps
  const pop = new Float64Array(nCols);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let c = 0; c < nCols; c++) {
    let s = 0;
    let n = 0;
    for (const r of rate) {
      if (!Number.isNaN(r[c]!)) {
        s += r[c]!;
        n++;
      }
    }
    if (n > 0) {
      xs.push(c);
      ys.push(s / n);
    }
  }
  for (let c = 0; c < nCols; c++) pop[c] = npInterp(c, xs, ys);
  const ret = pop.slice(pyRound(tStart / dt));
  const dec = getNumberOfDecimals(dt);
  return [arange(pyRound(tStart, dec), pyRound(tStart + durationInit, dec), pyRound(dt, dec)), ret];
}

/** numpy `interp(x, xp, fp)` for one x (constant extrapolation). */
function npInterp(x: number, xp: number[], fp: number[]): number {
  const n = xp.length;
  if (n === 0) return NaN;
  if (x <= xp[0]!) return fp[0]!;
  if (x >= xp[n - 1]!) return fp[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const m = (lo + hi) >> 1;
    if (xp[m]! <= x) lo = m;
    else hi = m;
  }
  const slope = (fp[hi]! - fp[lo]!) / (xp[hi]! - xp[lo]!);
  return slope * (x - xp[lo]!) + fp[lo]!;
}
