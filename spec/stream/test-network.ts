import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';

/**
 * A test neuron whose state integrates its input: `dv/dt = I_app` (explicit Euler, so
 * v[k+1] = v[k] + dt * I_app[k]) and `inp = I_app` shows the input each step received.
 */
export const Integrator = new Neuron({
  parameters: `
    I_app = 0
    E_L = -70 : population
  `,
  equations: `
    inp = I_app
    dv/dt = I_app
    r = v
  `,
  name: 'integrator',
});

/** A fresh network (dt 0.1 unless given) with integrator populations of the given names. */
export function testNetwork(names: string[] = ['a'], dt = 0.1): { net: Network; pops: Population[] } {
  const net = new Network({ dt, seed: 1 });
  const pops = names.map((name) => new Population(2, Integrator, { name, network: net }));
  net.compile();
  return { net, pops };
}
