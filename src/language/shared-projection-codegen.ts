import type { MathNode } from './math.js';
import { ModelError, where } from './model-error.js';
import { toJs, type FunctionResolver } from './js-printer.js';
import { KERNEL_PRELUDE } from './builtin-functions.js';
import { CONSTANTS } from './constant.js';
import { emitFunctions } from './population-codegen.js';
import { parseGlobalOp } from './expression.js';
import type { SynapseIR } from './analyse-synapse.js';
import { freshFactory } from './fresh-function.js';

/**
 * The state a Convolution or Pooling kernel works on: one row of pre-synaptic coordinates per
 * post-synaptic neuron (ANNarchy's `pre_coords`), the flat C-order filter, and the live
 * pre-synaptic arrays.
 *
 * @example
 * ```ts
 * // S.coords[i * width + d]: coordinate d of the centre (or corner) of post neuron i in pre
 * ```
 */
export interface SharedKernelState {
  /** Post-synaptic neurons (the loop runs over ranks 0..postSize-1). */
  postSize: number;
  /** `width` integers per post neuron. */
  coords: Int32Array;
  /** Flat C-order weights (Convolution; empty for Pooling). */
  w: Float64Array;
  pre: { local: Record<string, Float64Array>; global: Record<string, number> };
  /**
   * The pre-synaptic `r` the kernel reads this step: the live array, or the delayed copy
   * (ANNarchy delays only `r` in these projections); set by the projection before each call.
   */
  preR: Float64Array;
  /** `_sum_<target>` of a rate-coded or `g_<target>` of a spiking post population. */
  out: Float64Array;
}

/**
 * A bound shared-projection kernel: one call per step.
 *
 * @example
 * ```ts
 * const step: SharedKernel = factory(state, CONSTANTS);
 * step(0);
 * ```
 */
export type SharedKernel = (step: number) => void;

/**
 * Generated code: binds a {@link SharedKernelState} and the constants.
 *
 * @example
 * ```ts
 * const factory: SharedKernelFactory = generateConvolutionKernel(ir, layout).factory;
 * ```
 */
export type SharedKernelFactory = (S: SharedKernelState, C: ReadonlyMap<string, { value: number }>) => SharedKernel;

/**
 * Loop layout of a convolution (ANNarchy 4.7.3 `Convolution`): the looped filter dimensions,
 * how out-of-range coordinates are handled, where the filter of a bank comes from.
 *
 * @example
 * ```ts
 * const l: ConvolutionLayout = { preGeometry: [3, 4], kernel: [3, 3], bank: false, keepLastDimension: false, padding: 0, weightsSize: 9, dt: 1 };
 * ```
 */
export interface ConvolutionLayout {
  preGeometry: readonly number[];
  /** Sizes of the looped filter dimensions (a single filter of a bank). */
  kernel: readonly number[];
  /** A bank of filters: coordinate `preGeometry.length` of each post neuron is its filter. */
  bank: boolean;
  /** The pre coordinate after the kernel dimensions is taken from the post neuron as it is. */
  keepLastDimension: boolean;
  /** Value added for out-of-range coordinates (sum, mean), or 'border' to repeat the border. */
  padding: number | 'border';
  /** Number of weights of the whole filter array (the divisor of `mean`, as in 4.7.3). */
  weightsSize: number;
  dt: number;
}

/**
 * Loop layout of a pooling (ANNarchy 4.7.3 `Pooling`).
 *
 * @example
 * ```ts
 * const l: PoolingLayout = { preGeometry: [2, 3, 10], extent: [1, 1, 10], dt: 1 };
 * ```
 */
export interface PoolingLayout {
  preGeometry: readonly number[];
  /** Extent of the pooled region in each pre dimension. */
  extent: readonly number[];
  dt: number;
}

/** ANNarchy's `_center_filter`: the centre of an odd size, the left of the two middles of an even one. */
export function centerOfFilter(size: number): number {
  return size % 2 === 1 ? Math.trunc(size / 2) : Math.trunc(size / 2) - 1;
}

/** `std::numeric_limits<double>::min()`: 4.7.3's start value of max-pooling (the smallest positive normal double). */
export const DBL_MIN = 2.2250738585072014e-308;

interface PspCode {
  expr: string;
  /** Lines binding the pre-synaptic arrays and scalars the expression reads. */
  bind: string[];
  perStep: string[];
  constants: Set<string>;
}

