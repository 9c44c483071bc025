import { expect } from 'chai';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { lastValueFrom, take, toArray } from 'rxjs';
import { LocalPoolRunner } from '../../src/run/local-pool-runner.js';
import { SerialRunner } from '../../src/run/serial-runner.js';
import { evaluateAll, EvaluationError } from '../../src/run/runner.js';

const module = pathToFileURL(resolve('spec/fixtures/run/leaky-evaluator.ts')).href;
type Out = { r: number[]; builds: number; threadId: number };
const tasks = Array.from({ length: 24 }, (_, i) => ({ a: [1 + i * 0.1, 2 - i * 0.05, 0.5], I: i % 5 }));

describe('run/local-pool-runner (piscina)', function () {
  this.timeout(60000);
  let pool: LocalPoolRunner;
  before(() => { pool = new LocalPoolRunner({ threads: 2 }); });
  after(async () => { await pool.close(); });

  it('gives the same results as the serial runner, in task order, building the model once per thread', async () => {
    const serial = await evaluateAll<unknown, unknown, Out>(new SerialRunner(), { module, setup: { size: 3 } }, tasks);
    const pooled = await evaluateAll<unknown, unknown, Out>(pool, { module, setup: { size: 3 } }, tasks);
    expect(pooled.map((o) => o.r)).to.deep.equal(serial.map((o) => o.r));
    // analytic check of one task: r(t) = a I (1 - exp(-t/tau)) after 500 Euler steps
    const r = tasks[7]!.a.map((a) => { let x = 0; for (let k = 0; k < 500; k++) x += (0.1 / 10) * (-x + a * tasks[7]!.I); return x; });
    pooled[7]!.r.forEach((v, j) => expect(v).to.be.closeTo(r[j]!, 1e-12));
    const threads = new Set(pooled.map((o) => o.threadId));
    expect(threads.size).to.be.at.most(2);
    expect(Math.max(...pooled.map((o) => o.builds))).to.equal(1);
  });

  it('batches of tasks (one message each) give the serial results; a failing task of a batch is named by its index', async () => {
    const serial = await evaluateAll<unknown, unknown, Out>(new SerialRunner(), { module, setup: { size: 3 } }, tasks);
    const batched = new LocalPoolRunner({ threads: 2, batchSize: 5 });
    try {
      const events = await lastValueFrom(batched.evaluate$<unknown, unknown, Out>({ module, setup: { size: 3 } }, tasks).pipe(toArray()));
      expect(events.map((e) => e.done)).to.deep.equal(Array.from({ length: 24 }, (_, i) => i + 1));
      const out = new Array<Out>(24);
      for (const e of events) out[e.index] = e.result;
      expect(out.map((o) => o.r)).to.deep.equal(serial.map((o) => o.r));
      // 24 tasks in batches of 5: the fourth task of the second batch is task 8
      const bad = tasks.map((t, i) => (i === 8 ? { ...t, throwIt: true } : t));
      const e = await evaluateAll(batched, { module, setup: { size: 3 } }, bad).then(() => undefined, (x: unknown) => x);
      expect(e).to.be.instanceOf(EvaluationError);
      expect((e as EvaluationError).taskIndex).to.equal(8);
      expect((e as Error).message).to.match(/^task 8 of module ".*leaky-evaluator.ts" failed: loss is NaN for a = 1.8,1.6,0.5$/);
    } finally {
      await batched.close();
    }
    expect(() => new LocalPoolRunner({ threads: 1, batchSize: 0 })).to.throw(/LocalPoolRunner: batchSize must be a positive integer, got 0/);
  });

  it('a throwing evaluation errors with the task index and the module', async () => {
    const bad = tasks.slice(0, 6).map((t, i) => (i === 4 ? { ...t, throwIt: true } : t));
    try {
      await evaluateAll(pool, { module, setup: { size: 3 } }, bad);
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(EvaluationError);
      expect((e as Error).message).to.match(/task 4 of module ".*leaky-evaluator.ts" failed: loss is NaN for a = /);
    }
  });

  it('starts its threads on first use; a closed pool rejects work, naming the pool', async () => {
    const lazy = new LocalPoolRunner({ threads: 2 });
    expect(lazy.threadsStarted).to.equal(false);
    expect(lazy.concurrency).to.equal(2);
    const out = await evaluateAll<unknown, unknown, Out>(lazy, { module, setup: { size: 3 } }, tasks.slice(0, 2));
    expect(out).to.have.length(2);
    expect(lazy.threadsStarted).to.equal(true);
    await lazy.close();
    const unused = new LocalPoolRunner({ threads: 2 });
    await unused.close();
    expect(unused.threadsStarted).to.equal(false);
    for (const closed of [lazy, unused]) {
      const e = await evaluateAll(closed, { module, setup: { size: 3 } }, tasks.slice(0, 1)).then(() => undefined, (x: Error) => x);
      expect(e?.message).to.match(/LocalPoolRunner: the pool is closed/);
    }
  });

  it('a worker that cannot build the model errors naming the module and the reason', async () => {
    try {
      await evaluateAll(pool, { module, setup: { size: 3, fail: true } }, tasks.slice(0, 2));
      expect.fail('should throw');
    } catch (e) {
      expect((e as Error).message).to.match(/could not build the model from module ".*leaky-evaluator.ts": createEvaluator\(setup\) threw: cannot build: unknown neuron model "Nope"/);
    }
    try {
      await evaluateAll(pool, { module: module.replace('leaky', 'missing'), setup: {} }, [1]);
      expect.fail('should throw');
    } catch (e) {
      expect((e as Error).message).to.match(/missing-evaluator.ts.*import failed/);
    }
  });

  it('evaluate$ emits one event per task and stops on unsubscribe', async () => {
    const slow = tasks.slice(0, 10).map((t) => ({ ...t, sleepMs: 30 }));
    const events = await lastValueFrom(pool.evaluate$({ module, setup: { size: 3 } }, slow).pipe(take(3), toArray()));
    expect(events.map((e) => e.done)).to.deep.equal([1, 2, 3]);
    // the pool is free again: a new job runs
    const after = await evaluateAll<unknown, unknown, Out>(pool, { module, setup: { size: 3 } }, tasks.slice(0, 2));
    expect(after.length).to.equal(2);
  });
});
