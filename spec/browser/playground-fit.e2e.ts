import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startPlaygroundServer } from '../../src/apps/playground/serve.js';
import { encodeState, decodeState } from '../../src/apps/playground/state.js';
import type { LiveServer } from '../../examples/live/server.js';
import { launchChromium } from './chromium.js';
import { LIBRARY, LIF_BASE, lifCsv, runExportedFit } from '../apps/playground/fit-helpers.js';

const SHOTS = 'out/browser';

interface Gen {
  gen: number;
  min: number;
  avg: number;
  best: number[];
  bestFitness: number;
}
type PG = {
  playground: {
    status(): { state: string; runId: number };
    state: { params: Record<string, number>; fit?: unknown };
    exportScript(from?: string): string;
    fit: {
      generations: Gen[];
      best?: Record<string, number>;
      bestFitness?: number;
      plots: { results: { loss?: { view: { data(n: string): { gen: number; loss: number; series: string }[] } }; overlay?: { view: { data(n: string): { series: string }[] } } } };
    };
  };
};

const gens = (page: Page): Promise<Gen[]> => page.evaluate(() => (window as unknown as PG).playground.fit.generations);
const fitState = (page: Page): Promise<string | undefined> => page.evaluate(() => document.body.dataset.fit);

describe('playground fitting in Chromium (src/apps/playground, fit panel)', function () {
  this.timeout(600_000);
  let server: LiveServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const csv = lifCsv(); // LIF's v with the known tau = 12 ms and C = 0.8

  before(async () => {
    server = await startPlaygroundServer({ port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    // LIF below threshold: a 10 pA step, 200 ms at dt = 0.1 ms, v every step (as the CSV)
    await page.goto(`${server.url}#${encodeState(LIF_BASE)}`);
    await page.waitForFunction(() => ['finished', 'stopped'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 60_000 });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(problems.join(' | '), 'errors or warnings in the console').to.equal('');
  });

  it('shows a malformed CSV\'s line and what was expected there, and keeps no target', async () => {
    await page.setInputFiles('#fit-csv', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('time,v\n0,-65\n0.1,-64.9\n0.2;-64.8\n') });
    await page.waitForFunction(() => document.getElementById('fit-error')!.textContent !== '');
    expect(await page.textContent('#fit-error')).to.equal('fit: bad.csv, line 4: expected 2 columns "time,value", found 1: "0.2;-64.8" (columns must be separated by commas)');
    await page.check('[data-fit-param="tau"]');
    await page.click('#fit-start');
    expect(await page.textContent('#fit-error')).to.equal('fit: load a CSV file (time [ms], value) to fit to');
    expect(await page.evaluate(() => (window as unknown as PG).playground.state.fit)).to.equal(undefined);
  });

  it('recovers LIF\'s known tau and C from a CSV of its trace, live, then applies them to the sliders', async () => {
    await page.setInputFiles('#fit-csv', { name: 'lif.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => document.getElementById('fit-csv-name')!.textContent!.startsWith('loaded: lif.csv'));
    expect(await page.textContent('#fit-csv-name')).to.equal('loaded: lif.csv (2000 samples, 0 to 199.9 ms)');
    expect(await page.textContent('#fit-error')).to.equal('');
    await page.check('[data-fit-param="C"]');
    // the bounds default to the range of each parameter's slider
    for (const name of ['tau', 'C']) {
      const slider = await page.$eval(`#param-${name}`, (e) => [Number((e as HTMLInputElement).min), Number((e as HTMLInputElement).max)]);
      const bounds = await page.evaluate((n) => [Number(document.querySelector<HTMLInputElement>(`[data-fit-lower="${n}"]`)!.value), Number(document.querySelector<HTMLInputElement>(`[data-fit-upper="${n}"]`)!.value)], name);
      expect(bounds, name).to.deep.equal(slider);
    }
    await page.fill('#fit-gens', '50');
    await page.dispatchEvent('#fit-gens', 'change');
    // the settings are in the URL
    const inUrl = decodeState(await page.evaluate(() => location.hash))!.fit!;
    expect(inUrl.params).to.deep.equal([{ name: 'tau', lower: 0, upper: 30 }, { name: 'C', lower: 0, upper: 3 }]);
    expect(inUrl.target).to.deep.equal({ kind: 'csv', file: 'lif.csv', csv });
    expect(inUrl.generations).to.equal(50);

    const t0 = Date.now();
    await page.click('#fit-start');
    // generations appear one after the other, with the figures
    await page.waitForFunction(() => (window as unknown as PG).playground.fit.generations.length >= 3, undefined, { timeout: 120_000 });
    const early = (await gens(page)).length;
    await page.waitForFunction((n) => (window as unknown as PG).playground.fit.generations.length > n, early, { timeout: 120_000 });
    await page.waitForSelector('#fit-loss .role-axis-title text', { timeout: 60_000 });
    expect(await page.$$eval('#fit-loss .role-axis-title text', (els) => els.map((e) => e.textContent))).to.have.members(['generation', 'loss (RMSE)']);
    await page.waitForFunction(() => document.body.dataset.fit === 'finished', undefined, { timeout: 300_000 });
    const wall = Date.now() - t0;
    const g = await gens(page);
    expect(g.map((x) => x.gen)).to.deep.equal(Array.from({ length: 50 }, (_, i) => i));
    const best = (await page.evaluate(() => (window as unknown as PG).playground.fit.best))!;
    const bestFitness = (await page.evaluate(() => (window as unknown as PG).playground.fit.bestFitness))!;
    // as in spec/apps/playground/fit-run.spec.ts: an RMSE under 0.02 mV leaves tau and C within
    // 0.5 % (C sets the 12.5 mV plateau, tau the rise and the decay), so 1 % holds with room
    expect(bestFitness).to.be.below(0.02);
    expect(best.tau).to.be.closeTo(12, 0.12);
    expect(best.C).to.be.closeTo(0.8, 0.008);
    // the loss figure has a best and an average line per generation; the best loss never rises
    const loss = await page.evaluate(() => (window as unknown as PG).playground.fit.plots.results.loss!.view.data('loss'));
    const bestLine = loss.filter((r) => r.series === 'best').map((r) => r.loss);
    expect(bestLine.length).to.equal(50);
    expect(loss.filter((r) => r.series === 'average').length).to.be.greaterThan(40);
    for (let i = 1; i < bestLine.length; i++) expect(bestLine[i]!).to.be.at.most(bestLine[i - 1]!);
    const overlay = await page.evaluate(() => (window as unknown as PG).playground.fit.plots.results.overlay!.view.data('fit'));
    // 2000 samples each, every 4th drawn (at most 600 points per line)
    expect(overlay.filter((r) => r.series === 'target').length).to.equal(500);
    expect(overlay.filter((r) => r.series === 'best fit').length).to.equal(500);
    expect(await page.textContent('#fit-status')).to.match(/^finished: 50 generations in [\d.]+ s, best loss /);
    console.log(`      fit of 2 LIF parameters, 50 generations of 6 in the page: ${(wall / 1000).toFixed(1)} s wall`);
    await page.locator('#fit-section').screenshot({ path: `${SHOTS}/playground-fit.png` });

    // "Export as TypeScript" writes the fit; run in Node with the same seed, it finds the same best parameters
    const code = await page.evaluate((from) => (window as unknown as PG).playground.exportScript(from), LIBRARY);
    expect(code).to.contain('const cma = new DeapCma({');
    const out = runExportedFit(code, 'out/playground/page-fit.ts');
    expect(out.best).to.deep.equal([best.tau, best.C]);
    expect(out.bestFitness).to.equal(bestFitness);

    // apply: the sliders take the best values and the experiment runs with them
    const before = (await page.evaluate(() => (window as unknown as PG).playground.status())).runId;
    await page.click('#fit-apply');
    await page.waitForFunction((r) => { const s = (window as unknown as PG).playground.status(); return s.runId > r && s.state === 'finished'; }, before, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as PG).playground.state.params)).to.deep.equal({ tau: best.tau, C: best.C });
    expect(Number(await page.inputValue('[data-param-number="tau"]'))).to.equal(best.tau);
    expect(Number(await page.inputValue('#param-C'))).to.be.closeTo(best.C, 0.0151); // the slider snaps to its 200 steps
  });

  it('stops mid-run from the Stop button; the page stays responsive during the fit', async () => {
    // a CMA run converges (DeapCma's early stop) in well under the 2 s measured below on an idle
    // machine: a 100x smaller dt makes each evaluation slow enough to still be running then
    const dt0 = await page.inputValue('#dt');
    await page.fill('#dt', '0.001');
    await page.dispatchEvent('#dt', 'change');
    await page.fill('#fit-gens', '10000');
    await page.dispatchEvent('#fit-gens', 'change');
    await page.click('#fit-start');
    await page.waitForFunction(() => (window as unknown as PG).playground.fit.generations.length >= 2, undefined, { timeout: 120_000 });
    // the main thread stays free while the fit worker simulates: 10 ms timers fire on time
    const lateness = await page.evaluate(async () => {
      const late: number[] = [];
      const end = performance.now() + 2000;
      while (performance.now() < end) {
        const t = performance.now();
        await new Promise((r) => setTimeout(r, 10));
        late.push(performance.now() - t - 10);
      }
      return late.sort((a, b) => a - b);
    });
    const median = lateness[Math.floor(lateness.length / 2)]!;
    console.log(`      main-thread timer lateness during the fit: median ${median.toFixed(1)} ms, max ${lateness[lateness.length - 1]!.toFixed(1)} ms (${lateness.length} timers)`);
    expect(median, 'median lateness of a 10 ms timer (ms)').to.be.below(50);
    expect(await fitState(page)).to.equal('running');
    await page.click('#fit-stop');
    await page.waitForFunction(() => document.body.dataset.fit === 'stopped', undefined, { timeout: 30_000 });
    const n = (await gens(page)).length;
    expect(n).to.be.within(2, 9999);
    await page.waitForTimeout(1500);
    expect((await gens(page)).length, 'no generation after the stop').to.equal(n);
    expect(await page.textContent('#fit-status')).to.match(new RegExp(`^stopped after ${n} generations`));
    expect(await page.isDisabled('#fit-stop')).to.equal(true);
    expect(await page.isEnabled('#fit-apply')).to.equal(true);
    await page.fill('#dt', dt0);
    await page.dispatchEvent('#dt', 'change');
  });

  it('fits to another model of the library under the same protocol (the LIF preset: tau 10 ms, C 1)', async () => {
    await page.selectOption('#fit-target-kind', 'model');
    await page.selectOption('#fit-model', 'LIF');
    await page.fill('#fit-gens', '50');
    await page.dispatchEvent('#fit-gens', 'change');
    expect(decodeState(await page.evaluate(() => location.hash))!.fit!.target).to.deep.equal({ kind: 'model', name: 'LIF' });
    await page.click('#fit-start');
    await page.waitForFunction(() => document.body.dataset.fit === 'finished', undefined, { timeout: 300_000 });
    const best = (await page.evaluate(() => (window as unknown as PG).playground.fit.best))!;
    // the same argument as for the CSV (plateau I / C = 10 mV): 1 %
    expect(await page.evaluate(() => (window as unknown as PG).playground.fit.bestFitness)).to.be.below(0.02);
    expect(best.tau).to.be.closeTo(10, 0.1);
    expect(best.C).to.be.closeTo(1, 0.01);
  });

  it('a shared link restores the fit settings in a new page (CSV target included)', async () => {
    await page.selectOption('#fit-target-kind', 'csv');
    const url = await page.evaluate(() => location.href);
    const other = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    other.on('pageerror', (e) => problems.push(String(e)));
    other.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    await other.goto(url);
    await other.waitForFunction(() => ['finished', 'stopped'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 60_000 });
    expect(await other.isChecked('[data-fit-param="tau"]')).to.equal(true);
    expect(await other.isChecked('[data-fit-param="C"]')).to.equal(true);
    expect(await other.isChecked('[data-fit-param="v_rest"]')).to.equal(false);
    expect(await other.inputValue('#fit-target-kind')).to.equal('csv');
    expect(await other.textContent('#fit-csv-name')).to.equal('loaded: lif.csv');
    expect(await other.inputValue('#fit-gens')).to.equal('50');
    expect(await other.evaluate(() => (window as unknown as PG).playground.state.fit)).to.deep.equal(await page.evaluate(() => (window as unknown as PG).playground.state.fit));
    await other.close();
  });
});
