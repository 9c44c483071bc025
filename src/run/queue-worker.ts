/**
 * A BullMQ worker evaluating queued tasks: `compneuro-rx worker --redis URL --queue NAME`.
 * It builds each job's model once (per setup) and evaluates many tasks, a batch per job.
 */
import type { Worker } from 'bullmq';
import { bullmq } from './lazy-deps.js';
import { BuildError, loadEvaluator } from './evaluator-cache.js';
import { checkRedis, redisConnection } from './redis-connection.js';
import { jsonFriendly, type QueueTaskData } from './queue-runner.js';
import { evaluateBatch } from './runner.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  redis: string;
  /** Default `compneuro-rx`. */
  queue?: string;
  /** Tasks at once in this process; default 1 (simulations use the process's global network). */
  concurrency?: number;
  /**
   * ms a task stays locked without renewal; a killed worker's task is retried after it.
   * Evaluations run synchronously and block renewal: keep it above the longest task. Default 30000.
   */
  lockDuration?: number;
  /** ms between checks for stalled tasks; default 30000 (BullMQ's). */
  stalledInterval?: number;
  /** How often a task may stall (its worker died) before it fails; default 3. */
  maxStalledCount?: number;
}

/**
 * Starts a worker; resolves once it listens.
 *
 * @example
 * ```ts
 * const worker = await startQueueWorker({ redis: 'redis://127.0.0.1:6379', queue: 'fit' });
 * // ... later
 * await worker.close();
 * ```
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<Worker> {
  await checkRedis(options.redis, 'compneuro-rx worker');
  const connection = redisConnection(options.redis);
  const worker = new (bullmq().Worker)<QueueTaskData>(
    options.queue ?? 'compneuro-rx',
    async (job) => {
      const data = job.data;
      let evaluate;
      try {
        evaluate = await loadEvaluator(data);
      } catch (e) {
        // building fails the same way on every retry
        throw e instanceof BuildError ? new (bullmq().UnrecoverableError)(e.message) : e;
      }
      return (await evaluateBatch(evaluate, data.tasks)).map(jsonFriendly);
    },
    {
      connection,
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockDuration ?? 30000,
      stalledInterval: options.stalledInterval ?? 30000,
      maxStalledCount: options.maxStalledCount ?? 3,
    },
  );
  // BullMQ leaves a connection it was given open
  worker.on('closed', () => connection.disconnect());
  await worker.waitUntilReady();
  return worker;
}
