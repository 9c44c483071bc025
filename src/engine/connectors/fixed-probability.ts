import type { ConnectorRng } from './lil-connectivity.js';
import { sameEndpoint, type ConnectorEndpoint, type ConnectorValue } from './lil-connectivity.js';
import { CSRBuilder, type CSRConnectivity } from './csr-connectivity.js';

/** Arguments of {@link fixedProbability} (ANNarchy `connect_fixed_probability`). */
export interface FixedProbabilityOptions {
  probability: number;
  weights: ConnectorValue;
  delays?: ConnectorValue;
  allowSelfConnections?: boolean;
}

/** The indices k with `random(n)[k] < p` (the generator's bulk method when it has one). */
function selected(rng: ConnectorRng, n: number, p: number): Int32Array {
  if (rng.randomBelow) return rng.randomBelow(n, p);
  const u = rng.random(n);
  const out = new Int32Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) if (u[k]! < p) out[m++] = k;
  return out.subarray(0, m);
}

/**
 * Random pattern: per post neuron, `random(nPre) < p` selects the pre neurons (ascending
 * ranks); post neurons without synapse draw no weights. Order per post neuron: connectivity,
 * weights, delays (annarchy-semantics §2.5). Built as compressed rows: no object per row.
 *
 * @example
 * ```ts
 * const csr = fixedProbability(pre, post, { probability: 0.1, weights: 1.0 }, net.numpyRng);
 * ```
 */
export function fixedProbability(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: FixedProbabilityOptions, rng: ConnectorRng): CSRConnectivity {
  const allowSelf = !sameEndpoint(pre, post) || (o.allowSelfConnections ?? false);
  const n = pre.ranks.length;
  const ranks = Int32Array.from(pre.ranks);
  let ascending = true;
  for (let k = 1; k < n && ascending; k++) ascending = ranks[k - 1]! < ranks[k]!;
  const row = new Int32Array(n);
  const b = new CSRBuilder(n * post.ranks.length * Math.min(1, o.probability) * 1.05 + 64);
  const delays = o.delays ?? 0;
  const posts = post.ranks;
  // the row of post neuron rPost from the selected indices; its length
  const fill = (sel: Int32Array, count: number, rPost: number): number => {
    let m = 0;
    for (let j = 0; j < count; j++) {
      const r = ranks[sel[j]!]!;
      if (allowSelf || r !== rPost) row[m++] = r;
    }
    if (m > 0 && !ascending) row.subarray(0, m).sort();
    return m;
  };
  if (typeof o.weights === 'number' && typeof delays === 'number' && rng.randomBelowRows) {
    // nothing else draws between the rows: the generator stays in WebAssembly memory
    let i = 0;
    rng.randomBelowRows(posts.length, n, o.probability, (sel, count) => {
      const rPost = posts[i++]!;
      const m = fill(sel, count, rPost);
      if (m > 0) b.addRow(rPost, row, m, o.weights as number, delays);
    });
    return b.finish();
  }
  for (const rPost of posts) {
    const sel = selected(rng, n, o.probability);
    const m = fill(sel, sel.length, rPost);
    if (m === 0) continue;
    const w = typeof o.weights === 'number' ? o.weights : o.weights.getValues(m, rng);
    const d = typeof delays === 'number' ? delays : delays.getValues(m, rng);
    b.addRow(rPost, row, m, w, d);
  }
  return b.finish();
}
