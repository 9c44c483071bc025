import type { CSRConnectivity } from './connectors/csr-connectivity.js';
import type { Projection } from './projection.js';

/** One edit of a dendrite: synapses to remove (pre ranks) or to add (pre ranks, weights, delays in ms). */
export type DendriteEdit =
  | { kind: 'prune'; ranks: number[] }
  | { kind: 'create'; ranks: number[]; weights: number[]; delays: (number | undefined)[] };

/**
 * Remove or add synapses of one dendrite while the network runs (ANNarchy 4.7.3
 * `Dendrite.prune_synapse(s)` / `create_synapse(s)`, which need `setup(structural_plasticity=True)`).
 * Everything is checked before anything changes. Pre ranks stay sorted (a new synapse is inserted
 * at its rank's place, as ANNarchy's LIL does); the other synapses keep all their attributes and
 * event times; a new synapse gets the attributes' initial values. A dendrite left without
 * synapses stays, empty (as in ANNarchy). Delayed spikes and rates in flight are kept (uniform delays); projections
 * with per-synapse delays refuse edits.
 *
 * @example
 * ```ts
 * const net = new Network({ structuralPlasticity: true });
 * // ... build and compile
 * editDendrite(proj, 3, { kind: 'prune', ranks: [2, 4] });
 * ```
 */
export function editDendrite(proj: Projection, postRank: number, edit: DendriteEdit): void {
  const what = `Projection "${proj.name}".dendrite(${postRank}).${edit.kind === 'prune' ? 'pruneSynapse' : 'createSynapse'}`;
  if (!proj.network.structuralPlasticity) {
    throw new Error(`${what}: structural plasticity is not enabled; call setup({ structuralPlasticity: true }) (or new Network({ structuralPlasticity: true })) before building the network`);
  }
  const S = proj.$state;
  if (!S) throw new Error(`${what}: compile the network first`);
  if (proj.uniformDelay === -1) throw new Error(`${what}: projections with per-synapse delays cannot change their synapses yet`);
  const d = postRank >= 0 && postRank < S.dendriteOfPost.length ? S.dendriteOfPost[postRank]! : -1;
  if (d < 0) throw new Error(`${what}: the neuron of rank ${postRank} has no dendrite in this projection`);
  const dt = proj.network.dt;
  const uniformSteps = proj.uniformDelay;
  // old synapse index of each synapse of the edited dendrite, -1 for a new one
  const k0 = S.rowPtr[d]!, k1 = S.rowPtr[d + 1]!;
  const pre = Array.from(S.preRank.subarray(k0, k1));
  const before = pre.slice();
  const w = Array.from(S.local.w!.subarray(k0, k1));
  const from = pre.map((_, j) => k0 + j);
  for (const [k, r] of edit.ranks.entries()) {
    if (!Number.isInteger(r) || r < 0 || r >= proj.pre.size) throw new Error(`${what}: pre rank must be an integer in [0, ${proj.pre.size}), got ${String(r)}`);
    const at = pre.indexOf(r);
    if (edit.kind === 'prune') {
      if (at < 0) throw new Error(`${what}: there is no synapse from pre rank ${r} (pre ranks ${before.join(', ')})`);
      pre.splice(at, 1);
      w.splice(at, 1);
      from.splice(at, 1);
    } else {
      if (at >= 0) throw new Error(`${what}: a synapse from pre rank ${r} already exists`);
      const weight = edit.weights[k]!;
      if (typeof weight !== 'number' || !Number.isFinite(weight)) throw new Error(`${what}: the weight must be a finite number, got ${String(weight)}`);
      const delay = edit.delays[k];
      // 4.7.3's default delay 0 (one step) fits any uniform delay only if it equals it
      if (delay !== undefined && !fitsUniformDelay(delay, uniformSteps, dt)) {
        throw new Error(`${what}: the projection has one delay for all synapses (${Math.max(1, uniformSteps) * dt} ms); a new synapse cannot have ${delay} ms`);
      }
      let pos = 0;
      while (pos < pre.length && pre[pos]! < r) pos++;
      pre.splice(pos, 0, r);
      w.splice(pos, 0, weight);
      from.splice(pos, 0, -1);
    }
  }
  const rows: DendriteRows[] = [];
  for (let i = 0; i < S.nDendrites; i++) {
    if (i === d) rows.push({ pre, w, from });
    else rows.push(undefined);
  }
  rebuildRows(proj, rows);
}

