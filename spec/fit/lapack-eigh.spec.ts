import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { eigh } from '../../src/fit/lapack-eigh.js';

// numpy.linalg.eigh results made once by spec/fixtures/fit/cma_deap.py (numpy 1.24.2, Debian's OpenBLAS)
interface EighCase { name: string; matrix: number[][]; values: number[]; vectors: number[][] }
const fixture = JSON.parse(readFileSync(new URL('../fixtures/fit/cma_deap.json', import.meta.url), 'utf8')) as { eigh: EighCase[] };

describe('fit/lapack-eigh (numpy.linalg.eigh: LAPACK dsyevd conventions)', () => {
  it('has the fixture numpy made', () => expect(fixture.eigh.length).to.be.at.least(40));

  for (const c of fixture.eigh) {
    it(`matches numpy on ${c.name}`, () => {
      const n = c.matrix.length;
      const { values, vectors } = eigh(c.matrix);
      const scale = Math.max(...c.values.map(Math.abs));
      const eps = 2 ** -52;
      // eigenvalues: same order, agree to rounding of the largest
      values.forEach((v, j) => expect(Math.abs(v - c.values[j]!), `value ${j}`).to.be.at.most(64 * eps * scale));
      // an eigenvector is determined to about eps ||A|| / gap. With a (near-)repeated eigenvalue
      // only its subspace is, and rounding in the reduction (numpy's OpenBLAS kernels sum in
      // other orders) decides where the QL/QR iteration deflates, so even the other vectors'
      // signs may differ: there only A v = lambda v and orthonormality are checked
      const gaps = c.values.map((vj, j) => Math.min(...c.values.filter((_, k) => k !== j).map((vk) => Math.abs(vk - vj))));
      const degenerate = gaps.some((g) => (64 * eps * scale) / g >= 1e-3);
      for (let j = 0; j < n; j++) {
        const tol = (64 * eps * scale) / gaps[j]!;
        if (!degenerate) {
          for (let i = 0; i < n; i++) expect(Math.abs(vectors[i + j * n]! - c.vectors[i]![j]!), `vector ${j}[${i}] (same sign as numpy)`).to.be.at.most(Math.max(tol, 1e-13));
        }
        for (let i = 0; i < n; i++) {
          let av = 0;
          for (let k = 0; k < n; k++) av += c.matrix[Math.max(i, k)]![Math.min(i, k)]! * vectors[k + j * n]!;
          expect(Math.abs(av - values[j]! * vectors[i + j * n]!), `(A v - lambda v)[${i}] of vector ${j}`).to.be.at.most(64 * eps * scale);
        }
      }
      // orthonormal
      for (let j = 0; j < n; j++) for (let k = 0; k <= j; k++) {
        let d = 0;
        for (let i = 0; i < n; i++) d += vectors[i + j * n]! * vectors[i + k * n]!;
        expect(d).to.be.closeTo(j === k ? 1 : 0, 1e-13);
      }
    });
  }

  it('the 2x2 documented case: [[2, 1], [1, 2]] -> values [1, 3], LAPACK signs', () => {
    const { values, vectors } = eigh([[2, 1], [1, 2]]);
    expect(Array.from(values)).to.deep.equal([1, 3]);
    const h = Math.SQRT1_2;
    [-h, h, h, h].forEach((v, i) => expect(vectors[i]).to.be.closeTo(v, 1e-15));
  });

  it('reads only the lower triangle, as numpy with UPLO="L"', () => {
    const a = eigh([[2, 99], [1, 2]]);
    const b = eigh([[2, 1], [1, 2]]);
    expect(Array.from(a.values)).to.deep.equal(Array.from(b.values));
    expect(Array.from(a.vectors)).to.deep.equal(Array.from(b.vectors));
  });

  it('handles n = 0 and n = 1 as dsyevd does', () => {
    expect(eigh([]).values.length).to.equal(0);
    const one = eigh([[-3]]);
    expect(Array.from(one.values)).to.deep.equal([-3]);
    expect(Array.from(one.vectors)).to.deep.equal([1]);
  });

  it('rejects a non-square or non-finite matrix naming the entry', () => {
    expect(() => eigh([[1, 2], [3]])).to.throw(/row 1 has 1 entries for 2 rows/);
    expect(() => eigh([[1, 0], [NaN, 1]])).to.throw(/entry \[1\]\[0\] must be a finite number, got NaN/);
  });
});
