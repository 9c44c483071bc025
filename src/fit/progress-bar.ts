/**
 * Progress bars for long runs: a terminal bar (cli-progress) when the Node entry registered it,
 * nothing in a browser (pages use the Observables' events instead).
 */

/** A progress display. */
export interface ProgressBar {
  /** Show `done` evaluations, with an optional postfix such as `best loss: 0.12345`. */
  update(done: number, postfix?: string): void;
  /** Finish the bar. */
  stop(): void;
}

/** Makes a bar for `total` steps of `unit` (e.g. 'gen'). */
export type ProgressBarFactory = (total: number, unit: string) => ProgressBar;

let factory: ProgressBarFactory | undefined;

/**
 * Registers the bar implementation (`compneuro-rx`'s Node entry registers cli-progress).
 *
 * @example
 * ```ts
 * setProgressBarFactory((total) => ({ update: (n) => console.log(n, '/', total), stop() {} }));
 * ```
 */
export function setProgressBarFactory(f: ProgressBarFactory | undefined): void {
  factory = f;
}

/**
 * A bar from the registered factory, or one that shows nothing.
 *
 * @example
 * ```ts
 * const bar = createProgressBar(100, 'gen'); bar.update(1, 'best loss: 0.12345'); bar.stop();
 * ```
 */
export function createProgressBar(total: number, unit: string): ProgressBar {
  return factory?.(total, unit) ?? { update() {}, stop() {} };
}
