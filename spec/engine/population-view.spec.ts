import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { PopulationView } from '../../src/engine/population-view.js';
import { IndividualNeuron } from '../../src/engine/individual-neuron.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';

const RATE = new Neuron({ parameters: 'tau = 10.0 : population\nI = 0.0', equations: 'v = v + I\nr = v' });
// spikes when I > 0: v jumps to I and resets to 0
const SPK = new Neuron({ parameters: 'I = 0.0', equations: 'v = I', spike: 'v > 0.5', reset: 'v = 0' });

describe('engine: PopulationView', () => {
  it('slice follows Python slice semantics (negative indices, step)', () => {
    const net = new Network();
    const pop = new Population(10, RATE, { network: net });
    expect(pop.slice(2, 5).ranks).to.deep.equal([2, 3, 4]);
    expect(pop.slice(-3).ranks).to.deep.equal([7, 8, 9]);
    expect(pop.slice(0, 10, 3).ranks).to.deep.equal([0, 3, 6, 9]);
    expect(pop.slice(8, undefined, -3).ranks).to.deep.equal([8, 5, 2]);
    expect(pop.slice(-2, 100).ranks).to.deep.equal([8, 9]);
    expect(() => pop.slice(0, 5, 0)).to.throw(/step must be a non-zero integer/);
    expect(() => pop.slice(5, 5)).to.throw(/selection is empty/);
  });

  it('get returns the selected ranks, set broadcasts scalars and checks lengths (before compile: init)', () => {
    const net = new Network();
    const pop = new Population(6, RATE, { network: net });
    const v = pop.view([4, 1]);
    v.I = 2;
    v.set({ v: [10, 20] });
    expect(Array.from(pop.I as Float64Array)).to.deep.equal([0, 2, 0, 0, 2, 0]);
    expect(Array.from(pop.v as Float64Array)).to.deep.equal([0, 20, 0, 0, 10, 0]);
    expect(Array.from(v.v as Float64Array)).to.deep.equal([10, 20]);
    expect(v.tau).to.equal(10);
    expect(() => { v.I = [1, 2, 3]; }).to.throw(/expected 2 values/);
    expect(() => { v.tau = 5; }).to.throw(/population-wide attributes cannot be set from a view/);
    expect(() => v.set({ I: 1, nope: 2 })).to.throw(/no attribute "nope"/);
    expect(Array.from(pop.I as Float64Array)).to.deep.equal([0, 2, 0, 0, 2, 0]); // nothing half-applied
    net.compile();
    pop.reset();
    expect(Array.from(pop.v as Float64Array)).to.deep.equal([0, 20, 0, 0, 10, 0]); // view writes before compile are the reset state
    v.v = 0;
    expect(Array.from(pop.v as Float64Array)).to.deep.equal([0, 0, 0, 0, 0, 0]);
    net.step();
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([0, 2, 0, 0, 2, 0]);
  });

  it('union of two views of the same population', () => {
    const net = new Network();
    const pop = new Population(8, RATE, { network: net });
    const other = new Population(8, RATE, { network: net });
    const u = pop.view([5, 1]).add(pop.slice(0, 3));
    expect(u.ranks).to.deep.equal([0, 1, 2, 5]);
    expect(() => pop.view([1]).add(other.view([1]))).to.throw(/same population/);
  });

  it('multi-dimensional selection with at() in C order', () => {
    const net = new Network();
    const grid = new Population([3, 4], RATE, { network: net });
    const row = grid.at(1, null) as PopulationView;
    expect(row.ranks).to.deep.equal([4, 5, 6, 7]);
    const cols = grid.at(null, [1, 3]) as PopulationView;
    expect(cols.ranks).to.deep.equal([1, 2, 5, 6, 9, 10]);
    expect(cols.geometry).to.deep.equal([3, 2]);
    const n = grid.at(2, 3);
    expect(n).to.be.instanceOf(IndividualNeuron);
    expect((n as IndividualNeuron).rank).to.equal(11);
    expect(() => grid.at(1)).to.throw(/expected 2 selectors/);
    expect(() => grid.at(3, null)).to.throw(/out of range on axis 0/);
  });

  it('is a monitor target: values of its ranks, spikes with population ranks', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(5, SPK, { network: net });
    const view = pop.view([3, 1]);
    const m = new Monitor(view, ['v', 'spike']);
    net.compile();
    pop.I = [0, 1, 0, 1, 0.2];
    net.step();
    pop.I = [0, 0, 0, 0, 0.3];
    net.step();
    const v = m.get('v') as RecordedArray;
    expect(v.shape).to.deep.equal([2, 2]);
    expect(Array.from(v.data)).to.deep.equal([0, 0, 0, 0]); // reset after the spike, then I = 0
    expect(m.get('spike')).to.deep.equal({ 3: [0], 1: [0] });
    expect(view.population).to.equal(pop);
  });
});

describe('engine: IndividualNeuron', () => {
  it('reads and writes one neuron; population-wide attributes read only', () => {
    const net = new Network();
    const pop = new Population([2, 3], RATE, { network: net });
    const n = pop.neuron(1, 2);
    expect(n.rank).to.equal(5);
    expect(n.coordinates).to.deep.equal([1, 2]);
    n.I = 3;
    expect(Array.from(pop.I as Float64Array)).to.deep.equal([0, 0, 0, 0, 0, 3]);
    expect(n.I).to.equal(3);
    expect(n.tau).to.equal(10);
    expect(() => { n.tau = 1; }).to.throw(/population-wide attributes cannot be set for one neuron/);
    expect(() => pop.neuron(6)).to.throw(/rank 6 out of range/);
    expect([...pop].map((x) => x.rank)).to.deep.equal([0, 1, 2, 3, 4, 5]);
  });
});
