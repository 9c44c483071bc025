import type { SchedulerLike, Subscriber, TeardownLogic } from 'rxjs';
import type { Network } from '../engine/network.js';
import { SimulationFrame } from './simulation-frame.js';
import { runGate } from './run-gate.js';
import { deliver } from './producer-observable.js';

/**
 * What a simulation Observable runs: a program asked before every step whether to go on
 * (and given the chance to apply inputs), told after the step, and finished exactly once.
 */
export interface StepProgram {
  /** Called before each step: apply inputs and return true, or return false to complete. May throw. */
  beforeStep(): boolean;
  /**
   * Optional, called right after `beforeStep()` returned true: how many steps (>= 1, counting
   * the one just granted) may run before `beforeStep()` is asked again, i.e. the steps for which
   * it would do nothing but return true. Default 1 (asked before every step).
   */
  grantedSteps?(): number;
  /** Called after the step, before its frame is emitted. May throw. */
  afterStep?(): void;
  /** Called exactly once when the run ends (completion, error or unsubscribe): restore inputs. */
  finish?(): void;
}

/**
 * Options shared by every simulation Observable.
 *
 * @example
 * ```ts
 * const o: DriveOptions = { scheduler: animationFrameScheduler, chunk: 500 };
 * simulate$(1000, o).subscribe();
 * ```
 */
export interface DriveOptions {
  /**
   * Run in chunks of `chunk` steps, one chunk per task of this RxJS scheduler
   * (`asyncScheduler` in Node, `animationFrameScheduler` in a browser). Default: synchronous.
   */
  scheduler?: SchedulerLike;
  /** Steps per scheduled chunk (default 1000, as ANNarchy's own simulate loop). Needs `scheduler`. */
  chunk?: number;
  /** After every step, fail with an error naming population, variable, neuron and step if any value is NaN. */
  checkNaN?: boolean;
}

/** Validate {@link DriveOptions}; throws a clear Error. */
export function checkDriveOptions(where: string, opts: DriveOptions): void {
  if (opts.chunk !== undefined) {
    if (!Number.isInteger(opts.chunk) || opts.chunk < 1) throw new Error(`${where}: chunk must be a positive integer number of steps, got ${String(opts.chunk)}`);
    if (opts.scheduler === undefined) throw new Error(`${where}: chunk needs a scheduler (e.g. asyncScheduler); without one the run is synchronous`);
  }
  if (opts.scheduler !== undefined && (typeof opts.scheduler !== 'object' || typeof opts.scheduler.schedule !== 'function')) {
    throw new Error(`${where}: scheduler must be an RxJS SchedulerLike (asyncScheduler, animationFrameScheduler, ...)`);
  }
}

/** Throws if any population value of the network is NaN (after the step with index `step`). */
export function assertNoNaN(network: Network, step: number): void {
  const pops = network.populationsList;
  for (let p = 0; p < pops.length; p++) {
    const S = pops[p]!.$state;
    if (!S) continue;
    for (const name in S.local) {
      const arr = S.local[name]!;
      for (let i = 0; i < arr.length; i++) {
        if (arr[i] !== arr[i]) throw new Error(`NaN check: population "${pops[p]!.name}", variable "${name}" of neuron ${i} is NaN after step ${step} (t = ${step * network.dt} ms)`);
      }
    }
    for (const name in S.global) {
      const v = S.global[name]!;
      if (v !== v) throw new Error(`NaN check: population "${pops[p]!.name}", population-wide "${name}" is NaN after step ${step} (t = ${step * network.dt} ms)`);
    }
  }
}

/** A frame the driver updates in place (see `reuseFrame` of {@link driveSteps}). */
type MutableFrame = { -readonly [K in keyof SimulationFrame]: SimulationFrame[K] };

/**
 * The per-step loop: at most `max` steps, each after checking `subscriber.closed` (so an
 * unsubscribe stops it before the next step), asking the program only when its grant is used
 * up. Returns the steps still granted, or -1 when the program said it is over. A plain
 * function of its arguments (no captured variables): its state stays in registers.
 */
