/**
 * A persistent cache of model analysis and of the plain parts of the generated kernels: a
 * model's analysis is a pure function of its description text, its options and the library, so
 * a process whose models were all analysed before never loads mathjs (~120-160 ms of `npm
 * start`). Rules as for V8's code cache (code-cache.ts): Node only (through the lazy loaders'
 * `require`, so the language layer imports no Node module; in a browser nothing is cached),
 * kept in `node_modules/.cache/compneuro-rx/analysis/` beside the library (never a shared
 * temporary folder: the kernel parts become code through `new Function`), one file per entry
 * written atomically (temp + rename) when it is made, at most {@link MAX_ENTRIES} files of at
 * most {@link MAX_ENTRY_BYTES} each (the oldest are removed). The key holds the whole input (description
 * texts, options, Constants), the Node version and an identity of the library's code (size,
 * times and inode of its files and of mathjs' bundle): an edited or upgraded library never reads
 * an old entry. An entry whose stored input differs (hash collision, foreign or corrupt file)
 * is ignored. Failures are never cached: a model that fails analysis fails again the same way.
 * Warnings printed while analysing are stored and printed again on a hit.
 * `COMPNEURO_RX_CODE_CACHE=0` turns it off, as it turns off the code cache.
 */
import { lazyModule, type NodeRequireLike } from './lazy-module.js';
import { cacheDir } from './code-cache.js';
import { CONSTANTS } from './constant.js';
import { decodeValue, encodeValue, NotEncodable, type Encoded } from './ir-codec.js';

/** Entries kept at most; beyond, the oldest files are removed down to three quarters of it. */
export const MAX_ENTRIES = 256;
/** Largest entry kept (HH_Bischop's analysis: ~45 kB, its kernels ~40 kB): the folder stays below MAX_ENTRIES times this. */
export const MAX_ENTRY_BYTES = 256 * 1024;
const FORMAT = 1;

interface Stat { size: number; mtimeMs: number; ctimeMs: number; ino: number }
interface Fs {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string): void;
  mkdirSync(path: string, opts: { recursive: boolean }): void;
  renameSync(from: string, to: string): void;
  readdirSync(path: string): string[];
  statSync(path: string): Stat;
  unlinkSync(path: string): void;
  accessSync(path: string, mode: number): void;
  constants: { W_OK: number };
}
interface Store { fs: Fs; path: { join(...p: string[]): string; dirname(p: string): string; basename(p: string): string }; dir: string; identity: string }

let store: Store | null | undefined;
const stats = { hits: 0, misses: 0, writes: 0 };

/**
 * How often this process found an analysis in the cache, made one, and wrote one.
 *
 * @example
 * ```ts
 * analysisCacheStats(); // { hits: 2, misses: 0, writes: 0 } on a second run
 * ```
 */
export function analysisCacheStats(): { hits: number; misses: number; writes: number } {
  return { ...stats };
}

const nodeApis = lazyModule('compneuro-rx:analysis-cache', (require: NodeRequireLike) => ({
  require,
  fs: require('node:fs') as Fs,
  path: require('node:path') as Store['path'],
  url: require('node:url') as { fileURLToPath(u: string): string },
}));

function proc(): { env?: Record<string, string | undefined>; version?: string; pid?: number } | undefined {
  return (globalThis as { process?: ReturnType<typeof proc> }).process;
}

/** The files whose code makes analysis and kernels: this folder's modules (and wasm/ beside TypeScript sources). */
function libraryFiles(api: ReturnType<typeof nodeApis>): string[] {
  const self = api.url.fileURLToPath(import.meta.url);
  const dir = api.path.dirname(self);
  const list = (d: string, ext: RegExp) => api.fs.readdirSync(d).filter((f) => ext.test(f)).sort().map((f) => api.path.join(d, f));
  if (/\.ts$/.test(self)) return [...list(dir, /\.ts$/), ...list(api.path.join(dir, 'wasm'), /\.ts$/)];
  // a bundle (npm start) or the published dist/src: every script of its folder
  return list(dir, /\.[cm]?js$/);
}

