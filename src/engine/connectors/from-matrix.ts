import { LILConnectivity, type ConnectorEndpoint } from './lil-connectivity.js';

/**
 * A dense matrix: rows of numbers, `null`/`undefined` meaning "no synapse".
 *
 * @example
 * ```ts
 * const m: DenseMatrix = [[0.1, null], [null, 0.2]];   // [post][pre], null: no synapse
 * proj.connectFromMatrix({ weights: m });
 * ```
 */
export type DenseMatrix = ReadonlyArray<ReadonlyArray<number | null | undefined>>;

/** Arguments of {@link fromMatrix} (ANNarchy `connect_from_matrix`). */
export interface FromMatrixOptions {
  /** `[post][pre]` weights (or `[pre][post]` with `prePost`); `null` = no synapse. */
  weights: DenseMatrix;
  /** One delay in ms for all synapses, or a matrix of the same shape. */
  delays?: number | DenseMatrix;
  /** The first index is the pre neuron. */
  prePost?: boolean;
}

function shapeOf(m: DenseMatrix, what: string): [number, number] {
  if (!Array.isArray(m) || m.length === 0 || !m.every((row) => Array.isArray(row))) throw new Error(`connectFromMatrix: ${what} must be a non-empty list of lists`);
  const n = m[0]!.length;
  if (m.some((row) => row.length !== n)) throw new Error(`connectFromMatrix: all rows of ${what} must have the same length`);
  return [m.length, n];
}

/**
 * Connectivity from a dense matrix (rows = post neurons unless `prePost`); `null` entries
 * create no synapse; post neurons without synapse get no dendrite.
 *
 * @example
 * ```ts
 * const lil = fromMatrix(pre, post, { weights: [[1, null], [0.5, 2]] });
 * ```
 */
export function fromMatrix(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: FromMatrixOptions): LILConnectivity {
  const [a, b] = shapeOf(o.weights, 'weights');
  const expected = o.prePost ? [pre.size, post.size] : [post.size, pre.size];
  if (a !== expected[0] || b !== expected[1]) {
    throw new Error(`connectFromMatrix: the matrix has shape (${a}, ${b}); expected (${expected[0]}, ${expected[1]}) = ${o.prePost ? '(pre, post)' : '(post, pre)'}`);
  }
  const delays = o.delays ?? 0;
  if (typeof delays !== 'number') {
    const [da, db] = shapeOf(delays, 'delays');
    if (da !== a || db !== b) throw new Error(`connectFromMatrix: delays have shape (${da}, ${db}) but weights (${a}, ${b})`);
  }
  const at = (m: DenseMatrix, i: number, j: number) => (o.prePost ? m[j]![i] : m[i]![j]);
  const lil = new LILConnectivity();
  for (let i = 0; i < post.size; i++) {
    const r: number[] = [];
    const w: number[] = [];
    const d: number[] = [];
    for (let j = 0; j < pre.size; j++) {
      const v = at(o.weights, i, j);
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number' || Number.isNaN(v)) throw new Error(`connectFromMatrix: weight (${i}, ${j}) is not a number (${String(v)})`);
      r.push(pre.ranks[j]!);
      w.push(v);
      if (typeof delays !== 'number') d.push(Number(at(delays, i, j) ?? 0));
    }
    if (typeof delays === 'number') d.push(delays);
    if (r.length > 0) lil.add(post.ranks[i]!, r, w, d);
  }
  return lil;
}
