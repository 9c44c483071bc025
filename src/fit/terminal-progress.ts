/**
 * The terminal progress bar (cli-progress, Node only), tqdm-like:
 * ` 24%|██████      | 238/1000 [00:01<00:03, 126.53gen/s, best loss: 0.00000]`.
 */
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';
import { setProgressBarFactory, type ProgressBar } from './progress-bar.js';

let cli: typeof CliProgress | undefined;

/**
 * A cli-progress bar on stderr (drawn only on a terminal).
 *
 * @example
 * ```ts
 * const bar = generationProgressBar(1000, 'gen'); bar.update(10, 'best loss: 0.5'); bar.stop();
 * ```
 */
export function generationProgressBar(total: number, unit: string): ProgressBar {
  // loaded on the first bar, as the simulation bar does
  cli ??= createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const started = Date.now();
  const bar = new cli.SingleBar(
    { format: ` {percentage}%|{bar}| {value}/{total} [{duration_formatted}<{eta_formatted}, {rate}${unit}/s{postfix}]`, hideCursor: true, stream: process.stderr },
    cli.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0.00', postfix: '' });
  return {
    update(done: number, postfix?: string) {
      const s = (Date.now() - started) / 1000;
      bar.update(done, { rate: (s > 0 ? done / s : 0).toFixed(2), postfix: postfix ? `, ${postfix}` : '' });
    },
    stop() {
      bar.stop();
    },
  };
}

setProgressBarFactory(generationProgressBar);
