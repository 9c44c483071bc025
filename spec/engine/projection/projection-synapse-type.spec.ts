import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';

// ANNarchy 4.7.3 (Projection.__init__): a synapse takes the type of its pre-synaptic population,
// so one without pre_spike between spiking populations is a spiking synapse without spike events
// (CompNeuroPy's run_and_monitor_simulations.py records such a projection's decaying weights).
describe('engine: synapse type from the pre-synaptic population', () => {
  it('a synapse without preSpike between spiking populations integrates its equations, no g_target needed', () => {
    const net = new Network({ dt: 1.0 });
    const spiking = new Neuron({ parameters: 'p = 0', equations: 'dv/dt = 1', spike: 'v > 2', reset: 'v = 0' });
    const pre = new Population(2, spiking, { network: net });
    const post = new Population(2, spiking, { network: net });
    const proj = new Projection(pre, post, 'ampa', new Synapse({ parameters: 'tau=500', equations: 'dw/dt=-w/tau' }), 'decay');
    proj.connectAllToAll({ weights: 1.5 });
    net.compile();
    expect(proj.spiking).to.equal(true);
    net.simulate(10);
    // explicit Euler: w_n = w_0 (1 - dt/tau)^n
    const expected = 1.5 * (1 - 1 / 500) ** 10;
    for (const row of proj.w as number[][]) for (const w of row) expect(w).to.be.closeTo(expected, 1e-12);
  });
});
