// npm run test:package: what a user installs, tested as a user would. Packs the library
// (`npm pack`, which builds dist/), installs the tarball into an empty temporary project, and
// there: imports the three entries from plain Node ESM (no tsx), runs a small simulation, writes
// a PNG, and type-checks a strict TypeScript consumer without the DOM lib. Prints one line per
// check and the closing line "N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'compneuro-rx-package-'));
const results = [];

function check(name, fn) {
  try {
    fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name}`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}\n       ${String(e?.message ?? e).split('\n').join('\n       ')}`);
  }
}

function run(cmd, args, cwd) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${res.status}\n${(res.stdout ?? '').slice(-3000)}\n${(res.stderr ?? '').slice(-3000)}`);
  return res.stdout;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tarball;
check('npm pack builds a tarball with dist/, LICENSE and README', () => {
  const out = run(npm, ['pack', '--json', '--pack-destination', work], root);
  const info = JSON.parse(out)[0];
  tarball = join(work, info.filename);
  const files = info.files.map((f) => f.path);
  for (const f of ['LICENSE', 'README.md', 'package.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/node.cjs', 'dist/src/load-node-bundle.js', 'dist/src/browser-entry.js', 'dist/src/browser-entry.node.js', 'dist/operators/index.js']) {
    if (!files.includes(f)) throw new Error(`the tarball lacks ${f}`);
  }
  const stray = files.filter((f) => /^(spec|bench|examples|scripts)\//.test(f));
  if (stray.length) throw new Error(`the tarball ships files users do not need: ${stray.slice(0, 5).join(', ')}`);
  // a source map must carry its sources (they are not shipped) and declarations their maps
  for (const bundle of ['node.cjs', 'browser-entry.js']) {
    const map = JSON.parse(readFileSync(join(root, `dist/src/${bundle}.map`), 'utf8'));
    if (!map.sourcesContent?.every((s) => typeof s === 'string' && s.length > 0)) throw new Error(`dist/src/${bundle}.map has no sourcesContent`);
  }
  if (!files.includes('dist/src/index.d.ts.map')) throw new Error('no declaration maps in the tarball');
});

const app = join(work, 'app');
check('the tarball installs into an empty project (rxjs as the peer dependency)', () => {
  if (!tarball) throw new Error('no tarball');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }, null, 2));
  run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, 'rxjs@^7.8.0', 'typescript@~5.9.3', '@types/node@^20'], app);
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
  const rx = Object.keys(lock.packages).filter((p) => p.endsWith('node_modules/rxjs'));
  if (rx.length !== 1) throw new Error(`expected one copy of rxjs, found ${rx.join(', ')}`);
});

check('plain Node ESM imports the three entries, simulates and writes a PNG (also in the figure thread)', () => {
  writeFileSync(join(app, 'run.mjs'), `
import * as lib from 'compneuro-rx';
import * as browser from 'compneuro-rx/browser';
import { currentStep } from 'compneuro-rx/operators';
import { readFileSync } from 'node:fs';
const { setup, Neuron, Population, Monitor, compile, simulate, PlotRecordings, CompNeuroMonitors } = lib;
if (typeof browser.livePlot !== 'function' || typeof lib.livePlot !== 'undefined') throw new Error('livePlot belongs to the browser entry only');
// the entries are code-split bundles: what they share is one module instance (one global network)
if (lib.setup !== browser.setup || lib.simulate !== browser.simulate) throw new Error('compneuro-rx and compneuro-rx/browser do not share their modules');
setup({ dt: 0.1 });
const LIF = new Neuron({ parameters: 'tau = 10.0\\nI_app = 0.0', equations: 'tau * dv/dt = -v + I_app', spike: 'v > 1.0', reset: 'v = 0.0' });
const pop = new Population(2, LIF, 'lif');
compile();
const mon = new CompNeuroMonitors({ lif: ['v', 'spike'] });
mon.start();
currentStep({ pop: 'lif', t1: 10, t2: 40, a1: 0, a2: 2 });
const rec = mon.getRecordings();
// explicit Euler from step 100 (t1 = 10 ms): v_n = 2 (1 - 0.99^n) > 1 first for n = 69, i.e. in the
// update of step 168 (spike dicts hold steps, as ANNarchy's)
const first = rec[0]['lif;spike'][0][0];
if (first !== 168) throw new Error('first spike at step ' + first + ', expected 168');
new PlotRecordings({ figname: 'fig.png', recordings: rec, recordingTimes: mon.getRecordingTimes(), shape: [1, 1],
  plan: { position: [1], compartment: ['lif'], variable: ['v'], format: ['line'] } });
const png = readFileSync('fig.png');
if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('fig.png is not a PNG');
// the same figure drawn in the figure thread (opt-in) is the same file
if (lib.preloadFigures() !== true) throw new Error('preloadFigures() found no figure thread in the dist');
new PlotRecordings({ figname: 'fig2.png', recordings: rec, recordingTimes: mon.getRecordingTimes(), shape: [1, 1],
  plan: { position: [1], compartment: ['lif'], variable: ['v'], format: ['line'] } });
