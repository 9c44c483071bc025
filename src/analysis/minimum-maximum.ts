/**
 * `get_minimum` / `get_maximum` of CompNeuroPy: the NaN-ignoring minimum or maximum of a number or
 * of (nested) arrays, as a plain number.
 * @packageDocumentation
 */
import { RecordedArray } from '../monitors/recorded-array.js';
import type { NumericInput } from './nan-stats.js';

/** All numbers of a (nested, possibly ragged) input, in order. */
function flatten(fn: string, x: NumericInput, out: number[]): void {
  if (typeof x === 'number') out.push(x);
  else if (x instanceof RecordedArray) for (const v of x.data) out.push(v);
  else if (x instanceof Float64Array) for (const v of x) out.push(v);
  else if (Array.isArray(x)) for (const v of x) flatten(fn, v, out);
  else throw new Error(`${fn}: input_data must be a number or (nested) arrays of numbers`);
}

function nanExtreme(fn: string, x: NumericInput, better: (a: number, b: number) => boolean): number {
  if (typeof x === 'number') return x; // float(input_data)
  const vals: number[] = [];
  flatten(fn, x, vals);
  if (vals.length === 0) {
    throw new Error(`${fn}: input_data is empty (zero-size array has no minimum/maximum)`);
  }
  let best = NaN;
  for (const v of vals) {
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(best) || better(v, best)) best = v;
  }
  return best; // all NaN -> NaN, like np.nanmin (whose warning CompNeuroPy leaves visible)
}

/**
 * Minimum of `inputData` ignoring NaN (`float(np.nanmin(...))` over the flattened input); a
 * number is returned as it is. CompNeuroPy flattens one level and lets numpy handle the rest;
 * here any nesting (also ragged) is flattened.
 *
 * @example
 * ```ts
 * getMinimum([3, [1, NaN], new Float64Array([2])]); // 1
 * getMinimum(4);                                     // 4
 * ```
 */
export function getMinimum(inputData: NumericInput): number {
  return nanExtreme('getMinimum', inputData, (a, b) => a < b);
}

/**
 * Maximum of `inputData` ignoring NaN (`float(np.nanmax(...))`); a number is returned as it is.
 *
 * @example
 * ```ts
 * getMaximum([[1, 5], [NaN, 2]]); // 5
 * ```
 */
export function getMaximum(inputData: NumericInput): number {
  return nanExtreme('getMaximum', inputData, (a, b) => a > b);
}
