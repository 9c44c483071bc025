// Port of ANNarchy 4.7.3 tests/Common/test_BuiltinFunctions.py (model strings and expected values).
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose } from './helpers.js';

describe('test_BuiltinFunctions', () => {
  let net: Network;
  let mon: Monitor;
  before(() => {
    const BuiltinFuncs = new Neuron({
      parameters: 'base = 2.0',
      equations: `
        r = modulo(t,3)
        pr = power(base,3)
        clip_below = clip(-2, -1, 1)
        clip_within = clip(0, -1, 1)
        clip_above = clip(2, -1, 1)
      `,
    });
    net = new Network();
    const pop1 = new Population(1, BuiltinFuncs, { network: net });
    mon = new Monitor(pop1, ['r', 'pr', 'clip_below', 'clip_within', 'clip_above']);
    net.compile();
  });
  beforeEach(() => net.reset());
  afterEach(() => { mon.get(); });

  it('test_modulo', () => {
    net.simulate(10);
    assertAllclose(mon.get('r'), [[0.0], [1.0], [2.0], [0.0], [1.0], [2.0], [0.0], [1.0], [2.0], [0.0]]);
  });
  it('test_integer_power', () => {
    net.simulate(1);
    assertAllclose(mon.get('pr'), [[8.0]]);
  });
  it('test_clip_below', () => {
    net.simulate(1);
    assertAllclose(mon.get('clip_below'), [[-1.0]]);
  });
  it('test_clip_within', () => {
    net.simulate(1);
    assertAllclose(mon.get('clip_within'), [[0.0]]);
  });
  it('test_clip_above', () => {
    net.simulate(1);
    assertAllclose(mon.get('clip_above'), [[1.0]]);
  });
});
