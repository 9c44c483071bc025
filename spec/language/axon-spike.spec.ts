import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { ModelError } from '../../src/language/model-error.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';

// ANNarchy 4.7.3 SingleThreadGenerator._spike_gather: after the spike block (and its reset),
// `if ((axon_spike) && !(spike)) { axonal.push_back(i); axon_reset }`; refractory neurons skip both.
// Projections: pre_axon_spike equal to pre_spike joins the axonal list to the spikes; another
// pre_axon_spike runs its g_target statement on axonal events (Projection SingleThreadGenerator).
// an axonReset assigning an undeclared name is refused like a reset
const undeclared = new Neuron({
  parameters: 'period = 4',
  equations: 'c = c + 1',
  spike: 'modulo(c, period) == 0',
  axonSpike: 'modulo(c, 2) == 0',
  axonReset: 'n_axon = n_axon + 1',
  name: 'axon source',
});
const src2 = new Neuron({
  parameters: 'period = 4',
  equations: 'c = c + 1\n n_axon = n_axon : init = 0',
  spike: 'modulo(c, period) == 0',
  axonSpike: 'modulo(c, 2) == 0',
  axonReset: 'n_axon += 1',
  name: 'axon source 2',
});
const receiver = new Neuron({ equations: 'v = g_exc', spike: 'v > 1e9', name: 'axon receiver' });

describe('language/engine: axonal spikes (axonSpike, axonReset, preAxonSpike)', () => {
  it('an axonal spike fires when the axon condition holds and the spike condition does not; axonReset runs', () => {
    expect(() => undeclared.analyse()).to.throw(ModelError, /axonReset assigns "n_axon", which is not a variable/);
    const net = new Network({ dt: 1.0 });
    const pop = new Population(1, src2, { network: net });
    const post = new Population(3, receiver, { network: net });
    // default synapse: axonal spikes are not transmitted
    new Projection(pop, post.slice(0, 1), 'exc').connectAllToAll({ weights: 1.0 });
    // same statements: axonal spikes delivered like spikes
    new Projection(pop, post.slice(1, 2), 'exc', new Synapse({ preSpike: 'g_target += w', preAxonSpike: 'g_target += w', name: 'both' })).connectAllToAll({ weights: 1.0 });
    // own statement: axonal spikes deliver 10*w
    new Projection(pop, post.slice(2, 3), 'exc', new Synapse({ preSpike: 'g_target += w', preAxonSpike: 'g_target += 10 * w', name: 'own' })).connectAllToAll({ weights: 1.0 });
    const ms = new Monitor(pop, ['spike', 'axon_spike']);
    expect(() => new Monitor(post, ['axon_spike'])).to.throw(/"axon_spike" can only be recorded when the neuron has an axonSpike condition/);
    const mv = new Monitor(post, ['v']);
    net.simulate(9);
    // c = k + 1 after step k: spikes where c % 4 == 0 (steps 3, 7), axonal where c % 2 == 0 otherwise (steps 1, 5)
    expect((ms.get('axon_spike') as Record<number, number[]>)[0]).to.deep.equal([1, 5]);
    expect((ms.get('spike') as Record<number, number[]>)[0]).to.deep.equal([3, 7]);
    expect(pop.n_axon).to.deep.equal(Float64Array.from([2]));
    const v = Array.from((mv.get('v') as RecordedArray).data);
    const col = (j: number) => v.filter((_, k) => k % 3 === j);
    // events of step s arrive at step s + 1
    expect(col(0)).to.deep.equal([0, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(col(1)).to.deep.equal([0, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(col(2)).to.deep.equal([0, 0, 10, 0, 1, 0, 10, 0, 1]);
  });

  it('bad axon descriptions are refused with the section named', () => {
    expect(() => new Neuron({ parameters: 'r = 0', axonSpike: 'r > 1' }).analyse()).to.throw(ModelError, /"axonSpike" needs a spike condition/);
    expect(() => new Neuron({ equations: 'v = 1', spike: 'v > 2', axonReset: 'v = 0' }).analyse()).to.throw(ModelError, /"axonReset" is given but no "axonSpike"/);
    expect(() => new Synapse({ preSpike: 'g_target += w', preAxonSpike: 'g_target += w\n w += 1' }).analyse()).to.throw(ModelError, /only hold one g_target statement/);
    expect(() => new Synapse({ preSpike: 'g_target += w', postSpike: 'w += 1', preAxonSpike: 'g_target += w' }).analyse()).to.throw(ModelError, /not allowed in plastic synapses/);
  });
});
