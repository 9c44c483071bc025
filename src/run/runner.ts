/**
 * One interface for running many evaluations (candidates of a fit, runs of `parallelRun`):
 * serial, a local worker-thread pool, or a BullMQ queue on Redis. A runner never knows what it
 * runs: it ships a module name and plain data; the module builds (and compiles) its model once
 * per setup and then evaluates many tasks.
 */
import { Observable, lastValueFrom, toArray, filter } from 'rxjs';

/**
 * What a runner runs: a module (file URL, absolute path or package name) exporting a factory
 * (`createEvaluator` unless `exportName` says otherwise) that is called once per `setup` and
 * returns the function evaluating one task. `setup` and tasks are plain (structured-cloneable,
 * for the queue JSON) data.
 */
export interface EvaluationJob<S = unknown> {
  readonly module: string;
  readonly exportName?: string;
  readonly setup: S;
}

/** The function an evaluation module's factory returns. */
export type Evaluator<T = unknown, R = unknown> = (task: T) => R | Promise<R>;

/** The factory an evaluation module exports (built once per setup in each worker). */
export type EvaluatorFactory<S = unknown, T = unknown, R = unknown> = (setup: S) => Evaluator<T, R> | Promise<Evaluator<T, R>>;

/** Events of {@link Runner.evaluate$}: one `result` per task (in completion order). */
export type RunnerEvent<R> =
  | { readonly type: 'result'; readonly index: number; readonly result: R; readonly done: number; readonly total: number };

/** Serial, local pool or queue. */
export interface Runner {
  /** 'serial' | 'local' | 'queue'. */
  readonly kind: string;
  /** Number of evaluations that can run at once (1 for serial). */
  readonly concurrency: number;
  /**
   * Evaluates every task; emits one event per finished task, completes after the last.
   * Unsubscribing cancels the tasks not yet started. A failed task errors the Observable
   * with an {@link EvaluationError} naming the task.
   */
  evaluate$<S, T, R>(job: EvaluationJob<S>, tasks: readonly T[]): Observable<RunnerEvent<R>>;
  /** Stops workers and connections. */
  close(): Promise<void>;
}

/**
 * A failed evaluation: which module, which task and why.
 *
 * @example
 * ```ts
 * try { await evaluateAll(runner, job, tasks); } catch (e) { if (e instanceof EvaluationError) e.taskIndex; }
 * ```
 */
export class EvaluationError extends Error {
  constructor(
    readonly module: string,
    readonly taskIndex: number | undefined,
    readonly reason: string,
  ) {
    super(`${taskIndex === undefined ? '' : `task ${taskIndex} of `}module "${module}" failed: ${reason}`);
    this.name = 'EvaluationError';
  }
}

/**
 * The results of all tasks, in task order.
 *
 * @example
 * ```ts
 * const losses = await evaluateAll(runner, { module: url, setup: {} }, [[1, 2], [3, 4]]);
 * ```
 */
export async function evaluateAll<S, T, R>(runner: Runner, job: EvaluationJob<S>, tasks: readonly T[]): Promise<R[]> {
  if (tasks.length === 0) return [];
  const events = await lastValueFrom(
    runner.evaluate$<S, T, R>(job, tasks).pipe(
      filter((e) => e.type === 'result'),
      toArray(),
    ),
  );
  const out = new Array<R>(tasks.length);
  for (const e of events) out[e.index] = e.result;
  return out;
}

/** A stable key of a setup (evaluators are cached per module, export and setup). */
export function setupKey(job: EvaluationJob): string {
  return JSON.stringify([job.module, job.exportName ?? 'createEvaluator', job.setup]);
}

/** Checks an {@link EvaluationJob}, naming the bad field. */
export function checkJob(job: EvaluationJob, who: string): void {
  if (!job || typeof job !== 'object') throw new Error(`${who}: expected a job { module, setup }`);
  if (typeof job.module !== 'string' || job.module.length === 0) throw new Error(`${who}: job.module must be a module name (file URL, path or package), got ${String(job.module)}`);
  if (job.exportName !== undefined && typeof job.exportName !== 'string') throw new Error(`${who}: job.exportName must be a string`);
}
