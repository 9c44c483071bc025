import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startPlaygroundServer } from '../../src/apps/playground/serve.js';
import type { LiveServer } from '../../examples/live/server.js';
import { launchChromium } from './chromium.js';

const SHOTS = 'out/browser';
const LIBRARY = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

interface Status {
  state: string;
  runId: number;
  step: number;
  totalSteps: number;
  samples: number;
  spikes: number;
  wallMs?: number;
}

type PG = {
  playground: {
    status(): Status;
    state: { params: Record<string, number>; protocol: { kind: string }; sweep: { n: number } };
    run: { store: { samples: number; n: number; spikeSteps: number[]; spikeRanks: number[]; neuron(i: number, s0?: number, s1?: number): Float64Array } };
    editor: { state: { doc: { toString(): string; lineAt(p: number): { number: number } } }; dispatch(t: unknown): void; focus(): void };
    plots: { results: { trace?: { view: { data(n: string): { t: number }[]; signal(n: string): unknown } } } };
  };
};

const status = (page: Page): Promise<Status> => page.evaluate(() => (window as unknown as PG).playground.status());

/** Wait until a run newer than `afterRun` has finished. */
async function finishedRun(page: Page, afterRun: number, timeout = 60_000): Promise<Status> {
  await page.waitForFunction(
    (after) => {
      const s = (window as unknown as PG).playground.status();
      return s.runId > after && s.state === 'finished';
    },
    afterRun,
    { timeout },
  );
  return status(page);
}

/** The samples of neuron i of the current run. */
const trace = (page: Page, i = 0): Promise<number[]> => page.evaluate((k) => Array.from((window as unknown as PG).playground.run.store.neuron(k)), i);

/** Put the cursor in the editor after `anchor` (selecting `select` characters) and type `text`. */
async function typeAt(page: Page, anchor: string, select: number, text: string): Promise<void> {
  await page.evaluate(
    ({ anchor, select }) => {
      const ed = (window as unknown as PG).playground.editor;
      const at = ed.state.doc.toString().indexOf(anchor);
      if (at < 0) throw new Error(`"${anchor}" is not in the editor`);
      const from = at + anchor.length;
      ed.dispatch({ selection: { anchor: from, head: from + select } });
      ed.focus();
    },
    { anchor, select },
  );
  await page.keyboard.type(text, { delay: 15 });
}

/** Fraction of pixels of a PNG that are not (near) white, decoded by the browser itself. */
async function inkFraction(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235) ink++;
    return ink / (d.length / 4);
  }, png.toString('base64'));
}

/** Axis titles and labels of every figure lie inside their SVG and inside the page section. */
async function clippedTexts(page: Page): Promise<string[]> {
  const { bad, checked } = await page.evaluate(() => {
    const bad: string[] = [];
    let checked = 0;
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>('.plot svg.marks'))) {
      const box = svg.getBoundingClientRect();
      const section = svg.closest('section')!.getBoundingClientRect();
      for (const t of Array.from(svg.querySelectorAll<SVGTextElement>('.role-axis-title text, .role-axis-label text, .role-legend-title text'))) {
        const r = t.getBoundingClientRect();
        if (r.width === 0) continue;
        checked++;
        let inside = true;
        for (const b of [box, section]) inside &&= r.left >= b.left - 0.5 && r.right <= b.right + 0.5 && r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5;
        if (!inside) bad.push(`${svg.closest('.plot')!.id}: "${t.textContent}"`);
      }
    }
    return { bad, checked };
  });
  expect(checked, 'axis texts checked').to.be.greaterThan(10);
  return bad;
}

