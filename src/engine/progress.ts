/**
 * Progress of long runs (`simulate(ms, { progress })`). A reporter has the shape of an RxJS
 * Observer (`next`, `complete`), so in a page an RxJS `Subject` is a progress Observable, while
 * the engine itself knows nothing of RxJS. `progress: true` asks for the environment's default
 * reporter: the Node entry registers a terminal bar (cli-progress); elsewhere there is none.
 */

/**
 * Where a run stands. Wall-clock figures are in ms of real time.
 *
 * @example
 * ```ts
 * simulate(1000, { progress: { next: (p: ProgressInfo) => console.log(p.percent, p.t, p.eta) } });
 * ```
 */
export interface ProgressInfo {
  /** Steps done in this run, and its total. */
  done: number;
  total: number;
  /** 0 to 100. */
  percent: number;
  /** Simulated time of the network in ms (NaN for a fit's generations). */
  t: number;
  /** Real time since the run started (ms) and the estimated real time left (ms). */
  elapsed: number;
  eta: number;
  /**
   * What `done` counts when it is not simulation steps (`'gen'` for the generations of
   * `DeapCma` / `OptNeuron`); a terminal bar then shows `done/total unit` instead of `t`.
   */
  unit?: string;
  /** A short status shown beside the bar, e.g. `best loss: 0.00012`. */
  detail?: string;
}

/**
 * Receives {@link ProgressInfo}s: an RxJS `Subject<ProgressInfo>` or any Observer-like object.
 *
 * @example
 * ```ts
 * const progress: ProgressReporter = new Subject<ProgressInfo>();
 * simulate(1000, { progress });
 * ```
 */
export interface ProgressReporter {
  /** Called with the progress after every chunk of steps. */
  next(info: ProgressInfo): void;
  /** Called once when the run ends. */
  complete?(): void;
}

/**
 * `true` (the environment's default reporter), `false`, or a reporter.
 *
 * @example
 * ```ts
 * const p: ProgressOption = true;   // the terminal bar in Node
 * simulate(1000, { progress: p });
 * ```
 */
export type ProgressOption = boolean | ProgressReporter;

let defaultFactory: ((label?: string) => ProgressReporter | undefined) | undefined;

/**
 * Sets what `progress: true` (and the fits' `displayProgressBar: true`) uses; the Node entry
 * installs a terminal progress bar. `label` names the run (`'simulate'`, `'DeapCma'`).
 *
 * @example
 * ```ts
 * setDefaultProgressReporter(() => ({ next: (p) => console.log(p.percent.toFixed(0) + ' %') }));
 * ```
 */
export function setDefaultProgressReporter(factory: ((label?: string) => ProgressReporter | undefined) | undefined): void {
  defaultFactory = factory;
}

/** Throws unless `option` is a {@link ProgressOption} (undefined allowed), naming `where`. */
export function checkProgressOption(option: unknown, where: string): asserts option is ProgressOption | undefined {
  if (option === undefined || typeof option === 'boolean') return;
  if (option !== null && typeof option === 'object' && typeof (option as ProgressReporter).next === 'function') return;
  throw new Error(`${where}: progress must be true, false or an object with next(info) (e.g. an RxJS Subject), got ${String(option)}`);
}

/** The reporter an option stands for, or undefined; a bad option is an error naming it. */
export function progressReporter(option: ProgressOption | undefined, where: string, label?: string): ProgressReporter | undefined {
  checkProgressOption(option, where);
  if (option === undefined || option === false) return undefined;
  if (option === true) return label === undefined ? defaultFactory?.() : defaultFactory?.(label);
  return option;
}

/** The {@link ProgressInfo} of `done` of `total` steps after `elapsed` ms of real time. */
export function progressInfo(done: number, total: number, t: number, elapsed: number, extra?: { unit?: string; detail?: string }): ProgressInfo {
  return {
    done,
    total,
    percent: total > 0 ? Math.min(100, (100 * done) / total) : 100,
    t,
    elapsed,
    eta: done > 0 ? (elapsed * Math.max(0, total - done)) / done : NaN,
    ...extra,
  };
}

/**
 * Runs `total` steps through `runSteps(count)` in slices, reporting after each: at most ~200
 * reports per run, and at least one at 100 %. `now` is the wall clock (performance.now).
 */
export function runWithProgress(total: number, reporter: ProgressReporter, runSteps: (count: number) => void, simTime: () => number): void {
  const now = () => globalThis.performance.now();
  const t0 = now();
  const slice = Math.max(1, Math.ceil(total / 200));
  const report = (done: number) => reporter.next(progressInfo(done, total, simTime(), now() - t0));
  report(0);
  let done = 0;
  try {
    while (done < total) {
      const k = Math.min(slice, total - done);
      runSteps(k);
      done += k;
      report(done);
    }
  } finally {
    reporter.complete?.(); // a terminal bar is closed even when a step throws
  }
}
