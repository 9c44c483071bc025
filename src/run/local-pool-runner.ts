/**
 * Evaluations spread over a pool of worker threads (piscina), one per core by default, started on
 * first use. Each thread builds the job's model once and then evaluates many tasks; results equal
 * a serial run.
 */
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { piscina } from './lazy-deps.js';
import { Observable } from 'rxjs';
import { siblingModule } from './module-url.js';
import { workerExecArgv } from './worker-exec-argv.js';
import type { PoolBatch } from './pool-worker.js';
import { PoolSession, sessionLayout, type PoolSessionOptions, type SessionMessage } from './pool-session.js';
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
  private readonly filename: string;
  /** Started on first use: a fit too short to split (OptNeuron 'auto') never starts a thread. */
  private started: Piscina | undefined;
  private closed = false;
  /** Batches still running: close() lets them finish (destroying a busy pool raises in piscina). */
  private readonly running = new Set<Promise<unknown>>();
  /** Open sessions: close() stops them (their threads would otherwise wait for chunks forever). */
  private readonly sessions = new Set<PoolSession>();

  constructor(options: LocalPoolRunnerOptions = {}) {
    const threads = options.threads ?? availableParallelism();
    if (!Number.isInteger(threads) || threads < 1) throw new Error(`LocalPoolRunner: threads must be a positive integer, got ${String(threads)}`);
    this.concurrency = threads;
    checkBatchSize(options.batchSize, 'LocalPoolRunner');
    this.batchSize = options.batchSize;
    this.filename = siblingModule(import.meta.url, './pool-worker.js');
  }

  /**
   * Whether the pool's threads were started: on the first evaluation or session, not by the
   * constructor (a fit too short to split never starts them).
   *
   * @example
   * ```ts
   * const pool = new LocalPoolRunner();
   * pool.threadsStarted;   // false until it evaluates something
   * ```
   */
  get threadsStarted(): boolean {
    return this.started !== undefined;
  }

  /** Runs a message on the threads, started on first use (all at once: each builds its model). */
  private submit(message: unknown, options?: { name: string }): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('LocalPoolRunner: the pool is closed'));
    const filename = this.filename;
    this.started ??= new (piscina().Piscina)({ filename, minThreads: this.concurrency, maxThreads: this.concurrency, idleTimeout: 60_000, execArgv: workerExecArgv(filename) });
    return this.started.run(message, options);
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
        const run = this.submit(message) as Promise<R[]>;
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

  /**
   * Opens a {@link PoolSession}: every thread builds the job's evaluator (once, kept after the
   * session) and then evaluates one flat chunk per call through shared memory. While it is open
   * the session holds `slots` threads (default all): close it before `evaluate$`.
   *
   * @example
   * ```ts
   * const session = await pool.openSession({ module: url, setup }, { inputCapacity: 6, outputCapacity: 3 });
   * const losses = await session.evaluate(chunks); // one chunk per thread
   * await session.close();
   * ```
   */
  async openSession<S>(job: EvaluationJob<S>, options: PoolSessionOptions): Promise<PoolSession> {
    checkJob(job, 'LocalPoolRunner');
    const { inputCapacity, outputCapacity, spinMs = 0 } = options;
    for (const [k, v] of Object.entries({ inputCapacity, outputCapacity })) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`LocalPoolRunner.openSession: ${k} must be a positive integer, got ${String(v)}`);
    }
    if (!(spinMs >= 0)) throw new Error(`LocalPoolRunner.openSession: spinMs must be >= 0, got ${String(spinMs)}`);
    const slots = options.slots ?? this.concurrency;
    if (!Number.isInteger(slots) || slots < 1 || slots > this.concurrency) throw new Error(`LocalPoolRunner.openSession: slots must be an integer from 1 to the pool's ${this.concurrency} threads, got ${String(slots)}`);
    const buffer = new SharedArrayBuffer(sessionLayout(slots, inputCapacity, outputCapacity).bytes);
    const tasks = Array.from({ length: slots }, (_, slot) => {
      const message: SessionMessage = { job, slot, slots, inputCapacity, outputCapacity, spinMs, buffer };
      const run = this.submit(message, { name: 'session' });
      const forget = () => this.running.delete(run);
      this.running.add(run);
      run.then(forget, forget);
      return run.catch((e: Error) => {
        throw batchError(job.module, slot, e); // the chunk of this thread
      });
    });
    const session = new PoolSession(slots, { inputCapacity, outputCapacity, spinMs }, buffer, tasks);
    this.sessions.add(session);
    return session;
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions].map((s) => s.close()));
    this.sessions.clear();
    await Promise.allSettled([...this.running]);
    this.closed = true;
    await this.started?.destroy();
  }
}
