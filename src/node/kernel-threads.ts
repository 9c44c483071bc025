/**
 * Kernel threads in Node (`setup({ numThreads })`): `worker_threads` evaluating the engine's
 * thread script. Registered by the Node entry; the engine itself imports no Node module.
 */
import { Worker } from 'node:worker_threads';
import { provideThreadSpawner, type KernelThreadSpawner } from '../engine/threads/thread-host.js';

// the thread script sees `__host`; an eval'd worker is a CommonJS script with `require`
const PRELUDE = `
const { parentPort } = require('node:worker_threads');
const __host = { onMessage: (h) => parentPort.on('message', h), exit: () => process.exit(0) };
`;

/**
 * The Node spawner: each thread is a `Worker` running the script in `eval` mode, unreferenced
 * so that it never keeps the process alive (mocha, scripts end when their work does).
 *
 * @example
 * ```ts
 * provideThreadSpawner(nodeThreadSpawner);
 * ```
 */
export const nodeThreadSpawner: KernelThreadSpawner = {
  synchronousStart: true,
  spawn(source) {
    // no inherited execArgv: the script is plain JavaScript (no tsx loader needed)
    const w = new Worker(PRELUDE + source, { eval: true, execArgv: [] });
    // an error inside the script is reported through the shared error buffer; this one is the thread dying
    w.on('error', (e) => console.error(`compneuro-rx kernel thread: ${String(e)}`));
    w.unref();
    return { postMessage: (m) => w.postMessage(m), terminate: () => void w.terminate() };
  },
};

/**
 * Register {@link nodeThreadSpawner} (the Node entry does on import; code that imports the
 * engine's modules directly calls it).
 *
 * @example
 * ```ts
 * installNodeThreads();
 * new Network({ numThreads: 2 });
 * ```
 */
export function installNodeThreads(): void {
  provideThreadSpawner(nodeThreadSpawner);
}
