import { expect } from 'chai';
import { rmse, rsse } from '../../src/analysis/rmse.js';
import { pairwiseSum } from '../../src/analysis/nan-stats.js';

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

  it('gives the bits of the two-pass sum (squares in an array, then numpy\'s pairwise sum) for every length to 1100', () => {
    // the squares are summed as they are computed: every block boundary of the pairwise order
    // (8, 128, the halves above) must fall where it falls over the temporary array
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 200 - 100;
    for (let n = 0; n <= 1100; n++) {
      const a = Float64Array.from({ length: n }, next);
      const b = Float64Array.from({ length: n }, next);
      const sq = a.map((v, i) => (v - b[i]!) * (v - b[i]!));
      const sum = 0 + pairwiseSum(sq, 0, n);
      expect(Object.is(rsse(a, b), Math.sqrt(sum)), `rsse, n = ${n}`).to.equal(true);
      expect(Object.is(rmse(a, b), Math.sqrt(sum / n)), `rmse, n = ${n}`).to.equal(true);
      // a scalar on either side, as numpy broadcasts it
      const sq1 = a.map((v) => (v - 1.5) * (v - 1.5));
      expect(Object.is(rmse(a, 1.5), Math.sqrt((0 + pairwiseSum(sq1, 0, n)) / n)), `rmse(a, 1.5), n = ${n}`).to.equal(true);
      expect(Object.is(rmse(1.5, a), rmse(a, 1.5)), `rmse(1.5, a), n = ${n}`).to.equal(true);
    }
  });

  it('handles large inputs, and small ones after them', () => {
    const n = (1 << 20) + 3;
    const a = new Float64Array(n).fill(3);
    expect(rmse(a, 1)).to.equal(2); // every difference 2
    expect(rsse(a, 3)).to.equal(0);
    expect(rmse([1, 3], [2, 2])).to.equal(1);
  });

  it('rejects arrays of different shapes', () => {
    expect(() => rmse([1, 2], [1, 2, 3])).to.throw(/same shape/);
  });
});
