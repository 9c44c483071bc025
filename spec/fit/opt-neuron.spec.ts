import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OptNeuron } from '../../src/fit/opt-neuron.js';
import { LocalPoolRunner } from '../../src/run/local-pool-runner.js';
import type { ProgressInfo } from '../../src/engine/progress.js';
import { problem as dataProblem } from '../../examples/opt-neuron/run-opt-neuron-from-data.js';
import { complexNeuron, problem as neuronProblem } from '../../examples/opt-neuron/run-opt-neuron-from-neuron.js';

describe('fit/opt-neuron (CompNeuroPy OptNeuron)', function () {
  this.timeout(120000);
  const cwd = process.cwd();
  let log: typeof console.log;
  beforeEach(() => {
    process.chdir(mkdtempSync(join(tmpdir(), 'opt-neuron-')));
    log = console.log;
    console.log = () => {};
  });
  afterEach(() => {
    console.log = log;
    process.chdir(cwd);
  });

  it('method "hyperopt" (TPE) improves on its random start-up trials and returns the best trial', async () => {
    const progress: ProgressInfo[] = [];
    let completed = 0;
    const opt = new OptNeuron({ ...dataProblem, method: 'hyperopt', seed: 3, displayProgressBar: { next: (p) => progress.push(p), complete: () => completed++ } });
    expect(opt.popsize).to.equal(1);
    const fit = await opt.run({ maxEvals: 120 });
    // hyperopt's progress bar: one report per trial with the best loss so far
    expect(progress.map((p) => p.done)).to.deep.equal(Array.from({ length: 121 }, (_, i) => i));
    expect(progress.every((p) => p.unit === 'trial' && p.total === 120)).to.equal(true);
    expect(progress.at(-1)!.detail).to.equal(`best loss: ${Math.min(...opt.lossHistory.map((h) => h[0])).toFixed(5)}`);
    expect(completed).to.equal(1);
    const startup = Math.min(...opt.lossHistory.slice(0, 20).map((h) => h[0]));
    expect(opt.lossHistory.length).to.equal(120);
    expect(fit.loss).to.be.below(startup);
    expect(fit.loss).to.equal(Math.min(...opt.lossHistory.map((h) => h[0])));
  });

  it('"sbi" and "bads" are not available, naming the alternatives', () => {
    expect(() => new OptNeuron({ ...dataProblem, method: 'sbi' })).to.throw(/method "sbi" is not available.*use method "deap" \(CMA-ES\) or "hyperopt" \(TPE\)/);
    expect(() => new OptNeuron({ ...dataProblem, method: 'bads' })).to.throw(/method "bads" is not available/);
  });

  it('a module without the problem fails the run before any thread starts; pool threads that cannot build the model fail it too', async () => {
    const module = new URL('../../examples/opt-neuron/run-opt-neuron-from-data.ts', import.meta.url).href;
    expect(() => new OptNeuron({ ...dataProblem, module, splitGeneration: 'yes' as never })).to.throw(/splitGeneration must be 'auto', true or false, got "yes"/);
    // 'auto' would not start threads for 3 generations: the module is checked in this thread
    const opt = new OptNeuron({ ...dataProblem, seed: 0, module, exportName: 'noSuchProblem', runner: 'local', displayProgressBar: false });
    const e = await opt.run({ maxEvals: 3 }).then(() => undefined, (x: Error) => x);
    expect(e?.message).to.match(/^OptNeuron: option "module": module ".*run-opt-neuron-from-data.ts" has no OptNeuron problem export "noSuchProblem"$/);
    // a problem that builds here but not in the threads: the forced split fails naming the thread's reason
    const broken = new URL('../fixtures/fit/thread-broken-problem.ts', import.meta.url).href;
    const split = new OptNeuron({ ...dataProblem, seed: 0, module: broken, runner: 'local', splitGeneration: true, displayProgressBar: false });
    const f = await split.run({ maxEvals: 3 }).then(() => undefined, (x: Error) => x);
    expect(f?.message).to.match(/could not build the model from module ".*opt-neuron-evaluator.*": createEvaluator\(setup\) threw: .*no_such_symbol/);
  });

  it('a fit that ends while the pool threads still build returns without waiting for their builds', async () => {
    const module = new URL('../fixtures/fit/thread-slow-problem.ts', import.meta.url).href;
    const pool = new LocalPoolRunner({ threads: 2 });
    try {
      // popsize 100, at most 1000 generations: 'auto' wants the threads, CMA-ES converges after ~15
      const opt = new OptNeuron({ ...neuronProblem, seed: 7, module, runner: pool, displayProgressBar: false, cmaParamsDict: { lambda_: 100 } });
      const t0 = performance.now();
      const fit = await opt.run({ maxEvals: 1000 });
      const ms = performance.now() - t0;
      expect(opt.lossHistory.length).to.be.below(100);
      expect(pool.threadsStarted).to.equal(true);
      expect(opt.splitDecisions).to.deep.equal([]); // the threads were never ready
      expect(ms).to.be.below(4500); // the threads' imports alone take 6 s
      expect(Number.isFinite(fit.loss)).to.equal(true);
    } finally {
      const t1 = performance.now();
      await pool.close(); // waits for the builds, then stops the threads
      expect(performance.now() - t1).to.be.above(1000);
    }
  });

  it('a script that awaits its own fit at top level (module: import.meta.url, the local pool) finishes', function () {
    const script = fileURLToPath(new URL('../fixtures/fit/top-level-await-fit.ts', import.meta.url));
    // tsx as the repository resolves it: this test's cwd is a temporary folder (where the fit writes)
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const r = spawnSync(process.execPath, ['--import', tsx, script, join(process.cwd(), 'tla-fit')], { encoding: 'utf8', timeout: 60000 });
    // exit code 13: the top-level await never settled (run() waited for the script's own import)
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout.trim()).to.equal('fit done true');
  });

  it('bad input names the culprit', async () => {
    expect(() => new OptNeuron({ ...dataProblem, targetNeuronModel: complexNeuron })).to.throw(/Either provide results_soll or target_neuron_model, not both/);
    expect(() => new OptNeuron({ ...dataProblem, resultsSoll: undefined })).to.throw(/Either provide results_soll or target_neuron_model$/);
    expect(() => new OptNeuron({ ...dataProblem, variablesBounds: { a: [1, 1], b: [0, 2] } })).to.throw(/variablesBounds.a = \[1, 1\] has no range/);
    expect(() => new OptNeuron({ ...dataProblem, variablesBounds: { a: [1, 'x'] as never } })).to.throw(/variablesBounds.a must be \[lower, upper\]/);
    expect(() => new OptNeuron({ ...dataProblem, runner: 'local' })).to.throw(/runner "local" needs "module"/);
    expect(() => new OptNeuron({ ...dataProblem, getLossFunction: () => { throw new Error('shape mismatch'); } })).to.throw(/not compatible: .*threw for candidate 0 \(a=-50, b=-50\): shape mismatch/);
    let calls = 0;
    const opt = new OptNeuron({ ...dataProblem, seed: 0, displayProgressBar: false, getLossFunction: (ist, soll) => (++calls > 3 ? NaN : dataProblem.getLossFunction(ist, soll)) });
    await opt.run({ maxEvals: 5 }).then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.match(/get_loss_function returned null \(NaN\) for candidate \d \(a=.*, b=.*\)/));
  });
});
