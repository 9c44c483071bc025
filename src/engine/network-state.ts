import { CONSTANTS } from '../language/constant.js';
import type { Network } from './network.js';
import { Projection } from './projection.js';

/** A typed array of a saved network state. */
export type StateArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** Everything needed to continue a compiled network bit for bit: JSON metadata and named arrays. */
export interface NetworkState {
  meta: NetworkStateMeta;
  /** `population/<name>/<key>`, `projection/<name>/<key>`, `rng/key`, `numpy/key`. */
  arrays: Record<string, StateArray>;
}

/** The JSON part of a {@link NetworkState}. */
export interface NetworkStateMeta {
  format: 'compneuro-rx network state';
  version: 1;
  dt: number;
  currentStep: number;
  rng: { pos: number };
  numpy: { pos: number; hasGauss: boolean; gauss: number };
  constants: Record<string, number>;
  populations: { name: string; size: number; neuron: string; attributes: string[]; global: Record<string, number>; nSpiked: number; nAxonal?: number; runtime: Record<string, unknown> }[];
  projections: ProjectionStateMeta[];
}

/** The JSON part of one projection's saved state. */
export interface ProjectionStateMeta { name: string; pre: string; post: string; targets: string[]; attributes: string[]; global: Record<string, number>; runtime: Record<string, unknown> }

const FORMAT = 'compneuro-rx network state';

function projectionsOf(net: Network): Projection[] {
  return net.projectionsList.filter((p): p is Projection => p instanceof Projection);
}

/**
 * Capture the state of a compiled network: time, both random generators, constants, every
 * population's and projection's attributes, spikes of the last step, refractory counters,
 * connectivity, delay queues and learning flags (monitors are not part of it, as in ANNarchy).
 *
 * @example
 * ```ts
 * const s = captureNetworkState(net);
 * restoreNetworkState(otherNet, s);   // same structure: continues identically
 * ```
 */
export function captureNetworkState(net: Network): NetworkState {
  if (!net.compiled) throw new Error('save: the network is not compiled yet');
  const arrays: Record<string, StateArray> = {};
  const rng = net.rng.getState();
  arrays['rng/key'] = Uint32Array.from(rng.key);
  const np = net.numpyRng.getState();
  arrays['numpy/key'] = Uint32Array.from(np.key);
  const meta: NetworkStateMeta = {
    format: FORMAT, version: 1, dt: net.dt, currentStep: net.currentStep,
    rng: { pos: rng.pos }, numpy: { pos: np.pos, hasGauss: np.hasGauss, gauss: np.gauss },
    constants: Object.fromEntries([...CONSTANTS].map(([k, c]) => [k, c.value])),
    populations: [], projections: [],
  };
  for (const pop of net.populationsList) {
    const S = pop.$state!;
    const at = `population/${pop.name}/`;
    for (const [k, a] of Object.entries(S.local)) arrays[at + k] = a.slice();
    arrays[`${at}_lastSpike`] = S.lastSpike.slice();
    arrays[`${at}_refRemaining`] = S.refRemaining.slice();
    arrays[`${at}_refSteps`] = S.refSteps.slice();
    arrays[`${at}_inRef`] = S.inRef.slice();
    arrays[`${at}_spiked`] = S.spiked.slice(0, S.nSpiked);
    if (S.axonal) arrays[`${at}_axonal`] = S.axonal.slice(0, S.nAxonal);
    meta.populations.push({ name: pop.name, size: pop.size, neuron: pop.neuronType.name, attributes: [...pop.parameters, ...pop.variables],
      global: { ...S.global }, nSpiked: S.nSpiked, nAxonal: S.nAxonal, runtime: pop.$saveRuntime() });
  }
  for (const proj of projectionsOf(net)) meta.projections.push(captureProjectionState(proj, arrays));
  return { meta, arrays };
}

/**
 * Add one projection's state (connectivity, delays, attributes, event times, queues) to `arrays`
 * under `projection/<name>/` and return its metadata (ANNarchy `Projection.save`).
 *
 * @example
 * ```ts
 * const arrays = {};
 * const meta = captureProjectionState(proj, arrays);
 * ```
 */