describe('playground in Chromium (src/apps/playground)', function () {
  this.timeout(300_000);
  let server: LiveServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const watch = (p: Page): void => {
    p.on('pageerror', (e) => problems.push(String(e)));
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
  };

  before(async () => {
    server = await startPlaygroundServer({ port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 }, acceptDownloads: true });
    watch(page);
    await page.goto(server.url);
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(problems, 'errors or warnings in the console').to.deep.equal([]);
  });

  it('opens with HH_Bischop in the editor and runs its current step in the worker', async () => {
    const s = await finishedRun(page, 0);
    expect(s.step).to.equal(100_000);
    expect(s.samples).to.equal(10_000);
    expect(s.spikes, 'a 50 pA step makes HH_Bischop fire').to.be.greaterThan(2);
    expect(await page.evaluate(() => (window as unknown as PG).playground.editor.state.doc.toString())).to.contain('C_m * dv/dt  = -I_L - I_Na - I_Kv1 - I_Kv3 - I_SK - I_Ca + I_app : init=-68');
    expect(await page.$$eval('#params input[type=range]', (els) => els.length)).to.equal(25);
    // the whole trace (decimated) when finished, axis titles in place
    const titles = await page.$$eval('#trace .role-axis-title text', (els) => els.map((e) => e.textContent));
    expect(titles).to.have.members(['time [ms]', 'v']);
    expect(await page.evaluate(() => (window as unknown as PG).playground.plots.results.trace!.view.data('trace').length)).to.be.within(500, 10_000);
    expect(await clippedTexts(page)).to.deep.equal([]);
    const shot = await page.screenshot({ path: `${SHOTS}/playground-hh.png` });
    expect(await inkFraction(page, shot)).to.be.within(0.03, 0.6);

    // zoom in with the wheel: the time axis narrows and the visible span is decimated anew (more detail)
    const inSpan = (a: number, b: number) =>
      page.evaluate(([a, b]) => (window as unknown as PG).playground.plots.results.trace!.view.data('trace').filter((r) => r.t >= a! && r.t <= b!).length, [a, b]);
    const box = (await page.locator('#trace svg.marks').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.4);
    for (let k = 0; k < 6; k++) await page.mouse.wheel(0, -200);
    await page.waitForTimeout(800);
    const domain = (await page.evaluate(() => (window as unknown as PG).playground.plots.results.trace!.view.signal('zoom_t'))) as number[];
    expect(domain[1]! - domain[0]!, 'zoomed time span').to.be.lessThan(500);
    const detail = await inSpan(domain[0]!, domain[1]!);
    await page.dblclick('#trace svg.marks', { position: { x: box.width * 0.55, y: box.height * 0.4 } }); // reset the zoom
    await page.waitForTimeout(800);
    expect(detail, 'points in the zoomed span: more than the whole-trace decimation had there').to.be.greaterThan(await inSpan(domain[0]!, domain[1]!));
  });

  it('a valid edit recompiles and alters the trace; an invalid one shows the error at its line and keeps the old run', async () => {
    const before = await status(page);
    const v0 = await trace(page);
    // E_L = -68 -> -60 by typing over it
    await typeAt(page, 'E_L      = ', 3, '-60');
    const after = await finishedRun(page, before.runId);
    const v1 = await trace(page);
    expect(v1.length).to.equal(v0.length);
    expect(v1.some((x, i) => x !== v0[i]), 'the trace changed').to.equal(true);
    expect(await page.textContent('#model-status')).to.match(/^compiled: 25 parameters/);

    // an unknown symbol at the end of the I_L line
    await typeAt(page, 'I_L          = gg_L * (v - E_L)', 0, ' + E_x');
    await page.waitForSelector('.cm-lintRange-error', { timeout: 20_000 });
    const expectedLine = await page.evaluate(() => {
      const ed = (window as unknown as PG).playground.editor;
      return ed.state.doc.lineAt(ed.state.doc.toString().indexOf('+ E_x')).number;
    });
    expect(await page.textContent('.cm-lintRange-error')).to.equal('E_x');
    const statusText = (await page.textContent('#model-status'))!;
    expect(statusText).to.match(new RegExp(`^line ${expectedLine}: model "H_and_H_Bischop", equations line \\d+ .*E_x`));
    await page.waitForTimeout(600);
    const kept = await status(page);
    expect(kept.runId, 'no new run for an invalid model').to.equal(after.runId);
    expect(kept.state).to.equal('finished');
    expect(await trace(page)).to.deep.equal(v1);
    await page.screenshot({ path: `${SHOTS}/playground-error.png` });
    // undo the error: the model compiles again (same text as the last run: no new run needed)
    for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
    await page.waitForFunction(() => document.getElementById('model-status')!.textContent!.startsWith('compiled'), undefined, { timeout: 20_000 });
    expect(await page.$$('.cm-lintRange-error')).to.have.length(0);
  });

  it('switches model and protocol; a slider applies to the running simulation at once', async () => {
    const r0 = (await status(page)).runId;
    await page.selectOption('#preset', 'LIF');
    await finishedRun(page, r0);
    const r1 = (await status(page)).runId;
    await page.selectOption('#protocol', 'none');
    await finishedRun(page, r1);
    expect((await status(page)).spikes, 'LIF at I_app = 0 is silent').to.equal(0);
    // a long slow run; then move the I_app slider while it runs
    await page.selectOption('#speed', '100');
    await page.fill('#duration', '20000');
    await page.press('#duration', 'Enter');
    await page.waitForFunction(() => (window as unknown as PG).playground.status().state === 'running' && (window as unknown as PG).playground.status().step > 0, undefined, { timeout: 20_000 });
    const running = await status(page);
    await page.focus('#param-I_app');
    await page.keyboard.press('End'); // the slider's maximum: I_app = 100
    await page.waitForFunction(() => (window as unknown as PG).playground.status().spikes > 3, undefined, { timeout: 30_000 });
    const s = await status(page);
    expect(s.runId, 'the same run goes on').to.equal(running.runId);
    expect(s.state).to.equal('running');
    expect(await page.evaluate(() => (window as unknown as PG).playground.state.params)).to.deep.equal({ I_app: 100 });
    expect(await page.evaluate(() => location.hash)).to.match(/^#s=/);
    await page.screenshot({ path: `${SHOTS}/playground-live.png` });
    await page.click('#stop');
    await page.waitForFunction(() => document.body.dataset.state === 'stopped', undefined, { timeout: 20_000 });
    // the current ramp: I_app is driven by it, so its slider is disabled
    await page.selectOption('#speed', '0');
    await page.fill('#duration', '1000');
    await page.press('#duration', 'Enter');
    const r2 = (await status(page)).runId;
    await page.selectOption('#protocol', 'currentRamp');
    const ramp = await finishedRun(page, r2);
    expect(await page.$$eval('#protocol-fields input', (els) => els.map((e) => (e as HTMLInputElement).dataset.field))).to.deep.equal(['a0', 'a1', 'dur', 'n']);
    expect(await page.isDisabled('#param-I_app')).to.equal(true);
    expect(ramp.spikes, 'the ramp to 100 pA makes LIF fire').to.be.greaterThan(20);
  });

  it('sweeps I_app across 20 neurons: overlaid traces, raster and an f-I curve that rises', async () => {
    const r0 = (await status(page)).runId;
    await page.selectOption('#protocol', 'none');
    await finishedRun(page, r0);
    const r1 = (await status(page)).runId;
    await page.fill('#sweep-n', '20');
    await page.press('#sweep-n', 'Enter');
    const s = await finishedRun(page, r1);
    expect(s.samples).to.equal(10_000);
    const counts = await page.evaluate(() => {
      const st = (window as unknown as PG).playground.run.store;
      const c = new Array(st.n).fill(0);
      for (const r of st.spikeRanks) c[r]++;
      return c as number[];
    });
    expect(counts[0]).to.equal(0);
    for (let i = 1; i < 20; i++) expect(counts[i]).to.be.at.least(counts[i - 1]!);
    expect(counts[19]).to.be.greaterThan(200);
    expect(await page.isVisible('#fi svg')).to.equal(true);
    expect(await page.$$eval('#fi .role-axis-title text', (els) => els.map((e) => e.textContent))).to.have.members(['I_app', 'firing rate [Hz]']);
    expect(await clippedTexts(page)).to.deep.equal([]);
    const shot = await page.screenshot({ path: `${SHOTS}/playground-sweep.png` });
    expect(await inkFraction(page, shot)).to.be.within(0.03, 0.6);
    // the same data as a heat map (no new run), and back
    await page.selectOption('#view', 'heatmap');
    await page.waitForSelector('#trace .mark-rect path', { state: 'attached', timeout: 20_000 });
    expect(await page.$$eval('#trace .role-axis-title text', (els) => els.map((e) => e.textContent))).to.have.members(['time [ms]', 'I_app']);
    expect(await clippedTexts(page)).to.deep.equal([]);
    await page.screenshot({ path: `${SHOTS}/playground-heatmap.png` });
    await page.selectOption('#view', 'lines');
    await page.waitForSelector('#trace .mark-line path', { state: 'attached', timeout: 20_000 });
    expect((await status(page)).runId, 'no new run for another view').to.equal(s.runId);
  });

  it('a shared link reproduces the run in a new page', async () => {
    const url = page.url();
    const mine = await trace(page, 7);
    const spikes = (await status(page)).spikes;
    const other = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    watch(other);
    await other.goto(url);
    const s = await finishedRun(other, 0);
    expect(s.spikes).to.equal(spikes);
    expect(await trace(other, 7)).to.deep.equal(mine);
    expect(await other.inputValue('#sweep-n')).to.equal('20');
    expect(await other.inputValue('#preset')).to.equal('LIF');
    await other.close();
  });

  it('exports a figure as SVG and PNG from the vega-embed menu', async () => {
    // vega-embed renders the image on mousedown and sets the link's href when it is ready
    const download = async (label: string): Promise<Buffer> => {
      if (!(await page.$eval('#trace details', (d) => (d as HTMLDetailsElement).open))) await page.click('#trace details summary');
      const link = page.locator(`#trace .vega-actions a:has-text("${label}")`);
      await link.dispatchEvent('mousedown');
      await page.waitForFunction((l) => Array.from(document.querySelectorAll('#trace .vega-actions a')).some((a) => a.textContent!.includes(l) && /^(data|blob):/.test((a as HTMLAnchorElement).href)), label);
      // the link opens a new tab (target _blank), where the download happens
      const ctx = page.context();
      const got = new Promise<import('playwright-core').Download>((resolve) => {
        page.once('download', resolve);
        ctx.once('page', (p) => p.once('download', resolve));
      });
      await link.click();
      const d = await got;
      return readFileSync((await d.path())!);
    };
    await page.waitForFunction(() => document.body.dataset.state === 'finished', undefined, { timeout: 60_000 });
    await page.waitForSelector('#trace details', { state: 'attached' });
    const svg = (await download('SVG')).toString('utf8');
    expect(svg).to.match(/^<svg/);
    expect(svg).to.contain('time [ms]');
    const png = await download('PNG');
    expect(png.subarray(1, 4).toString()).to.equal('PNG');
    expect(await inkFraction(page, png)).to.be.within(0.02, 0.8);
  });

  it('"Export as TypeScript" gives a script whose numbers, run in Node, are the page\'s', async () => {
    const r0 = (await status(page)).runId;
    await page.fill('#sweep-n', '4');
    await page.press('#sweep-n', 'Enter');
    await finishedRun(page, r0);
    await page.click('#export');
    const code = await page.inputValue('#export-code');
    expect(code).to.contain("from 'compneuro-rx'");
    await page.click('#export-close');
    mkdirSync('out/playground', { recursive: true });
    const file = 'out/playground/exported-from-page.ts';
    writeFileSync(file, code.replace("from 'compneuro-rx'", `from '${LIBRARY}'`));
    const r = spawnSync('npx', ['tsx', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status, r.stderr).to.equal(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { shape: number[]; values: number[]; spikes: Record<string, number[]> };
    const page4 = await page.evaluate(() => {
      const st = (window as unknown as PG).playground.run.store;
      const values: number[] = [];
      for (let j = 0; j < st.samples; j++) for (let i = 0; i < st.n; i++) values.push(st.neuron(i, j, j + 1)[0]!);
      const spikes: Record<string, number[]> = {};
      st.spikeRanks.forEach((rank, k) => (spikes[rank] ??= []).push(st.spikeSteps[k]!));
      return { values, spikes, shape: [st.samples, st.n] };
    });
    expect(out.shape).to.deep.equal(page4.shape);
    expect(out.values).to.deep.equal(page4.values);
    for (const [rank, steps] of Object.entries(page4.spikes)) expect(out.spikes[rank], `neuron ${rank}`).to.deep.equal(steps);
    expect(Object.keys(page4.spikes).length).to.be.greaterThan(1);
  });
});
