import { expect } from 'chai';
import { coefficientOfVariation, interSpikeInterval } from '../../src/engine/spike-analysis.js';

describe('analysis/spike-statistics', () => {
  const spikes = { 0: [0, 10, 30], 1: [5], 2: [2, 6, 10, 22] };
  it('interSpikeInterval: flat list in rank order, times dt', () => {
    expect(interSpikeInterval(spikes, { dt: 0.5 })).to.deep.equal([5, 10, 2, 2, 6]);
  });
  it('interSpikeInterval: per neuron skips neurons with < 2 spikes; ranks filter', () => {
    expect(interSpikeInterval(spikes, { perNeuron: true, dt: 1 })).to.deep.equal({ 0: [10, 20], 2: [4, 4, 12] });
    expect(interSpikeInterval(spikes, { ranks: [2], dt: 1 })).to.deep.equal([4, 4, 12]);
  });
  it('coefficientOfVariation: population std / mean per neuron with >= 2 ISIs', () => {
    // rank 0: ISIs 10, 20 -> mean 15, std 5; rank 2: 4, 4, 12 -> mean 20/3, std sqrt(128/9)
    const cv = coefficientOfVariation(spikes, { perNeuron: true });
    expect(cv[0]).to.be.closeTo(1 / 3, 1e-15);
    expect(cv[2]).to.be.closeTo(Math.sqrt(128 / 9) / (20 / 3), 1e-15);
    expect(Object.keys(cv)).to.deep.equal(['0', '2']);
    expect(coefficientOfVariation({ 0: [0, 1] })).to.deep.equal([]);
  });
});
