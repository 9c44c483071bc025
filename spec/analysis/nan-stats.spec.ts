import { expect } from 'chai';
import { getNanmean, getNanstd, pairwiseSum } from '../../src/analysis/nan-stats.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';

// 300 values ((i*7919) % 1000)/7 - 50 with NaN at 5 and 77; expectations from numpy 2.4.
const values = Array.from({ length: 300 }, (_, i) => ((i * 7919) % 1000) / 7.0 - 50);
values[5] = NaN;
values[77] = NaN;

describe('analysis/nan-stats', () => {
  it('sums in numpy pairwise order (a plain loop gives 6355.999999999996)', () => {
    const finite = Float64Array.from(values.filter((v) => !Number.isNaN(v)));
    expect(pairwiseSum(finite)).to.equal(6356.0);
  });

  it('getNanmean / getNanstd over all values match numpy nanmean / nanstd', () => {
    expect(getNanmean(values)).to.equal(21.328859060402685);
    expect(getNanstd(values)).to.equal(41.53828071153245);
    expect(getNanmean([1, NaN, 3])).to.equal(2);
    expect(getNanstd([1, NaN, 3])).to.equal(1);
    expect(getNanmean([NaN, NaN])).to.be.NaN;
  });

  it('reduces along an axis of a [30, 10] array', () => {
    const m = new RecordedArray(Float64Array.from(values), [30, 10]);
    const over0 = getNanmean(m, 0) as Float64Array;
    expect(Array.from(over0.subarray(0, 3))).to.deep.equal([19.761904761904756, 17.714285714285715, 20.42857142857143]);
    const over1 = getNanmean(m, 1) as Float64Array;
    expect(Array.from(over1.subarray(0, 3))).to.deep.equal([25.555555555555554, 25.07142857142857, 23.64285714285714]);
    const std1 = getNanstd(m, -1) as Float64Array;
    expect(Array.from(std1.subarray(0, 3))).to.deep.equal([40.0778406122145, 43.8057516491958, 45.541694285208]);
    expect(Array.from(getNanmean([[1, 2], [3, NaN]], 0) as Float64Array)).to.deep.equal([2, 2]);
    expect(() => getNanmean(m, 2)).to.throw(/out of bounds/);
  });
});
