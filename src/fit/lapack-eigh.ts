/**
 * `numpy.linalg.eigh(a)` (UPLO='L') as numpy computes it: LAPACK `dsyevd`, which for the matrix
 * sizes of a CMA-ES (n <= 25) reduces to tridiagonal form with `dsytd2`, solves the tridiagonal
 * problem with implicit QL/QR (`dsteqr`, reached through `dstedc`) and back-transforms with
 * `dormtr`/`dorm2r`.
 *
 * Why hand-written: DEAP's CMA-ES samples `centroid + sigma * Z @ (B D)^T`, so the candidates of
 * every generation after the first depend on the signs and order of the eigenvectors, which are
 * a convention of the algorithm, not of the mathematics. ml-matrix (the JAMA algorithm) and the
 * npm LAPACK ports (`@stdlib/lapack` has no symmetric eigensolver) give other signs, so only a
 * port of the same algorithms reproduces numpy's — and DEAP's — numbers.
 *
 * This is a port of routines of reference LAPACK 3.12 (Univ. of Tennessee, Univ. of California
 * Berkeley, Univ. of Colorado Denver and NAG Ltd.; modified BSD licence, which permits this
 * port with this notice): DSYEVD, DSYTD2, DLARFG, DSTEQR, DLAEV2, DLARTG (the 3.10 algorithm),
 * DLASR, DLASCL, DLANST, DLAPY2, DORM2R/DLARF, with the reference BLAS (DSYMV, DSYR2, DDOT,
 * DAXPY, DNRM2) inlined. Results agree with numpy's to rounding (~1e-15 relative); numpy's
 * OpenBLAS kernels sum in other orders, so the last bits may differ. For n > 25 LAPACK switches
 * to divide and conquer (dlaed0); this port keeps QL/QR there: the same eigenpairs, but the
 * signs of the eigenvectors may then differ from numpy's.
 */

import { EPS, PREC, SAFMIN, dlapy2, dlascl, dsteqr, sign } from './lapack-tridiagonal.js';

/** Eigenvalues ascending and eigenvectors (column j belongs to value j), as numpy returns them. */
export interface SymmetricEigen {
  values: Float64Array;
  /** Column-major n x n: `vectors[i + j * n]` is component i of eigenvector j. */
  vectors: Float64Array;
}

