/**
 * Decimal helpers of CompNeuroPy (`get_number_of_decimals`, `get_number_of_zero_decimals`) and
 * the two rounding functions CompNeuroPy relies on: Python's built-in `round(x, n)`
 * ({@link roundTo}) and numpy's `np.round(x, n)` ({@link npRound}). They differ: Python rounds
 * the exact binary value correctly, numpy multiplies by 10^n, rounds half to even, divides.
 * @packageDocumentation
 */

function checkFinite(name: string, nr: number): void {
  if (typeof nr !== 'number' || !Number.isFinite(nr)) {
    throw new Error(`${name}: nr must be a finite number, got ${String(nr)}`);
  }
}

/**
 * Number of digits after the decimal point of `nr` as Python prints it (`str(nr)`), 0 for whole
 * numbers. Computed from the shortest round-trip digits (the same digits Python's `repr` uses),
 * so unlike CompNeuroPy it also works below 1e-4, where Python switches to exponent notation and
 * the original crashes (quirk §14.12).
 *
 * @example
 * ```ts
 * getNumberOfDecimals(5);      // 0
 * getNumberOfDecimals(0.1);    // 1
 * getNumberOfDecimals(0.0101); // 4
 * ```
 */
export function getNumberOfDecimals(nr: number): number {
  checkFinite('getNumberOfDecimals', nr);
  if (Number.isInteger(nr)) return 0;
  // toExponential() without an argument gives the shortest round-trip digits, like repr().
  const [mant, expStr] = Math.abs(nr).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '').length;
  return Math.max(0, digits - 1 - Number(expStr));
}

/**
 * For 0 < |nr| < 1: how often `nr` must be multiplied by 10 to reach |nr| >= 1 (the number of
 * leading zero decimals plus one); 0 for 0 and for |nr| >= 1. Same loop as CompNeuroPy.
 *
 * @example
 * ```ts
 * getNumberOfZeroDecimals(0.12);  // 1
 * getNumberOfZeroDecimals(0.012); // 2
 * getNumberOfZeroDecimals(1.012); // 0
 * ```
 */
export function getNumberOfZeroDecimals(nr: number): number {
  checkFinite('getNumberOfZeroDecimals', nr);
  let decimals = 0;
  if (nr !== 0) {
    while (Math.abs(nr) < 1) {
      nr = nr * 10;
      decimals = decimals + 1;
    }
  }
  return decimals;
}

/** |x| = mant * 2^exp exactly, for finite non-zero x. */
function decompose(x: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant, exp: -1074 };
  mant |= 1n << 52n;
  return { mant, exp: biased - 1075 };
}

function checkDigits(name: string, ndigits: number): void {
  if (!Number.isInteger(ndigits)) {
    throw new Error(`${name}: ndigits must be an integer, got ${String(ndigits)}`);
  }
}

/**
 * Python's built-in `round(x, ndigits)` for floats: the exact binary value of `x` is rounded to
 * `ndigits` decimals, ties (only possible when the binary value is exactly halfway) to even, and
 * the decimal result is converted back to the nearest double. Negative `ndigits` round to tens,
 * hundreds, ...; NaN and ±Infinity are returned unchanged, like Python.
 *
 * @example
 * ```ts
 * roundTo(2.675, 2);  // 2.67 (2.675 is stored as 2.67499999...)
 * roundTo(0.125, 2);  // 0.12 (exact tie -> even)
 * roundTo(999.99, 2); // 999.99
 * roundTo(1250, -2);  // 1200
 * ```
 */
export function roundTo(x: number, ndigits = 0): number {
  checkDigits('roundTo', ndigits);
  if (typeof x !== 'number') throw new Error(`roundTo: x must be a number, got ${typeof x}`);
  if (!Number.isFinite(x) || x === 0) return x;
  // a whole number stays (the rational arithmetic below would give it back): step counts of
  // protocols are rounded once per simulation
  if (ndigits >= 0 && Number.isInteger(x)) return x;
  // Same shortcuts as CPython's float.__round__ (NDIGITS_MAX / NDIGITS_MIN).
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0 * x;
  const { mant, exp } = decompose(x);
  let num = mant;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (ndigits >= 0) num *= 10n ** BigInt(ndigits);
  else den *= 10n ** BigInt(-ndigits);
  let q = num / den;
  const twiceRem = 2n * (num % den);
  if (twiceRem > den || (twiceRem === den && q % 2n === 1n)) q += 1n;
  const out = Number(`${x < 0 ? '-' : ''}${q}e${-ndigits}`);
  if (!Number.isFinite(out)) throw new Error('roundTo: rounded value too large to represent');
  return out;
}

/**
 * C's `rint` (numpy's `np.rint`): round to the nearest integer, halves to even, keeping the sign
 * of zero.
 *
 * @example
 * ```ts
 * rint(2.5);  // 2
 * rint(3.5);  // 4
 * rint(-0.4); // -0
 * ```
 */
export function rint(y: number): number {
  if (!Number.isFinite(y)) return y;
  const f = Math.floor(y);
  const d = y - f; // exact for doubles
  let r: number;
  if (d < 0.5) r = f;
  else if (d > 0.5) r = f + 1;
  else r = f % 2 === 0 ? f : f + 1;
  return r === 0 && (y < 0 || Object.is(y, -0)) ? -0 : r;
}

const P10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/** numpy's power_of_ten(): table up to 1e8, then repeated multiplication by 10. */
function powerOfTen(n: number): number {
  if (n < 9) return P10[n]!;
  let ret = 1e9;
  while (n-- > 9) ret *= 10;
  return ret;
}

/**
 * numpy's `np.round(x, decimals)` (`np.around`) on a float64: `rint(x * 10^d) / 10^d`
 * (`rint(x / 10^-d) * 10^-d` for negative `d`). It is NOT correctly rounded: `np.round(2.675, 2)`
 * is 2.68 because `2.675 * 100` rounds up to exactly 267.5. CompNeuroPy uses it wherever it calls
 * `np.round` (recording times, `time_data_fill_gaps`), and Python's {@link roundTo} wherever it
 * calls the built-in `round` on Python floats.
 *
 * @example
 * ```ts
 * npRound(2.675, 2); // 2.68 (Python's round gives 2.67)
 * npRound(0.125, 2); // 0.12
 * npRound(199.90000000000001, 1); // 199.9
 * ```
 */
export function npRound(x: number, decimals = 0): number {
  checkDigits('npRound', decimals);
  if (decimals >= 0) {
    const f = powerOfTen(decimals);
    return rint(x * f) / f;
  }
  const f = powerOfTen(-decimals);
  return rint(x / f) * f;
}
