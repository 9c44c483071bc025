import { expect } from 'chai';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCommonJs, flushCodeCache } from '../../src/language/code-cache.js';
import type { NodeRequireLike } from '../../src/language/lazy-module.js';

const require = createRequire(import.meta.url) as unknown as NodeRequireLike;

function run(file: string): { f(): number } {
  const module = { exports: {} };
  compileCommonJs(require, file)(module.exports, module, (id) => {
    throw new Error(`no ${id}`);
  });
  return module.exports as { f(): number };
}

describe('language/code-cache', () => {
  let root: string;
  let file: string;
  const cached = () => (existsSync(join(root, 'node_modules', '.cache', 'compneuro-rx')) ? readdirSync(join(root, 'node_modules', '.cache', 'compneuro-rx')) : []);
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'code-cache-'));
    mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
    file = join(root, 'node_modules', 'pkg', 'lib.js');
    writeFileSync(file, 'module.exports = { f: function () { return 6 * 7; } };');
    flushCodeCache(require); // what other specs loaded (mathjs, vega) is written now, not counted below
  });
  afterEach(() => {
    chmodSync(join(root, 'node_modules'), 0o755);
    rmSync(root, { recursive: true, force: true });
    delete process.env.COMPNEURO_RX_CODE_CACHE;
  });

  it('evaluates a file as CommonJS and keeps V8 code in node_modules/.cache/compneuro-rx, used by the next load', () => {
    expect(run(file).f()).to.equal(42);
    expect(cached()).to.deep.equal([]); // written at exit (or flush), with what the run compiled
    expect(flushCodeCache(require)).to.equal(1);
    const files = cached();
    expect(files).to.have.length(1);
    expect(files[0]).to.match(/^lib\.js-[0-9a-f]{24}-[0-9a-f]{32}\.v8$/); // source key, then V8's version and flags
    // loaded again: nothing to write (in this process V8 reuses the compiled source; fresh processes below)
    expect(run(file).f()).to.equal(42);
    expect(flushCodeCache(require)).to.equal(0);
  });

  it('another source is another cache entry; in a fresh process a damaged cache is rejected and rewritten', () => {
    run(file);
    flushCodeCache(require);
    writeFileSync(file, 'module.exports = { f: function () { return 7; } };');
    // fresh processes only (this one's V8 keeps compiled sources in memory and never asks the
    // cache, and may run with other V8 flags, which make V8 reject a child's cache)
    const script = join(root, 'load.mts');
    writeFileSync(script, [
      `import { createRequire } from 'node:module';`,
      `import { compileCommonJs, flushCodeCache } from ${JSON.stringify(new URL('../../src/language/code-cache.ts', import.meta.url).pathname)};`,
      `const require = createRequire(import.meta.url);`,
      `const module = { exports: {} };`,
      `compileCommonJs(require, ${JSON.stringify(file)})(module.exports, module, () => undefined);`,
      `console.log(module.exports.f(), flushCodeCache(require));`,
    ].join('\n'));
    const child = () => execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' }).trim();
    expect(child()).to.equal('7 1'); // no cache for this source yet: written
    expect(cached()).to.have.length(2);
    expect(child()).to.equal('7 0'); // accepted: nothing to write
    for (const name of cached()) writeFileSync(join(root, 'node_modules', '.cache', 'compneuro-rx', name), 'not V8 code');
    expect(child()).to.equal('7 1'); // rejected: run from source, written again
    expect(child()).to.equal('7 0');
  });

  it('keeps the caches of processes with other V8 flags apart (a flag set at run time, as benches do)', () => {
    const script = join(root, 'load-flags.mts');
    writeFileSync(script, [
      `import { createRequire } from 'node:module';`,
      `import { setFlagsFromString } from 'node:v8';`,
      `import { compileCommonJs, flushCodeCache } from ${JSON.stringify(new URL('../../src/language/code-cache.ts', import.meta.url).pathname)};`,
      `if (process.argv[2] === 'gc') setFlagsFromString('--expose-gc');`,
      `const require = createRequire(import.meta.url);`,
      `const module = { exports: {} };`,
      `compileCommonJs(require, ${JSON.stringify(file)})(module.exports, module, () => undefined);`,
      `console.log(module.exports.f(), flushCodeCache(require));`,
    ].join('\n'));
    const child = (arg: string) => execFileSync(process.execPath, ['--import', 'tsx', script, arg], { encoding: 'utf8' }).trim();
    const before = cached().length;
    expect(child('plain')).to.equal('42 1');
    expect(child('gc')).to.equal('42 1'); // its flags differ: a cache of its own, the plain one untouched
    expect(cached().length).to.equal(before + 2);
    // each is accepted by a process like the one that wrote it (V8 rejected the other's before)
    expect(child('plain')).to.equal('42 0');
    expect(child('gc')).to.equal('42 0');
  });

  it('keeps nothing when turned off (COMPNEURO_RX_CODE_CACHE=0) or when node_modules is not writable', () => {
    process.env.COMPNEURO_RX_CODE_CACHE = '0';
    expect(run(file).f()).to.equal(42);
    expect(flushCodeCache(require)).to.equal(0);
    delete process.env.COMPNEURO_RX_CODE_CACHE;
    if (process.getuid?.() !== 0) {
      // root may write anywhere: the permission check only means something for other users
      chmodSync(join(root, 'node_modules'), 0o555);
      expect(run(file).f()).to.equal(42);
      expect(flushCodeCache(require)).to.equal(0);
    }
    expect(cached()).to.deep.equal([]);
  });

  it('evaluates a file outside any node_modules without a cache', () => {
    const plain = join(root, 'lib.js');
    writeFileSync(plain, 'module.exports = { f: function () { return 1; } };');
    expect(run(plain).f()).to.equal(1);
    expect(flushCodeCache(require)).to.equal(0);
  });
});
