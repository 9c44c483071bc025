import { expect } from 'chai';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';

// CompNeuroPy's InteractivePlot as a page: a slider drives y = a * x; moving it redraws the plot
// after the rest delay, and the update loop runs in between.
const ENTRY = `
import { InteractivePlot } from './src/browser-entry.ts';
let loops = 0;
window.ip = new InteractivePlot(document.body, {
  nrows: 1, ncols: 2,
  sliders: [{ label: 'a', valmin: 0, valmax: 4, valinit: 1, valstep: 0.5 }],
  createPlot: ({ a }) => [
    { data: { name: 'line', values: [0, 1, 2, 3].map((x) => ({ x, y: a * x })) }, mark: 'line',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
    null,
  ],
  updateLoop: () => { loops++; },
  updateFrequency: 50,
  redrawDelay: 300,
});
window.loops = () => loops;
`;

describe('InteractivePlot in Chromium (CompNeuroPy InteractivePlot)', function () {
  this.timeout(120_000);
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('draws for the initial slider value, redraws after the slider rests, runs the update loop', async () => {
    const bundle = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' }, bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><title>interactive</title><body></body>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    type Ip = { whenDrawn(): Promise<void>; redraws: number; values: Record<string, number> };
    const maxY = () => page.evaluate(async () => {
      const ip = (window as unknown as { ip: Ip }).ip;
      await ip.whenDrawn();
      const canvas = document.querySelectorAll('canvas');
      return { redraws: ip.redraws, canvases: canvas.length, sliders: document.querySelectorAll('input[type=range]').length };
    });
    let r = await maxY();
    expect(r).to.deep.equal({ redraws: 1, canvases: 1, sliders: 1 });
    // a user drags the slider: two quick changes, one redraw after it rests
    await page.locator('input[name=a]').fill('2');
    await page.locator('input[name=a]').fill('3');
    await page.waitForFunction(() => (window as unknown as { ip: Ip }).ip.redraws >= 2, undefined, { timeout: 10000 });
    await page.waitForTimeout(500);
    r = await maxY();
    expect(r.redraws).to.equal(2);
    const values = await page.evaluate(() => (window as unknown as { ip: Ip }).ip.values);
    expect(values).to.deep.equal({ a: 3 });
    // the drawn data follow the slider: y = 3 x
    const ys = await page.evaluate(() => (window as unknown as { ip: { views: { data(n: string): { y: number }[] }[] } }).ip.views[0]!.data('line').map((d) => d.y));
    expect(ys).to.deep.equal([0, 3, 6, 9]);
    const loops = await page.evaluate(() => (window as unknown as { loops(): number }).loops());
    expect(loops).to.be.above(5);
    expect(errors).to.deep.equal([]);
    await page.close();
  });
});
