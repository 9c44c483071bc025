import { defer, tap, type MonoTypeOperatorFunction } from 'rxjs';
import { progressInfo, type ProgressReporter } from '../engine/progress.js';
import type { SimulationFrame } from './simulation-frame.js';

/**
 * Reports the progress of a simulation Observable of `total` steps to `reporter` (at most ~200
 * reports, the last at 100 %) and completes the reporter when the run ends, fails or is
 * unsubscribed.
 *
 * @example
 * ```ts
 * simulate$(1000).pipe(progressTap(terminalProgressBar(), ceil(1000 / dt()))).subscribe();
 * ```
 */
export function progressTap(reporter: ProgressReporter, total: number): MonoTypeOperatorFunction<SimulationFrame> {
  return (source) =>
    defer(() => {
      const t0 = globalThis.performance.now();
      const slice = Math.max(1, Math.ceil(total / 200));
      let done = 0;
      const report = (t: number) => reporter.next(progressInfo(done, total, t, globalThis.performance.now() - t0));
      return source.pipe(
        tap({
          next: (f) => {
            done++;
            if (done % slice === 0 || done === total) report(f.t);
          },
          finalize: () => reporter.complete?.(),
        }),
      );
    });
}
