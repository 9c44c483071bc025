import { FAST_MATH_PRELUDE } from './fast-math.js';

/**
 * `pow(x, n)` for a literal n of 2, 3 or 4 as multiplications, like `x^n` (js-printer.ts):
 * Math.pow costs ~50 ns; g++ folds pow(x, 2.0) to x*x, 3 and 4 are <= 1 ulp from glibc pow.
 */
function printPow(x: string, n: string): string {
  if (n === '2') return `(${x} * ${x})`;
  if (n === '3') return `__pow3(${x})`;
  if (n === '4') return `__pow4(${x})`;
  return `Math.pow(${x}, ${n})`;
}

/**
 * `o` as an object without a prototype: a lookup by a name a user wrote (`constructor`,
 * `toString`) finds only the table's own entries.
 *
 * @example
 * ```ts
 * 'toString' in nullPrototype({ exp: 1 }); // false
 * ```
 */
export function nullPrototype<T extends object>(o: T): T {
  return Object.assign(Object.create(null) as T, o);
}

/**
 * ANNarchy's built-in functions (annarchy-semantics §1.4) as JavaScript. Each entry prints a
 * call given the already printed arguments. C macros (`pos`, `clip`, `ite`, ...) evaluate
 * their arguments as written; helpers with one evaluation live in the kernel prelude.
 */
export const BUILTIN_FUNCTIONS: Record<string, { arity: number | [number, number]; print: (a: string[]) => string }> = nullPrototype({
  // table-driven exp (fast-math.ts): ~5 ns instead of ~17 ns for Math.exp, <= 1 ulp apart
  exp: { arity: 1, print: (a) => `__exp(${a[0]})` },
  log: { arity: 1, print: (a) => `Math.log(${a[0]})` },
  log10: { arity: 1, print: (a) => `Math.log10(${a[0]})` },
  log2: { arity: 1, print: (a) => `Math.log2(${a[0]})` },
  sqrt: { arity: 1, print: (a) => `Math.sqrt(${a[0]})` },
  cbrt: { arity: 1, print: (a) => `Math.cbrt(${a[0]})` },
  pow: { arity: 2, print: (a) => printPow(a[0]!, a[1]!) },
  power: { arity: 2, print: (a) => printPow(a[0]!, a[1]!) },
  sin: { arity: 1, print: (a) => `Math.sin(${a[0]})` },
  cos: { arity: 1, print: (a) => `Math.cos(${a[0]})` },
  tan: { arity: 1, print: (a) => `Math.tan(${a[0]})` },
  asin: { arity: 1, print: (a) => `Math.asin(${a[0]})` },
  acos: { arity: 1, print: (a) => `Math.acos(${a[0]})` },
  atan: { arity: 1, print: (a) => `Math.atan(${a[0]})` },
  atan2: { arity: 2, print: (a) => `Math.atan2(${a[0]}, ${a[1]})` },
  sinh: { arity: 1, print: (a) => `Math.sinh(${a[0]})` },
  cosh: { arity: 1, print: (a) => `Math.cosh(${a[0]})` },
  tanh: { arity: 1, print: (a) => `Math.tanh(${a[0]})` },
  fabs: { arity: 1, print: (a) => `Math.abs(${a[0]})` },
  abs: { arity: 1, print: (a) => `Math.abs(${a[0]})` },
  floor: { arity: 1, print: (a) => `Math.floor(${a[0]})` },
  ceil: { arity: 1, print: (a) => `Math.ceil(${a[0]})` },
  round: { arity: 1, print: (a) => `__round(${a[0]})` },
  fmin: { arity: 2, print: (a) => `Math.min(${a[0]}, ${a[1]})` },
  fmax: { arity: 2, print: (a) => `Math.max(${a[0]}, ${a[1]})` },
  pos: { arity: 1, print: (a) => `__pos(${a[0]})` },
  positive: { arity: 1, print: (a) => `__pos(${a[0]})` },
  neg: { arity: 1, print: (a) => `__neg(${a[0]})` },
  negative: { arity: 1, print: (a) => `__neg(${a[0]})` },
  clip: { arity: 3, print: (a) => `__clip(${a[0]}, ${a[1]}, ${a[2]})` },
  modulo: { arity: 2, print: (a) => `__modulo(${a[0]}, ${a[1]})` },
  ite: { arity: 3, print: (a) => `((${a[0]}) ? (${a[1]}) : (${a[2]}))` },
  isfinite: { arity: 1, print: (a) => `(Number.isFinite(${a[0]}) ? 1 : 0)` },
  isnan: { arity: 1, print: (a) => `(Number.isNaN(${a[0]}) ? 1 : 0)` },
  Heaviside: { arity: 1, print: (a) => `((${a[0]}) > 0 ? 1 : ((${a[0]}) < 0 ? 0 : 0.5))` },
});

/** Kernel prelude defining the helpers used by {@link BUILTIN_FUNCTIONS}. */
export const KERNEL_PRELUDE = [
  'const __pos = (x) => (x > 0 ? x : 0);',
  'const __pow3 = (x) => x * x * x;',
  'const __pow4 = (x) => { const y = x * x; return y * y; };',
  'const __neg = (x) => (x < 0 ? x : 0);',
  'const __clip = (x, a, b) => (x < a ? a : (x > b ? b : x));',
  // C `long(a) % long(b)`: truncation toward zero, sign of the dividend
  'const __modulo = (a, b) => Math.trunc(a) % Math.trunc(b);',
  // C round(): half away from zero
  'const __round = (x) => (x < 0 ? -Math.round(-x) : Math.round(x));',
  FAST_MATH_PRELUDE,
].join('\n');

/** Random distributions allowed inside equations (annarchy-semantics §1.4, §2.5). */
export const RANDOM_DISTRIBUTIONS: Record<string, number> = nullPrototype({
  Uniform: 2,
  DiscreteUniform: 2,
  Normal: 2,
  LogNormal: 2,
  Exponential: 1,
  Gamma: 2,
  Binomial: 2,
});

/** Named constants usable in expressions. */
export const MATH_CONSTANTS: Record<string, string> = nullPrototype({
  pi: 'Math.PI',
});
