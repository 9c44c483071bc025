/*
 * Python's float repr, used where a value is written into a description string exactly as
 * ANNarchy's Python `%s` formatting writes it (built-in models) and by CompNeuroPy's messages.
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
