import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { COBA } from '../examples/coba.js';
import { Normal } from '../src/engine/random/random-distribution.js';
import { Monitor } from '../src/engine/monitor.js';
import { median, type BenchRow } from './bench-utils.js';

// ANNarchy's COBA example (Vogels & Abbott 2005): 4000 conductance LIF neurons, 2% connectivity

/** Seconds to simulate 1 s of COBA (10000 steps at dt 0.1) after compile, and the mean rate. */
export function cobaRows(repeats = 3, backend: 'wasm' | 'js' = 'wasm'): BenchRow[] {
  const times: number[] = [];
  let rate = 0;
  for (let k = 0; k < repeats; k++) {
    const net = new Network({ dt: 0.1, seed: 42 + k, backend });
    const P = new Population(4000, COBA, { network: net });
    const Pe = P.slice(0, 3200);
    const Pi = P.slice(3200, 4000);
    P.v = new Normal(-55.0, 5.0);
    P.g_exc = new Normal(4.0, 1.5);
    P.g_inh = new Normal(20.0, 12.0);
    new Projection(Pe, P, 'exc').connectFixedProbability({ weights: 0.6, probability: 0.02 });
    new Projection(Pi, P, 'inh').connectFixedProbability({ weights: 6.7, probability: 0.02 });
    const m = new Monitor(P, ['spike']);
    net.compile();
    const t0 = performance.now();
    net.simulate(1000);
    times.push((performance.now() - t0) / 1000);
    const spikes = m.get('spike') as Record<number, number[]>;
    rate = Object.values(spikes).reduce((a, l) => a + l.length, 0) / 4000;
  }
  return [{ name: `COBA 4000 neurons, 2% (~320k synapses), 1 s at dt 0.1 (${backend === 'wasm' ? 'WebAssembly SIMD' : 'JavaScript kernels'})`, median: median(times), unit: 's', note: `target <= 0.8; ANNarchy 0.55; mean rate ${rate.toFixed(1)} Hz (ANNarchy ~19)` }];
}
