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

type UmdWrapper = (exports: object, module: { exports: object }, require: (id: string) => unknown) => void;

/** Evaluates the UMD file `file` of package `pkg` as CommonJS, answering `require` from `deps`. */
function loadUmd(require: NodeRequireLike, pkg: string, file: string, deps: Record<string, unknown>): unknown {
  const main = require.resolve(pkg); // build/<main>.js: the exports map hides the UMD file beside it
  const path = main.slice(0, main.lastIndexOf('/') + 1) + file;
  const fs = require('node:fs') as { readFileSync(path: string, encoding: 'utf8'): string };
  const vm = require('node:vm') as { runInThisContext(code: string, options: { filename: string }): unknown };
  const wrapper = vm.runInThisContext(`(function (exports, module, require) {${fs.readFileSync(path, 'utf8')}\n})`, { filename: path }) as UmdWrapper;
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
