/**
 * Evaluations through a BullMQ queue on Redis: any number of worker processes on any machines
 * (`compneuro-rx worker --redis URL --queue NAME`) take tasks; a worker killed mid-task loses
 * nothing (its lock expires, the task is retried elsewhere).
 */
import type { Queue, QueueEvents, Job } from 'bullmq';
import { bullmq } from './lazy-deps.js';
import { Observable } from 'rxjs';
import type { Redis } from 'ioredis';
import { checkRedis, redisConnection } from './redis-connection.js';
import { batchError, checkBatchSize, checkJob, defaultBatchSize, type EvaluationJob, type Runner, type RunnerEvent } from './runner.js';

/** Options of {@link QueueRunner}. */
export interface QueueRunnerOptions {
  /** Redis URL, e.g. `redis://127.0.0.1:6379`. */
  redis: string;
  /** Queue name (workers must use the same); default `compneuro-rx`. */
  queue?: string;
  /** Attempts per task (retries after a failure); default 3. */
  attempts?: number;
  /** How many tasks are expected to run at once (how finely fits split a generation); default 2. */
  concurrency?: number;
  /**
   * Tasks per queued job; default a few jobs per worker (`ceil(tasks / (4 x concurrency))`), so that
   * short evaluations do not pay Redis round trips each. A killed worker's job is retried whole.
   */
  batchSize?: number;
}

/** The data of one queued job: a batch of tasks (JSON: typed arrays travel as plain arrays). */
export interface QueueTaskData {
  readonly module: string;
  readonly exportName?: string;
  readonly setup: unknown;
  readonly tasks: readonly unknown[];
  /** Index of the batch's first task in the run. */
  readonly index: number;
}

/**
 * Typed arrays as plain arrays (JSON would turn them into objects keyed by index).
 *
 * @example
 * ```ts
 * jsonFriendly(Float64Array.of(1, 2)); // [1, 2]
 * ```
 */
export function jsonFriendly(x: unknown): unknown {
  return ArrayBuffer.isView(x) && !(x instanceof DataView) ? Array.from(x as unknown as ArrayLike<number>) : x;
}

/**
 * BullMQ queue runner.
 *
 * @example
 * ```ts
 * const runner = new QueueRunner({ redis: 'redis://127.0.0.1:6379', queue: 'fit' });
 * const losses = await evaluateAll(runner, { module: url, setup }, tasks);
 * await runner.close();
 * ```
 */
export class QueueRunner implements Runner {
  readonly kind = 'queue';
  readonly concurrency: number;
  readonly redis: string;
  readonly queueName: string;
  private readonly attempts: number;
  private readonly batchSize: number | undefined;
  private ready: Promise<{ queue: Queue; events: QueueEvents }> | undefined;
  /** BullMQ leaves connections it was given open: they are closed here. */
  private connections: Redis[] = [];

  constructor(options: QueueRunnerOptions) {
    if (!options || typeof options.redis !== 'string') throw new Error('QueueRunner: option "redis" (a URL like redis://host:6379) is required');
    this.redis = options.redis;
    this.queueName = options.queue ?? 'compneuro-rx';
    this.attempts = options.attempts ?? 3;
    this.concurrency = options.concurrency ?? 2;
    if (!Number.isInteger(this.attempts) || this.attempts < 1) throw new Error(`QueueRunner: attempts must be a positive integer, got ${String(options.attempts)}`);
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) throw new Error(`QueueRunner: concurrency must be a positive integer, got ${String(options.concurrency)}`);
    checkBatchSize(options.batchSize, 'QueueRunner');
    this.batchSize = options.batchSize;
  }

  private connect(): Promise<{ queue: Queue; events: QueueEvents }> {
    this.ready ??= (async () => {
      await checkRedis(this.redis, 'QueueRunner');
      const [qc, ec] = [redisConnection(this.redis), redisConnection(this.redis)];
      this.connections.push(qc, ec);
      const queue = new (bullmq().Queue)(this.queueName, { connection: qc });
      const events = new (bullmq().QueueEvents)(this.queueName, { connection: ec });
      // one waitUntilFinished listener per task in flight
      queue.setMaxListeners(0);
      events.setMaxListeners(0);
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
      return { queue, events };
    })();
    this.ready.catch(() => {
      this.ready = undefined;
    });
    return this.ready;
  }

  evaluate$<S, T, R>(job: EvaluationJob<S>, tasks: readonly T[]): Observable<RunnerEvent<R>> {
    checkJob(job, 'QueueRunner');
    return new Observable<RunnerEvent<R>>((subscriber) => {
      let stopped = false;
      let added: Job[] = [];
      (async () => {
        const { queue, events } = await this.connect();
        if (stopped) return;
        // the Web Crypto global: importing node:crypto cost ~5 ms of every `import 'compneuro-rx'`
        const run = globalThis.crypto.randomUUID();
        const size = this.batchSize ?? defaultBatchSize(tasks.length, this.concurrency);
        const firsts = Array.from({ length: Math.ceil(tasks.length / size) }, (_, b) => b * size);
        added = await queue.addBulk(
          firsts.map((index) => ({
            name: 'evaluate',
            data: { module: job.module, exportName: job.exportName, setup: job.setup, tasks: tasks.slice(index, index + size).map(jsonFriendly), index } satisfies QueueTaskData,
            opts: { jobId: `${run}-${index}`, attempts: this.attempts, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } },
          })),
        );
        let done = 0;
        await Promise.all(
          added.map((j, b) =>
            j.waitUntilFinished(events).then(
              (results: R[]) => {
                for (let i = 0; i < results.length && !stopped; i++) {
                  done++;
                  subscriber.next({ type: 'result', index: firsts[b]! + i, result: results[i]!, done, total: tasks.length });
                }
              },
              (e: Error) => {
                throw batchError(job.module, firsts[b]!, e);
              },
            ),
          ),
        );
        subscriber.complete();
      })().catch((e) => {
        if (!stopped) subscriber.error(e);
        stopped = true;
        void this.removePending(added);
      });
      return () => {
        if (stopped) return;
        stopped = true;
        void this.removePending(added);
      };
    });
  }

  /** Removes tasks nobody took yet (a running task's lock prevents its removal: it finishes). */
  private async removePending(jobs: Job[]): Promise<void> {
    await Promise.all(jobs.map((j) => j.remove().catch(() => undefined)));
  }

  async close(): Promise<void> {
    const r = this.ready;
    this.ready = undefined;
    if (r) {
      const { queue, events } = await r.catch(() => ({ queue: undefined, events: undefined }));
      await Promise.all([queue?.close(), events?.close()]);
    }
    for (const c of this.connections.splice(0)) c.disconnect();
  }
}
