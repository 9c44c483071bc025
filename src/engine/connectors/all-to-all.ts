import { drawValues, LILConnectivity, sameEndpoint, type ConnectorEndpoint, type ConnectorValue } from './lil-connectivity.js';

/** Arguments of {@link allToAll} (ANNarchy `connect_all_to_all`). */
export interface AllToAllOptions {
  weights: ConnectorValue;
  delays?: ConnectorValue;
  allowSelfConnections?: boolean;
}

/**
 * All-to-all pattern: every post neuron receives from every pre neuron (itself excluded when
 * pre and post are the same population, unless allowed). Per post neuron: weights, then delays.
 *
 * @example
 * ```ts
 * const lil = allToAll(pre, post, { weights: 1.0 }, rng);
 * ```
 */
export function allToAll(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: AllToAllOptions, rng: unknown): LILConnectivity {
  const allowSelf = !sameEndpoint(pre, post, true) || (o.allowSelfConnections ?? false);
  const lil = new LILConnectivity();
  for (const rPost of post.ranks) {
    const tmp = [...pre.ranks];
    if (!allowSelf) {
      const k = tmp.indexOf(rPost);
      if (k >= 0) tmp.splice(k, 1);
    }
    const w = drawValues(o.weights, tmp.length, rng);
    const d = drawValues(o.delays ?? 0, tmp.length, rng);
    lil.add(rPost, tmp, w, d);
  }
  return lil;
}
