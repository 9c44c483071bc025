/**
 * Memory and stalls of CompNeuroMonitors recordings.
 *
 * - bytes per recorded sample of the seed example's `v` (HH_Bischop, dt 0.01, 4 chunks of
 *   100000 samples), measured as the growth of heap + ArrayBuffer memory after a full GC while
 *   the recordings are held (target <= 8.5);
 * - recording 1e7 samples (100 neurons x 100000 steps): total time and the longest 1000-step
 *   stretch (a stall would show as one stretch far above the median).
 *
 * Run alone: `npx tsx bench/monitor-memory.ts`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { Neuron } from '../src/language/neuron.js';
import { Population } from '../src/engine/population.js';
import { clear, compile, setup, simulate, step } from '../src/engine/global-functions.js';
import { HHneuronBischop } from '../src/models/hh-neuron-bischop.js';
import { CompNeuroMonitors } from '../src/monitors/comp-neuro-monitors.js';
import type { RecordedArray } from '../src/monitors/recorded-array.js';
import { median, type BenchRow } from './bench-utils.js';


function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function usedBytes(gc: () => void): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Bytes per sample held by 4 x 100000 samples of HH_Bischop's v (one measurement). */
function seedBytesPerSample(gc: () => void): { bytes: number; samples: number } {
  clear();
  setup({ dt: 0.01 });
  new Population(1, HHneuronBischop, 'HH_Bischop');
  compile();
  const mon = new CompNeuroMonitors({ HH_Bischop: ['v'] });
  simulate(1); // warm the kernel before measuring
  mon.reset();
  const before = usedBytes(gc);
  mon.start();
  for (let run = 0; run < 4; run++) {
    simulate(1000); // 100000 samples
    if (run < 3) mon.reset();
  }
  const recordings = mon.getRecordings();
  const after = usedBytes(gc);
  const samples = recordings.reduce((a, c) => a + (c['HH_Bischop;v'] as RecordedArray).data.length, 0);
  return { bytes: (after - before) / samples, samples };
}

/** Records 1e7 samples; returns total seconds and the 1000-step stretches in ms. */
function record1e7(): { total: number; stretches: number[]; samples: number } {
  clear();
  setup({ dt: 0.1 });
  new Population(100, new Neuron({ parameters: 'tau = 10', equations: 'tau * dr/dt = 1 - r' }), 'pop');
  compile();
  const mon = new CompNeuroMonitors({ pop: ['r'] });
  mon.start();
  const stretches: number[] = [];
  const t0 = performance.now();
  for (let k = 0; k < 100; k++) {
    const s = performance.now();
    for (let i = 0; i < 1000; i++) step();
    stretches.push(performance.now() - s);
  }
  const samples = (mon.getRecordings()[0]!['pop;r'] as RecordedArray).data.length;
  return { total: (performance.now() - t0) / 1000, stretches, samples };
}

/**
 * The bench rows of this file.
 *
 * @example
 * ```ts
 * for (const r of monitorMemoryBench()) console.log(r.name, r.median, r.unit);
 * ```
 */
export function monitorMemoryBench(repeats = 3): BenchRow[] {
  const gc = gcFunction();
  const per: number[] = [];
  let samples = 0;
  for (let k = 0; k < repeats; k++) {
    const r = seedBytesPerSample(gc);
    per.push(r.bytes);
    samples = r.samples;
  }
  const big = record1e7();
  clear();
  return [
    {
      name: 'monitor memory, seed example v (HH_Bischop, 4 x 100000 samples)',
      median: median(per),
      unit: 'bytes/sample',
      note: `${samples} samples held in ${repeats} runs (heap + ArrayBuffers after GC); target <= 8.5`,
    },
    {
      name: 'monitor 1e7 samples (100 neurons x 100000 steps), 1000-step stretch',
      median: median(big.stretches),
      unit: 'ms',
      note: `max stretch ${Math.max(...big.stretches).toFixed(1)} ms, total ${big.total.toFixed(2)} s, ${big.samples} samples recorded`,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of monitorMemoryBench()) console.log(`${r.name}: ${r.median.toFixed(3)} ${r.unit} (${r.note})`);
}
