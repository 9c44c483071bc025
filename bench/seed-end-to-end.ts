import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, type BenchRow } from './bench-utils.js';

const root = new URL('..', import.meta.url).pathname;

/** Wall seconds of `run()`, `repeats` times after one warm-up run (which fills caches). */
function seconds(run: () => void, repeats: number): number {
  run();
  const ts: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    run();
    ts.push((performance.now() - t0) / 1000);
  }
  return median(ts);
}

/**
 * Start-up as a user meets it: `import 'compneuro-rx'` from the built package in a fresh Node
 * process, and `npm start` end to end (npm, module loading, compile, 4 x 100000 steps with
 * monitors, four PNGs). CompNeuroPy + ANNarchy 4.7.3: 24.7 s cold, 5 s warm.
 */
export function seedEndToEnd(repeats = 3): BenchRow[] {
  const index = join(root, 'dist', 'src', 'index.js');
  if (!existsSync(index) || statSync(index).mtimeMs < statSync(join(root, 'src', 'index.ts')).mtimeMs) {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }
  const importS = seconds(() => execFileSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(index)})`], { stdio: 'ignore' }), repeats + 2);
  const dir = mkdtempSync(join(tmpdir(), 'seed-bench-'));
  // npm start runs in the package folder; --prefix points npm there, PNGs land in the repository root
  const startS = seconds(() => execFileSync('npm', ['start', '--silent', '--prefix', root], { cwd: dir, stdio: 'ignore' }), repeats);
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: "import 'compneuro-rx' (built package, fresh process)", median: importS, unit: 's', note: 'target <= 0.3 (was 1.5-1.8)' },
    { name: 'npm start (seed example end to end, 4 PNGs)', median: startS, unit: 's', note: 'target <= 1.0 (was 2.0-2.7); CompNeuroPy+ANNarchy 24.7 cold, 5 warm' },
  ];
}
