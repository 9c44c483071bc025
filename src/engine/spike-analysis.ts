import type { SpikeDict } from './spike-dict.js';
import { currentNetwork } from './magic-network.js';

/**
 * ANNarchy 4.7.3's spike utilities (`raster_plot`, `histogram`, `population_rate`,
 * `smoothed_rate`, `mean_fr`, `inter_spike_interval`, `coefficient_of_variation`) over a spike
 * dict `{rank: [steps...]}`. Times in the dict are integer steps; `dt` converts them to ms and
 * defaults, as in ANNarchy, to the dt of the current (magic) network.
 * The Cython rate helpers keep `dt` and `smooth` in single precision (`cdef float`), reproduced
 * with `Math.fround`.
 */

function checkSpikes(spikes: unknown, where: string): asserts spikes is SpikeDict {
  if (spikes === null || typeof spikes !== 'object' || Array.isArray(spikes)) throw new Error(`${where}: spikes must be a spike dict { rank: [steps] } (Monitor.get('spike'))`);
  for (const [k, v] of Object.entries(spikes)) {
    if (!Array.isArray(v)) throw new Error(`${where}: spikes[${k}] must be a list of steps`);
  }
}

function checkDt(dt: number, where: string): void {
  if (typeof dt !== 'number' || !(dt > 0) || !Number.isFinite(dt)) throw new Error(`${where}: dt must be a positive number of ms, got ${String(dt)}`);
}

function entries(spikes: SpikeDict): [number, number[]][] {
  return Object.entries(spikes).map(([k, v]) => [Number(k), v]);
}

/** First and last spike step over all neurons (ANNarchy's t_min / t_max). */
function spikeRange(spikes: SpikeDict, where: string): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [, l] of entries(spikes)) for (const s of l) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (lo === Infinity) throw new Error(`${where}: there are no spikes (the range of spike times is undefined)`);
  return [lo, hi];
}

/**
 * Spike times (ms, `dt * step`) and ranks of every spike, neuron by neuron.
 *
 * @example
 * ```ts
 * const { times, ranks } = rasterPlot({ 0: [1, 5], 2: [3] }, { dt: 0.1 });
 * // times [0.1, 0.5, 0.3], ranks [0, 0, 2]
 * ```
 */
export function rasterPlot(spikes: SpikeDict, opts: { dt?: number } = {}): { times: Float64Array; ranks: Int32Array } {
  checkSpikes(spikes, 'rasterPlot');
  const dt = opts.dt ?? currentNetwork().dt;
  checkDt(dt, 'rasterPlot');
  const t: number[] = [];
  const r: number[] = [];
  for (const [rank, l] of entries(spikes)) for (const s of l) {
    t.push(dt * s);
    r.push(rank);
  }
  return { times: Float64Array.from(t), ranks: Int32Array.from(r) };
}

/**
 * Options of {@link histogram}.
 *
 * @example
 * ```ts
 * const o: HistogramOptions = { bins: 10 };
 * histogram(spikes, o);
 * ```
 */
export interface HistogramOptions {
  /** Bin size in ms (default dt); `int(bins/dt)` steps. */
  bins?: number;
  /** One histogram per rank `0..max rank` instead of one for all. */
  perNeuron?: boolean;
  /** `[first, last]` step of the window (default: first and last spike). */
  recordingWindow?: readonly [number, number];
  dt?: number;
}

/**
 * Spike counts per bin of `int(bins/dt)` steps, from the first to the last spike (or the
 * window): `int((t_max - t_min) / bin_step) + 1` bins, a spike at step t in bin
 * `int((t - t_min) / bin_step)`.
 *
 * @example
 * ```ts
 * histogram({ 0: [0, 1, 5], 1: [2] }, { bins: 2, dt: 1 }); // [2, 1, 1]
 * ```
 */
export function histogram(spikes: SpikeDict, opts: HistogramOptions = {}): number[] | number[][] {
  checkSpikes(spikes, 'histogram');
  const dt = opts.dt ?? currentNetwork().dt;
  checkDt(dt, 'histogram');
  const bins = opts.bins ?? dt;
  const binStep = Math.trunc(bins / dt);
  if (!(binStep >= 1)) throw new Error(`histogram: bins must be at least dt (${dt} ms), got ${bins}`);
  const [tMin, tMax] = opts.recordingWindow ? [opts.recordingWindow[0], opts.recordingWindow[1]] : spikeRange(spikes, 'histogram');
  const nb = Math.trunc((tMax - tMin) / binStep);
  const binOf = (t: number, where: string) => {
    const b = Math.trunc((t - tMin) / binStep);
    if (b < 0 || b > nb) throw new Error(`histogram: a spike at step ${t} lies outside the recording window [${tMin}, ${tMax}] (${where})`);
    return b;
  };
  if (opts.perNeuron) {
    const maxRank = entries(spikes).reduce((m, [r]) => (r > m ? r : m), -Infinity) + 1;
    const h = Array.from({ length: maxRank }, () => new Array<number>(nb + 1).fill(0));
    for (const [r, l] of entries(spikes)) for (const t of l) h[r]![binOf(t, `rank ${r}`)]!++;
    return h;
  }
  const h = new Array<number>(nb + 1).fill(0);
  for (const [r, l] of entries(spikes)) for (const t of l) h[binOf(t, `rank ${r}`)]!++;
  return h;
}

