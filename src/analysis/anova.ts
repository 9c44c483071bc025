/**
 * The statistics of CompNeuroPy's `anova_between_groups` (which uses pingouin): Levene's test
 * (`homoscedasticity`, centred on the median as scipy's default), one-way ANOVA, Welch's ANOVA
 * and pairwise t-tests with Benjamini-Hochberg correction. Sums of squares here, p-values from
 * jstat's F and t distributions.
 * @packageDocumentation
 */
import type JStat from 'jstat';
import { lazyModule } from '../language/lazy-module.js';

// loaded on first use: jstat costs ~40 ms of every `import 'compneuro-rx'` otherwise
const jstat = lazyModule('jstat', (require) => require('jstat') as typeof JStat);

/** Observations by group level, in the order the levels first appear. */
export type GroupedData = Map<string, number[]>;

/** A data frame as columns (`{ dv: [...], group: [...] }`) or rows (`[{ dv, group }, ...]`). */
export type DataFrameLike = Record<string, ArrayLike<unknown>> | ReadonlyArray<Record<string, unknown>>;

/**
 * Columns of a {@link DataFrameLike}, checked to have one length.
 *
 * @example
 * ```ts
 * toColumns('f', [{ a: 1 }, { a: 2 }]); // { a: [1, 2] }
 * ```
 */
export function toColumns(fn: string, df: DataFrameLike): Record<string, unknown[]> {
  if (Array.isArray(df)) {
    const cols: Record<string, unknown[]> = {};
    const keys = [...new Set(df.flatMap((r) => Object.keys(r)))];
    for (const k of keys) cols[k] = df.map((r) => r[k]);
    return cols;
  }
  const cols: Record<string, unknown[]> = {};
  let n: number | undefined;
  for (const [k, v] of Object.entries(df as Record<string, ArrayLike<unknown>>)) {
    cols[k] = Array.from(v);
    if (n !== undefined && cols[k]!.length !== n) {
      throw new Error(`${fn}: column "${k}" has ${cols[k]!.length} values, the others ${n}`);
    }
    n = cols[k]!.length;
  }
  return cols;
}

/**
 * Splits the dependent variable `dv` by the levels of column `group`.
 *
 * @example
 * ```ts
 * groupBy({ y: [1, 2, 3], g: ['a', 'b', 'a'] }, 'y', 'g'); // Map { a => [1, 3], b => [2] }
 * ```
 */
export function groupBy(df: DataFrameLike, dv: string, group: string): GroupedData {
  const fn = 'groupBy';
  const cols = toColumns(fn, df);
  const y = cols[dv];
  const g = cols[group];
  if (y === undefined) throw new Error(`${fn}: no column "${dv}" (columns: ${Object.keys(cols).join(', ')})`);
  if (g === undefined) throw new Error(`${fn}: no column "${group}" (columns: ${Object.keys(cols).join(', ')})`);
  const out: GroupedData = new Map();
  y.forEach((v, i) => {
    if (typeof v !== 'number') throw new Error(`${fn}: "${dv}" row ${i} is not a number: ${String(v)}`);
    const key = String(g[i]);
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push(v);
  });
  return out;
}

function mean(x: readonly number[]): number {
  return x.reduce((a, b) => a + b, 0) / x.length;
}

function variance(x: readonly number[], ddof = 1): number {
  const m = mean(x);
  return x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - ddof);
}

