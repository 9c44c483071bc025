/**
 * The worker-thread side of {@link LocalPoolRunner}: builds the job's evaluator once per thread
 * (the thread's own global network) and evaluates the batches of tasks piscina hands it.
 */
import { loadEvaluator } from './evaluator-cache.js';
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
