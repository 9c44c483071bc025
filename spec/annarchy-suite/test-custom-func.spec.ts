// Port of ANNarchy 4.7.3 tests/Common/test_CustomFunc.py (model strings and expected values).
// 4.7.3's own suite never ran this class (no storage-format mixin registers it); ported as written.
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { clear } from '../../src/engine/global-functions.js';
import type { ModelFunction } from '../../src/engine/model-functions.js';
import { addFunction } from '../../src/language/global-functions.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { assertAllclose } from './helpers.js';

describe('test_CustomFunc', () => {
  let net: Network;
  let pop: Population & { transfer_function: ModelFunction };
  let proj: Projection & { hebb: ModelFunction };
  before(() => {
    addFunction('glob_pos(x) = pos(x)');
    const neuron = new Neuron({
      equations: 'r = transfer_function(sum(exc), 0.0)',
      functions: 'transfer_function(x, t) = if x > t: if x > 2*t : (x - 2*t)^2 else: x - t else: 0.',
    });
    const neuron2 = new Neuron({ equations: 'r = glob_pos(sum(exc))' });
    const synapse = new Synapse({ equations: 'w += hebb(pre.r, post.r)', functions: 'hebb(x, y) = x * y' });
    net = new Network();
    pop = new Population(10, neuron, { network: net }) as typeof pop;
    new Population(10, neuron2, { network: net });
    proj = new Projection(pop, pop, 'exc', synapse).connectAllToAll({ weights: 1.0 }) as typeof proj;
    net.compile();
  });
  after(() => clear());
  beforeEach(() => net.reset());

  it('test_neuron', () => {
    // numpy arrays: Float64Array here
    assertAllclose(pop.transfer_function(Float64Array.of(0, 1, 2, 3), Float64Array.of(2, 2, 2, 2)), [0, 0, 0, 1]);
  });
  it('test_neuron2', () => {
    assertAllclose(pop.transfer_function([0, 1, 2, 3], [2, 2, 2, 2]), [0, 0, 0, 1]);
  });
  it('test_synapse', () => {
    assertAllclose(proj.hebb(Float64Array.of(0, 1, 2, 3), Float64Array.of(0, 1, 2, 3)), [0, 1, 4, 9]);
  });
  it('test_synapse2', () => {
    assertAllclose(proj.hebb([0, 1, 2, 3], [0, 1, 2, 3]), [0, 1, 4, 9]);
  });
});