function median(x: readonly number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

function fSf(f: number, d1: number, d2: number): number {
  return 1 - jstat().centralF.cdf(f, d1, d2);
}

function checkGroups(fn: string, groups: GroupedData, minEach: number): [string, number[]][] {
  const entries = [...groups.entries()];
  if (entries.length < 2) throw new Error(`${fn}: needs at least 2 groups, got ${entries.length}`);
  for (const [k, v] of entries) {
    if (v.length < minEach) throw new Error(`${fn}: group "${k}" has ${v.length} values, needs at least ${minEach}`);
  }
  return entries;
}

/** Between- and within-group sums of squares and the number of observations. */
function sumsOfSquares(entries: readonly [string, number[]][]): { ssb: number; ssw: number; n: number } {
  const all = entries.flatMap(([, v]) => v);
  const grand = mean(all);
  let ssb = 0;
  let ssw = 0;
  for (const [, v] of entries) {
    const m = mean(v);
    ssb += v.length * (m - grand) ** 2;
    for (const x of v) ssw += (x - m) ** 2;
  }
  return { ssb, ssw, n: all.length };
}

/** Levene's test result (pingouin's `homoscedasticity` row). */
export interface LeveneResult {
  W: number;
  pval: number;
  equal_var: boolean;
}

/**
 * Levene's test for equal variances, centred on the group medians (Brown-Forsythe; scipy's and
 * pingouin's default), `equal_var` when `pval > alpha`.
 *
 * @example
 * ```ts
 * levene(groupBy(df, 'y', 'g')); // { W: 0.15, pval: 0.86, equal_var: true }
 * ```
 */
export function levene(groups: GroupedData, alpha = 0.05): LeveneResult {
  const entries = checkGroups('levene', groups, 1);
  const z = entries.map(([, v]) => {
    const m = median(v);
    return v.map((x) => Math.abs(x - m));
  });
  const a = oneWayAnova(new Map(z.map((v, i) => [String(i), v])));
  const W = a[0]!.F;
  const pval = a[0]!['p-unc'];
  return { W, pval, equal_var: pval > alpha };
}

/** A row of the one-way ANOVA table (pingouin's `anova`). */
export interface AnovaRow {
  Source: string;
  SS: number;
  DF: number;
  MS: number;
  F: number;
  'p-unc': number;
  np2: number;
}

/**
 * One-way ANOVA: rows for the factor (`source`) and `Within`, with sums of squares, degrees of
 * freedom, mean squares, F, its p-value and partial eta squared, as pingouin prints them
 * (`F`, `p-unc` and `np2` are NaN in the Within row).
 *
 * @example
 * ```ts
 * oneWayAnova(groupBy(df, 'y', 'g'), 'g')[0].F;
 * ```
 */
export function oneWayAnova(groups: GroupedData, source = 'group'): AnovaRow[] {
  const entries = checkGroups('oneWayAnova', groups, 1);
  const { ssb, ssw, n } = sumsOfSquares(entries);
  const dfb = entries.length - 1;
  const dfw = n - entries.length;
  if (dfw <= 0) throw new Error(`oneWayAnova: needs more observations (${n}) than groups (${entries.length})`);
  const msb = ssb / dfb;
  const msw = ssw / dfw;
  const F = msb / msw;
  return [
    { Source: source, SS: ssb, DF: dfb, MS: msb, F, 'p-unc': fSf(F, dfb, dfw), np2: ssb / (ssb + ssw) },
    { Source: 'Within', SS: ssw, DF: dfw, MS: msw, F: NaN, 'p-unc': NaN, np2: NaN },
  ];
}

/** The row of Welch's ANOVA (pingouin's `welch_anova`). */
export interface WelchAnovaRow {
  Source: string;
  ddof1: number;
  ddof2: number;
  F: number;
  'p-unc': number;
  np2: number;
}

/**
 * Welch's one-way ANOVA for unequal variances (Welch 1951): weights `n_i / s_i^2`,
 * `F = [sum w (m - m_w)^2 / (k - 1)] / [1 + 2 (k - 2) / (k^2 - 1) * L]` with
 * `L = sum (1 - w / W)^2 / (n - 1)`, `ddof2 = (k^2 - 1) / (3 L)`; np2 = SSB / SST.
 *
 * @example
 * ```ts
 * welchAnova(groupBy(df, 'y', 'g'), 'g')[0]['p-unc'];
 * ```
 */
export function welchAnova(groups: GroupedData, source = 'group'): WelchAnovaRow[] {
  const entries = checkGroups('welchAnova', groups, 2);
  const k = entries.length;
  const n = entries.map(([, v]) => v.length);
  const m = entries.map(([, v]) => mean(v));
  const w = entries.map(([, v], i) => n[i]! / variance(v));
  const W = w.reduce((a, b) => a + b, 0);
  const mw = w.reduce((a, wi, i) => a + wi * m[i]!, 0) / W;
  const num = w.reduce((a, wi, i) => a + wi * (m[i]! - mw) ** 2, 0) / (k - 1);
  const L = w.reduce((a, wi, i) => a + (1 - wi / W) ** 2 / (n[i]! - 1), 0);
  const F = num / (1 + ((2 * (k - 2)) / (k * k - 1)) * L);
  const ddof2 = (k * k - 1) / (3 * L);
  const { ssb, ssw } = sumsOfSquares(entries);
  return [{ Source: source, ddof1: k - 1, ddof2, F, 'p-unc': fSf(F, k - 1, ddof2), np2: ssb / (ssb + ssw) }];
}

/**
 * Benjamini-Hochberg adjusted p-values (`fdr_bh`), in the input order.
 *
 * @example
 * ```ts
 * fdrBh([0.01, 0.04, 0.03]); // [0.03, 0.04, 0.04]
 * ```
 */
export function fdrBh(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const out = new Array<number>(m);
  let prev = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r]!;
    prev = Math.min(prev, (p[i]! * m) / (r + 1));
    out[i] = Math.min(prev, 1);
  }
  return out;
}

