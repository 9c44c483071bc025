/**
 * Kernel threads in browsers (`setup({ numThreads })`): Web Workers evaluating the engine's
 * thread script. A browser starts a worker only after the page's thread returns to its event
 * loop, and `compile()` is synchronous, so the workers are started beforehand with
 * {@link startKernelThreads}. Shared memory needs a cross-origin-isolated page
 * (`Cross-Origin-Opener-Policy: same-origin`, `Cross-Origin-Embedder-Policy: require-corp`).
 */
import { provideThreadSpawner } from '../engine/threads/thread-host.js';

// waits for the engine's script, then evaluates it with `__host`; messages arriving before the
// script registered its handler are queued
const BOOT = `
let handler;
const queue = [];
self.onmessage = (e) => {
  const m = e.data;
  if (m === 'ping') self.postMessage('pong');
  else if (m && m.type === 'eval') {
    const host = { onMessage: (h) => { handler = h; for (const q of queue.splice(0)) h(q); }, exit: () => self.close() };
    try {
      new Function('__host', m.source)(host);
    } catch (e) {
      console.error('compneuro-rx kernel thread did not start: ' + String(e && e.stack || e));
    }
  } else if (handler) handler(m);
  else queue.push(m);
};
self.postMessage('booted');
`;

const booted: Worker[] = [];

/**
 * Start `n` Web Workers for the kernel threads of the next `compile()` (a network with
 * `numThreads: k` takes `k - 1` of them; the page's own thread is the first). Resolves when they
 * are running.
 *
 * @example
 * ```ts
 * import { setup, startKernelThreads } from 'compneuro-rx/browser';
 * setup({ numThreads: 2 });
 * await startKernelThreads(1);
 * compile();
 * ```
 */
export async function startKernelThreads(n: number): Promise<void> {
  if (!Number.isInteger(n) || n < 0) throw new Error(`startKernelThreads: n must be a non-negative integer, got ${String(n)}`);
  if (typeof SharedArrayBuffer === 'undefined') throw new Error('startKernelThreads: this page has no SharedArrayBuffer; serve it cross-origin isolated (COOP same-origin, COEP require-corp)');
  const url = URL.createObjectURL(new Blob([BOOT], { type: 'text/javascript' }));
  try {
    const started: Promise<void>[] = [];
    while (booted.length + started.length < n) {
      const w = new Worker(url);
      // 'booted', then a round trip: Chromium queues messages to a worker on the page's thread
      // until it has seen the worker start, and a page thread blocked in compile() would never
      // hand them over; after the 'pong' the worker takes messages directly
      started.push(new Promise<void>((resolve, reject) => {
        w.onmessage = (e: MessageEvent) => {
          if (e.data === 'booted') {
            w.postMessage('ping');
            return;
          }
          w.onmessage = null;
          booted.push(w);
          resolve();
        };
        w.onerror = (e) => reject(new Error(`startKernelThreads: a worker did not start (${e.message})`));
      }));
    }
    await Promise.all(started);
  } finally {
    URL.revokeObjectURL(url);
  }
}

provideThreadSpawner({
  synchronousStart: false,
  spawn(source) {
    const w = booted.shift();
    if (!w) throw new Error('setup({ numThreads }) in a browser: start the threads before compile() with `await startKernelThreads(numThreads - 1)`');
    w.postMessage({ type: 'eval', source });
    return { postMessage: (m) => w.postMessage(m), terminate: () => w.terminate() };
  },
});
