// Port of ANNarchy 4.7.3 tests/Synapse/test_SpikingSynapse.py (model strings and expected values).
// ANNarchy runs each class once per storage format; the project has one sparse layout.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { Uniform } from '../../src/engine/random/index.js';
import { Izhikevich } from '../../src/models/annarchy/index.js';
import { assertAllclose } from './helpers.js';

describe('test_PreSpike', () => {
  let net: Network;
  let proj: Projection;
  before(() => {
    // Each time step emit an event
    const SpkNeuron = new Neuron({ parameters: 'v = 1', equations: 'mp = g_exc', spike: 'v > 0' });
    // decrease weight until zero.
    const BoundedSynapse = new Synapse({ parameters: 'g = 1.0', preSpike: 'w -= 1.0 : min=0.0', psp: 'g' });
    net = new Network();
    const pop = new Population(3, SpkNeuron, { network: net });
    proj = new Projection(pop, pop, 'exc', BoundedSynapse).connectAllToAll({ weights: 5.0 });
    net.compile();
  });
  beforeEach(() => net.reset());
  it('test_w', () => {
    // is correctly initialized
    assertAllclose(proj.dendrite(0).w, [5.0, 5.0]);
    // w should has decreased
    net.simulate(5);
    assertAllclose(proj.dendrite(0).w, [1.0, 1.0]);
    // w should not decrease further
    net.simulate(5);
    assertAllclose(proj.dendrite(0).w, [0.0, 0.0]);
  });
});

describe('test_PostSpike', () => {
  let net: Network;
  let proj: Projection;
  before(() => {
    const SpkNeuron = new Neuron({ parameters: 'v = 1', equations: 'mp = g_exc', spike: 'v > 0' });
    const BoundedSynapse = new Synapse({ parameters: 'constant = 1.0', postSpike: 'w += 1.0 * constant : max=10.0' });
    net = new Network();
    const pop = new Population(3, SpkNeuron, { network: net });
    proj = new Projection(pop, pop, 'exc', BoundedSynapse).connectAllToAll({ weights: 5.0 });
    net.compile();
  });
  beforeEach(() => net.reset());
  it('test_w', () => {
    assertAllclose(proj.dendrite(0).w, [5.0, 5.0]);
    net.simulate(5);
    assertAllclose(proj.dendrite(0).w, [10.0, 10.0]);
    net.simulate(5);
    assertAllclose(proj.dendrite(0).w, [10.0, 10.0]);
  });
});

describe('test_TimeDependentUpdate', () => {
  let net: Network;
  before(() => {
    const STDP = new Synapse({
      parameters: `
        tau_pre = 10.0 : projection
        tau_post = 10.0 : projection
        cApre = 0.01 : projection
        cApost = 0.0105 : projection
        wmax = 0.01 : projection`,
      preSpike: `
        g_target += w
        w = clip(w - cApost * exp((t_post - t)/tau_post) , 0.0 , wmax)`,
      postSpike: 'w = clip(w + cApre * exp((t_pre - t)/tau_pre) , 0.0 , wmax)',
    });
    net = new Network();
    const pop = new Population(100, new Izhikevich(), { network: net });
    new Projection(pop, pop, 'exc', STDP).connectAllToAll({ weights: new Uniform(-1.0, 1.0) });
    net.compile();
  });
  beforeEach(() => net.reset());
  it('test_invoke_compile', () => expect(net.compiled).to.equal(true));
});
