/**
 * The worker-thread side of {@link LocalPoolRunner}: builds the job's evaluator once per thread
 * (the thread's own global network) and evaluates the tasks piscina hands it.
 */
import { loadEvaluator } from './evaluator-cache.js';
import type { EvaluationJob } from './runner.js';

/** One task message. */
export interface PoolTask {
  readonly job: EvaluationJob;
  readonly task: unknown;
}

/** Evaluates one task in this worker thread. */
export default async function evaluateInWorker({ job, task }: PoolTask): Promise<unknown> {
  const evaluate = await loadEvaluator(job);
  return evaluate(task);
}
