import { expect } from 'chai';
import { arange, timeDataFillGaps } from '../../src/analysis/time-data-fill-gaps.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';

// Expected arrays: output of CompNeuroPy's time_data_fill_gaps / numpy arange (numpy 2.4).
describe('analysis/time-data-fill-gaps', () => {
  it('arange reproduces numpy values and lengths', () => {
    expect(arange(0, 101, 1).length).to.equal(101);
    const a = arange(100, 200, 0.1);
    expect(a.length).to.equal(1000);
    expect(a[999]).to.equal(199.89999999999432);
    expect(Array.from(arange(0.3, 1.0, 0.1))).to.deep.equal([
      0.3, 0.4, 0.5, 0.6000000000000001, 0.7000000000000002, 0.8000000000000003, 0.9000000000000001,
    ]);
    expect(arange(5, 5, 1).length).to.equal(0);
    expect(() => arange(0, 1, 0)).to.throw(/step/);
  });

  it('detects the step automatically and fills gaps with NaN', () => {
    const [t, d] = timeDataFillGaps([0.0, 0.1, 0.2, 0.5, 0.6, 1.0], [0, 1, 2, 3, 4, 5]);
    expect(Array.from(t)).to.deep.equal([
      0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6, 0.7, 0.7999999999999999, 0.8999999999999999,
      0.9999999999999999, 1.0,
    ]);
    expect(Array.from(d)).to.deep.equal([0, 1, 2, NaN, NaN, 3, 4, NaN, NaN, NaN, NaN, 5]);
  });

  it('fills along another axis with a number', () => {
    const data = new RecordedArray(Float64Array.from({ length: 12 }, (_, i) => i), [2, 6]);
    const [t, d] = timeDataFillGaps([0.0, 0.1, 0.2, 0.5, 0.6, 1.0], data, { axis: 1, fill: -5 });
    expect(t.length).to.equal(12);
    expect(d.shape).to.deep.equal([2, 12]);
    expect(d.toArray()).to.deep.equal([
      [0, 1, 2, -5, -5, 3, 4, -5, -5, -5, -5, 5],
      [6, 7, 8, -5, -5, 9, 10, -5, -5, -5, -5, 11],
    ]);
  });

  it('uses a given fill time step and leaves gap-free data alone', () => {
    const [t, d] = timeDataFillGaps([0, 2, 4], [1, 2, 3], { fillTimeStep: 1 });
    expect(Array.from(t)).to.deep.equal([0, 1, 2, 3, 4]);
    expect(Array.from(d)).to.deep.equal([1, NaN, 2, NaN, 3]);
    const [t2] = timeDataFillGaps([0, 2, 4], [1, 2, 3]);
    expect(Array.from(t2)).to.deep.equal([0, 2, 4]);
  });

  it('rejects mismatched lengths with CompNeuroPy\'s message', () => {
    expect(() => timeDataFillGaps([0, 1], [1, 2, 3])).to.throw(
      'time_arr must have same length as specified axis (default=0) of data_arr!',
    );
    expect(() => timeDataFillGaps([0], [1])).to.throw(/at least 2/);
    expect(() => timeDataFillGaps([0, 1], [1, 2], { fill: 'zero' as never })).to.throw(/fill/);
  });
});
