// Port of ANNarchy 4.7.3 tests/Common/test_ITE.py (model strings and expected values).
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose } from './helpers.js';

describe('test_ITE', () => {
  let net: Network;
  let pops: Population[];
  before(() => {
    const SimpleITE = new Neuron({ equations: 'r = if (t is 1): 1.0 else: 0.0' });
    const NestedITE = new Neuron({
      parameters: 'state = 1.0',
      equations: `
        r = if (t <= 5):
                0
            else:
                if (t >= 7):
                    2
                else:
                    1
      `,
    });
    const ITEinODE = new Neuron({ equations: 'dr/dt = if t > 5: 1 else: 0' });
    const SimpleITE2 = new Neuron({ equations: 'r = ite(t is 1, 1.0, 0.0)' });
    const NestedITE2 = new Neuron({ parameters: 'state = 2.0', equations: 'r = ite(state >= 2, 2, ite(state == 1, 1, 0))' });
    const ITEinODE2 = new Neuron({ equations: 'dr/dt = ite((t > 5) and (t <20), 1, 0)' });
    net = new Network();
    pops = [SimpleITE, NestedITE, ITEinODE, SimpleITE2, NestedITE2, ITEinODE2].map((n) => new Population(1, n, { network: net }));
    net.compile();
  });
  beforeEach(() => net.reset());

  it('test_works', () => {
    net.simulate(10);
    const r = pops.map((p) => (p.get('r') as Float64Array)[0]);
    assertAllclose(r[0], 0.0);
    assertAllclose(r[1], 2.0);
    assertAllclose(r[2], 4.0);
    assertAllclose(r[3], 0.0);
    assertAllclose(r[4], 2.0);
    assertAllclose(r[5], 4.0);
  });
});
