import type { ConnectorRng } from './lil-connectivity.js';
import { drawValues, LILConnectivity, sameEndpoint, type ConnectorEndpoint, type ConnectorValue } from './lil-connectivity.js';

/** Arguments of {@link fixedNumberPost} (ANNarchy `connect_fixed_number_post`). */
export interface FixedNumberPostOptions {
  number: number;
  weights?: ConnectorValue;
  delays?: ConnectorValue;
  allowSelfConnections?: boolean;
}

/**
 * Divergent random pattern: per pre neuron, `choice(postRanks, number, replace=false)`
 * (all post neurons if `number >= nPost`); then per post neuron its weights and delays.
 *
 * @example
 * ```ts
 * const lil = fixedNumberPost(pre, post, { number: 5, weights: 1.0 }, net.numpyRng);
 * ```
 */
export function fixedNumberPost(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: FixedNumberPostOptions, rng: ConnectorRng): LILConnectivity {
  if (!Number.isInteger(o.number) || o.number < 0) throw new Error(`connectFixedNumberPost: number must be a non-negative integer, got ${String(o.number)}`);
  if (o.number > post.size) throw new Error(`connectFixedNumberPost: number (${o.number}) exceeds the size of the post-synaptic population (${post.size})`);
  const allowSelf = !sameEndpoint(pre, post) || (o.allowSelfConnections ?? false);
  const rkMat = new Map<number, number[]>(post.ranks.map((r) => [r, []]));
  for (const rPre of pre.ranks) {
    let tmp: readonly number[];
    if (o.number >= post.ranks.length) tmp = post.ranks;
    else {
      tmp = rng.choice(post.ranks, o.number, false);
      if (!allowSelf) while (tmp.includes(rPre)) tmp = rng.choice(post.ranks, o.number, false);
    }
    for (const i of tmp) rkMat.get(i)!.push(rPre);
  }
  const lil = new LILConnectivity();
  for (const rPost of post.ranks) {
    const r = rkMat.get(rPost)!;
    if (r.length === 0) continue;
    const w = drawValues(o.weights ?? 1.0, r.length, rng);
    const d = drawValues(o.delays ?? 0, r.length, rng);
    lil.add(rPost, r, w, d);
  }
  return lil;
}
