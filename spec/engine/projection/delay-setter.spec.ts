import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { DiscreteUniform } from '../../../src/engine/random/index.js';
import type { RecordedArray } from '../../../src/engine/recorded-array.js';

/** pre r after step s is s (r = t, dt = 1); post r = sum(ff) reads it `delay` steps late. */
function build(delays?: number): { net: Network; post: Population; proj: Projection } {
  const net = new Network();
  const pre = new Population(2, new Neuron({ equations: 'r = t' }), { network: net });
  const post = new Population(2, new Neuron({ equations: 'r = sum(ff)' }), { network: net });
  const proj = new Projection(pre, post, 'ff').connectOneToOne({ weights: 1.0, ...(delays === undefined ? {} : { delays }) });
  net.compile();
  return { net, post, proj };
}

describe('engine: Projection.delay setter (uniform delays, ANNarchy set_delay)', () => {
  it('a shorter delay reads the queued steps; a longer one reads 0 for steps never recorded', () => {
    const { net, post, proj } = build(3);
    net.simulate(5); // step 4 read step 1
    expect(Array.from(post.r as Float64Array)).to.deep.equal([1, 1]);
    proj.delay = 5; // steps 2..4 are queued, 0 and 1 were never kept
    expect(proj.delay).to.equal(5);
    net.simulate(1); // step 5 reads step 0
    expect(Array.from(post.r as Float64Array)).to.deep.equal([0, 0]);
    net.simulate(1); // step 6 reads step 1
    expect(Array.from(post.r as Float64Array)).to.deep.equal([0, 0]);
    net.simulate(1); // step 7 reads step 2
    expect(Array.from(post.r as Float64Array)).to.deep.equal([2, 2]);
    proj.delay = 1.4; // round(1.4) = 1 step: step 8 reads step 7
    expect(proj.delay).to.equal(1);
    net.simulate(1);
    expect(Array.from(post.r as Float64Array)).to.deep.equal([7, 7]);
  });

  it('refuses delays on a projection built without them, lists on a uniform one, and before compile', () => {
    const { proj } = build();
    expect(() => { proj.delay = 2; }).to.throw(/built without delays; it is too late to create them/);
    proj.delay = 1.0; // dt is accepted
    const { proj: p2 } = build(2);
    expect(() => { p2.delay = [[1], [2]]; }).to.throw(/one delay for all synapses; expected a number of ms >= 0, got a list/);
    expect(() => { p2.delay = -1; }).to.throw(/expected a number of ms >= 0/);
    expect(p2.delay).to.equal(2);
    const net = new Network();
    const a = new Population(1, new Neuron({ equations: 'r = t' }), { network: net });
    const p3 = new Projection(a, a, 'ff').connectOneToOne({ weights: 1, delays: 2 });
    expect(() => { p3.delay = 1; }).to.throw(/delay/);
  });
});

describe('engine: Projection.delay setter (per-synapse delays, spiking)', () => {
  function spiking() {
    const net = new Network();
    const pre = new Population(2, new Neuron({ spike: 't==1' }), { network: net });
    const post = new Population(1, new Neuron({ equations: 'g_exc = 0', spike: 'g_exc>30' }), { network: net });
    const proj = new Projection(pre, post, 'exc').connectFromMatrix({ weights: [[1.0, 10.0]], delays: [[1.0, 2.0]] });
    const m = new Monitor(post, 'g_exc');
    net.compile();
    return { net, proj, m };
  }

  it('a larger maximum extends the queue; each synapse delivers at its own delay', () => {
    const { net, proj, m } = spiking();
    expect(proj.delay).to.deep.equal([[1, 2]]);
    proj.delay = [[4.0, 1.0]];
    net.simulate(7); // spikes at step 1: w=10 arrives at step 2, w=1 at step 5
    expect(Array.from((m.get('g_exc') as RecordedArray).column(0))).to.deep.equal([0, 0, 10, 0, 0, 1, 0]);
  });

  it('spikes already queued keep their arrival step when the delays change', () => {
    const { net, proj, m } = spiking();
    // the spikes of step 1 enter the queue at step 2 (as in ANNarchy, with the delays of that
    // moment): w=1 arrives at once, w=10 is queued for step 3
    net.simulate(3);
    proj.delay = [[3.0, 3.0]];
    net.simulate(3);
    expect(Array.from((m.get('g_exc') as RecordedArray).column(0))).to.deep.equal([0, 0, 1, 10, 0, 0]);
  });

  it('refuses a wrong number of values', () => {
    const { proj } = spiking();
    expect(() => { proj.delay = [[1.0]]; }).to.throw(/dendrite 0 has 2 synapses, got 1 values/);
    expect(() => { proj.delay = 2.0; }).to.throw(/per-synapse delays; expected one list per dendrite/);
    expect(proj.delay).to.deep.equal([[1, 2]]);
  });
});

describe('engine: delays given as a distribution are per synapse even when the draws are equal (ANNarchy uniform_delay -1)', () => {
  it('DiscreteUniform(3, 3) on one-to-one synapses: per-synapse delays, a list can be set', () => {
    const net = new Network();
    const pre = new Population(2, new Neuron({ equations: 'r = t' }), { network: net });
    const post = new Population(2, new Neuron({ equations: 'r = sum(ff)' }), { network: net });
    const proj = new Projection(pre, post, 'ff').connectOneToOne({ weights: 1.0, delays: new DiscreteUniform(3, 3) });
    net.compile();
    expect(proj.uniformDelay).to.equal(-1);
    proj.delay = [[2], [4]];
    net.simulate(6); // step 5 reads step 3 and step 1
    expect(Array.from(post.r as Float64Array)).to.deep.equal([3, 1]);
  });

  it('a constant delay stays uniform', () => {
    const { proj } = build(3);
    expect(proj.uniformDelay).to.equal(3);
  });
});
