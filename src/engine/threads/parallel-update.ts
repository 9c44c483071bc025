import { CONSTANTS } from '../../language/constant.js';
import type { PopulationKernel, PopulationKernelState } from '../../language/kernel-state.js';
import type { PopulationKernels } from '../../language/population-codegen.js';
import type { SimdLoopBinding } from '../../language/wasm/bind-simd-loop.js';
import type { ThreadPool } from './thread-pool.js';
import { BLOCK_PARTS, CTRL } from './worker-source.js';

/** The part of a population the split update needs (a structural type: no import cycle). */
export interface SplittablePopulation {
  readonly name: string;
  readonly size: number;
  $kernels: PopulationKernels | undefined;
  $state: PopulationKernelState | undefined;
  $scratchStride: number;
  $updateKernel: PopulationKernel | undefined;
  $leanUpdateKernel: PopulationKernel | undefined;
}

const ARRAY_KEYS = ['lastSpike', 'refRemaining', 'refSteps', 'inRef', 'spiked'] as const;
type View = Float64Array | Int32Array | Uint8Array;

/**
 * Neuron ranges `[start, end)` of `ranks` threads over `n` neurons: equal parts, every boundary
 * even, so that the WebAssembly loop's pairs of lanes never straddle two threads (only the last
 * range can be odd, and its padding lane is the array's own).
 *
 * @example
 * ```ts
 * splitRanges(11, 2); // [[0, 6], [6, 11]]
 * ```
 */
export function splitRanges(n: number, ranks: number): [number, number][] {
  let chunk = Math.ceil(n / ranks);
  chunk += chunk % 2;
  return Array.from({ length: ranks }, (_, r) => [Math.min(n, r * chunk), Math.min(n, (r + 1) * chunk)]);
}

/**
 * The blocks of a command over `n` neurons (see `BLOCK_PARTS`): rank 0's range of
 * {@link splitRanges} as one block, then each other rank's range cut into `BLOCK_PARTS`
 * sixteenths of it, every boundary even (empty blocks where a range is too small).
 *
 * @example
 * ```ts
 * splitBlocks(64, 2); // [[0, 32], [32, 40], [40, 48], [48, 56], [56, 60], [60, 62], [62, 64]]
 * ```
 */
export function splitBlocks(n: number, ranks: number): [number, number][] {
  const out: [number, number][] = [];
  splitRanges(n, ranks).forEach(([start, end], r) => {
    if (r === 0) {
      out.push([start, end]);
      return;
    }
    let at = start, sum = 0;
    for (const part of BLOCK_PARTS) {
      sum += part;
      const to = sum === 16 ? end : Math.min(end, start + 2 * Math.round(((end - start) * sum) / 32));
      out.push([at, to]);
      at = to;
    }
  });
  return out;
}

const sliceOf = (a: View, start: number, end: number): View => a.subarray(start, end);

/** `P[j] = x`; whether that changed it (Object.is: -0 replaces 0, and a NaN stays, as a plain copy would). */
function refresh(P: Float64Array, j: number, x: number): boolean {
  if (Object.is(P[j], x)) return false;
  P[j] = x;
  return true;
}

/**
 * One population's update split over the network's kernel threads (`setup({ numThreads })`):
 * every thread runs the population's own generated kernel (JavaScript or WebAssembly) over a
 * state whose arrays are views of `[start, end)` of the shared arrays, so the kernels are not
 * changed and each neuron sees exactly the operations of one thread. Population-wide values,
 * this step's population-wide random numbers and the constants are copied to the threads before
 * each step (population-wide equations run in every thread, on the same inputs); per-neuron
 * random numbers are drawn by the calling thread before the update, as with one thread. Spikes:
 * each thread writes its ranks into its own range of `spiked`, and the lists are joined in rank
 * order afterwards: the order of one thread. The deferred spike deliveries of the step (see
 * `ParallelDelivery`) run in the same command, each thread on its own post range first.
 *
 * @example
 * ```ts
 * pop.$parallel = new ParallelUpdate(pop, pool);
 * pop.$parallel.run(t, false); // instead of pop.$updateKernel(t)
 * ```
 */
export class ParallelUpdate {
  /** Neuron ranges of the blocks of a command ({@link splitBlocks}). */
  readonly ranges: [number, number][];
  private kernels: PopulationKernels | undefined;
  private constantsSize = -1;
  private task = -1;
  private full0: PopulationKernel | undefined;
  private lean0: PopulationKernel | undefined;
  private slice0: PopulationKernelState | undefined;
  // population-wide values, this step's population-wide random numbers and the constants, then
  // a version that changes when one of them does: a block copies them into its own state only
  // then (keyed stores, ~110-170 ns per block and step for COBA's nine parameters)
  private params: Float64Array = new Float64Array(0);
  // the version each block of this thread last copied (blocks 1..: those it takes over)
  private seen: number[] = [];
  private globals: string[] = [];
  private randNumbers: string[] = [];
  private constants: { value: number }[] = [];
  /** Unstored transients (no arrays): the lean update runs in every step, as on one thread. */
  private alwaysLean = false;
  /** An array is not shared (one given after compile): the population runs on this thread. */
  private unshared = false;
  // every block's slice and, for blocks 1.., kernels of this thread: a block the thread of its
  // rank has not taken when this one finished its own runs here (ThreadPool.finish)
  private slices: PopulationKernelState[] = [];
  private fullQ: (PopulationKernel | undefined)[] = [];
  private leanQ: (PopulationKernel | undefined)[] = [];
  private lean = false;
  private t = 0;

