// setup({ numThreads }) (issue 17 item 5): HH_Bischop N = 1e5 and COBA 16000 on 1 and 2 threads,
// runs interleaved; the speed-up row's target (>= 1.7x) assumes 2 idle cores.
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { Normal } from '../src/engine/random/random-distribution.js';
import { HHneuronBischop } from '../src/models/hh-neuron-bischop.js';
import { installNodeThreads } from '../src/node/kernel-threads.js';
import { COBA } from './coba.js';
import { median, type BenchRow } from './bench-utils.js';

installNodeThreads();

/** Seconds of `steps` steps of 1e5 HH_Bischop neurons (I_app = 50, dt 0.01) after one warm-up step. */
function hh(numThreads: number, steps: number): number {
  const net = new Network({ dt: 0.01, seed: 1, numThreads });
  const pop = new Population(100000, HHneuronBischop, { network: net });
  net.compile();
  pop.I_app = 50;
  net.simulate(0.01);
  const t0 = performance.now();
  net.simulate(steps * 0.01);
  const s = (performance.now() - t0) / 1000;
  if (numThreads > 1 && pop.$parallel === undefined) throw new Error('bench threads: HH_Bischop 1e5 was not split');
  net.dispose();
  return s;
}

/** Seconds of `ms` of COBA 16000 (p = 0.02, ANNarchy's example scaled) after compile, and the spike count. */
function coba(numThreads: number, ms: number): { s: number; spikes: number } {
  const net = new Network({ dt: 0.1, seed: 42, numThreads });
  const P = new Population(16000, COBA, { network: net });
  const Pe = P.slice(0, 12800), Pi = P.slice(12800, 16000);
  P.v = new Normal(-55.0, 5.0);
  P.g_exc = new Normal(4.0, 1.5);
  P.g_inh = new Normal(20.0, 12.0);
  new Projection(Pe, P, 'exc').connectFixedProbability({ weights: 0.6, probability: 0.02 });
  new Projection(Pi, P, 'inh').connectFixedProbability({ weights: 6.7, probability: 0.02 });
  net.compile();
  let spikes = 0;
  const t0 = performance.now();
  for (let k = 0; k < ms / 0.1; k++) {
    net.step();
    spikes += P.$state!.nSpiked;
  }
  const s = (performance.now() - t0) / 1000;
  if (numThreads > 1 && P.$parallel === undefined) throw new Error('bench threads: COBA 16000 was not split');
  net.dispose();
  return { s, spikes };
}

const range = (xs: number[]) => `${Math.min(...xs).toFixed(3)}-${Math.max(...xs).toFixed(3)}`;

/** Rows: 1 vs 2 threads for HH_Bischop 1e5 and COBA 16000, with the speed-up beside its target. */
export function threadRows(repeats = 3): BenchRow[] {
  const hh1: number[] = [], hh2: number[] = [], co1: number[] = [], co2: number[] = [];
  const steps = 200;
  let spikes1 = -1, spikes2 = -1;
  for (let k = 0; k < repeats; k++) {
    hh1.push(hh(1, steps));
    hh2.push(hh(2, steps));
    const a = coba(1, 1000), b = coba(2, 1000);
    co1.push(a.s);
    co2.push(b.s);
    spikes1 = a.spikes;
    spikes2 = b.spikes;
  }
  if (spikes1 !== spikes2) throw new Error(`bench threads: COBA 16000 gave ${spikes1} spikes on 1 thread, ${spikes2} on 2`);
  const ns = (s: number) => (s * 1e9) / (steps * 100000);
  return [
    { name: 'HH_Bischop N=1e5, dt 0.01, 1 thread (WebAssembly SIMD)', median: ns(median(hh1)), unit: 'ns/neuron-step', note: `range ${range(hh1.map(ns))}` },
    { name: 'HH_Bischop N=1e5, dt 0.01, numThreads 2', median: ns(median(hh2)), unit: 'ns/neuron-step', note: `range ${range(hh2.map(ns))}` },
    { name: 'HH_Bischop N=1e5: speed-up of numThreads 2', median: median(hh1) / median(hh2), unit: 'x', note: 'target >= 1.7 on 2 idle cores' },
    { name: 'COBA 16000 neurons, 2% (5.1M synapses), 1 s at dt 0.1, 1 thread', median: median(co1), unit: 's', note: `range ${range(co1)}; ${spikes1} spikes` },
    { name: 'COBA 16000 neurons, 1 s, numThreads 2 (updates and delivery split)', median: median(co2), unit: 's', note: `range ${range(co2)}; the same ${spikes2} spikes` },
    { name: 'COBA 16000: speed-up of numThreads 2', median: median(co1) / median(co2), unit: 'x', note: 'target >= 1.7 on 2 idle cores' },
  ];
}
