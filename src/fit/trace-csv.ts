/**
 * A recorded trace from a CSV file: two columns, time (ms) and value, one sample per line, an
 * optional header line. What the playground fits a model to, and what its exported script
 * reads. Tokenised by d3-dsv (quotes, CRLF); every line is checked, and a bad one is named with
 * what was expected there.
 */
import { csvParseRows } from 'd3-dsv';

/**
 * A trace: sample times (ms, strictly increasing) and values.
 *
 * @example
 * ```ts
 * const t: Trace = { time: Float64Array.of(0, 0.1), value: Float64Array.of(-65, -64.9) };
 * ```
 */
export interface Trace {
  readonly time: Float64Array;
  readonly value: Float64Array;
  /** The header's column names, when the file has a header line. */
  readonly columns?: readonly [string, string];
}

/**
 * A malformed trace CSV: the file, the 1-based line and what was expected there.
 *
 * @example
 * ```ts
 * try { parseTraceCsv('t,v\n0,1\nx,2'); } catch (e) { (e as TraceCsvError).line; } // 3
 * ```
 */
export class TraceCsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}, line ${line}: ${detail}`);
    this.name = 'TraceCsvError';
  }
}

// A number as numpy.savetxt / pandas / spreadsheets write it (no hex, no empty string).
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function cell(s: string): number | undefined {
  const t = s.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

/**
 * Parse a trace CSV: `time,value` lines (time in ms), optionally after one header line (a first
 * line whose cells are not both numbers, e.g. `time,v`). Blank lines are allowed only at the
 * end. Throws a {@link TraceCsvError} naming the line for: a line without exactly two columns, a
 * cell that is not a finite number, times that do not strictly increase, fewer than two samples.
 *
 * @example
 * ```ts
 * const { time, value } = parseTraceCsv('time,v\n0,-65\n0.1,-64.8\n', { file: 'cell3.csv' });
 * ```
 */
export function parseTraceCsv(text: string, options: { file?: string } = {}): Trace {
  const file = options.file ?? 'trace CSV';
  if (typeof text !== 'string') throw new TraceCsvError(file, 1, `expected the file's text, got ${typeof text}`);
  const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
  // trailing blank lines (a final newline gives none; more do)
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every((c) => c.trim() === '')) end--;
  const time: number[] = [];
  const value: number[] = [];
  let columns: [string, string] | undefined;
  for (let i = 0; i < end; i++) {
    const r = rows[i]!;
    const line = i + 1;
    if (r.every((c) => c.trim() === '')) throw new TraceCsvError(file, line, 'blank line inside the data; expected "time,value"');
    if (r.length !== 2) {
      const hint = r.length === 1 && /[;\t ]/.test(r[0]!.trim()) ? ' (columns must be separated by commas)' : '';
      throw new TraceCsvError(file, line, `expected 2 columns "time,value", found ${r.length}: ${JSON.stringify(r.join(','))}${hint}`);
    }
    const t = cell(r[0]!);
    const v = cell(r[1]!);
    if (i === 0 && (t === undefined || v === undefined) && (t === undefined) === (v === undefined)) {
      columns = [r[0]!.trim(), r[1]!.trim()]; // a header line
      continue;
    }
    if (t === undefined) throw new TraceCsvError(file, line, `expected a time in ms (a finite number) in column 1, found ${JSON.stringify(r[0])}`);
    if (v === undefined) throw new TraceCsvError(file, line, `expected a value (a finite number) in column 2, found ${JSON.stringify(r[1])}`);
    if (!Number.isFinite(t) || !Number.isFinite(v)) throw new TraceCsvError(file, line, `expected finite numbers, found ${JSON.stringify(r.join(','))}`);
    if (time.length > 0 && !(t > time[time.length - 1]!)) {
      throw new TraceCsvError(file, line, `expected a time after ${time[time.length - 1]} ms (times must increase), found ${t}`);
    }
    time.push(t);
    value.push(v);
  }
  if (time.length < 2) throw new TraceCsvError(file, Math.max(1, end), `expected at least 2 samples "time,value", found ${time.length}`);
  return { time: Float64Array.from(time), value: Float64Array.from(value), ...(columns ? { columns } : {}) };
}

/**
 * A trace as CSV text (`time,value` header, then full-precision numbers), which
 * {@link parseTraceCsv} reads back exactly.
 *
 * @example
 * ```ts
 * writeFileSync('trace.csv', traceCsv(Float64Array.of(0, 0.1), Float64Array.of(-65, -64.8), ['time', 'v']));
 * ```
 */
export function traceCsv(time: ArrayLike<number>, value: ArrayLike<number>, columns: readonly [string, string] = ['time', 'value']): string {
  if (time.length !== value.length) throw new Error(`traceCsv: ${time.length} times but ${value.length} values`);
  const lines = [columns.join(',')];
  for (let i = 0; i < time.length; i++) lines.push(`${time[i]},${value[i]}`);
  return `${lines.join('\n')}\n`;
}
