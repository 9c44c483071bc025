import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// ARCHITECTURE.md: the library runs in browsers (no Node-only modules outside the files that
// render or write to disk), engine/ and language/ know nothing of RxJS, language/ nothing of
// engine/, and imports only point down the layers.
const NODE_ONLY_ALLOWED = new Set([
  'src/plot/render-file.ts', 'src/plot/html-document.ts', 'src/plot/encode-png.ts', 'src/node/terminal-progress-bar.ts', 'src/node/kernel-threads.ts', 'src/node/figure-thread.ts', 'src/node/figure-worker.ts', 'src/plot/plot-recordings.ts', 'src/index.ts', 'src/fit/opt-neuron.ts', 'src/fit/opt-neuron-evaluator.ts', 'src/fit/v-clamp-param-search.ts', 'src/io/arrow-file.ts', 'src/io/node-readable.ts',
  // saving networks and reports to files
  'src/io/save-load.ts', 'src/io/report.ts',
  // the playground's bundler and static server (tooling; the page and its worker stay browser-only)
  'src/apps/playground/build.ts', 'src/apps/playground/serve.ts',
]);
// io/ and run/ (files, worker pools) are Node-only layers above experiment/, exported from src/index.ts only.
const NODE_LAYERS = ['src/io/', 'src/run/'];
const isNodeLayer = (f: string) => NODE_LAYERS.some((l) => f.startsWith(l));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

describe('architecture', () => {
  const all = [...files('src'), ...files('operators')];

  it('has no Node-only imports outside the files that write or rasterise', () => {
    const bad = all.filter((f) => !NODE_ONLY_ALLOWED.has(f) && !isNodeLayer(f))
      .flatMap((f) => importsOf(f).filter((i) => /^(node:|fs$|path$|os$|child_process$|module$|url$|@resvg\/)/.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).to.deep.equal([]);
  });

  it('keeps engine/ and language/ free of rxjs, and language/ free of engine/', () => {
    const bad = all.filter((f) => f.startsWith('src/engine/') || f.startsWith('src/language/'))
      .flatMap((f) => importsOf(f).filter((i) => i.startsWith('rxjs') || (f.startsWith('src/language/') && i.includes('/engine/'))).map((i) => `${f}: ${i}`));
    expect(bad).to.deep.equal([]);
  });

  it('keeps the Node-only layers (io/, run/) out of the browser entry and the layers below', () => {
    const browserSafe = /^(src\/(browser(-entry)?\.ts|engine|language|stream|monitors|analysis|plot|models|experiment|dbs)|operators)/;
    const bad = all.filter((f) => browserSafe.test(f) && !NODE_ONLY_ALLOWED.has(f))
      .flatMap((f) => importsOf(f).filter((i) => /\/(io|run)\//.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).to.deep.equal([]);
  });

  it('keeps engine/ on top of language/ only: nothing from monitors/, stream/ or any layer above', () => {
    // RecordedArray and SpikeDict, which the engine's Monitor returns, live in engine/
    const allowed: Record<string, string[]> = { 'src/engine/': ['src/engine/', 'src/language/'], 'src/language/': ['src/language/'] };
    const bad = all.flatMap((f) => {
      const layer = Object.keys(allowed).find((l) => f.startsWith(l));
      if (!layer) return [];
      return importsOf(f).filter((i) => i.startsWith('.'))
        .map((i) => relative('.', resolve(dirname(f), i)).split(sep).join('/'))
        .filter((target) => !allowed[layer]!.some((l) => target.startsWith(l)))
        .map((target) => `${f}: ${target}`);
    });
    expect(bad).to.deep.equal([]);
  });

  it('never imports experiment/ from the layers below it', () => {
    // dbs/ sits above experiment/ (it recreates a CompNeuroModel) and below io/, run/, fit/
    const below = all.filter((f) => !f.startsWith('src/experiment/') && !f.startsWith('src/fit/') && !f.startsWith('src/models/full/') && !f.startsWith('src/dbs/') && !isNodeLayer(f) && f !== 'src/index.ts' && f !== 'src/browser.ts' && f !== 'src/browser-entry.ts');
    const bad = below.flatMap((f) => importsOf(f).filter((i) => i.includes('/experiment/')).map((i) => `${f}: ${i}`));
    expect(bad).to.deep.equal([]);
  });

  it('keeps run/ free of fit/ (runners never know what they run) and fit/ free of queues (it asks run/ for runners)', () => {
    const bad = all.flatMap((f) => importsOf(f)
      .filter((i) => (f.startsWith('src/run/') && i.includes('/fit/')) || (f.startsWith('src/fit/') && (/^(bullmq|ioredis|piscina)$/.test(i) || /run\/(queue|local-pool)-/.test(i))))
      .map((i) => `${f}: ${i}`));
    expect(bad).to.deep.equal([]);
  });


  it('keeps dbs/ (DBSstimulator) above experiment/: only the entries, fit/, io/, run/ and apps/ may import it', () => {
    const allowed = (f: string) => f.startsWith('src/dbs/') || f.startsWith('src/fit/') || f.startsWith('src/apps/') || isNodeLayer(f) || /^src\/(index|browser|browser-entry)\.ts$/.test(f);
    const bad = all.filter((f) => !allowed(f)).flatMap((f) => importsOf(f).filter((i) => i.includes('/dbs/')).map((i) => `${f}: ${i}`));
    expect(bad).to.deep.equal([]);
  });

  it('keeps apps/ (the playground) at the top: nothing in src/ or operators/ imports it', () => {
    const bad = all.filter((f) => !f.startsWith('src/apps/')).flatMap((f) => importsOf(f).filter((i) => i.includes('/apps/')).map((i) => `${f}: ${i}`));
    expect(bad).to.deep.equal([]);
  });

  it('keeps the playground page and worker off Node: only its build and serve scripts use Node modules', () => {
    const page = all.filter((f) => f.startsWith('src/apps/') && !NODE_ONLY_ALLOWED.has(f));
    expect(page.length).to.be.greaterThan(5);
    const bad = page.flatMap((f) => importsOf(f).filter((i) => /^node:|examples\//.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).to.deep.equal([]);
  });
});
