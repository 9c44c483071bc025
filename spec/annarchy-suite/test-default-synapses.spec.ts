// Port of ANNarchy 4.7.3 tests/Synapse/test_DefaultSynapses.py (model strings and expected values).
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { disableLearning } from '../../src/engine/learning.js';
import { Hebb, IBCM, Oja, STDP, STP, listStandardSynapses } from '../../src/models/annarchy/index.js';
import { assertAllclose, unittestMethods } from './helpers.js';

describe('test_DefaultRateSynapses', () => {
  let net: Network;
  let inp: Population;
  let out: Population;
  before(() => {
    const rNeuron = new Neuron({ equations: 'r=sum(Hebb)+sum(Oja)+sum(IBCM)' });
    net = new Network();
    inp = new Population(1, rNeuron, { network: net });
    out = new Population(1, rNeuron, { network: net });
    new Projection(inp, out, 'Hebb', new Hebb()).connectAllToAll({ weights: 0.1 });
    new Projection(inp, out, 'Oja', new Oja()).connectAllToAll({ weights: 0.1 });
    new Projection(inp, out, 'IBCM', new IBCM()).connectAllToAll({ weights: 0.1 });
    net.compile();
  });
  beforeEach(() => {
    net.reset({ populations: true, projections: true });
    disableLearning({ network: net });
    inp.r = 1.0;
  });
  it('test_compile', () => expect(net.compiled).to.equal(true));
  it('test_get_exc_Hebb', () => {
    net.simulate(1);
    assertAllclose(out.sum('Hebb'), 0.1);
  });
  it('test_get_exc_Oja', () => {
    net.simulate(1);
    assertAllclose(out.sum('Oja'), 0.1);
  });
  it('test_get_exc_IBCM', () => {
    net.simulate(1);
    assertAllclose(out.sum('IBCM'), 0.1);
  });
  it('test_list_standard_synapses', () => {
    expect(listStandardSynapses().map((m) => m.name)).to.deep.equal(['STP', 'STDP', 'Hebb', 'Oja', 'IBCM']);
  });
});

describe('test_DefaultSpikeSynapses', () => {
  let net: Network;
  let inp: Population;
  let out: Population;
  before(() => {
    const LIF = new Neuron({
      parameters: `
        tau = 10.0  : population
        Er = -60.0  : population
        Ee = 0.0    : population
        T = -45.0   : population`,
      equations: 'tau * dv/dt = (Er - v) + (g_STP + g_STDP) * (Ee - v) : init = 0.0',
      spike: 'v > T',
      reset: 'v = Er',
      refractory: 5.0,
    });
    net = new Network();
    inp = new Population(1, LIF, { network: net });
    out = new Population(1, LIF, { network: net });
    new Projection(inp, out, 'STP', new STP()).connectAllToAll({ weights: 0.1 });
    new Projection(inp, out, 'STDP', new STDP()).connectAllToAll({ weights: 0.1 });
    net.compile();
  });
  beforeEach(() => {
    net.reset({ populations: true, projections: true });
    // ANNarchy's setUp writes inp.r = 1.0; the LIF model has no r, so 4.7.3 sets a plain Python attribute
  });
  // unittest's order: test_get_exc_STDP runs before test_get_exc_STP, and reset() keeps w, so
  // STDP's w is still 0.1 in its own test (0.09 if the STP test's two steps ran first)
  unittestMethods({
    test_compile: () => expect(net.compiled).to.equal(true),
    test_get_exc_STP: () => {
      net.simulate(2);
      assertAllclose(out.sum('STP'), 0.05);
    },
    test_get_exc_STDP: () => {
      net.simulate(2);
      assertAllclose(out.sum('STDP'), 0.1);
    },
  });
});
