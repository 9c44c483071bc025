/**
 * CompNeuroPy's `print_df(df)`: prints a whole table (no row limit) in pandas' layout.
 * @packageDocumentation
 */
import { toColumns, type DataFrameLike } from '../../analysis/anova.js';

function cell(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return String(v);
}

/** A numeric column as pandas prints it: ints plainly, floats with one common number of decimals (at most 6). */
function formatColumn(values: unknown[]): string[] {
  const nums = values.filter((v) => typeof v === 'number') as number[];
  if (nums.length !== values.length || nums.every((v) => Number.isInteger(v))) return values.map(cell);
  const decimals = Math.max(
    1,
    ...nums.filter((v) => Number.isFinite(v)).map((v) => (v.toFixed(6).replace(/0+$/, '').split('.')[1] ?? '').length),
  );
  return nums.map((v) => (Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? v.toFixed(decimals) : v > 0 ? 'inf' : '-inf'));
}

/**
 * The table as text in pandas' `to_string()` layout: index column, then each column right-aligned
 * under its name, two spaces apart; floats of a column share their number of decimals.
 *
 * @example
 * ```ts
 * formatDf({ a: [1, 22], bb: ['x', 'yyy'] });
 * // "    a   bb\n0   1    x\n1  22  yyy"
 * ```
 */
export function formatDf(df: DataFrameLike): string {
  const cols = toColumns('printDf', df);
  const names = Object.keys(cols);
  const n = names.length === 0 ? 0 : cols[names[0]!]!.length;
  const index = Array.from({ length: n }, (_, i) => String(i));
  const iw = Math.max(0, ...index.map((s) => s.length));
  const body = names.map((k) => formatColumn(cols[k]!));
  const widths = names.map((k, c) => Math.max(k.length, ...body[c]!.map((s) => s.length)));
  const lines = [[' '.repeat(iw), ...names.map((k, c) => k.padStart(widths[c]!))].join('  ')];
  for (let r = 0; r < n; r++) lines.push([index[r]!.padEnd(iw), ...body.map((col, c) => col[r]!.padStart(widths[c]!))].join('  '));
  return lines.join('\n');
}

/**
 * Prints the whole table (`print_df(df)`): a data frame given as columns or rows.
 *
 * @example
 * ```ts
 * printDf({ v: [-68.5, -70.25], spike: [true, false] });
 * ```
 */
export function printDf(df: DataFrameLike, options: { print?: (text: string) => void } = {}): void {
  (options.print ?? console.log)(formatDf(df));
}
