/**
 * What the engine needs to start kernel threads, provided by an entry (the engine itself imports
 * no Node module and no DOM type): the Node entry registers `worker_threads`, the browser entry
 * Web Workers. `setup({ numThreads: 2 })` fails at compile with a clear error when nothing was
 * registered.
 */

/** One started thread, as the engine sees it. */
export interface KernelThread {
  /** Deliver a message (structured clone; `SharedArrayBuffer`s and shared memories are shared). */
  postMessage(message: unknown): void;
  /** Stop the thread at once. */
  terminate(): void;
}

/**
 * Starts threads that evaluate `source`, a self-contained classic script. The script finds a
 * global `__host` with `onMessage(handler)` (messages from the engine) set up by the spawner.
 *
 * @example
 * ```ts
 * provideThreadSpawner({ spawn: (source) => startWorkerFor(source), synchronousStart: true });
 * ```
 */
export interface KernelThreadSpawner {
  /** Start a thread evaluating `source` (see the interface's description). */
  spawn(source: string): KernelThread;
  /**
   * True if a started thread runs while the spawning thread blocks (Node's worker threads).
   * Browsers start a Web Worker only after the page's thread returns to its event loop: then
   * the threads must be started beforehand (`await startThreads(n)` of the browser entry).
   */
  readonly synchronousStart: boolean;
}

let provided: KernelThreadSpawner | undefined;

/**
 * Register how kernel threads start (called by the Node and browser entries).
 *
 * @example
 * ```ts
 * import { provideThreadSpawner } from 'compneuro-rx/browser';
 * provideThreadSpawner(mySpawner);
 * ```
 */
export function provideThreadSpawner(spawner: KernelThreadSpawner): void {
  provided = spawner;
}

/** The registered spawner, if any. */
export function threadSpawner(): KernelThreadSpawner | undefined {
  return provided;
}