export function captureProjectionState(proj: Projection, arrays: Record<string, StateArray>): ProjectionStateMeta {
  if (!proj.$state) throw new Error(`save: the projection "${proj.name}" is not compiled yet`);
  const S = proj.$state;
  const at = `projection/${proj.name}/`;
  arrays[`${at}_postRank`] = S.postRank.slice();
  arrays[`${at}_rowPtr`] = S.rowPtr.slice();
  arrays[`${at}_preRank`] = S.preRank.slice();
  const lil = proj.lilConnectivity();
  arrays[`${at}_delay`] = Float64Array.from(lil.delays.flat());
  for (const [k, a] of Object.entries(S.local)) arrays[at + k] = a.slice();
  for (const [k, a] of Object.entries(S.semiglobal)) arrays[`${at}_semiglobal_${k}`] = a.slice();
  arrays[`${at}_lastEvent`] = S.lastEvent.slice();
  const extra: Record<string, Float64Array | Int32Array> = {};
  const runtime = proj.$saveRuntime(extra);
  for (const [k, a] of Object.entries(extra)) arrays[at + k] = a;
  return { name: proj.name, pre: proj.pre.name, post: proj.post.name, targets: [...proj.targets], attributes: proj.attributes,
    global: { ...S.global }, runtime };
}

/** The first difference between a saved state and the network, or undefined. */
function mismatch(net: Network, s: NetworkState): string | undefined {
  const m = s.meta;
  if (!m || m.format !== FORMAT) return `not a ${FORMAT} (format ${JSON.stringify(m?.format)})`;
  if (m.version !== 1) return `unsupported version ${String(m.version)}`;
  if (m.dt !== net.dt) return `dt is ${m.dt} ms in the file, ${net.dt} ms in the network`;
  const pops = net.populationsList;
  if (m.populations.length !== pops.length) return `the file has ${m.populations.length} populations (${m.populations.map((p) => p.name).join(', ')}), the network ${pops.length} (${pops.map((p) => p.name).join(', ')})`;
  for (let k = 0; k < pops.length; k++) {
    const f = m.populations[k]!, p = pops[k]!;
    if (f.name !== p.name) return `population ${k} is "${f.name}" in the file, "${p.name}" in the network`;
    if (f.size !== p.size) return `population "${p.name}" has ${f.size} neurons in the file, ${p.size} in the network`;
    const attrs = [...p.parameters, ...p.variables];
    if (JSON.stringify(f.attributes) !== JSON.stringify(attrs)) return `population "${p.name}" has attributes ${f.attributes.join(', ')} in the file, ${attrs.join(', ')} in the network`;
    for (const key of Object.keys(p.$state!.local)) {
      const a = s.arrays[`population/${p.name}/${key}`];
      if (!a || a.length !== p.size) return `population "${p.name}": array "${key}" is missing or has the wrong length in the file`;
    }
  }
  const projs = projectionsOf(net);
  if (m.projections.length !== projs.length) return `the file has ${m.projections.length} projections (${m.projections.map((p) => p.name).join(', ')}), the network ${projs.length} (${projs.map((p) => p.name).join(', ')})`;
  for (let k = 0; k < projs.length; k++) {
    const f = m.projections[k]!, p = projs[k]!;
    if (f.name !== p.name) return `projection ${k} is "${f.name}" in the file, "${p.name}" in the network`;
    const bad = projectionMismatch(p, f, s.arrays);
    if (bad) return bad;
  }
  const unknown = Object.keys(m.constants).find((c) => !CONSTANTS.has(c));
  if (unknown) return `constant "${unknown}" of the file is not defined`;
  return undefined;
}

/** The first difference between one projection's saved state and the projection, or undefined. */
export function projectionMismatch(p: Projection, f: ProjectionStateMeta, arrays: Record<string, StateArray>): string | undefined {
  if (f.pre !== p.pre.name || f.post !== p.post.name) return `projection "${p.name}" connects ${f.pre} -> ${f.post} in the file, ${p.pre.name} -> ${p.post.name} in the network`;
  if (JSON.stringify(f.targets) !== JSON.stringify(p.targets)) return `projection "${p.name}" has targets ${f.targets.join(', ')} in the file, ${p.targets.join(', ')} in the network`;
  if (JSON.stringify(f.attributes) !== JSON.stringify(p.attributes)) return `projection "${p.name}" has attributes ${f.attributes.join(', ')} in the file, ${p.attributes.join(', ')} in the network`;
  const at = `projection/${p.name}/`;
  const rowPtr = arrays[`${at}_rowPtr`], preRank = arrays[`${at}_preRank`], postRank = arrays[`${at}_postRank`];
  if (!rowPtr || !preRank || !postRank) return `projection "${p.name}": connectivity missing in the file`;
  if (postRank.length + 1 !== rowPtr.length || rowPtr[rowPtr.length - 1] !== preRank.length) return `projection "${p.name}": inconsistent connectivity in the file`;
  if (preRank.some((r) => r >= p.pre.size) || postRank.some((r) => r >= p.post.size)) return `projection "${p.name}": ranks in the file exceed the population sizes`;
  for (const key of Object.keys(p.$state!.local)) {
    if (arrays[at + key]?.length !== preRank.length) return `projection "${p.name}": array "${key}" is missing or does not have one value per synapse in the file`;
  }
  if (arrays[`${at}_delay`]?.length !== preRank.length) return `projection "${p.name}": delays missing in the file`;
  return undefined;
}

