import { readFileSync, writeFileSync } from 'node:fs';
import { fflateModule } from './fflate-module.js';
import { captureNetworkState, captureProjectionState, projectionMismatch, restoreNetworkState, restoreProjectionState, type NetworkState, type ProjectionStateMeta, type StateArray } from '../engine/network-state.js';
import { currentNetwork } from '../engine/magic-network.js';
import type { Network } from '../engine/network.js';
import { LILConnectivity } from '../engine/connectors/lil-connectivity.js';
import { Projection } from '../engine/projection.js';
import { decodeNpy, encodeNpy, type NpyArray } from './npy.js';
import { CONSTANTS, Constant } from '../language/constant.js';

/** Options of {@link save} and {@link load}. */
export interface SaveOptions {
  /** Default: the global network. */
  network?: Network;
}

const META = '__meta__';

function writeNpz(filename: string, arrays: Record<string, NpyArray>): void {
  const files: Record<string, Uint8Array> = {};
  for (const [k, a] of Object.entries(arrays)) files[`${k}.npy`] = encodeNpy(a);
  // deflated, as np.savez_compressed writes
  writeFileSync(filename, fflateModule().zipSync(files, { level: 6 }));
}

function readNpz(filename: string, what: string): Record<string, NpyArray> {
  let zipped: Record<string, Uint8Array>;
  try {
    zipped = fflateModule().unzipSync(new Uint8Array(readFileSync(filename)));
  } catch (e) {
    throw new Error(`${what}: cannot read "${filename}" as an .npz file (${(e as Error).message})`);
  }
  const out: Record<string, NpyArray> = {};
  for (const [name, bytes] of Object.entries(zipped)) {
    if (!name.endsWith('.npy')) continue;
    out[name.slice(0, -4)] = decodeNpy(bytes, `${what}: "${filename}" entry ${name}`).data;
  }
  return out;
}

/**
 * Save the state of a compiled network to an `.npz` file (ANNarchy `save`): every population's
 * and projection's attributes and connectivity (`population/<name>/<attribute>`,
 * `projection/<name>/<attribute>`), plus what an identical continuation needs (time, random
 * generators, last spikes, refractory counters, delay queues) and a JSON description in
 * `__meta__` (`json.loads(np.load(f)['__meta__'].tobytes())`).
 *
 * @example
 * ```ts
 * simulate(500);
 * save('state.npz');
 * // another process, same script up to compile():
 * load('state.npz');
 * simulate(500);   // identical to simulating 1000 ms in one run
 * ```
 */
export function save(filename: string, opts: SaveOptions = {}): void {
  if (typeof filename !== 'string' || !filename.endsWith('.npz')) throw new Error(`save: the file name must end with .npz, got ${JSON.stringify(filename)}`);
  const s = captureNetworkState(opts.network ?? currentNetwork());
  writeNpz(filename, { ...s.arrays, [META]: new TextEncoder().encode(JSON.stringify(s.meta)) });
}

/**
 * Load a file written by {@link save} into a compiled network of the same structure (ANNarchy
 * `load`). A file of another network is refused with an error naming the first mismatch, and
 * the network is not touched.
 *
 * @example
 * ```ts
 * compile();
 * load('state.npz');
 * ```
 */
export function load(filename: string, opts: SaveOptions = {}): void {
  const arrays = readNpz(filename, 'load');
  const metaBytes = arrays[META];
  if (!metaBytes) throw new Error(`load: "${filename}" was not written by save() (no ${META} entry)`);
  delete arrays[META];
  const state: NetworkState = { meta: JSON.parse(new TextDecoder().decode(metaBytes)), arrays: arrays as Record<string, StateArray> };
  restoreNetworkState(opts.network ?? currentNetwork(), state);
}

/**
 * Save one projection's connectivity, delays, attributes and queues to an `.npz` file (ANNarchy
 * `Projection.save(filename)`), in the layout of {@link save} (`projection/<name>/<attribute>`
 * plus a JSON `__meta__`).
 *
 * @example
 * ```ts
 * saveProjection(proj, 'proj.npz');
 * ```
 */
