// Evaluates a CommonJS file as Node would, compiled with a V8 code cache (Node 20 has no
// module.enableCompileCache). Used by npm start (scripts/start.mjs) for the example's bundle and,
// copied into dist/src/, by the package for its Node bundle (load-node-bundle.js).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * V8's version and flag hash, from the header of a fixed script's cache: what V8 checks a cache
 * against besides its source. In the cache's file name it keeps apart the caches of processes
 * with other flags, also flags set at run time (as src/language/code-cache.ts does for vega).
 */
function v8Fingerprint() {
  return new Script('0', { filename: 'compneuro-rx-v8-fingerprint' }).createCachedData().subarray(0, 16).toString('hex');
}

/**
 * Runs `file` (CommonJS) and returns its exports. With `cacheDir`, V8's code cache is kept there
 * as `<name>.<Node version>-<V8 fingerprint>.v8cache` (the fingerprint read again when it is
 * written: the flags may change in between). It starts with the SHA-256 of the source it was
 * made from, because V8 itself checks only the source's length (an edited file of the same
 * length would run the old code). A missing, stale or rejected cache is written when the process exits
 * (`writeAtExit`; the main thread's exit, so that it holds the functions the program compiled
 * too), aside then renamed: two processes may write it at once.
 */
export function runCommonJs(file, { cacheDir, name, writeAtExit = true } = {}) {
  const cacheFile = () => join(cacheDir, `${name}.${process.version}-${v8Fingerprint()}.v8cache`);
  const source = readFileSync(file, 'utf8');
  const hash = cacheDir === undefined ? undefined : createHash('sha256').update(source).digest();
  let cachedData;
  try {
    const stored = cacheDir === undefined ? undefined : readFileSync(cacheFile());
    if (stored !== undefined && stored.length > 32 && stored.subarray(0, 32).equals(hash)) cachedData = stored.subarray(32);
  } catch {
    cachedData = undefined; // no cache yet
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  // functions read back from a code cache lose a script's dynamic-import callback (Node 20): the
  // library's import() goes through this module's (src/run/dynamic-import.ts)
  globalThis[Symbol.for('compneuro-rx.dynamic-import')] = (specifier) => import(specifier);
  if (cacheDir !== undefined && writeAtExit && (cachedData === undefined || script.cachedDataRejected)) {
    process.once('exit', () => {
      const target = cacheFile();
      const tmp = `${target}.${process.pid}.tmp`;
      try {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(tmp, Buffer.concat([hash, script.createCachedData()]));
        renameSync(tmp, target);
      } catch {
        // a read-only folder: the next start compiles again
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
