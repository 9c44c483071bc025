import { expect } from 'chai';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';

// The library bundled for the browser runs a population with WebAssembly kernels in Chromium,
// with the same numbers as JavaScript kernels. (Chromium used to refuse synchronous compiles
// above 4 KB on the main thread; the asynchronous fallback is tested in
// spec/engine/wasm-backend.spec.ts.)
const ENTRY = `
import { Network, Population, HHneuronBischop } from './src/browser-entry.ts';
window.wasmCheck = async () => {
  const make = (backend) => {
    const net = new Network({ dt: 0.01, backend });
    const pop = new Population(9, HHneuronBischop, { network: net });
    net.compile();
    pop.I_app = Float64Array.from([0, 10, 20, 40, 50, 80, 120, 200, 400]);
    return { net, pop };
  };
  const js = make('js'), wasm = make('wasm');
  const atCompile = wasm.pop.backend;
  const spikes = { js: [], wasm: [] };
  const run = (steps) => {
    for (let k = 0; k < steps; k++) {
      js.net.step(); wasm.net.step();
      spikes.js.push(js.pop.spike.join(',')); spikes.wasm.push(wasm.pop.spike.join(','));
    }
  };
  run(1000);
  for (let k = 0; k < 100 && wasm.pop.backend !== 'wasm'; k++) await new Promise((r) => setTimeout(r, 50));
  const afterWait = wasm.pop.backend;
  run(3000);
  const same = ['v', 'h', 'm', 'n1', 'n3', 'Ca', 'k', 'a'].every((x) => Array.from(js.pop[x]).every((y, i) => Object.is(y, wasm.pop[x][i])));
  return { atCompile, afterWait, same, sameSpikes: spikes.js.join('|') === spikes.wasm.join('|'), nSpikes: spikes.wasm.join(',').split(',').filter((s) => s !== '').length, v: Array.from(wasm.pop.v) };
};
`;

describe('WebAssembly kernels in Chromium (library bundle)', function () {
  this.timeout(120_000);
  let browser: Browser;

  before(async () => {
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  it('HH_Bischop x 9 runs in WebAssembly with the numbers and spikes of JavaScript kernels', async () => {
    const bundle = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' }, bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><title>wasm</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const r = await page.evaluate(() => (window as unknown as { wasmCheck(): Promise<Record<string, unknown>> }).wasmCheck());
    expect(errors).to.deep.equal([]);
    expect(['js', 'wasm']).to.include(r.atCompile);
    expect(r.afterWait).to.equal('wasm');
    expect(r.same).to.equal(true);
    expect(r.sameSpikes).to.equal(true);
    expect(r.nSpikes as number).to.be.greaterThan(5);
  });
});