export function saveProjection(proj: Projection, filename: string): void {
  if (!(proj instanceof Projection)) throw new Error('saveProjection: expected a Projection');
  if (typeof filename !== 'string' || !filename.endsWith('.npz')) throw new Error(`saveProjection: the file name must end with .npz, got ${JSON.stringify(filename)}`);
  const arrays: Record<string, StateArray> = {};
  const meta = { format: 'compneuro-rx projection state', version: 1, projection: captureProjectionState(proj, arrays) };
  writeNpz(filename, { ...arrays, [META]: new TextEncoder().encode(JSON.stringify(meta)) });
}

/**
 * Load a file of {@link saveProjection} into a compiled projection of the same structure
 * (ANNarchy `Projection.load(filename)`). A file of another projection is refused naming the
 * first mismatch, and the projection is not touched.
 *
 * @example
 * ```ts
 * loadProjection(proj, 'proj.npz');
 * ```
 */
export function loadProjection(proj: Projection, filename: string): void {
  if (!(proj instanceof Projection)) throw new Error('loadProjection: expected a Projection');
  if (!proj.$state) throw new Error(`loadProjection: compile the network before loading "${proj.name}"`);
  const arrays = readNpz(filename, 'loadProjection');
  const metaBytes = arrays[META];
  if (!metaBytes) throw new Error(`loadProjection: "${filename}" was not written by saveProjection() (no ${META} entry)`);
  delete arrays[META];
  const meta = JSON.parse(new TextDecoder().decode(metaBytes)) as { format?: string; projection?: ProjectionStateMeta };
  if (meta.format !== 'compneuro-rx projection state' || !meta.projection) throw new Error(`loadProjection: "${filename}" was not written by saveProjection() (format ${JSON.stringify(meta.format)})`);
  const f = meta.projection;
  // the file's arrays are keyed by the saved projection's name; a projection of the same structure may load it
  const renamed: Record<string, StateArray> = {};
  const from = `projection/${f.name}/`, to = `projection/${proj.name}/`;
  for (const [k, a] of Object.entries(arrays)) if (k.startsWith(from)) renamed[to + k.slice(from.length)] = a as StateArray;
  const bad = projectionMismatch(proj, f, renamed);
  if (bad) throw new Error(`loadProjection: "${filename}" does not match the projection: ${bad}`);
  restoreProjectionState(proj, f, renamed);
}

/**
 * Save the population-wide (`: population`) and projection-wide (`: projection`) parameters
 * and the constants to JSON (ANNarchy `save_parameters`: the same structure
 * `{ populations, projections, network, constants }`, the values given at construction).
 *
 * @example
 * ```ts
 * saveParameters('params.json');
 * ```
 */
export function saveParameters(filename: string, opts: SaveOptions = {}): void {
  const net = opts.network ?? currentNetwork();
  writeFileSync(filename, JSON.stringify(describeParameters(net), null, 4));
}

/**
 * The JSON object {@link saveParameters} writes.
 *
 * @example
 * ```ts
 * const p = describeParameters(currentNetwork());
 * p.populations['HH_Bischop'];   // { E_L: -68, ... }
 * ```
 */
export function describeParameters(net: Network): { populations: Record<string, Record<string, number>>; projections: Record<string, Record<string, number>>; network: Record<string, number>; constants: Record<string, number> } {
  const populations: Record<string, Record<string, number>> = {};
  for (const pop of net.populationsList) {
    const d: Record<string, number> = {};
    for (const a of [...pop.$ir.parameters, ...pop.$ir.variables]) if (a.locality === 'global') d[a.name] = pop.init.get(a.name) as number;
    populations[pop.name] = d;
  }
  const projections: Record<string, Record<string, number>> = {};
  for (const proj of net.projectionsList) {
    if (!(proj instanceof Projection)) continue;
    const d: Record<string, number> = {};
    for (const a of [...proj.$ir.parameters, ...proj.$ir.variables]) if (a.locality === 'global') d[a.name] = (proj.init.get(a.name) as number | undefined) ?? a.init;
    projections[proj.name] = d;
  }
  const constants: Record<string, number> = {};
  for (const [name, c] of CONSTANTS) constants[name] = c.value;
  return { populations, projections, network: {}, constants };
}

