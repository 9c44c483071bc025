/**
 * The URL of a sibling module that works from the TypeScript sources (run with tsx) and from
 * the compiled dist: `.ts` when the calling module is `.ts`, `.js` otherwise.
 *
 * @example
 * ```ts
 * siblingModule(import.meta.url, './pool-worker.js');
 * ```
 */
export function siblingModule(base: string, relative: string): string {
  const url = new URL(relative, base);
  if (base.endsWith('.ts')) url.pathname = url.pathname.replace(/\.js$/, '.ts');
  return url.href;
}
