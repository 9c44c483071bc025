// Port of ANNarchy 4.7.3 tests/Interface/test_Record.py (model strings and expected values).
// Methods run in unittest's (alphabetical) order, as the original relies on (test_a_pauserec).
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { RecordedArray } from '../../src/engine/recorded-array.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { assertAllclose, unittestMethods } from './helpers.js';

/** rows [k, k, ...] (width columns) for k = from, from + step, ... (count rows) */
const ramp = (count: number, width: number, from = 0, step = 1) => Array.from({ length: count }, (_, k) => new Array(width).fill(from + k * step));

describe('test_Record', () => {
  let net: Network;
  const mons: Record<string, Monitor> = {};
  before(() => {
    const neuron = new Neuron({ equations: 'r = t' });
    const neuron2 = new Neuron({ equations: 'v = v + 1.0', spike: 'v == 5.0', reset: 'v = 3.0' });
    const neuron3 = new Neuron({ equations: 'v = v + 1.0', spike: 'v == 3.0', reset: 'v = 1.0 ', refractory: 3.0 });
    const Oja = new Synapse({ parameters: 'tau = 5000.0\nalpha = 8.0', equations: 'w = t' });
    net = new Network();
    const pop1 = new Population(3, neuron, { network: net });
    const pop2 = new Population(5, neuron, { network: net });
    const pop3 = new Population(3, neuron2, { network: net });
    const pop4 = new Population(3, neuron3, { network: net });
    new Projection(pop1, pop2, 'exc', Oja).connectAllToAll({ weights: 1.0 });
    mons.m = new Monitor(pop1, 'r');
    mons.n = new Monitor(pop1.slice(undefined, 2), 'r');
    mons.o = new Monitor(pop1, 'r', { period: 10.0 });
    mons.p = new Monitor(pop1, 'r', { start: false });
    mons.q = new Monitor(pop1.neuron(0).add(pop1.neuron(2)), 'r');
    mons.r = new Monitor(pop2.slice(undefined, 2).add(pop2.neuron(4)), 'r');
    mons.s = new Monitor(pop3, ['v', 'spike']);
    mons.t = new Monitor(pop4, ['v', 'spike']);
    net.compile();
  });
  beforeEach(() => net.reset());
  afterEach(() => { for (const mon of Object.values(mons)) mon.get(); });

  const data = (name: string) => mons[name]!.get() as Record<string, RecordedArray>;
  unittestMethods({
    test_r_sim_10: () => {
      net.simulate(10);
      assertAllclose(data('m').r, ramp(10, 3));
    },
    test_r_first_neurons: () => {
      net.simulate(10);
      assertAllclose(data('n').r, ramp(10, 2));
    },
    test_r_sim_100_p_10: () => {
      net.simulate(100);
      assertAllclose(data('o').r, ramp(10, 3, 0, 10));
    },
    test_startrec: () => {
      net.simulate(10);
      mons.p!.start();
      net.simulate(10);
      assertAllclose(data('p').r, ramp(10, 3, 10));
    },
    test_a_pauserec: () => {
      mons.m!.pause();
      net.simulate(10);
      mons.m!.resume();
      net.simulate(10);
      assertAllclose(data('m').r, ramp(10, 3, 10));
    },
    test_r_after_5: () => {
      net.simulate(10);
      assertAllclose(data('m').r!.row(5), [5.0, 5.0, 5.0]);
    },
    test_r_from_rank: () => {
      net.simulate(10);
      assertAllclose(data('m').r!.column(1), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]);
    },
    test_popview: () => {
      net.simulate(10);
      assertAllclose(data('q').r, ramp(10, 2));
    },
    test_popview2: () => {
      net.simulate(10);
      assertAllclose(data('r').r, ramp(10, 3));
    },
    test_spike: () => {
      net.simulate(10);
      const spikes = mons.s!.get('spike') as Record<number, number[]>;
      expect(spikes[0]).to.deep.equal([4, 6, 8]);
    },
    test_r_ref: () => {
      net.simulate(10);
      assertAllclose(data('t').v, [[1, 1, 1], [2, 2, 2], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [2, 2, 2], [1, 1, 1], [1, 1, 1], [1, 1, 1]]);
    },
    test_spike_ref: () => {
      net.simulate(10);
      const spikes = mons.t!.get('spike') as Record<number, number[]>;
      expect(spikes[1]).to.deep.equal([2, 7]);
    },
  });
});
