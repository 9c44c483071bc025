import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { Neuron } from '../../../src/language/neuron.js';
import { HHneuronBischop } from '../../../src/models/hh-neuron-bischop.js';
import { splitRanges } from '../../../src/engine/threads/parallel-update.js';
import { installNodeThreads } from '../../../src/node/kernel-threads.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';

installNodeThreads();

// an Izhikevich-like spiking neuron with a per-neuron random input, a population-wide parameter,
// refractoriness and a fused spike test: everything the split has to keep in order
const Noisy = new Neuron({
  parameters: 'a = 0.02 : population\nb = 0.2\nc = -65.0\nd = 8.0\nI = 10.0',
  equations: 'dv/dt = 0.04 * v^2 + 5.0 * v + 140.0 - u + I + Normal(0.0, 3.0) : init = -65.0\ndu/dt = a * (b * v - u) : init = -13.0',
  spike: 'v >= 30.0',
  reset: 'v = c\nu += d',
  refractory: 2.0,
  name: 'Noisy',
});

function run(numThreads: number, backend: 'js' | 'wasm', n: number) {
  const net = new Network({ dt: 0.1, seed: 7, backend, numThreads, minNeuronsPerThread: 1 });
  const pop = new Population(n, Noisy, { name: 'noisy', network: net });
  const mon = new Monitor(pop, ['v', 'spike']);
  net.compile();
  const split = pop.parallel !== undefined;
  net.simulate(200);
  const v = (mon.get('v') as RecordedArray).data.slice();
  const spikes = mon.get('spike') as Record<number, number[]>;
  net.dispose();
  return { v, spikes, split, last: Array.from(pop.state!.spiked.subarray(0, pop.state!.nSpiked)) };
}

describe('engine: neuron updates split over kernel threads (setup({ numThreads }))', () => {
  it('splits neurons into ranges with even boundaries', () => {
    expect(splitRanges(11, 2)).to.deep.equal([[0, 6], [6, 11]]);
    expect(splitRanges(1, 2)).to.deep.equal([[0, 2 > 1 ? 1 : 2], [1, 1]]);
    expect(splitRanges(100, 3)).to.deep.equal([[0, 34], [34, 68], [68, 100]]);
  });

  for (const backend of ['js', 'wasm'] as const) {
    it(`gives bit-identical traces and spikes in the same order with 2 threads (${backend})`, () => {
      const one = run(1, backend, 301);
      const two = run(2, backend, 301);
      expect(one.split).to.equal(false);
      expect(two.split).to.equal(true);
      expect(Object.values(one.spikes).flat().length).to.be.greaterThan(100);
      expect(Buffer.from(two.v.buffer).equals(Buffer.from(one.v.buffer))).to.equal(true);
      expect(two.spikes).to.deep.equal(one.spikes);
      expect(two.last).to.deep.equal(one.last);
    });
  }

  it('keeps small populations on one thread by default', () => {
    const net = new Network({ dt: 0.01, numThreads: 2, minNeuronsPerThread: 2048 });
    const pop = new Population(100, HHneuronBischop, { name: 'hh', network: net });
    net.compile();
    expect(net.threadsFor(100)).to.equal(1);
    expect(net.threadsFor(4096)).to.equal(2);
    expect(pop.parallel).to.equal(undefined);
  });

  it('rejects a bad numThreads with a clear error', () => {
    expect(() => new Network({ numThreads: 0 })).to.throw(/numThreads must be an integer from 1 to 256, got 0/);
    expect(() => new Network({ numThreads: 1.5 })).to.throw(/numThreads/);
  });
});
