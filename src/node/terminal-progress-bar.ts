/**
 * The terminal progress bar of `simulate(ms, { progress: true })` in Node (cli-progress, on
 * stderr so that a run's printed results stay clean; nothing is drawn when stderr is not a
 * terminal). Installed by the Node entry; cli-progress is loaded on the first bar.
 */
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';
import { setDefaultProgressReporter, type ProgressInfo, type ProgressReporter } from '../engine/progress.js';

let cli: typeof CliProgress | undefined;

/**
 * A cli-progress bar showing percentage, simulated time and ETA on `stream` (default stderr;
 * drawn only on a terminal); returns an Observer-like reporter for the engine.
 *
 * @example
 * ```ts
 * simulate(10000, { progress: terminalProgressBar('simulate') });
 * ```
 */
export function terminalProgressBar(label = 'simulate', stream: NodeJS.WritableStream = process.stderr): ProgressReporter {
  cli ??= createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const bar = new cli.SingleBar(
    {
      format: `${label} |{bar}| {percentage}% | t = {simTime} ms | ETA {eta_formatted}`,
      hideCursor: true,
      stream,
      etaBuffer: 50,
    },
    cli.Presets.shades_classic,
  );
  let started = false;
  return {
    next(info: ProgressInfo) {
      if (!started) {
        bar.start(info.total, info.done, { simTime: info.t.toFixed(1) });
        started = true;
      } else {
        bar.update(info.done, { simTime: info.t.toFixed(1) });
      }
    },
    complete() {
      if (started) bar.stop();
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
  setDefaultProgressReporter(() => terminalProgressBar());
}
