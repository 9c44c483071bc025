import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlotRecordings } from '../src/plot/plot-recordings.js';
import { RecordedArray } from '../src/monitors/recorded-array.js';
import { RecordingTimes } from '../src/monitors/recording-times.js';
import type { RecordingChunk } from '../src/monitors/recordings.js';
import { statSync } from 'node:fs';
import { manyTraces } from '../spec/plot/many-traces.js';
import { median, type BenchRow } from './bench-utils.js';

/** A 100000-sample HH-like trace: slow ramps with a spike every ~7000 samples. */
function trace(n = 100000): Float64Array {
  const v = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const phase = k % 7000;
    v[k] = phase < 6990 ? -75 + 30 * (phase / 6990) : 45 - (phase - 6990) * 12;
  }
  return v;
}

/** Median ms to write one 100000-sample `line` figure as PNG (6.4 x 4.8 in at 300 dpi), after warm-up. */
export function plotRows(repeats = 7): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'plot-bench-'));
  const chunk = { dt: 0.01, 'HH_Bischop;v': new RecordedArray(trace(), [100000, 1]), 'HH_Bischop;period': 0.01 } as RecordingChunk;
  const times = new RecordingTimes([{ HH_Bischop: { start: { ms: [0], idx: [0] }, stop: { ms: [999.99], idx: [99999] } } }]);
  const opts = {
    recordings: [chunk], recordingTimes: times, shape: [1, 1] as [number, number],
    plan: { position: [1], compartment: ['HH_Bischop'], variable: ['v'], format: ['line' as const] },
    log: () => {},
  };
  const ts: number[] = [];
  for (let k = 0; k < repeats + 1; k++) {
    const t0 = performance.now();
    new PlotRecordings({ ...opts, figname: join(dir, `f${k}.png`) });
    if (k > 0) ts.push(performance.now() - t0);
  }
  // 100 neurons x 3000 samples as lines above their raster of 999 spikes (2 x 1 cells, 1920x2880
  // at dpi 300); the lines are drawn simplified as matplotlib does, in 256-segment pieces
  const many = manyTraces();
  const tm: number[] = [];
  const cm: number[] = [];
  for (let k = 0; k < Math.max(3, repeats >> 1) + 1; k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    new PlotRecordings({ ...many, figname: join(dir, `m${k}.png`) });
    const c = process.cpuUsage(c0);
    if (k > 0) {
      tm.push(performance.now() - t0);
      cm.push((c.user + c.system) / 1e3);
    }
  }
  new PlotRecordings({ ...many, figname: join(dir, 'm.html') });
  const htmlMb = statSync(join(dir, 'm.html')).size / 2 ** 20;
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: 'PlotRecordings 100000-sample line figure to PNG', median: median(ts), unit: 'ms', note: 'target <= 300 (1920x1440)' },
    { name: 'PlotRecordings 100 spiking traces x 3000 samples + raster (999 spikes) to PNG, wall', median: median(tm) / 1000, unit: 's', note: `range ${(Math.min(...tm) / 1000).toFixed(2)}-${(Math.max(...tm) / 1000).toFixed(2)}` },
    { name: 'the same, user+sys CPU of this process', median: median(cm) / 1000, unit: 's', note: `range ${(Math.min(...cm) / 1000).toFixed(2)}-${(Math.max(...cm) / 1000).toFixed(2)}; target <= 2 (was 10-13)` },
    { name: 'the same figure as self-contained HTML', median: htmlMb, unit: 'MB', note: 'target < 2 (was 7.9)' },
  ];
}