  constructor(private readonly pop: SplittablePopulation, private readonly pool: ThreadPool) {
    this.ranges = splitBlocks(pop.size, pool.ranks);
  }

  /** Step `t` of the update (`lean`: the lean update), on all threads; spikes joined in rank order. */
  run(t: number, lean: boolean): void {
    const pop = this.pop;
    if (pop.$kernels !== this.kernels || CONSTANTS.size !== this.constantsSize) this.prepare();
    if (this.unshared) {
      this.pool.flush();
      (lean ? pop.$leanUpdateKernel! : pop.$updateKernel!)(t);
      return;
    }
    lean ||= this.alwaysLean;
    const S = pop.$state!, P = this.params, G = S.global, R = S.rand;
    let j = 0, changed = false;
    const gs = this.globals, rs = this.randNumbers, cs = this.constants;
    for (let k = 0; k < gs.length; k++) changed = refresh(P, j++, G[gs[k]!]!) || changed;
    for (let k = 0; k < rs.length; k++) changed = refresh(P, j++, R[rs[k]!] as number) || changed;
    for (let k = 0; k < cs.length; k++) changed = refresh(P, j++, cs[k]!.value) || changed;
    if (changed) P[j]!++;
    const pool = this.pool;
    this.t = t;
    this.lean = lean;
    pool.start(this.task, t, lean);
    const s0 = this.slice0!;
    s0.nSpiked = 0;
    let failure: unknown;
    try {
      // the deferred spike deliveries (this population's inputs among them) first, as every thread does
      pool.runOwnDeliveries();
      (lean ? this.lean0! : this.full0!)(t);
    } catch (e) {
      failure = e;
    }
    // the threads must be done before anything (even an error) reaches the caller
    pool.finish(this);
    if (failure !== undefined) throw failure;
    // join the spike lists: block b's spikes sit at the start of its own range, relative to it
    const spiked = S.spiked, ranges = this.ranges;
    let n = s0.nSpiked;
    for (let b = 1; b < ranges.length; b++) {
      const start = ranges[b]![0], m = pool.result(b);
      for (let k = 0; k < m; k++) spiked[n++] = spiked[start + k]! + start;
    }
    S.nSpiked = n;
  }

  /**
   * Block `q` of this step on this thread (its thread had not started it): the same kernel over
   * the same views, on the same population-wide inputs, as that thread would run.
   */
  runChunk(q: number): void {
    const S = this.slices[q]!, P = this.params, G = S.global, R = S.rand;
    const gs = this.globals, rs = this.randNumbers, version = P[P.length - 1]!;
    if (this.seen[q] !== version) {
      let j = 0;
      for (let k = 0; k < gs.length; k++) G[gs[k]!] = P[j++]!;
      for (let k = 0; k < rs.length; k++) R[rs[k]!] = P[j++]!;
      this.seen[q] = version;
    }
    S.nSpiked = 0;
    (this.lean ? this.leanQ[q]! : this.fullQ[q]!)(this.t);
    this.pool.ctrl[CTRL.RESULT + q] = S.nSpiked | 0;
  }

