// Port of ANNarchy 4.7.3 tests/Synapse/test_SpikingDelays.py (model strings and expected values).
// ANNarchy runs each class once per storage format; the project has one sparse layout. Apart from
// test_SpikingNoDelay the classes of this file use rate-coded models, as in the original.
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { NumpyRandomState, Uniform } from '../../src/engine/random/index.js';
import { assertAllclose } from './helpers.js';
import { nonuniformDelayClass, sharedDelayClasses } from './rate-delay-classes.js';

const rng = new NumpyRandomState(3);

describe('test_SpikingNoDelay', () => {
  let net: Network;
  let pop1: Population;
  let pop2: Population;
  let pop3: Population;
  before(() => {
    const neuron = new Neuron({ parameters: 'v=0.0', spike: 'v>0' });
    const out1 = new Neuron({ equations: 'v += g_one2one', spike: 'v>30' });
    const out2 = new Neuron({ equations: 'v += g_all2all + g_fnp', spike: 'v>30' });
    net = new Network();
    pop1 = new Population([3, 3], neuron, { network: net });
    pop2 = new Population([3, 3], out1, { network: net });
    pop3 = new Population(4, out2, { network: net });
    new Projection(pop1, pop2, 'one2one').connectOneToOne({ weights: 1.0 });
    new Projection(pop1, pop3, 'all2all').connectAllToAll({ weights: new Uniform(0, 1) });
    new Projection(pop1, pop3, 'fnp').connectFixedNumberPre({ number: 5, weights: new Uniform(0, 1) });
    net.compile();
  });
  beforeEach(() => net.reset());

  it('test_one_to_one', () => {
    // numpy.random.randint(0, 2, (3, 3))
    const preV = Array.from({ length: 3 }, () => Array.from(rng.random(3), (x) => (x < 0.5 ? 1 : 0)));
    pop1.v = preV;
    net.simulate(2);
    assertAllclose(pop2.v, preV.flat());
  });
});

sharedDelayClasses(rng, 'test_SpikingUniformDelay');

// Synapse/__init__.py never imports test_SpikingDelays, so 4.7.3 never ran this class; ported as written.
nonuniformDelayClass('test_SpikingNonuniformDelay');
