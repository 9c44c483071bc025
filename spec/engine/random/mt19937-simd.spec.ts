import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { NumpyRandomState } from '../../../src/engine/random/numpy-legacy.js';
import { selectBelow } from '../../../src/engine/random/mt19937-simd.js';
import { MT19937 } from '../../../src/engine/random/mt19937.js';
import { wasmSimdSupported } from '../../../src/language/wasm/wasm-module.js';

// numpy 2.4: np.nonzero(np.random.random(n) < p) over call sequences (spec/fixtures/random/random_below.py)
const fx = JSON.parse(readFileSync(new URL('../../fixtures/random/random_below.json', import.meta.url), 'utf8')) as {
  cases: { seed: number; p: number; calls: { n: number; indices: number[] }[]; after: number }[];
};

describe('engine/random: randomBelow, numpy\'s random(n) < p without forming the doubles', () => {
  it('WebAssembly SIMD runs here, so the bulk path is the one tested', () => {
    expect(wasmSimdSupported()).to.equal(true);
    expect(selectBelow(new MT19937(1), 10, 0.5)).to.not.equal(undefined);
  });

  it('selects numpy\'s indices on both word parities and across MT19937 blocks, and leaves the stream where numpy does', () => {
    for (const c of fx.cases) {
      const rs = new NumpyRandomState(c.seed);
      c.calls.forEach((call, k) => {
        if (k % 2 === 1) rs.randint(0, 10);
        expect(Array.from(rs.randomBelow(call.n, c.p)), `seed ${c.seed}, call ${k}`).to.deep.equal(call.indices);
      });
      expect(rs.randint(0, 2 ** 31)).to.equal(c.after);
    }
  });

  it('decides exactly at the boundary: p equal to a drawn double excludes that draw (u < p is strict)', () => {
    const u = new NumpyRandomState(7).random(1500);
    for (const k of [0, 1, 311, 312, 623, 700, 1499]) {
      const p = u[k]!;
      const expected: number[] = [];
      for (let j = 0; j < u.length; j++) if (u[j]! < p) expected.push(j);
      const got = Array.from(new NumpyRandomState(7).randomBelow(1500, p));
      expect(got, `p = u[${k}]`).to.deep.equal(expected);
      expect(got).to.not.include(k);
    }
  });

  it('randomBelowRows: consecutive rows equal the doubles of one random(rows * n) below p, and the stream continues where numpy\'s does', () => {
    for (const [seed, odd, rows, n, p] of [[3, false, 5, 1000, 0.02], [11, true, 7, 333, 0.5], [5, true, 40, 31, 0.9]] as const) {
      const a = new NumpyRandomState(seed), b = new NumpyRandomState(seed);
      // an odd number of words first: pairs then straddle the MT19937 blocks differently
      if (odd) { a.randint(0, 10); b.randint(0, 10); }
      const u = b.random(rows * n);
      let r = 0;
      a.randomBelowRows(rows, n, p, (idx, count) => {
        const want: number[] = [];
        for (let k = 0; k < n; k++) if (u[r * n + k]! < p) want.push(k);
        expect(Array.from(idx.subarray(0, count)), `seed ${seed}, row ${r}`).to.deep.equal(want);
        r++;
      });
      expect(r).to.equal(rows);
      expect(a.randint(0, 2 ** 31)).to.equal(b.randint(0, 2 ** 31));
    }
  });

  it('rejects a bad size or probability', () => {
    const rs = new NumpyRandomState(0);
    expect(() => rs.randomBelow(-1, 0.5)).to.throw(/randomBelow: size must be a non-negative integer/);
    expect(() => rs.randomBelow(3, NaN)).to.throw(/randomBelow: p must be a number/);
  });
});
