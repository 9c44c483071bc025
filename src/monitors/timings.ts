/**
 * The timing arithmetic of CompNeuroMonitors (`_correct_start_stop`, `_get_temp_timings`,
 * `_any_recordings_in_current_chunk`) as pure functions: raw start/stop times in, the
 * `{start: {ms, idx}, stop: {ms, idx}}` limits of every period out. Nothing here is mutated; the
 * monitors class keeps its own start/stop lists and calls these.
 * @packageDocumentation
 */
import { getNumberOfDecimals, npRound, rint } from '../analysis/number-of-decimals.js';
import type { CompartmentTimes, RecordingTimesChunk } from './recordings.js';

function checkPositive(fn: string, name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new Error(`${fn}: ${name} must be a positive finite number (ms), got ${String(v)}`);
  }
}

function checkTimes(fn: string, name: string, v: readonly number[]): void {
  if (!Array.isArray(v)) throw new Error(`${fn}: ${name} must be an array of times in ms`);
  for (const t of v) {
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw new Error(`${fn}: ${name} must contain finite times in ms, got ${String(t)}`);
    }
  }
}

/**
 * Snaps a recording period onto the dt grid as CompNeuroMonitors does:
 * `round(period / dt) * dt` (Python's `round`, halves to even).
 *
 * @example
 * ```ts
 * snapPeriod(2, 0.1);   // 2 (20 * 0.1)
 * snapPeriod(0.1, 0.1); // 0.1
 * ```
 */
export function snapPeriod(period: number, dt: number): number {
  checkPositive('snapPeriod', 'period', period);
  checkPositive('snapPeriod', 'dt', dt);
  return rint(period / dt) * dt;
}

/**
 * The stop list with `currentTime` appended when the last period is still open
 * (`start.length > stop.length`), as `_get_temp_timings` does. Returns a new array.
 *
 * @example
 * ```ts
 * closeOpenPeriod([100, 300], [200], 700); // [200, 700]
 * closeOpenPeriod([100], [200], 700);      // [200]
 * ```
 */
export function closeOpenPeriod(
  start: readonly number[],
  stop: readonly number[],
  currentTime?: number,
): number[] {
  if (start.length > stop.length) {
    if (typeof currentTime !== 'number' || !Number.isFinite(currentTime)) {
      throw new Error(
        `closeOpenPeriod: the last period is still open (${start.length} starts, ${stop.length} stops), ` +
          `so currentTime (ms) is needed, got ${String(currentTime)}`,
      );
    }
    return [...stop, currentTime];
  }
  return [...stop];
}

/** Result of {@link correctStartStop}, one entry per period. */
export interface CorrectedStartStop {
  /** Time of the first sample of each period (ms, unrounded). */
  actualStart: number[];
  /** Time of the last sample of each period (ms, unrounded). */
  actualStop: number[];
  /** Number of samples of each period, as a float (1 + (stop - start) / P). */
  nrRecVals: number[];
}

/**
 * `_correct_start_stop`: with raw start times S and stop times E (ms) and period P:
 * `actualStart = ceil(S / P) * P` (first sample at or after the start),
 * `actualStop = ceil(E / P - 1) * P` (last sample strictly before the stop),
 * `nrRecVals = 1 + (actualStop - actualStart) / P`. Same double operations in the same order.
 *
 * @example
 * ```ts
 * correctStartStop([100, 300], [200, 500], 2);
 * // { actualStart: [100, 300], actualStop: [198, 498], nrRecVals: [50, 100] }
 * ```
 */
export function correctStartStop(
  start: readonly number[],
  stop: readonly number[],
  period: number,
): CorrectedStartStop {
  checkTimes('correctStartStop', 'start', start);
  checkTimes('correctStartStop', 'stop', stop);
  checkPositive('correctStartStop', 'period', period);
  if (start.length !== stop.length) {
    throw new Error(
      `correctStartStop: start and stop need one entry per period, got ${start.length} starts and ${stop.length} stops`,
    );
  }
  const actualStart = start.map((s) => Math.ceil(s / period) * period);
  // Keep the order `E / P - 1` before ceil: it decides the float result.
  const actualStop = stop.map((e) => Math.ceil(e / period - 1) * period);
  const nrRecVals = actualStart.map((s, k) => 1 + (actualStop[k]! - s) / period);
  return { actualStart, actualStop, nrRecVals };
}

/** Input of {@link compartmentTimes}. */
export interface CompartmentTimesInput {
  /** Raw start (or resume) times of the periods, ms (ANNarchy's `get_time()`). */
  start: readonly number[];
  /** Raw pause times, ms; may be one shorter than `start` if the last period is open. */
  stop: readonly number[];
  /** Recording period of the compartment in ms (already snapped to the dt grid). */
  period: number;
  /** Simulation time step in ms; the ms values are rounded to its number of decimals. */
  dt: number;
  /** Current time in ms, used as the stop of a still open last period. */
  currentTime?: number;
}

