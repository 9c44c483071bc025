// Port of ANNarchy 4.7.3 tests/Neuron/test_PopulationView.py (model strings and expected values).
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { PopulationView } from '../../src/engine/population-view.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose } from './helpers.js';

describe('test_PopulationView', () => {
  let net: Network;
  let pop1: Population;
  const v = (x: number | null, y: number | null) => pop1.at(x, y) as PopulationView;
  before(() => {
    const neuron = new Neuron({ parameters: 'tau = 10', equations: 'r += 1/tau * t' });
    net = new Network();
    pop1 = new Population([8, 8], neuron, { network: net });
    net.compile();
  });
  beforeEach(() => net.reset());

  it('test_get_r', () => {
    assertAllclose(v(null, 2).r, new Array(8).fill(0));
  });
  it('test_set_r', () => {
    v(null, 2).r = 1.0;
    assertAllclose(v(null, 2).r, new Array(8).fill(1));
  });
  it('test_rank_assignment_column', () => {
    assertAllclose(v(null, 4).ranks, [4, 12, 20, 28, 36, 44, 52, 60]);
  });
  it('test_rank_assignment_row', () => {
    assertAllclose(v(2, null).ranks, [16, 17, 18, 19, 20, 21, 22, 23]);
  });
});
