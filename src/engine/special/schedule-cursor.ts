/**
 * The block schedule of ANNarchy 4.7.3's timed inputs (TimedArray, TimedPoissonPopulation,
 * HomogeneousCorrelatedSpikeTrains): an internal step counter `_t`; when it equals the schedule
 * step of the current block, that block's values apply and the next block becomes current
 * (wrapping to 0 after the last); with a period, `_t` restarts after `period - 1`.
 *
 * @example
 * ```ts
 * const c = new ScheduleCursor();
 * c.set([0, 10], -1);
 * const block = c.advance();   // 0 in the first step, then -1 until step 10
 * ```
 */
export class ScheduleCursor {
  /** Schedule times in steps (`int(ms / dt)`). */
  steps: number[] = [];
  /** Period in steps, -1 for none. */
  period = -1;
  t = 0;
  block = 0;

  /** Convert ms to steps as ANNarchy's `vector<int>(schedule / dt)` (truncation). */
  set(scheduleMs: readonly number[], periodMs: number, dt: number): void {
    this.steps = scheduleMs.map((x) => Math.trunc(x / dt));
    this.period = Math.trunc(periodMs / dt);
  }

  /** ANNarchy's reset: `_t = 0; _block = 0`. */
  restart(): void {
    this.t = 0;
    this.block = 0;
  }

  /** One step: the block whose values apply now, or -1. */
  advance(): number {
    let applied = -1;
    if (this.t === this.steps[this.block]) {
      applied = this.block;
      this.block++;
      if (this.block === this.steps.length) this.block = 0;
    }
    if (this.period > -1 && this.t === this.period - 1) {
      this.block = 0;
      this.t = -1;
    }
    this.t++;
    return applied;
  }
}
