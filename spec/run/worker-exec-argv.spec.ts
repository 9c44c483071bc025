import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerExecArgv } from '../../src/run/worker-exec-argv.js';

describe('run/worker-exec-argv', function () {
  this.timeout(60000);

  it('leaves a JavaScript worker to inherit the flags', () => {
    expect(workerExecArgv('/x/pool-worker.js', ['--max-old-space-size=4000'])).to.equal(undefined);
  });

  it('hands on the module-loading flags only, with tsx resolved from the package', () => {
    const out = workerExecArgv('/x/pool-worker.ts', ['--max-old-space-size=4000', '--expose-gc', '--stack-size', '2000', '--import', 'tsx', '--conditions=dev', '--perf-basic-prof', '--enable-source-maps'])!;
    expect(out).to.have.length(3);
    expect(out[0]).to.match(/^--import=file:\/\/.*tsx/);
    expect(out.slice(1)).to.deep.equal(['--conditions=dev', '--enable-source-maps']);
    // no tsx among the flags (a loader registered otherwise): tsx is added
    expect(workerExecArgv('/x/pool-worker.ts', ['--expose-gc'])).to.have.length(1);
    expect(workerExecArgv('/x/pool-worker.ts', ['--import=tsx/esm'])).to.deep.equal(['--import=tsx/esm']);
  });

  it('a pool from the sources works under process-wide flags (V8 flags, --title), which threads reject', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exec-argv-'));
    try {
      const script = join(dir, 'pool.mts'); // ESM outside the package (top-level await)
      const src = (p: string) => JSON.stringify(pathToFileURL(resolve(p)).href);
      writeFileSync(
        script,
        [
          `import { LocalPoolRunner } from ${src('src/run/local-pool-runner.ts')};`,
          `import { evaluateAll } from ${src('src/run/runner.ts')};`,
          'const pool = new LocalPoolRunner({ threads: 1 });',
          `const out = await evaluateAll(pool, { module: ${src('spec/fixtures/run/leaky-evaluator.ts')}, setup: { size: 1 } }, [{ a: [1], I: 2 }]);`,
          'await pool.close();',
          'console.log(JSON.stringify({ n: out.length, argv: process.execArgv }));',
        ].join('\n'),
      );
      const res = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=512', '--expose-gc', '--title=compneuro-rx-spec', '--import', 'tsx', script], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as { n: number; argv: string[] };
      expect(res.n).to.equal(1);
      expect(res.argv).to.include('--expose-gc');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
