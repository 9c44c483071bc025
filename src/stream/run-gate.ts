import type { Network } from '../engine/network.js';

/** Something a run on a scheduler waits for before its next chunk (a sink's backpressure). */
export type RunGate = () => Promise<void> | undefined;

const gates = new WeakMap<Network, Set<RunGate>>();

/**
 * Make simulation Observables of `network` that run on a scheduler wait, before each chunk,
 * until `gate()` returns undefined (or its promise settles). Synchronous runs cannot wait; the
 * gate's owner bounds what it buffers instead.
 *
 * @example
 * ```ts
 * const remove = addRunGate(net, () => (stream.writableNeedDrain ? once(stream, 'drain') : undefined));
 * ```
 */
export function addRunGate(network: Network, gate: RunGate): () => void {
  let s = gates.get(network);
  if (!s) gates.set(network, (s = new Set()));
  s.add(gate);
  return () => void s.delete(gate);
}

/** The first pending gate of `network`, or undefined if the run may go on. @example const wait = runGate(net); */
export function runGate(network: Network): Promise<void> | undefined {
  const s = gates.get(network);
  if (s === undefined || s.size === 0) return undefined;
  for (const g of s) {
    const p = g();
    if (p !== undefined) return p;
  }
  return undefined;
}
