import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';

// setup({ numThreads: 2 }) in a cross-origin-isolated page: Web Workers started with
// startKernelThreads, shared WebAssembly memory, the page's thread spinning at the barrier
// (it may not block). Same numbers and spikes as one thread, both backends.
const ENTRY = `
import { Network, Population, Neuron, startKernelThreads } from './src/browser-entry.ts';
const Izh = new Neuron({
  parameters: 'a = 0.02 : population\\nb = 0.2\\nc = -65.0\\nd = 8.0\\nI = 10.0',
  equations: 'dv/dt = 0.04 * v^2 + 5.0 * v + 140.0 - u + I + Normal(0.0, 3.0) : init = -65.0\\ndu/dt = a * (b * v - u) : init = -13.0',
  spike: 'v >= 30.0', reset: 'v = c\\nu += d', refractory: 2.0, name: 'Izh',
});
window.threadsCheck = async () => {
  const isolated = self.crossOriginIsolated;
  const run = (numThreads, backend) => {
    const net = new Network({ dt: 0.1, seed: 5, backend, numThreads, minNeuronsPerThread: 1 });
    const pop = new Population(101, Izh, { network: net });
    net.compile();
    const spikes = [];
    for (let k = 0; k < 1000; k++) { net.step(); spikes.push(pop.spike.join(',')); }
    const out = { split: pop.$parallel !== undefined, v: Array.from(pop.v), spikes: spikes.join('|') };
    net.dispose();
    return out;
  };
  const res = {};
  for (const backend of ['js', 'wasm']) {
    const one = run(1, backend);
    await startKernelThreads(1);
    const two = run(2, backend);
    res[backend] = { split: [one.split, two.split], same: one.v.every((x, i) => Object.is(x, two.v[i])), sameSpikes: one.spikes === two.spikes, nSpikes: one.spikes.split(/[|,]/).filter((s) => s !== '').length };
  }
  let missing = '';
  try { run(2, 'js'); } catch (e) { missing = String(e.message); }
  return { isolated, res, missing };
};
`;

describe('kernel threads in Chromium (Web Workers, cross-origin isolated)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let server: Server;
  let bundle = '';

  before(async () => {
    const out = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' }, bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
    bundle = out.outputFiles[0]!.text;
    server = createServer((req, res) => {
      const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
      if (req.url === '/bundle.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(bundle);
      else res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end('<!doctype html><title>threads</title><script src="/bundle.js"></script>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('numThreads 2: bit-identical to one thread on both backends; without started workers a clear error', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const r = await page.evaluate(() => (window as unknown as { threadsCheck(): Promise<Record<string, unknown>> }).threadsCheck()) as {
      isolated: boolean; missing: string; res: Record<string, { split: boolean[]; same: boolean; sameSpikes: boolean; nSpikes: number }>;
    };
    expect(errors).to.deep.equal([]);
    expect(r.isolated).to.equal(true);
    for (const backend of ['js', 'wasm']) {
      expect(r.res[backend]!.split, backend).to.deep.equal([false, true]);
      expect(r.res[backend]!.same, backend).to.equal(true);
      expect(r.res[backend]!.sameSpikes, backend).to.equal(true);
      expect(r.res[backend]!.nSpikes, backend).to.be.greaterThan(50);
    }
    expect(r.missing).to.match(/startKernelThreads/);
  });
});
