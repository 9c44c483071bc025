// dist/src/load-node-bundle.js (copied there by scripts/build.mjs): evaluates node.cjs, the
// library for Node, once per thread, compiled with V8's code cache. The cache lives in
// node_modules/.cache/compneuro-rx/ beside the package's dependencies (never a shared temporary
// folder: a cache planted by another user would run as code), one file per bundle, Node version
// and flag set (V8 rejects a cache made under other flags), and is written when the main thread
// exits, so it holds the functions the program compiled too. COMPNEURO_RX_CODE_CACHE=0 turns it
// off.
import { accessSync, constants, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

const file = fileURLToPath(new URL('./node.cjs', import.meta.url));
let exported;

/** The cache file for this bundle, Node and flag set, if there is a writable node_modules to keep it. */
function cacheFile() {
  if (process.env.COMPNEURO_RX_CODE_CACHE === '0') return undefined;
  // the node_modules the package is installed in, or the checkout's own (dist/src/node.cjs)
  const at = file.lastIndexOf('/node_modules/');
  const modules = at >= 0 ? file.slice(0, at + '/node_modules'.length) : join(dirname(file), '..', '..', 'node_modules');
  try {
    accessSync(modules, constants.W_OK);
  } catch {
    return undefined;
  }
  const s = statSync(file);
  const key = createHash('sha256').update([file, s.size, s.mtimeMs, process.version, ...process.execArgv].join('\0')).digest('hex').slice(0, 16);
  return join(modules, '.cache', 'compneuro-rx', `node-bundle-${key}.v8cache`);
}

/** The library's exports: node.cjs evaluated in this thread on the first call. */
export function nodeBundle() {
  if (exported !== undefined) return exported;
  const cache = cacheFile();
  let cachedData;
  try {
    cachedData = cache === undefined ? undefined : readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
  // functions read back from a code cache lose a script's dynamic-import callback (Node 20): the
  // library's import() goes through this module's (src/run/dynamic-import.ts)
  globalThis[Symbol.for('compneuro-rx.dynamic-import')] = (specifier) => import(specifier);
  if (cache !== undefined && isMainThread && (cachedData === undefined || script.cachedDataRejected)) {
    process.once('exit', () => {
      // another process may write the same file: write aside, then rename (atomic)
      const tmp = `${cache}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(cache), { recursive: true });
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cache);
      } catch {
        // a read-only install: the next start compiles again
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  exported = module.exports;
  return exported;
}
