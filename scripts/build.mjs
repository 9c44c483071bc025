// npm run build: the published dist/. Declarations (and their maps) come from tsc; the JavaScript
// is bundled with esbuild, code-split over the package's entries, so `import 'compneuro-rx'`
// loads a handful of files instead of ~240 modules (each one a resolve, a read and a compile in
// Node's ESM loader). Layout:
//   dist/src/index.js, browser-entry.js, operators.js   the three package entries
//   dist/operators/index.js                             re-exports dist/src/operators.js
//   dist/src/<worker>.js                                every module a worker or process loads by
//                                                       URL (siblingModule), and the bin (cli.js)
//   dist/src/chunk-*.js                                 code shared by them (one instance each)
// Every JavaScript file lands in dist/src/, so `siblingModule(import.meta.url, './x.js')` resolves
// from any chunk; the URLs are found in the sources, so a new worker module needs no entry here.
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { rxjsPerFile } from './rxjs-per-file.mjs';
import { workerModules } from './worker-modules.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

// 1. declarations and declaration maps
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], { cwd: root, stdio: ['ignore', 2, 2] }); // stdout stays clean for npm pack --json

// 2. the modules loaded by URL: siblingModule(import.meta.url, './name.js') anywhere in src/
function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? (f === 'apps' ? [] : walk(p)) : p.endsWith('.ts') ? [p] : [];
  });
}
const workers = workerModules(root, walk(join(root, 'src')));

// 3. rxjs stays external (a peer dependency), imported name by name (rxjs-per-file.mjs)
const result = await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'src/index.ts', out: 'src/index' },
    { in: 'src/browser-entry.ts', out: 'src/browser-entry' },
    { in: 'operators/index.ts', out: 'src/operators' },
    { in: 'src/run/cli.ts', out: 'src/cli' },
    ...[...workers].map(([name, source]) => ({ in: relative(root, source), out: `src/${name}` })),
  ],
  outdir: 'dist',
  chunkNames: 'src/chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  sourcesContent: true,
  keepNames: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [rxjsPerFile(root)],
});
mkdirSync(join(dist, 'operators'), { recursive: true });
writeFileSync(join(dist, 'operators/index.js'), "export * from '../src/operators.js';\n");
// the bin keeps its shebang (esbuild keeps a hashbang of an entry) and must be executable
chmodSync(join(dist, 'src/cli.js'), 0o755);
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
console.error(`dist: ${files.length} JavaScript files (${files.map((f) => basename(f)).filter((f) => !f.startsWith('chunk-')).join(', ')} and ${files.filter((f) => basename(f).startsWith('chunk-')).length} chunks)`);