/** A row of pingouin's `pairwise_tests(..., padjust="fdr_bh", return_desc=True)` (no BF10). */
export interface PairwiseRow {
  Contrast: string;
  A: string;
  B: string;
  'mean(A)': number;
  'std(A)': number;
  'mean(B)': number;
  'std(B)': number;
  Paired: false;
  Parametric: true;
  T: number;
  dof: number;
  alternative: 'two-sided';
  'p-unc': number;
  'p-corr': number;
  'p-adjust': 'fdr_bh';
  hedges: number;
}

/**
 * Two-sided unpaired t-tests between every pair of groups (pingouin's `correction="auto"`:
 * Welch's test when the sizes differ, Student's otherwise), p-values adjusted with
 * Benjamini-Hochberg, Hedges' g with its small-sample correction.
 *
 * @example
 * ```ts
 * pairwiseTTests(groupBy(df, 'y', 'g'), 'g').map((r) => r['p-corr']);
 * ```
 */
export function pairwiseTTests(groups: GroupedData, source = 'group'): PairwiseRow[] {
  const entries = checkGroups('pairwiseTTests', groups, 2);
  const rows: PairwiseRow[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, x] = entries[i]!;
      const [b, y] = entries[j]!;
      const nx = x.length;
      const ny = y.length;
      const vx = variance(x);
      const vy = variance(y);
      const mx = mean(x);
      const my = mean(y);
      let T: number;
      let dof: number;
      if (nx === ny) {
        const sp = ((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2);
        T = (mx - my) / Math.sqrt(sp * (1 / nx + 1 / ny));
        dof = nx + ny - 2;
      } else {
        const se2 = vx / nx + vy / ny;
        T = (mx - my) / Math.sqrt(se2);
        dof = se2 ** 2 / ((vx / nx) ** 2 / (nx - 1) + (vy / ny) ** 2 / (ny - 1));
      }
      const p = 2 * jstat().studentt.cdf(-Math.abs(T), dof);
      const pooled = Math.sqrt(((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2));
      const d = (mx - my) / pooled;
      const hedges = d * (1 - 3 / (4 * (nx + ny) - 9));
      rows.push({
        Contrast: source, A: a, B: b,
        'mean(A)': mx, 'std(A)': Math.sqrt(vx), 'mean(B)': my, 'std(B)': Math.sqrt(vy),
        Paired: false, Parametric: true, T, dof, alternative: 'two-sided', 'p-unc': p, 'p-corr': NaN, 'p-adjust': 'fdr_bh', hedges,
      });
    }
  }
  const corr = fdrBh(rows.map((r) => r['p-unc']));
  rows.forEach((r, k) => (r['p-corr'] = corr[k]!));
  return rows;
}