function openStore(): Store | null {
  if (proc()?.env?.COMPNEURO_RX_CODE_CACHE === '0') return null;
  if (store !== undefined) return store;
  store = null;
  try {
    const api = nodeApis();
    const mathjsFile = api.require.resolve('mathjs/lib/browser/math.js');
    const base = cacheDir(api, mathjsFile);
    if (!base) return store;
    const files = [...libraryFiles(api), mathjsFile];
    const fingerprint = files.map((f) => {
      const s = api.fs.statSync(f);
      return `${f}:${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
    });
    store = { fs: api.fs, path: api.path, dir: api.path.join(base, 'analysis'), identity: [FORMAT, proc()?.version, ...fingerprint].join('\n') };
  } catch {
    // no Node (a browser), or the library's files cannot be listed: nothing is cached
  }
  return store;
}

/** 64 bits of FNV-1a over the key, as a file name: the entry stores the whole key, compared on read. */
function fileName(key: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}.json`;
}

interface Entry { format: number; key: string; warnings: string[][]; value: Encoded }

function read(s: Store, key: string): Entry | undefined {
  try {
    const e = JSON.parse(s.fs.readFileSync(s.path.join(s.dir, fileName(key)), 'utf8')) as Entry;
    if (e.format === FORMAT && e.key === key && Array.isArray(e.warnings) && 'value' in e) return e;
  } catch {
    // missing, unreadable or corrupt: analyse again (and overwrite it)
  }
  return undefined;
}

function write(s: Store, key: string, entry: Entry): void {
  try {
    const text = JSON.stringify(entry);
    if (text.length > MAX_ENTRY_BYTES) return;
    s.fs.mkdirSync(s.dir, { recursive: true });
    const target = s.path.join(s.dir, fileName(key));
    // worker threads share the pid: a random part keeps their temp files apart
    const tmp = `${target}.${proc()?.pid ?? 0}-${Math.random().toString(36).slice(2)}.tmp`;
    s.fs.writeFileSync(tmp, text);
    s.fs.renameSync(tmp, target);
    stats.writes++;
    evict(s);
  } catch {
    // a cache that cannot be written only costs the next start its time
  }
}

/**
 * Beyond {@link MAX_ENTRIES} files, removes the oldest (and temp files other processes left
 * behind) down to three quarters of it: only one write in many lists more than the names.
 */
function evict(s: Store): void {
  const names = s.fs.readdirSync(s.dir);
  if (names.length <= MAX_ENTRIES) return;
  const files: { path: string; mtimeMs: number }[] = [];
  for (const n of names) {
    const path = s.path.join(s.dir, n);
    try {
      files.push({ path, mtimeMs: /\.tmp$/.test(n) ? -1 : s.fs.statSync(path).mtimeMs });
    } catch {
      // removed meanwhile
    }
  }
  files.sort((a, b) => a.mtimeMs - b.mtimeMs);
  for (const f of files.slice(0, files.length - Math.floor(MAX_ENTRIES * 3 / 4))) {
    try {
      s.fs.unlinkSync(f.path);
    } catch {
      // another process removed it
    }
  }
}

/** Cache keys of results this process analysed or read, for the kernels made from them. */
const keys = new WeakMap<object, string>();

function constantsKey(): string {
  return [...CONSTANTS].map(([k, c]) => `${k}=${JSON.stringify(encodeValue(c.value))}`).join(',');
}

/**
 * `compute()`, or its result from an earlier process. `input` must hold everything the result
 * depends on besides the library's code and the Constants (which the key includes). Errors are
 * thrown as `compute` throws them and never cached.
 *
 * @example
 * ```ts
 * const ir = cachedAnalysis('neuron', { equations: 'dv/dt = -v', name: 'n' }, () => analyseNeuron(n));
 * ```
 */
export function cachedAnalysis<T extends object>(kind: string, input: unknown, compute: () => T): T {
  const s = openStore();
  if (!s) return compute();
  let key: string;
  try {
    key = [s.identity, kind, JSON.stringify(encodeValue(input)), constantsKey()].join('\n');
  } catch (e) {
    if (e instanceof NotEncodable) return compute();
    throw e;
  }
  const hit = read(s, key);
  if (hit) {
    try {
      const value = decodeValue(hit.value) as T;
      for (const w of hit.warnings) console.warn(...w);
      keys.set(value, key);
      stats.hits++;
      return value;
    } catch {
      // a malformed entry: analyse again
    }
  }
  stats.misses++;
  const warnings: string[][] = [];
  let plainWarnings = true;
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (args.every((a) => typeof a === 'string')) warnings.push(args as string[]);
    else plainWarnings = false;
    warn.apply(console, args);
  };
  let value: T;
  try {
    value = compute();
  } finally {
    console.warn = warn;
  }
  keys.set(value, key);
  if (plainWarnings) {
    try {
      write(s, key, { format: FORMAT, key, warnings, value: encodeValue(value) });
    } catch (e) {
      if (!(e instanceof NotEncodable)) throw e;
    }
  }
  return value;
}

/**
 * `make()`, something made from an analysis result alone (kernel parts, printed code) plus
 * `input`: cached under the result's key, `kind` and `input` when the result came from
 * {@link cachedAnalysis}, made afresh otherwise. Errors are thrown and never cached.
 *
 * @example
 * ```ts
 * const parts = cachedFromAnalysis(ir, 'population kernels', { method: 'rk4' }, () => populationKernelParts(ir, { method: 'rk4' }));
 * ```
 */
export function cachedFromAnalysis<P extends object>(ir: object, kind: string, input: unknown, make: () => P): P {
  const base = keys.get(ir);
  if (base === undefined || !openStore()) return make();
  return cachedAnalysis(`${kind} of ${base}`, input, make);
}

/**
 * `derived`, a copy of the analysis result `base` with `change` (a description of what differs)
 * applied, made known to {@link cachedFromAnalysis} under its own key.
 *
 * @example
 * ```ts
 * const ir = deriveAnalysis(base, { ...base, refractory: 0 }, 'refractory 0');
 * ```
 */
export function deriveAnalysis<T extends object>(base: object, derived: T, change: string): T {
  const key = keys.get(base);
  if (key !== undefined) keys.set(derived, `${key}\n${change}`);
  return derived;
}

/**
 * Forgets the opened store (tests: after changing `COMPNEURO_RX_CODE_CACHE` or the library's files).
 *
 * @example
 * ```ts
 * resetAnalysisCache();
 * ```
 */
export function resetAnalysisCache(): void {
  store = undefined;
}

/**
 * The folder of the analysis cache, if there is one (tests, tools).
 *
 * @example
 * ```ts
 * analysisCacheDir(); // '.../node_modules/.cache/compneuro-rx/analysis'
 * ```
 */
export function analysisCacheDir(): string | undefined {
  return openStore()?.dir;
}
