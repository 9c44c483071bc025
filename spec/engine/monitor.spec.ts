import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { SpikeDict } from '../../src/monitors/recordings.js';

// dv/dt = 1 from 0: after k+1 updates v = (k+1)*dt, which makes sample times visible in values
const Ramp = new Neuron({ parameters: 'r = 0', equations: 'dv/dt = 1.0', name: 'ramp' });
const Counter = new Neuron({ parameters: 'n = 3', equations: 'c += 1', spike: 'c >= n', reset: 'c = 0', name: 'counter' });

function net(dt = 0.1) {
  const network = new Network({ dt });
  return { network, pop: new Population(2, Ramp, { network }) };
}

describe('engine: Monitor (annarchy-semantics §5)', () => {
  it('records the state after the update: sample k is the state after k+1 steps', () => {
    const { network, pop } = net();
    const m = new Monitor(pop, 'v');
    network.simulate(0.3);
    const v = m.get('v') as RecordedArray;
    expect(v.shape).to.deep.equal([3, 2]);
    expect(v.column(0)[0]).to.be.closeTo(0.1, 1e-15);
    expect(v.column(0)[2]).to.be.closeTo(0.3, 1e-15);
  });

  it('samples every int(period/dt) steps from the creation step: period 1 ms at dt 0.1 -> steps 0, 10, 20', () => {
    const { network, pop } = net();
    const m = new Monitor(pop, ['v'], { period: 1.0 });
    network.simulate(2.1);
    const v = (m.get('v') as RecordedArray).column(0);
    expect(Array.from(v).map((x) => Math.round(x * 10))).to.deep.equal([1, 11, 21]);
  });

  it('pause/resume gaps, get() clears unless keep, times() in steps', () => {
    const { network, pop } = net(1.0);
    const m = new Monitor(pop, 'v');
    network.simulate(3);
    m.pause();
    network.simulate(2);
    m.resume();
    network.simulate(1);
    // ANNarchy 4.7.3: times() describes the data of the last get(); before any get() the window is open
    expect(m.times()).to.deep.equal({ v: { start: [0], stop: [null] } });
    const kept = m.get('v', { keep: true }) as RecordedArray;
    expect(m.times()).to.deep.equal({ v: { start: [0, 5], stop: [3, 6] } });
    expect(Array.from(kept.column(0))).to.deep.equal([1, 2, 3, 6]);
    expect((m.get('v') as RecordedArray).length).to.equal(4);
    expect((m.get('v') as RecordedArray).length).to.equal(0);
  });

  it('records spikes every step as rank -> steps, with empty lists for silent neurons', () => {
    const network = new Network({ dt: 1.0 });
    const pop = new Population(2, Counter, { network });
    pop.n = [3, 100];
    const m = new Monitor(pop, ['spike', 'c'], { period: 5 });
    network.simulate(10);
    expect(m.get('spike')).to.deep.equal({ 0: [2, 5, 8], 1: [] } as SpikeDict);
    expect((m.get('c') as RecordedArray).length).to.equal(2);
  });

  it('refuses parameters, unknown variables and a period below dt with clear errors', () => {
    const { pop } = net();
    expect(() => new Monitor(pop, 'r')).to.throw(/"r" is a parameter/);
    expect(() => new Monitor(pop, 'x')).to.throw(/has no variable "x"; recordable: v/);
    expect(() => new Monitor(pop, 'v', { period: 0.05 })).to.throw(/period must be at least dt/);
    expect(() => new Monitor(pop, 'spike')).to.throw(/spiking/);
  });
});
