// npm run build: the published dist/. Declarations (and their maps) come from tsc; the JavaScript
// is bundled with esbuild. For Node, the whole library is one CommonJS bundle (dist/src/node.cjs)
// that every entry takes its exports from, evaluated with V8's code cache (load-node-bundle.js):
// Node 20 compiles ES modules from their source on every import (~0.1 s for ~1.2 MB; Node 22's
// module.enableCompileCache is not there), while a code cache makes that a deserialisation.
// Layout:
//   dist/src/node.cjs                  the library for Node: index, operators, the browser entry
//                                      (evaluated on first use) and the modules loaded by URL,
//                                      each one export of it (one instance: one global network)
//   dist/src/load-node-bundle.js       evaluates node.cjs once per thread, with the code cache
//   dist/src/index.js, operators.js,   the package entries for Node, their exports taken from
//   browser-entry.node.js              node.cjs
//   dist/src/browser-entry.js          the browser entry for bundlers and pages: an ES module
//                                      bundle of its own (no Node module in it)
//   dist/operators/index.js            re-exports dist/src/operators.js
//   dist/src/<worker>.js, cli.js       every module a worker or process loads by URL
//                                      (siblingModule), and the bin, taken from node.cjs
// Every file lands in dist/src/, so `siblingModule(import.meta.url, './x.js')` resolves from the
// bundle (import.meta.url is node.cjs's URL there); the URLs are found in the sources, so a new
// worker module needs no entry here.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, relative } from 'node:path';
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

// 3. the library for Node as one CommonJS bundle; rxjs stays external (a peer dependency),
// imported name by name (rxjs-per-file.mjs). Each part is one export of a synthetic entry; the
// browser entry's part is evaluated on its first use (it imports ES modules, below).
const parts = [
  { name: 'index', source: 'src/index.ts', at: null },
  { name: 'operators', source: 'operators/index.ts', at: '__operators' },
  { name: 'cli-main', source: 'src/run/cli-main.ts', at: '__cli' },
  ...[...workers].map(([name, source]) => ({ name, source: relative(root, source), at: `__worker_${name.replace(/-/g, '_')}` })),
];
const entry = [
  ...parts.map((p) => (p.at === null ? `export * from './${p.source}';` : `export * as ${p.at} from './${p.source}';`)),
  "export const __browser = () => require('./src/browser-entry.ts');",
].join('\n');
// vega, vega-lite and vega-embed are ES modules with top-level await, which `require` cannot
// load: only the browser entry's modules import them, and its Node entry (browser-entry.node.js)
// imports them first and hands them over through this registry
const ESM_ONLY = ['vega', 'vega-lite', 'vega-embed'];
const REGISTRY = "Symbol.for('compneuro-rx.es-modules')";
const esmOnly = {
  name: 'es-modules-handed-over',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${ESM_ONLY.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'es-module' }));
    b.onLoad({ filter: /.*/, namespace: 'es-module' }, (args) => ({
      loader: 'js',
      contents: [
        `const ns = globalThis[${REGISTRY}]?.[${JSON.stringify(args.path)}];`,
        `if (ns === undefined) throw new Error(${JSON.stringify(`${args.path} is an ES module with top-level await: in Node it comes through 'compneuro-rx/browser', which imports it`)});`,
        // a default import takes module.exports in Node's interop: the default export, where there is one
        `module.exports = ${args.path === 'vega-embed' ? 'ns.default' : 'ns'};`,
      ].join('\n'),
    }));
  },
};
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, sourcesContent: true, keepNames: true, legalComments: 'none', logLevel: 'warning' };
const node = await build({
  ...common,
  plugins: [esmOnly, rxjsPerFile(root)],
  stdin: { contents: entry, resolveDir: root, sourcefile: 'node-bundle.ts', loader: 'ts' },
  outfile: 'dist/src/node.cjs',
  format: 'cjs',
  // import.meta.url is the bundle's URL: siblingModule finds the modules beside it
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
if (node.warnings.length > 0) throw new Error('build: the CommonJS bundle has warnings (see above); a construct it cannot hold (import.meta beyond url, top-level await) must not reach the library');

// 4. the browser entry for bundlers: an ES module bundle of its own
await build({ ...common, plugins: [rxjsPerFile(root)], entryPoints: [{ in: 'src/browser-entry.ts', out: 'src/browser-entry' }], outdir: 'dist', format: 'esm' });

// 5. the loader and the entries, with the export names the bundle has
for (const f of ['load-node-bundle.js', 'run-common-js.js']) copyFileSync(join(root, 'scripts', f), join(dist, 'src', f));
const lib = createRequire(import.meta.url)(join(dist, 'src/node.cjs'));
globalThis[Symbol.for('compneuro-rx.es-modules')] = Object.fromEntries(await Promise.all(ESM_ONLY.map(async (m) => [m, await import(m)])));
const facades = [...parts, { name: 'browser-entry.node', at: '__browser()' }];
const reserved = new Set([...parts.filter((p) => p.at).map((p) => p.at), '__browser']);
for (const p of facades) {
  const ns = p.at === null ? lib : p.at === '__browser()' ? lib.__browser() : lib[p.at];
  const names = Object.keys(ns).filter((n) => !reserved.has(n) && n !== '__esModule');
  const named = names.filter((n) => n !== 'default');
  const bin = p.name === 'cli-main';
  const lines = [
    ...(bin ? ['#!/usr/bin/env node'] : []),
    ...(p.at === '__browser()' ? ESM_ONLY.map((m, k) => `import * as m${k} from '${m}';`) : []),
    "import { nodeBundle } from './load-node-bundle.js';",
    '',
    ...(p.at === '__browser()' ? [`globalThis[${REGISTRY}] = { ${ESM_ONLY.map((m, k) => `'${m}': m${k}`).join(', ')} };`] : []),
    `const m = nodeBundle()${p.at === null ? '' : `.${p.at}`};`,
    ...(named.length > 0 ? [`export const { ${named.join(', ')} } = m;`] : []),
    ...(names.includes('default') ? ['export default m.default;'] : []),
    ...(bin ? ['', 'm.runCli(process.argv.slice(2)).catch((e) => {', '  console.error(e.message);', '  process.exitCode = 1;', '});'] : []),
  ];
  writeFileSync(join(dist, 'src', `${bin ? 'cli' : p.name}.js`), lines.join('\n') + '\n');
}
mkdirSync(join(dist, 'operators'), { recursive: true });
writeFileSync(join(dist, 'operators/index.js'), "export * from '../src/operators.js';\n");
// the bin must be executable
chmodSync(join(dist, 'src/cli.js'), 0o755);
const files = readdirSync(join(dist, 'src')).filter((f) => /\.c?js$/.test(f));
console.error(`dist: ${files.length} JavaScript files (${files.join(', ')})`);
