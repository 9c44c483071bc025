import { expect } from 'chai';
import { Neuron } from '../../src/language/neuron.js';
import { Population } from '../../src/engine/population.js';
import { clear, compile, setup, simulate } from '../../src/engine/global-functions.js';
import { CompNeuroMonitors } from '../../src/monitors/comp-neuro-monitors.js';
import type { RecordedArray } from '../../src/engine/recorded-array.js';

// A `: population` variable has one value per sample, as ANNarchy's monitors return it
// (numpy shape (n_samples,)); CompNeuroPy stores what ANNarchy's get() returns.
describe('monitors/CompNeuroMonitors: population-wide variables', () => {
  beforeEach(() => clear());

  it('records "pop;g" as [samples] and "pop;x" as [samples, neurons]', () => {
    setup({ dt: 1 });
    new Population(4, new Neuron({ equations: 'x = t\n g = g + 2 : population\n r = x' }), 'p');
    compile();
    const mon = new CompNeuroMonitors({ 'p;2': ['g', 'x'] });
    mon.start();
    simulate(6);
    const rec = mon.getRecordings()[0]!;
    const g = rec['p;g'] as RecordedArray;
    expect(g.shape).to.deep.equal([3]);
    expect(Array.from(g.data)).to.deep.equal([2, 6, 10]);
    expect((rec['p;x'] as RecordedArray).shape).to.deep.equal([3, 4]);
  });
});
