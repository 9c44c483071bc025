// Port of ANNarchy 4.7.3 tests/Synapse/test_Dendrite.py (model strings and expected values).
// ANNarchy runs each class once per storage format; the project has one sparse layout. Methods
// run in unittest's (alphabetical) order: reset() keeps synapses, and later methods expect what
// earlier ones set.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { SynapseAccess } from '../../src/engine/dendrite.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { assertAllclose, unittestMethods } from './helpers.js';

function build(synapse?: Synapse): Projection {
  const neuron = new Neuron({ parameters: 'tau = 10', equations: 'r += 1/tau * t' });
  const neuron2 = new Neuron({ parameters: 'tau = 10: population', equations: 'r += 1/tau * t: init = 1.0' });
  const net = new Network();
  const pop1 = new Population(5, neuron, { network: net });
  const pop2 = new Population(8, neuron2, { network: net });
  const proj = new Projection(pop1, pop2, 'exc', synapse);
  // force_multiple_weights: the project always stores one weight per synapse
  proj.connectAllToAll({ weights: 1.0 });
  net.compile();
  return proj;
}

/** `dendrite[i]`: the i-th synapse of the dendrite (position, not pre rank). */
const nth = (proj: Projection, post: number, i: number) => new SynapseAccess(proj.dendrite(post), i);

const shared = (proj: () => Projection) => ({
  test_none: () => expect(() => proj().dendrite(14)).to.throw(),
  test_pre_ranks: () => expect(proj().dendrite(5).preRanks).to.deep.equal([0, 1, 2, 3, 4]),
  test_dendrite_size: () => expect(proj().dendrite(3).size).to.equal(5),
  test_get_dendrite_weights: () => assertAllclose(proj().dendrite(7).w, [1.0, 1.0, 1.0, 1.0, 1.0]),
  test_set_weights: () => {
    proj().dendrite(6).w = 2.0;
    assertAllclose(proj().dendrite(6).w, [2.0, 2.0, 2.0, 2.0, 2.0]);
  },
  test_set_weights_2: () => {
    nth(proj(), 6, 2).w = 3.0;
    assertAllclose(proj().dendrite(6).w, [2.0, 2.0, 3.0, 2.0, 2.0]);
  },
});

describe('test_DendriteDefaultSynapse', () => {
  let proj: Projection;
  before(() => { proj = build(); });
  beforeEach(() => proj.network.reset());
  unittestMethods(shared(() => proj));
});

describe('test_DendriteModifiedSynapse', () => {
  let proj: Projection;
  before(() => {
    const Oja = new Synapse({
      parameters: `
        tau = 5000.0 : postsynaptic
        alpha = 8.0`,
      equations: 'tau * dw/dt = pre.r * post.r - alpha * post.r^2 * w',
    });
    proj = build(Oja);
  });
  beforeEach(() => proj.network.reset());
  unittestMethods({
    ...shared(() => proj),
    test_get_dendrite_tau: () => assertAllclose(proj.dendrite(1).tau, 5000.0),
    test_get_dendrite_alpha: () => assertAllclose(proj.dendrite(0).alpha, [8.0, 8.0, 8.0, 8.0, 8.0]),
    test_set_tau: () => {
      proj.tau = 6000.0;
      assertAllclose(proj.dendrite(0).tau, 6000.0);
    },
    test_set_tau_2: () => {
      const oldValue = [...(proj.tau as number[])];
      oldValue[1] = 7000.0;
      proj.dendrite(1).tau = 7000.0;
      assertAllclose(proj.dendrite(1).tau, 7000.0);
      assertAllclose(proj.tau, oldValue);
    },
    test_set_alpha: () => {
      proj.dendrite(4).alpha = 9.0;
      assertAllclose(proj.dendrite(4).alpha, [9.0, 9.0, 9.0, 9.0, 9.0]);
    },
    test_set_alpha_2: () => {
      nth(proj, 4, 1).alpha = 10.0;
      assertAllclose(proj.dendrite(4).alpha, [9.0, 10.0, 9.0, 9.0, 9.0]);
    },
    test_set_with_dict: () => {
      const newValue = [...(proj.tau as number[])];
      newValue[1] = 7000.0;
      proj.dendrite(1).set({ tau: 7000 });
      assertAllclose(proj.tau, newValue);
    },
    test_get_by_name: () => assertAllclose(proj.dendrite(1).get('tau'), 5000.0),
  });
});
