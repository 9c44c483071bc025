/**
 * The messages between the playground page and its fit worker (fit-worker.ts).
 */
import type { PlaygroundState } from './state.js';

/**
 * Page -> fit worker: start a fit of the page state (replacing a running one), or stop it.
 *
 * @example
 * ```ts
 * fitWorker.postMessage({ type: 'stop', fitId: 2 } satisfies ToFitWorker);
 * ```
 */
export type ToFitWorker = { type: 'start'; fitId: number; state: PlaygroundState } | { type: 'stop'; fitId: number };

/**
 * Fit worker -> page: the target trace at the start, one message per generation (its loss
 * statistics, the best parameters so far and, when they improved, the best individual's trace),
 * the end (`stopped` when the page stopped it) or an error.
 *
 * @example
 * ```ts
 * fitWorker.onmessage = (e: MessageEvent<FromFitWorker>) => { if (e.data.type === 'generation') plot(e.data); };
 * ```
 */
export type FromFitWorker =
  | { type: 'started'; fitId: number; names: string[]; targetTime: Float64Array; targetValue: Float64Array; periodMs: number }
  | {
      type: 'generation';
      fitId: number;
      gen: number;
      nevals: number;
      min: number;
      avg: number;
      best: number[];
      bestFitness: number;
      /** The best individual's trace (every `periodMs` from 0), sent when the best improved. */
      bestTrace?: Float64Array;
    }
  | { type: 'done'; fitId: number; stopped: boolean; generations: number; best: number[] | undefined; bestFitness: number | undefined; wallMs: number }
  | { type: 'error'; fitId: number; message: string };
