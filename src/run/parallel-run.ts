/**
 * ANNarchy's `parallel_run`: the same network simulated `number` times with different arguments
 * or seeds, spread over a runner (a local worker pool by default). The network is built by the
 * module's `build()` once per worker; each run gets a reset network.
 */
import { createRunner } from './create-runner.js';
import { siblingModule } from './module-url.js';
import type { ParallelRunSetup, ParallelRunTask } from './parallel-run-evaluator.js';
import { evaluateAll, type Runner } from './runner.js';

/** Options of {@link parallelRun} (ANNarchy's keywords in camelCase, `**args` as `args`). */
export interface ParallelRunOptions {
  /** Module (file URL or path) exporting the method and `build`. */
  module: string;
  /** Export name of `method(idx, net, args)`; default `simulation`. */
  method?: string;
  /** Export name of the function creating and compiling the network; default `build` (optional export). */
  build?: string;
  /** Number of runs. */
  number: number;
  /** Per-run arguments: an array of `number` values is split over the runs, anything else goes to every run. */
  args?: Record<string, unknown>;
  /** Base seed: run i gets seed + i (all get seed with `sameSeed`); default: unseeded runs. */
  seed?: number;
  sameSeed?: boolean;
  /** Default `'local'` (one worker thread per core). */
  runner?: 'serial' | 'local' | 'queue' | Runner;
  redis?: string;
  queue?: string;
  /** Prints the duration, as ANNarchy's `measure_time`. */
  measureTime?: boolean;
}

/**
 * Runs `method(idx, net, args)` `number` times in parallel; resolves with the results in order.
 *
 * @example
 * ```ts
 * // sim.ts exports build() (creates and compiles a network) and simulation(idx, net, args)
 * const rates = await parallelRun({ module: new URL('./sim.ts', import.meta.url).href, number: 8, args: { rate: [5, 10, 15, 20, 25, 30, 35, 40] }, seed: 42 });
 * ```
 */
export async function parallelRun<R = unknown>(options: ParallelRunOptions): Promise<R[]> {
  const { module, method = 'simulation', build = 'build', number, args = {}, seed, sameSeed = false, measureTime = false } = options;
  if (typeof module !== 'string' || !module) throw new Error('parallelRun: "module" must name a module exporting the method (file URL or path)');
  if (!Number.isInteger(number) || number < 1) throw new Error(`parallelRun: number must be a positive integer, got ${String(number)}`);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) throw new Error(`parallelRun: seed must be a non-negative integer, got ${String(seed)}`);
  const base = seed ?? (sameSeed ? Math.floor(Math.random() * 2 ** 31) : undefined);
  const tasks: ParallelRunTask[] = Array.from({ length: number }, (_, idx) => ({
    idx,
    seed: base === undefined ? undefined : sameSeed ? base : base + idx,
    args: Object.fromEntries(Object.entries(args).map(([k, v]) => [k, Array.isArray(v) && v.length === number ? v[idx] : v])),
  }));
  const r = options.runner ?? 'local';
  const runner = typeof r === 'string' ? createRunner(r, { redis: options.redis, queue: options.queue }, 'parallelRun') : r;
  const t0 = Date.now();
  try {
    const setup: ParallelRunSetup = { module, method, build };
    return await evaluateAll<ParallelRunSetup, ParallelRunTask, R>(runner, { module: siblingModule(import.meta.url, './parallel-run-evaluator.js'), setup }, tasks);
  } finally {
    if (typeof r === 'string') await runner.close();
    if (measureTime) console.log(`Running ${number} networks in parallel took: ${(Date.now() - t0) / 1000}`);
  }
}
