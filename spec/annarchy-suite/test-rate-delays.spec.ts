// Port of ANNarchy 4.7.3 tests/Synapse/test_RateDelays.py (model strings and expected values).
// ANNarchy runs each class once per storage format; the project has one sparse layout.
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { DiscreteUniform, NumpyRandomState, Uniform } from '../../src/engine/random/index.js';
import { assertAllclose } from './helpers.js';
import { sharedDelayClasses } from './rate-delay-classes.js';

const rng = new NumpyRandomState(2);

/** numpy.sum(numpy.multiply(weights, pre_r), axis=1) with weights post x pre. */
const weightedSum = (weights: number[][], preR: ArrayLike<number>) => weights.map((row) => row.reduce((s, w, j) => s + w * preR[j]!, 0));

describe('test_NoDelay', () => {
  let net: Network;
  let pop1: Population;
  let pop2: Population;
  let pop3: Population;
  let proj: Projection;
  let proj2: Projection;
  let proj3: Projection;
  before(() => {
    const neuron = new Neuron({ parameters: 'r=0.0' });
    const out1 = new Neuron({ equations: 'r =  sum(one2one)' });
    const out2 = new Neuron({ equations: 'r =  sum(all2all) + sum(fnp)' });
    net = new Network();
    pop1 = new Population([17, 17], neuron, { network: net });
    pop2 = new Population([17, 17], out1, { network: net });
    pop3 = new Population(4, out2, { network: net });
    proj = new Projection(pop1, pop2, 'one2one').connectOneToOne({ weights: new Uniform(0, 1) });
    proj2 = new Projection(pop1, pop3, 'all2all').connectAllToAll({ weights: new Uniform(0, 1) });
    proj3 = new Projection(pop1, pop3, 'fnp').connectFixedNumberPre({ number: 5, weights: new Uniform(0, 1) });
    net.compile();
  });
  beforeEach(() => net.reset());

  function check(p: Projection, post: Population, target: string): void {
    const preR = rng.random(289);
    const result = weightedSum(p.connectivityMatrix(), preR);
    pop1.r = preR;
    net.simulate(1);
    assertAllclose(post.sum(target), result);
  }
  it('test_one_to_one', () => check(proj, pop2, 'one2one'));
  it('test_all_to_all', () => check(proj2, pop3, 'all2all'));
  it('test_fixed_number_pre', () => check(proj3, pop3, 'fnp'));
});

sharedDelayClasses(rng, 'test_UniformDelay');

// 4.7.3's own suite registers this class as test_NonUniformDelay, a name the file does not define,
// so ANNarchy never ran it; ported here as written.
describe('test_NonuniformDelay', () => {
  let net: Network;
  let proj: Projection;
  let pop2: Population;
  before(() => {
    // r_t = [-1, 0, 2, 5, 9, 14, 20, ...]
    const inputNeuron = new Neuron({ equations: 'r = r + t : init = -1' });
    const neuron2 = new Neuron({ equations: 'r = sum(ff)' });
    net = new Network();
    const pop1 = new Population(3, inputNeuron, { network: net });
    pop2 = new Population(3, neuron2, { network: net });
    // A projection with non-uniform delay
    proj = new Projection(pop1, pop2, 'ff').connectOneToOne({ weights: 1.0, delays: new DiscreteUniform(1, 5) });
    net.compile();
  });
  beforeEach(() => {
    net.reset();
    // for unittest we fix the delay of the non-uniform case
    proj.delay = [[3], [5], [2]];
  });
  it('test_configured_nonuniform_delay', () => {
    net.simulate(5);
    // r = [-1, 0, 2, 5, 9, 14, 20, ...]
    assertAllclose(pop2.sum('ff'), [0.0, -1.0, 2.0]);
  });
  it('test_modified_nonuniform_delay', () => {
    // redefine synaptic delay, in this case to uniform
    proj.delay = [[3.0], [3.0], [3.0]];
    net.simulate(10);
    // should access (t-3)th element
    assertAllclose(pop2.sum('ff'), [20.0, 20.0, 20.0]);
  });
});
