// Port of ANNarchy 4.7.3 tests/Synapse/test_RateDelays.py (model strings and expected values).
// ANNarchy runs each class once per storage format; the project has one sparse layout.
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { NumpyRandomState, Uniform } from '../../src/engine/random/index.js';
import { assertAllclose } from './helpers.js';
import { nonuniformDelayClass, sharedDelayClasses } from './rate-delay-classes.js';

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
nonuniformDelayClass('test_NonuniformDelay');
