import { Network } from './network.js';

let current: Network | undefined;

/**
 * The global network behind the module functions (`setup`, `compile`, `simulate`, ...) and the
 * default for new populations, projections and monitors: ANNarchy's "magic network".
 *
 * @example
 * ```ts
 * const net = currentNetwork();
 * net.populationsList.length;
 * ```
 */
export function currentNetwork(): Network {
  if (!current) current = new Network();
  return current;
}

/** Replace the global network with a fresh one keeping dt, method and seed (ANNarchy's `clear()`). */
export function resetCurrentNetwork(): Network {
  const old = current;
  old?.dispose();
  current = new Network(old ? { dt: old.dt, method: old.method } : {});
  if (old && old.seed !== -1) current.setSeed(old.seed);
  return current;
}