/**
 * The periods of one compartment as `_get_temp_timings` computes them:
 * - ms limits: {@link correctStartStop}, then `np.round(x, decimals(dt))` ({@link npRound});
 * - idx limits: `start_idx_k = sum(n_0..n_{k-1})`, `stop_idx_k = sum(n_0..n_k) - 1` (inclusive).
 *
 * CompNeuroPy truncates the float sample sums with `astype(int)`; here they are **rounded to the
 * nearest integer** instead (quirk §14.4), so a sum such as 999.9999999999999 cannot lose a
 * sample. For every sum that is within rounding noise of an integer both give the same index.
 * A period with no sample (start and stop on the same grid point) gets `stop_idx = start_idx - 1`,
 * as in CompNeuroPy.
 *
 * @example
 * ```ts
 * // my_pop1 of the monitor_recordings example (dt 0.1, period 2)
 * compartmentTimes({ start: [100, 300, 600], stop: [200, 500, 700], period: 2, dt: 0.1 });
 * // { start: { ms: [100, 300, 600], idx: [0, 50, 150] },
 * //   stop:  { ms: [198, 498, 698], idx: [49, 149, 199] } }
 * ```
 */
export function compartmentTimes(input: CompartmentTimesInput): CompartmentTimes {
  const { start, period, dt, currentTime } = input;
  checkPositive('compartmentTimes', 'dt', dt);
  checkTimes('compartmentTimes', 'start', start);
  checkTimes('compartmentTimes', 'stop', input.stop);
  const stop = closeOpenPeriod(start, input.stop, currentTime);
  const { actualStart, actualStop, nrRecVals } = correctStartStop(start, stop, period);
  const decimals = getNumberOfDecimals(dt);
  const startIdx: number[] = [];
  const stopIdx: number[] = [];
  let sum = 0;
  for (const n of nrRecVals) {
    startIdx.push(Math.round(sum));
    sum += n;
    stopIdx.push(Math.round(sum) - 1);
  }
  return {
    start: { ms: actualStart.map((t) => npRound(t, decimals)), idx: startIdx },
    stop: { ms: actualStop.map((t) => npRound(t, decimals)), idx: stopIdx },
  };
}

/** One compartment of a chunk for {@link tempTimings}. */
export interface CompartmentTimingEntry {
  /** Compartment (population or projection) name. */
  compartment: string;
  /** Its recording period in ms (snapped to the dt grid). */
  period: number;
  /** Raw start times, ms. */
  start: readonly number[];
  /** Raw stop times, ms. */
  stop: readonly number[];
}

/**
 * `_get_temp_timings` for a whole chunk: {@link compartmentTimes} for every compartment, keyed by
 * name in the given (mon_dict) order. Open periods are closed at `currentTime`.
 *
 * @example
 * ```ts
 * const chunk = tempTimings(
 *   [
 *     { compartment: 'my_pop1', period: 2, start: [100], stop: [] },
 *     { compartment: 'my_pop2', period: 0.1, start: [100], stop: [] },
 *   ],
 *   { dt: 0.1, currentTime: 200 },
 * );
 * chunk.my_pop2.stop; // { ms: [199.9], idx: [999] }
 * ```
 */
export function tempTimings(
  entries: readonly CompartmentTimingEntry[],
  options: { dt: number; currentTime?: number },
): RecordingTimesChunk {
  const out: RecordingTimesChunk = {};
  for (const e of entries) {
    out[e.compartment] = compartmentTimes({
      start: e.start,
      stop: e.stop,
      period: e.period,
      dt: options.dt,
      currentTime: options.currentTime,
    });
  }
  return out;
}

/**
 * `_any_recordings`: true if some period of some compartment has `stop_idx - start_idx > 0`.
 * Quirk §14.3, kept on purpose: a period with exactly one sample does not count, so a chunk whose
 * periods all have at most one sample is treated as empty and is not stored by the monitors.
 *
 * @example
 * ```ts
 * anyRecordings({ p: { start: { ms: [0], idx: [0] }, stop: { ms: [98], idx: [49] } } }); // true
 * anyRecordings({ p: { start: { ms: [100], idx: [0] }, stop: { ms: [98], idx: [-1] } } }); // false
 * ```
 */
export function anyRecordings(timesChunk: RecordingTimesChunk): boolean {
  for (const c of Object.values(timesChunk)) {
    for (let k = 0; k < c.start.idx.length; k++) {
      if (c.stop.idx[k]! - c.start.idx[k]! > 0) return true;
    }
  }
  return false;
}
