import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { Network } from '../../../src/engine/network.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { PoissonPopulation } from '../../../src/engine/special/poisson-population.js';
import type { SpikeDict } from '../../../src/monitors/recordings.js';

// spec/fixtures/special/poisson.cpp: std::mt19937(7), per-step uniform_real_distribution, U*1000/dt < rates
const ref = JSON.parse(readFileSync(new URL('../../fixtures/special/poisson.json', import.meta.url), 'utf8')) as SpikeDict;

describe('engine/special: PoissonPopulation', () => {
  it('emits the spikes of the C++ reference for per-neuron rates (seed 7, dt 1)', () => {
    const net = new Network({ dt: 1, seed: 7 });
    const pop = new PoissonPopulation(3, { rates: [100, 500, 900], network: net });
    const m = new Monitor(pop, 'spike');
    net.simulate(20);
    expect(m.get('spike')).to.deep.equal(ref);
  });

  it('a rates equation of t gives the same draws: rates = 100 + 400*i-free expression', () => {
    // rates = 500 for every neuron via an equation: neuron 1 of the reference has rate 500
    const net = new Network({ dt: 1, seed: 7 });
    const pop = new PoissonPopulation(3, { rates: 'if t >= 0.0: amp else: 0.0', parameters: 'amp = 500.0 : population', network: net });
    const m = new Monitor(pop, ['spike', 'rates']);
    net.simulate(20);
    const s = m.get('spike') as SpikeDict;
    expect(s[1]).to.deep.equal(ref[1]);
    expect(pop.rates).to.deep.equal(new Float64Array([500, 500, 500]));
  });

  it('a number of Hz is a parameter that can be changed later', () => {
    const net = new Network({ dt: 1, seed: 7 });
    const pop = new PoissonPopulation(3, { rates: 0, network: net });
    expect(pop.parameters).to.deep.equal(['rates']);
    net.compile();
    net.simulate(5);
    expect(pop.spike).to.deep.equal([]);
    pop.rates = 1000; // p = U*1000 < 1000 always
    net.step();
    expect(pop.spike).to.deep.equal([0, 1, 2]);
  });

  it('rejects missing or bad rates', () => {
    const net = new Network({ dt: 1 });
    expect(() => new PoissonPopulation(3, {} as never)).to.throw(/rates/);
    expect(() => new PoissonPopulation(3, { rates: [1, 2], network: net })).to.throw(/expected 3 values/);
    expect(() => new PoissonPopulation(3, { rates: 5, parameters: 'a = 1', network: net })).to.throw(/only used with a rates equation/);
  });
});