/**
 * Load a {@link NetworkState} into a compiled network of the same structure. Everything is
 * checked first: a file of another network is refused with an error naming the first mismatch,
 * and the network is left untouched.
 *
 * @example
 * ```ts
 * restoreNetworkState(net, captureNetworkState(net));
 * ```
 */
export function restoreNetworkState(net: Network, s: NetworkState): void {
  if (!net.compiled) throw new Error('load: compile the network before loading a state into it');
  const bad = mismatch(net, s);
  if (bad) throw new Error(`load: the file does not match the network: ${bad}`);
  const m = s.meta;
  for (const [name, v] of Object.entries(m.constants)) CONSTANTS.get(name)?.set(v);
  net.currentStep = m.currentStep;
  net.rng.setState({ key: s.arrays['rng/key'] as Uint32Array, pos: m.rng.pos });
  net.numpyRng.setState({ key: s.arrays['numpy/key'] as Uint32Array, pos: m.numpy.pos, hasGauss: m.numpy.hasGauss, gauss: m.numpy.gauss });
  net.populationsList.forEach((pop, k) => {
    const f = m.populations[k]!;
    const S = pop.$state!;
    const at = `population/${pop.name}/`;
    for (const key of Object.keys(S.local)) S.local[key]!.set(s.arrays[at + key]!);
    Object.assign(S.global, f.global);
    S.lastSpike.set(s.arrays[`${at}_lastSpike`]!);
    S.refRemaining.set(s.arrays[`${at}_refRemaining`]!);
    S.refSteps.set(s.arrays[`${at}_refSteps`]!);
    S.inRef.set(s.arrays[`${at}_inRef`]!);
    S.spiked.set(s.arrays[`${at}_spiked`]!);
    S.nSpiked = f.nSpiked;
    if (S.axonal) {
      S.axonal.set(s.arrays[`${at}_axonal`]!);
      S.nAxonal = f.nAxonal;
    }
    pop.$loadRuntime(f.runtime);
  });
  projectionsOf(net).forEach((proj, k) => restoreProjectionState(proj, m.projections[k]!, s.arrays));
}

/**
 * Load one projection's state written by {@link captureProjectionState}; the caller checked it
 * with {@link projectionMismatch}.
 *
 * @example
 * ```ts
 * restoreProjectionState(proj, meta, arrays);
 * ```
 */
export function restoreProjectionState(proj: Projection, f: ProjectionStateMeta, arrays: Record<string, StateArray>): void {
  const at = `projection/${proj.name}/`;
  const rowPtr = arrays[`${at}_rowPtr`]!, preRank = arrays[`${at}_preRank`]!, postRank = arrays[`${at}_postRank`]!, delay = arrays[`${at}_delay`]!;
  const S0 = proj.$state!;
  const same = S0.rowPtr.length === rowPtr.length && S0.preRank.length === preRank.length
    && S0.rowPtr.every((x, i) => x === rowPtr[i]) && S0.preRank.every((x, i) => x === preRank[i]) && S0.postRank.every((x, i) => x === postRank[i]);
  const delaysDiffer = proj.lilConnectivity().delays.flat().some((d, i) => d !== delay[i]);
  if (!same || delaysDiffer) {
    // compressed rows as saved: a dendrite structural plasticity emptied keeps its place
    proj.$rebuild({
      postRanks: Int32Array.from(postRank), rowPtr: Int32Array.from(rowPtr), preRanks: Int32Array.from(preRank),
      w: 0, delays: Float64Array.from(delay),
      // delays given per synapse (random) keep ANNarchy's non-uniform delivery even when equal
      delaysPerSynapse: f.runtime.perSynapseDelays as boolean,
    });
  }
  const S = proj.$state!;
  for (const key of Object.keys(S.local)) S.local[key]!.set(arrays[at + key]!);
  for (const key of Object.keys(S.semiglobal)) S.semiglobal[key]!.set(arrays[`${at}_semiglobal_${key}`]!);
  Object.assign(S.global, f.global);
  S.lastEvent.set(arrays[`${at}_lastEvent`]!);
  const extra: Record<string, ArrayLike<number>> = {};
  for (const [key, a] of Object.entries(arrays)) if (key.startsWith(at)) extra[key.slice(at.length)] = a;
  proj.$loadRuntime(f.runtime, extra);
}
