// setup({ numThreads }) (issue 17 item 5): HH_Bischop N = 1e5 and COBA 16000 on 1 and 2 threads,
// runs interleaved; the speed-up row's target (>= 1.7x) assumes 2 idle cores.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { Normal } from '../src/engine/random/random-distribution.js';
import { HHneuronBischop } from '../src/models/hh-neuron-bischop.js';
import { installNodeThreads } from '../src/node/kernel-threads.js';
import { BLOCK_PARTS } from '../src/engine/threads/worker-source.js';
import { COBA } from './coba.js';
import { median, printTable, type BenchRow } from './bench-utils.js';

installNodeThreads();

/**
 * Seconds of `steps` steps of 1e5 HH_Bischop neurons (I_app = 50, dt 0.01) after 300 warm-up
 * steps: V8 optimizes each WebAssembly module in the background during its first runs, and a
 * split population has seven (one per block of a step), ~0.2-0.3 s of CPU more than one
 * thread's single module; a window right after compile measured that compilation too.
 */
function hh(numThreads: number, steps: number): number {
  const net = new Network({ dt: 0.01, seed: 1, numThreads });
  const pop = new Population(100000, HHneuronBischop, { network: net });
  net.compile();
  pop.I_app = 50;
  net.simulate(300 * 0.01);
  const t0 = performance.now();
  net.simulate(steps * 0.01);
  const s = (performance.now() - t0) / 1000;
  if (numThreads > 1 && pop.$parallel === undefined) throw new Error('bench threads: HH_Bischop 1e5 was not split');
  net.dispose();
  return s;
}

/** COBA 16000 (p = 0.02, ANNarchy's example scaled), compiled, after 200 warm-up steps. */
function cobaNetwork(numThreads: number): { net: Network; P: Population } {
  const net = new Network({ dt: 0.1, seed: 42, numThreads });
  const P = new Population(16000, COBA, { network: net });
  const Pe = P.slice(0, 12800), Pi = P.slice(12800, 16000);
  P.v = new Normal(-55.0, 5.0);
  P.g_exc = new Normal(4.0, 1.5);
  P.g_inh = new Normal(20.0, 12.0);
  new Projection(Pe, P, 'exc').connectFixedProbability({ weights: 0.6, probability: 0.02 });
  new Projection(Pi, P, 'inh').connectFixedProbability({ weights: 6.7, probability: 0.02 });
  net.compile();
  for (let k = 0; k < 200; k++) net.step();
  if (numThreads > 1 && P.$parallel === undefined) throw new Error('bench threads: COBA 16000 was not split');
  return { net, P };
}

/** Seconds of the next `steps` steps, and their spikes; `perStep` gets each step's ms. */
function cobaWindow({ net, P }: { net: Network; P: Population }, steps: number, perStep?: Float64Array): { s: number; spikes: number } {
  let spikes = 0;
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) {
    const a = perStep ? performance.now() : 0;
    net.step();
    if (perStep) perStep[k] = performance.now() - a;
    spikes += P.$state!.nSpiked;
  }
  return { s: (performance.now() - t0) / 1000, spikes };
}

/** The `q`-quantile of `xs` in µs (xs in ms). */
const quantileUs = (xs: Float64Array, q: number) => Array.from(xs).sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]! * 1000;

const range = (xs: number[]) => `${Math.min(...xs).toFixed(3)}-${Math.max(...xs).toFixed(3)}`;

/**
 * Rows: 1 vs 2 threads for HH_Bischop 1e5 and COBA 16000, with the speed-up beside its target,
 * and where the 2-thread COBA step spends its time (per-thread busy time, the calling thread's
 * serial part, its wait at the barrier). The two COBA networks are built once (construction
 * takes seconds) and simulate 1 s windows in turn; their spikes must be the same.
 */
