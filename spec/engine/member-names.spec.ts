import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';

function quietly<T>(f: () => T): { value: T; warnings: string[] } {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (m: string) => warnings.push(m);
  try {
    return { value: f(), warnings };
  } finally {
    console.warn = warn;
  }
}

describe('engine: model attributes named like library members (issue 20: only ANNarchy-reserved names are reserved)', () => {
  it('a parameter named "state" (or "size") is accepted; get/set reach it while the member keeps its meaning', () => {
    const net = new Network({ dt: 1.0 });
    const n = new Neuron({ parameters: 'state = 2.0\n size = 3.0 : population', equations: 'r = state * size', name: 'named like members' });
    const { value: pop, warnings } = quietly(() => new Population(4, n, { network: net }));
    expect(warnings.join('\n')).to.match(/attribute "state" has the name of a Population member; use pop.get\('state'\)/);
    net.simulate(1);
    expect(pop.size).to.equal(4);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([6, 6, 6, 6]);
    pop.set({ state: Float64Array.from([1, 2, 3, 4]) });
    expect(Array.from(pop.get('state') as Float64Array)).to.deep.equal([1, 2, 3, 4]);
    net.simulate(1);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([3, 6, 9, 12]);
    expect(pop.state!.local.r).to.be.instanceOf(Float64Array);
  });

  it('a synapse parameter named "state" is accepted the same way', () => {
    const net = new Network({ dt: 1.0 });
    const pre = new Population(1, new Neuron({ parameters: 'r = 1.0', name: 'one' }), { network: net });
    const post = new Population(1, new Neuron({ equations: 'r = sum(exc)', name: 'sum' }), { network: net });
    const { value: proj } = quietly(() => new Projection(pre, post, 'exc', new Synapse({ parameters: 'state = 5.0 : projection', psp: 'w * state * pre.r' })));
    proj.connectAllToAll({ weights: 2.0 });
    net.simulate(2);
    expect(proj.get('state')).to.equal(5);
    expect(Array.from(post.r as Float64Array)).to.deep.equal([10]);
  });
});
