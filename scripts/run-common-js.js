// Evaluates a CommonJS file as Node would, compiled with a V8 code cache (Node 20 has no
// module.enableCompileCache). Used by npm start (scripts/start.mjs) for the example's bundle and,
// copied into dist/src/, by the package for its Node bundle (load-node-bundle.js).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs `file` (CommonJS) and returns its exports. `cacheFile` (optional) keeps V8's code cache:
 * it starts with the SHA-256 of the source it was made from, because V8 itself checks only the
 * source's length (an edited file of the same length would run the old code). A missing, stale
 * or rejected cache is written when the process exits (`writeAtExit`; the main thread's exit, so
 * that it holds the functions the program compiled too), aside then renamed: two processes may
 * write it at once.
 */
export function runCommonJs(file, { cacheFile, writeAtExit = true } = {}) {
  const source = readFileSync(file, 'utf8');
  const hash = cacheFile === undefined ? undefined : createHash('sha256').update(source).digest();
  let cachedData;
  try {
    const stored = cacheFile === undefined ? undefined : readFileSync(cacheFile);
    if (stored !== undefined && stored.length > 32 && stored.subarray(0, 32).equals(hash)) cachedData = stored.subarray(32);
  } catch {
    cachedData = undefined; // no cache yet
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  // functions read back from a code cache lose a script's dynamic-import callback (Node 20): the
  // library's import() goes through this module's (src/run/dynamic-import.ts)
  globalThis[Symbol.for('compneuro-rx.dynamic-import')] = (specifier) => import(specifier);
  if (cacheFile !== undefined && writeAtExit && (cachedData === undefined || script.cachedDataRejected)) {
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        writeFileSync(tmp, Buffer.concat([hash, script.createCachedData()]));
        renameSync(tmp, cacheFile);
      } catch {
        // a read-only folder: the next start compiles again
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
