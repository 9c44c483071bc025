// mathjs' single-file bundle loads in ~0.1 s; its ESM entry loads hundreds of modules and
// instantiates everything (~2 s), which dominated start-up. Even the bundle is loaded only when
// a description is first analysed (lazy-module.ts).
import type { MathJsInstance, MathNode } from 'mathjs';
import { lazyModule } from './lazy-module.js';
import { compileCommonJs } from './code-cache.js';

/**
 * The whole mathjs module (its default instance included), loaded on first call: for code
 * outside the language layer that needs more than parsing and symbolic work (evaluation).
 *
 * @example
 * ```ts
 * mathjsModule().parse('x^2').compile().evaluate({ x: 3 }); // 9
 * ```
 */
export const mathjsModule = lazyModule('mathjs', (require) => {
  // evaluated with V8's code cache (code-cache.ts); the bundle requires nothing
  loaded = true;
  const wrapper = compileCommonJs(require, require.resolve('mathjs/lib/browser/math.js'));
  const module = { exports: {} };
  wrapper(module.exports, module, (id) => {
    throw new Error(`mathjs' bundle requires "${id}", which compneuro-rx does not provide`);
  });
  return module.exports as typeof import('mathjs');
});
const mathjs = mathjsModule;
let loaded = false;

/**
 * True once this process loaded mathjs (the analysis cache's specs check a cached model does not).
 *
 * @example
 * ```ts
 * mathjsLoaded(); // false until a description is analysed or a tree is built
 * ```
 */
export function mathjsLoaded(): boolean {
  return loaded;
}

let instance: MathJsInstance | undefined;

function mathInstance(): MathJsInstance {
  if (!instance) {
    // no evaluateDependencies: values are evaluated by evaluate-value.ts, never by mathjs
    const { create, parseDependencies, derivativeDependencies, simplifyDependencies } = mathjs();
    instance = create({ parseDependencies, derivativeDependencies, simplifyDependencies });
    // The single-file bundle's create() is bound to all of mathjs' factories (the ones given
    // here are undefined there), so the first SymbolNode would build the Unit class and every
    // function it needs (~120 ms). SymbolNode only consults Unit when mathjs evaluates or writes
    // LaTeX, which the language never asks of it; the ESM build given above leaves it out too.
    if (Object.getOwnPropertyDescriptor(instance, 'Unit')?.get) {
      Object.defineProperty(instance, 'Unit', { value: undefined, writable: true, configurable: true });
    }
  }
  return instance;
}

/**
 * The one mathjs instance of the language layer, built with `create()` from only what the
 * language needs (parsing, symbolic derivative and simplification), on first use.
 *
 * @example
 * ```ts
 * math.derivative(math.parse('a*x^2'), 'x').toString(); // '2 * a * x'
 * ```
 */
export const math: MathJsInstance = new Proxy({} as MathJsInstance, {
  get: (_target, key) => Reflect.get(mathInstance(), key),
});

export type { MathNode };
