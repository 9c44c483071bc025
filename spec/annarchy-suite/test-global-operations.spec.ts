// Port of ANNarchy 4.7.3 tests/Neuron/test_GlobalOperations.py (model strings and expected values).
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { NumpyRandomState } from '../../src/engine/random/index.js';
import { assertAllclose } from './helpers.js';

const neuronDef = () => new Neuron({
  parameters: 'r=0',
  equations: `
    mean_r = mean(r)
    max_r = max(r)
    min_r = min(r)
    l1 = norm1(r)
    l2 = norm2(r)
  `,
});

function smallSuite(name: string, geometry: number | number[], r: number[] | number[][]): void {
  describe(name, () => {
    let net: Network;
    let pop: Population;
    before(() => {
      net = new Network();
      pop = new Population(geometry, neuronDef(), { network: net });
      net.compile();
    });
    beforeEach(() => {
      pop.r = r;
      net.simulate(2);
    });
    afterEach(() => net.reset());

    it('test_get_mean_r', () => assertAllclose(pop.mean_r, -1.0));
    it('test_get_max_r', () => assertAllclose(pop.max_r, 2.0));
    it('test_get_min_r', () => assertAllclose(pop.min_r, -5.0));
    it('test_get_l1_norm', () => assertAllclose(pop.l1, 12.0));
    if (name === 'test_GlobalOps_1D') {
      it('test_get_l2_norm', () => {
        const l2norm = Math.sqrt(Array.from(pop.r as Float64Array).reduce((s, x) => s + x * x, 0));
        assertAllclose(pop.l2, l2norm);
      });
    }
  });
}

smallSuite('test_GlobalOps_1D', 6, [2.0, 1.0, 0.0, -5.0, -3.0, -1.0]);

describe('test_GlobalOps_1D_Large', () => {
  let net: Network;
  let pop: Population;
  const rng = new NumpyRandomState(1);
  before(() => {
    net = new Network();
    pop = new Population(500, neuronDef(), { network: net });
    net.compile();
  });
  afterEach(() => net.reset());

  function check(attr: string, expected: (x: number[]) => number): void {
    const randVal = Array.from(rng.random(500));
    pop.r = randVal;
    net.simulate(2);
    assertAllclose(pop[attr], expected(randVal));
  }
  it('test_mean_r', () => check('mean_r', (x) => x.reduce((a, b) => a + b, 0) / x.length));
  it('test_min_r', () => check('min_r', (x) => Math.min(...x)));
  it('test_max_r', () => check('max_r', (x) => Math.max(...x)));
});

smallSuite('test_GlobalOps_2D', [2, 3], [[2.0, 1.0, 0.0], [-5.0, -3.0, -1.0]]);
