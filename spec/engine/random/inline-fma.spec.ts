import { expect } from 'chai';
import { inlineFma } from '../../../src/engine/random/inline-fma.js';

// the function form of the algorithm, written out (libm's fma is now built from inlineFma)
function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || p === 0 || !Number.isFinite(c)) return p + c;
  let t = 134217729 * a;
  const ah = t - (t - a), al = a - ah;
  t = 134217729 * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl; // p + e == a*b exactly
  const s = p + c, bb = s - p;
  return s + (p - (s - bb) + (c - bb) + e);
}

describe('engine/random: inlineFma', () => {
  // y = FMA(a, b, FMA(c, d, e)) expanded and evaluated
  const nested = new Function('a', 'b', 'c', 'd', 'e', `${inlineFma('const y = FMA(a, b, FMA(c, d, e));')}\nreturn y;`) as (...x: number[]) => number;

  it('computes a*b + c with one rounding: fma(0.1, 10, -1) is the rounding error of 0.1', () => {
    // 0.1 = 3602879701896397 / 2^55, so 0.1*10 - 1 = 2^-54 exactly = 5.551115123125783e-17
    expect(nested(0.1, 10, 1, 0, -1)).to.equal(2 ** -54);
    expect(0.1 * 10 - 1).to.equal(0); // what the unfused expression gives
  });

  it('gives what fma() gives, also for infinities, NaN and zeros', () => {
    const xs = [0, -0, 1, -1.5, 0.1, 1 / 3, 1e308, -1e-308, 5e-324, Infinity, -Infinity, NaN];
    for (const a of xs) for (const b of xs) for (const c of xs) {
      const want = fma(a, b, fma(c, 1, 0));
      expect(Object.is(nested(a, b, c, 1, 0), want), `${a} ${b} ${c}`).to.equal(true);
    }
  });

  it('rejects a call without three arguments', () => {
    expect(() => inlineFma('y = FMA(a, b);')).to.throw(/FMA\(\) takes 3 arguments: FMA\(a, b\)/);
  });
});