/**
 * Load parameters from a JSON file in {@link saveParameters}' format (ANNarchy
 * `load_parameters`): population and projection parameters by name (with `globalOnly: false`,
 * one value also for per-neuron/per-synapse parameters), constants (created if new). Returns the
 * `network` entries. Unlike ANNarchy, an unknown population, projection or parameter is an error
 * naming it, and nothing is applied then.
 *
 * @example
 * ```ts
 * const extra = loadParameters('params.json');
 * ```
 */
export function loadParameters(filename: string, opts: { globalOnly?: boolean; network?: Network } = {}): Record<string, number> {
  const net = opts.network ?? currentNetwork();
  const globalOnly = opts.globalOnly ?? true;
  let desc: { populations?: Record<string, Record<string, unknown>>; projections?: Record<string, Record<string, unknown>>; network?: Record<string, unknown>; constants?: Record<string, unknown> };
  try {
    desc = JSON.parse(readFileSync(filename, 'utf8'));
  } catch (e) {
    throw new Error(`loadParameters: cannot read "${filename}" as JSON (${(e as Error).message})`);
  }
  const where = `loadParameters("${filename}")`;
  const num = (v: unknown, what: string) => {
    const x = typeof v === 'boolean' ? Number(v) : Number(v);
    if (typeof v === 'object' || !Number.isFinite(x)) throw new Error(`${where}: ${what} must be a number, got ${JSON.stringify(v)}`);
    return x;
  };
  const actions: (() => void)[] = [];
  for (const [name, params] of Object.entries(desc.populations ?? {})) {
    const pop = net.populationsList.find((p) => p.name === name);
    if (!pop) throw new Error(`${where}: the population "${name}" does not exist in the network (${net.populationsList.map((p) => p.name).join(', ')})`);
    for (const [p, v] of Object.entries(params)) {
      const info = pop.$ir.parameters.find((x) => x.name === p);
      if (!info) throw new Error(`${where}: "${p}" is not a parameter of population "${name}" (${pop.parameters.join(', ')})`);
      if (globalOnly && info.locality !== 'global') throw new Error(`${where}: "${p}" of population "${name}" is not a population-wide parameter; pass globalOnly: false to set it for every neuron`);
      const x = num(v, `${name}.${p}`);
      actions.push(() => pop.set({ [p]: x }));
    }
  }
  for (const [name, params] of Object.entries(desc.projections ?? {})) {
    const proj = net.projectionsList.find((p) => p.name === name);
    if (!(proj instanceof Projection)) throw new Error(`${where}: the projection "${name}" does not exist in the network (${net.projectionsList.map((p) => p.name).join(', ')})`);
    for (const [p, v] of Object.entries(params)) {
      const info = proj.$ir.parameters.find((x) => x.name === p);
      if (!info) throw new Error(`${where}: "${p}" is not a parameter of projection "${name}" (${proj.parameters.join(', ')})`);
      if (globalOnly && info.locality !== 'global') throw new Error(`${where}: "${p}" of projection "${name}" is not a projection-wide parameter; pass globalOnly: false to set it for every synapse`);
      const x = num(v, `${name}.${p}`);
      actions.push(() => proj.set({ [p]: x }));
    }
  }
  for (const [name, v] of Object.entries(desc.constants ?? {})) {
    const x = num(v, `constant ${name}`);
    actions.push(() => { const c = CONSTANTS.get(name); if (c) c.set(x); else new Constant(name, x); });
  }
  const network: Record<string, number> = {};
  for (const [k, v] of Object.entries(desc.network ?? {})) network[k] = num(v, `network.${k}`);
  for (const a of actions) a();
  return network;
}

