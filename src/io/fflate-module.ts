/**
 * fflate (zip for `.npz` files and `save`/`load`), loaded on first use: at import it was ~15 ms
 * of `import 'compneuro-rx'` (90 KB to parse) for programs that never write a file.
 */
import type * as Fflate from 'fflate';
import { lazyModule } from '../language/lazy-module.js';

/**
 * fflate's module, required on the first call.
 *
 * @example
 * ```ts
 * const bytes = fflateModule().zipSync({ 'a.npy': new Uint8Array(8) }, { level: 0 });
 * ```
 */
export const fflateModule = lazyModule('fflate', (require) => require('fflate') as typeof Fflate);