if (!readFileSync('fig2.png').equals(png)) throw new Error('the figure thread drew another fig.png');
console.log('OK', first);
`);
  const out = run(process.execPath, ['run.mjs'], app);
  if (!out.includes('OK')) throw new Error(out);
});

check("import 'compneuro-rx' loads the bundled dist and rxjs name by name, not rxjs's index", () => {
  writeFileSync(join(app, 'count.mjs'), `
import { createRequire } from 'node:module';
await import('compneuro-rx');
const files = Object.keys(createRequire(import.meta.url).cache);
const rx = files.filter((f) => f.includes('/node_modules/rxjs/'));
if (rx.some((f) => f.endsWith('/rxjs/dist/cjs/index.js'))) throw new Error('rxjs/dist/cjs/index.js (all of rxjs) was loaded');
if (rx.length > 100) throw new Error(rx.length + ' rxjs files were loaded');
console.log('OK', rx.length);
`);
  const out = run(process.execPath, ['count.mjs'], app);
  if (!out.includes('OK')) throw new Error(out);
  // the library was compiled with a V8 code cache kept in the app's node_modules/.cache, which
  // the next import accepts (a rejected cache would be written again)
  const dir = join(app, 'node_modules/.cache/compneuro-rx');
  const caches = readdirSync(dir).filter((f) => /^node-bundle-[\w.-]+\.v8cache$/.test(f));
  if (caches.length === 0) throw new Error(`no code cache of the library in ${dir}`);
  const at = (f) => statSync(join(dir, f)).mtimeMs;
  const before = caches.map(at);
  if (!run(process.execPath, ['count.mjs'], app).includes('OK')) throw new Error('the second import failed');
  if (caches.some((f, k) => at(f) !== before[k])) throw new Error('the code cache was written again: V8 rejected it');
});

check('a strict TypeScript consumer type-checks without the DOM lib, declarations included', () => {
  writeFileSync(join(app, 'consumer.ts'), `
import { setup, Neuron, Population, Monitor, compile, simulate, type Recordings } from 'compneuro-rx';
import { currentRamp } from 'compneuro-rx/operators';
setup({ dt: 0.1 });
const n: Neuron = new Neuron({ parameters: 'tau = 10.0', equations: 'tau * dr/dt = 1 - r' });
const pop = new Population(2, n, 'p');
const m = new Monitor(pop, ['r']);
compile();
simulate(10);
const r: unknown = m.get('r');
const recs: Recordings | undefined = undefined;
console.log(r, recs, typeof currentRamp);
`);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'],
      strict: true, noEmit: true, skipLibCheck: false,
    },
    files: ['consumer.ts'],
  }, null, 2));
  const res = spawnSync(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: app, encoding: 'utf8' });
  const errors = (res.stdout + res.stderr).split('\n').filter((l) => /error TS\d+/.test(l));
  // Declarations of arquero 8 and flechette fail type-checking on their own (upstream; the
  // reason the ecosystem notes recommend skipLibCheck): only our files and the consumer count.
  const ours = errors.filter((l) => !/^node_modules\/(arquero|@uwdata\/flechette)\//.test(l));
  if (ours.length) throw new Error(ours.slice(0, 20).join('\n'));
});

check('a consumer with skipLibCheck type-checks the browser entry with the DOM lib', () => {
  writeFileSync(join(app, 'page.ts'), `
import { livePlot, simulate$ } from 'compneuro-rx/browser';
declare const el: HTMLElement;
const plot = livePlot(el, simulate$(10), { variables: 'p;r' });
plot.stop();
`);
  writeFileSync(join(app, 'tsconfig.page.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, skipLibCheck: true },
    files: ['page.ts'],
  }, null, 2));
  const res = spawnSync(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.page.json'], { cwd: app, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stdout + res.stderr);
});

check('from dist: the local worker pool evaluates a module, and the compneuro-rx bin runs', () => {
  writeFileSync(join(app, 'square.mjs'), 'export function createEvaluator(s) { return (x) => x * x * s.k; }\n');
  writeFileSync(join(app, 'pool.mjs'), `
import { LocalPoolRunner, evaluateAll } from 'compneuro-rx';
const r = new LocalPoolRunner({ threads: 2 });
const out = await evaluateAll(r, { module: new URL('./square.mjs', import.meta.url).href, setup: { k: 2 } }, [1, 2, 3]);
await r.close();
if (JSON.stringify(out) !== '[2,8,18]') throw new Error('pool gave ' + JSON.stringify(out));
console.log('OK');
`);
  const out = run(process.execPath, ['pool.mjs'], app);
  if (!out.includes('OK')) throw new Error(out);
  const bin = spawnSync(join(app, 'node_modules/.bin/compneuro-rx'), [], { encoding: 'utf8' });
  if (bin.status !== 2 || !/usage: compneuro-rx worker --redis/.test(bin.stderr)) throw new Error(`compneuro-rx bin exited ${bin.status}: ${bin.stderr}`);
});

if (existsSync(work) && !process.env.KEEP_PACKAGE_TEST) rmSync(work, { recursive: true, force: true });
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
