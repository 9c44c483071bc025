import { getNumberOfZeroDecimals, roundTo as pyRound } from './number-of-decimals.js';

/**
 * Python-style text formatting for CompNeuroPy's messages and titles (repr of floats, lists,
 * tuples; `extra_functions.sci`).
 */

export { pyFloat } from '../language/python-float.js';
import { pyFloat } from '../language/python-float.js';

/** A number as Python would print an int if whole, else as a float. */
export function pyNumber(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e16 ? String(x) : pyFloat(x);
}

/** Python `repr` of a string: single quotes unless it contains one. */
export function pyStr(s: string): string {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`;
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Python `repr` of a list of strings/numbers, e.g. `['v', 'spike']` or `[1, 2]`.
 *
 * @example
 * ```ts
 * pyList(['position', 'format']);   // "['position', 'format']"
 * ```
 */
export function pyList(items: ReadonlyArray<string | number>): string {
  return `[${items.map((i) => (typeof i === 'string' ? pyStr(i) : pyNumber(i))).join(', ')}]`;
}

/** Python `repr` of a tuple of numbers, e.g. `(1, 2)`. */
export function pyTuple(items: ReadonlyArray<number>): string {
  return items.length === 1 ? `(${pyNumber(items[0]!)},)` : `(${items.map(pyNumber).join(', ')})`;
}

/**
 * CompNeuroPy's `sci(nr)`: one decimal, or `m.me-k` for |nr| < 1.
 *
 * @example
 * ```ts
 * sci(177.22);    // "177.2"
 * sci(1.77e-5);   // "1.8e-5"
 * sci(-65);       // "-65.0"
 * ```
 */
export function sci(nr: number): string {
  const z = getNumberOfZeroDecimals(nr);
  if (z === 0) return pyFloat(pyRound(nr, 1));
  return `${(nr * 10 ** z).toFixed(1)}e-${z}`;
}

/** Python's `str()` of a typed array as numpy prints a small 1-D float array, e.g. `[-68.]`. */
export function npArrayStr(a: ArrayLike<number>): string {
  const xs = Array.from(a);
  const allWhole = xs.every((x) => Number.isInteger(x));
  return `[${xs.map((x) => (allWhole ? `${x}.` : String(x))).join(' ')}]`;
}

/**
 * Python's `str()` of a value as `print` shows it: strings bare at the top level and quoted
 * inside containers, floats with ".0", lists and dicts in Python syntax, typed arrays as numpy
 * arrays, and class instances as `<ClassName object name>` (Python prints a memory address).
 *
 * @example
 * ```ts
 * pyPrint(['v']);                // "['v']"
 * pyPrint(0.01);                 // "0.01"
 * pyPrint(new Float64Array([-68]));  // "[-68.]"
 * ```
 */
export function pyPrint(value: unknown, nested = false): string {
  if (typeof value === 'string') return nested ? pyStr(value) : value;
  if (typeof value === 'number') return Number.isInteger(value) && !nested ? pyNumber(value) : pyNumber(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null || value === undefined) return 'None';
  if (ArrayBuffer.isView(value)) return npArrayStr(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return `[${value.map((v) => pyPrint(v, true)).join(', ')}]`;
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    return `{${Object.entries(value as object).map(([k, v]) => `${pyStr(k)}: ${pyPrint(v, true)}`).join(', ')}}`;
  }
  const name = (value as { name?: unknown }).name;
  return `<${proto.constructor.name} object${typeof name === 'string' ? ` ${name}` : ''}>`;
}
