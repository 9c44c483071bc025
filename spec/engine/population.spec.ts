import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population, sliceIndices } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { HHneuronBischop } from '../../src/models/hh-neuron-bischop.js';

const N = new Neuron({ parameters: 'tau = 10.0 : population\nI = 0.0\nn = 2 : int', equations: 'v = v + I\nr = v' });

describe('engine: Population geometry and ranks (C order)', () => {
  it('2-D: rank = y + H*x for coordinates (x, y) of geometry (W, H)', () => {
    const pop = new Population([3, 4], N, { network: new Network() });
    expect(pop.size).to.equal(12);
    expect([pop.width, pop.height, pop.depth, pop.dimension]).to.deep.equal([3, 4, 1, 2]);
    expect(pop.rankFromCoordinates([2, 1])).to.equal(9);
    expect(pop.coordinatesFromRank(9)).to.deep.equal([2, 1]);
    expect(pop.normalizedCoordinatesFromRank(9)).to.deep.equal([1, 1 / 3]);
  });

  it('3-D: rank = z + D*(y + H*x)', () => {
    const pop = new Population([2, 3, 4], N, { network: new Network() });
    expect(pop.rankFromCoordinates([1, 2, 3])).to.equal(3 + 4 * (2 + 3 * 1));
    expect(pop.coordinatesFromRank(23)).to.deep.equal([1, 2, 3]);
    for (let r = 0; r < pop.size; r++) expect(pop.rankFromCoordinates(pop.coordinatesFromRank(r))).to.equal(r);
    expect(() => pop.rankFromCoordinates([2, 0, 0])).to.throw(/coordinate 2 out of range \[0, 2\) on axis 0/);
    expect(() => pop.rankFromCoordinates([0, 0])).to.throw(/need 3 values/);
    expect(() => pop.coordinatesFromRank(24)).to.throw(/rank 24 out of range/);
  });

  it('rejects bad geometries', () => {
    expect(() => new Population([2, 0], N, { network: new Network() })).to.throw(/geometry must be a positive integer/);
    expect(() => new Population(2.5, N, { network: new Network() })).to.throw(/geometry/);
  });

  it('sliceIndices matches Python range slicing', () => {
    expect(sliceIndices(5, undefined, undefined, -1)).to.deep.equal([4, 3, 2, 1, 0]); // range(5)[::-1]
    expect(sliceIndices(5, -10, 2, 1)).to.deep.equal([0, 1]); // range(5)[-10:2]
    expect(sliceIndices(5, 3, -10, -2)).to.deep.equal([3, 1]); // range(5)[3:-10:-2]
  });
});

describe('engine: Population attribute errors', () => {
  it('an unknown attribute lists the valid ones', () => {
    const pop = new Population(3, N, { network: new Network() });
    expect(() => pop.get('w')).to.throw(/no attribute "w"; attributes: tau, I, n, v, r/);
    expect(() => pop.set({ w: 1 })).to.throw(/no attribute "w"; attributes: tau, I, n, v, r/);
  });

  it('a wrong array length names the attribute and the expected size', () => {
    const pop = new Population(3, N, { network: new Network() });
    expect(() => { pop.I = [1, 2]; }).to.throw(/attribute "I": expected 3 values .* got an array of 2/);
  });

  it('a population-wide attribute takes one value (equal values are accepted)', () => {
    const pop = new Population(3, N, { network: new Network() });
    expect(() => { pop.tau = [1, 2, 3]; }).to.throw(/"tau" is population-wide: expected one number, got 3 different values/);
    pop.tau = [5, 5, 5];
    expect(pop.tau).to.equal(5);
  });

  it('nothing is half-applied when one of several values is bad (before and after compile)', () => {
    const net = new Network();
    const pop = new Population(3, N, { network: net });
    expect(() => pop.set({ I: 7, v: [1, 2], tau: 3 })).to.throw(/attribute "v"/);
    expect(Array.from(pop.I as Float64Array)).to.deep.equal([0, 0, 0]);
    expect(pop.tau).to.equal(10);
    net.compile();
    expect(() => pop.set({ I: 7, tau: [1, 2, 3] })).to.throw(/"tau" is population-wide/);
    expect(Array.from(pop.I as Float64Array)).to.deep.equal([0, 0, 0]);
    expect(() => pop.set({ I: 1, v: Number.NaN })).to.throw(/value is NaN/);
    expect(Array.from(pop.I as Float64Array)).to.deep.equal([0, 0, 0]);
  });

  it('int attributes truncate toward zero', () => {
    const pop = new Population(2, N, { network: new Network() });
    pop.n = [2.7, -2.7];
    expect(Array.from(pop.n as Float64Array)).to.deep.equal([2, -2]);
  });

  it('gives a one-neuron population the single-neuron loop only (pairs off): the same bits as neuron 0 of a paired JavaScript loop', () => {
    const net = new Network({ dt: 0.01, seed: 1, backend: 'js' });
    const one = new Population(1, HHneuronBischop, { network: net });
    const two = new Population(2, HHneuronBischop, { network: net });
    net.compile();
    one.I_app = 30;
    two.I_app = 30;
    net.simulate(100); // spiking
    expect(String(one.$updateKernel)).to.not.include('i + 1 < __n');
    expect(String(two.$updateKernel)).to.include('i + 1 < __n');
    expect(one.v[0]).to.equal(two.v[0]);
    expect(one.v[0]).to.equal(two.v[1]);
    net.dispose();
  });
});
