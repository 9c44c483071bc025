import { threadSpawner, type KernelThread } from './thread-host.js';
import { CMD, CTRL, ERROR_BYTES, KERNEL_WORKER_SOURCE } from './worker-source.js';

// spin iterations before a blocking wait: a step's barrier is usually met within microseconds
const WORKER_SPIN = 20000;
const MAIN_SPIN = 20000;
// no answer for this long means a thread died (its error event cannot arrive while we block)
const TIMEOUT_MS = 60_000;

/**
 * The kernel threads of one network: `numThreads - 1` threads started through the entry's
 * {@link KernelThreadSpawner}, the calling thread being rank 0. One shared `Int32Array` carries
 * the commands and the barrier (`Atomics.wait`/`notify`); messages are used only to hand over
 * the state and the kernels of a population.
 *
 * @example
 * ```ts
 * const pool = new ThreadPool(2);
 * pool.start(taskId, step, false); runRankZero(); pool.finish();
 * pool.dispose();
 * ```
 */
export class ThreadPool {
  /** Threads including the calling one. */
  readonly ranks: number;
  /** The shared control words ({@link CTRL}). */
  readonly ctrl: Int32Array;
  private readonly errorBytes: Uint8Array;
  private readonly threads: KernelThread[] = [];
  private looping = false;
  private nextTask = 0;
  private canBlock = true;
  private disposed = false;

  constructor(ranks: number) {
    const spawner = threadSpawner();
    if (!spawner) {
      throw new Error('setup({ numThreads }) needs kernel threads, and no thread spawner is registered: import the Node entry (\'compneuro-rx\') or the browser entry (\'compneuro-rx/browser\', in a cross-origin-isolated page)');
    }
    if (typeof SharedArrayBuffer === 'undefined') {
      throw new Error('setup({ numThreads }) needs SharedArrayBuffer, which this page does not have: serve it cross-origin isolated (Cross-Origin-Opener-Policy: same-origin, Cross-Origin-Embedder-Policy: require-corp)');
    }
    this.ranks = ranks;
    this.ctrl = new Int32Array(new SharedArrayBuffer(4 * (CTRL.RESULT + ranks)));
    const error = new SharedArrayBuffer(ERROR_BYTES);
    this.errorBytes = new Uint8Array(error);
    try {
      for (let r = 1; r < ranks; r++) {
        const th = spawner.spawn(KERNEL_WORKER_SOURCE);
        this.threads.push(th);
        th.postMessage({ type: 'init', ctrl: this.ctrl.buffer, rank: r, spin: WORKER_SPIN, error, ack: true });
      }
      this.awaitDone();
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  /** A new task id (one per population setup). */
  taskId(): number {
    return this.nextTask++;
  }

  /**
   * Hand one message to each thread (`messages[r - 1]` to rank r) and wait until every thread
   * has taken it; the threads then block on the control word again.
   */
  send(messages: unknown[]): void {
    this.yieldThreads();
    const gen = Atomics.load(this.ctrl, CTRL.GEN);
    this.ctrl[CTRL.DONE] = 0;
    this.threads.forEach((th, k) => th.postMessage({ ...(messages[k] as object), ack: true, loop: true, gen }));
    this.awaitDone();
    this.looping = true;
  }

  /** Start rank 1.. on `task` for step `t`; the caller then runs rank 0 and calls {@link ThreadPool.finish}. */
  start(task: number, t: number, lean: boolean): void {
    const c = this.ctrl;
    c[CTRL.TASK] = task;
    c[CTRL.STEP] = t;
    c[CTRL.LEAN] = lean ? 1 : 0;
    this.command(CMD.RUN);
  }

  /** Wait for the threads started by {@link ThreadPool.start}; throws a thread's error. */
  finish(): void {
    this.awaitDone();
    if (Atomics.load(this.ctrl, CTRL.ERROR) !== 0) {
      const bytes = this.errorBytes.slice();
      const n = new DataView(bytes.buffer).getInt32(0, true);
      this.ctrl[CTRL.ERROR] = 0;
      throw new Error(new TextDecoder().decode(bytes.subarray(4, 4 + n)));
    }
  }

  /** Spike count that rank `r` reported for the last command. */
  result(r: number): number {
    return this.ctrl[CTRL.RESULT + r]!;
  }

  /** Stop the threads (`network.dispose()`; they never keep a process alive either way). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.looping) {
      this.looping = false;
      try {
        this.command(CMD.EXIT);
      } catch {
        // terminate() below stops them regardless
      }
    }
    for (const th of this.threads) th.terminate();
  }

  private yieldThreads(): void {
    if (!this.looping) return;
    this.command(CMD.YIELD);
    this.awaitDone();
    this.looping = false;
  }

  private command(cmd: number): void {
    if (this.disposed && cmd !== CMD.EXIT) throw new Error('the kernel threads of this network were disposed (network.dispose())');
    const c = this.ctrl;
    c[CTRL.DONE] = 0;
    c[CTRL.CMD] = cmd;
    Atomics.add(c, CTRL.GEN, 1);
    Atomics.notify(c, CTRL.GEN);
  }

  private awaitDone(): void {
    const c = this.ctrl, want = this.ranks - 1;
    for (let k = 0; k < MAIN_SPIN; k++) if (Atomics.load(c, CTRL.DONE) >= want) return;
    const since = Date.now();
    for (;;) {
      const d = Atomics.load(c, CTRL.DONE);
      if (d >= want) return;
      if (this.canBlock) {
        try {
          Atomics.wait(c, CTRL.DONE, d, 100);
        } catch {
          // a browser's page thread may not block: spin there
          this.canBlock = false;
        }
      }
      if (Date.now() - since > TIMEOUT_MS) throw new Error(`kernel threads did not answer within ${TIMEOUT_MS / 1000} s (${d} of ${want} done)`);
    }
  }
}
