import type { ProjectionKernelState } from './synapse-codegen.js';

/**
 * What a bound structural-plasticity kernel needs besides the projection state: the network's
 * C++ generator (`std::mt19937`; `canonicalInto` is `generate_canonical<double, 53>`, which
 * `uniform_real_distribution<double>(0, 1)` returns), the size of the whole pre-synaptic
 * population, and the output list (pruning: synapse indices; creating: dendrite index and pre
 * rank pairs), which `grow()` replaces by a larger copy.
 *
 * @example
 * ```ts
 * const env: StructuralEnv = { rng: net.rng, nPre: pre.size, out: new Int32Array(64), u: new Float64Array(1), grow() { ... } };
 * ```
 */
export interface StructuralEnv {
  rng: {
    /** Write one `generate_canonical<double, 53>` draw to `out[j]`. */
    canonicalInto(out: Float64Array, j: number): void;
  };
  nPre: number;
  out: Int32Array;
  /** Scratch for the uniform draw (a double returned from a call would be boxed). */
  u: Float64Array;
  /** Replace `out` by a copy twice as long and return it. */
  grow(): Int32Array;
}

/**
 * One evaluation of a `pruning` / `creating` condition over the projection: returns the number
 * of entries written to `env.out`.
 *
 * @example
 * ```ts
 * const n = kernel(net.currentStep);
 * ```
 */
export type StructuralKernel = (step: number) => number;
/**
 * Binds a projection's state to a {@link StructuralKernel}.
 *
 * @example
 * ```ts
 * const kernel = factory(proj.$state!, CONSTANTS, env);
 * ```
 */
export type StructuralKernelFactory = (S: ProjectionKernelState, C: ReadonlyMap<string, { value: number }>, E: StructuralEnv) => StructuralKernel;

const draw = (proba: number | undefined) => (proba === undefined ? '' : ` && (E.rng.canonicalInto(__u, 0), __u[0] < ${proba})`);
const push = (values: string[]) => `if (__n + ${values.length} > __out.length) __out = E.grow(); ${values.map((v) => `__out[__n++] = ${v};`).join(' ')}`;

/**
 * The loop of ANNarchy 4.7.3's generated `pruning()` (SingleThread/LIL.py): over each dendrite's
 * synapses in order, remove those whose condition holds and whose draw is below `proba` (drawn
 * only when the condition holds). 4.7.3 erases synapse j inside `for (j...; j++)`, so the
 * synapse after a removed one is not examined in that period (nor is a number drawn for it):
 * the same here (`k++`).
 *
 * @example
 * ```ts
 * const lines = pruningBody('$utility[k] < 0.0', 0.5);
 * ```
 */
export function pruningBody(condition: string, proba: number | undefined): string[] {
  return [
    'let __out = E.out, __n = 0;',
    'const __u = E.u;',
    'for (let i = 0; i < S.nDendrites; i++) {',
    '  const __rkpost = __postRank[i], __k1 = __rowPtr[i + 1];',
    '  for (let k = __rowPtr[i]; k < __k1; k++) {',
    '    const __rkpre = __preRank[k];',
    `    if ((${condition})${draw(proba)}) { ${push(['k'])} k++; }`,
    '  }',
    '}',
    'E.out = __out;',
    'return __n;',
  ];
}

/**
 * The loop of ANNarchy 4.7.3's generated `creating()`: for each dendrite (post neurons that
 * have one), for every rank of the whole pre-synaptic population in increasing order, the
 * condition; where it holds and no synapse from that rank exists, a draw below `proba` creates
 * one. Self-pairs are not excluded (4.7.3 does not).
 *
 * @example
 * ```ts
 * const lines = creatingBody('__pre_r[__rkpre] * __post_r[__rkpost] > 0.9', 1.0);
 * ```
 */
export function creatingBody(condition: string, proba: number | undefined): string[] {
  return [
    'let __out = E.out, __n = 0;',
    'const __u = E.u, __nPre = E.nPre;',
    'for (let i = 0; i < S.nDendrites; i++) {',
    '  const __rkpost = __postRank[i], __k0 = __rowPtr[i], __k1 = __rowPtr[i + 1];',
    '  for (let __rkpre = 0; __rkpre < __nPre; __rkpre++) {',
    `    if (!(${condition})) continue;`,
    '    let __exists = false;',
    '    for (let k = __k0; k < __k1; k++) if (__preRank[k] === __rkpre) { __exists = true; break; }',
    `    if (!__exists${draw(proba)}) { ${push(['i', '__rkpre'])} }`,
    '  }',
    '}',
    'E.out = __out;',
    'return __n;',
  ];
}
