/**
 * A hook run once, when the first population is created: the Node entry uses it to start its
 * figure thread (loading vega and resvg) while the model compiles and simulates, so that the
 * first figure does not wait for them (node/figure-thread.ts). The engine imports nothing for it.
 */
let hook: (() => void) | undefined;

/**
 * Registers `fn` to run when the next population is created (once; a later call replaces it).
 *
 * @example
 * ```ts
 * whenFirstPopulation(() => console.log('a model is being built'));
 * ```
 */
export function whenFirstPopulation(fn: (() => void) | undefined): void {
  hook = fn;
}

/**
 * Runs the registered hook, if any, and forgets it (the Population constructor calls this).
 * A hook that throws is ignored: it only prepares work ahead of time.
 *
 * @example
 * ```ts
 * populationCreated();
 * ```
 */
export function populationCreated(): void {
  const h = hook;
  if (h === undefined) return;
  hook = undefined;
  try {
    h();
  } catch {
    // preparation only: the work it would have prepared happens on demand instead
  }
}
