import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const START = join(ROOT, 'scripts/start.mjs');
// entries of this spec live in the repository's .cache (git-ignored), as start.mjs bundles entries under the root
const DIR = join(ROOT, '.cache/spec-start');
const BUNDLES = join(ROOT, '.cache/start');
const base = (name: string) => `.cache_spec-start_${name}`;

function entry(name: string, code: string): string {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, `${name}.ts`), code);
  if (existsSync(BUNDLES)) for (const f of readdirSync(BUNDLES)) if (f.startsWith(base(name))) rmSync(join(BUNDLES, f));
  return `.cache/spec-start/${name}.ts`;
}

describe('scripts/start.mjs (npm start)', function () {
  this.timeout(120000);
  after(() => {
    rmSync(DIR, { recursive: true, force: true });
    if (existsSync(BUNDLES)) for (const f of readdirSync(BUNDLES)) if (f.startsWith('.cache_spec-start_')) rmSync(join(BUNDLES, f));
  });

  it('runs an example as a CommonJS bundle with a V8 code cache that the next start accepts', () => {
    const file = entry('plain', "import { pathToFileURL } from 'node:url';\nconsole.log('main', import.meta.url === pathToFileURL(process.argv[1]!).href, import.meta.url.endsWith('.cjs'));\n");
    expect(execFileSync(process.execPath, [START, file], { encoding: 'utf8' })).to.equal('main true true\n');
    const caches = readdirSync(BUNDLES).filter((f) => f.startsWith(base('plain')) && f.endsWith('.v8cache'));
    expect(caches, 'one cache, named after the Node version and the flags').to.have.length(1);
    expect(caches[0]).to.contain(process.version);
    const written = statSync(join(BUNDLES, caches[0]!)).mtimeMs;
    // a second start reads it (V8 accepts it: a rejected cache would be written again) and prints the same
    expect(execFileSync(process.execPath, [START, file], { encoding: 'utf8' })).to.equal('main true true\n');
    expect(statSync(join(BUNDLES, caches[0]!)).mtimeMs).to.equal(written);
    expect(JSON.parse(readFileSync(join(BUNDLES, `${base('plain')}.inputs.json`), 'utf8')).format).to.equal('cjs');
  });

  it("runs the edited example after an edit that keeps the bundle's length (V8 checks only the length of a cached source)", () => {
    const file = entry('edited', "console.log('first');\n");
    expect(execFileSync(process.execPath, [START, file], { encoding: 'utf8' })).to.equal('first\n');
    expect(execFileSync(process.execPath, [START, file], { encoding: 'utf8' }), 'from the cache').to.equal('first\n');
    const bundle = join(BUNDLES, `${base('edited')}.cjs`);
    const length = readFileSync(bundle).length;
    writeFileSync(join(DIR, 'edited.ts'), "console.log('FIRST');\n");
    expect(execFileSync(process.execPath, [START, file], { encoding: 'utf8' })).to.equal('FIRST\n');
    expect(readFileSync(bundle).length).to.equal(length);
  });

  it("the library's import() works in a start that reads the code cache (Node 20 loses the cached functions' import callback)", () => {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(join(DIR, 'problem.mjs'), 'export const answer = 42;\n');
    const code = [
      "import { importModule } from '../../src/run/evaluator-cache.ts';",
      `importModule(${JSON.stringify(pathToFileURL(join(DIR, 'problem.mjs')).href)}).then((m) => console.log('answer', m.answer));`,
    ].join('\n');
    const file = entry('imports', `${code}\n`);
    for (const run of ['compiles', 'reads the cache']) expect(execFileSync(process.execPath, [START, file], { encoding: 'utf8' }), run).to.equal('answer 42\n');
    expect(readdirSync(BUNDLES).some((f) => f.startsWith(base('imports')) && f.endsWith('.v8cache'))).to.equal(true);
  });

  it('runs an example with top-level await as an ES module', () => {
    const file = entry('tla', "const x = await Promise.resolve(41);\nconsole.log('tla', x + 1, import.meta.url.endsWith('.mjs'));\n");
    expect(execFileSync(process.execPath, [START, file], { encoding: 'utf8' })).to.equal('tla 42 true\n');
    expect(JSON.parse(readFileSync(join(BUNDLES, `${base('tla')}.inputs.json`), 'utf8')).format).to.equal('esm');
  });

  it("an example's error ends the process with its message and a non-zero status", () => {
    const file = entry('throws', "throw new RangeError('from the example');\n");
    const r = spawnSync(process.execPath, [START, file], { encoding: 'utf8' });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.match(/RangeError: from the example/);
  });
});
