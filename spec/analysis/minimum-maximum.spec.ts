import { expect } from 'chai';
import { getMaximum, getMinimum } from '../../src/analysis/minimum-maximum.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';

describe('analysis/minimum-maximum', () => {
  it('ignores NaN over nested arrays and returns scalars as they are', () => {
    expect(getMinimum([3, [1, NaN], new Float64Array([2])])).to.equal(1);
    expect(getMaximum([[1, 5], [NaN, 2]])).to.equal(5);
    expect(getMaximum(new RecordedArray(Float64Array.of(-3, NaN, -1, -7), [2, 2]))).to.equal(-1);
    expect(getMinimum(4)).to.equal(4);
    expect(getMaximum(NaN)).to.be.NaN;
    expect(getMinimum([NaN, [NaN]])).to.be.NaN;
  });

  it('rejects empty input', () => {
    expect(() => getMinimum([])).to.throw(/empty/);
  });
});
