import { expect } from 'chai';
import { sampleDataWithTimestep } from '../../src/analysis/sample-data-with-timestep.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';

// Expected arrays: output of CompNeuroPy's sample_data_with_timestep (numpy 2.4, scipy interp1d).
describe('analysis/sample-data-with-timestep', () => {
  it('resamples with linear interpolation on the rounded grid', () => {
    const [t, d] = sampleDataWithTimestep([1.26, 1.9, 2.2, 2.61], [1.0, 3.0, -1.0, 4.0], 0.5);
    expect(Array.from(t)).to.deep.equal([1.5, 2.0, 2.5]);
    expect(Array.from(d)).to.deep.equal([1.75, 1.6666666666666667, 2.6585365853658542]);
  });

  it('extrapolates beyond the first and last sample', () => {
    const [t, d] = sampleDataWithTimestep([0.03, 0.31, 0.52, 0.77], [0.5, 0.25, 2.0, 1.0], 0.1);
    expect(Array.from(t)).to.deep.equal([
      0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8,
    ]);
    expect(Array.from(d)).to.deep.equal([
      0.5267857142857143, 0.4375, 0.3482142857142857, 0.2589285714285714, 1.0, 1.833333333333333,
      1.6799999999999997, 1.2799999999999998, 0.8799999999999999,
    ]);
  });

  it('interpolates each row of a RecordedArray along its last axis', () => {
    const data = new RecordedArray(Float64Array.of(0, 10, 20, 0, -1, -2), [2, 3]);
    const [t, d] = sampleDataWithTimestep([0, 1, 2], data, 0.5);
    expect(Array.from(t)).to.deep.equal([0, 0.5, 1, 1.5, 2]);
    expect(d.toArray()).to.deep.equal([
      [0, 5, 10, 15, 20],
      [0, -0.5, -1, -1.5, -2],
    ]);
  });

  it('rejects bad input', () => {
    expect(() => sampleDataWithTimestep([0, 1], [1, 2], 0)).to.throw(/timestep/);
    expect(() => sampleDataWithTimestep([0, 1], [1, 2, 3], 1)).to.throw(/length/);
  });
});
