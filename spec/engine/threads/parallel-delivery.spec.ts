import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { Normal } from '../../../src/engine/random/random-distribution.js';
import { installNodeThreads } from '../../../src/node/kernel-threads.js';
import { COBA } from '../../../bench/coba.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';

installNodeThreads();

// ANNarchy's COBA network at 1000 neurons: conductances, refractoriness, random initial values
// (numpy stream) and random connectivity, delivery with the plain g += w loop
function coba(numThreads: number, backend: 'js' | 'wasm') {
  const net = new Network({ dt: 0.1, seed: 3, backend, numThreads, minNeuronsPerThread: 1 });
  const P = new Population(1000, COBA, { network: net });
  const Pe = P.slice(0, 800), Pi = P.slice(800, 1000);
  P.v = new Normal(-55.0, 5.0);
  P.g_exc = new Normal(4.0, 1.5);
  P.g_inh = new Normal(20.0, 12.0);
  const ee = new Projection(Pe, P, 'exc').connectFixedProbability({ weights: 0.6, probability: 0.05 });
  const ii = new Projection(Pi, P, 'inh').connectFixedProbability({ weights: new Normal(6.7, 0.5), probability: 0.05 });
  const m = new Monitor(P, ['spike', 'g_inh']);
  net.compile();
  net.simulate(300);
  const out = {
    split: [P.$parallel !== undefined, (ee.$parallelDelivery?.splitRuns ?? 0) > 300, (ii.$parallelDelivery?.splitRuns ?? 0) > 100],
    spikes: m.get('spike') as Record<number, number[]>,
    gInh: (m.get('g_inh') as RecordedArray).data.slice(),
    v: Array.from(P.$state!.local.v!),
  };
  net.dispose();
  return out;
}

describe('engine: spike delivery split over kernel threads (setup({ numThreads }))', () => {
  for (const backend of ['js', 'wasm'] as const) {
    it(`COBA, 1000 neurons: the same spikes and bit-identical conductances with 2 threads (${backend})`, () => {
      const one = coba(1, backend);
      const two = coba(2, backend);
      expect(one.split).to.deep.equal([false, false, false]);
      expect(two.split).to.deep.equal([true, true, true]);
      expect(Object.values(one.spikes).flat().length).to.be.greaterThan(1000);
      expect(two.spikes).to.deep.equal(one.spikes);
      expect(Buffer.from(two.gInh.buffer).equals(Buffer.from(one.gInh.buffer))).to.equal(true);
      expect(two.v).to.deep.equal(one.v);
    });
  }
});
