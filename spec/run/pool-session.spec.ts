import { expect } from 'chai';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { LocalPoolRunner } from '../../src/run/local-pool-runner.js';
import { EvaluationError, evaluateAll } from '../../src/run/runner.js';

const module = pathToFileURL(resolve('spec/fixtures/run/leaky-chunk-evaluator.ts')).href;
const job = { module, setup: { size: 3 } };
// tau dr/dt = -r + a (I = 1), 500 Euler steps of 0.1 ms: r = a (1 - (1 - 0.01)^500)
const analytic = (a: number) => a * (1 - 0.99 ** 500);

describe('run/pool-session (shared-memory fast path of the local pool)', function () {
  this.timeout(60000);

  it('evaluates one chunk per thread per call, the analytic values, many calls in a row; then the pool takes messages again', async () => {
    const pool = new LocalPoolRunner({ threads: 2 });
    try {
      const session = await pool.openSession(job, { inputCapacity: 3, outputCapacity: 3 });
      for (let g = 0; g < 20; g++) {
        const chunks = [Float64Array.of(1 + g, 2, 3), Float64Array.of(0.5, g)];
        const out = await session.evaluate(chunks);
        expect(out.map((o) => o.length)).to.deep.equal([3, 2]);
        out.forEach((o, c) => o.forEach((v, i) => expect(v).to.be.closeTo(analytic(chunks[c]![i]!), 1e-12)));
      }
      expect(session.ready).to.equal(true);
      await session.close();
      const closed = await session.evaluate([Float64Array.of(1)]).then(() => '', (x: Error) => x.message);
      expect(closed).to.equal('PoolSession: the session is closed');
      // the threads are free again (and kept their model)
      const r = await evaluateAll<unknown, Float64Array, Float64Array>(pool, job, [Float64Array.of(2)]);
      expect(r[0]![0]).to.be.closeTo(analytic(2), 1e-12);
    } finally {
      await pool.close();
    }
  });

  it('a throwing evaluation rejects the call with an EvaluationError naming the chunk; bad sizes are named', async () => {
    const pool = new LocalPoolRunner({ threads: 2 });
    try {
      const session = await pool.openSession(job, { inputCapacity: 3, outputCapacity: 3 });
      const big = await session.evaluate([new Float64Array(4)]).then(() => undefined, (x: Error) => x.message);
      expect(big).to.match(/PoolSession: a chunk of 4 values exceeds the session's inputCapacity 3/);
      const e = await session.evaluate([Float64Array.of(1), Float64Array.of(NaN)]).then(() => undefined, (x: unknown) => x);
      expect(e).to.be.instanceOf(EvaluationError);
      expect((e as EvaluationError).taskIndex).to.equal(1);
      expect((e as Error).message).to.match(/^task 1 of module ".*leaky-chunk-evaluator.ts" failed: drive is NaN in thread \d+$/);
      // a failed session stays failed: later calls get the same error
      const again = await session.evaluate([Float64Array.of(1)]).then(() => undefined, (x: unknown) => x);
      expect(again).to.equal(e);
      await session.close();
      const cap = await pool.openSession(job, { inputCapacity: 0, outputCapacity: 1 }).then(() => '', (x: Error) => x.message);
      expect(cap).to.equal('LocalPoolRunner.openSession: inputCapacity must be a positive integer, got 0');
      const slots = await pool.openSession(job, { slots: 3, inputCapacity: 1, outputCapacity: 1 }).then(() => '', (x: Error) => x.message);
      expect(slots).to.match(/slots must be an integer from 1 to the pool's 2 threads, got 3/);
      const many = await pool.openSession(job, { slots: 1, inputCapacity: 1, outputCapacity: 1 });
      const two = await many.evaluate([Float64Array.of(1), Float64Array.of(2)]).then(() => '', (x: Error) => x.message);
      expect(two).to.match(/2 chunks for 1 threads; at most one chunk per thread/);
      // close() of the pool closes an open session (its thread would otherwise wait forever)
    } finally {
      await pool.close();
    }
  });
});
