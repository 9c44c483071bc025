import { threadSpawner, type KernelThread } from './thread-host.js';
import { BLOCK_PARTS, blockCount, CMD, CTRL, ERROR_BYTES, KERNEL_WORKER_SOURCE, MAX_DEFERRED, STATS } from './worker-source.js';

/** What runs block b of a command's task on the calling thread (a `ParallelUpdate`). */
export interface ChunkRunner {
  runChunk(b: number): void;
}

/** A spike delivery the pool can run later, split by post-synaptic range (a `ParallelDelivery`). */
export interface DeferredDelivery {
  /** Add the synapses of blocks `[q0, q1)` (see `blockCount`) of this step's deferred `count` spikes. */
  deliverRanges(q0: number, q1: number, count: number): void;
  /** Deliveries that ran split over the threads. */
  splitRuns: number;
}

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
  /** Blocks of a command ({@link blockCount}): block 0 is rank 0's part. */
  readonly blocks: number;
  /** The shared control words ({@link CTRL}). */
  readonly ctrl: Int32Array;
  private readonly errorBytes: Uint8Array;
  private readonly threads: KernelThread[] = [];
  private looping = false;
  private nextTask = 0;
  private canBlock = true;
  private disposed = false;
  // a fixed list and a count: a step must not allocate (length = 0 would drop the backing store)
  private readonly deferred: (DeferredDelivery | undefined)[] = new Array<DeferredDelivery | undefined>(MAX_DEFERRED).fill(undefined);
  private nDeferred = 0;
  private deferredEvents = 0;
  /** Commands the threads ran (each one barrier): a debug counter for tests. */
  commands = 0;
  // per rank (see STATS); rank 0's busy time ends and its wait begins when it reaches the barrier
  private readonly statsArray: Float64Array;
  private startedAt = 0;
  private idleFrom = -1;
  private timed = false;
  // the first error of a block this thread ran for another rank (thrown after the barrier)
  private failure: unknown = undefined;
  /**
   * Testing: the last `stealBlocks` blocks of every other rank's part are taken by the calling
   * thread before the threads start (as when it finished its own part before they got to them);
   * {@link ThreadPool.stealAll} takes them all.
   */
  stealBlocks = 0;

  /** Testing: the threads never take a block; the calling thread runs every part. */
  get stealAll(): boolean {
    return this.stealBlocks === BLOCK_PARTS.length;
  }

  set stealAll(on: boolean) {
    this.stealBlocks = on ? BLOCK_PARTS.length : 0;
  }

  /**
   * Synapses per thread a flush needs to run split (below that, the barrier costs more than the
   * additions: the calling thread adds them all, in the same order per post neuron).
   */
  minSplitEvents = 8192;

  constructor(ranks: number) {
    const spawner = threadSpawner();
    if (!spawner) {
      throw new Error('setup({ numThreads }) needs kernel threads, and no thread spawner is registered: import the Node entry (\'compneuro-rx\') or the browser entry (\'compneuro-rx/browser\', in a cross-origin-isolated page)');
    }
    if (typeof SharedArrayBuffer === 'undefined') {
      throw new Error('setup({ numThreads }) needs SharedArrayBuffer, which this page does not have: serve it cross-origin isolated (Cross-Origin-Opener-Policy: same-origin, Cross-Origin-Embedder-Policy: require-corp)');
    }
    if (!Number.isInteger(ranks) || ranks < 1 || ranks > 256) throw new Error(`ThreadPool: ranks must be an integer from 1 to 256, got ${String(ranks)}`);
    this.ranks = ranks;
    this.blocks = blockCount(ranks);
    this.ctrl = new Int32Array(new SharedArrayBuffer(4 * CTRL.END));
    const error = new SharedArrayBuffer(ERROR_BYTES);
    const stats = new SharedArrayBuffer(8 * STATS * ranks);
    this.statsArray = new Float64Array(stats);
    this.errorBytes = new Uint8Array(error);
    try {
      for (let r = 1; r < ranks; r++) {
        const th = spawner.spawn(KERNEL_WORKER_SOURCE);
        this.threads.push(th);
        th.postMessage({ type: 'init', ctrl: this.ctrl.buffer, rank: r, spin: WORKER_SPIN, error, stats, ack: true });
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

  /**
   * Run delivery `d` (kernel-thread task `task`, `count` spikes, `events` synapses) with the next
   * command, before its population's update: the step's deliveries and update then cost one
   * barrier. A delivery deferred twice, or more than {@link MAX_DEFERRED}, flushes first.
   */
  defer(d: DeferredDelivery, task: number, count: number, events: number): void {
    if (this.nDeferred === MAX_DEFERRED || this.isDeferred(d)) this.flush();
    const at = CTRL.DELIV + 2 * this.nDeferred;
    this.ctrl[at] = task;
    this.ctrl[at + 1] = count;
    this.deferred[this.nDeferred++] = d;
    this.deferredEvents += events;
  }

  /** Whether `d` waits for the next command. */
  isDeferred(d: DeferredDelivery): boolean {
    const list = this.deferred;
    for (let k = 0; k < this.nDeferred; k++) if (list[k] === d) return true;
    return false;
  }

  /** Deliveries waiting for the next command. */
  get pending(): number {
    return this.nDeferred;
  }

  /**
   * Run the deferred deliveries now (before anything else reads or writes their conductances):
   * split over the threads if they are large enough, else all on this thread.
   */
  flush(): void {
    const list = this.deferred, n = this.nDeferred;
    if (n === 0) return;
    if (this.deferredEvents < this.minSplitEvents * this.ranks) {
      try {
        for (let k = 0; k < n; k++) list[k]!.deliverRanges(0, this.blocks, this.ctrl[CTRL.DELIV + 2 * k + 1]!);
      } finally {
        this.clearDeferred();
      }
      return;
    }
    this.start(-1, 0, false);
    let failure: unknown;
    try {
      this.runOwnDeliveries();
    } catch (e) {
      failure = e;
    }
    this.finish();
    if (failure !== undefined) throw failure;
  }

  /**
   * Start rank 1.. on the deferred deliveries, then `task` (-1: none) for step `t`; the caller
   * then runs rank 0 ({@link ThreadPool.runOwnDeliveries} first) and calls {@link ThreadPool.finish}.
   */
  start(task: number, t: number, lean: boolean): void {
    const c = this.ctrl, list = this.deferred, n = this.nDeferred;
    c[CTRL.TASK] = task;
    c[CTRL.STEP] = t;
    c[CTRL.LEAN] = lean ? 1 : 0;
    c[CTRL.NDEL] = n;
    for (let k = 0; k < n; k++) list[k]!.splitRuns++;
    this.commands++;
    if (this.timed) {
      const now = performance.now();
      if (this.idleFrom >= 0) this.statsArray[1] += now - this.idleFrom;
      this.startedAt = now;
    }
    // the blocks open for their threads from the new generation on (see CTRL.CLAIM), but for the
    // last stealBlocks (testing), taken by this thread already
    const open = (((Atomics.load(c, CTRL.GEN) + 1) & 0xffff) << 16) | (this.stealBlocks << 8);
    for (let q = 1; q < this.ranks; q++) Atomics.store(c, CTRL.CLAIM + q, open);
    this.command(CMD.RUN);
  }

  /** Rank 0's part of the deferred deliveries (between {@link ThreadPool.start} and finish). */
  runOwnDeliveries(): void {
    const list = this.deferred;
    for (let k = 0; k < this.nDeferred; k++) list[k]!.deliverRanges(0, 1, this.ctrl[CTRL.DELIV + 2 * k + 1]!);
  }

  /**
   * Wait for the threads started by {@link ThreadPool.start}; throws a thread's error. First the
   * blocks of other ranks that their threads have not started yet run here, from each part's
   * last (smallest) block down (a thread asleep, not scheduled on a busy machine, or stopped in
   * the middle of its part): their deferred deliveries, then `runner.runChunk(b)`; the results
   * are those of that thread (the same code over the same views).
   */
  finish(runner?: ChunkRunner): void {
    const st = this.statsArray, c = this.ctrl, nb = BLOCK_PARTS.length;
    const reached = this.timed ? performance.now() : 0;
    if (this.timed) st[0] += reached - this.startedAt;
    let stolen = 0, want = 0;
    this.failure = undefined;
    for (let q = 1; q < this.ranks; q++) {
      const at = CTRL.CLAIM + q, first = 1 + (q - 1) * nb;
      for (let j = nb - 1; j >= nb - this.stealBlocks; j--) this.runBlock(first + j, runner);
      stolen += this.stealBlocks;
      for (;;) {
        const w = Atomics.load(c, at), lo = w & 255, hi = (w >>> 8) & 255;
        if (lo + hi >= nb) {
          // its thread took blocks: it reports when it has run them
          if (lo > 0) want++;
          break;
        }
        if (Atomics.compareExchange(c, at, w, w + 256) === w) {
          this.runBlock(first + nb - 1 - hi, runner);
          stolen++;
        }
      }
    }
    st[5] += stolen;
    this.awaitDone(want);
    if (this.timed) {
      this.idleFrom = performance.now();
      st[2] += this.idleFrom - reached;
    }
    st[4]++;
    this.clearDeferred();
    this.ctrl[CTRL.NDEL] = 0;
    if (Atomics.load(this.ctrl, CTRL.ERROR) !== 0) {
      const bytes = this.errorBytes.slice();
      const n = new DataView(bytes.buffer).getInt32(0, true);
      this.ctrl[CTRL.ERROR] = 0;
      throw new Error(new TextDecoder().decode(bytes.subarray(4, 4 + n)));
    }
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }

  /** Block b (of another rank) here: its deferred deliveries, then its part of the task. */
  private runBlock(b: number, runner: ChunkRunner | undefined): void {
    const c = this.ctrl;
    try {
      for (let k = 0; k < this.nDeferred; k++) this.deferred[k]!.deliverRanges(b, b + 1, c[CTRL.DELIV + 2 * k + 1]!);
      if (c[CTRL.TASK]! >= 0) runner!.runChunk(b);
    } catch (e) {
      this.failure ??= e;
    }
  }

  private clearDeferred(): void {
    for (let k = 0; k < this.nDeferred; k++) this.deferred[k] = undefined;
    this.nDeferred = 0;
    this.deferredEvents = 0;
  }

  /**
   * Whether the threads time their commands for {@link ThreadPool.stats} (off by default: the
   * clock reads cost a little in every step).
   */
  get timing(): boolean {
    return this.timed;
  }

  set timing(on: boolean) {
    this.timed = on;
    this.idleFrom = -1;
    Atomics.store(this.ctrl, CTRL.TIMING, on ? 1 : 0);
  }

  /**
   * Time and barrier statistics per rank since the threads started (rank 0 is the calling
   * thread), the times only while {@link ThreadPool.timing} was on: `busyMs` in its part of
   * commands, `idleMs` between commands (for rank 0 the rest of the step, for the others
   * spinning or blocked), `barrierMs` (rank 0) waiting for the others at the end of a command,
   * `blockingWaits` how often a thread stopped spinning and blocked (`Atomics.wait`), `commands`
   * (rank 0: all; the others: those they ran blocks of), `blocks`: blocks of ranks 1.. it ran
   * (rank 0: those their thread had not started when it finished its own part).
   *
   * @example
   * ```ts
   * pool.timing = true;
   * net.simulate(100);
   * pool.stats()[1].busyMs; // ms rank 1 spent in commands
   * ```
   */
  stats(): { rank: number; busyMs: number; idleMs: number; barrierMs: number; blockingWaits: number; commands: number; blocks: number }[] {
    const st = this.statsArray;
    return Array.from({ length: this.ranks }, (_, r) => ({
      rank: r, busyMs: st[STATS * r]!, idleMs: st[STATS * r + 1]!, barrierMs: st[STATS * r + 2]!, blockingWaits: st[STATS * r + 3]!, commands: st[STATS * r + 4]!, blocks: st[STATS * r + 5]!,
    }));
  }

  /** Spike count of block `b` (b >= 1) of the last command. */
  result(b: number): number {
    return this.ctrl[CTRL.RESULT + b]!;
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
    // a thread that blocks announces it first (WSLEEP): spinning threads need no notify
    if (Atomics.load(c, CTRL.WSLEEP) !== 0) Atomics.notify(c, CTRL.GEN);
  }

  private awaitDone(want = this.ranks - 1): void {
    const c = this.ctrl;
    for (let k = 0; k < MAIN_SPIN; k++) if (Atomics.load(c, CTRL.DONE) >= want) return;
    const since = Date.now();
    for (;;) {
      const d = Atomics.load(c, CTRL.DONE);
      if (d >= want) return;
      if (this.canBlock) {
        this.statsArray[3]++;
        // announced before the wait checks DONE (see WSLEEP in command())
        Atomics.store(c, CTRL.MSLEEP, 1);
        try {
          Atomics.wait(c, CTRL.DONE, d, 100);
        } catch {
          // a browser's page thread may not block: spin there
          this.canBlock = false;
        }
        Atomics.store(c, CTRL.MSLEEP, 0);
      }
      if (Date.now() - since > TIMEOUT_MS) throw new Error(`kernel threads did not answer within ${TIMEOUT_MS / 1000} s (${d} of ${want} done)`);
    }
  }
}