function runSteps(network: Network, program: StepProgram, subscriber: Subscriber<SimulationFrame>, dt: number, checkNaN: boolean, frame: MutableFrame | undefined, left: number, max: number): number {
  const hasAfter = program.afterStep !== undefined;
  for (let i = 0; i < max && !subscriber.closed; i++) {
    if (left === 0) {
      if (!program.beforeStep()) return -1;
      const g = program.grantedSteps === undefined ? 1 : program.grantedSteps();
      left = g >= 1 ? Math.floor(g) : 1;
    }
    if (frame !== undefined && left > 1 && !hasAfter && !checkNaN) {
      // A frame nobody keeps (runProtocolsSync): the granted steps run as one simulate() runs
      // them, all but the last with the lean update where no recorder reads the transients
      // (Network.runSteps; same numbers), and only the last step's frame is delivered.
      const n = Math.min(left, max - i);
      left -= n;
      i += n - 1;
      network.runSteps(n);
      const k = network.currentStep - 1;
      frame.step = k;
      frame.t = k * dt;
      deliver<SimulationFrame>(subscriber, frame, 'simulate$', k, true);
      continue;
    }
    left--;
    const k = network.currentStep;
    network.step();
    if (hasAfter) program.afterStep!();
    if (checkNaN) assertNoNaN(network, k);
    // a consumer that throws stops the run here (the driver restores the protocols), see deliver
    if (frame === undefined) deliver(subscriber, new SimulationFrame(k, k * dt, network), 'simulate$', k, true);
    else {
      frame.step = k;
      frame.t = k * dt;
      deliver<SimulationFrame>(subscriber, frame, 'simulate$', k, true);
    }
  }
  return left;
}

/**
 * Run a {@link StepProgram} on a network for one subscriber: one `network.step()` and one
 * {@link SimulationFrame} per step; `subscriber.closed` is checked before every step, so
 * unsubscribing (e.g. `take(n)`) stops before the next step. The program is finished
 * (inputs restored) before `complete`/`error` is delivered and on unsubscribe. Errors thrown
 * by the program, the step or the NaN check arrive as the Observable's error; the network
 * then stays at the step counter of the last completed step.
 *
 * With `reuseFrame`, the driver emits that one object, updated in place (its step and t), instead
 * of a new frame, and only for the last of the steps each `beforeStep()` granted (they run as
 * `Network.runSteps`, lean where nobody reads the transients): only for subscribers that cannot
 * keep frames (the synchronous simulation functions, whose caller sees none). Every Observable a
 * user subscribes to gets a new frame per step.
 *
 * @example
 * ```ts
 * new Observable<SimulationFrame>((sub) => driveSteps(net, { beforeStep: () => net.getCurrentStep() < 10 }, sub, {}));
 * ```
 */
export function driveSteps(network: Network, program: StepProgram, subscriber: Subscriber<SimulationFrame>, opts: DriveOptions, reuseFrame?: SimulationFrame): TeardownLogic {
  const dt = network.dt;
  const reused = reuseFrame as MutableFrame | undefined;
  const checkNaN = opts.checkNaN === true;
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    try {
      program.finish?.();
    } finally {
      // monitors streaming in blocks deliver their last one (after the inputs are restored)
      network.endRun();
    }
  };
  const fail = (e: unknown): void => {
    try {
      finish();
    } catch {
      // the original error is the one worth reporting
    }
    subscriber.error(e);
  };
  const done = (): void => {
    try {
      finish();
    } catch (e) {
      subscriber.error(e);
      return;
    }
    subscriber.complete();
  };
  // Steps still granted by the last beforeStep() (carried from one scheduled chunk to the next).
  let left = 0;

  if (opts.scheduler === undefined) {
    try {
      left = runSteps(network, program, subscriber, dt, checkNaN, reused, 0, Infinity);
      if (left < 0) done();
    } catch (e) {
      fail(e);
    }
    return finish;
  }

  const chunk = opts.chunk ?? 1000;
  const action = opts.scheduler.schedule(function (this: { schedule(state?: unknown, delay?: number): unknown }) {
    // a sink that cannot keep up (backpressure): wait for it before the next chunk
    const wait = runGate(network);
    if (wait !== undefined) {
      const self = this;
      const resume = (): void => {
        if (!subscriber.closed) self.schedule(undefined, 0);
      };
      wait.then(resume, resume);
      return;
    }
    try {
      left = runSteps(network, program, subscriber, dt, checkNaN, reused, left, chunk);
      if (left < 0) {
        done();
        return;
      }
    } catch (e) {
      fail(e);
      return;
    }
    if (!subscriber.closed) this.schedule(undefined, 0);
  });
  return () => {
    action.unsubscribe();
    finish();
  };
}
