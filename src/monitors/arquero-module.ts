/**
 * arquero (with its Arrow library flechette), loaded on the first table (lazy-module.ts) instead
 * of at import: ~15 % of the library's import time, for a feature most runs never use. In Node
 * it is required synchronously (an ES module without top-level await, Node >= 20.19); in a page
 * the browser entry provides the bundled module.
 */
import type * as Arquero from 'arquero';
import { lazyModule } from '../language/lazy-module.js';

/**
 * arquero, on first call.
 *
 * @example
 * ```ts
 * const table = arqueroModule().table({ t: Float64Array.of(0, 1), v: Float64Array.of(-65, -64) });
 * ```
 */
export const arqueroModule = lazyModule('arquero', (require) => require('arquero') as typeof Arquero);
