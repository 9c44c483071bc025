import { LILConnectivity, type ConnectorEndpoint } from './lil-connectivity.js';

/**
 * A sparse matrix with pre-synaptic ranks as rows (as scipy's in ANNarchy): coordinate lists
 * `{ rows, cols, values, shape? }`, or a list of lists `[pre][post]` with `null`/0 for "no synapse".
 *
 * @example
 * ```ts
 * const s: SparseInput = { rows: [0, 1], cols: [1, 0], values: [0.5, 0.5] };
 * proj.connectFromSparse({ weights: s });
 * ```
 */
export type SparseInput =
  | { rows: ArrayLike<number>; cols: ArrayLike<number>; values: ArrayLike<number>; shape?: [number, number] }
  | ReadonlyArray<ReadonlyArray<number | null | undefined>>;

/** Arguments of {@link fromSparse} (ANNarchy `connect_from_sparse`). */
export interface FromSparseOptions {
  weights: SparseInput;
  /** One delay in ms for all synapses (ANNarchy allows only a constant here). */
  delays?: number;
}

/**
 * Connectivity from a sparse `[pre, post]` matrix: for each post column, the stored entries
 * in ascending pre order (a list of lists treats 0 and null as absent, like a scipy matrix).
 *
 * @example
 * ```ts
 * const lil = fromSparse(pre, post, { weights: { rows: [0, 2], cols: [1, 1], values: [0.5, 0.7] } });
 * ```
 */
export function fromSparse(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: FromSparseOptions): LILConnectivity {
  const delays = o.delays ?? 0;
  if (typeof delays !== 'number') throw new Error('connectFromSparse: only constant delays are allowed for sparse matrices');
  const cols: Map<number, [number, number][]> = new Map();
  const put = (i: number, j: number, v: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= pre.size) throw new Error(`connectFromSparse: row (pre) index ${i} out of range [0, ${pre.size})`);
    if (!Number.isInteger(j) || j < 0 || j >= post.size) throw new Error(`connectFromSparse: column (post) index ${j} out of range [0, ${post.size})`);
    let c = cols.get(j);
    if (!c) cols.set(j, (c = []));
    const same = c.find((e) => e[0] === i);
    // scipy sums duplicate coordinates
    if (same) same[1] += v;
    else c.push([i, v]);
  };
  const w = o.weights;
  if (Array.isArray(w)) {
    if (w.length !== pre.size || w.some((row) => !Array.isArray(row) || row.length !== post.size)) {
      throw new Error(`connectFromSparse: the matrix must have shape (pre, post) = (${pre.size}, ${post.size})`);
    }
    w.forEach((row, i) => row.forEach((v: number | null | undefined, j: number) => { if (v !== null && v !== undefined && v !== 0) put(i, j, v); }));
  } else if (w && typeof w === 'object' && 'rows' in w) {
    const s = w as { rows: ArrayLike<number>; cols: ArrayLike<number>; values: ArrayLike<number>; shape?: [number, number] };
    if (s.rows.length !== s.cols.length || s.rows.length !== s.values.length) throw new Error('connectFromSparse: rows, cols and values must have the same length');
    if (s.shape && (s.shape[0] !== pre.size || s.shape[1] !== post.size)) throw new Error(`connectFromSparse: shape (${s.shape[0]}, ${s.shape[1]}) must be (pre, post) = (${pre.size}, ${post.size})`);
    for (let k = 0; k < s.rows.length; k++) put(s.rows[k]!, s.cols[k]!, s.values[k]!);
  } else throw new Error('connectFromSparse: weights must be { rows, cols, values } or a list of lists [pre][post]');
  const lil = new LILConnectivity();
  for (let j = 0; j < post.size; j++) {
    const c = (cols.get(j) ?? []).sort((a, b) => a[0] - b[0]);
    if (c.length === 0) continue;
    lil.add(post.ranks[j]!, c.map((e) => pre.ranks[e[0]]!), c.map((e) => e[1]), [delays]);
  }
  return lil;
}
