import { expect } from 'chai';
import { Neuron } from '../../src/language/neuron.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';

// README "Differences from ANNarchy": a parameter named g_* in a spiking neuron.
describe('language: differences from ANNarchy 4.7.3', () => {
  it('keeps a parameter named g_L a parameter (4.7.3 zeroes it after every step) and warns', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => { warnings.push(m); };
    let pop: Population;
    try {
      const n = new Neuron({
        parameters: 'g_L = 2.0\n E_L = -70.0',
        equations: 'dv/dt = g_L * (E_L - v) + g_exc : init=-60',
        spike: 'v > 0',
        reset: 'v = -70',
        name: 'leaky',
      });
      const net = new Network({ dt: 0.1 });
      pop = new Population(1, n, { network: net });
      net.compile();
      net.step();
      net.step();
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.match(/model "leaky": parameter "g_L" looks like a conductance/);
    expect(pop.parameters).to.include('g_L');
    expect(pop.targets).to.deep.equal(['exc']);
    expect(Array.from(pop.g_L)).to.deep.equal([2.0]);
    // two explicit steps with g_L = 2 throughout (4.7.3 would use g_L = 0 in the second)
    const v1 = -60 + 0.1 * (2.0 * (-70 + 60));
    const v2 = v1 + 0.1 * (2.0 * (-70 - v1));
    expect(pop.v[0]).to.equal(v2);
  });
});
