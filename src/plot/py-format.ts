import { roundTo as pyRound } from '../analysis/number-of-decimals.js';

/**
 * Python-style text formatting for CompNeuroPy's messages and titles (repr of floats, lists,
 * tuples; `extra_functions.sci`).
 */

/**
 * Python `repr(float(x))`: whole numbers keep ".0", exponent form below 1e-4 and from 1e16.
 *
 * @example
 * ```ts
 * pyFloat(0);       // "0.0"
 * pyFloat(1e-5);    // "1e-05"
 * pyFloat(999.99);  // "999.99"
 * ```
 */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    const [mant, exp] = x.toExponential().split('e') as [string, string];
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  if (Number.isInteger(x)) return `${x === 0 && 1 / x < 0 ? '-0' : String(x)}.0`;
  return String(x);
}

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

/** CompNeuroPy's `get_number_of_zero_decimals`: 0.12 -> 1, 0.012 -> 2, 1.012 -> 0, 0 -> 0. */
export function getNumberOfZeroDecimals(nr: number): number {
  let decimals = 0;
  if (nr !== 0 && Number.isFinite(nr)) {
    while (Math.abs(nr) < 1) {
      nr *= 10;
      decimals++;
    }
  }
  return decimals;
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