/** The psp as JavaScript over `__rk` (pre rank) and `__wk` (weight index). */
function printPsp(ir: SynapseIR, kind: 'Convolution' | 'Pooling', pre: { local: readonly string[]; global: readonly string[] }): PspCode {
  const model = ir.name;
  const at = ir.psp!;
  const ctx = { model, ...where(at) };
  const bind: string[] = [];
  const perStep: string[] = [];
  const constants = new Set<string>();
  const seen = new Set<string>();
  const preVar = (name: string, shown: string): string => {
    if (pre.local.includes(name)) {
      if (!seen.has(name)) {
        seen.add(name);
        // r is read through S.preR (live or delayed), set before each step
        if (name === 'r') perStep.push('const __pre_r = S.preR;');
        else bind.push(`const __pre_${name} = S.pre.local.${name};`);
      }
      return `__pre_${name}[__rk]`;
    }
    if (pre.global.includes(name)) {
      if (!seen.has(name)) {
        seen.add(name);
        perStep.push(`const __preG_${name} = S.pre.global.${name};`);
      }
      return `__preG_${name}`;
    }
    throw new ModelError(`"${shown}" is not an attribute of the pre-synaptic population (${[...pre.local, ...pre.global].filter((x) => !x.startsWith('_')).join(', ')})`, { ...ctx, symbol: shown });
  };
  const resolve = (s: string): string | undefined => {
    if (s === 'w') {
      if (kind === 'Pooling') throw new ModelError('a Pooling psp has no weight "w" (ANNarchy 4.7.3 generates no weights for it); use pre-synaptic variables only, e.g. "pre.r"', { ...ctx, symbol: 'w' });
      return '__w[__wk]';
    }
    if (s === 't') return '__tms';
    if (s === 'dt') return '__dt';
    const g = parseGlobalOp(s);
    if (g) throw new ModelError(`global operations are not available in a ${kind} psp (ANNarchy 4.7.3 generates its own loop without them)`, { ...ctx, symbol: `${g.op}(${g.side ? `${g.side}.` : ''}${g.variable})` });
    if (/^post__/.test(s)) {
      throw new ModelError(`a ${kind} psp cannot read post-synaptic variables (ANNarchy 4.7.3's ${kind} code has no post rank); use w and pre-synaptic variables`, { ...ctx, symbol: s.replace(/^post__/, 'post.') });
    }
    let m = /^pre___(sum_\w+)$/.exec(s);
    if (m) return preVar(`_${m[1]}`, `pre.sum(${m[1]!.slice(4)})`);
    m = /^pre__(\w+)$/.exec(s);
    if (m) return preVar(m[1]!, `pre.${m[1]}`);
    if (CONSTANTS.has(s)) {
      constants.add(s);
      return `__C_${s}`;
    }
    return undefined;
  };
  const fr: FunctionResolver = (name, args, c) => {
    const f = ir.functions.find((x) => x.name === name);
    if (!f) return undefined;
    if (args.length !== f.args.length) throw new ModelError(`function ${name}() takes ${f.args.length} argument(s), got ${args.length}`, { ...c, symbol: name });
    return `__fn_${name}(${args.join(', ')})`;
  };
  const expr = toJs(at.expr as MathNode, resolve, ctx, fr);
  return { expr, bind, perStep, constants };
}

/** `((p0 * G1 + p1) * G2 + p2)`: the C-order rank of coordinates given as code. */
function rankCode(parts: readonly string[], sizes: readonly number[]): string {
  let code = parts[0]!;
  for (let d = 1; d < parts.length; d++) code = `(${code}) * ${sizes[d]} + ${parts[d]}`;
  return code;
}

function assemble(ir: SynapseIR, psp: PspCode, dt: number, body: string[], what: string): { factory: SharedKernelFactory; src: string } {
  const functions = emitFunctions(ir.functions, ir.name).map((f) => f.replace(/__C_(\w+)/g, "C.get('$1').value"));
  const src = [
    KERNEL_PRELUDE,
    `const __dt = ${dt};`,
    'const __coords = S.coords, __w = S.w, __out = S.out, __N = S.postSize;',
    ...psp.bind,
    ...functions,
    // the step is read from the state, not passed as a double: no boxing per call
    'return function kernel(__t) {',
    '  const __tms = __t * __dt;',
    ...psp.perStep.map((l) => `  ${l}`),
    ...[...psp.constants].map((c) => `  const __C_${c} = C.get('${c}').value;`),
    ...body.map((l) => `  ${l}`),
    '};',
  ].join('\n');
  try {
    return { factory: freshFactory<SharedKernelFactory>(['S', 'C'], src, `${ir.name}/${what}`), src };
  } catch (e) {
    throw new ModelError(`generated ${what} code does not compile (${(e as Error).message}); this is a bug in compneuro-rx:\n${src}`, { model: ir.name });
  }
}

/**
 * The step kernel of a Convolution, with 4.7.3's arithmetic: per post neuron, loops over the
 * filter dimensions; an out-of-range coordinate adds `padding` once and skips the rest of that
 * loop's body (sum, mean) or is skipped (max, min, which start from 0.0); `border` clamps it.
 * `mean` divides by the size of the whole weight array.
 *
 * @example
 * ```ts
 * const { factory } = generateConvolutionKernel(new Synapse({ psp: 'w * pre.r' }).analyse('rate'), layout, { local: ['r'], global: [] });
 * ```
 */
