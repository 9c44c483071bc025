// npm start: bundle the seed example with esbuild (one file, ~0.2 s) and run it. Loading one
// bundle is faster than resolving and transpiling ~150 TypeScript modules through a loader.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = resolve(root, process.argv[2] ?? 'examples/experiment.ts');
const outfile = join(root, '.cache', 'start', `${entry.slice(root.length + 1).replace(/[\\/]/g, '_').replace(/\.ts$/, '')}.mjs`);
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
// the bundled example checks import.meta.url against argv[1] to run its main part
process.argv[1] = outfile;
await import(pathToFileURL(outfile).href);
