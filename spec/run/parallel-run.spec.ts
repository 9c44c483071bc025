import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parallelRun } from '../../src/run/parallel-run.js';
import { runScriptParallel } from '../../src/run/run-script-parallel.js';

const module = pathToFileURL(resolve('spec/fixtures/run/noisy-network.ts')).href;
type Out = { idx: number; label: string; r: number[] };

describe('run/parallel-run (ANNarchy parallel_run) and runScriptParallel', function () {
  this.timeout(120000);

  it('parallelRun: per-run args and seeds; the worker pool gives the serial numbers; sameSeed repeats one run', async () => {
    const args = { drive: [0, 1, 2, 3, 4, 5], label: 'x' };
    const pooled = await parallelRun<Out>({ module, number: 6, args, seed: 11, runner: 'local' });
    const serial = await parallelRun<Out>({ module, number: 6, args, seed: 11, runner: 'serial' });
    expect(pooled.map((o) => o.idx)).to.deep.equal([0, 1, 2, 3, 4, 5]);
    expect(pooled.every((o) => o.label === 'x')).to.equal(true);
    expect(pooled.map((o) => o.r)).to.deep.equal(serial.map((o) => o.r));
    // the drive shows in the mean rate: tau dr/dt = -r + drive + noise, 20 ms = 2 tau
    const mean = (o: Out) => o.r.reduce((a, b) => a + b, 0) / o.r.length;
    expect(mean(pooled[5]!)).to.be.greaterThan(mean(pooled[0]!) + 3);
    const same = await parallelRun<Out>({ module, number: 3, args: { drive: 1, label: 'y' }, seed: 5, sameSeed: true, runner: 'serial' });
    expect(same[1]!.r).to.deep.equal(same[0]!.r);
    expect(same[2]!.r).to.deep.equal(same[0]!.r);
    const different = await parallelRun<Out>({ module, number: 2, args: { drive: 1, label: 'y' }, seed: 5, runner: 'serial' });
    expect(different[1]!.r).to.not.deep.equal(different[0]!.r);
    expect(different[0]!.r).to.deep.equal(same[0]!.r); // run 0 has seed 5 either way
  });

  it('parallelRun: bad input names the culprit', async () => {
    await parallelRun({ module, number: 0 }).then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.match(/number must be a positive integer/));
    await parallelRun({ module, number: 1, method: 'nope', runner: 'serial' }).then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.match(/has no function export "nope"/));
  });

  it('runScriptParallel runs every argument list n_total times; a failing run is reported with its arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsp-'));
    const out = join(dir, 'out.txt');
    await runScriptParallel('spec/fixtures/run/script.ts', 2, [`${out} a`, `${out} b`], 2);
    expect(readFileSync(out, 'utf8').trim().split('\n').sort()).to.deep.equal(['a', 'a', 'b', 'b']);
    await runScriptParallel('spec/fixtures/run/script.ts', 2, [`${out} fail`]).then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.match(/script.ts .* fail" exited with 3: asked to fail/));
  });
});
