import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';
import { Uniform } from '../../../src/engine/random/random-distribution.js';
import { installNodeThreads } from '../../../src/node/kernel-threads.js';

installNodeThreads();

// A split delivery waits for the post population's update command (one barrier per step).
// Whatever else adds to the same g_exc in step 2 must come after it, as on one thread; g_exc
// decays (is not reset), so two additions in the other order change the last bits.
const Leaky = new Neuron({ equations: 'tau * dv/dt = -v + g_exc\ntau = 5.0\n3.0 * dg_exc/dt = -g_exc', spike: 'v > 1e9', name: 'Leaky' });

/** `ms` of `pre` -> 300 Leaky neurons through `synapse`; g_exc and v as bytes. */
function run(numThreads: number, seed: number, pre: (net: Network) => Population, synapse: Synapse, ms: number) {
  const net = new Network({ dt: 0.1, seed, numThreads, minNeuronsPerThread: 1 });
  const source = pre(net);
  const post = new Population(300, Leaky, { network: net });
  const proj = new Projection(source, post, 'exc', synapse).connectFixedProbability({ weights: new Uniform(0.1, 0.9), probability: 0.2 });
  net.compile();
  net.simulate(ms);
  const bytes = (a: Float64Array) => Buffer.from(a.slice().buffer).toString('base64');
  const out = {
    split: [post.$parallel !== undefined, proj.$parallelDelivery !== undefined, proj.$defersDelivery],
    g: bytes(post.$state!.local.g_exc!),
    v: bytes(post.$state!.local.v!),
  };
  net.dispose();
  return out;
}

// a spiking synapse with psp adds its continuous sum right after its events (ANNarchy: events
// first, then the psp sum)
const clocks = (net: Network) => {
  const pre = new Population(120, new Neuron({
    parameters: 'period = 7.0',
    equations: 'x = sin(t * 0.37 + rank_phase)\nrank_phase = 0.0',
    spike: 'modulo(t + rank_phase * 10.0, period) < 0.5',
    name: 'Clock',
  }), { network: net });
  pre.rank_phase = new Uniform(0, 3);
  return pre;
};
const withPsp = new Synapse({ psp: '0.013 * w * pre.x', preSpike: 'g_target += w', name: 'EventsAndPsp' });

// axonal spikes with their own pre_axon_spike statement: its generated kernel adds on the
// calling thread after the plain events of the same projection
const axonSources = (net: Network) => {
  const pre = new Population(60, new Neuron({ parameters: 'period = 4', equations: 'c = c + 1', spike: 'modulo(c, period) == 0', axonSpike: 'modulo(c, 3) == 0', name: 'AxonSource' }), { network: net });
  pre.period = Array.from({ length: 60 }, (_, i) => 4 + (i % 5));
  return pre;
};
const ownAxon = new Synapse({ preSpike: 'g_target += w', preAxonSpike: 'g_target += 0.37 * w', name: 'OwnAxon' });
// axonal spikes with the statement of pre_spike: a second spike list through the same plain
// delivery in the same step (deferred twice: the first list must run before the second replaces it)
const sameAxon = new Synapse({ preSpike: 'g_target += w', preAxonSpike: 'g_target += w', name: 'SameAxon' });

describe('engine: deferred spike delivery keeps the order of additions (setup({ numThreads }))', () => {
  it('events of a spiking synapse with psp reach g_exc before its psp sum, as on one thread', () => {
    const one = run(1, 11, clocks, withPsp, 60), two = run(2, 11, clocks, withPsp, 60);
    expect(two.split).to.deep.equal([true, true, false]);
    expect(two.g).to.equal(one.g);
    expect(two.v).to.equal(one.v);
  });

  it('axonal events with their own statement reach g_exc after the deferred spike events, as on one thread', () => {
    const one = run(1, 12, axonSources, ownAxon, 40), two = run(2, 12, axonSources, ownAxon, 40);
    expect(two.split).to.deep.equal([true, true, false]);
    expect(two.g).to.equal(one.g);
    expect(two.v).to.equal(one.v);
  });

  it('axonal events with the statement of pre_spike are added after the spike events of the step, as on one thread', () => {
    const one = run(1, 13, axonSources, sameAxon, 40), two = run(2, 13, axonSources, sameAxon, 40);
    expect(two.split).to.deep.equal([true, true, false]);
    expect(two.g).to.equal(one.g);
    expect(two.v).to.equal(one.v);
  });
});
