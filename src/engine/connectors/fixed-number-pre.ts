import type { ConnectorRng } from './lil-connectivity.js';
import { drawValues, LILConnectivity, sameEndpoint, type ConnectorEndpoint, type ConnectorValue } from './lil-connectivity.js';

/** Arguments of {@link fixedNumberPre} (ANNarchy `connect_fixed_number_pre`). */
export interface FixedNumberPreOptions {
  number: number;
  weights: ConnectorValue;
  delays?: ConnectorValue;
  allowSelfConnections?: boolean;
}

/**
 * Convergent random pattern: per post neuron, `choice(preRanks, number, replace=false)`
 * (redrawn while it contains the post neuron itself, when self-connections are excluded),
 * sorted; then `number` weights and delays.
 *
 * @example
 * ```ts
 * const lil = fixedNumberPre(pre, post, { number: 10, weights: 1.0 }, net.numpyRng);
 * ```
 */
export function fixedNumberPre(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: FixedNumberPreOptions, rng: ConnectorRng): LILConnectivity {
  if (!Number.isInteger(o.number) || o.number < 0) throw new Error(`connectFixedNumberPre: number must be a non-negative integer, got ${String(o.number)}`);
  if (o.number > pre.size) throw new Error(`connectFixedNumberPre: number (${o.number}) exceeds the size of the pre-synaptic population (${pre.size})`);
  const allowSelf = !sameEndpoint(pre, post) || (o.allowSelfConnections ?? false);
  if (!allowSelf && o.number === pre.size && pre.ranks.some((r) => post.ranks.includes(r))) {
    throw new Error(`connectFixedNumberPre: number (${o.number}) equals the population size, so self-connections cannot be avoided; pass allowSelfConnections: true`);
  }
  const lil = new LILConnectivity();
  for (const rPost of post.ranks) {
    let r = rng.choice(pre.ranks, o.number, false);
    if (r.length === 0) continue;
    if (!allowSelf) while (r.includes(rPost)) r = rng.choice(pre.ranks, o.number, false);
    r = [...r].sort((a, b) => a - b);
    const w = drawValues(o.weights, o.number, rng);
    const d = drawValues(o.delays ?? 0, o.number, rng);
    lil.add(rPost, r, w, d);
  }
  return lil;
}
