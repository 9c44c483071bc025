import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';

// The library bundled for the browser: livePlot fed by CompNeuroMonitors.samples$ and liveRaster
// fed by spikes$, while a simulation runs on animation frames; what they plot is checked against
// getRecordings().
const ENTRY = `
import { Network, Population, Izhikevich2007, CompNeuroMonitors, simulate$, livePlot, liveRaster, LIVE_DATASET } from './src/browser-entry.ts';
import { animationFrameScheduler } from 'rxjs';
window.liveStreams = async () => {
  const net = new Network({ dt: 0.1, seed: 1 });
  const pop = new Population(3, new Izhikevich2007({ init: { v: -60 } }), { name: 'izh', network: net });
  net.compile();
  pop.I_app = Float64Array.from([0, 80, 150]);
  const mon = new CompNeuroMonitors({ izh: ['v', 'spike'] }, { network: net, log: () => {} });
  const plot = livePlot(document.getElementById('plot'), mon.samples$({ every: 100 }), { window: 1000, neurons: [0, 1, 2], yDomain: [-80, 40] });
  const raster = liveRaster(document.getElementById('raster'), mon.spikes$(), { window: 1000, height: 120 });
  await Promise.all([plot.ready, raster.ready]);
  mon.start();
  let frames = 0;
  await new Promise((resolve, reject) => simulate$(500, { network: net, scheduler: animationFrameScheduler, chunk: 250 }).subscribe({ next: () => frames++, complete: resolve, error: reject }));
  const rec = mon.getRecordings()[0];
  for (let k = 0; k < 5; k++) await new Promise((r) => requestAnimationFrame(r));
  plot.stop();
  raster.stop();
  const p = await plot.done;
  const r = await raster.done;
  const spikes = rec['izh;spike'];
  const rows = plot.view.data(LIVE_DATASET);
  const ticks = raster.view.data(LIVE_DATASET);
  const v = rec['izh;v'];
  // the plotted v of neuron 2 at its last sample equals the recording's
  const last2 = rows.filter((d) => d.series === 'izh;v[2]').sort((a, b) => a.t - b.t).pop();
  return {
    frames, samples: v.shape[0], plotInserted: p.inserted, plotUpdates: p.updates, rasterInserted: r.inserted,
    nSpikes: Object.values(spikes).reduce((a, l) => a + l.length, 0),
    spikesByRank: Object.fromEntries(Object.entries(spikes).map(([k, l]) => [k, l.length])),
    tickRanks: [...new Set(ticks.map((d) => d.value))].sort(),
    tickSteps: ticks.filter((d) => d.value === 2).map((d) => Math.round(d.t * 10)),
    spikeSteps2: spikes[2],
    last2: last2 && { t: last2.t, value: last2.value }, recLast2: v.data[(v.shape[0] - 1) * 3 + 2], recLastT: (v.shape[0] - 1) * 0.1,
  };
};
`;

describe('live plots of recording streams in Chromium (samples$, spikes$)', function () {
  this.timeout(120_000);
  let browser: Browser;
  before(async () => (browser = await launchChromium()));
  after(async () => browser?.close());

  it('livePlot(el, mon.samples$()) plots every recorded sample and liveRaster(el, mon.spikes$()) every spike', async () => {
    const bundle = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' }, bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
    const page = await browser.newPage({ viewport: { width: 700, height: 520 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><title>live streams</title><div id="plot"></div><div id="raster"></div>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const r = await page.evaluate(() => (window as unknown as { liveStreams(): Promise<Record<string, any>> }).liveStreams());
    mkdirSync('out/browser', { recursive: true });
    await page.screenshot({ path: 'out/browser/live-streams.png' });
    expect(errors).to.deep.equal([]);
    expect(r.frames).to.equal(5000);
    expect(r.samples).to.equal(5000);
    expect(r.plotInserted).to.equal(3 * 5000); // every sample of the three neurons (the window holds the whole run)
    expect(r.plotUpdates).to.be.greaterThan(1);
    expect(r.nSpikes).to.be.greaterThan(10);
    expect(r.spikesByRank[0]).to.equal(0); // I_app = 0: at rest
    expect(r.rasterInserted).to.equal(r.nSpikes);
    expect(r.tickRanks).to.deep.equal([1, 2]);
    expect(r.tickSteps).to.deep.equal(r.spikeSteps2);
    expect(r.last2).to.deep.equal({ t: r.recLastT, value: r.recLast2 });
  });
});