  /** Build the slices and hand them (with the kernels) to the threads. */
  private prepare(): void {
    const pop = this.pop, k = pop.$kernels!, S = pop.$state!;
    this.kernels = k;
    this.constantsSize = CONSTANTS.size;
    this.alwaysLean = k.transient.some((n) => !(n in S.local));
    const views: View[] = [...Object.values(S.local), ...Object.values(S.rand).filter((a): a is Float64Array => typeof a !== 'number'), ...ARRAY_KEYS.map((key) => S[key])];
    this.unshared = views.some((a) => !(a.buffer instanceof SharedArrayBuffer));
    if (this.unshared) return;
    const heap = S.heap;
    const wasm = heap && k.wasm && k.wasm.scratchBytes <= pop.$scratchStride ? k.wasm : undefined;
    const lean = wasm ? k.source.wasmUpdateLean : k.source.updateLean;
    if ((wasm ? wasm.updateLean : k.updateLean) !== undefined && lean === undefined) throw new Error(`Population "${pop.name}": no source of its lean update`);
    this.globals = Object.keys(S.global);
    this.randNumbers = Object.keys(S.rand).filter((r) => typeof S.rand[r] === 'number');
    const constantNames = [...CONSTANTS.keys()];
    this.constants = constantNames.map((c) => CONSTANTS.get(c)!);
    const params = new SharedArrayBuffer(8 * (this.globals.length + this.randNumbers.length + this.constants.length + 1));
    this.params = new Float64Array(params);
    this.seen = this.ranges.map(() => -1);
    // the module of each slice gets its own scratch region, and the reserved places of the
    // unstored transients moved to the slice's first neuron
    const sliceHeap = (start: number, r: number): PopulationKernelState['heap'] => heap && {
      ...heap,
      scratch: heap.scratch + r * pop.$scratchStride,
      ...(heap.reserved ? { reserved: Object.fromEntries(Object.entries(heap.reserved).map(([n, at]) => [n, at + 8 * start])) } : {}),
    };
    const slices = this.ranges.map(([start, end], r) => this.slice(S, start, end, r, sliceHeap(start, r)));
    // ranks 1..: their own population-wide values and random numbers, set before each chunk
    for (const slice of slices.slice(1)) {
      for (const g of this.globals) slice.global[g] = 0;
      for (const r of this.randNumbers) slice.rand[r] = 0;
    }
    // rank 0: this thread, on population-wide values and random numbers of the population itself
    this.slice0 = slices[0]!;
    this.full0 = (wasm?.update ?? k.update)(this.slice0, CONSTANTS);
    this.lean0 = (wasm ? wasm.updateLean : k.updateLean)?.(this.slice0, CONSTANTS);
    this.slices = slices;
    this.fullQ = [undefined];
    this.leanQ = [undefined];
    if (this.task >= 0) this.pool.send(Array.from({ length: this.pool.ranks - 1 }, () => ({ type: 'drop', id: this.task })));
    this.task = this.pool.taskId();
    // block b's part of a thread's message; this thread's kernels of it (for a block it takes over)
    const block = (slice: PopulationKernelState, b: number) => {
      let wasmPart: { bytes: Uint8Array; params: number; nParams: number } | undefined;
      const full = (wasm?.update ?? k.update)(slice, CONSTANTS);
      this.fullQ[b] = full;
      this.leanQ[b] = (wasm ? wasm.updateLean : k.updateLean)?.(slice, CONSTANTS);
      if (wasm) {
        // the module of this block (its arrays' offsets, its scratch region) is emitted and its
        // exp table written here; the thread instantiates the same bytes over the shared memory
        const bnd = (full as unknown as { simd: SimdLoopBinding }).simd;
        wasmPart = { bytes: bnd.bytes, params: bnd.P.byteOffset, nParams: bnd.P.length };
      }
      const arrays: { key: string; kind: string; buffer: ArrayBufferLike; byteOffset: number; length: number }[] = [];
      const add = (key: string, a: View) => arrays.push({
        key, kind: a instanceof Float64Array ? 'f64' : a instanceof Int32Array ? 'i32' : 'u8', buffer: a.buffer, byteOffset: a.byteOffset, length: a.length,
      });
      for (const [name, a] of Object.entries(slice.local)) add(`local:${name}`, a);
      for (const [name, a] of Object.entries(slice.rand)) if (typeof a !== 'number') add(`rand:${name}`, a);
      for (const key of ARRAY_KEYS) add(key, slice[key]);
      return { index: b, size: slice.size, arrays, scratch: slice.heap?.scratch, wasm: wasmPart };
    };
    const nb = BLOCK_PARTS.length;
    const messages = Array.from({ length: this.pool.ranks - 1 }, (_, q) => ({
      type: 'task', id: this.task, dt: S.dt, globals: this.globals, randNumbers: this.randNumbers,
      constants: constantNames, params, memory: heap ? heap.memory : undefined,
      full: wasm ? k.source.wasmUpdate : k.source.update, lean,
      blocks: Array.from({ length: nb }, (_, j) => 1 + q * nb + j).map((b) => block(slices[b]!, b)),
    }));
    this.pool.send(messages);
  }

  /** The state of `[start, end)`: views of the population's arrays. */
  private slice(S: PopulationKernelState, start: number, end: number, rank: number, heap: PopulationKernelState['heap']): PopulationKernelState {
    const local: Record<string, Float64Array> = {};
    for (const [name, a] of Object.entries(S.local)) local[name] = a.subarray(start, end);
    // rank 0 reads this step's population-wide random numbers from the population's own object
    const rand: Record<string, Float64Array | number> = rank === 0 ? Object.create(S.rand) as Record<string, Float64Array | number> : {};
    for (const [name, a] of Object.entries(S.rand)) if (typeof a !== 'number') rand[name] = a.subarray(start, end);
    return {
      size: end - start,
      dt: S.dt,
      local,
      // rank 0 writes population-wide results of the update into the population's own values
      global: rank === 0 ? S.global : {},
      rand,
      lastSpike: sliceOf(S.lastSpike, start, end) as Float64Array,
      refRemaining: sliceOf(S.refRemaining, start, end) as Int32Array,
      refSteps: sliceOf(S.refSteps, start, end) as Int32Array,
      inRef: sliceOf(S.inRef, start, end) as Uint8Array,
      spiked: sliceOf(S.spiked, start, end) as Int32Array,
      nSpiked: 0,
      ...(heap ? { heap } : {}),
    };
  }
}
