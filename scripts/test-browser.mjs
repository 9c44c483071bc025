// npm run test:browser: the end-to-end tests in spec/browser/*.e2e.ts (Debian's Chromium driven by
// playwright-core), outside the unit-test glob. Prints the closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`Chromium is missing at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1; // not exit(): stdout may be a pipe
} else {
  // --no-config: .mocharc.json's unit-test spec glob would otherwise be added to ours.
  const args = ['scripts/run-tests.mjs', '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--timeout', '180000',
    ...(process.argv.length > 2 ? process.argv.slice(2) : ['spec/browser/**/*.e2e.ts'])];
  const res = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exitCode = res.status ?? 1;
}
