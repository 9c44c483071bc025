/**
 * vega and vega-lite, loaded on the first figure (lazy-module.ts): together ~40 % of the
 * library's import time. In Node their UMD builds (the ones vega-embed pages use) are evaluated
 * as CommonJS: vega's ESM build has a top-level await, which `require()` cannot load, and
 * `require()` of a UMD file in these `"type": "module"` packages would run it as ESM, where it
 * writes globals. In a page the browser entry provides the bundled ESM modules.
 */
import type * as VegaNs from 'vega';
import type * as VegaLiteNs from 'vega-lite';
import { lazyModule, type NodeRequireLike } from '../language/lazy-module.js';
import { compileCommonJs } from '../language/code-cache.js';

/** Evaluates the UMD file `file` of package `pkg` as CommonJS (code-cache.ts), answering `require` from `deps`. */
function loadUmd(require: NodeRequireLike, pkg: string, file: string, deps: Record<string, unknown>): unknown {
  const main = require.resolve(pkg); // build/<main>.js: the exports map hides the UMD file beside it
  const wrapper = compileCommonJs(require, main.slice(0, main.lastIndexOf('/') + 1) + file);
  const module = { exports: {} };
  wrapper(module.exports, module, (id) => {
    if (id in deps) return deps[id];
    throw new Error(`${file} requires "${id}", which compneuro-rx does not provide`);
  });
  return module.exports;
}

/**
 * vega, on first call.
 *
 * @example
 * ```ts
 * const view = new (vegaModule().View)(vegaModule().parse(vgSpec), { renderer: 'none' });
 * ```
 */
export const vegaModule = lazyModule('vega', (require) => loadUmd(require, 'vega', 'vega.min.js', {}) as typeof VegaNs);

/**
 * vega-lite, on first call.
 *
 * @example
 * ```ts
 * const vgSpec = vegaLiteModule().compile(spec).spec;
 * ```
 */
export const vegaLiteModule = lazyModule('vega-lite', (require) =>
  loadUmd(require, 'vega-lite', 'vega-lite.min.js', { vega: vegaModule() }) as typeof VegaLiteNs,
);
