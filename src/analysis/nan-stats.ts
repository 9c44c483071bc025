/**
 * `get_nanmean` / `get_nanstd` of CompNeuroPy (numpy's nanmean/nanstd without warnings), with
 * numpy's summation order so results match numpy to the last bit.
 * @packageDocumentation
 */
import { RecordedArray } from '../monitors/recorded-array.js';

/**
 * Numbers as the analysis helpers accept them: flat, typed, recorded, or nested arrays.
 *
 * @example
 * ```ts
 * const x: NumericInput = [[1, 2], [3, NaN]];
 * getNanmean(x);   // 2
 * ```
 */
export type NumericInput = number | Float64Array | RecordedArray | readonly NumericInput[];

/**
 * numpy's pairwise summation (`pairwise_sum_DOUBLE`, used by `np.sum`/`np.mean` along a
 * contiguous axis): sequential below 8 values, 8 interleaved accumulators up to 128, recursive
 * halves above.
 *
 * @example
 * ```ts
 * pairwiseSum(new Float64Array([1, 2, 3])); // 6
 * ```
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start, stride = 1): number {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res += a[start + i * stride]!;
    return res;
  }
  if (n <= 128) {
    // eight accumulators in locals (no array per block: losses of a fit sum thousands of blocks)
    let r0 = a[start]!, r1 = a[start + stride]!, r2 = a[start + 2 * stride]!, r3 = a[start + 3 * stride]!;
    let r4 = a[start + 4 * stride]!, r5 = a[start + 5 * stride]!, r6 = a[start + 6 * stride]!, r7 = a[start + 7 * stride]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const o = start + i * stride;
      r0 += a[o]!;
      r1 += a[o + stride]!;
      r2 += a[o + 2 * stride]!;
      r3 += a[o + 3 * stride]!;
      r4 += a[o + 4 * stride]!;
      r5 += a[o + 5 * stride]!;
      r6 += a[o + 6 * stride]!;
      r7 += a[o + 7 * stride]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i * stride]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2, stride) + pairwiseSum(a, start + n2 * stride, n - n2, stride);
}

/** Flattens any {@link NumericInput} into values + shape (nested arrays must be rectangular). */
export function toShaped(fn: string, a: NumericInput): { data: Float64Array; shape: number[] } {
  if (typeof a === 'number') return { data: Float64Array.of(a), shape: [] };
  if (a instanceof RecordedArray) return { data: a.data, shape: [...a.shape] };
  if (a instanceof Float64Array) return { data: a, shape: [a.length] };
  if (!Array.isArray(a)) throw new Error(`${fn}: expected numbers or (nested) arrays of numbers`);
  const parts = a.map((x) => toShaped(fn, x));
  const sub = parts[0]?.shape ?? [];
  for (const p of parts) {
    if (p.shape.length !== sub.length || p.shape.some((s, k) => s !== sub[k])) {
      throw new Error(`${fn}: nested arrays must be rectangular (all entries of the same shape)`);
    }
  }
  const size = sub.reduce((x, y) => x * y, 1);
  const data = new Float64Array(parts.length * size);
  parts.forEach((p, i) => data.set(p.data, i * size));
  return { data, shape: [parts.length, ...sub] };
}

/**
 * What {@link getNanmean} and {@link getNanstd} return: a number without `axis`, an array along it.
 * @example
 * ```ts
 * const m: Reduced = getNanmean([1, 2, NaN]); // 1.5
 * ```
 */
export type Reduced = number | Float64Array | RecordedArray;

/**
 * Reduces along `axis` with `f(lane values)`; lanes along the last axis are contiguous, other
 * axes are accumulated row by row, as numpy's reduction loops do.
 */
function reduceAxis(
  fn: string,
  a: NumericInput,
  axis: number | undefined,
  f: (get: (k: number) => number, n: number, contiguous: boolean) => number,
): Reduced {
  const { data, shape } = toShaped(fn, a);
  if (axis === undefined || axis === null) return f((k) => data[k]!, data.length, true);
  const nd = shape.length;
  const ax = axis < 0 ? axis + nd : axis;
  if (!Number.isInteger(ax) || ax < 0 || ax >= nd) {
    throw new Error(`${fn}: axis ${String(axis)} is out of bounds for an array of dimension ${nd}`);
  }
  const outer = shape.slice(0, ax).reduce((x, y) => x * y, 1);
  const inner = shape.slice(ax + 1).reduce((x, y) => x * y, 1);
  const n = shape[ax]!;
  const out = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      out[o * inner + i] = f((k) => data[base + k * inner]!, n, inner === 1);
    }
  }
  const outShape = shape.filter((_, k) => k !== ax);
  if (outShape.length === 0) return out[0]!;
  if (outShape.length === 1) return out;
  return new RecordedArray(out, outShape);
}

/** Sum in numpy's order: pairwise along a contiguous lane, sequential across rows. */
function npSum(vals: Float64Array, contiguous: boolean): number {
  if (contiguous) return 0 + pairwiseSum(vals);
  let s = 0;
  for (const v of vals) s += v;
  return s;
}

function nanMeanLane(get: (k: number) => number, n: number, contiguous: boolean): number {
  const vals = new Float64Array(n);
  let cnt = 0;
  for (let k = 0; k < n; k++) {
    const v = get(k);
    if (Number.isNaN(v)) vals[k] = 0;
    else {
      vals[k] = v;
      cnt++;
    }
  }
  return npSum(vals, contiguous) / cnt;
}

function nanStdLane(get: (k: number) => number, n: number, contiguous: boolean): number {
  const vals = new Float64Array(n);
  const mask = new Uint8Array(n);
  let cnt = 0;
  for (let k = 0; k < n; k++) {
    const v = get(k);
    if (Number.isNaN(v)) mask[k] = 1;
    else {
      vals[k] = v;
      cnt++;
    }
  }
  const avg = npSum(vals, contiguous) / cnt;
  for (let k = 0; k < n; k++) {
    const d = mask[k] ? 0 : vals[k]! - avg;
    vals[k] = d * d;
  }
  return Math.sqrt(npSum(vals, contiguous) / cnt); // ddof = 0
}

/**
 * Mean ignoring NaN (numpy's `nanmean`, warnings silenced): over all values, or along `axis`
 * (negative axes count from the end). An all-NaN lane gives NaN. Reducing to one dimension
 * returns a Float64Array, to more a {@link RecordedArray}.
 *
 * @example
 * ```ts
 * getNanmean([1, NaN, 3]);                  // 2
 * getNanmean([[1, 2], [3, NaN]], 0);        // Float64Array [2, 2]
 * ```
 */
export function getNanmean(a: NumericInput, axis?: number): Reduced {
  return reduceAxis('getNanmean', a, axis, nanMeanLane);
}

/**
 * Population standard deviation ignoring NaN (numpy's `nanstd`, ddof = 0, warnings silenced),
 * over all values or along `axis`.
 *
 * @example
 * ```ts
 * getNanstd([1, NaN, 3]); // 1
 * ```
 */
export function getNanstd(a: NumericInput, axis?: number): Reduced {
  return reduceAxis('getNanstd', a, axis, nanStdLane);
}
