import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Constant } from '../../../src/language/constant.js';
import { HHneuronBischop } from '../../../src/models/hh-neuron-bischop.js';
import { splitBlocks, splitRanges } from '../../../src/engine/threads/parallel-update.js';
import { installNodeThreads } from '../../../src/node/kernel-threads.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';

installNodeThreads();

// an Izhikevich-like spiking neuron with a per-neuron random input, a population-wide equation
// with a population-wide random number and a Constant, refractoriness and a fused spike test:
// everything the split has to keep in order
let gain: Constant;
const Noisy = new Neuron({
  parameters: 'a = 0.02 : population\nb = 0.2\nc = -65.0\nd = 8.0\nI = 10.0',
  equations: 'drive = Uniform(0.0, 4.0) * gain : population\ndv/dt = 0.04 * v^2 + 5.0 * v + 140.0 - u + I + drive + Normal(0.0, 3.0) : init = -65.0\ndu/dt = a * (b * v - u) : init = -13.0',
  spike: 'v >= 30.0',
  reset: 'v = c\nu += d',
  refractory: 2.0,
  name: 'Noisy',
});

function run(numThreads: number, backend: 'js' | 'wasm', n: number, stealAll = false) {
  // created here: other specs clear the constants
  gain = new Constant('gain', 1.0);
  const net = new Network({ dt: 0.1, seed: 7, backend, numThreads, minNeuronsPerThread: 1 });
  const pop = new Population(n, Noisy, { name: 'noisy', network: net });
  const mon = new Monitor(pop, ['v', 'spike']);
  net.compile();
  // every block on the calling thread, as when a thread has not started its part in time
  if (net.$threadPool) net.$threadPool.stealAll = stealAll;
  const split = pop.$parallel !== undefined;
  net.simulate(100);
  // values set between runs reach the threads
  gain.set(2.0);
  pop.a = 0.03;
  net.simulate(100);
  gain.set(1.0);
  const v = (mon.get('v') as RecordedArray).data.slice();
  const spikes = mon.get('spike') as Record<number, number[]>;
  net.dispose();
  return { v, spikes, split, last: Array.from(pop.$state!.spiked.subarray(0, pop.$state!.nSpiked)) };
}

