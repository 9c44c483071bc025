// Port of ANNarchy 4.7.3 tests/Synapse/test_Convolution.py (models, filters and expected values).
// numpy's reshape/moveaxis/rollaxis of the inputs and results are written out as index maps.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Convolution } from '../../src/engine/special/convolution.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose, reshape, unittestMethods } from './helpers.js';

const conv_filter = [[-1., 0.0, 1.], [-1., 0.1, 1.], [-1., 0.5, 1.]];
// numpy.array([[[[1,0,0],[0,1,1],[0,0,1]], [[0,1,0],[0,1,1],[0,1,0]]], [[[1,0,0],[0,-1,-1],[0,0,1]], [[0,0,1],[0,1,1],[1,0,0]]]])
const bo_raw = [[[[1, 0, 0], [0, 1, 1], [0, 0, 1]],
                 [[0, 1, 0], [0, 1, 1], [0, 1, 0]]],
                [[[1, 0, 0], [0, -1, -1], [0, 0, 1]],
                 [[0, 0, 1], [0, 1, 1], [1, 0, 0]]]];
// bo_filters = numpy.moveaxis(bo_filters, 1, -1): shape (2, 3, 3, 2), new[a][i][j][b] = raw[a][b][i][j]
const bo_filters = bo_raw.map((f) => [0, 1, 2].map((i) => [0, 1, 2].map((j) => [0, 1].map((b) => f[b]![i]![j]!))));

/** numpy.rollaxis(x, 2) of a (3, 4, 2) array read flat: (2, 3, 4). */
const rollLast = (flat: ArrayLike<number>) => [0, 1].map((c) => [0, 1, 2].map((i) => [0, 1, 2, 3].map((j) => flat[(i * 4 + j) * 2 + c]!)));

describe('test_Convolution', () => {
  let test_net: Network;
  let pop0: Population, pop1: Population, pop2: Population, pop3: Population;
  let proj0: Convolution;
  before(() => {
    const neuron = new Neuron({ parameters: 'baseline = 0', equations: 'r = baseline' });
    const neuron2 = new Neuron({
      equations: `
                r = sum(exc) : init = 0.0
                mr = sum(mex) : init = 0.0
                pr = sum(pex) : init = 0.0
                br = sum(bex) : init = 0.0
            `,
    });
    test_net = new Network();
    pop0 = new Population([3, 4], neuron, { network: test_net });
    pop1 = new Population([3, 4], neuron2, { network: test_net });
    pop2 = new Population([3, 4, 2], neuron, { network: test_net });
    pop3 = new Population([3, 4, 2], neuron2, { network: test_net });

    proj0 = new Convolution(pop0, pop1, 'exc');
    proj0.connectFilter(conv_filter);

    const proj1 = new Convolution(pop0, pop1, 'mex', { operation: 'max' });
    proj1.connectFilter(conv_filter);

    const proj2 = new Convolution(pop0, pop1, 'pex', { psp: 'w * pre.r * pre.r' });
    proj2.connectFilter(conv_filter);

    const proj3 = new Convolution(pop2, pop1, 'bex');
    proj3.connectFilter(bo_filters[0]!);

    const proj4 = new Convolution(pop2, pop3, 'pex');
    proj4.connectFilter(conv_filter, { keepLastDimension: true });

    const ssList: number[][] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) ssList.push([i, j, 0]);
    const proj5 = new Convolution(pop2, pop3, 'exc');
    proj5.connectFilters(bo_filters, { padding: 0.0, subsampling: ssList });

    test_net.compile();
  });

  beforeEach(() => {
    // baseline = numpy.reshape(numpy.arange(0.0, 1.2, 0.1), (3, 4)); arange: start + k * step
    const baseline = Array.from({ length: 12 }, (_, k) => k * 0.1);
    // baseline2 = numpy.moveaxis(numpy.array([baseline, baseline + 2]), 0, 2): (3, 4, 2)
    const baseline2 = baseline.flatMap((b) => [b, b + 2]);
    pop0.baseline = Float64Array.from(baseline);
    pop2.baseline = Float64Array.from(baseline2);
    test_net.simulate(2);
  });

  unittestMethods({
    test_get_weights() {
      assertAllclose(proj0.get('weights'), conv_filter);
    },
    test_get_size() {
      expect(proj0.size).to.equal(12);
    },
    test_get_post_ranks() {
      expect(proj0.postRanks).to.deep.equal(Array.from({ length: 12 }, (_, i) => i));
    },
    test_post_simple_convolution() {
      const comb = [[0.8, 0.66, 0.72, -0.42],
                    [1.94, 1.1, 1.16, -1.18],
                    [1.48, 0.49, 0.5, -1.49]];
      assertAllclose(reshape(pop1.get('r') as Float64Array, [3, 4]), comb);
    },
    test_post_max_convolution() {
      const comb = [[0.5, 0.6, 0.7, 0.35],
                    [0.9, 1.0, 1.1, 0.55],
                    [0.9, 1.0, 1.1, 0.11]];
      assertAllclose(reshape(pop1.get('mr') as Float64Array, [3, 4]), comb);
    },
    test_non_linear_conv() {
      const comb = [[0.34, 0.366, 0.504, -0.146],
                    [1.406, 1.03, 1.256, -0.746],
                    [1.124, 0.641, 0.74, -1.239]];
      assertAllclose(reshape(pop1.get('pr') as Float64Array, [3, 4]), comb);
    },
    test_layer_wise_conv() {
      const comb = [[[0.8, 0.66, 0.72, -0.42],
                     [1.94, 1.1, 1.16, -1.18],
                     [1.48, 0.49, 0.5, -1.49]],
                    [[6.0, 1.86, 1.92, -3.22],
                     [9.14, 2.3, 2.36, -5.98],
                     [5.68, 0.69, 0.7, -5.29]]];
      const pr = rollLast(pop3.get('pr') as Float64Array);
      assertAllclose(pr, comb);
    },
    test_simple_bank_of_filters() {
      const comb = [[7.1, 7.7, 8.3, 5.3],
                    [11.5, 12.2, 13.0, 9.0],
                    [9.8, 10.7, 11.3, 7.5]];
      assertAllclose(reshape(pop1.get('br') as Float64Array, [3, 4]), comb);
    },
    test_bank_of_filters() {
      const comb = [[[7.1, 7.7, 8.3, 5.3],
                     [11.5, 12.2, 13.0, 9.0],
                     [9.8, 10.7, 11.3, 7.5]],
                    [[4.5, 7.0, 7.2, 4.6],
                     [7.0, 10.0, 10.4, 5.2],
                     [6.5, 7.0, 7.2, 2.6]]];
      const r = rollLast(pop3.get('r') as Float64Array);
      assertAllclose(r, comb);
    },
  });
});
