import type { ConnectorRng } from './lil-connectivity.js';
import { drawValues, LILConnectivity, sameEndpoint, type ConnectorEndpoint, type ConnectorValue } from './lil-connectivity.js';

/** Arguments of {@link fixedProbability} (ANNarchy `connect_fixed_probability`). */
export interface FixedProbabilityOptions {
  probability: number;
  weights: ConnectorValue;
  delays?: ConnectorValue;
  allowSelfConnections?: boolean;
}

/**
 * Random pattern: per post neuron, `random(nPre) < p` selects the pre neurons (ascending
 * ranks); post neurons without synapse draw no weights. Order per post neuron: connectivity,
 * weights, delays (annarchy-semantics §2.5).
 *
 * @example
 * ```ts
 * const lil = fixedProbability(pre, post, { probability: 0.1, weights: 1.0 }, net.numpyRng);
 * ```
 */
export function fixedProbability(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: FixedProbabilityOptions, rng: ConnectorRng): LILConnectivity {
  const allowSelf = !sameEndpoint(pre, post) || (o.allowSelfConnections ?? false);
  const lil = new LILConnectivity();
  const n = pre.ranks.length;
  for (const rPost of post.ranks) {
    const u = rng.random(n);
    let tmp: number[] = [];
    for (let k = 0; k < n; k++) if (u[k]! < o.probability) tmp.push(pre.ranks[k]!);
    if (!allowSelf) tmp = tmp.filter((r) => r !== rPost);
    tmp.sort((a, b) => a - b);
    if (tmp.length === 0) continue;
    const w = drawValues(o.weights, tmp.length, rng);
    const d = drawValues(o.delays ?? 0, tmp.length, rng);
    lil.add(rPost, tmp, w, d);
  }
  return lil;
}
