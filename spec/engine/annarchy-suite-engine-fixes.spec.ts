import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';

const N = new Neuron({ equations: 'r = 0.0' });

describe('engine: IndividualNeuron.add (ANNarchy n1 + n2)', () => {
  it('joins neurons and views of one population into a view with ascending unique ranks', () => {
    const pop = new Population([4, 4], N, { network: new Network() });
    const v = pop.neuron(9).add(pop.neuron(2)).add(pop.neuron(9));
    expect([...v.ranks]).to.deep.equal([2, 9]);
    expect([...pop.neuron(5).add(pop.view([7, 1])).ranks]).to.deep.equal([1, 5, 7]);
  });

  it('refuses a neuron of another population', () => {
    const net = new Network();
    const a = new Population(3, N, { network: net });
    const b = new Population(3, N, { network: net });
    expect(() => a.neuron(0).add(b.neuron(1))).to.throw(/same population/);
    expect(() => a.view([0]).add(b.neuron(1))).to.throw(/same population/);
  });
});

describe('engine: Population attributes from an array shaped like the geometry', () => {
  it('a (2, 3) population takes [[...], [...]] in C order and refuses other shapes', () => {
    const pop = new Population([2, 3], N, { network: new Network() });
    pop.r = [[2, 1, 0], [-5, -3, -1]];
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([2, 1, 0, -5, -3, -1]);
    expect(() => { pop.r = [[1, 2], [3, 4], [5, 6]]; }).to.throw(/shape \[2, 3\], axis 0 has 3 elements/);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([2, 1, 0, -5, -3, -1]);
  });
});

describe('engine: Dendrite and synapse attributes by name (ANNarchy dendrite.w)', () => {
  it('d.w reads and writes the dendrite, s.w one synapse', () => {
    const net = new Network();
    const a = new Population(3, N, { network: net });
    const b = new Population(2, N, { network: net });
    const proj = new Projection(a, b, 'exc').connectAllToAll({ weights: 0.5 });
    net.compile();
    const d = proj.dendrite(1);
    expect(d.w).to.deep.equal([0.5, 0.5, 0.5]);
    d.w = [1, 2, 3];
    expect(proj.dendrite(1).get('w')).to.deep.equal([1, 2, 3]);
    const s = d.synapse(2);
    expect(s.w).to.equal(3);
    s.w = 7;
    expect(d.w).to.deep.equal([1, 2, 7]);
    expect(d.size).to.equal(3); // members keep precedence over attribute names
  });
});
