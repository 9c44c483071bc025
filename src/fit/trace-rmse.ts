/**
 * The loss of fitting a model's recorded variable to a target trace: the root-mean-square error
 * over the target's samples, the model's trace (sampled every `periodMs` from t = 0) linearly
 * interpolated at the target's times. CompNeuroPy leaves the loss to the user (`get_loss`); this
 * is the usual choice for a voltage trace.
 */
import type { Trace } from './trace-csv.js';

/**
 * RMSE between a target trace and a model trace sampled every `periodMs` ms from 0
 * (`samples[j]` at `j * periodMs`). A target time before 0 or after the model's last sample
 * throws (naming it); a model trace with NaN or infinite values gives `Infinity` (a diverging
 * parameter set loses against every finite one).
 *
 * @example
 * ```ts
 * traceRmse({ time: Float64Array.of(0, 0.5), value: Float64Array.of(0, 1) }, Float64Array.of(0, 2), 1); // 0
 * ```
 */
export function traceRmse(target: Pick<Trace, 'time' | 'value'>, samples: ArrayLike<number>, periodMs: number): number {
  if (!(periodMs > 0)) throw new Error(`traceRmse: periodMs must be positive, got ${periodMs}`);
  const n = samples.length;
  if (n === 0) throw new Error('traceRmse: the model trace is empty');
  const last = (n - 1) * periodMs;
  let sum = 0;
  for (let i = 0; i < target.time.length; i++) {
    const t = target.time[i]!;
    const x = t / periodMs;
    // a hair of rounding (t = j * periodMs written in decimal) is not "after the last sample"
    if (x < -1e-9 || x > n - 1 + 1e-9) {
      throw new Error(`traceRmse: the target's sample ${i} at ${t} ms lies outside the model's trace (0 to ${last} ms); shorten the target or lengthen the simulation`);
    }
    const j = Math.min(n - 1, Math.max(0, Math.floor(x)));
    const f = x - j;
    const a = samples[j]!;
    const m = f > 0 && j + 1 < n ? a + f * (samples[j + 1]! - a) : a;
    const d = m - target.value[i]!;
    sum += d * d;
  }
  const r = Math.sqrt(sum / target.time.length);
  return Number.isFinite(r) ? r : Infinity;
}
