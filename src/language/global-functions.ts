import { analyseFunctions, checkCalls } from './analyse.js';
import { where } from './model-error.js';
import { KERNEL_PRELUDE } from './builtin-functions.js';
import { CONSTANTS } from './constant.js';
import { emitFunctions } from './population-codegen.js';
import type { FunctionInfo } from './description.js';

/** Functions added with {@link addFunction}, visible in every model analysed afterwards. */
export const GLOBAL_FUNCTIONS: FunctionInfo[] = [];

/**
 * Add global functions usable in every neuron and synapse (ANNarchy `add_function`): one
 * `name(args) = expression` per line. Models analysed afterwards see them (in ANNarchy, add them
 * before creating the populations and projections that use them). A model's own function of
 * the same name takes precedence. All lines are checked before any is added.
 *
 * @example
 * ```ts
 * addFunction('sigmoid(x) = 1.0 / (1.0 + exp(-x))');
 * new Neuron({ equations: 'r = sigmoid(v)', parameters: 'v = 0' });
 * ```
 */
export function addFunction(text: string): void {
  if (typeof text !== 'string') throw new Error('addFunction: expected a string "name(args) = expression"');
  const added = analyseFunctions(text, 'add_function');
  for (const f of added) {
    const old = GLOBAL_FUNCTIONS.find((g) => g.name === f.name);
    if (old) throw new Error(`addFunction: function "${f.name}" is already defined ("${old.source}")`);
  }
  const all = [...GLOBAL_FUNCTIONS, ...added];
  for (const f of added) checkCalls(f.body, all, { model: 'add_function', ...where(f) });
  GLOBAL_FUNCTIONS.push(...added);
}

/** The functions a model sees: its own, then the global ones it does not redefine. */
export function withGlobalFunctions(own: FunctionInfo[]): FunctionInfo[] {
  return [...own, ...GLOBAL_FUNCTIONS.filter((g) => !own.some((f) => f.name === g.name))];
}

/**
 * A global function as a JavaScript function (ANNarchy `functions('name')`), applied element by
 * element to arrays.
 *
 * @example
 * ```ts
 * addFunction('double(x) = 2 * x');
 * functions('double')(3);          // 6
 * functions('double')([1, 2]);     // Float64Array [2, 4]
 * ```
 */
export function functions(name: string): (...args: (number | ArrayLike<number>)[]) => number | Float64Array {
  const f = GLOBAL_FUNCTIONS.find((g) => g.name === name);
  if (!f) throw new Error(`functions: no global function "${name}"; defined: ${GLOBAL_FUNCTIONS.map((g) => g.name).join(', ') || '(none)'} (add them with addFunction)`);
  const src = [KERNEL_PRELUDE, ...emitFunctions(GLOBAL_FUNCTIONS, 'add_function').map((l) => l.replace(/__C_(\w+)/g, "C.get('$1').value")), `return __fn_${name};`].join('\n');
  const fn = new Function('C', src)(CONSTANTS) as (...a: number[]) => number;
  return (...args) => {
    if (args.length !== f.args.length) throw new Error(`functions("${name}"): takes ${f.args.length} argument(s) (${f.source}), got ${args.length}`);
    const n = args.reduce<number>((m, a) => (typeof a === 'number' ? m : Math.max(m, a.length)), -1);
    if (n < 0) return fn(...(args as number[]));
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = fn(...args.map((a) => (typeof a === 'number' ? a : a[i]!)));
    return out;
  };
}

/** Forget the global functions (used by `clear()`). */
export function clearFunctions(): void {
  GLOBAL_FUNCTIONS.length = 0;
}
