import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { SpikeSourceArray } from '../../../src/engine/special/spike-source-array.js';
import type { SpikeDict } from '../../../src/monitors/recordings.js';

describe('engine/special: SpikeSourceArray', () => {
  it('rounds times with round(t/dt) (half to even), deduplicates and sorts', () => {
    const net = new Network({ dt: 0.5 });
    // 0.25/0.5 = 0.5 -> 0, 0.75/0.5 = 1.5 -> 2, 1.0 -> 2 (dup), 3.0 -> 6, 1.25/0.5=2.5 -> 2 (dup)
    const inp = new SpikeSourceArray([[3.0, 0.25, 1.0, 0.75, 1.25], [2.0]], { network: net });
    const m = new Monitor(inp, 'spike');
    net.simulate(5);
    expect(m.get('spike')).to.deep.equal({ 0: [0, 2, 6], 1: [4] } as SpikeDict);
    expect(inp.spikeTimes).to.deep.equal([[0, 1, 3], [2]]);
  });

  it('a flat list is one neuron; spike times are relative to the last reset()', () => {
    const net = new Network({ dt: 1 });
    const inp = new SpikeSourceArray([2, 4], { network: net });
    expect(inp.size).to.equal(1);
    const m = new Monitor(inp, 'spike');
    net.simulate(6);
    inp.reset(); // own counter back to 0 at global step 6
    net.simulate(6);
    expect(m.get('spike')).to.deep.equal({ 0: [2, 4, 8, 10] });
    expect(Array.from(inp.t_last)).to.deep.equal([4]); // last_spike stores the own counter
  });

  it('global reset() restarts it too', () => {
    const net = new Network({ dt: 1 });
    const inp = new SpikeSourceArray([[1]], { network: net });
    const m = new Monitor(inp, 'spike');
    net.simulate(3);
    net.reset();
    net.simulate(3);
    expect(m.get('spike')).to.deep.equal({ 0: [1] }); // monitors emptied by reset
  });

  it('setting spikeTimes after compile keeps ANNarchy 4.7.3 index behaviour (later spikes lost)', () => {
    const net = new Network({ dt: 1 });
    const inp = new SpikeSourceArray([[100]], { network: net });
    const m = new Monitor(inp, 'spike');
    net.simulate(8);
    inp.spikeTimes = [[5, 10, 15]]; // 5 is past; next = 10 but the index restarts at 0
    net.simulate(20);
    expect(m.get('spike')).to.deep.equal({ 0: [10] });
  });

  it('rejects bad input', () => {
    const net = new Network({ dt: 1 });
    expect(() => new SpikeSourceArray(5 as never, { network: net })).to.throw(/spikeTimes must be a list/);
    expect(() => new SpikeSourceArray([[1, Number.NaN]], { network: net })).to.throw(/spikeTimes\[0\]\[1\]/);
    const s = new SpikeSourceArray([[1], [2]], { network: net });
    expect(() => { s.spikeTimes = [[1]]; }).to.throw(/one list per neuron \(2\)/);
  });
});
