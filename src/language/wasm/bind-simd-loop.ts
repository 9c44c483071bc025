import type { PopulationKernelState } from '../kernel-state.js';
import { EXP_TABLE, EXP_TABLE_LENGTH } from '../fast-math.js';
import type { SimdLoopPlan } from './simd-loop.js';

/** A compiled SIMD loop bound to one state: write the scalars into `P`, then call `full` or `lean`. */
export interface SimdLoopBinding {
  /** False until the module is compiled (at once in Node; asynchronously for large modules on a browser's main thread). */
  ready: boolean;
  /** The scalars of {@link SimdLoopPlan.scalars}, in order. */
  P: Float64Array;
  /** The full update of `n` neurons; returns the spike count. */
  full: (n: number) => number;
  /** The lean update (transient variables not stored). */
  lean: (n: number) => number;
}

const notReady = (): number => {
  throw new Error('WebAssembly kernel called before it was compiled');
};

/**
 * Compile `plan` for the arrays of a state that lives in WebAssembly memory (`S.heap`): the
 * exp table and the scalars go into the state's scratch region, the arrays' byte offsets into
 * the code. Browsers refuse synchronous compiles of large modules on the main thread; then the
 * module compiles asynchronously and `ready` turns true when it is done.
 *
 * @example
 * ```ts
 * const w = bindSimdLoop(plan, S, { $v: S.local.v }, [], 'LIF');
 * w.P.set([0.1]); w.full(S.size);
 * ```
 */
export function bindSimdLoop(
  plan: SimdLoopPlan,
  S: PopulationKernelState,
  arrays: Record<string, ArrayBufferView>,
  imports: ((...x: number[]) => number)[],
  model: string,
): SimdLoopBinding {
  const heap = S.heap;
  if (!heap) throw new Error(`WebAssembly kernel of ${model}: the population state is not in WebAssembly memory`);
  const buffer = heap.memory.buffer;
  const bases: Record<string, number> = {};
  for (const name of plan.arrays) {
    const a = arrays[name];
    // an attribute without an array (`$x`: attribute x) is written only by the full update, which then does not run
    const reserved = a ? undefined : heap.reserved?.[name.slice(1)];
    if (reserved !== undefined) bases[name] = reserved;
    else if (!a || a.buffer !== buffer) throw new Error(`WebAssembly kernel of ${model}: array ${name} is not in the population's WebAssembly memory`);
    else bases[name] = a.byteOffset;
  }
  const table = heap.scratch;
  if (plan.usesTable) new Float64Array(buffer, table, EXP_TABLE_LENGTH).set(EXP_TABLE);
  const params = table + (plan.usesTable ? EXP_TABLE_LENGTH * 8 : 0);
  const binding: SimdLoopBinding = { ready: false, P: new Float64Array(buffer, params, Math.max(1, plan.scalars.length)), full: notReady, lean: notReady };
  const bytes = plan.emit({ bases, table, params });
  const importObject = { e: { m: heap.memory }, f: Object.fromEntries(imports.map((fn, k) => [String(k), fn])) };
  const use = (instance: WebAssembly.Instance) => {
    const ex = instance.exports as Record<string, (n: number) => number>;
    binding.full = ex.full!;
    binding.lean = ex.lean ?? notReady;
    binding.ready = true;
  };
  try {
    use(new WebAssembly.Instance(new WebAssembly.Module(bytes), importObject));
  } catch (e) {
    // Chromium: "WebAssembly.Module is disallowed on the main thread, if the buffer size is larger than 4KB"
    if (!(e instanceof RangeError)) throw e;
    // should that fail too, the JavaScript loop keeps running (same numbers): say so once
    WebAssembly.instantiate(bytes, importObject).then((r) => use(r.instance), (err: unknown) => {
      console.warn(`WebAssembly kernel of ${model} did not compile (${String(err)}); its JavaScript kernel runs instead`);
    });
  }
  return binding;
}
