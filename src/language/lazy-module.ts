/**
 * Heavy libraries (mathjs, vega, vega-lite, arquero) loaded on first use instead of at import:
 * together they were ~80 % of `import 'compneuro-rx'`. The library's API is synchronous
 * (`compile()`, `new PlotRecordings(...)`), so a first use cannot `await import()`: in Node the
 * module is required synchronously through `process.getBuiltinModule('node:module')` (Node >=
 * 20.16, a runtime lookup, not an import, so this file still bundles for browsers). In a page
 * the browser entry hands the statically bundled modules over with {@link provideModule}.
 */

interface NodeModuleApi {
  createRequire(from: string | URL): NodeRequireLike;
}

/** What a loader gets: Node's `require` resolving from this package. */
export interface NodeRequireLike {
  (id: string): unknown;
  resolve(id: string): string;
  cache: Record<string, unknown>;
}

const provided = new Map<string, unknown>();

/**
 * Hands a module over to the lazy loaders (the browser entry does this for the libraries it
 * bundles). A module provided before its first use is used instead of loading it.
 *
 * @example
 * ```ts
 * import * as vega from 'vega';
 * provideModule('vega', vega);
 * ```
 */
export function provideModule(name: string, module: unknown): void {
  provided.set(name, module);
}

let nodeRequire: NodeRequireLike | null | undefined;

function getNodeRequire(): NodeRequireLike | null {
  if (nodeRequire === undefined) {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const api = proc?.getBuiltinModule?.('node:module') as NodeModuleApi | undefined;
    nodeRequire = api ? api.createRequire(import.meta.url) : null;
  }
  return nodeRequire;
}

/**
 * A getter that loads a module on its first call and returns the same module afterwards.
 * `load` receives Node's `require`; where there is none (a browser) the module must have been
 * provided with {@link provideModule}.
 *
 * @example
 * ```ts
 * const mathjs = lazyModule('mathjs', (require) => require('mathjs/lib/browser/math.js') as typeof import('mathjs'));
 * mathjs().create({}); // mathjs is loaded here, not when this file is imported
 * ```
 */
export function lazyModule<T>(name: string, load: (require: NodeRequireLike) => T): () => T {
  let module: T | undefined;
  return () => {
    if (module === undefined) {
      if (provided.has(name)) {
        module = provided.get(name) as T;
      } else {
        const require = getNodeRequire();
        if (!require) throw new Error(`compneuro-rx: ${name} is not loaded in this environment; in a page import the library from 'compneuro-rx/browser', which bundles it`);
        module = load(require);
      }
    }
    return module;
  };
}
