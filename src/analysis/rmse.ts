/**
 * `rmse` and `rsse` of CompNeuroPy: root-mean-square and root-sum-square error between two arrays
 * (or an array and a scalar), summed in numpy's pairwise order.
 * @packageDocumentation
 */
import { pairwiseSum, toShaped, type NumericInput } from './nan-stats.js';

/**
 * Scratch for the squared differences: one buffer grown as needed, reused by every call (the
 * sums are synchronous), so that the losses of a fit do not allocate an array per call. Inputs
 * above SCRATCH_MAX get an array of their own, so one large call does not pin its size forever.
 */
let scratch = new Float64Array(1024);
const SCRATCH_MAX = 1 << 20;

/** (a - b)^2 element-wise, in `scratch` (valid until the next call), and their count. */
function squaredDiffs(fn: string, a: NumericInput, b: NumericInput): { sq: Float64Array; n: number } {
  const x = toShaped(fn, a);
  const y = toShaped(fn, b);
  const scalarX = x.shape.length === 0;
  const scalarY = y.shape.length === 0;
  if (!scalarX && !scalarY) {
    if (x.shape.length !== y.shape.length || x.shape.some((s, k) => s !== y.shape[k])) {
      throw new Error(`${fn}: a and b must have the same shape, got [${x.shape}] and [${y.shape}]`);
    }
  }
  const n = scalarX ? y.data.length : x.data.length;
  if (scratch.length < n && n <= SCRATCH_MAX) scratch = new Float64Array(n);
  const out = n <= scratch.length ? scratch : new Float64Array(n);
  const xd = x.data, yd = y.data;
  // the loss of every candidate of a fit: one loop per case, no index select per element
  if (!scalarX && !scalarY) {
    for (let i = 0; i < n; i++) {
      const d = xd[i]! - yd[i]!;
      out[i] = d * d;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const d = xd[scalarX ? 0 : i]! - yd[scalarY ? 0 : i]!;
      out[i] = d * d;
    }
  }
  return { sq: out, n };
}

/**
 * Root-mean-square error `sqrt(mean((a - b)^2))`.
 *
 * @example
 * ```ts
 * rmse([1, 2, 3], [1, 2, 5]); // sqrt(4 / 3) = 1.1547005383792515
 * ```
 */
export function rmse(a: NumericInput, b: NumericInput): number {
  const { sq, n } = squaredDiffs('rmse', a, b);
  return Math.sqrt((0 + pairwiseSum(sq, 0, n)) / n);
}

/**
 * Root-sum-square error `sqrt(sum((a - b)^2))`.
 *
 * @example
 * ```ts
 * rsse([0, 0], [3, 4]); // 5
 * ```
 */
export function rsse(a: NumericInput, b: NumericInput): number {
  const { sq, n } = squaredDiffs('rsse', a, b);
  return Math.sqrt(0 + pairwiseSum(sq, 0, n));
}
