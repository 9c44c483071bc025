/**
 * The worker-thread side of {@link LocalPoolRunner}: builds the job's evaluator once per thread
 * (the thread's own global network) and evaluates the batches of tasks piscina hands it, or
 * serves a {@link PoolSession}'s chunks through shared memory until the session closes.
 */
import { loadEvaluator } from './evaluator-cache.js';
import { serveSession, type SessionMessage } from './pool-session.js';
import { evaluateBatch, type EvaluationJob } from './runner.js';

/** One message: a batch of tasks of one job (typed arrays in tasks and results are copied as such). */
export interface PoolBatch {
  readonly job: EvaluationJob;
  readonly tasks: readonly unknown[];
}

/** Evaluates a batch of tasks in this worker thread, in order. */
export default async function evaluateInWorker({ job, tasks }: PoolBatch): Promise<unknown[]> {
  const evaluate = await loadEvaluator(job);
  return evaluateBatch(evaluate, tasks);
}

/** One slot of a session: builds (or reuses) the evaluator, then serves chunks until closed. */
export async function session(message: SessionMessage): Promise<number> {
  const evaluate = await loadEvaluator<Float64Array, unknown>(message.job);
  return serveSession(message, evaluate);
}
