import { KERNEL_PRELUDE } from '../language/builtin-functions.js';
import { CONSTANTS } from '../language/constant.js';
import type { FunctionInfo } from '../language/description.js';
import { GLOBAL_FUNCTIONS } from '../language/global-functions.js';
import { METHOD_PRELUDE } from '../language/numerical-methods.js';
import { emitFunctions } from '../language/population-codegen.js';
import { cachedFromAnalysis } from '../language/analysis-cache.js';

/** A model function callable from code: numbers, or arrays (element-wise, numbers broadcast). */
export type ModelFunction = (...args: (number | ArrayLike<number>)[]) => number | number[];

/**
 * The functions of a neuron or synapse model (`functions`) as callables on its population or
 * projection (ANNarchy 4.7.3: `pop.transfer_function(x, t)`, `proj.hebb(x, y)`, element-wise
 * over numpy arrays). Compiled from the same JavaScript the kernels use, so values are identical;
 * functions added with `addFunction` are callable inside them but not attached. A function named
 * like a member of the object (`get`, `size`, ...) is not attached: the member wins, as in ANNarchy.
 *
 * @example
 * ```ts
 * const pop = new Population(10, new Neuron({ equations: 'r = f(sum(exc))', functions: 'f(x) = 2*x' }));
 * pop.f([1, 2]);   // [2, 4]
 * ```
 */
export function attachModelFunctions(target: object, functions: readonly FunctionInfo[], model: string, owner: string, ir?: object): void {
  const own = functions.filter((f) => !GLOBAL_FUNCTIONS.includes(f));
  if (own.length === 0) return;
  // printing the functions needs their trees (mathjs): kept with a cached analysis `ir`
  const emit = () => emitFunctions([...functions], model);
  const emitted = ir ? cachedFromAnalysis(ir, 'model functions', null, emit) : emit();
  const src = [KERNEL_PRELUDE, METHOD_PRELUDE, ...emitted.map((f) => f.replace(/__C_(\w+)/g, "C.get('$1').value")),
    `return { ${own.map((f) => `${JSON.stringify(f.name)}: __fn_${f.name}`).join(', ')} };`].join('\n');
  const compiled = new Function('C', src)(CONSTANTS) as Record<string, (...a: number[]) => number>;
  for (const f of own) {
    if (f.name in target) continue;
    const fn = compiled[f.name]!;
    const call: ModelFunction = (...args) => {
      if (args.length !== f.args.length) throw new Error(`${owner}.${f.name}: takes ${f.args.length} argument(s) (${f.args.join(', ')}), got ${args.length}`);
      let n = -1;
      for (const [k, a] of args.entries()) {
        if (typeof a === 'number') continue;
        if (!a || typeof a.length !== 'number') throw new Error(`${owner}.${f.name}: argument ${f.args[k]} must be a number or an array of numbers`);
        if (n >= 0 && a.length !== n) throw new Error(`${owner}.${f.name}: the arrays have different lengths (${n} and ${a.length})`);
        n = a.length;
      }
      if (n < 0) return fn(...(args as number[]));
      const out = new Array<number>(n);
      const row = new Array<number>(args.length);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < args.length; k++) { const a = args[k]!; row[k] = typeof a === 'number' ? a : a[i]!; }
        out[i] = fn(...row);
      }
      return out;
    };
    Object.defineProperty(target, f.name, { value: call, enumerable: false, configurable: true, writable: false });
  }
}
