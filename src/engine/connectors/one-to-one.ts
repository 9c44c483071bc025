import { drawValues, LILConnectivity, type ConnectorEndpoint, type ConnectorValue } from './lil-connectivity.js';

/** Arguments of {@link oneToOne} (ANNarchy `connect_one_to_one`). */
export interface OneToOneOptions {
  weights?: ConnectorValue;
  delays?: ConnectorValue;
}

/**
 * One-to-one pattern: the k-th post neuron receives from the k-th pre neuron (up to the
 * smaller size). Per post neuron: one weight draw, then one delay draw.
 *
 * @example
 * ```ts
 * const lil = oneToOne(pre, post, { weights: 2.0 }, rng);
 * ```
 */
export function oneToOne(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: OneToOneOptions, rng: unknown): LILConnectivity {
  const lil = new LILConnectivity();
  for (let idx = 0; idx < post.ranks.length; idx++) {
    if (idx >= pre.size) break;
    const w = drawValues(o.weights ?? 1.0, 1, rng);
    const d = drawValues(o.delays ?? 0, 1, rng);
    lil.add(post.ranks[idx]!, [pre.ranks[idx]!], w, d);
  }
  return lil;
}
