import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, type BenchRow } from './bench-utils.js';

/**
 * `npm start` (scripts/start.mjs) end to end in a fresh process (module loading, compile, 4 x 100000 steps with
 * monitors, four PNGs), as a user runs it. CompNeuroPy + ANNarchy 4.7.3: 24.7 s cold, 5 s warm.
 */
export function seedEndToEnd(repeats = 3): BenchRow[] {
  const root = new URL('..', import.meta.url).pathname;
  const ts: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const dir = mkdtempSync(join(tmpdir(), 'seed-bench-'));
    const t0 = performance.now();
    // what `npm start` runs, in a temporary working directory (npm itself would cd to the package)
    execFileSync(process.execPath, [join(root, 'scripts', 'start.mjs')], { cwd: dir, stdio: 'ignore' });
    ts.push((performance.now() - t0) / 1000);
    rmSync(dir, { recursive: true, force: true });
  }
  return [{ name: 'seed example end to end (npm start, 4 PNGs)', median: median(ts), unit: 's', note: 'target <= 3; CompNeuroPy+ANNarchy 24.7 cold, 5 warm' }];
}
