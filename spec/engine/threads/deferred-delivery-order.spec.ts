import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';
import { Uniform } from '../../../src/engine/random/random-distribution.js';
import { installNodeThreads } from '../../../src/node/kernel-threads.js';

installNodeThreads();

// A split delivery waits for the post population's update command (one barrier per step). A
// spiking synapse with psp adds its continuous sum to the same g_exc right after its events
// (ANNarchy: events first, then the psp sum): the deferred events must run before that sum, or
// each g_exc element gets the two additions in the other order and the last bits change.
function run(numThreads: number) {
  const net = new Network({ dt: 0.1, seed: 11, numThreads, minNeuronsPerThread: 1 });
  const pre = new Population(120, new Neuron({
    parameters: 'period = 7.0',
    equations: 'x = sin(t * 0.37 + rank_phase)\nrank_phase = 0.0',
    spike: 'modulo(t + rank_phase * 10.0, period) < 0.5',
    name: 'Clock',
  }), { network: net });
  pre.rank_phase = new Uniform(0, 3);
  const post = new Population(300, new Neuron({ equations: 'tau * dv/dt = -v + g_exc\ntau = 5.0\n3.0 * dg_exc/dt = -g_exc', spike: 'v > 1e9', name: 'Leaky' }), { network: net });
  const proj = new Projection(pre, post, 'exc', new Synapse({ psp: '0.013 * w * pre.x', preSpike: 'g_target += w', name: 'EventsAndPsp' }))
    .connectFixedProbability({ weights: new Uniform(0.1, 0.9), probability: 0.2 });
  net.compile();
  net.simulate(60);
  const out = {
    split: [post.$parallel !== undefined, proj.$parallelDelivery !== undefined, proj.$defersDelivery],
    g: Buffer.from(post.$state!.local.g_exc!.slice().buffer).toString('base64'),
    v: Buffer.from(post.$state!.local.v!.slice().buffer).toString('base64'),
  };
  net.dispose();
  return out;
}

// axonal spikes with their own pre_axon_spike statement: its generated kernel adds to g_exc on
// the calling thread after the deferred events of the same projection
function axonal(numThreads: number) {
  const net = new Network({ dt: 0.1, seed: 12, numThreads, minNeuronsPerThread: 1 });
  const pre = new Population(60, new Neuron({
    parameters: 'period = 4',
    equations: 'c = c + 1',
    spike: 'modulo(c, period) == 0',
    axonSpike: 'modulo(c, 3) == 0',
    name: 'AxonSource',
  }), { network: net });
  pre.period = Array.from({ length: 60 }, (_, i) => 4 + (i % 5));
  const post = new Population(300, new Neuron({ equations: 'tau * dv/dt = -v + g_exc\ntau = 5.0\n3.0 * dg_exc/dt = -g_exc', spike: 'v > 1e9', name: 'Leaky2' }), { network: net });
  const proj = new Projection(pre, post, 'exc', new Synapse({ preSpike: 'g_target += w', preAxonSpike: 'g_target += 0.37 * w', name: 'OwnAxon' }))
    .connectFixedProbability({ weights: new Uniform(0.1, 0.9), probability: 0.3 });
  net.compile();
  net.simulate(40);
  const out = {
    split: [post.$parallel !== undefined, proj.$parallelDelivery !== undefined, proj.$defersDelivery],
    g: Buffer.from(post.$state!.local.g_exc!.slice().buffer).toString('base64'),
  };
  net.dispose();
  return out;
}

describe('engine: deferred spike delivery keeps the order of additions (setup({ numThreads }))', () => {
  it('axonal events with their own statement reach g_exc after the deferred spike events, as on one thread', () => {
    const one = axonal(1), two = axonal(2);
    expect(two.split).to.deep.equal([true, true, false]);
    expect(two.g).to.equal(one.g);
  });

  it('events of a spiking synapse with psp reach g_exc before its psp sum, as on one thread', () => {
    const one = run(1), two = run(2);
    expect(two.split).to.deep.equal([true, true, false]);
    expect(two.g).to.equal(one.g);
    expect(two.v).to.equal(one.v);
  });
});
