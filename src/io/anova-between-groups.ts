/**
 * CompNeuroPy's `anova_between_groups(df, dv, group_list, print_file, fig_path)`: Levene's test,
 * ANOVA (Welch's when the variances differ), Benjamini-Hochberg-corrected pairwise t-tests, all
 * written to a text file and saved as variables, plus a box plot.
 * @packageDocumentation
 */
import { dirname } from 'node:path';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { VegaLiteSpec } from '../plot/vega-lite-spec.js';
import {
  groupBy, levene, oneWayAnova, pairwiseTTests, toColumns, welchAnova,
  type AnovaRow, type DataFrameLike, type LeveneResult, type PairwiseRow, type WelchAnovaRow,
} from '../analysis/anova.js';
import { formatDf } from '../experiment/extra/print-df.js';
import { writeFigure } from '../plot/render-file.js';
import { saveVariables } from './save-variables.js';

/** Options of {@link anovaBetweenGroups}. */
export interface AnovaBetweenGroupsOptions {
  /** Text report (default `./anova_between_groups.txt`); the tables are saved beside it. */
  printFile?: string;
  /** Box plot of dv by group (default `./boxplot.png`, 12 x 8 inches at 300 dpi). */
  figPath?: string;
}

/** What {@link anovaBetweenGroups} computed. */
export interface AnovaBetweenGroupsResult {
  equalVar: Record<string, LeveneResult>;
  anova: AnovaRow[] | WelchAnovaRow[];
  postHoc: PairwiseRow[];
}

/**
 * Runs CompNeuroPy's ANOVA pipeline on a data frame (columns or rows) with one factor: writes
 * the table, Levene's test, the ANOVA table (one-way, or Welch's when the variances differ) and
 * the post-hoc tests to `printFile`, saves them with `saveVariables` as
 * `anova_between_groups_equal_var_<group>`, `anova_between_groups_anova` and
 * `anova_between_groups_post_hoc` (JSON, in place of CompNeuroPy's pickles) in its folder, and
 * draws the box plot. N-way designs (several groups) are not supported and throw.
 *
 * @example
 * ```ts
 * anovaBetweenGroups({ rate: [...], model: [...] }, 'rate', ['model'], { printFile: 'stats/anova.txt', figPath: 'stats/box.png' });
 * ```
 */
export function anovaBetweenGroups(
  df: DataFrameLike,
  dv: string,
  groupList: readonly string[],
  options: AnovaBetweenGroupsOptions = {},
): AnovaBetweenGroupsResult {
  const fn = 'anovaBetweenGroups';
  const { printFile = './anova_between_groups.txt', figPath = './boxplot.png' } = options;
  if (!Array.isArray(groupList) || groupList.length !== 1) {
    throw new Error(`${fn}: groupList must name exactly one grouping column (N-way ANOVA is not supported), got ${JSON.stringify(groupList)}`);
  }
  const group = groupList[0]!;
  const groups = groupBy(df, dv, group); // checks the columns before anything is written
  const equal = levene(groups);
  const anova = equal.equal_var ? oneWayAnova(groups, group) : welchAnova(groups, group);
  const postHoc = pairwiseTTests(groups, group);

  const folder = printFile.includes('/') ? dirname(printFile) : '.';
  mkdirSync(folder, { recursive: true });
  writeFileSync(printFile, `${formatDf(df)}\n\n\n`);
  const section = (title: string, rows: readonly object[]): void =>
    appendFileSync(printFile, `${title}\n${formatDf(rows as Record<string, unknown>[])}\n\n\n`);
  section(`equal_var ${group}:`, [{ W: equal.W, pval: equal.pval, equal_var: equal.equal_var }]);
  section('ANOVA table:', anova);
  section('Post-hoc tests:', postHoc);
  saveVariables([[equal], anova, postHoc], [`anova_between_groups_equal_var_${group}`, 'anova_between_groups_anova', 'anova_between_groups_post_hoc'], folder);

  const cols = toColumns(fn, df);
  const values = cols[dv]!.map((y, i) => ({ [dv]: y, [group]: String(cols[group]![i]) }));
  const spec: VegaLiteSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Boxplot grouped by ${group}`,
    width: 1100,
    height: 700,
    data: { values },
    mark: { type: 'boxplot', extent: 1.5 },
    encoding: { x: { field: group, type: 'nominal' }, y: { field: dv, type: 'quantitative', scale: { zero: false } } },
  };
  writeFigure(figPath, spec, { width: 1200, height: 800, scale: 3 });
  return { equalVar: { [group]: equal }, anova, postHoc };
}
