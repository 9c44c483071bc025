import type { PopulationKernelFactory, PopulationKernelState } from '../language/kernel-state.js';
import { CONSTANTS } from '../language/constant.js';

/**
 * Population size from which transient variables nothing reads get no per-neuron array
 * ({@link UnstoredTransients}). Smaller populations store them at the last step of a run, as
 * ANNarchy does at every step.
 */
export const UNSTORED_TRANSIENTS_FROM = 100_000;

/**
 * In populations of {@link UNSTORED_TRANSIENTS_FROM} neurons and more, per-neuron variables that
 * every step assigns before reading them (HH's `alpha_m`, ...) and that nothing reads during a
 * run — no recorder, projection, stop condition or global operation — get no per-neuron array:
 * the update keeps them in registers (1e6 HH_Bischop neurons: 27 of 38 arrays, ~216 MB). The
 * numbers of every other variable are unchanged. Reading one gives
 * - until the next step after compile, `reset()` or a write: the initial (or written) values,
 *   as ANNarchy does;
 * - after a step: the values computed from the current state, as the next step would compute
 *   them (Brian2's subexpressions). ANNarchy gives the last step's values; recording the
 *   variable, or `pop.requireStored([name])`, keeps it per neuron and gives ANNarchy's values.
 *
 * @example
 * ```ts
 * const t = new UnstoredTransients(['alpha_m'], 1000);
 * t.has('alpha_m'); // true
 * ```
 */
export class UnstoredTransients {
  /** Variables without an array. */
  readonly names: Set<string>;
  /** Values valid until the next step: initial values after a reset, written values. */
  private readonly pending = new Map<string, Float64Array | number>();
  private pendingStep = -1;

  constructor(names: Iterable<string>, private readonly size: number) {
    this.names = new Set(names);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** After compile or reset at `step`: the initial values hold until the next step. */
  reset(step: number, init: (name: string) => Float64Array | number): void {
    this.pending.clear();
    this.pendingStep = step;
    for (const n of this.names) this.pending.set(n, init(n));
  }

  /** Whether `name` still holds its initial or written values at `step` (nothing computed). */
  isPending(name: string, step: number): boolean {
    return this.pendingStep === step && this.pending.has(name);
  }

  /**
   * The current values of `name` (a new array). `compute`: the full JavaScript update factory,
   * run once on a copy of the state when the values are not pending.
   */
  values(name: string, step: number, S: PopulationKernelState, compute: PopulationKernelFactory): Float64Array {
    const p = this.pendingStep === step ? this.pending.get(name) : undefined;
    if (p !== undefined) return typeof p === 'number' ? new Float64Array(this.size).fill(p) : p.slice();
    const local: Record<string, Float64Array> = {};
    for (const [k, a] of Object.entries(S.local)) local[k] = a.slice();
    for (const n of this.names) local[n] = new Float64Array(this.size);
    // the update writes the state it gets: give it copies (one step, nothing of it is kept)
    const copy: PopulationKernelState = {
      ...S,
      local,
      global: { ...S.global },
      lastSpike: S.lastSpike.slice(),
      refRemaining: S.refRemaining.slice(),
      inRef: S.inRef.slice(),
      spiked: new Int32Array(S.spiked.length),
      ...(S.axonal ? { axonal: new Int32Array(S.axonal.length) } : {}),
    };
    delete copy.heap;
    compute(copy, CONSTANTS)(step);
    return local[name]!;
  }

  /** Values written at `step` (they hold until the next step overwrites them). */
  write(name: string, step: number, values: Float64Array): void {
    if (this.pendingStep !== step) this.pending.clear();
    this.pendingStep = step;
    this.pending.set(name, values);
  }

  /** `name` gets an array from now on. */
  delete(name: string): void {
    this.names.delete(name);
    this.pending.delete(name);
  }
}
