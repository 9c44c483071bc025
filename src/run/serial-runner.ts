/**
 * Runs evaluations one after another in this thread (the reference the pool and the queue
 * must reproduce).
 */
import { Observable } from 'rxjs';
import { loadEvaluator } from './evaluator-cache.js';
import { checkJob, EvaluationError, type EvaluationJob, type Runner, type RunnerEvent } from './runner.js';

/**
 * Serial runner: builds the job's evaluator once in this thread, evaluates tasks in order.
 * Evaluators use the global network: building one replaces the network of this thread.
 *
 * @example
 * ```ts
 * const runner = new SerialRunner();
 * const losses = await evaluateAll(runner, { module: url, setup: {} }, tasks);
 * ```
 */
export class SerialRunner implements Runner {
  readonly kind = 'serial';
  readonly concurrency = 1;

  evaluate$<S, T, R>(job: EvaluationJob<S>, tasks: readonly T[]): Observable<RunnerEvent<R>> {
    checkJob(job, 'SerialRunner');
    return new Observable<RunnerEvent<R>>((subscriber) => {
      let stopped = false;
      (async () => {
        const evaluate = await loadEvaluator<T, R>(job).catch((e: Error) => {
          throw new EvaluationError(job.module, undefined, e.message);
        });
        for (let i = 0; i < tasks.length && !stopped; i++) {
          let result: R;
          try {
            result = await evaluate(tasks[i]!);
          } catch (e) {
            throw new EvaluationError(job.module, i, (e as Error)?.message ?? String(e));
          }
          if (!stopped) subscriber.next({ type: 'result', index: i, result, done: i + 1, total: tasks.length });
        }
        subscriber.complete();
      })().catch((e) => subscriber.error(e));
      return () => {
        stopped = true;
      };
    });
  }

  async close(): Promise<void> {}
}
