import { existsSync } from 'node:fs';
import { startPlaygroundServer } from '../src/apps/playground/serve.js';
import { presetByName } from '../src/apps/playground/presets.js';
import { defaultState, encodeState } from '../src/apps/playground/state.js';
import { CHROMIUM, launchChromium } from '../spec/browser/chromium.js';
import { median, type BenchRow } from './bench-utils.js';

type PG = { playground: { status(): { state: string; runId: number; wallMs?: number; buildMs?: number; step: number } } };

/**
 * 1 s of HH_Bischop (one neuron, the page's default 50 pA current step, dt = 0.01 ms, v sampled
 * every 0.1 ms and plotted) simulated in the playground in headless Chromium, as fast as possible:
 * wall time from the run message to the worker's end (building the network included), `repeats`
 * runs after a first one that also compiles the model. Skipped without Chromium.
 */
export async function playgroundRows(repeats = 7): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM)) return [{ name: 'playground: 1 s of HH_Bischop in Chromium (skipped: no Chromium)', median: NaN, unit: 'ms' }];
  const hh = presetByName('H_and_H_Bischop')!;
  const state = { ...defaultState(hh.source, hh.name), speed: 0 };
  const server = await startPlaygroundServer({ port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.url}#${encodeState(state)}`);
    const walls: number[] = [];
    const sims: number[] = [];
    for (let k = 0; k <= repeats; k++) {
      if (k > 0) await page.click('#run');
      await page.waitForFunction((n) => { const s = (window as unknown as PG).playground.status(); return s.runId === n && s.state === 'finished'; }, k + 1, { timeout: 120_000 });
      const s = await page.evaluate(() => (window as unknown as PG).playground.status());
      if (s.step !== 100_000) throw new Error(`playground bench: the run did ${s.step} steps, expected 100000`);
      if (k > 0) {
        walls.push(s.wallMs!);
        sims.push(s.wallMs! - s.buildMs!);
      }
    }
    const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;
    return [
      { name: 'playground: 1 s of HH_Bischop in Chromium (worker, build + run)', median: median(walls), unit: 'ms', note: `target <= 300; range ${range(walls)}` },
      { name: 'playground: the same, steps only (without building the network)', median: median(sims), unit: 'ms', note: `range ${range(sims)}` },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('bench/playground.ts')) {
  const { printTable } = await import('./bench-utils.js');
  printTable(await playgroundRows());
}