/**
 * Options of {@link populationRate} and {@link smoothedRate}.
 *
 * @example
 * ```ts
 * const o: RateOptions = { smooth: 100 };
 * populationRate(spikes, o);
 * ```
 */
export interface RateOptions {
  /** Smoothing time constant in ms (0: none). */
  smooth?: number;
  dt?: number;
  /** First step (default: first spike). */
  start?: number;
  /** Last step (default: last spike). */
  stop?: number;
}

/**
 * Population rate in Hz per step from `start` to `stop` (both included): spikes per step divided
 * by `dt * N / 1000` (N = number of neurons in the dict); with `smooth > dt` a first-order
 * low-pass `y[t+1] = y[t] + (x[t+1] - y[t]) * dt/smooth`.
 *
 * @example
 * ```ts
 * populationRate({ 0: [0, 2], 1: [2] }, { dt: 1 }); // [500, 0, 1000]
 * ```
 */
export function populationRate(spikes: SpikeDict, opts: RateOptions = {}): Float64Array {
  checkSpikes(spikes, 'populationRate');
  const dt = opts.dt ?? currentNetwork().dt;
  checkDt(dt, 'populationRate');
  const smooth = opts.smooth ?? 0;
  let start = opts.start;
  let stop = opts.stop;
  if (start === undefined || stop === undefined) {
    const [lo, hi] = spikeRange(spikes, 'populationRate');
    start ??= lo;
    stop ??= hi;
  }
  const dtf = Math.fround(dt);
  const d = stop - start + 1;
  if (!(d >= 1)) throw new Error(`populationRate: stop (${stop}) must not be before start (${start})`);
  const n = Object.keys(spikes).length;
  const rates = new Float64Array(d);
  for (const [, l] of entries(spikes)) for (const t of l) {
    const k = t - start;
    if (k >= 0 && k < d) rates[k]! += 1;
  }
  // Cython: rates /= dt*N/1000.0 with float dt and int N -> float product, double division
  const div = Math.fround(dtf * n) / 1000.0;
  for (let k = 0; k < d; k++) rates[k] = rates[k]! / div;
  const smoothf = Math.fround(smooth);
  if (smoothf <= dtf) return rates;
  const delta = Math.fround(dtf / smoothf);
  const out = new Float64Array(d);
  out[0] = rates[0]!;
  for (let t = 0; t < d - 1; t++) out[t + 1] = out[t]! + (rates[t + 1]! - out[t]!) * delta;
  return out;
}

/**
 * Per-neuron instantaneous rate: between two spikes at steps s1 < s2 the rate is
 * `1000/dt/(s2 - s1)` Hz, written at columns `s1 .. s2-1` (absolute steps, as ANNarchy, clipped
 * to the `stop - start` columns); an interval only counts once its first spike is after `start`.
 * Rows follow the dict's neuron order. With `smooth > 0` the same low-pass as {@link populationRate}.
 *
 * @example
 * ```ts
 * smoothedRate({ 0: [1, 3, 7] }, { dt: 1, start: 0, stop: 8 })[0]; // [0, 500, 500, 250, 250, 250, 250, 0]
 * ```
 */
export function smoothedRate(spikes: SpikeDict, opts: RateOptions = {}): Float64Array[] {
  checkSpikes(spikes, 'smoothedRate');
  const dt = opts.dt ?? currentNetwork().dt;
  checkDt(dt, 'smoothedRate');
  const smooth = opts.smooth ?? 0;
  let start = opts.start;
  let stop = opts.stop;
  if (start === undefined || stop === undefined) {
    const [lo, hi] = spikeRange(spikes, 'smoothedRate');
    start ??= lo;
    stop ??= hi;
  }
  const dtf = Math.fround(dt);
  const d = Math.max(0, stop - start);
  const rows = entries(spikes).map(([, l]) => {
    const row = new Float64Array(d);
    let last = start! - Math.trunc(100.0 / dtf);
    for (const timing of l) {
      if (last > start!) {
        const v = 1000.0 / dtf / (timing - last);
        // numpy slice rates[last:timing] on a row of length d
        const a = Math.min(Math.max(last, 0), d);
        const b = Math.min(Math.max(timing, 0), d);
        for (let k = a; k < b; k++) row[k] = v;
      }
      last = timing;
    }
    return row;
  });
  if (smooth === 0) return rows;
  const delta = Math.fround(dtf / Math.fround(smooth));
  return rows.map((r) => {
    const out = new Float64Array(d);
    if (d === 0) return out;
    out[0] = r[0]!;
    for (let t = 0; t < d - 1; t++) out[t + 1] = out[t]! + (r[t + 1]! - out[t]!) * delta;
    return out;
  });
}

