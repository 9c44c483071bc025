/**
 * The one place the library calls `import()` at run time (modules named by URL: a fit's problem,
 * an evaluator, tsx's API). A loader that evaluates the library with V8's code cache (npm
 * start's bundle, `scripts/start.mjs`) sets {@link DYNAMIC_IMPORT} to its own `import()`: in
 * Node 20, functions read back from a code cache lose the script's dynamic-import callback, and
 * their `import()` fails with "A dynamic import callback was not specified".
 * @packageDocumentation
 */

/** Where a loader puts the `import()` of a real ES module (a global: the library may be a script). */
export const DYNAMIC_IMPORT: unique symbol = Symbol.for('compneuro-rx.dynamic-import') as never;

/**
 * `import(specifier)`, through the loader's `import()` when one was set.
 *
 * @example
 * ```ts
 * const mod = await dynamicImport('file:///work/problem.mjs');
 * ```
 */
export function dynamicImport(specifier: string): Promise<Record<string, unknown>> {
  const hook = (globalThis as { [DYNAMIC_IMPORT]?: (s: string) => Promise<Record<string, unknown>> })[DYNAMIC_IMPORT];
  return hook ? hook(specifier) : (import(specifier) as Promise<Record<string, unknown>>);
}
