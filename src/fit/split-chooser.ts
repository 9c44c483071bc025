/**
 * Whether a fit's generations are split over a pool or evaluated in the calling thread: a pool
 * only pays when a generation's evaluation costs clearly more than handing it over (a rate
 * neuron's generation of 6 costs ~1 ms, barely more for 3 neurons than for 6), so with `'auto'`
 * the fit times both ways on its first generations and keeps the faster (a split must take at
 * most 85 % of the calling thread's time), trying the other way again now and then (pool threads
 * are still optimising their code during the first few hundred evaluations). A fit too short to
 * repay a probe of the split is not split at all, and its pool's threads are never started. The
 * losses are the same either way; only where they are computed changes.
 */

/** One decision, as {@link OptNeuron} reports it (`splitDecisions`, `splitDecisions$`). */
export interface SplitDecision {
  /** Generation (1-based) from which the choice applies. */
  readonly generation: number;
  /** `true`: split over the pool's threads; `false`: evaluated in the calling thread. */
  readonly split: boolean;
  /**
   * Why: `'forced'` (the `splitGeneration` option), `'measured'`, or `'short'` (the generations
   * left could not repay a probe of the split: fewer than 120, or under 1 s of work).
   */
  readonly reason: 'forced' | 'measured' | 'short';
  /** Median wall time of a generation measured each way (ms; NaN when not measured). */
  readonly splitMs: number;
  readonly callingThreadMs: number;
}

/**
 * The split is taken only when its generations take at most this fraction of the calling thread's
 * (a split that is barely faster is not worth two busy cores).
 *
 * @example
 * ```ts
 * const split = splitMs < SPLIT_MARGIN * callingThreadMs;
 * ```
 */
export const SPLIT_MARGIN = 0.85;

/**
 * A split is probed only when at least this many generations are left: split generations measured
 * before the pool's threads have optimised their code took up to 3x the calling thread's, so a
 * probe of 3 of them can cost ~6 generations, which must stay within the 5 % probing budget.
 *
 * @example
 * ```ts
 * const worth = generationsLeft >= SPLIT_MIN_GENERATIONS && generationsLeft * callingThreadMs >= SPLIT_MIN_RUN_MS;
 * ```
 */
export const SPLIT_MIN_GENERATIONS = 120;

/**
 * ...and only when the generations left would take at least this long in the calling thread (ms):
 * starting a pool thread (loading the library, building the model) costs ~0.2-0.3 s of CPU, which
 * on a busy machine is taken from the calling thread.
 *
 * @example
 * ```ts
 * const worth = generationsLeft * callingThreadMs >= SPLIT_MIN_RUN_MS;
 * ```
 */
export const SPLIT_MIN_RUN_MS = 1000;