export function generateConvolutionKernel(ir: SynapseIR, layout: ConvolutionLayout, pre: { local: readonly string[]; global: readonly string[] }): { factory: SharedKernelFactory; src: string } {
  const psp = printPsp(ir, 'Convolution', pre);
  const op = ir.operation;
  const G = layout.preGeometry, K = layout.kernel, nK = K.length;
  const width = G.length + (layout.bank ? 1 : 0);
  const body: string[] = ['for (let i = 0; i < __N; i++) {', `  const __c = i * ${width};`, '  let sum = 0.0;'];
  // the post neuron's coordinates, read once (4.7.3 reads coord[d] in the loops: same integers)
  for (let d = 0; d < width; d++) body.push(`  const __c${d} = __coords[__c + ${d}];`);
  let indent = '  ';
  for (let d = 0; d < nK; d++) {
    body.push(`${indent}for (let __w${d} = 0; __w${d} < ${K[d]}; __w${d}++) {`);
    indent += '  ';
    body.push(`${indent}let __p${d} = __c${d} + (__w${d} - ${centerOfFilter(K[d]!)});`);
    const out = `__p${d} < 0 || __p${d} > ${G[d]! - 1}`;
    if (op === 'sum' || op === 'mean') {
      if (layout.padding === 'border') body.push(`${indent}if (__p${d} < 0) __p${d} = 0;`, `${indent}if (__p${d} > ${G[d]! - 1}) __p${d} = ${G[d]! - 1};`);
      else body.push(`${indent}if (${out}) { sum += ${layout.padding}; continue; }`);
    } else body.push(`${indent}if (${out}) continue;`);
  }
  const parts = Array.from({ length: nK }, (_, d) => `__p${d}`);
  // keep_last_dimension: the post neuron's own coordinate in the last pre dimension
  if (layout.keepLastDimension) parts.push(`__c${nK}`);
  body.push(`${indent}const __rk = ${rankCode(parts, G)};`);
  const inner = rankCode(Array.from({ length: nK }, (_, d) => `__w${d}`), K);
  const filterSize = K.reduce((a, b) => a * b, 1);
  body.push(`${indent}const __wk = ${layout.bank ? `__c${G.length} * ${filterSize} + ` : ''}${inner};`);
  if (op === 'sum' || op === 'mean') body.push(`${indent}sum += ${psp.expr};`);
  else body.push(`${indent}const __psp = ${psp.expr};`, `${indent}if (__psp ${op === 'max' ? '>' : '<'} sum) sum = __psp;`);
  for (let d = nK - 1; d >= 0; d--) {
    indent = indent.slice(2);
    body.push(`${indent}}`);
  }
  body.push(op === 'mean' ? `  __out[i] += sum / ${layout.weightsSize};` : '  __out[i] += sum;', '}');
  return assemble(ir, psp, layout.dt, body, 'Convolution');
}

/**
 * The step kernel of a Pooling, with 4.7.3's arithmetic: per post neuron, loops over the
 * dimensions whose extent exceeds 1 from its corner; out-of-range coordinates are skipped;
 * max starts from `DBL_MIN`, min from `DBL_MAX`, mean divides by the product of the extents.
 *
 * @example
 * ```ts
 * const { factory } = generatePoolingKernel(new Synapse({ psp: 'pre.r', operation: 'max' }).analyse('rate'), layout, { local: ['r'], global: [] });
 * ```
 */
export function generatePoolingKernel(ir: SynapseIR, layout: PoolingLayout, pre: { local: readonly string[]; global: readonly string[] }): { factory: SharedKernelFactory; src: string } {
  const psp = printPsp(ir, 'Pooling', pre);
  const op = ir.operation;
  const G = layout.preGeometry, E = layout.extent, n = G.length;
  const init = op === 'min' ? `${Number.MAX_VALUE}` : op === 'max' ? `${DBL_MIN}` : '0.0';
  const body: string[] = ['for (let i = 0; i < __N; i++) {', `  const __c = i * ${n};`, `  let sum = ${init};`];
  for (let d = 0; d < n; d++) body.push(`  const __c${d} = __coords[__c + ${d}];`);
  let indent = '  ';
  for (let d = 0; d < n; d++) {
    if (E[d]! <= 1) continue;
    body.push(`${indent}for (let __w${d} = 0; __w${d} < ${E[d]}; __w${d}++) {`);
    indent += '  ';
  }
  for (let d = 0; d < n; d++) body.push(`${indent}const __p${d} = __c${d}${E[d]! > 1 ? ` + __w${d}` : ''};`);
  // without any loop this `continue` skips the neuron's addition, as in 4.7.3's code
  for (let d = 0; d < n; d++) body.push(`${indent}if (__p${d} < 0 || __p${d} > ${G[d]! - 1}) continue;`);
  body.push(`${indent}const __rk = ${rankCode(Array.from({ length: n }, (_, d) => `__p${d}`), G)};`);
  if (op === 'sum' || op === 'mean') body.push(`${indent}sum += ${psp.expr};`);
  else body.push(`${indent}const __psp = ${psp.expr};`, `${indent}if (__psp ${op === 'max' ? '>' : '<'} sum) sum = __psp;`);
  for (let d = n - 1; d >= 0; d--) {
    if (E[d]! <= 1) continue;
    indent = indent.slice(2);
    body.push(`${indent}}`);
  }
  const size = E.slice(0, n).reduce((a, b) => a * b, 1);
  body.push(op === 'mean' ? `  __out[i] += sum / ${size};` : '  __out[i] += sum;', '}');
  return assemble(ir, psp, layout.dt, body, 'Pooling');
}
