import { expect } from 'chai';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { clear, compile, setup, step } from '../../../src/engine/global-functions.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';
import { MT19937 } from '../../../src/engine/random/mt19937.js';

// libstdc++ generate_canonical<double, 53>: (g1 + g2 * 2^32) / 2^64 from two 32-bit outputs
function canonicals(seed: number, n: number): number[] {
  const mt = new MT19937(seed);
  return Array.from({ length: n }, () => {
    const g1 = mt.nextUint32();
    const g2 = mt.nextUint32();
    const r = (g1 + g2 * 2 ** 32) / 2 ** 64;
    return r >= 1 ? 1 - 2 ** -53 : r;
  });
}

describe('engine: random distributions in synapse equations', () => {
  afterEach(() => clear());

  it('draws one value per synapse and step from the network generator, after the populations', () => {
    clear();
    setup({ dt: 0.1, seed: 42 });
    const n = new Neuron({ equations: 'r = Uniform(0.0, 1.0)' });
    const a = new Population(3, n, 'a');
    const b = new Population(2, n, 'b');
    const p = new Projection(a, b, 'exc', new Synapse({ equations: 'x = Uniform(0.0, 2.0)\ny = 10 * Uniform(0.0, 1.0) : projection' }), 'ab');
    p.connectAllToAll({ weights: 1 });
    compile();
    step();
    // each step: the 5 neurons, then the projection-wide value, then one per synapse (dendrite by dendrite)
    const c = canonicals(42, 24);
    expect([...a.r, ...b.r]).to.deep.equal(c.slice(0, 5));
    expect(p.y).to.equal(10 * c[5]!);
    expect((p.x as number[][]).flat()).to.deep.equal(c.slice(6, 12).map((u) => u * 2));
    step();
    expect(p.y).to.equal(10 * c[17]!);
    expect((p.x as number[][]).flat()).to.deep.equal(c.slice(18, 24).map((u) => u * 2));
  });

});
