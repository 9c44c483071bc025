/** One row of the bench table. */
export interface BenchRow {
  name: string;
  median: number;
  unit: string;
  /** Target or comparison, e.g. "target <= 100; ANNarchy 106". */
  note?: string;
}

/** Median of some numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Run `fn` `reps` times (after one warm-up) and return the median wall time in ms. */
export function timeMs(fn: () => void, reps = 5, warmup = 1): number {
  for (let k = 0; k < warmup; k++) fn();
  const ts: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** Print rows as an aligned table. */
export function printTable(rows: BenchRow[]): void {
  const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(3));
  const cells = rows.map((r) => [r.name, fmt(r.median), r.unit, r.note ?? '']);
  const head = ['benchmark', 'median', 'unit', 'target / comparison'];
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 1 ? x.padStart(w[i]!) : x.padEnd(w[i]!))).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const c of cells) console.log(line(c));
}
