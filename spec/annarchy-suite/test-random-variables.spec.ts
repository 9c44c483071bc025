// Port of ANNarchy 4.7.3 tests/Common/test_RandomVariables.py (model strings and expected values).
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { Projection } from '../../src/engine/projection.js';
import { Synapse } from '../../src/language/synapse.js';
import { LeakyIntegrator } from '../../src/models/annarchy/index.js';
import { assertAllclose } from './helpers.js';

describe('test_NeuronRandomVariables', () => {
  let net: Network;
  let local: Population;
  let global: Population;
  before(() => {
    const LocalEquation = new Neuron({ equations: 'r = Uniform(0,1)' });
    const GlobalEquation = new Neuron({ parameters: '', equations: 'r = Uniform(0,1) : population' });
    net = new Network();
    local = new Population(3, LocalEquation, { network: net });
    global = new Population(3, GlobalEquation, { network: net });
    net.compile();
    net.setSeed(1);
  });
  beforeEach(() => net.reset());

  it('test_LocalNeuronRandomVariable', () => {
    net.simulate(1);
    const r = Array.from(local.r as Float64Array);
    assertAllclose(r, 0.5, { atol: 0.5 });
    // numpy.allclose(r, 0.0): rtol 1e-5, atol 1e-8
    expect(r.every((x) => Math.abs(x) <= 1e-8)).to.equal(false);
    expect(Math.max(...r) === Math.min(...r)).to.equal(false);
  });
  it('test_GlobalNeuronRandomVariable', () => {
    net.simulate(1);
    const r = global.r as number;
    assertAllclose(r, 0.5, { atol: 0.5 });
    // unittest's assertNotAlmostEqual: round(r - 0.0, 7) != 0
    expect(Math.round(r * 1e7) / 1e7).to.not.equal(0);
  });
});

describe('test_SynapseRandomVariables', () => {
  let net: Network;
  let proj: Projection;
  before(() => {
    const mySynapse = new Synapse({ equations: 'w = Normal(1.0, 0.001)' });
    net = new Network();
    const v = new Population(5, new LeakyIntegrator(), { network: net });
    proj = new Projection(v, v, 'exc', mySynapse).connectFixedNumberPre({ number: 1, weights: 0.0 });
    net.compile();
    net.setSeed(1);
  });
  beforeEach(() => net.reset());

  it('test_LocalSynapseRandomVariable', () => {
    net.simulate(1);
    const w = (proj.w as number[][]).flat();
    assertAllclose(w, 1.0, { atol: 0.01 }); // -0.99<=x<=1.01
    expect(Math.max(...w) === Math.min(...w)).to.equal(false);
  });
});
