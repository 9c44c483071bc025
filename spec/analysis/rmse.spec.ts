import { expect } from 'chai';
import { rmse, rsse } from '../../src/analysis/rmse.js';

describe('analysis/rmse', () => {
  it('computes root-mean-square and root-sum-square errors', () => {
    expect(rmse([1, 2, 3], [1, 2, 5])).to.equal(Math.sqrt(4 / 3));
    expect(rsse([0, 0], [3, 4])).to.equal(5);
    expect(rmse(new Float64Array([1, 3]), 2)).to.equal(1);
  });

  it('matches numpy on 250 values (np.sqrt(np.mean((a-b)**2)) and np.sqrt(np.sum(...)))', () => {
    const all = Array.from({ length: 300 }, (_, i) => ((i * 7919) % 1000) / 7.0 - 50).filter((_, i) => i !== 5 && i !== 77);
    const a = all.slice(0, 250);
    const b = Array.from({ length: 250 }, (_, i) => ((i * 104729) % 997) / 13.0);
    expect(rmse(a, b)).to.equal(49.39695186711041);
    expect(rsse(a, b)).to.equal(781.0343868488799);
  });

  it('handles inputs larger than its reused scratch buffer, and small ones after them', () => {
    const n = (1 << 20) + 3; // above the scratch limit: an array of its own
    const a = new Float64Array(n).fill(3);
    expect(rmse(a, 1)).to.equal(2); // every difference 2
    expect(rsse(a, 3)).to.equal(0);
    expect(rmse([1, 3], [2, 2])).to.equal(1);
  });

  it('rejects arrays of different shapes', () => {
    expect(() => rmse([1, 2], [1, 2, 3])).to.throw(/same shape/);
  });
});