/**
 * Save a projection's connectivity, weights and delays to `.npz` (ANNarchy
 * `Projection.save_connectivity`): `post_ranks`, `row_ptr` (dendrite k holds entries
 * `row_ptr[k]:row_ptr[k+1]`), `pre_ranks`, `w`, `delay` (ms).
 *
 * @example
 * ```ts
 * saveConnectivity(proj, 'exc.npz');
 * ```
 */
export function saveConnectivity(proj: Projection, filename: string): void {
  if (!(proj instanceof Projection)) throw new Error('saveConnectivity: expected a Projection');
  if (!filename.endsWith('.npz')) throw new Error(`saveConnectivity: the file name must end with .npz, got ${JSON.stringify(filename)}`);
  const lil = proj.lilConnectivity();
  const rowPtr = new Int32Array(lil.postRanks.length + 1);
  lil.preRanks.forEach((r, i) => { rowPtr[i + 1] = rowPtr[i]! + r.length; });
  writeNpz(filename, {
    post_ranks: Int32Array.from(lil.postRanks), row_ptr: rowPtr, pre_ranks: Int32Array.from(lil.preRanks.flat()),
    w: Float64Array.from(lil.w.flat()), delay: Float64Array.from(lil.delays.flat()),
    size: Int32Array.of(lil.postRanks.length), nb_synapses: Int32Array.of(rowPtr[rowPtr.length - 1]!),
    uniform_delay: Float64Array.of(lil.delaysPerSynapse ? -1 : (lil.delays[0]?.[0] ?? 0)),
  });
}

/**
 * Connect a projection from a file of {@link saveConnectivity} (ANNarchy
 * `Projection.connect_from_file`); ranks must fit the populations (checked at once).
 *
 * @example
 * ```ts
 * connectFromFile(proj, 'exc.npz');
 * ```
 */
export function connectFromFile(proj: Projection, filename: string): Projection {
  const a = readNpz(filename, 'connectFromFile');
  for (const k of ['post_ranks', 'row_ptr', 'pre_ranks', 'w', 'delay']) if (!a[k]) throw new Error(`connectFromFile: "${filename}" has no "${k}" array (not written by saveConnectivity?)`);
  const post = a.post_ranks!, ptr = a.row_ptr!, pre = a.pre_ranks!, w = a.w!, d = a.delay!;
  if (ptr.length !== post.length + 1 || ptr[ptr.length - 1] !== pre.length || w.length !== pre.length || d.length !== pre.length) {
    throw new Error(`connectFromFile: "${filename}" has inconsistent arrays (${post.length} dendrites, ${pre.length} pre ranks, ${w.length} weights, ${d.length} delays)`);
  }
  let maxPre = -1, maxPost = -1;
  for (let k = 0; k < pre.length; k++) if (pre[k]! > maxPre) maxPre = pre[k]!;
  for (let k = 0; k < post.length; k++) if (post[k]! > maxPost) maxPost = post[k]!;
  if (maxPre >= proj.pre.size) throw new Error(`connectFromFile: "${filename}" has pre rank ${maxPre}, but "${proj.pre.name}" has ${proj.pre.size} neurons`);
  if (maxPost >= proj.post.size) throw new Error(`connectFromFile: "${filename}" has post rank ${maxPost}, but "${proj.post.name}" has ${proj.post.size} neurons`);
  const lil = new LILConnectivity();
  // one delay for all synapses stays uniform (ANNarchy's uniform_delay)
  const uniform = a.uniform_delay !== undefined && a.uniform_delay[0]! >= 0;
  for (let i = 0; i < post.length; i++) {
    lil.add(post[i]!, pre.subarray(ptr[i]!, ptr[i + 1]!), w.subarray(ptr[i]!, ptr[i + 1]!), uniform ? a.uniform_delay![0]! : Array.from(d.subarray(ptr[i]!, ptr[i + 1]!)));
  }
  return proj.connectFromLil(lil, 'From file');
}
