import { basename } from 'node:path';

/**
 * True when the example `name` (e.g. 'create-model') is the script being run: directly
 * (`tsx examples/create-model.ts`) or as the bundle `npm start -- examples/create-model.ts` makes
 * (`.cache/start/examples_create-model.cjs`, `.mjs` for an example with top-level await).
 * Comparing import.meta.url fails in a bundle, where every imported example shares the bundle's
 * URL.
 */
export function isMain(name: string): boolean {
  const script = basename(process.argv[1] ?? '').replace(/\.(ts|mjs|cjs|js)$/, '');
  return script === name || script === `examples_${name}`;
}
