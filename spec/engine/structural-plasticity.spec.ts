import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';

describe('engine: structural plasticity (Dendrite.pruneSynapse / createSynapse)', () => {
  const build = (structuralPlasticity: boolean, delays?: number) => {
    const net = new Network({ structuralPlasticity });
    const pre = new Population(4, new Neuron({ parameters: 'r = 0' }), { network: net });
    const post = new Population(2, new Neuron({ equations: 'r = sum(exc)' }), { network: net });
    const syn = new Synapse({ parameters: 'c = 7', equations: 'x = x + 1\n y = 0.5 : postsynaptic', psp: 'w * pre.r' });
    const proj = new Projection(pre, post, 'exc', syn).connectAllToAll({ weights: 1.0, ...(delays ? { delays } : {}) });
    net.compile();
    pre.r = [1, 10, 100, 1000];
    return { net, pre, post, proj };
  };

  it('keeps the other synapses\' attributes, gives a new synapse the initial values, and transmits through it', () => {
    const { net, post, proj } = build(true);
    net.simulate(3);
    proj.dendrite(0).set({ c: [1, 2, 3, 4] });
    expect(proj.dendrite(0).x).to.deep.equal([3, 3, 3, 3]);
    proj.dendrite(0).pruneSynapse(1);
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 2, 3]);
    expect(proj.dendrite(0).c).to.deep.equal([1, 3, 4]);
    expect(proj.dendrite(0).x).to.deep.equal([3, 3, 3]);
    net.simulate(1);
    expect(post.r[0]).to.equal(1 + 100 + 1000);
    proj.dendrite(0).createSynapse(1, 0.5);
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 1, 2, 3]);
    expect(proj.dendrite(0).c).to.deep.equal([1, 7, 3, 4]);
    expect(proj.dendrite(0).x).to.deep.equal([4, 0, 4, 4]);
    expect(proj.dendrite(1).x).to.deep.equal([4, 4, 4, 4]);
    net.simulate(1);
    expect(post.r[0]).to.equal(1 + 5 + 100 + 1000);
  });

  it('keeps delayed rates in flight (uniform delays)', () => {
    const { net, pre, post, proj } = build(true, 2.0);
    net.simulate(1);
    pre.r = [0, 0, 0, 0];
    proj.dendrite(1).pruneSynapse(3);
    net.simulate(2);
    // the values pushed in step 0 are read in step 2, without the pruned synapse
    expect(post.r[1]).to.equal(1 + 10 + 100);
  });

  it('refuses edits without setup({ structuralPlasticity: true }), a missing or a duplicate synapse, and changes nothing then', () => {
    expect(() => build(false).proj.dendrite(0).pruneSynapse(0)).to.throw(/structural plasticity is not enabled/);
    const { proj } = build(true);
    expect(() => proj.dendrite(0).createSynapses([5], [1])).to.throw(/pre rank must be an integer in \[0, 4\)/);
    expect(() => proj.dendrite(0).createSynapse(2)).to.throw(/synapse from pre rank 2 already exists/);
    expect(() => proj.dendrite(0).pruneSynapses([0, 0])).to.throw(/no synapse from pre rank 0/);
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 1, 2, 3]);
  });
});