/**
 * Whether a new synapse's delay (ms) agrees with a projection's uniform delay (steps): ANNarchy
 * refuses any other (4.7.3's default delay 0, one step, fits only a one-step projection).
 *
 * @example
 * ```ts
 * fitsUniformDelay(2.0, proj.uniformDelay, net.dt);
 * ```
 */
export function fitsUniformDelay(delayMs: number, uniformSteps: number, dt: number): boolean {
  return Math.max(1, Math.round(delayMs / dt)) === Math.max(1, uniformSteps);
}

/**
 * The new synapses of one dendrite: pre ranks, weights, and for each the index of the old
 * synapse it continues (-1 for a new one). `undefined`: the dendrite is unchanged.
 */
export type DendriteRows = { pre: number[]; w: number[]; from: number[] } | undefined;

/**
 * Rebuild a compiled projection's rows (one entry per dendrite, in dendrite order) and carry
 * every surviving synapse's attributes, event times and the delay queues over. Dendrites keep
 * their place even when left without synapses (4.7.3's `removeSynapse` erases from the
 * dendrite's lists only), so creating can add synapses to them again. Uniform delays only.
 *
 * @example
 * ```ts
 * rebuildRows(proj, [undefined, { pre: [0, 2], w: [1, 1], from: [3, -1] }]);
 * ```
 */
export function rebuildRows(proj: Projection, rows: readonly DendriteRows[]): void {
  const S = proj.$state!;
  const nD = S.nDendrites;
  const rowPtr = new Int32Array(nD + 1);
  for (let i = 0; i < nD; i++) {
    const r = rows[i];
    rowPtr[i + 1] = rowPtr[i]! + (r ? r.pre.length : S.rowPtr[i + 1]! - S.rowPtr[i]!);
  }
  const nS = rowPtr[nD]!;
  const preRanks = new Int32Array(nS);
  const w = new Float64Array(nS);
  // new synapse -> old synapse, -1 for a new one
  const map = new Int32Array(nS);
  const oldW = S.local.w!;
  for (let i = 0; i < nD; i++) {
    const r = rows[i];
    let s = rowPtr[i]!;
    if (r) {
      for (let j = 0; j < r.pre.length; j++, s++) { preRanks[s] = r.pre[j]!; w[s] = r.w[j]!; map[s] = r.from[j]!; }
    } else {
      for (let k = S.rowPtr[i]!; k < S.rowPtr[i + 1]!; k++, s++) { preRanks[s] = S.preRank[k]!; w[s] = oldW[k]!; map[s] = k; }
    }
  }
  const next: CSRConnectivity = {
    postRanks: S.postRank.slice(), rowPtr, preRanks, w,
    delays: Math.max(proj.uniformDelay, 0) * proj.network.dt, delaysPerSynapse: false,
  };
  const local = Object.entries(S.local);
  const semiglobal = Object.entries(S.semiglobal);
  const global = { ...S.global };
  const lastEvent = S.lastEvent;
  const extra: Record<string, Float64Array | Int32Array> = {};
  const runtime = proj.$saveRuntime(extra);
  // the old arrays are not reused by the new state (it allocates its own), so no copies are needed
  proj.$rebuild(next);
  const T = proj.$state!;
  for (const [k, old] of local) {
    // w of new synapses comes from the connectivity; other attributes keep their initial values
    const a = T.local[k]!;
    for (let s = 0; s < nS; s++) if (map[s]! >= 0) a[s] = old[map[s]!]!;
  }
  for (const [k, old] of semiglobal) T.semiglobal[k]!.set(old);
  Object.assign(T.global, global);
  if (T.lastEvent.length > 0) for (let s = 0; s < nS; s++) if (map[s]! >= 0) T.lastEvent[s] = lastEvent[map[s]!]!;
  // uniform delays: the queues are indexed by pre rank, still valid
  proj.$loadRuntime(runtime, extra);
}
