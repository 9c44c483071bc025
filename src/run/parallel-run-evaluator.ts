/**
 * The evaluation module of {@link parallelRun}: imports the user's module, calls its `build()`
 * once (creating and compiling the network of this worker), then per run resets the network,
 * seeds it and calls the method `(idx, net, args)`, as ANNarchy's `parallel_run` does.
 */
import { currentNetwork } from '../engine/magic-network.js';
import type { Network } from '../engine/network.js';
import { importModule, moduleSpecifier } from './evaluator-cache.js';

/** Setup shipped to workers. */
export interface ParallelRunSetup {
  readonly module: string;
  readonly method: string;
  readonly build: string;
}

/** One run. */
export interface ParallelRunTask {
  readonly idx: number;
  readonly seed: number | undefined;
  readonly args: Record<string, unknown>;
}

/** Builds the user's network once and returns the function running one task. */
export async function createEvaluator(setup: ParallelRunSetup): Promise<(task: ParallelRunTask) => unknown> {
  const mod = await importModule(moduleSpecifier(setup.module));
  const method = mod[setup.method] as ((idx: number, net: Network, args: Record<string, unknown>) => unknown) | undefined;
  if (typeof method !== 'function') throw new Error(`parallelRun: module "${setup.module}" has no function export "${setup.method}" (exports: ${Object.keys(mod).join(', ')})`);
  const build = mod[setup.build] as (() => void) | undefined;
  if (build !== undefined && typeof build !== 'function') throw new Error(`parallelRun: export "${setup.build}" of "${setup.module}" must be a function building the network`);
  build?.();
  return (task) => {
    const net = currentNetwork();
    net.reset({ populations: true, projections: true, monitors: true });
    if (task.seed !== undefined) net.setSeed(task.seed);
    return method(task.idx, net, task.args);
  };
}
