import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { HHneuronBischop } from '../../src/models/hh-neuron-bischop.js';

describe('engine: attribute accessors (pop.v)', () => {
  it('are shared by all populations and views (one hidden class per model, not one per population), and read and write each its own object', () => {
    const net = new Network({ dt: 0.1 });
    const a = new Population(2, HHneuronBischop, { network: net });
    const b = new Population(3, HHneuronBischop, { network: net });
    const da = Object.getOwnPropertyDescriptor(a, 'v')!, db = Object.getOwnPropertyDescriptor(b, 'v')!;
    expect(da.get).to.equal(db.get);
    expect(da.set).to.equal(db.set);
    const view = b.slice(1, 3);
    expect(Object.getOwnPropertyDescriptor(view, 'v')!.get).to.equal(da.get);
    (a as unknown as { v: number }).v = -70;
    (view as unknown as { v: number }).v = -50;
    expect(Array.from((a as unknown as { v: Float64Array }).v)).to.deep.equal([-70, -70]);
    expect(Array.from((b as unknown as { v: Float64Array }).v)).to.deep.equal([-68, -50, -50]);
  });
});