describe('engine: neuron updates split over kernel threads (setup({ numThreads }))', () => {
  it('splits neurons into ranges with even boundaries', () => {
    expect(splitRanges(11, 2)).to.deep.equal([[0, 6], [6, 11]]);
    expect(splitRanges(1, 2)).to.deep.equal([[0, 2 > 1 ? 1 : 2], [1, 1]]);
    expect(splitRanges(100, 3)).to.deep.equal([[0, 34], [34, 68], [68, 100]]);
  });

  it('cuts the parts of ranks 1.. into blocks of 4, 4, 4, 2, 1, 1 sixteenths with even boundaries', () => {
    expect(splitBlocks(64, 2)).to.deep.equal([[0, 32], [32, 40], [40, 48], [48, 56], [56, 60], [60, 62], [62, 64]]);
    // 50 neurons per part: 12.5 rounds to 12 (even), the last block ends at the population's end
    expect(splitBlocks(100, 2)).to.deep.equal([[0, 50], [50, 62], [62, 76], [76, 88], [88, 94], [94, 96], [96, 100]]);
    // too small: empty blocks, every neuron in exactly one block
    expect(splitBlocks(3, 2)).to.deep.equal([[0, 2], [2, 2], [2, 2], [2, 2], [2, 2], [2, 2], [2, 3]]);
    const b = splitBlocks(1001, 3);
    expect(b.length).to.equal(13);
    b.forEach(([s, e], k) => {
      expect(e).to.be.at.least(s);
      if (k > 0) expect(s).to.equal(b[k - 1]![1]);
      if (e !== 1001) expect(e % 2).to.equal(0);
    });
    expect(b[12]![1]).to.equal(1001);
  });

  for (const backend of ['js', 'wasm'] as const) {
    it(`gives bit-identical traces and spikes in the same order with 2 and 3 threads (${backend})`, () => {
      const one = run(1, backend, 301);
      const two = run(2, backend, 301);
      expect(one.split).to.equal(false);
      expect(two.split).to.equal(true);
      expect(Object.values(one.spikes).flat().length).to.be.greaterThan(100);
      expect(Buffer.from(two.v.buffer).equals(Buffer.from(one.v.buffer))).to.equal(true);
      expect(two.spikes).to.deep.equal(one.spikes);
      expect(two.last).to.deep.equal(one.last);
      // the blocks of rank 1 run by the calling thread: the same bits
      const taken = run(2, backend, 301, true);
      expect(Buffer.from(taken.v.buffer).equals(Buffer.from(one.v.buffer))).to.equal(true);
      expect(taken.spikes).to.deep.equal(one.spikes);
      expect(taken.last).to.deep.equal(one.last);
      // three threads: two parts of blocks, each with its own claim word
      const three = run(3, backend, 301);
      expect(three.split).to.equal(true);
      expect(Buffer.from(three.v.buffer).equals(Buffer.from(one.v.buffer))).to.equal(true);
      expect(three.spikes).to.deep.equal(one.spikes);
      expect(three.last).to.deep.equal(one.last);
    });
  }

  for (const backend of ['js', 'wasm'] as const) {
    it(`HH_Bischop x 9 (transient variables, lean update) with 2 threads is bit-identical (${backend})`, () => {
      const hh = (numThreads: number) => {
        const net = new Network({ dt: 0.01, seed: 1, backend, numThreads, minNeuronsPerThread: 1 });
        const pop = new Population(9, HHneuronBischop, { name: 'hh', network: net });
        net.compile();
        pop.I_app = [0, 10, 20, 40, 50, 80, 120, 200, 400];
        const mon = new Monitor(pop, ['spike']);
        net.simulate(100);
        const out = { split: pop.$parallel !== undefined, v: Array.from(pop.v as ArrayLike<number>), m: Array.from(pop.get('m') as ArrayLike<number>), spikes: mon.get('spike') };
        net.dispose();
        return out;
      };
      const one = hh(1), two = hh(2);
      expect([one.split, two.split]).to.deep.equal([false, true]);
      expect(two.v).to.deep.equal(one.v);
      expect(two.m).to.deep.equal(one.m);
      expect(two.spikes).to.deep.equal(one.spikes);
      expect(Object.values(one.spikes as Record<number, number[]>).flat().length).to.be.greaterThan(20);
    });
  }

  it('HH_Bischop x 100000 (unstored transients: no arrays, the lean update every step) with 2 threads is bit-identical (js, wasm)', () => {
    for (const backend of ['js', 'wasm'] as const) {
      const hh = (numThreads: number) => {
        const net = new Network({ dt: 0.01, seed: 1, backend, numThreads });
        const pop = new Population(100000, HHneuronBischop, { name: 'hh', network: net });
        net.compile();
        pop.I_app = Float64Array.from({ length: 100000 }, (_, i) => (i % 100) * 4);
        net.simulate(0.5);
        const out = { split: pop.$parallel !== undefined, unstored: !('alpha_m' in pop.$state!.local), v: Float64Array.from(pop.v as ArrayLike<number>) };
        net.dispose();
        return out;
      };
      const one = hh(1), two = hh(2);
      expect([one.split, two.split, two.unstored], backend).to.deep.equal([false, true, true]);
      expect(Buffer.from(two.v.buffer).equals(Buffer.from(one.v.buffer)), backend).to.equal(true);
    }
  });

  // the threads copy population-wide values only when one changed since their last step: a
  // change to -0 is one (1 / k flips sign), and one made while a block ran elsewhere reaches it
  for (const backend of ['js', 'wasm'] as const) {
    it(`population-wide values set between steps reach every block, -0 included (${backend})`, () => {
      const Signed = new Neuron({ parameters: 'k = 1.0 : population\nc = 0.5', equations: 'r = 1.0 / k + c', name: 'Signed' });
      const sample = (numThreads: number, stealBlocks: number) => {
        const net = new Network({ dt: 0.1, seed: 2, backend, numThreads, minNeuronsPerThread: 1 });
        const pop = new Population(64, Signed, { network: net });
        net.compile();
        const out: string[] = [];
        const record = () => out.push(Array.from(pop.$state!.local.r!, (x) => (Object.is(x, -0) ? '-0' : String(x))).join(','));
        for (const [k, steal] of [[1.0, 0], [0.0, stealBlocks], [-0.0, 0], [-0.0, 0], [0.0, 0], [2.0, stealBlocks], [2.0, 0]] as const) {
          pop.k = k;
          if (net.$threadPool) net.$threadPool.stealBlocks = steal;
          net.step();
          record();
        }
        const split = pop.$parallel !== undefined;
        net.dispose();
        return { out, split };
      };
      const one = sample(1, 0);
      expect(one.out[2]).to.match(/^-Infinity/);
      expect(one.out[4]).to.match(/^Infinity/);
      for (const steal of [0, 3]) {
        const two = sample(2, steal);
        expect(two.split).to.equal(true);
        expect(two.out).to.deep.equal(one.out);
      }
    });
  }

  it('keeps small populations on one thread by default', () => {
    const net = new Network({ dt: 0.01, numThreads: 2, minNeuronsPerThread: 2048 });
    const pop = new Population(100, HHneuronBischop, { name: 'hh', network: net });
    net.compile();
    expect(net.threadsFor(100)).to.equal(1);
    expect(net.threadsFor(4096)).to.equal(2);
    expect(pop.$parallel).to.equal(undefined);
  });

  it('stops the threads: dispose() ends them, and a process that never disposes still exits', () => {
    const net = new Network({ dt: 0.1, numThreads: 2, minNeuronsPerThread: 1 });
    const pop = new Population(10, Noisy, { name: 'n', network: net });
    net.compile();
    net.simulate(1);
    expect(pop.$parallel).to.not.equal(undefined);
    net.dispose();
    expect(() => net.simulate(1)).to.throw(/kernel threads of this network were disposed/);
    // a script that leaves its threads running: Node must still exit on its own
    const script = [
      "import { Network } from './src/engine/network.ts';",
      "import { Population } from './src/engine/population.ts';",
      "import { HHneuronBischop } from './src/models/hh-neuron-bischop.ts';",
      "import { installNodeThreads } from './src/node/kernel-threads.ts';",
      'installNodeThreads();',
      'const net = new Network({ dt: 0.01, numThreads: 2, minNeuronsPerThread: 1 });',
      "const pop = new Population(20, HHneuronBischop, { name: 'hh', network: net });",
      'net.compile(); net.simulate(1);',
      "if (pop.$parallel === undefined) throw new Error('not split');",
      "console.log('simulated');",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.error, 'the process did not exit within 60 s').to.equal(undefined);
    expect(r.stderr).to.equal('');
    expect(r.stdout.trim()).to.equal('simulated');
    expect(r.status).to.equal(0);
  });

  it('rejects a bad numThreads with a clear error', () => {
    expect(() => new Network({ numThreads: 0 })).to.throw(/numThreads must be an integer from 1 to 256, got 0/);
    expect(() => new Network({ numThreads: 1.5 })).to.throw(/numThreads/);
  });
});