export function threadRows(repeats = 3): BenchRow[] {
  const hh1: number[] = [], hh2: number[] = [], co1: number[] = [], co2: number[] = [];
  const steps = 200, cobaSteps = 10000;
  for (let k = 0; k < repeats; k++) {
    hh1.push(hh(1, steps));
    hh2.push(hh(2, steps));
  }
  const one = cobaNetwork(1), two = cobaNetwork(2);
  let spikes = 0;
  // the windows are short (0.3-0.5 s): nine of each, so that windows slowed by the shared
  // host (0.29 -> 0.45 s seen, slow spells of seconds) move the median less
  for (let k = 0; k < Math.max(repeats, 9); k++) {
    const a = cobaWindow(one, cobaSteps), b = cobaWindow(two, cobaSteps);
    if (a.spikes !== b.spikes) throw new Error(`bench threads: COBA 16000 gave ${a.spikes} spikes on 1 thread, ${b.spikes} on 2 (window ${k})`);
    co1.push(a.s);
    co2.push(b.s);
    spikes = a.spikes;
  }
  // one more window each with every step timed and the threads' clocks on (they cost a little):
  // medians and 10th percentiles of single steps say more than totals on a loaded machine
  const steps1 = new Float64Array(cobaSteps), steps2 = new Float64Array(cobaSteps);
  const before = two.net.$threadStats(true);
  const timed = cobaWindow(two, cobaSteps, steps2);
  const d = two.net.$threadStats(false).map((r, q) => {
    const o = before[q]!;
    return { busy: r.busyMs - o.busyMs, idle: r.idleMs - o.idleMs, barrier: r.barrierMs - o.barrierMs, blocking: r.blockingWaits - o.blockingWaits, commands: r.commands - o.commands, blocks: r.blocks - o.blocks };
  });
  cobaWindow(one, cobaSteps, steps1);
  const m1 = quantileUs(steps1, 0.5), m2 = quantileUs(steps2, 0.5), p1 = quantileUs(steps1, 0.1), p2 = quantileUs(steps2, 0.1);
  const v1 = one.P.$state!.local.v!, v2 = two.P.$state!.local.v!;
  if (!Buffer.from(v1.buffer, v1.byteOffset, v1.byteLength).equals(Buffer.from(v2.buffer, v2.byteOffset, v2.byteLength))) throw new Error('bench threads: COBA 16000 v differs between 1 and 2 threads');
  one.net.dispose();
  two.net.dispose();
  const n = cobaSteps, us = (ms: number) => ((ms * 1000) / n).toFixed(1);
  const ns = (s: number) => (s * 1e9) / (steps * 100000);
  const load = `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`;
  // each pair of windows ran back to back: their ratio is less moved by the host's slow spells
  const pairs = co1.map((x, k) => x / co2[k]!);
  return [
    { name: 'HH_Bischop N=1e5, dt 0.01, 1 thread (WebAssembly SIMD)', median: ns(median(hh1)), unit: 'ns/neuron-step', note: `range ${range(hh1.map(ns))}` },
    { name: 'HH_Bischop N=1e5, dt 0.01, numThreads 2', median: ns(median(hh2)), unit: 'ns/neuron-step', note: `range ${range(hh2.map(ns))}` },
    { name: 'HH_Bischop N=1e5: speed-up of numThreads 2', median: median(hh1) / median(hh2), unit: 'x', note: 'target >= 1.7 on 2 idle cores' },
    { name: 'COBA 16000 neurons, 2% (5.1M synapses), 1 s at dt 0.1, 1 thread', median: median(co1), unit: 's', note: `range ${range(co1)}; ${spikes} spikes in the last second` },
    { name: 'COBA 16000 neurons, 1 s, numThreads 2 (updates and delivery split)', median: median(co2), unit: 's', note: `range ${range(co2)}; the same spikes, the same v bits` },
    { name: 'COBA 16000: speed-up of numThreads 2', median: median(co1) / median(co2), unit: 'x', note: `target >= 1.7 on 2 idle cores; window pairs ${range(pairs)}x, median ${median(pairs).toFixed(2)}x; ${load}` },
    {
      name: 'COBA 16000: speed-up of numThreads 2 from single steps (median step time)',
      median: m1 / m2,
      unit: 'x',
      note: `median step ${m1.toFixed(1)} us on 1 thread, ${m2.toFixed(1)} us on 2; 10th percentiles ${p1.toFixed(1)} and ${p2.toFixed(1)} us (${(p1 / p2).toFixed(2)}x)`,
    },
    {
      name: 'COBA 16000, numThreads 2: barriers (thread commands) per step',
      median: d[0]!.commands / n,
      unit: '',
      note: `timed window ${timed.s.toFixed(3)} s, per step: rank 0 busy ${us(d[0]!.busy)} us, serial ${us(d[0]!.idle)} us, at the barrier ${us(d[0]!.barrier)} us; ${d.slice(1).map((r, q) => `rank ${q + 1} busy ${us(r.busy)} us, idle ${us(r.idle)} us`).join('; ')}; blocking waits ${d.map((r) => r.blocking).join('/')}; blocks of rank 1's part run by rank 0 ${(d[0]!.blocks / n).toFixed(2)} per step (of ${BLOCK_PARTS.length})`,
    },
  ];
}

// `npx tsx bench/threads.ts`: these rows alone (about a minute)
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) printTable(threadRows(3));
