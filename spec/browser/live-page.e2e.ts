import { expect } from 'chai';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startLiveServer, type LiveServer } from '../../examples/live/server.js';
import { launchChromium } from './chromium.js';

// ANNarchy 4.7.3 trace of the same ramp (copied into the fixtures, never read from /work/shared).
const ref = JSON.parse(readFileSync(new URL('../fixtures/hh_bischop_ramp_annarchy.json', import.meta.url), 'utf8')) as {
  v: number[];
  spike_steps: number[];
};

interface PageStatus {
  t?: number;
  points?: number;
  inserted?: number;
  updates?: number;
  active?: boolean;
  simTime: number;
  spikes: number;
  stepsDone: number;
  totalSteps: number;
  v: number;
  viewPoints: number;
  readout: string;
  state: string;
}

const SHOTS = 'out/browser';

async function status(page: Page): Promise<PageStatus> {
  return page.evaluate(() => {
    const w = window as unknown as { liveDemo: { status(): Record<string, unknown>; plot?: { view?: { data(n: string): unknown[] } } } };
    const view = w.liveDemo.plot?.view;
    return {
      ...w.liveDemo.status(),
      viewPoints: view ? view.data('trace').length : 0,
      readout: document.getElementById('sim-time')!.textContent ?? '',
      state: document.body.dataset.state ?? '',
    } as unknown as PageStatus;
  });
}

describe('live page in Chromium (examples/live)', function () {
  this.timeout(180_000);
  let server: LiveServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    server = await startLiveServer({ port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 760, height: 560 } });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 20_000 });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(pageErrors, 'errors in the page').to.deep.equal([]);
  });

  it('plots a growing v trace while running and nothing more after stop', async () => {
    const s0 = await status(page);
    expect(s0.simTime).to.equal(0);
    await page.selectOption('#speed', '100'); // 1 ms per frame: the 200 ms window is not full within the checks
    await page.click('#start');
    await page.waitForFunction(() => (window as unknown as { liveDemo: { status(): { inserted?: number } } }).liveDemo.status().inserted! > 0, undefined, { timeout: 20_000 });
    const a = await status(page);
    await page.waitForTimeout(800);
    const b = await status(page);
    expect(b.state).to.equal('running');
    expect(b.active).to.equal(true);
    expect(b.inserted!, 'points inserted').to.be.greaterThan(a.inserted!);
    expect(b.viewPoints, 'points in the Vega view').to.be.greaterThan(a.viewPoints);
    expect(b.simTime, 'simulation time').to.be.greaterThan(a.simTime);
    expect(b.t!, 'newest plotted time').to.be.greaterThan(a.t!);
    expect(Number(b.readout), 'time readout').to.be.greaterThan(0);

    await page.click('#stop');
    await page.waitForFunction(() => document.body.dataset.state === 'stopped', undefined, { timeout: 10_000 });
    const c = await status(page);
    await page.waitForTimeout(800);
    const d = await status(page);
    expect(d.active).to.equal(false);
    expect(d.inserted, 'points inserted after stop').to.equal(c.inserted);
    expect(d.viewPoints, 'points in the view after stop').to.equal(c.viewPoints);
    expect(d.simTime, 'simulation time after stop').to.equal(c.simTime);
    expect(d.stepsDone).to.equal(Math.round(d.simTime / 0.01));
    // every 10th step is plotted: the view holds the samples of the steps run so far
    expect(d.viewPoints).to.equal(Math.ceil(d.stepsDone / 10));
    expect(d.t).to.be.closeTo(d.simTime - 0.1, 1e-9);
    await page.screenshot({ path: `${SHOTS}/live-page-stopped.png` });
  });

  it('resumes where it stopped and reproduces ANNarchy over the whole ramp', async () => {
    const before = await status(page);
    expect(before.stepsDone).to.be.greaterThan(0);
    await page.selectOption('#speed', '5000');
    await page.click('#start');
    await page.waitForFunction(() => document.body.dataset.state === 'finished', undefined, { timeout: 120_000 });
    const s = await status(page);
    expect(s.stepsDone).to.equal(100_000);
    expect(s.simTime).to.be.closeTo(1000, 1e-9);
    expect(s.spikes, 'spike count').to.equal(ref.spike_steps.length);
    expect(s.v).to.be.closeTo(ref.v[ref.v.length - 1]!, 1e-6);
    expect(await page.textContent('#spike-count')).to.equal(String(ref.spike_steps.length));
    // the window slid: only the last 200 ms (every 10th step) are in the view
    expect(s.viewPoints).to.be.within(1999, 2001);
    await page.screenshot({ path: `${SHOTS}/live-page-finished.png` });
  });
});
