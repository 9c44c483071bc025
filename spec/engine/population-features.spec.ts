import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { Monitor } from '../../src/engine/monitor.js';
import { clear, setup, simulateUntil, compile } from '../../src/engine/global-functions.js';
import { currentNetwork } from '../../src/engine/magic-network.js';
import type { SpikeDict } from '../../src/monitors/recordings.js';

// v = I each step; spikes while I > 0.5 (v reset to 0)
const SPK = new Neuron({ parameters: 'I = 0.0', equations: 'v = I', spike: 'v > 0.5', reset: 'v = 0' });
const RAMP = new Neuron({ parameters: 'slope = 1.0', equations: 'dv/dt = slope', spike: 'v > 1000', reset: 'v = 0' });

describe('engine: spiking population extras', () => {
  it('computeFiringRate: r = 1000/window * spikes in the last int(window/dt) steps', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(2, SPK, { network: net });
    pop.I = [1, 0];
    pop.computeFiringRate(5);
    net.compile();
    net.simulate(3);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([600, 0]); // 3 spikes * 200 Hz
    net.simulate(7);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([1000, 0]); // window full: 5 spikes
    pop.I = [0, 0];
    net.simulate(2);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([600, 0]); // steps 7, 8, 9 still inside
    pop.reset();
    net.step();
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([200, 0]); // history cleared by reset (I back to its init [1, 0])
    expect(() => new Population(1, new Neuron({ equations: 'r = 1' }), { network: net }).computeFiringRate(10)).to.throw(/needs a spiking neuron/);
  });

  it('without computeFiringRate r stays 0', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(1, SPK, { network: net });
    pop.I = 1;
    net.simulate(4);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([0]);
  });

  it('t_last, spike and refractory get/set (int(refractory/dt) steps)', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(2, SPK, { network: net });
    pop.I = 1;
    expect(Array.from(pop.t_last)).to.deep.equal([-10000, -10000]);
    pop.refractory = [2, 0];
    expect(Array.from(pop.refractory as Float64Array)).to.deep.equal([2, 0]);
    const m = new Monitor(pop, 'spike');
    net.simulate(7);
    expect(m.get('spike')).to.deep.equal({ 0: [0, 3, 6], 1: [0, 1, 2, 3, 4, 5, 6] } as SpikeDict);
    expect(pop.spike).to.deep.equal([0, 1]);
    expect(Array.from(pop.t_last)).to.deep.equal([6, 6]);
    pop.refractory = 1;
    net.simulate(4);
    // neuron 0: still refractory at 7, 8 (old R = 2), spikes at 9, refractory at 10;
    // neuron 1: spikes at 7, refractory at 8 (R = 1), spikes at 9, refractory at 10
    expect(Array.from(pop.t_last)).to.deep.equal([9, 9]);
    const plain = new Population(1, SPK, { network: net });
    net.compile();
    expect(() => { plain.refractory = 2; }).to.throw(/set pop.refractory before compile/);
  });

  it('sum(target): g_target of spiking, sum(target) of rate-coded populations', () => {
    const net = new Network({ dt: 1 });
    const spk = new Population(2, new Neuron({ equations: 'v = g_exc', spike: 'v > 1', reset: 'v = 0' }), { network: net });
    const rate = new Population(2, new Neuron({ equations: 'r = sum(exc)' }), { network: net });
    net.compile();
    spk.g_exc = [1, 2];
    expect(Array.from(spk.sum('exc'))).to.deep.equal([1, 2]);
    expect(Array.from(rate.sum('exc'))).to.deep.equal([0, 0]);
    expect(() => spk.sum('inh')).to.throw(/no target "inh"; targets: exc/);
  });
});

describe('engine: stopCondition and simulateUntil', () => {
  afterEach(() => clear());

  it('stops after the first step where the condition holds and returns ms (not steps/dt)', () => {
    const net = new Network({ dt: 0.5 });
    const pop = new Population(1, RAMP, { network: net, stopCondition: 'v >= 5.0 : any' });
    net.compile();
    const t = net.simulateUntil(100, pop);
    expect(t).to.equal(5); // 10 steps of 0.5 ms; ANNarchy 4.7.3 would return 10/0.5 = 20
    expect(net.getCurrentStep()).to.equal(10);
  });

  it('": all" needs every neuron; "and"/"or" combine populations; maxDuration caps it', () => {
    const net = new Network({ dt: 1 });
    const a = new Population(2, RAMP, { network: net, stopCondition: 'v >= 3.0 : all' });
    const b = new Population(1, RAMP, { network: net, stopCondition: 'v >= 2.0' });
    a.slope = [1, 0.5];
    net.compile();
    expect(net.simulateUntil(100, [a, b], 'or')).to.equal(2); // b first (v = 2 after 2 steps)
    net.reset();
    expect(net.simulateUntil(100, [a, b], 'and')).to.equal(6); // a's slow neuron: 0.5 * 6 = 3
    net.reset();
    expect(net.simulateUntil(4, a)).to.equal(4); // capped
  });

  it('global simulateUntil on the magic network; errors for populations without a condition', () => {
    setup({ dt: 1 });
    const pop = new Population(1, RAMP, { stopCondition: 'v > 2 : any' });
    const plain = new Population(1, RAMP);
    compile();
    expect(simulateUntil(50, pop)).to.equal(3);
    expect(currentNetwork().getTime()).to.equal(3);
    expect(() => simulateUntil(50, plain)).to.throw(/has no stopCondition/);
    expect(() => simulateUntil(50, pop, 'xor' as never)).to.throw(/operator must be 'and' or 'or'/);
  });
});
