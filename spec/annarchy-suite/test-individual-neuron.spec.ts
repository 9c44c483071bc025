// Port of ANNarchy 4.7.3 tests/Neuron/test_IndividualNeuron.py (model strings and expected values).
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { IndividualNeuron } from '../../src/engine/individual-neuron.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose } from './helpers.js';

describe('test_IndividualNeuron', () => {
  let net: Network;
  let pop1: Population;
  const n = (x: number, y: number) => pop1.at(x, y) as IndividualNeuron;
  before(() => {
    const neuron = new Neuron({ parameters: 'tau = 10', equations: 'r += 1/tau * t' });
    net = new Network();
    pop1 = new Population([8, 8], neuron, { network: net });
    net.compile();
  });
  beforeEach(() => net.reset());

  it('test_get_r', () => {
    assertAllclose(n(2, 2).add(n(3, 3)).add(n(4, 4)).r, [0.0, 0.0, 0.0]);
  });
  it('test_set_r', () => {
    n(2, 2).add(n(3, 3)).add(n(4, 4)).r = 1.0;
    assertAllclose(n(2, 2).add(n(3, 3)).add(n(4, 4)).r, [1.0, 1.0, 1.0]);
  });
  it('test_rank_assignment', () => {
    expect(n(2, 4).rank).to.equal(20); // 2 * 8 + 4
  });
});
