import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Neuron } from '../../../src/language/neuron.js';

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
