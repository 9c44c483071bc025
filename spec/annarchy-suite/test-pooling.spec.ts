// Port of ANNarchy 4.7.3 tests/Synapse/test_Pooling.py (models, extents and expected values).
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Pooling } from '../../src/engine/special/pooling.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose, reshape, unittestMethods } from './helpers.js';

describe('test_Pooling', () => {
  let pop2: Population, pop3: Population;
  let proj1: Pooling;
  before(() => {
    const neuron = new Neuron({ parameters: 'baseline = 0', equations: 'r = baseline' });
    const neuron2 = new Neuron({ equations: 'r = sum(exc) : init = 0.0' });

    const test_net = new Network();
    const pop1 = new Population([2, 3, 10], neuron, { network: test_net });
    pop2 = new Population([2, 3], neuron2, { network: test_net });
    pop3 = new Population([1, 1, 10], neuron2, { network: test_net });

    proj1 = new Pooling(pop1, pop2, 'exc', { operation: 'mean' });
    proj1.connectPooling({ extent: [1, 1, 10] });

    const proj2 = new Pooling(pop1, pop3, 'exc', { operation: 'mean' });
    proj2.connectPooling({ extent: [2, 3, 1] });

    test_net.compile();

    // baseline = numpy.arange(0.0, 6.0, 0.1) reshaped to (10, 2, 3), then moveaxis(0, -1): (2, 3, 10)
    const a = Array.from({ length: 60 }, (_, k) => k * 0.1);
    const baseline = new Float64Array(60);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 10; k++) baseline[(i * 3 + j) * 10 + k] = a[k * 6 + i * 3 + j]!;
    pop1.baseline = baseline;
    test_net.simulate(2);
  });

  unittestMethods({
    test_get_size() {
      expect(proj1.size).to.equal(6);
    },
    test_get_post_ranks() {
      expect(proj1.postRanks).to.deep.equal(Array.from({ length: 6 }, (_, i) => i));
    },
    test_pool() {
      const comb = [[2.7, 2.8, 2.9],
                    [3.0, 3.1, 3.2]];
      assertAllclose(reshape(pop2.get('r') as Float64Array, [2, 3]), comb);
    },
    test_pool2() {
      const comb = Array.from({ length: 10 }, (_, i) => 0.25 + 0.6 * i);
      assertAllclose(pop3.get('r') as Float64Array, comb);
    },
  });
});
