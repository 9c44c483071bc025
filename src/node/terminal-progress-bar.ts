/**
 * The terminal progress bar of `simulate(ms, { progress: true })` and of the fits'
 * `displayProgressBar: true` (`DeapCma`, `OptNeuron`) in Node (cli-progress, on
 * stderr so that a run's printed results stay clean; nothing is drawn when stderr is not a
 * terminal). Installed by the Node entry; cli-progress is loaded on the first bar.
 */
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';
import { setDefaultProgressReporter, type ProgressInfo, type ProgressReporter } from '../engine/progress.js';

let cli: typeof CliProgress | undefined;

/**
 * A cli-progress bar on `stream` (default stderr; drawn only on a terminal); returns an
 * Observer-like reporter. A simulation's progress shows percentage, simulated time and ETA; a
 * progress that counts something else (`info.unit`, e.g. the generations of `DeapCma`) shows
 * `done/total unit` and its `detail` (the best loss) instead of the time.
 *
 * @example
 * ```ts
 * simulate(10000, { progress: terminalProgressBar('simulate') });
 * new DeapCma({ lower, upper, evaluateFunction, displayProgressBar: terminalProgressBar('fit') });
 * ```
 */
export function terminalProgressBar(label = 'simulate', stream: NodeJS.WritableStream = process.stderr): ProgressReporter {
  cli ??= createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const { SingleBar, Presets } = cli;
  let bar: CliProgress.SingleBar | undefined;
  const payload = (info: ProgressInfo) => ({ simTime: info.t.toFixed(1), detail: info.detail ? ` | ${info.detail}` : '' });
  return {
    next(info: ProgressInfo) {
      if (!bar) {
        // the first report decides what the bar counts
        const counts = info.unit ? `{value}/{total} ${info.unit}{detail}` : 't = {simTime} ms{detail}';
        bar = new SingleBar({ format: `${label} |{bar}| {percentage}% | ${counts} | ETA {eta_formatted}`, hideCursor: true, stream, etaBuffer: 50 }, Presets.shades_classic);
        bar.start(info.total, info.done, payload(info));
      } else {
        bar.update(info.done, payload(info));
      }
    },
    complete() {
      bar?.stop();
    },
  };
}

/**
 * Makes {@link terminalProgressBar} what `progress: true` shows (the Node entry calls this).
 *
 * @example
 * ```ts
 * installTerminalProgressBar();
 * simulate(1000, { progress: true });
 * ```
 */
export function installTerminalProgressBar(): void {
  setDefaultProgressReporter((label) => terminalProgressBar(label));
}
