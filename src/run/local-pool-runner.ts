/**
 * Evaluations spread over a pool of worker threads (piscina), one per core by default. Each
 * thread builds the job's model once and then evaluates many tasks; results equal a serial run.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import { piscina } from './lazy-deps.js';
import { Observable } from 'rxjs';
import { siblingModule } from './module-url.js';
import type { PoolBatch } from './pool-worker.js';
import { batchError, checkBatchSize, checkJob, defaultBatchSize, type EvaluationJob, type Runner, type RunnerEvent } from './runner.js';

/** Options of {@link LocalPoolRunner}. */
export interface LocalPoolRunnerOptions {
  /** Worker threads; default one per core (`os.availableParallelism()`). */
  threads?: number;
  /**
   * Tasks per message to a worker; default a few messages per thread
   * (`ceil(tasks / (4 x threads))`): many short evaluations do not pay a round trip each.
   */
  batchSize?: number;
}

/**
 * Worker threads need tsx's loader when the worker file is TypeScript (running from the sources);
 * a bare `--import tsx` would resolve from the working directory, so it is resolved here.
 */
function workerExecArgv(workerFile: string): string[] | undefined {
  if (!workerFile.endsWith('.ts')) return undefined;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const args: string[] = [];
  let hasTsx = false;
  for (let i = 0; i < process.execArgv.length; i++) {
    const a = process.execArgv[i]!;
    if (a === '--import=tsx' || (a === '--import' && process.execArgv[i + 1] === 'tsx')) {
      if (a === '--import') i++;
      args.push(`--import=${tsx}`);
      hasTsx = true;
    } else {
      if (a.includes('tsx')) hasTsx = true;
      args.push(a);
    }
  }
  return hasTsx ? args : [...args, `--import=${tsx}`];
}

/**
 * Local worker pool runner (piscina).
 *
 * @example
 * ```ts
 * const runner = new LocalPoolRunner();          // one thread per core
 * const losses = await evaluateAll(runner, { module: url, setup }, tasks);
 * await runner.close();
 * ```
 */
export class LocalPoolRunner implements Runner {
  readonly kind = 'local';
  readonly concurrency: number;
  private readonly batchSize: number | undefined;
  private readonly pool: Piscina;
  /** Batches still running: close() lets them finish (destroying a busy pool raises in piscina). */
  private readonly running = new Set<Promise<unknown>>();

  constructor(options: LocalPoolRunnerOptions = {}) {
    const threads = options.threads ?? availableParallelism();
    if (!Number.isInteger(threads) || threads < 1) throw new Error(`LocalPoolRunner: threads must be a positive integer, got ${String(threads)}`);
    this.concurrency = threads;
    checkBatchSize(options.batchSize, 'LocalPoolRunner');
    this.batchSize = options.batchSize;
    const filename = siblingModule(import.meta.url, './pool-worker.js');
    this.pool = new (piscina().Piscina)({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 60_000, execArgv: workerExecArgv(filename) });
  }

  evaluate$<S, T, R>(job: EvaluationJob<S>, tasks: readonly T[]): Observable<RunnerEvent<R>> {
    checkJob(job, 'LocalPoolRunner');
    return new Observable<RunnerEvent<R>>((subscriber) => {
      // at most `concurrency` batches in flight, one message each; unsubscribing stops handing out
      // new ones (aborting a running piscina task would terminate its thread and lose the model)
      const size = this.batchSize ?? defaultBatchSize(tasks.length, this.concurrency);
      let stopped = false;
      let next = 0;
      let done = 0;
      const dispatch = (): void => {
        if (stopped || next >= tasks.length) return;
        const first = next;
        next = Math.min(tasks.length, next + size);
        const message: PoolBatch = { job, tasks: tasks.slice(first, next) };
        const run = this.pool.run(message);
        this.running.add(run);
        const forget = () => this.running.delete(run);
        run.then(forget, forget);
        run.then(
          (results: R[]) => {
            for (let i = 0; i < results.length && !stopped; i++) {
              done++;
              subscriber.next({ type: 'result', index: first + i, result: results[i]!, done, total: tasks.length });
            }
            if (stopped) return;
            if (done === tasks.length) subscriber.complete();
            else dispatch();
          },
          (e: Error) => {
            if (stopped) return;
            stopped = true;
            subscriber.error(batchError(job.module, first, e));
          },
        );
      };
      if (tasks.length === 0) subscriber.complete();
      for (let k = 0; k < this.concurrency; k++) dispatch();
      return () => {
        stopped = true;
      };
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.running]);
    await this.pool.destroy();
  }
}
