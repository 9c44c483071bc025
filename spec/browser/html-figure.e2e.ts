import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { PlotRecordings } from '../../src/plot/plot-recordings.js';
import { manyTraces } from '../plot/many-traces.js';
import { launchChromium } from './chromium.js';

// An HTML figure opened from disk, as a user double-clicks it: the compressed libraries and data
// inflate in the page, every row reaches the view, the canvas is drawn, nothing is logged.
describe('HTML figure in Chromium', function () {
  let browser: Browser;
  let dir: string;
  before(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'html-figure-'));
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws 100 traces x 3000 samples and their raster from a file:// page without console messages', async () => {
    const figname = join(dir, 'many.html');
    const fig = new PlotRecordings({ ...manyTraces(), figname });
    const cells = (fig.spec as { concat: Array<{ data: { values: unknown[] } }> }).concat;
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
    await page.goto(pathToFileURL(figname).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    const drawn = await page.evaluate(() => {
      const c = document.querySelector('canvas')!;
      const ctx = c.getContext('2d')!;
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i + 3]! > 0 && px[i]! < 100) ink++;
      return { width: c.width, height: c.height, ink };
    });
    expect(drawn.width).to.be.above(400);
    expect(drawn.ink).to.be.above(10000);
    // every row of each named dataset reaches the view
    for (const cell of cells as Array<{ data: { name: string; values: unknown[] } }>) {
      const n = await page.evaluate((name) => (window as unknown as { vegaView: { data(n: string): unknown[] } }).vegaView.data(name).length, cell.data.name);
      expect(n, cell.data.name).to.equal(cell.data.values.length);
    }
    expect(messages).to.deep.equal([]);
    await page.close();
  });
});
