/**
 * The playground's fit settings, part of the page state (and so of the URL and of the exported
 * script): which parameters of the editor's model are fitted within which bounds, the target (a
 * trace from a CSV file, kept as its text so a link carries it, or another model of the library
 * run under the same protocol), the number of generations and the seed of DeapCma.
 */
import { parseTraceCsv } from '../../fit/trace-csv.js';

/**
 * A fitted parameter and its bounds.
 *
 * @example
 * ```ts
 * const p: FitParameter = { name: 'tau', lower: 1, upper: 30 };
 * ```
 */
export interface FitParameter {
  name: string;
  lower: number;
  upper: number;
}

/**
 * What the model is fitted to: a CSV trace (`time,value`, time in ms; the file's name and text)
 * or a model of the library (a preset's name, with its own parameter values) under the page's
 * protocol.
 *
 * @example
 * ```ts
 * const t: FitTarget = { kind: 'model', name: 'Izhikevich2007' };
 * ```
 */
export type FitTarget = { kind: 'csv'; file: string; csv: string } | { kind: 'model'; name: string };

/**
 * The fit settings.
 *
 * @example
 * ```ts
 * const f: FitState = { params: [{ name: 'tau', lower: 1, upper: 30 }], target: { kind: 'model', name: 'LIF' }, generations: 30, seed: 1 };
 * ```
 */
export interface FitState {
  params: FitParameter[];
  target: FitTarget;
  /** DeapCma's `maxEvals` (generations). */
  generations: number;
  /** Seed of DeapCma's numpy generator: the same seed gives the same fit. */
  seed: number;
}

/** Largest CSV text a link carries (Chromium takes URLs up to 2 MB; base64 adds a third). */
export const MAX_CSV_CHARS = 1_000_000;

function fail(field: string, expected: string, got: unknown): never {
  throw new Error(`playground state: fit.${field} must be ${expected}, got ${JSON.stringify(got) ?? String(got)}`);
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Check fit settings read from outside (a link): every field with the right type and range, the
 * bounds ordered, a CSV target well-formed (its error names the line).
 *
 * @example
 * ```ts
 * validateFit({ params: [], target: { kind: 'model', name: 'LIF' }, generations: 10, seed: 1 }); // throws: params must list...
 * ```
 */
export function validateFit(x: unknown): FitState {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) fail('', 'an object { params, target, generations, seed }', x);
  const o = x as Record<string, unknown>;
  const known = ['params', 'target', 'generations', 'seed'];
  for (const k of Object.keys(o)) if (!known.includes(k)) throw new Error(`playground state: unknown field "fit.${k}"; expected ${known.join(', ')}`);
  if (!Array.isArray(o.params) || o.params.length === 0) fail('params', 'a non-empty list of { name, lower, upper }', o.params);
  const seen = new Set<string>();
  const params = o.params.map((p: unknown, i: number): FitParameter => {
    const q = p as Record<string, unknown> | null;
    if (q === null || typeof q !== 'object') fail(`params[${i}]`, 'an object { name, lower, upper }', p);
    if (typeof q.name !== 'string' || !IDENT.test(q.name)) fail(`params[${i}].name`, 'a parameter name', q.name);
    if (seen.has(q.name)) fail(`params[${i}].name`, 'a parameter not listed before', q.name);
    seen.add(q.name);
    for (const b of ['lower', 'upper']) if (typeof q[b] !== 'number' || !Number.isFinite(q[b])) fail(`params[${i}].${b}`, 'a finite number', q[b]);
    if (!((q.lower as number) < (q.upper as number))) fail(`params[${i}] (${q.name})`, 'bounds with lower < upper', [q.lower, q.upper]);
    return { name: q.name, lower: q.lower as number, upper: q.upper as number };
  });
  const t = o.target as Record<string, unknown> | null;
  let target: FitTarget;
  if (t !== null && typeof t === 'object' && t.kind === 'model') {
    if (typeof t.name !== 'string' || t.name === '') fail('target.name', 'the name of a model of the library', t.name);
    target = { kind: 'model', name: t.name };
  } else if (t !== null && typeof t === 'object' && t.kind === 'csv') {
    if (typeof t.file !== 'string') fail('target.file', 'the CSV file name', t.file);
    if (typeof t.csv !== 'string') fail('target.csv', "the CSV file's text", t.csv);
    if (t.csv.length > MAX_CSV_CHARS) fail('target.csv', `at most ${MAX_CSV_CHARS} characters`, `${t.csv.length} characters`);
    parseTraceCsv(t.csv, { file: t.file }); // its error names the line
    target = { kind: 'csv', file: t.file, csv: t.csv };
  } else fail('target', 'an object { kind: "csv", file, csv } or { kind: "model", name }', t);
  const generations = o.generations;
  if (typeof generations !== 'number' || !Number.isInteger(generations) || generations < 1 || generations > 10_000) fail('generations', 'an integer from 1 to 10000', generations);
  const seed = o.seed;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) fail('seed', 'an integer from 0 to 2^32 - 1', seed);
  return { params, target, generations, seed };
}
