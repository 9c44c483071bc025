import { globalOpKey, type GlobalOperation } from '../language/expression.js';
import type { PopulationKernelState } from '../language/kernel-state.js';
import { addFastKey } from './fast-record.js';

const CODES: Record<GlobalOperation, number> = { min: 0, max: 1, mean: 2, norm1: 3, norm2: 4 };

/**
 * The global operations of one population (`mean(r)`, `max(v)`, ...: those its neuron reads
 * and those synapses read as `mean(pre.r)` / `mean(post.r)`), recomputed once per step after
 * all neuron updates and delays (annarchy-semantics §2.1 step 7). Each value is stored in the
 * population's `global` state under ANNarchy's member name (`_mean_r`), 0 until the first step,
 * and kept by `reset()` (ANNarchy initialises them only when the network is built). The loops
 * are those of ANNarchy's single-thread code: in rank order from element 0, `norm2` the square
 * root of the sum of squares.
 *
 * @example
 * ```ts
 * const ops = new GlobalOperations();
 * ops.add('mean', 'r');
 * ops.update(pop.$state); // pop.$state.global._mean_r = mean of r
 * ```
 */
export class GlobalOperations {
  private readonly codes: number[] = [];
  private readonly variables: string[] = [];
  private readonly keys: string[] = [];

  /** Number of operations. */
  get size(): number {
    return this.keys.length;
  }

  /** Add an operation (once); returns its state key. */
  add(op: GlobalOperation, variable: string): string {
    const key = globalOpKey(op, variable);
    if (!this.keys.includes(key)) {
      this.codes.push(CODES[op]);
      this.variables.push(variable);
      this.keys.push(key);
    }
    return key;
  }

  /** Give every operation not yet in `S.global` its initial value 0. */
  initialise(S: PopulationKernelState): void {
    for (const k of this.keys) if (!(k in S.global)) addFastKey(S.global, k, 0);
  }

  /** Compute every operation over the whole population's current values. */
  update(S: PopulationKernelState): void {
    const codes = this.codes, vars = this.variables, keys = this.keys;
    for (let j = 0; j < keys.length; j++) S.global[keys[j]!] = reduce(codes[j]!, S.local[vars[j]!]!);
  }
}

/** One reduction, as ANNarchy's `*_value(array, n)` functions (sequential, from element 0). */
function reduce(code: number, a: Float64Array): number {
  const n = a.length;
  let x = a[0]!;
  switch (code) {
    case 0:
      for (let i = 1; i < n; i++) if (a[i]! < x) x = a[i]!;
      return x;
    case 1:
      for (let i = 1; i < n; i++) if (a[i]! > x) x = a[i]!;
      return x;
    case 2:
      for (let i = 1; i < n; i++) x += a[i]!;
      return x / n;
    case 3:
      x = Math.abs(x);
      for (let i = 1; i < n; i++) x += Math.abs(a[i]!);
      return x;
    default:
      x *= x;
      for (let i = 1; i < n; i++) x += a[i]! * a[i]!;
      return Math.sqrt(x);
  }
}