const median = (xs: readonly number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Chooses per generation; call {@link next} before a generation and {@link record} after it.
 * With `'auto'`: `probe` generations in the calling thread, then (once the pool's threads have
 * built their models, so that nobody waits for a build) `probe` split ones, then the calling thread
 * again (warm by then); the faster way wins.
 * The first generation after a change of way (a rebuild, cold code) is not timed. The way not
 * chosen is tried again once the generations run since the last probe took `1 / budget` times
 * what that probe cost, so probing stays near `budget` of the run. A split is probed only while
 * the generations left (`next`'s second argument) could repay it ({@link SPLIT_MIN_GENERATIONS},
 * {@link SPLIT_MIN_RUN_MS}); {@link wantsThreads} says when the pool's threads are needed.
 *
 * @example
 * ```ts
 * const chooser = new SplitChooser('auto');
 * const split = chooser.next(poolReady, generationsLeft); // false for the first (probing) generations
 * chooser.record(split, elapsedMs);         // returns a SplitDecision when the choice changes
 * if (chooser.wantsThreads && !poolStarted) startPool();
 * ```
 */
export class SplitChooser {
  private generation = 0;
  private times: Record<'split' | 'thread', number[]> = { split: [], thread: [] };
  private current: boolean | undefined;
  private plan: boolean[] = [];
  private last: boolean | undefined;
  private probeCost = 0;
  private sinceProbe = 0;
  /** A probe of the split was approved (the threads were wanted since). */
  private splitProbed = false;
  /** The decision taken in {@link next} (a run too short to probe), returned by the next record. */
  private pending: SplitDecision | undefined;

  /**
   * @param mode `'auto'`, or `true` / `false` to force.
   * @param probe generations timed each way when deciding.
   * @param budget share of the run spent re-checking the way not chosen.
   */
  constructor(
    readonly mode: 'auto' | boolean,
    private readonly probe = 2,
    private readonly budget = 0.05,
  ) {
    // the calling thread is timed again after the split probes: its first generations run cold
    // code (the first simulation compiles, V8 optimises), which made a slower split look faster
    if (mode === 'auto') this.plan = [...new Array<boolean>(probe).fill(false), ...new Array<boolean>(probe + 1).fill(true), ...new Array<boolean>(probe + 1).fill(false)];
  }

  /** The decision forced by the option (reported once at the start), or undefined for 'auto'. */
  forced(): SplitDecision | undefined {
    return this.mode === 'auto' ? undefined : { generation: 1, split: this.mode, reason: 'forced', splitMs: NaN, callingThreadMs: NaN };
  }

  /**
   * Whether the pool's threads are needed: the split is forced, chosen, or about to be probed
   * (until then a fit starts no threads: a short one never does).
   */
  get wantsThreads(): boolean {
    return this.mode === true || this.splitProbed;
  }

  /**
   * Whether the next generation is split; `splitReady`: the pool's threads have built their
   * models; `generationsLeft`: at most how many generations remain, this one included.
   */
  next(splitReady = true, generationsLeft = Infinity): boolean {
    this.generation++;
    if (this.mode !== 'auto') return this.mode;
    if (this.plan.length === 0 && this.current !== undefined && this.sinceProbe * this.budget > this.probeCost && (splitReady || this.current) && (this.current || this.worthProbing(generationsLeft))) {
      // re-check the way not chosen
      this.plan = new Array<boolean>(this.probe + 1).fill(!this.current);
      this.times[this.current ? 'thread' : 'split'] = [];
      this.sinceProbe = 0;
      this.probeCost = 0;
      this.splitProbed ||= !this.current;
    }
    if (this.plan[0] === true && !this.splitProbed) {
      if (!this.worthProbing(generationsLeft)) {
        // the first probe of the split would not pay: the calling thread for the rest of the run
        this.plan = [];
        this.current = false;
        this.pending = { generation: this.generation, split: false, reason: 'short', splitMs: NaN, callingThreadMs: median(this.times.thread) };
        return false;
      }
      this.splitProbed = true;
    }
    if (this.plan.length > 0) {
      // the threads are still building: the calling thread meanwhile (its time is a sample too)
      if (this.plan[0] && !splitReady) return false;
      return this.plan.shift()!;
    }
    return this.current!;
  }

  /** Whether the generations left could repay a probe of the split (and the threads' start). */
  private worthProbing(generationsLeft: number): boolean {
    return generationsLeft >= SPLIT_MIN_GENERATIONS && generationsLeft * median(this.times.thread) >= SPLIT_MIN_RUN_MS;
  }

  /** Records a generation's wall time; returns the decision when the choice is made or changes. */
  record(split: boolean, ms: number): SplitDecision | undefined {
    if (this.mode !== 'auto') return undefined;
    if (this.pending) {
      const decision = this.pending;
      this.pending = undefined;
      this.last = split;
      return decision;
    }
    const switched = this.last !== undefined && split !== this.last;
    this.last = split;
    const probing = this.plan.length > 0 || split !== this.current;
    if (probing) this.probeCost += ms;
    else this.sinceProbe += ms;
    if (!switched) {
      const list = this.times[split ? 'split' : 'thread'];
      list.push(ms);
      if (list.length > this.probe) list.shift();
    }
    // decide at the end of a probe only (not on every noisy generation: a change of way rebuilds)
    if (!probing || this.plan.length > 0 || this.times.split.length === 0 || this.times.thread.length === 0) return undefined;
    const splitMs = median(this.times.split);
    const callingThreadMs = median(this.times.thread);
    // never slower than the calling thread: the split must be measured clearly faster (it takes
    // the other cores, and probes of two or three generations vary by 10-30 % on a busy machine)
    const choice = splitMs < SPLIT_MARGIN * callingThreadMs;
    if (choice === this.current) return undefined;
    this.current = choice;
    return { generation: this.generation + 1, split: choice, reason: 'measured', splitMs, callingThreadMs };
  }
}
