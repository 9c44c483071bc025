// Port of ANNarchy 4.7.3 tests/Synapse/test_RateSynapse.py (model strings and expected values).
// ANNarchy runs each class once per storage format; the project has one sparse layout.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';

describe('test_Locality', () => {
  let net: Network;
  before(() => {
    const neuron = new Neuron({ parameters: 'r = 0' });
    const syn = new Synapse({ parameters: `
      a = 0.1
      b = 0.1 : postsynaptic
      c = 0.1 : projection` });
    net = new Network();
    const pre = new Population(3, neuron, { network: net });
    const post = new Population(1, neuron, { network: net });
    new Projection(pre, post, 'exc', syn).connectAllToAll({ weights: 1.0 });
  });
  it('test_compile', () => {
    net.compile();
    expect(net.compiled).to.equal(true);
  });
});

describe('test_AccessPSP', () => {
  let net: Network;
  before(() => {
    const neuron = new Neuron({ equations: 'r = sum(exc)' });
    const syn = new Synapse({ equations: 'w = pre.sum(exc) + post.sum(exc)' });
    net = new Network();
    const pre = new Population(1, neuron, { network: net });
    const post = new Population(1, neuron, { network: net });
    new Projection(pre, post, 'exc', syn).connectAllToAll({ weights: 1.0 });
    new Projection(post, pre, 'exc', syn).connectAllToAll({ weights: 1.0 });
  });
  it('test_compile', () => {
    net.compile();
    expect(net.compiled).to.equal(true);
  });
});

describe('test_ModifiedPSP', () => {
  let net: Network;
  before(() => {
    const neuron = new Neuron({ equations: 'r = sum(exc)' });
    const ReversedSynapse = new Synapse({ parameters: 'reversal = 1.0', psp: 'w*pos(reversal-pre.r)' });
    net = new Network();
    const pre = new Population(1, neuron, { network: net });
    const post = new Population(1, neuron, { network: net });
    new Projection(pre, post, 'exc', ReversedSynapse).connectAllToAll({ weights: 1.0 });
  });
  it('test_compile', () => {
    net.compile();
    expect(net.compiled).to.equal(true);
  });
});
