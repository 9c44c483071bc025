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

/**
 * How many tasks go in one message (pool) or job (queue): a few batches per worker, so that many
 * short evaluations do not pay a round trip each while the workers stay evenly loaded. A fit that
 * splits a generation into one chunk per worker gets one chunk per message.
 *
 * @example
 * ```ts
 * defaultBatchSize(40, 2); // 5: 8 messages for 40 tasks on 2 workers
 * defaultBatchSize(2, 2);  // 1
 * ```
 */
export function defaultBatchSize(tasks: number, concurrency: number): number {
  return Math.max(1, Math.ceil(tasks / (4 * concurrency)));
}

/**
 * Checks a runner's `batchSize` option (a positive integer or undefined for the default).
 *
 * @example
 * ```ts
 * checkBatchSize(0, 'LocalPoolRunner'); // throws "LocalPoolRunner: batchSize must be a positive integer, got 0"
 * ```
 */
export function checkBatchSize(batchSize: number | undefined, who: string): void {
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) throw new Error(`${who}: batchSize must be a positive integer, got ${String(batchSize)}`);
}

/**
 * The task of a batch that failed, carried in the error message across threads and Redis
 * (structured clone and BullMQ keep only an error's message).
 */
const BATCH_TASK = /^\[task (\d+)\] /;

/**
 * Evaluates a batch of tasks in order; a failing task throws an error naming its position.
 *
 * @example
 * ```ts
 * const results = await evaluateBatch(evaluate, [t0, t1, t2]);
 * ```
 */
export async function evaluateBatch<T, R>(evaluate: Evaluator<T, R>, tasks: readonly T[]): Promise<R[]> {
  const out = new Array<R>(tasks.length);
  for (let i = 0; i < tasks.length; i++) {
    try {
      out[i] = await evaluate(tasks[i]!);
    } catch (e) {
      throw new Error(`[task ${i}] ${(e as Error)?.message ?? String(e)}`);
    }
  }
  return out;
}

/**
 * The {@link EvaluationError} of a failed batch whose first task has index `first`: a failed
 * task of the batch is named, a failed build names no task.
 *
 * @example
 * ```ts
 * batchError(url, 8, new Error('[task 1] loss is NaN')).taskIndex; // 9
 * ```
 */
export function batchError(module: string, first: number, e: unknown): EvaluationError {
  const message = (e as Error)?.message ?? String(e);
  const m = BATCH_TASK.exec(message);
  if (m) return new EvaluationError(module, first + Number(m[1]), message.slice(m[0].length));
  return new EvaluationError(module, /could not build the model/.test(message) ? undefined : first, message);
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
