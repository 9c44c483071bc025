// Runs the mocha suite with the JSON reporter and prints the closing line CI reads:
// "N passed, N failed" (mocha's own "N passing" summary is not read by CI).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const out = 'test-results.json';
rmSync(out, { force: true });
// mocha has no multi-reporter: run the JSON reporter into a file and echo readable lines ourselves.
const res = spawnSync('npx', ['mocha', '--reporter', 'json', '--reporter-option', `output=${out}`, ...process.argv.slice(2)], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
let passed = 0;
let failed = 0;
let pending = 0;
try {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  for (const t of r.passes) console.log(`  ok   ${t.fullTitle}`);
  for (const t of r.pending) console.log(`  skip ${t.fullTitle}`);
  for (const t of r.failures) console.log(`  FAIL ${t.fullTitle}\n       ${(t.err?.message ?? '').split('\n').join('\n       ')}`);
  passed = r.stats.passes;
  failed = r.stats.failures;
  pending = r.stats.pending;
} catch (e) {
  console.error(`could not read mocha results: ${e.message}`);
  failed = Math.max(failed, 1);
}
if (res.status !== 0 && failed === 0) failed = 1; // mocha crashed before reporting
console.log(pending > 0 ? `${passed} passed, ${failed} failed, ${pending} skipped` : `${passed} passed, ${failed} failed`);
// exitCode, not process.exit(): stdout may be a pipe, and exit() would drop unwritten lines
process.exitCode = failed > 0 ? 1 : 0;
