import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { createCppDistribution } from '../../../src/engine/random/cpp-distributions.js';
import { MT19937 } from '../../../src/engine/random/mt19937.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';

// ANNarchy 4.7.3 update_rng(): populations' draws, then projections' (pop_desc + proj_desc), each
// projection-wide first, then per synapse in dendrite order, from the one std::mt19937.
describe('engine: random distributions in synapse equations', () => {
  it('draw after the populations, one value per synapse in dendrite order, every step', () => {
    const net = new Network({ seed: 42 });
    const pop = new Population(3, new Neuron({ equations: 'r = Uniform(0, 1)' }), { network: net });
    const proj = new Projection(pop, pop, 'exc', new Synapse({ parameters: 'lo = -1 : projection', equations: 'g = Uniform(lo, 0) : projection\n w = Normal(0, 1) + g' }))
      .connectAllToAll({ weights: 0.0 });
    net.compile();
    const rng = new MT19937(42);
    for (let step = 0; step < 2; step++) {
      net.step();
      const r = new Float64Array(3);
      createCppDistribution('Uniform', [0, 1]).fill(rng, r, 3);
      const g = new Float64Array(1);
      createCppDistribution('Uniform', [-1, 0]).fill(rng, g, 1);
      const n = new Float64Array(6);
      createCppDistribution('Normal', [0, 1]).fill(rng, n, 6);
      expect(Array.from(pop.r as Float64Array)).to.deep.equal(Array.from(r));
      expect(proj.get('g')).to.equal(g[0]);
      expect((proj.w as number[][]).flat()).to.deep.equal(Array.from(n, (x) => x + g[0]!));
    }
  });

  it('refuses a draw in a postsynaptic equation, naming it', () => {
    expect(() => new Synapse({ equations: 'x = Uniform(0, 1) : postsynaptic' }).analyse()).to.throw(/postsynaptic .* not supported yet \(Uniform\)/);
  });
});
