/**
 * Recordings as streams (issue 19):
 * - `samples$` overhead: the seed model (one HH_Bischop neuron, dt 0.01, v recorded every step by
 *   CompNeuroMonitors) simulated 20000 steps with and without a `samples$({ every: 1000 })`
 *   subscriber, in alternating pairs, median of the pairs' ratios (target <= 5 %);
 * - heap retained per step by a CompNeuroMonitors whose streams were subscribed and unsubscribed
 *   (nobody listens: the step must allocate nothing for them; target ~0);
 * - constant memory of `recordTo: arrowFile(path)`: maximum RSS of a 1e8-sample recording
 *   (1000 rate neurons x 100000 steps, 800 MB written) minus that of the same run unrecorded,
 *   each in its own process (bench/record-to-rss.ts; target <= 50 MB).
 *
 * Run alone: `npx tsx bench/recording-streams.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { Population } from '../src/engine/population.js';
import { clear, compile, setup, simulate } from '../src/engine/global-functions.js';
import { HHneuronBischop } from '../src/models/hh-neuron-bischop.js';
import { CompNeuroMonitors } from '../src/monitors/comp-neuro-monitors.js';
import { median, type BenchRow } from './bench-utils.js';

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function seedMonitors(): CompNeuroMonitors {
  clear();
  setup({ dt: 0.01, verbose: false });
  const pop = new Population(1, HHneuronBischop, 'HH_Bischop');
  pop.I_app = 20; // spiking: the run is not a resting trace
  compile();
  return new CompNeuroMonitors({ HH_Bischop: ['v', 'spike'] }, { log: () => {} });
}

/** ns per step of 20000 recorded steps, with or without a samples$ subscriber (short runs, many pairs: the machine is shared). */
function recordRun(mon: CompNeuroMonitors, subscribed: boolean): number {
  mon.reset();
  mon.start();
  let blocks = 0;
  const sub = subscribed ? mon.samples$({ every: 1000 }).subscribe(() => blocks++) : undefined;
  const t0 = process.hrtime.bigint();
  simulate(200);
  const ns = Number(process.hrtime.bigint() - t0) / 20000;
  sub?.unsubscribe();
  if (subscribed && blocks !== 20) throw new Error(`bench: expected 20 blocks, got ${blocks}`);
  mon.getRecordingsAndClear();
  return ns;
}

/**
 * The bench rows of this file.
 *
 * @example
 * ```ts
 * for (const r of recordingStreamsBench()) console.log(r.name, r.median, r.unit);
 * ```
 */
export function recordingStreamsBench(repeats = 31): BenchRow[] {
  const mon = seedMonitors();
  // warm-up: both paths optimised before the pairs (the first pairs time V8 compiling the block
  // path: scratch runs of 41 pairs read 15.5 and 17.8 % after two warm-up runs each, 10.8 and
  // 12.7 % after twenty)
  for (let r = 0; r < 10; r++) {
    recordRun(mon, false);
    recordRun(mon, true);
  }
  const plain: number[] = [];
  const streamed: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < repeats; r++) {
    // alternate the order so neither path always runs on a warmer machine
    const a = r % 2 === 0 ? recordRun(mon, false) : recordRun(mon, true);
    const b = r % 2 === 0 ? recordRun(mon, true) : recordRun(mon, false);
    const [p, s] = r % 2 === 0 ? [a, b] : [b, a];
    plain.push(p);
    streamed.push(s);
    ratios.push(s / p);
  }

  // heap per step with the streams installed and nobody subscribed
  const gc = gcFunction();
  const quiet = seedMonitors();
  quiet.samples$().subscribe().unsubscribe();
  quiet.spikes$().subscribe().unsubscribe();
  quiet.start();
  simulate(10);
  quiet.pause(); // paused: no samples grow the buffers, the step still runs every recorder
  simulate(10);
  gc();
  const before = process.memoryUsage().heapUsed;
  const steps = 1_000_000;
  simulate(steps * 0.01);
  gc();
  const after = process.memoryUsage().heapUsed;
  clear();
  const sorted = [...ratios].sort((x, y) => x - y);

  // constant-memory recording, one process per run
  const dir = mkdtempSync(join(tmpdir(), 'record-to-rss-'));
  const child = (mode: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./record-to-rss.ts', import.meta.url)), mode, join(dir, 'run.arrow')], { encoding: 'utf8' })) as { maxRssMB: number; seconds: number; bytes: number };
  const deltas: number[] = [];
  const secs: number[] = [];
  let bytes = 0;
  try {
    for (let r = 0; r < 3; r++) {
      const plainRun = child('plain');
      const rec = child('recorded');
      deltas.push(rec.maxRssMB - plainRun.maxRssMB);
      secs.push(rec.seconds);
      bytes = rec.bytes;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    { name: 'recording streams: seed v recorded, no subscriber', median: median(plain), unit: 'ns/step', note: `1 HH_Bischop neuron, 20000 steps, ${repeats} pairs` },
    { name: 'recording streams: seed v recorded + samples$({ every: 1000 })', median: median(streamed), unit: 'ns/step', note: '20 blocks per run' },
    { name: 'recording streams: samples$ overhead', median: (median(ratios) - 1) * 100, unit: '%', note: `range ${((sorted[0]! - 1) * 100).toFixed(1)} .. ${((sorted[sorted.length - 1]! - 1) * 100).toFixed(1)} %; target <= 5 %` },
    { name: 'recordTo arrowFile: 1e8 samples, max RSS over the unrecorded run', median: median(deltas), unit: 'MB', note: `range ${Math.min(...deltas).toFixed(0)} .. ${Math.max(...deltas).toFixed(0)} MB, ${(bytes / 1e6).toFixed(0)} MB written in ${median(secs).toFixed(1)} s; target <= 50 MB` },
    { name: 'recording streams: heap per step, streams unsubscribed', median: (after - before) / steps, unit: 'bytes/step', note: `${after - before} bytes over ${steps} steps after gc; target ~0` },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of recordingStreamsBench()) console.log(`${r.name.padEnd(66)} ${r.median.toFixed(3).padStart(10)} ${r.unit.padEnd(10)} ${r.note ?? ''}`);
}
