import { expect } from 'chai';
import { myRasterPlot } from '../../src/analysis/raster.js';
import { rasterPlot } from '../../src/engine/spike-analysis.js';

describe('analysis/raster', () => {
  it('rasterPlot flattens neuron by neuron and converts steps to ms', () => {
    const { times, ranks } = rasterPlot({ 0: [20, 5], 1: [3] }, { dt: 0.5 });
    expect([...times]).to.deep.equal([10, 2.5, 1.5]);
    expect([...ranks]).to.deep.equal([0, 0, 1]);
  });
  it('myRasterPlot keeps steps, neuron-major (not time-sorted)', () => {
    const [t, n] = myRasterPlot({ 0: [7], 2: [1, 4], 1: [] });
    expect([...t]).to.deep.equal([7, 1, 4]);
    expect([...n]).to.deep.equal([0, 2, 2]);
  });
  it('rejects a bad dt', () => {
    expect(() => rasterPlot({ 0: [1] }, { dt: 0 })).to.throw(/dt/);
  });
});
