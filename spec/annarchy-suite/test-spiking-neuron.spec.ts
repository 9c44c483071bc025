// Port of ANNarchy 4.7.3 tests/Neuron/test_SpikingNeuron.py (model strings and expected values).
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose } from './helpers.js';

describe('test_SpikingCondition', () => {
  let net: Network;
  let pop1: Population;
  let pop2: Population;
  let pop3: Population;
  before(() => {
    const neuron1 = new Neuron({ equations: 'v = v + 1.0', spike: 'v == 3.0', reset: 'v = 1.0' });
    const neuron2 = new Neuron({ parameters: 'Vt = 3.0', equations: 'v = v + 1.0', spike: 'v == Vt', reset: 'v = 1.0 ', refractory: 3.0 });
    const neuron3 = new Neuron({ parameters: 'Vt = 3.0 : population', equations: 'v = v + 1.0', spike: 'v == Vt', reset: 'v = 1.0 ' });
    net = new Network();
    pop1 = new Population(3, neuron1, { network: net });
    pop2 = new Population(3, neuron2, { network: net });
    pop3 = new Population(3, neuron3, { network: net });
    net.compile();
  });
  beforeEach(() => net.reset());

  /** v of neuron 0 before the first step, then after each 1 ms step. */
  function trace(pop: Population, expected: number[]): void {
    assertAllclose(pop.neuron(0).v, expected[0]!);
    for (const e of expected.slice(1)) {
      net.simulate(1);
      assertAllclose(pop.neuron(0).v, e);
    }
  }

  it('test_v', () => trace(pop1, [0.0, 1.0, 2.0, 1.0, 2.0, 1.0]));
  it('test_v_ref', () => trace(pop2, [0.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0, 2.0]));
  it('test_v_conditioned', () => trace(pop3, [0.0, 1.0, 2.0, 1.0, 2.0, 1.0]));
});
