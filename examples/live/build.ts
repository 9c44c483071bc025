/**
 * Bundles the live pages' scripts for the browser with esbuild (the library, RxJS, mathjs and
 * Vega from node_modules: no CDN). `npm run build:live` writes examples/live/dist/.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** The page scripts: entry (TypeScript) -> bundle name in dist/. */
export const ENTRIES: Record<string, string> = {
  'live.js': join(here, 'main.ts'),
  'stream-client.js': join(here, 'stream-client.ts'),
};

export const DIST = join(here, 'dist');

/** Bundle one page script (TypeScript entry) into one self-contained browser file with its source map. */
export async function bundlePageScript(entry: string, outfile: string, options: { minify?: boolean } = {}): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    // lazy-module.ts reads import.meta.url only where Node's module API exists, never in a page
    logOverride: { 'empty-import-meta': 'silent' },
  });
}

/** Bundle every page script into dist/; resolves with the output file paths. */
export async function buildLive(options: { minify?: boolean } = {}): Promise<string[]> {
  const outs: string[] = [];
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const outfile = join(DIST, name);
    await bundlePageScript(entry, outfile, options);
    outs.push(outfile);
  }
  return outs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const outs = await buildLive();
  console.log(`built ${outs.map((o) => o.slice(here.length + 1)).join(', ')} in ${(performance.now() - t0).toFixed(0)} ms`);
}
