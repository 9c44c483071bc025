import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';
import type { RecordedArray } from '../../../src/engine/recorded-array.js';

// ANNarchy 4.7.3 delays a population-wide pre-synaptic variable read in psp like a per-neuron one
// (generator/Population/SingleThreadGenerator.py _delay_code: std::deque<double> _delayed_x for
// a global attribute; filled with the current value at reset), issue 20 item 1.
describe('engine: population-wide pre-synaptic variables in psp are delayed', () => {
  function net(delays: number) {
    const n = new Network({ dt: 1 });
    const pre = new Population(3, new Neuron({ equations: 'glob_r = glob_r + t : init = -1, population\n r = 0' }), { network: n });
    const post = new Population(3, new Neuron({ equations: 'r = sum(exc)' }), { network: n });
    const proj = new Projection(pre, post, 'exc', new Synapse({ psp: 'pre.glob_r * w' }), { network: n });
    proj.connectOneToOne({ weights: 1, delays });
    const m = new Monitor(post, ['sum(exc)']);
    n.compile();
    return { n, m };
  }
  // glob_r after step s: -1 + 0 + 1 + ... + s = -1 + s(s+1)/2
  const globAfter = (s: number) => -1 + (s * (s + 1)) / 2;

  it('delays 10 ms at dt 1: sum(exc) stays -1 for the first 10 ms, then follows glob_r 10 steps late', () => {
    const { n, m } = net(10);
    n.simulate(15);
    const sums = Array.from((m.get('sum(exc)') as RecordedArray).column(0));
    // step k reads glob_r at the end of step k - 10 (the initial -1 before that)
    expect(sums.slice(0, 11)).to.deep.equal(new Array(11).fill(-1));
    expect(sums.slice(10)).to.deep.equal([10, 11, 12, 13, 14].map((k) => globAfter(k - 10)));
  });

  it('without a delay psp reads the value of the previous step, as pre.r', () => {
    const { n, m } = net(0);
    n.simulate(4);
    expect(Array.from((m.get('sum(exc)') as RecordedArray).column(1))).to.deep.equal([-1, globAfter(0), globAfter(1), globAfter(2)]);
  });

  it('reset() refills the delayed copies with the reset value', () => {
    const { n, m } = net(10);
    n.simulate(20);
    n.reset({ projections: true });
    n.simulate(3);
    expect(Array.from((m.get('sum(exc)') as RecordedArray).column(2))).to.deep.equal([-1, -1, -1]);
  });
});

// ANNarchy 4.7.3 _update_synapse (generator/Projection/SingleThreadGenerator.py): with a uniform
// delay of d steps, per-synapse equations read pre.x as _delayed_x[delay-1]. The queue is pushed
// in step 6, before the synapse update of step 8, so that is the value after step t-d+1 (source).
describe('engine: per-synapse equations read delayed pre-synaptic variables', () => {
  const ramp = (spiking: boolean) => new Neuron(spiking
    ? { equations: 'u = t', spike: 'u < 0', reset: 'u = 0' }
    : { equations: 'u = t\n r = 0' });
  function run(spiking: boolean, delays: number) {
    const n = new Network({ dt: 1 });
    const pre = new Population(2, ramp(spiking), { network: n });
    const post = new Population(2, spiking
      ? new Neuron({ equations: 'v = g_exc', spike: 'v > 1e9', reset: 'v = 0' })
      : new Neuron({ equations: 'r = sum(exc)' }), { network: n });
    const syn = spiking ? new Synapse({ equations: 'x = pre.u', preSpike: 'g_target += w' }) : new Synapse({ equations: 'x = pre.u' });
    const proj = new Projection(pre, post, 'exc', syn, { network: n });
    proj.connectOneToOne({ weights: 1, delays });
    n.compile();
    const xs: number[] = [];
    for (let k = 0; k < 6; k++) {
      n.step();
      xs.push((proj.get('x') as number[][])[0]![0]!);
    }
    return xs;
  }

  for (const spiking of [false, true]) {
    it(`${spiking ? 'spiking' : 'rate-coded'}: delays 3 -> pre.u after step t-2 (the initial 0 before)`, () => {
      expect(run(spiking, 3)).to.deep.equal([0, 0, 0, 1, 2, 3]);
    });
    it(`${spiking ? 'spiking' : 'rate-coded'}: no delay -> pre.u of the same step`, () => {
      expect(run(spiking, 0)).to.deep.equal([0, 1, 2, 3, 4, 5]);
    });
  }
});
