// dist/src/load-node-bundle.js (copied there by scripts/build.mjs): evaluates node.cjs, the
// library for Node, once per thread, compiled with V8's code cache. The cache lives in
// node_modules/.cache/compneuro-rx/ beside the package's dependencies (never a shared temporary
// folder: a cache planted by another user would run as code), one file per bundle, Node version
// and flag set (V8 rejects a cache made under other flags), and is written when the main thread
// exits, so it holds the functions the program compiled too. COMPNEURO_RX_CODE_CACHE=0 turns it
// off.
import { accessSync, constants } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { runCommonJs } from './run-common-js.js';

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
  // one file per install, Node version and flag set (V8 rejects a cache made under other flags)
  const key = createHash('sha256').update([file, process.version, ...process.execArgv].join('\0')).digest('hex').slice(0, 16);
  return join(modules, '.cache', 'compneuro-rx', `node-bundle-${key}.v8cache`);
}

/** The library's exports: node.cjs evaluated in this thread on the first call. */
export function nodeBundle() {
  exported ??= runCommonJs(file, { cacheFile: cacheFile(), writeAtExit: isMainThread });
  return exported;
}
