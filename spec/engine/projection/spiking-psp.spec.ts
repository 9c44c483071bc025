import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';

// ANNarchy 4.7.3 (_computesum_spiking): a spiking synapse with psp adds, every step and after
// the spike events, the sum of psp over the dendrite to g_target, computed like a rate-coded sum
// from the live pre-synaptic values.
describe('engine: psp in spiking synapses (continuous transmission)', () => {
  const build = (psp: string, preSpike?: string, delays?: number) => {
    const net = new Network();
    // pre neuron: spikes every 3rd step, carries a rate-like variable x = t
    const pre = new Population(2, new Neuron({ equations: 'x = t + rank_value', parameters: 'rank_value = 0', spike: 'modulo(t, 3) == 0' }), { network: net });
    pre.set({ rank_value: [0, 10] });
    const post = new Population(1, new Neuron({ equations: 'mp = g_exc', spike: 'mp > 1e9' }), { network: net });
    const proj = new Projection(pre, post, 'exc', new Synapse({ parameters: 'k = 0.5', psp, ...(preSpike ? { preSpike } : {}) }))
      .connectAllToAll({ weights: 2.0, ...(delays !== undefined ? { delays } : {}) });
    return { net, pre, post, proj };
  };

  it('adds sum(psp) to g_target every step, reading the pre values of the step before the update', () => {
    const { net, post } = build('k * w * pre.x');
    net.compile();
    const mp: number[] = [];
    for (let i = 0; i < 5; i++) {
      net.step();
      mp.push(post.mp[0]!);
    }
    // step n: the psp reads x of step n-1 (x = n-1 and n-1+10), 0 before the first update
    const expected = [0, 1, 2, 3, 4].map((n) => (n === 0 ? 0 : 0.5 * 2 * ((n - 1) + (n - 1 + 10))));
    expect(mp).to.deep.equal(expected);
  });

  it('pre-spike events still run, before the psp sum, and add no g_target += w by default', () => {
    const { net, post, proj } = build('1.0', 'w += 1');
    net.compile();
    net.simulate(5);
    // spikes at t = 0 and 3 are delivered at steps 1 and 4: w = 2 + 2
    expect(proj.dendrite(0).w).to.deep.equal([4, 4]);
    // g_exc = 2 synapses * psp 1.0, nothing from the events
    expect(post.mp[0]).to.equal(2);
  });

  it('refuses delays with a clear error', () => {
    const { net } = build('w', undefined, 2.0);
    expect(() => net.compile()).to.throw(/spiking synapse with psp .* cannot have delays yet/);
  });
});
