import { expect } from 'chai';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startStreamServer, type StreamServer } from '../../examples/stream-server.js';
import { launchChromium } from './chromium.js';

const ref = JSON.parse(readFileSync(new URL('../fixtures/hh_bischop_ramp_annarchy.json', import.meta.url), 'utf8')) as { spike_steps: number[] };

interface StreamStatus {
  inserted?: number;
  points?: number;
  active?: boolean;
  t?: number;
  events: number;
  spikes: number;
  simTime: number;
  state: string;
}

const status = (page: Page): Promise<StreamStatus> =>
  page.evaluate(() => ({
    ...(window as unknown as { liveStream: { status(): Record<string, unknown> } }).liveStream.status(),
    state: document.body.dataset.state ?? '',
  }) as unknown as StreamStatus);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stream server example in Chromium (examples/stream-server.ts)', function () {
  this.timeout(180_000);
  let server: StreamServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    server = await startStreamServer({ port: 0, chunk: 100 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 760, height: 560 } });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 20_000 });
    mkdirSync('out/browser', { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(pageErrors, 'errors in the page').to.deep.equal([]));

  it('plots the frames the server streams, and stopping the page stops the server run', async () => {
    expect(server.activeRuns).to.equal(0);
    await page.click('#start');
    await page.waitForFunction(() => ((window as unknown as { liveStream: { status(): { inserted?: number } } }).liveStream.status().inserted ?? 0) > 0, undefined, { timeout: 20_000 });
    expect(server.activeRuns).to.equal(1);
    const a = await status(page);
    await sleep(800);
    const b = await status(page);
    expect(b.inserted!, 'points inserted').to.be.greaterThan(a.inserted!);
    expect(b.simTime, 'simulation time').to.be.greaterThan(a.simTime);
    expect(b.events).to.be.greaterThan(a.events);

    await page.click('#stop');
    await page.waitForFunction(() => document.body.dataset.state === 'stopped', undefined, { timeout: 10_000 });
    // the closed stream ends the subscription on the server: its simulation stops
    for (let i = 0; i < 50 && server.activeRuns > 0; i++) await sleep(100);
    expect(server.activeRuns, 'server runs after stop').to.equal(0);
    const c = await status(page);
    const steps = server.stepsSimulated;
    await sleep(800);
    const d = await status(page);
    expect(server.stepsSimulated, 'server steps after stop').to.equal(steps);
    expect(d.inserted).to.equal(c.inserted);
    expect(d.simTime).to.equal(c.simTime);
    expect(d.active).to.equal(false);
    await page.screenshot({ path: 'out/browser/stream-page-stopped.png' });
  });

  it('streams a whole ramp to the end with ANNarchy\'s spike count', async () => {
    const fast = await startStreamServer({ port: 0, chunk: 5000, frameMs: 1 });
    try {
      await page.goto(fast.url);
      await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 20_000 });
      await page.click('#start');
      await page.waitForFunction(() => document.body.dataset.state === 'finished', undefined, { timeout: 60_000 });
      const s = await status(page);
      expect(s.simTime).to.be.closeTo(1000, 1e-9);
      expect(s.spikes).to.equal(ref.spike_steps.length);
      expect(s.t!).to.be.closeTo(999.9, 1e-9); // every 10th step: the last sample is step 99990
      expect(fast.activeRuns).to.equal(0);
    } finally {
      await fast.close();
    }
  });
});