/** DNRM2 of `len` entries from `off`: the plain sum of squares in range, scaled outside it. */
function dnrm2(x: Float64Array, off: number, len: number): number {
  let s = 0;
  for (let k = 0; k < len; k++) s += x[off + k]! * x[off + k]!;
  if (s > 1e-290 && s < 1e290) return Math.sqrt(s);
  let scale = 0;
  for (let k = 0; k < len; k++) scale = Math.max(scale, Math.abs(x[off + k]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  s = 0;
  for (let k = 0; k < len; k++) s += (x[off + k]! / scale) ** 2;
  return scale * Math.sqrt(s);
}

/**
 * DSYTD2 with UPLO='L' on the column-major a (n x n): reduces it to tridiagonal (d, e); the
 * reflectors stay below the subdiagonal of a, their scalars in tau.
 */
function dsytd2Lower(n: number, a: Float64Array, d: Float64Array, e: Float64Array, tau: Float64Array): void {
  const w = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) {
    const m = n - i - 1; // order of the trailing block; v lives in a[i+1.., i]
    const vOff = i + 1 + i * n;
    // DLARFG(m, a(i+1,i), a(i+2..,i))
    let taui = 0;
    let alpha = a[vOff]!;
    if (m > 1) {
      let xnorm = dnrm2(a, vOff + 1, m - 1);
      if (xnorm !== 0) {
        let beta = -sign(dlapy2(alpha, xnorm), alpha);
        const safmin = SAFMIN / EPS;
        let knt = 0;
        if (Math.abs(beta) < safmin) {
          const rsafmn = 1 / safmin;
          do {
            knt += 1;
            for (let k = 1; k < m; k++) a[vOff + k] = a[vOff + k]! * rsafmn;
            beta *= rsafmn;
            alpha *= rsafmn;
          } while (Math.abs(beta) < safmin && knt < 20);
          xnorm = dnrm2(a, vOff + 1, m - 1);
          beta = -sign(dlapy2(alpha, xnorm), alpha);
        }
        taui = (beta - alpha) / beta;
        const scal = 1 / (alpha - beta);
        for (let k = 1; k < m; k++) a[vOff + k] = a[vOff + k]! * scal;
        for (let j = 0; j < knt; j++) beta *= safmin;
        alpha = beta;
      }
    }
    a[vOff] = alpha;
    e[i] = alpha;
    if (taui !== 0) {
      a[vOff] = 1;
      const b0 = i + 1; // trailing block a[b0.., b0..]
      // DSYMV lower: w = taui * A_block * v
      w.fill(0, 0, m);
      for (let j = 0; j < m; j++) {
        const temp1 = taui * a[vOff + j]!;
        let temp2 = 0;
        const col = (b0 + j) * n + b0;
        w[j] = w[j]! + temp1 * a[col + j]!;
        for (let k = j + 1; k < m; k++) {
          w[k] = w[k]! + temp1 * a[col + k]!;
          temp2 += a[col + k]! * a[vOff + k]!;
        }
        w[j] = w[j]! + taui * temp2;
      }
      // alpha = -1/2 taui (w . v); w += alpha v
      let dot = 0;
      for (let k = 0; k < m; k++) dot += w[k]! * a[vOff + k]!;
      const alpha2 = -0.5 * taui * dot;
      for (let k = 0; k < m; k++) w[k] = w[k]! + alpha2 * a[vOff + k]!;
      // DSYR2 lower: A_block -= v w^T + w v^T
      for (let j = 0; j < m; j++) {
        const vj = a[vOff + j]!;
        const wj = w[j]!;
        if (vj !== 0 || wj !== 0) {
          const temp1 = -wj;
          const temp2 = -vj;
          const col = (b0 + j) * n + b0;
          for (let k = j; k < m; k++) a[col + k] = a[col + k]! + a[vOff + k]! * temp1 + w[k]! * temp2;
        }
      }
      a[vOff] = e[i]!;
    }
    d[i] = a[i + i * n]!;
    tau[i] = taui;
  }
  d[n - 1] = a[n - 1 + (n - 1) * n]!;
}

/**
 * DORMTR('L', 'L', 'N') through DORM2R: z := Q z with Q = H(0) ... H(n-2) from dsytd2Lower,
 * applying H(n-2) first, each to rows i+1.. of z.
 */
function applyQ(n: number, a: Float64Array, tau: Float64Array, z: Float64Array): void {
  const w = new Float64Array(n);
  for (let i = n - 2; i >= 0; i--) {
    const t = tau[i]!;
    if (t === 0) continue;
    const r0 = i + 1; // first row of z touched; v(0) = 1 at that row
    const len = n - r0;
    const v0 = r0 + i * n; // v(k) = a[v0 + k] for k >= 1
    // w = C^T v (DGEMV 'T'), C = C - tau v w^T (DGER)
    for (let j = 0; j < n; j++) {
      const col = r0 + j * n;
      let s = z[col]!; // v(0) = 1
      for (let k = 1; k < len; k++) s += z[col + k]! * a[v0 + k]!;
      w[j] = s;
    }
    for (let j = 0; j < n; j++) {
      const temp = -t * w[j]!;
      if (temp === 0) continue;
      const col = r0 + j * n;
      z[col] = z[col]! + temp;
      for (let k = 1; k < len; k++) z[col + k] = z[col + k]! + a[v0 + k]! * temp;
    }
  }
}

/**
 * `numpy.linalg.eigh(a)` for a symmetric matrix given as rows; like numpy only the lower
 * triangle is read. Eigenvalues ascending, eigenvectors with LAPACK's signs.
 *
 * @example
 * ```ts
 * const { values, vectors } = eigh([[2, 1], [1, 2]]);
 * // values = [1, 3]; vectors (column-major) = [-0.7071, 0.7071, 0.7071, 0.7071], as numpy
 * ```
 */
export function eigh(rows: ArrayLike<ArrayLike<number>>): SymmetricEigen {
  const n = rows.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    if (!row || row.length !== n) throw new Error(`eigh: expected a square matrix, row ${i} has ${row ? row.length : 'no'} entries for ${n} rows`);
    for (let j = 0; j <= i; j++) {
      const v = row[j]!;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`eigh: entry [${i}][${j}] must be a finite number, got ${String(v)}`);
      a[i + j * n] = v;
    }
  }
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  if (n === 0) return { values, vectors };
  if (n === 1) {
    values[0] = a[0]!;
    vectors[0] = 1;
    return { values, vectors };
  }
  // DSYEVD: scale a matrix whose largest entry is outside [rmin, rmax]
  const smlnum = SAFMIN / PREC;
  const rmin = Math.sqrt(smlnum);
  const rmax = Math.sqrt(1 / smlnum);
  let anrm = 0;
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) anrm = Math.max(anrm, Math.abs(a[i + j * n]!));
  let sigma = 1;
  if (anrm > 0 && anrm < rmin) sigma = rmin / anrm;
  else if (anrm > rmax) sigma = rmax / anrm;
  if (sigma !== 1) for (let j = 0; j < n; j++) dlascl(1, sigma, a, j * n + j, n - j);

  const e = new Float64Array(n);
  const tau = new Float64Array(n);
  dsytd2Lower(n, a, values, e, tau);
  if (!dsteqr(n, values, e, vectors)) throw new Error(`eigh: the QL/QR iteration did not converge for this ${n}x${n} matrix (LAPACK INFO > 0)`);
  applyQ(n, a, tau, vectors);
  if (sigma !== 1) for (let i = 0; i < n; i++) values[i] = values[i]! * (1 / sigma);
  return { values, vectors };
}
