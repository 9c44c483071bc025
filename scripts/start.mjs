// npm start: bundle the seed example with esbuild (one file) and run it. Loading one bundle is
// faster than resolving and transpiling ~200 TypeScript modules through a loader. The bundle is
// kept in .cache/start/ with the list of its inputs and rebuilt only when one of them changed,
// so a second run does not even load esbuild. rxjs is imported name by name (rxjs-per-file.mjs).
// Modules that worker threads load by URL (the figure thread) are bundled beside it.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = resolve(root, process.argv[2] ?? 'examples/experiment.ts');
const outfile = join(root, '.cache', 'start', `${entry.slice(root.length + 1).replace(/[\\/]/g, '_').replace(/\.ts$/, '')}.mjs`);
const inputsFile = `${outfile}.inputs.json`;

function upToDate() {
  if (!existsSync(outfile) || !existsSync(inputsFile)) return false;
  const built = statSync(outfile).mtimeMs;
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.every((f) => statSync(join(root, f)).mtimeMs <= built);
  } catch {
    return false; // an input was removed or the list is unreadable
  }
}

if (!upToDate()) {
  const { build } = await import('esbuild');
  const { rxjsPerFile } = await import('./rxjs-per-file.mjs');
  const { workerModules } = await import('./worker-modules.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  const options = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    sourcemap: true, // a linked .map: V8 need not scan a 2 MB comment on every start
    metafile: true,
    logLevel: 'warning',
    plugins: [rxjsPerFile(root)],
  };
  const result = await build({ ...options, entryPoints: [entry], outfile });
  const inputsOf = (r) => Object.keys(r.metafile.inputs).map((f) => resolve(process.cwd(), f));
  const inputs = inputsOf(result);
  // the modules the example's code loads in worker threads by URL (siblingModule), beside the bundle
  const workers = workerModules(root, inputs.filter((f) => f.startsWith(join(root, 'src'))));
  if (workers.size > 0) {
    const w = await build({ ...options, entryPoints: [...workers].map(([name, source]) => ({ in: source, out: name })), outdir: dirname(outfile) });
    inputs.push(...inputsOf(w));
  }
  const local = [...new Set(inputs)].map((f) => f.slice(root.length + 1));
  writeFileSync(inputsFile, JSON.stringify([...local, 'scripts/start.mjs', 'scripts/rxjs-per-file.mjs', 'scripts/worker-modules.mjs']));
}
// the seed plots: load vega/resvg in a figure thread while it simulates, and draw the four
// figures there in the background, two at a time (src/node/figure-thread.ts); the process exits
// once they are written
process.env.COMPNEURO_RX_FIGURE_THREAD ??= 'background';
// the bundled example checks import.meta.url against argv[1] to run its main part
process.argv[1] = outfile;
await import(pathToFileURL(outfile).href);
