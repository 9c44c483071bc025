/**
 * acorn (the JavaScript parser the WebAssembly compiler and the fast-math rewrite read the
 * generated loop with), loaded on first use (lazy-module.ts): a single-neuron model never needs
 * it, and loading it was ~8 % of `import 'compneuro-rx'`. Pages get it from the browser entry.
 */
import type * as Acorn from 'acorn';
import { lazyModule } from './lazy-module.js';

/**
 * acorn, on first call.
 *
 * @example
 * ```ts
 * acornModule().parse('x = 1;', { ecmaVersion: 2022 });
 * ```
 */
export const acornModule = lazyModule('acorn', (require) => require('acorn') as typeof Acorn);
