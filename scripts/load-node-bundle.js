// dist/src/load-node-bundle.js (copied there by scripts/build.mjs): evaluates node.cjs, the
// library for Node, once per thread, compiled with V8's code cache. The cache lives in
// node_modules/.cache/compneuro-rx/ beside the package's dependencies (never a shared temporary
// folder: a cache planted by another user would run as code), one file per install and V8
// version and flag set (run-common-js.js), and is written when the main thread exits, so it holds
// the functions the program compiled too. COMPNEURO_RX_CODE_CACHE=0 turns it off.
import { accessSync, constants } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { runCommonJs } from './run-common-js.js';

const file = fileURLToPath(new URL('./node.cjs', import.meta.url));
let exported;

/**
 * The folder of the code cache, if there is a writable node_modules to keep it: code-cache.ts's
 * cacheDir, which lives inside the bundle this loads, hence again here.
 */
function cacheDir() {
  if (process.env.COMPNEURO_RX_CODE_CACHE === '0') return undefined;
  // the node_modules the package is installed in, or the checkout's own (dist/src/node.cjs)
  const at = file.lastIndexOf('/node_modules/');
  const modules = at >= 0 ? file.slice(0, at + '/node_modules'.length) : join(dirname(file), '..', '..', 'node_modules');
  try {
    accessSync(modules, constants.W_OK);
  } catch {
    return undefined;
  }
  return join(modules, '.cache', 'compneuro-rx');
}

/** The library's exports: node.cjs evaluated in this thread on the first call. */
export function nodeBundle() {
  if (exported === undefined) {
    // one cache per install (nested installs of other versions keep theirs)
    const name = `node-bundle-${createHash('sha256').update(file).digest('hex').slice(0, 16)}`;
    exported = runCommonJs(file, { cacheDir: cacheDir(), name, writeAtExit: isMainThread });
  }
  return exported;
}
