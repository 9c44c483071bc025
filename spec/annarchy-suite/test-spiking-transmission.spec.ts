// Port of ANNarchy 4.7.3 tests/Synapse/test_SpikingTransmission.py (model strings and expected values).
// ANNarchy runs each class once per storage format; the project has one sparse layout.
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { DiscreteUniform } from '../../src/engine/random/index.js';
import { assertAllclose } from './helpers.js';


/** 5 emitters spiking at t == 1, all-to-all onto 2 receivers whose g_exc is recorded. */
function build(delays?: number): { net: Network; m: Monitor } {
  const simple_emit = new Neuron({ spike: 't==1' });
  const simple_recv = new Neuron({ equations: 'g_exc = 0', spike: 'g_exc>30' });
  const net = new Network();
  const in_pop = new Population(5, simple_emit, { network: net });
  const out_pop = new Population(2, simple_recv, { network: net });
  new Projection(in_pop, out_pop, 'exc').connectAllToAll({ weights: 1.0, ...(delays === undefined ? {} : { delays }) });
  const m = new Monitor(out_pop, ['g_exc']);
  net.compile();
  return { net, m };
}

describe('test_SpikeTransmissionNoDelay', () => {
  let s: { net: Network; m: Monitor };
  before(() => { s = build(); });
  beforeEach(() => {
    s.net.reset({ populations: true, projections: true });
    s.m.get();
  });
  it('test_non_delay', () => {
    s.net.simulate(5);
    assertAllclose(s.m.get('g_exc'), [[0.0, 0.0], [0.0, 0.0], [5.0, 5.0], [0.0, 0.0], [0.0, 0.0]]);
  });
});

describe('test_SpikeTransmissionUniformDelay', () => {
  let s: { net: Network; m: Monitor };
  before(() => { s = build(3.0); });
  beforeEach(() => {
    s.net.reset({ populations: true, projections: true });
    s.m.get();
  });
  it('test_uniform_delay', () => {
    s.net.simulate(6);
    assertAllclose(s.m.get('g_exc'), [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [5.0, 5.0], [0.0, 0.0]]);
  });
});

describe('test_SpikeTransmissionNonUniformDelay', () => {
  let net: Network;
  let m: Monitor;
  let proj: Projection;
  before(() => {
    const simple_emit = new Neuron({ spike: 't==1' });
    const simple_recv = new Neuron({ equations: 'g_exc = 0', spike: 'g_exc>30' });
    net = new Network();
    const in_pop = new Population(5, simple_emit, { network: net });
    const out_pop = new Population(2, simple_recv, { network: net });
    proj = new Projection(in_pop, out_pop, 'exc').connectAllToAll({ weights: 1.0, delays: new DiscreteUniform(2, 10) });
    m = new Monitor(out_pop, ['g_exc']);
    net.compile();
  });
  beforeEach(() => {
    net.reset({ populations: true, projections: true });
    m.get();
  });
  it('test_nonuniform_delay', () => {
    // ANNarchy's test calls the private _set_delay, which the public delay setter calls
    proj.delay = [[1.0, 2.0, 3.0, 2.0, 1.0], [3.0, 2.0, 1.0, 2.0, 3.0]];
    net.simulate(5);
    assertAllclose(m.get('g_exc'), [[0.0, 0.0], [0.0, 0.0], [2.0, 1.0], [2.0, 2.0], [1.0, 2.0]]);
  });
});
