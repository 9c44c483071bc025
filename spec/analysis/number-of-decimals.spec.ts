import { expect } from 'chai';
import {
  getNumberOfDecimals,
  getNumberOfZeroDecimals,
  npRound,
  rint,
  roundTo,
} from '../../src/analysis/number-of-decimals.js';

describe('analysis/number-of-decimals', () => {
  it('getNumberOfDecimals counts the decimals Python prints (CompNeuroPy docstring examples)', () => {
    expect(getNumberOfDecimals(5)).to.equal(0);
    expect(getNumberOfDecimals(5.1)).to.equal(1);
    expect(getNumberOfDecimals(0.0101)).to.equal(4);
    expect(getNumberOfDecimals(0.1)).to.equal(1);
    expect(getNumberOfDecimals(0.01)).to.equal(2);
    expect(getNumberOfDecimals(-2.25)).to.equal(2);
    expect(getNumberOfDecimals(123456789.123)).to.equal(3);
    // str(0.1 + 0.2) == '0.30000000000000004'
    expect(getNumberOfDecimals(0.1 + 0.2)).to.equal(17);
  });

  it('getNumberOfDecimals works below 1e-4 where CompNeuroPy crashes (quirk §14.12)', () => {
    expect(getNumberOfDecimals(1e-5)).to.equal(5);
    expect(getNumberOfDecimals(1.5e-5)).to.equal(6);
    expect(getNumberOfDecimals(2e-7)).to.equal(7); // JS would print 2e-7
    expect(() => getNumberOfDecimals(NaN)).to.throw(/finite/);
  });

  it('getNumberOfZeroDecimals follows the docstring examples', () => {
    expect(getNumberOfZeroDecimals(0.12)).to.equal(1);
    expect(getNumberOfZeroDecimals(0.012)).to.equal(2);
    expect(getNumberOfZeroDecimals(1.012)).to.equal(0);
    expect(getNumberOfZeroDecimals(0)).to.equal(0);
    expect(getNumberOfZeroDecimals(-0.05)).to.equal(2);
  });

  it("roundTo equals Python's round(x, n) (values from CPython 3.11)", () => {
    const cases: [number, number, number][] = [
      [2.675, 2, 2.67], // stored as 2.67499999999999982236431605997495353221893310546875
      [0.125, 2, 0.12], // exact tie -> even
      [0.375, 2, 0.38], // exact tie -> even
      [999.99, 2, 999.99],
      [1.005, 2, 1.0],
      [0.285, 2, 0.28],
      [893.3175, 3, 893.317],
      [686.4845, 3, 686.485],
      [699.9000000000001, 1, 699.9],
      [2.5, 0, 2.0],
      [3.5, 0, 4.0],
      [-2.5, 0, -2.0],
      [0.5, 0, 0.0],
      [1.5, 0, 2.0],
      [1250, -2, 1200],
      [1350, -2, 1400],
      [2.675, -1, 0],
      [123.456, 10, 123.456],
      [5e-324, 400, 5e-324],
      [1e300, -299, 1e300],
    ];
    for (const [x, n, want] of cases) expect(roundTo(x, n), `round(${x}, ${n})`).to.equal(want);
    expect(Object.is(roundTo(-0.001, 2), -0)).to.equal(true);
    expect(roundTo(NaN, 2)).to.be.NaN;
    expect(roundTo(Infinity, 2)).to.equal(Infinity);
    expect(() => roundTo(1, 0.5)).to.throw(/ndigits/);
  });

  it('npRound equals numpy np.round(x, n) (values from numpy 2.4), which differs from Python', () => {
    const cases: [number, number, number][] = [
      [2.675, 2, 2.68], // 2.675 * 100 rounds to exactly 267.5, rint -> 268
      [0.125, 2, 0.12],
      [893.3175, 3, 893.318],
      [686.4845, 3, 686.484],
      [699.9000000000001, 1, 699.9],
      [999.99, 2, 999.99],
      [-2.5, 0, -2],
      [1350, -2, 1400],
      [1e300, -299, 1.0000000000000002e300],
    ];
    for (const [x, n, want] of cases) expect(npRound(x, n), `np.round(${x}, ${n})`).to.equal(want);
    expect(Object.is(npRound(-0.001, 2), -0)).to.equal(true);
  });

  it('rint rounds halves to even', () => {
    expect([rint(0.5), rint(1.5), rint(2.5), rint(-1.5), rint(2.4999999999999996)]).to.deep.equal([0, 2, 2, -2, 2]);
  });
});
