import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Queue, QueueEvents } from 'bullmq';
import { QueueRunner } from '../../src/run/queue-runner.js';
import { SerialRunner } from '../../src/run/serial-runner.js';
import { evaluateAll } from '../../src/run/runner.js';
import { redisConnection } from '../../src/run/redis-connection.js';
import type { Logbook } from '../../src/fit/logbook.js';
import { main as fromNeuron } from '../../examples/opt-neuron/run-opt-neuron-from-neuron.js';

const REDIS_URL = process.env.REDIS_URL;
const module = pathToFileURL(resolve('spec/fixtures/run/leaky-evaluator.ts')).href;
type Out = { r: number[] };

/** Starts `compneuro-rx worker` (the CLI under tsx) and resolves once it listens. */
function startWorker(queue: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/run/cli.ts', 'worker', '--redis', REDIS_URL!, '--queue', queue, '--lock-duration', '2000', '--stalled-interval', '1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((res, rej) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening')) res(child);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => rej(new Error(`worker exited (${code}) before listening: ${out}`)));
  });
}

describe('run/queue-runner (BullMQ on Redis)', function () {
  this.timeout(180000);
  const workers: ChildProcess[] = [];
  const queue = `spec-${randomUUID()}`;
  let runner: QueueRunner;

  before(async function () {
    if (!REDIS_URL) {
      console.log('    (skipped: REDIS_URL is not set; .ci/run starts redis-server and sets it)');
      this.skip();
    }
    runner = new QueueRunner({ redis: REDIS_URL!, queue, batchSize: 2 });
    workers.push(...(await Promise.all([startWorker(queue), startWorker(queue)])));
  });

  after(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGTERM');
    await runner?.close();
    if (REDIS_URL) {
      const connection = redisConnection(REDIS_URL);
      const q = new Queue(queue, { connection });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
      connection.disconnect();
    }
  });

  it('two workers, one killed mid-run: the result equals an undisturbed serial run', async () => {
    const tasks = Array.from({ length: 16 }, (_, i) => ({ a: [1 + i * 0.1, 0.5], I: 1 + (i % 3), sleepMs: 250 }));
    const eventsConnection = redisConnection(REDIS_URL!);
    const events = new QueueEvents(queue, { connection: eventsConnection });
    const added = new Set<string>();
    const stalled: string[] = [];
    events.on('added', ({ jobId }) => added.add(jobId));
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();
    const serial = await evaluateAll<unknown, unknown, Out>(new SerialRunner(), { module, setup: { size: 2 } }, tasks.map((t) => ({ ...t, sleepMs: 0 })));
    let killed = false;
    const results: Out[] = new Array(tasks.length);
    await new Promise<void>((res, rej) => {
      runner.evaluate$<unknown, unknown, Out>({ module, setup: { size: 2 } }, tasks).subscribe({
        next: (e) => {
          results[e.index] = e.result;
          if (e.done === 3 && !killed) {
            killed = true;
            workers[0]!.kill('SIGKILL'); // mid-task: it holds a locked job
          }
        },
        error: rej,
        complete: res,
      });
    });
    expect(killed).to.equal(true);
    expect(workers[0]!.signalCode).to.equal('SIGKILL');
    expect(results.map((o) => o.r)).to.deep.equal(serial.map((o) => o.r));
    // 16 tasks in jobs of 2: 8 jobs, the killed worker's job retried whole by the other worker
    await events.close();
    eventsConnection.disconnect(); // BullMQ leaves a connection it was given open
    expect(added.size).to.equal(8);
    expect(stalled.length).to.be.at.least(1);
    expect([...added]).to.include.members(stalled);
  });

  it('OptNeuron over two queue workers (one job per worker per generation) gives the serial run\'s candidates and losses', async () => {
    const cwd = process.cwd();
    const log = console.log;
    process.chdir(mkdtempSync(join(tmpdir(), 'opt-queue-')));
    console.log = () => {};
    try {
      const serial = await fromNeuron({ seed: 7, runner: 'serial', maxEvals: 60, resultsFileName: 'serial' });
      const queued = await fromNeuron({ seed: 7, runner, maxEvals: 60, resultsFileName: 'queued' });
      expect(queued.fit.deap_pop).to.deep.equal(serial.fit.deap_pop);
      expect((queued.fit.logbook as Logbook).records).to.deep.equal((serial.fit.logbook as Logbook).records);
      expect(queued.opt.lossHistory.map((h) => h[0])).to.deep.equal(serial.opt.lossHistory.map((h) => h[0]));
      expect([queued.fit.a, queued.fit.b, queued.fit.loss]).to.deep.equal([serial.fit.a, serial.fit.b, serial.fit.loss]);
    } finally {
      console.log = log;
      process.chdir(cwd);
    }
  });

  it('a worker that cannot build the model fails the run naming the module (no retries)', async () => {
    try {
      await evaluateAll(runner, { module, setup: { size: 2, fail: true } }, [{ a: [1, 1], I: 1 }]);
      expect.fail('should throw');
    } catch (e) {
      expect((e as Error).message).to.match(/could not build the model from module ".*leaky-evaluator.ts": createEvaluator\(setup\) threw: cannot build/);
    }
  });

  it('a throwing evaluation is reported with its task index after the retries', async () => {
    const r = new QueueRunner({ redis: REDIS_URL!, queue, attempts: 2 });
    try {
      await evaluateAll(r, { module, setup: { size: 2 } }, [{ a: [1, 1], I: 1 }, { a: [2, 2], I: 1, throwIt: true }]);
      expect.fail('should throw');
    } catch (e) {
      expect((e as Error).message).to.match(/task 1 of module .* failed: loss is NaN for a = 2,2/);
    } finally {
      await r.close();
    }
  });
});

describe('run/queue-runner without Redis', () => {
  it('an unreachable Redis is an error naming the URL', async () => {
    const r = new QueueRunner({ redis: 'redis://127.0.0.1:1', queue: 'x' });
    try {
      await evaluateAll(r, { module, setup: {} }, [1]);
      expect.fail('should throw');
    } catch (e) {
      expect((e as Error).message).to.match(/QueueRunner: Redis not reachable at redis:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/);
    } finally {
      await r.close();
    }
  });

  it('rejects bad options naming them', () => {
    expect(() => new QueueRunner({} as never)).to.throw(/"redis"/);
    expect(() => new QueueRunner({ redis: 'redis://x', attempts: 0 })).to.throw(/attempts/);
    expect(() => new QueueRunner({ redis: 'redis://x', batchSize: 1.5 })).to.throw(/QueueRunner: batchSize must be a positive integer, got 1.5/);
  });
});
