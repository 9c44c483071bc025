/**
 * The structure-of-arrays state a generated population kernel reads and writes. The engine
 * owns it; the language layer only generates code against this shape.
 *
 * @example
 * ```ts
 * const S: PopulationKernelState = createKernelState(ir, 100); // engine side
 * kernels.update(S, step, dt, CONSTANTS);
 * ```
 */
export interface PopulationKernelState {
  size: number;
  /** Time step in ms, fixed at compile (read by the kernels: a double argument would be boxed each call). */
  dt: number;
  /** Per-neuron attributes by name (parameters, variables, `_sum_<target>` inputs). */
  local: Record<string, Float64Array>;
  /** Population-wide attributes by name. */
  global: Record<string, number>;
  /** Random draws of this step: arrays for local random variables, numbers for global ones. */
  rand: Record<string, Float64Array | number>;
  /** Step of each neuron's last spike (ANNarchy starts at -10000). */
  lastSpike: Float64Array;
  /** Remaining refractory steps per neuron. */
  refRemaining: Int32Array;
  /** Refractory duration in steps per neuron (numeric refractory periods). */
  refSteps: Int32Array;
  /** 1 if the neuron is not refractory in this step (computed at the start of the update). */
  inRef: Uint8Array;
  /** Ranks that spiked in the last step: the first `nSpiked` entries. */
  spiked: Int32Array;
  nSpiked: number;
  /** Ranks that emitted an axonal spike in the last step (neurons with `axonSpike`): the first `nAxonal`. */
  axonal?: Int32Array;
  nAxonal?: number;
  /**
   * Set when every array above lives in one WebAssembly memory (WebAssembly kernels): the
   * memory, and the byte offset of a scratch region the kernel owns.
   */
  heap?: {
    memory: WasmMemory;
    scratch: number;
    /** The memory is shared (`setup({ numThreads })`): modules declare their memory import shared. */
    shared?: boolean;
    /**
     * Byte offsets of per-neuron attributes that have no array (transient variables nothing
     * reads), by name: their never-touched place in the memory, for the module's full update.
     */
    reserved?: Record<string, number>;
  };
}

/**
 * What the library needs of a `WebAssembly.Memory`, declared here so that the published type
 * declarations do not need the DOM lib (Node's types have no `WebAssembly` namespace).
 *
 * @example
 * ```ts
 * const m: WasmMemory = new WebAssembly.Memory({ initial: 1 });
 * ```
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Grows the memory by `delta` 64 KiB pages (as `WebAssembly.Memory.grow`). */
  grow(delta: number): number;
}

/**
 * A bound kernel: one call per step.
 *
 * @example
 * ```ts
 * const update: PopulationKernel = pop.$kernels!.update(pop.$state!, constants);
 * update(0);
 * ```
 */
export type PopulationKernel = (step: number) => void;

/**
 * A generated kernel factory: binds the state arrays once (they are never reallocated) and
 * returns the per-step function, which re-reads population-wide values and constants.
 *
 * @example
 * ```ts
 * const factory: PopulationKernelFactory = generatePopulationKernels(analyseNeuron(LIF)).update;
 * ```
 */
export type PopulationKernelFactory = (S: PopulationKernelState, C: ReadonlyMap<string, { value: number }>) => PopulationKernel;
