import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { SpikeSourceArray } from '../../src/engine/special/spike-source-array.js';
import { Neuron } from '../../src/language/neuron.js';

// README differences: ANNarchy 4.7.3 silently creates a Python attribute for `pop.Iapp = 5`;
// compneuro-rx throws, naming the population and listing its attributes.
const N = new Neuron({ parameters: 'I_app = 0', equations: 'dv/dt = I_app - v\n r = v' });

describe('engine: assigning an unknown attribute throws (no silent typos)', () => {
  it('on a population, before and after compile; nothing is created', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(2, N, { name: 'exc', network: net });
    expect(() => { pop.Iapp = 5; }).to.throw(TypeError, 'Population "exc" has no attribute "Iapp"; attributes: I_app, v, r');
    expect('Iapp' in pop).to.equal(false);
    net.compile();
    expect(() => { pop.Iapp = 5; }).to.throw(TypeError, /Population "exc" has no attribute "Iapp"/);
    pop.I_app = 5;
    net.simulate(1);
    expect(Array.from(pop.v as Float64Array)).to.deep.equal([5, 5]);
  });

  it('on a view, a single neuron and specific populations', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(4, N, { name: 'exc', network: net });
    expect(() => { pop.slice(0, 2).Iapp = 1; }).to.throw(TypeError, 'PopulationView of "exc" has no attribute "Iapp"; attributes: I_app, v, r');
    expect(() => { pop.neuron(1).Iapp = 1; }).to.throw(TypeError, 'neuron 1 of population "exc" has no attribute "Iapp"; attributes: I_app, v, r');
    const src = new SpikeSourceArray([[1], [2]], { name: 'src', network: net });
    expect(() => { src.spike_times = [[3], [4]]; }).to.throw(TypeError, /Population "src" has no attribute "spike_times"/);
    src.spikeTimes = [[3], [4]];
  });

  it('reading an unknown attribute gives undefined, as for any JavaScript object; symbols may be set', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(1, N, { network: net });
    expect(pop.Iapp).to.equal(undefined);
    const key = Symbol('tag');
    pop[key as unknown as string] = 1;
    expect(pop[key as unknown as string]).to.equal(1);
  });
});

// README differences: ANNarchy's simulate() before compile() is an error ("the network is not
// compiled yet") and a second compile() prints "already compiled, doing nothing"; objects cannot
// be added after compile. compneuro-rx compiles what is not compiled yet in both cases.
describe('engine: simulate() before compile() and a second compile()', () => {
  it('simulate() and step() compile first', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(1, N, { network: net });
    pop.I_app = 2;
    expect(net.compiled).to.equal(false);
    net.simulate(1);
    expect(net.compiled).to.equal(true);
    expect(Array.from(pop.v as Float64Array)).to.deep.equal([2]);
    const net2 = new Network({ dt: 1 });
    new Population(1, N, { network: net2 });
    net2.step();
    expect(net2.currentStep).to.equal(1);
  });

  it('a second compile() leaves compiled objects and their state alone and compiles objects added since', () => {
    const net = new Network({ dt: 1 });
    const a = new Population(1, N, { name: 'a', network: net });
    a.I_app = 1;
    net.compile();
    const kernel = a.$updateKernel;
    net.simulate(2);
    net.compile();
    expect(a.$updateKernel).to.equal(kernel);
    expect(net.currentStep).to.equal(2);
    expect(Array.from(a.v as Float64Array)).to.deep.equal([1]);
    const b = new Population(1, new Neuron({ equations: 'r = sum(exc)' }), { name: 'b', network: net });
    const p = new Projection(a, b, 'exc', undefined, { network: net });
    p.connectOneToOne({ weights: 2 });
    expect(net.compiled).to.equal(false);
    net.compile();
    net.step();
    expect(Array.from(b.r as Float64Array)).to.deep.equal([2]);
  });
});
