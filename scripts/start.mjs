// npm start: bundle the seed example with esbuild (one file) and run it. Loading one bundle is
// faster than resolving and transpiling ~200 TypeScript modules through a loader. The bundle is
// kept in .cache/start/ with the list of its inputs and rebuilt only when one of them changed,
// so a second run does not even load esbuild. rxjs is imported name by name (rxjs-per-file.mjs).
// Modules that worker threads load by URL (the figure thread) are bundled beside it.
// The bundle is CommonJS, evaluated with V8's code cache (run-common-js.js): Node 20 compiles an ES
// module from its source on every start (Node 22's module.enableCompileCache is not there), and
// the seed's bundle is ~0.7 MB. An example with top-level await (or any construct a CommonJS
// bundle cannot hold) is bundled as an ES module instead and imported as before.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { basename, dirname, join, resolve } from 'node:path';
import { runCommonJs } from './run-common-js.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = resolve(root, process.argv[2] ?? 'examples/experiment.ts');
const base = join(root, '.cache', 'start', entry.slice(root.length + 1).replace(/[\\/]/g, '_').replace(/\.ts$/, ''));
const inputsFile = `${base}.inputs.json`;

/** The bundle built for the current inputs (`{ file, format }`), or undefined if one of them changed since. */
function upToDate() {
  try {
    const { format, inputs } = JSON.parse(readFileSync(inputsFile, 'utf8'));
    const file = `${base}.${format === 'cjs' ? 'cjs' : 'mjs'}`;
    const built = statSync(file).mtimeMs;
    return inputs.every((f) => statSync(join(root, f)).mtimeMs <= built) ? { file, format } : undefined;
  } catch {
    return undefined; // no bundle yet, an input was removed, or the list is unreadable
  }
}

let bundle = upToDate();
if (!bundle) {
  const { build } = await import('esbuild');
  const { rxjsPerFile } = await import('./rxjs-per-file.mjs');
  const { workerModules } = await import('./worker-modules.mjs');
  mkdirSync(dirname(base), { recursive: true });
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
  let result;
  let format = 'cjs';
  try {
    // import.meta.url is the bundle's own URL (siblingModule, the example's main check)
    result = await build({
      ...options,
      format: 'cjs',
      logLevel: 'silent',
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      entryPoints: [entry],
      outfile: `${base}.cjs`,
    });
    if (result.warnings.length > 0) throw new Error('the CommonJS bundle needs a look');
  } catch {
    // top-level await, or import.meta beyond its url: an ES module (errors of the example itself are printed here)
    format = 'esm';
    result = await build({ ...options, entryPoints: [entry], outfile: `${base}.mjs` });
  }
  const inputsOf = (r) => Object.keys(r.metafile.inputs).map((f) => resolve(process.cwd(), f));
  const inputs = inputsOf(result);
  // the modules the example's code loads in worker threads by URL (siblingModule), beside the bundle
  const workers = workerModules(root, inputs.filter((f) => f.startsWith(join(root, 'src'))));
  if (workers.size > 0) {
    const w = await build({ ...options, entryPoints: [...workers].map(([name, source]) => ({ in: source, out: name })), outdir: dirname(base) });
    inputs.push(...inputsOf(w));
  }
  const local = [...new Set(inputs)].map((f) => f.slice(root.length + 1));
  writeFileSync(inputsFile, JSON.stringify({ format, inputs: [...local, 'scripts/start.mjs', 'scripts/rxjs-per-file.mjs', 'scripts/worker-modules.mjs'] }));
  bundle = { file: `${base}.${format === 'cjs' ? 'cjs' : 'mjs'}`, format };
}
// the seed plots: load vega/resvg in a figure thread while it simulates, and draw the four
// figures there in the background, two at a time (src/node/figure-thread.ts); the process exits
// once they are written
process.env.COMPNEURO_RX_FIGURE_THREAD ??= 'background';
// the bundled example checks import.meta.url against argv[1] to run its main part
process.argv[1] = bundle.file;
// V8's code cache beside the bundle
if (bundle.format === 'cjs') runCommonJs(bundle.file, { cacheDir: dirname(bundle.file), name: basename(bundle.file) });
else await import(pathToFileURL(bundle.file).href);
