/**
 * Large single-file libraries (mathjs' bundle, vega, vega-lite: 1.4 MB) evaluated with V8's
 * code cache, as Node >= 22 does for every module with `module.enableCompileCache()` (Node 20
 * has no such switch). A fresh process then neither parses them nor compiles the functions a
 * figure or a first model used last time: ~150-190 ms of CPU. The cache lives where build tools
 * keep theirs, in `node_modules/.cache/compneuro-rx/` beside the library's dependencies (never a
 * shared temporary folder: a cache planted by another user would run as code), is written once
 * per file, Node version and V8 flags (see v8Fingerprint), when the process exits (or earlier:
 * flushCodeCache), and is ignored when V8 rejects it. `COMPNEURO_RX_CODE_CACHE=0` turns it off.
 * Node only, through the `require` the lazy loaders get (lazy-module.ts), so the language layer
 * imports no Node module.
 */
import type { NodeRequireLike } from './lazy-module.js';

interface VmScript {
  runInThisContext(): unknown;
  createCachedData(): Uint8Array;
  cachedDataRejected?: boolean;
}
interface NodeApis {
  fs: {
    readFileSync(path: string, encoding?: 'utf8'): string | Uint8Array;
    writeFileSync(path: string, data: Uint8Array): void;
    existsSync(path: string): boolean;
    mkdirSync(path: string, opts: { recursive: boolean }): void;
    renameSync(from: string, to: string): void;
    accessSync(path: string, mode: number): void;
    constants: { W_OK: number };
  };
  vm: { Script: new (code: string, opts: { filename: string; cachedData?: Uint8Array }) => VmScript };
  crypto: { createHash(alg: string): { update(s: string): { digest(enc: 'hex'): string } } };
  path: { join(...p: string[]): string; dirname(p: string): string; basename(p: string): string };
}

/** CommonJS wrapper of a file's code: called with (exports, module, require). */
export type CommonJsWrapper = (exports: object, module: { exports: object }, require: (id: string) => unknown) => void;

/**
 * The folder of the code cache: `.cache/compneuro-rx` in the `node_modules` that holds `file`, if writable.
 *
 * @example
 * ```ts
 * cacheDir({ fs: require('node:fs'), path: require('node:path') }, require.resolve('mathjs/lib/browser/math.js')); // '.../node_modules/.cache/compneuro-rx'
 * ```
 */
export function cacheDir(api: { fs: Pick<NodeApis['fs'], 'accessSync' | 'constants'>; path: Pick<NodeApis['path'], 'join'> }, file: string): string | undefined {
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const modules = file.slice(0, at + '/node_modules'.length);
  try {
    api.fs.accessSync(modules, api.fs.constants.W_OK);
  } catch {
    return undefined;
  }
  return api.path.join(modules, '.cache', 'compneuro-rx');
}

/** Caches to write: where (the folder and the file name without the V8 fingerprint) and what. */
const pending = new Map<string, { dir: string; name: string; script: VmScript }>();
let exitHookInstalled = false;

/**
 * What V8 checks a code cache against besides its source: V8's version and its flags. A process
 * that changes a flag at run time (`v8.setFlagsFromString('--expose-gc')`, as benches and specs
 * do) writes caches that every other process rejects, and a process that never exits normally
 * (the figure thread) would never write a good one back. The header of the cache of a fixed
 * one-character script holds V8's magic number, version hash and flag hash: its first 16 bytes,
 * in the file name, keep the caches of processes with other flags apart. Read when a cache is
 * read or written (the flags may change in between).
 */
function v8Fingerprint(api: Pick<NodeApis, 'vm'>): string {
  const header = new api.vm.Script('0', { filename: 'compneuro-rx-v8-fingerprint' }).createCachedData().subarray(0, 16);
  let hex = '';
  for (const b of header) hex += b.toString(16).padStart(2, '0');
  return hex;
}

const cacheFile = (api: Pick<NodeApis, 'vm' | 'path'>, dir: string, name: string): string => api.path.join(dir, `${name}-${v8Fingerprint(api)}.v8`);

/**
 * Writes the caches this process has pending now instead of at exit: for specs, and for a
 * thread that never exits normally (the figure thread, once warmed up; the process ends it).
 *
 * @example
 * ```ts
 * flushCodeCache(require);
 * ```
 */
export function flushCodeCache(require: NodeRequireLike): number {
  const n = pending.size;
  writePending({ fs: require('node:fs'), path: require('node:path'), vm: require('node:vm') } as NodeApis);
  return n;
}

function writePending(api: Pick<NodeApis, 'fs' | 'path' | 'vm'>): void {
  for (const { dir, name, script } of pending.values()) {
    try {
      const target = cacheFile(api, dir, name);
      api.fs.mkdirSync(api.path.dirname(target), { recursive: true });
      // another process may write the same file: write aside, then rename (atomic)
      const tmp = `${target}.${(globalThis as { process?: { pid?: number } }).process?.pid ?? 0}.tmp`;
      api.fs.writeFileSync(tmp, script.createCachedData());
      api.fs.renameSync(tmp, target);
    } catch {
      // a cache that cannot be written only costs the next start its time
    }
  }
  pending.clear();
}

/**
 * Compiles `file` wrapped as a CommonJS function, with V8's code cache when one can be kept
 * beside the file's `node_modules`, and returns the wrapper function.
 *
 * @example
 * ```ts
 * const wrapper = compileCommonJs(require, require.resolve('vega').replace(/[^/]*$/, 'vega.min.js'));
 * const module = { exports: {} };
 * wrapper(module.exports, module, (id) => { throw new Error(id); });
 * ```
 */
export function compileCommonJs(require: NodeRequireLike, file: string): CommonJsWrapper {
  const api: NodeApis = {
    fs: require('node:fs') as NodeApis['fs'],
    vm: require('node:vm') as NodeApis['vm'],
    crypto: require('node:crypto') as NodeApis['crypto'],
    path: require('node:path') as NodeApis['path'],
  };
  const code = `(function (exports, module, require) {${api.fs.readFileSync(file, 'utf8') as string}\n})`;
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined>; version?: string; arch?: string; once?(ev: string, fn: () => void): void } }).process;
  const dir = proc?.env?.COMPNEURO_RX_CODE_CACHE === '0' ? undefined : cacheDir(api, file);
  if (!dir) return new api.vm.Script(code, { filename: file }).runInThisContext() as CommonJsWrapper;
  const key = api.crypto.createHash('sha256').update(`${proc?.version}\0${proc?.arch}\0${file}\0${code}`).digest('hex').slice(0, 24);
  const name = `${api.path.basename(file)}-${key}`;
  const target = cacheFile(api, dir, name);
  let cachedData: Uint8Array | undefined;
  try {
    if (api.fs.existsSync(target)) cachedData = api.fs.readFileSync(target) as Uint8Array;
  } catch {
    cachedData = undefined;
  }
  const script = new api.vm.Script(code, { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // written at exit, so that it holds the functions this run compiled, not only the top level
    pending.set(name, { dir, name, script });
    if (!exitHookInstalled && proc?.once) {
      exitHookInstalled = true;
      proc.once('exit', () => writePending(api));
    }
  }
  return script.runInThisContext() as CommonJsWrapper;
}
