/**
 * Bundles the playground for the browser with esbuild: the page script and the worker, each one
 * self-contained file (the library, CodeMirror, mathjs and Vega from node_modules: no CDN, the
 * page works offline), with the live pages' esbuild settings. `npm run build:playground` writes
 * src/apps/playground/dist/.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { bundlePageScript } from '../../../examples/live/build.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the built page goes (index.html, playground.js, worker.js and their source maps). */
export const PLAYGROUND_DIST = join(here, 'dist');

/**
 * Bundle the page and the worker into {@link PLAYGROUND_DIST} and copy index.html beside them.
 *
 * @example
 * ```ts
 * await buildPlayground(); // then serve PLAYGROUND_DIST as static files
 * ```
 */
export async function buildPlayground(options: { minify?: boolean } = {}): Promise<string[]> {
  await mkdir(PLAYGROUND_DIST, { recursive: true });
  const entries: Record<string, string> = { 'playground.js': join(here, 'main.ts'), 'worker.js': join(here, 'worker.ts'), 'fit-worker.js': join(here, 'fit-worker.ts') };
  const outs: string[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    const outfile = join(PLAYGROUND_DIST, name);
    await bundlePageScript(entry, outfile, options);
    outs.push(outfile);
  }
  await copyFile(join(here, 'index.html'), join(PLAYGROUND_DIST, 'index.html'));
  outs.push(join(PLAYGROUND_DIST, 'index.html'));
  return outs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const outs = await buildPlayground();
  console.log(`built ${outs.map((o) => o.slice(here.length + 1)).join(', ')} in ${(performance.now() - t0).toFixed(0)} ms`);
}
