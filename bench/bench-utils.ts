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

/** A row's target as its note states it ("target <= 0.16", "target >= 1.7x ..."), if any. */
export function targetOf(row: BenchRow): { op: '<=' | '>=' | '<' | '>'; value: number } | undefined {
  const m = /\btarget:?\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)/.exec(row.note ?? '');
  return m ? { op: m[1] as '<=' | '>=' | '<' | '>', value: Number(m[2]) } : undefined;
}

/**
 * Whether the row's median meets its stated target: 'yes', 'NO', or '' when the note states no
 * comparable target (or the row failed to measure, median NaN: 'NO').
 */
export function targetMet(row: BenchRow): string {
  const t = targetOf(row);
  if (!t) return '';
  const x = row.median;
  const ok = t.op === '<=' ? x <= t.value : t.op === '>=' ? x >= t.value : t.op === '<' ? x < t.value : x > t.value;
  return ok ? 'yes' : 'NO';
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(3));

/** Print rows as an aligned table, with a column saying whether each stated target is met. */
export function printTable(rows: BenchRow[]): void {
  const cells = rows.map((r) => [r.name, fmt(r.median), r.unit, targetMet(r), r.note ?? '']);
  const head = ['benchmark', 'median', 'unit', 'met', 'target / comparison'];
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 1 ? x.padStart(w[i]!) : x.padEnd(w[i]!))).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const c of cells) console.log(line(c));
}

/** The rows as a Markdown table (for the README's benchmark section), with a heading line. */
export function markdownTable(rows: BenchRow[], heading: string): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [heading, '', '| benchmark | median | unit | target met | target / comparison |', '|---|---|---|---|---|'];
  for (const r of rows) out.push(`| ${esc(r.name)} | ${fmt(r.median)} | ${esc(r.unit)} | ${targetMet(r)} | ${esc(r.note ?? '')} |`);
  return out.join('\n') + '\n';
}
