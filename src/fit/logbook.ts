/**
 * DEAP's `tools.Logbook` as DeapCma fills it: one record per generation with the statistics of
 * the population's losses.
 */

/** One generation's statistics (DEAP's `Statistics` with avg/std/min/max). */
export interface LogbookRecord {
  readonly gen: number;
  readonly nevals: number;
  readonly avg: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Records of an optimisation; `select('min')` returns one column.
 *
 * @example
 * ```ts
 * result.logbook.select('min');   // best loss per generation
 * ```
 */
export class Logbook {
  readonly header = ['gen', 'nevals', 'avg', 'std', 'min', 'max'] as const;
  readonly records: LogbookRecord[] = [];

  /** Append one generation's record (DEAP's `logbook.record(**record)`). */
  record(r: LogbookRecord): void {
    this.records.push(r);
  }

  /** One column over all generations (DEAP's `logbook.select(key)`). */
  select<K extends keyof LogbookRecord>(key: K): number[] {
    return this.records.map((r) => r[key]);
  }

  get length(): number {
    return this.records.length;
  }
}

/**
 * numpy's mean/std/min/max of a population's losses (std with ddof 0).
 *
 * @example
 * ```ts
 * lossStatistics([1, 2, 3]);   // { avg: 2, std: 0.816..., min: 1, max: 3 }
 * ```
 */
export function lossStatistics(losses: readonly number[]): { avg: number; std: number; min: number; max: number } {
  const n = losses.length;
  let s = 0;
  for (const v of losses) s += v;
  const avg = s / n;
  let q = 0;
  for (const v of losses) q += (v - avg) ** 2;
  let min = Infinity;
  let max = -Infinity;
  for (const v of losses) {
    if (v < min || Number.isNaN(v)) min = v;
    if (v > max || Number.isNaN(v)) max = v;
  }
  return { avg, std: Math.sqrt(q / n), min, max };
}
