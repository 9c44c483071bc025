// Port of ANNarchy 4.7.3 tests/Neuron/test_NeuronUpdate.py (model strings and expected values).
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { RecordedArray } from '../../src/engine/recorded-array.js';
import { assertAllclose } from './helpers.js';

describe('test_NeuronUpdate', () => {
  let net: Network;
  let loc: Population;
  let glob: Population;
  let mix: Population;
  let m: Monitor;
  before(() => {
    const local_eq = new Neuron({ equations: `
      noise = Uniform(0,1)
      r = t` });
    const global_eq = new Neuron({ equations: `
      noise = Uniform(0,1) : population
      glob_r = t : population
      r = t` });
    const mixed_eq = new Neuron({ parameters: 'glob_par = 1.0: population', equations: 'r = t + glob_par' });
    const bound_eq = new Neuron({
      parameters: `
        min_r=1.0: population
        max_r=3.0: population`,
      equations: 'r = t : min=min_r, max=max_r',
    });
    net = new Network({ seed: 1 });
    loc = new Population(3, local_eq, { network: net });
    glob = new Population(3, global_eq, { network: net });
    mix = new Population(3, mixed_eq, { network: net });
    const bound = new Population(3, bound_eq, { network: net });
    m = new Monitor(bound, 'r');
    net.compile();
  });
  beforeEach(() => net.reset());

  it('test_single_update_local', () => {
    net.simulate(5);
    assertAllclose(loc.r, [4.0, 4.0, 4.0]);
  });
  it('test_single_update_global', () => {
    net.simulate(5);
    assertAllclose(glob.glob_r, [4.0]);
  });
  it('test_single_update_mixed', () => {
    net.simulate(5);
    assertAllclose(mix.r, [5.0, 5.0, 5.0]);
  });
  it('test_bound_update', () => {
    net.simulate(5);
    assertAllclose((m.get('r') as RecordedArray).column(0), [1, 1, 2, 3, 3]);
  });
});
