import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
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

  it('are shared by projections too (pe.w and pi.w: one accessor pair), and read and write each its own projection', () => {
    const net = new Network({ dt: 0.1, seed: 1 });
    const lif = new Neuron({ parameters: 'tau = 10.0', equations: 'tau * dv/dt = -v', spike: 'v > 1', reset: 'v = 0' });
    const a = new Population(4, lif, { network: net });
    const pe = new Projection(a, a, 'exc');
    pe.connectAllToAll({ weights: 0.5 });
    const pi = new Projection(a, a, 'inh');
    pi.connectAllToAll({ weights: 2 });
    const de = Object.getOwnPropertyDescriptor(pe, 'w')!, di = Object.getOwnPropertyDescriptor(pi, 'w')!;
    expect(de.get).to.equal(di.get);
    expect(de.set).to.equal(di.set);
    net.compile();
    (pi as unknown as { w: number }).w = 3;
    // a weight shared by all synapses reads as one number (ANNarchy's single-weight projections)
    expect(pe.get('w')).to.equal(0.5);
    expect(pi.get('w')).to.equal(3);
    expect((pe as unknown as { w: unknown }).w).to.deep.equal(pe.get('w'));
  });
});
