// Port of ANNarchy 4.7.3 tests/Synapse/test_SpecificProjections.py (model strings and expected values).
import { expect } from 'chai';
import { Monitor } from '../../src/engine/monitor.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { CurrentInjection } from '../../src/engine/special/current-injection.js';
import { Neuron } from '../../src/language/neuron.js';
import { RecordedArray } from '../../src/engine/recorded-array.js';
import { assertAllclose } from './helpers.js';

describe('test_CurrentInjection', () => {
  let net: Network;
  let m: Monitor;
  before(() => {
    const SimpleSpike = new Neuron({ equations: 'mp=g_exc', spike: 'mp >= 1.0', reset: '' });
    net = new Network();
    const inp = new Population(1, new Neuron({ equations: 'r=sin(t)' }), { network: net });
    const out = new Population(1, SimpleSpike, { network: net });
    m = new Monitor(out, 'mp');
    new CurrentInjection(inp, out, 'exc').connectCurrent();
    net.compile();
  });
  beforeEach(() => net.reset());

  it('test_compile', () => expect(net.compiled).to.equal(true));
  it('test_run_one_loop', () => {
    net.simulate(11);
    const rec = m.get('mp') as RecordedArray;
    const recData = Array.from({ length: rec.shape[0]! }, (_, i) => rec.data[i * rec.shape[1]!]!);
    // there is 1 dt delay between the input and output
    const target = [0, ...Array.from({ length: 10 }, (_, x) => Math.sin(x))];
    assertAllclose(recData, target);
  });
});
