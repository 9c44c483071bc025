/**
 * CompNeuroMonitors' period limits (`_get_temp_timings`) computed on integer steps.
 *
 * CompNeuroPy does the arithmetic on float ms (`ceil(S / P) * P`, see timings.ts). The engine
 * samples on integer steps, so here the same formulas run on steps (exact integers) and only the
 * results are turned into ms: `npRound(step * dt, decimals(dt))`. For every case where
 * CompNeuroPy's float arithmetic is exact the results are identical; where it is not (a time
 * such as 4.3 ms that is not representable, a sample count such as 81.99999999999999) the step
 * version still names the samples the monitor really took.
 * @packageDocumentation
 */
import { getNumberOfDecimals, npRound } from '../analysis/number-of-decimals.js';
import type { CompartmentTimes } from './recordings.js';

/** Input of {@link compartmentTimesFromSteps}. */
export interface StepTimesInput {
  /** Steps at which the periods started (or resumed). */
  start: readonly number[];
  /** Steps at which they were paused; one shorter than `start` if the last is still open. */
  stop: readonly number[];
  /** Sampling period in steps (samples fall on multiples of it). */
  periodSteps: number;
  /** Time step in ms. */
  dt: number;
  /** Current step, the stop of a still open last period. */
  currentStep?: number;
}

function checkSteps(name: string, v: readonly number[]): void {
  if (!Array.isArray(v) || v.some((s) => !Number.isInteger(s))) {
    throw new Error(`compartmentTimesFromSteps: ${name} must be an array of integer steps, got ${JSON.stringify(v)}`);
  }
}

/**
 * The `{start: {ms, idx}, stop: {ms, idx}}` limits of every period, with samples on the steps
 * `m * periodSteps`: for a period [s, e) the first sample is `ceil(s/k)*k`, the last
 * `(ceil(e/k) - 1)*k`, and the number of samples `(last - first)/k + 1` (0 for an empty period,
 * whose stop idx is then start idx - 1, as in CompNeuroPy). Both ends are inclusive.
 *
 * @example
 * ```ts
 * // my_pop1 of the monitor_recordings example: dt 0.1, period 2 ms = 20 steps
 * compartmentTimesFromSteps({ start: [1000, 3000, 6000], stop: [2000, 5000], periodSteps: 20, dt: 0.1, currentStep: 7000 });
 * // { start: { ms: [100, 300, 600], idx: [0, 50, 150] }, stop: { ms: [198, 498, 698], idx: [49, 149, 199] } }
 * ```
 */
export function compartmentTimesFromSteps(input: StepTimesInput): CompartmentTimes {
  const { start, periodSteps: k, dt, currentStep } = input;
  checkSteps('start', start);
  checkSteps('stop', input.stop);
  if (!Number.isInteger(k) || k < 1) throw new Error(`compartmentTimesFromSteps: periodSteps must be a positive integer, got ${String(k)}`);
  if (!(dt > 0)) throw new Error(`compartmentTimesFromSteps: dt must be a positive number of ms, got ${String(dt)}`);
  const stop = [...input.stop];
  if (start.length > stop.length) {
    if (!Number.isInteger(currentStep)) {
      throw new Error('compartmentTimesFromSteps: the last period is still open, so currentStep is needed');
    }
    stop.push(currentStep!);
  }
  if (start.length !== stop.length) {
    throw new Error(`compartmentTimesFromSteps: ${start.length} starts but ${stop.length} stops`);
  }
  const dec = getNumberOfDecimals(dt);
  const out: CompartmentTimes = { start: { ms: [], idx: [] }, stop: { ms: [], idx: [] } };
  let sum = 0;
  for (let p = 0; p < start.length; p++) {
    const first = Math.ceil(start[p]! / k) * k;
    const last = (Math.ceil(stop[p]! / k) - 1) * k;
    const n = (last - first) / k + 1;
    out.start.ms.push(npRound(first * dt, dec));
    out.stop.ms.push(npRound(last * dt, dec));
    out.start.idx.push(sum);
    sum += n;
    out.stop.idx.push(sum - 1);
  }
  return out;
}
