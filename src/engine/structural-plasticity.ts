import { LILConnectivity } from './connectors/lil-connectivity.js';
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
 * synapses is removed. Delayed spikes and rates in flight are kept (uniform delays); projections
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
  const lil = proj.lilConnectivity();
  if (lil.delaysPerSynapse) throw new Error(`${what}: projections with per-synapse delays cannot change their synapses yet`);
  const d = lil.postRanks.indexOf(postRank);
  if (d < 0) throw new Error(`${what}: the neuron of rank ${postRank} has no dendrite in this projection`);
  const dt = proj.network.dt;
  const uniformMs = lil.delays[d]![0] ?? dt;
  // old synapse index of each synapse of the edited dendrite, -1 for a new one
  const pre = [...lil.preRanks[d]!];
  const w = [...lil.w[d]!];
  const base = S.rowPtr[S.dendriteOfPost[postRank]!]!;
  const from = pre.map((_, j) => base + j);
  for (const [k, r] of edit.ranks.entries()) {
    if (!Number.isInteger(r) || r < 0 || r >= proj.pre.size) throw new Error(`${what}: pre rank must be an integer in [0, ${proj.pre.size}), got ${String(r)}`);
    const at = pre.indexOf(r);
    if (edit.kind === 'prune') {
      if (at < 0) throw new Error(`${what}: there is no synapse from pre rank ${r} (pre ranks ${lil.preRanks[d]!.join(', ')})`);
      pre.splice(at, 1);
      w.splice(at, 1);
      from.splice(at, 1);
    } else {
      if (at >= 0) throw new Error(`${what}: a synapse from pre rank ${r} already exists`);
      const weight = edit.weights[k]!;
      if (typeof weight !== 'number' || !Number.isFinite(weight)) throw new Error(`${what}: the weight must be a finite number, got ${String(weight)}`);
      const delay = edit.delays[k];
      // 4.7.3's default delay 0 (one step) fits any uniform delay only if it equals it
      if (delay !== undefined && Math.max(1, Math.round(delay / dt)) !== Math.max(1, Math.round(uniformMs / dt))) {
        throw new Error(`${what}: the projection has one delay for all synapses (${uniformMs} ms); a new synapse cannot have ${delay} ms`);
      }
      let pos = 0;
      while (pos < pre.length && pre[pos]! < r) pos++;
      pre.splice(pos, 0, r);
      w.splice(pos, 0, weight);
      from.splice(pos, 0, -1);
    }
  }
  // the whole new connectivity with a map new synapse -> old synapse
  const next = new LILConnectivity();
  const map: number[] = [];
  const dendriteFrom: number[] = [];
  for (let i = 0; i < lil.postRanks.length; i++) {
    const rows = i === d ? pre : lil.preRanks[i]!;
    if (rows.length === 0) continue;
    next.add(lil.postRanks[i]!, rows, i === d ? w : lil.w[i]!, uniformMs);
    dendriteFrom.push(i);
    if (i === d) map.push(...from);
    else for (let k = S.rowPtr[i]!; k < S.rowPtr[i + 1]!; k++) map.push(k);
  }
  const local = Object.entries(S.local).map(([k, a]) => [k, a.slice()] as const);
  const semiglobal = Object.entries(S.semiglobal).map(([k, a]) => [k, a.slice()] as const);
  const global = { ...S.global };
  const lastEvent = S.lastEvent.slice();
  const extra: Record<string, Float64Array | Int32Array> = {};
  const runtime = proj.$saveRuntime(extra);
  proj.$rebuild(next);
  const T = proj.$state!;
  for (const [k, old] of local) {
    const a = T.local[k]!;
    // w of new synapses comes from the connectivity; other attributes keep their initial values
    for (let s = 0; s < map.length; s++) if (map[s]! >= 0) a[s] = old[map[s]!]!;
  }
  for (const [k, old] of semiglobal) {
    const a = T.semiglobal[k]!;
    for (let i = 0; i < dendriteFrom.length; i++) a[i] = old[dendriteFrom[i]!]!;
  }
  Object.assign(T.global, global);
  if (T.lastEvent.length > 0) for (let s = 0; s < map.length; s++) if (map[s]! >= 0) T.lastEvent[s] = lastEvent[map[s]!]!;
  // uniform delays: the queues are indexed by pre rank, still valid
  proj.$loadRuntime(runtime, extra);
}