/**
 * Mean firing rate in Hz: total spikes / neurons / duration / dt * 1000, with `duration` in
 * **steps** (default: last minus first spike step, as ANNarchy's module function).
 *
 * @example
 * ```ts
 * meanFr({ 0: [0, 10], 1: [5] }, { dt: 1, duration: 100 }); // 3 / 2 / 100 / 1 * 1000 = 15
 * ```
 */
export function meanFr(spikes: SpikeDict, opts: { duration?: number; dt?: number } = {}): number {
  checkSpikes(spikes, 'meanFr');
  const dt = opts.dt ?? currentNetwork().dt;
  checkDt(dt, 'meanFr');
  let duration = opts.duration;
  if (duration === undefined) {
    const [lo, hi] = spikeRange(spikes, 'meanFr');
    duration = hi - lo;
  }
  const n = Object.keys(spikes).length;
  if (n === 0) throw new Error('meanFr: the spike dict has no neurons');
  let fr = 0;
  for (const [, l] of entries(spikes)) fr += l.length;
  return fr / n / duration / dt * 1000.0;
}

/**
 * Inter-spike intervals in ms (`(s[k+1] - s[k]) * dt`) of neurons with at least 2 spikes,
 * optionally only `ranks`; flat (neuron by neuron) or per neuron.
 *
 * @example
 * ```ts
 * interSpikeInterval({ 0: [1, 4, 6], 1: [2] }, { dt: 0.5 }); // [1.5, 1]
 * ```
 */
export function interSpikeInterval(spikes: SpikeDict, opts: { ranks?: readonly number[]; perNeuron: true; dt?: number }): Record<number, number[]>;
export function interSpikeInterval(spikes: SpikeDict, opts?: { ranks?: readonly number[]; perNeuron?: false; dt?: number }): number[];
export function interSpikeInterval(spikes: SpikeDict, opts: { ranks?: readonly number[]; perNeuron?: boolean; dt?: number } = {}): number[] | Record<number, number[]> {
  checkSpikes(spikes, 'interSpikeInterval');
  const dt = opts.dt ?? currentNetwork().dt;
  checkDt(dt, 'interSpikeInterval');
  const isi: Record<number, number[]> = {};
  for (const [rank, ev] of entries(spikes)) {
    if (ev.length < 2) continue;
    if (opts.ranks && !opts.ranks.includes(rank)) continue;
    const l: number[] = [];
    for (let k = 0; k < ev.length - 1; k++) l.push((ev[k + 1]! - ev[k]!) * dt);
    isi[rank] = l;
  }
  if (opts.perNeuron) return isi;
  return Object.values(isi).flat();
}

/**
 * Coefficient of variation of the ISIs (`np.std / np.mean`, population std) of neurons with at
 * least 2 ISIs; a list (neuron order) or per neuron.
 *
 * @example
 * ```ts
 * coefficientOfVariation({ 0: [0, 2, 6] }, { dt: 1 }); // ISIs [2, 4]: std 1 / mean 3 = [0.333...]
 * ```
 */
export function coefficientOfVariation(spikes: SpikeDict, opts: { ranks?: readonly number[]; perNeuron: true; dt?: number }): Record<number, number>;
export function coefficientOfVariation(spikes: SpikeDict, opts?: { ranks?: readonly number[]; perNeuron?: false; dt?: number }): number[];
export function coefficientOfVariation(spikes: SpikeDict, opts: { ranks?: readonly number[]; perNeuron?: boolean; dt?: number } = {}): number[] | Record<number, number> {
  const isi = interSpikeInterval(spikes, { ranks: opts.ranks, perNeuron: true, dt: opts.dt });
  const cv: Record<number, number> = {};
  for (const [k, values] of Object.entries(isi)) {
    if (values.length < 2) continue;
    const n = values.length;
    let s = 0;
    for (const v of values) s += v;
    const mean = s / n;
    let q = 0;
    for (const v of values) q += (v - mean) * (v - mean);
    cv[Number(k)] = Math.sqrt(q / n) / mean;
  }
  if (opts.perNeuron) return cv;
  return Object.values(cv);
}
