import { expect } from 'chai';
import { RecordedArray } from '../../src/engine/recorded-array.js';

/** Values 0, 1, 2, ... in an array of `rows` samples of `m` values. */
function counting(rows: number, m: number): RecordedArray {
  return new RecordedArray(Float64Array.from({ length: rows * m }, (_, k) => k), [rows, m]);
}

describe('engine/recorded-array', () => {
  it('checks its shape against its values', () => {
    expect(() => new RecordedArray(new Float64Array(5), [2, 2])).to.throw(/shape \[2, 2\] needs 4 values, got 5/);
  });

  it('the column of a one-column array is a view of its data, as numpy\'s a[:, 0] (no copy per loss of a fit)', () => {
    const a = counting(4, 1);
    const c = a.column(0);
    expect([...c]).to.deep.equal([0, 1, 2, 3]);
    expect(c.buffer).to.equal(a.data.buffer);
    a.data[2] = 7;
    expect(c[2]).to.equal(7);
    expect(() => a.column(1)).to.throw(RangeError, /column 1 out of range \[0, 1\)/);
  });

  it('reads values, rows (views) and columns (copies when a sample holds several values)', () => {
    const a = counting(3, 2); // [[0, 1], [2, 3], [4, 5]]
    expect(a.get(2, 1)).to.equal(5);
    expect(() => a.get(3, 0)).to.throw(RangeError, /index 3 out of range \[0, 3\) on axis 0/);
    expect([...a.row(1)]).to.deep.equal([2, 3]);
    a.row(1)[0] = 20; // a view
    expect(a.get(1, 0)).to.equal(20);
    const c = a.column(0);
    expect([...c]).to.deep.equal([0, 20, 4]);
    c[0] = 99; // a copy
    expect(a.get(0, 0)).to.equal(0);
    expect(() => a.column(2)).to.throw(RangeError, /column 2 out of range \[0, 2\)/);
  });

  it('columns(count) equals column(j) for each j, for row sizes and lengths around its 8-sample passes', () => {
    for (const m of [1, 2, 6, 13, 100]) {
      for (const rows of [0, 1, 7, 8, 9, 16, 1003]) {
        const a = counting(rows, m);
        for (const count of [0, 1, m]) {
          const cols = a.columns(count);
          expect(cols.length).to.equal(count);
          cols.forEach((col, j) => expect([...col], `m ${m}, ${rows} rows, column ${j}`).to.deep.equal([...a.column(j)]));
        }
      }
    }
  });

  it('columns are disjoint copies: writing one changes neither the others nor the array', () => {
    const a = counting(10, 3);
    const [c0, c1] = a.columns(2);
    c0!.fill(-1);
    expect([...c1!]).to.deep.equal([...a.column(1)]);
    expect(a.get(0, 0)).to.equal(0);
    expect(a.columns().length).to.equal(3); // all by default
  });

  it('rejects a column count it does not have', () => {
    const a = counting(4, 3);
    expect(() => a.columns(4)).to.throw(RangeError, /count 4 out of range \[0, 3\]/);
    expect(() => a.columns(1.5)).to.throw(RangeError, /count 1.5/);
  });
});
