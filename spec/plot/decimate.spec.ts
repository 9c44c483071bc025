import { expect } from 'chai';
import { BREAK, decimateM4 } from '../../src/plot/decimate.js';

describe('plot/decimate', () => {
  // HH-like: rest near -70 with small noise-free ripple, spikes to +30..+40 every ~37.3 ms
  const n = 100000;
  const dt = 0.01;
  const t = new Float64Array(n);
  const v = new Float64Array(n);
  const peaks: number[] = [];
  for (let i = 0; i < n; i++) {
    t[i] = i * dt;
    v[i] = -70 + 2 * Math.sin(i / 300);
  }
  for (let k = 0; k * 3730 + 1000 < n - 200; k++) {
    const c = k * 3730 + 1000;
    for (let j = -50; j <= 50; j++) v[c + j] = 30 + (k % 7) - Math.abs(j) * 1.9;
    peaks.push(c);
  }
  v[777] = -95; // global minimum (after-hyperpolarisation)

  it('keeps global max, min and every spike peak, in order, with far fewer points', () => {
    const keep = decimateM4(t, v, { x0: 0, x1: t[n - 1]!, buckets: 1600 });
    expect(keep.length).to.be.below(4 * 1600 + 1);
    const set = new Set(keep);
    for (const p of peaks) expect(set.has(p), `peak at ${p}`).to.equal(true);
    let iMax = 0;
    let iMin = 0;
    for (let i = 0; i < n; i++) {
      if (v[i]! > v[iMax]!) iMax = i;
      if (v[i]! < v[iMin]!) iMin = i;
    }
    expect(set.has(iMax)).to.equal(true);
    expect(set.has(iMin)).to.equal(true);
    for (let i = 1; i < keep.length; i++) expect(keep[i]!).to.be.above(keep[i - 1]!);
    expect(keep[0]).to.equal(0);
    expect(keep[keep.length - 1]).to.equal(n - 1);
  });

  it('breaks at NaN gaps and leaves the data untouched', () => {
    const y = Float64Array.from([1, 2, NaN, NaN, 5, 6]);
    const copy = Float64Array.from(y);
    const keep = decimateM4([0, 1, 2, 3, 4, 5], y, { x0: 0, x1: 5, buckets: 100 });
    expect([...keep]).to.deep.equal([0, 1, BREAK, 4, 5]);
    expect([...y]).to.deep.equal([...copy]);
  });
});
