/**
 * Symmetric tridiagonal eigenproblem as LAPACK solves it for small matrices: DSTEQR (implicit
 * QL/QR with COMPZ='I') and the routines it calls, ported from reference LAPACK 3.12 (Univ. of
 * Tennessee, Univ. of California Berkeley, Univ. of Colorado Denver and NAG Ltd.; modified BSD
 * licence, which permits this port with this notice). Why a port: see ./lapack-eigh.ts.
 */

// dlamch: 'E' (eps, rounding), 'P' (eps * base), 'S' (safe minimum), 'O' (overflow)
export const EPS = 2 ** -53;
export const PREC = 2 ** -52;
export const SAFMIN = 2 ** -1022;
const HUGEVAL = Number.MAX_VALUE;

/** Fortran SIGN(a, b): |a| with the sign of b (a negative zero counts as negative, as gfortran does). */
export function sign(a: number, b: number): number {
  return b < 0 || Object.is(b, -0) ? -Math.abs(a) : Math.abs(a);
}

export function dlapy2(x: number, y: number): number {
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  const xa = Math.abs(x);
  const ya = Math.abs(y);
  const w = Math.max(xa, ya);
  const z = Math.min(xa, ya);
  return z === 0 || w > HUGEVAL ? w : w * Math.sqrt(1 + (z / w) ** 2);
}

/** DLASCL type 'G': multiply `len` entries from `off` by cto/cfrom without over/underflow. */
export function dlascl(cfrom: number, cto: number, a: Float64Array, off: number, len: number): void {
  const smlnum = SAFMIN;
  const bignum = 1 / smlnum;
  let cfromc = cfrom;
  let ctoc = cto;
  for (;;) {
    const cfrom1 = cfromc * smlnum;
    let mul: number;
    let done: boolean;
    if (cfrom1 === cfromc) {
      mul = ctoc / cfromc;
      done = true;
    } else {
      const cto1 = ctoc / bignum;
      if (cto1 === ctoc) {
        mul = ctoc;
        done = true;
        cfromc = 1;
      } else if (Math.abs(cfrom1) > Math.abs(ctoc) && ctoc !== 0) {
        mul = smlnum;
        done = false;
        cfromc = cfrom1;
      } else if (Math.abs(cto1) > Math.abs(cfromc)) {
        mul = bignum;
        done = false;
        ctoc = cto1;
      } else {
        mul = ctoc / cfromc;
        done = true;
        if (mul === 1) return;
      }
    }
    for (let k = 0; k < len; k++) a[off + k] = a[off + k]! * mul;
    if (done) return;
  }
}

// DLARTG's results (c, s, r): module scratch, so that the inner QL/QR loop allocates nothing
let rotC = 0;
let rotS = 0;
let rotR = 0;

/** DLARTG (LAPACK >= 3.10): plane rotation with c >= 0 and r carrying the sign of f, into rotC, rotS, rotR. */
function dlartg(f: number, g: number): void {
  const safmax = 1 / SAFMIN;
  const rtmin = Math.sqrt(SAFMIN);
  const rtmax = Math.sqrt(safmax / 2);
  const f1 = Math.abs(f);
  const g1 = Math.abs(g);
  if (g === 0) {
    rotC = 1;
    rotS = 0;
    rotR = f;
  } else if (f === 0) {
    rotC = 0;
    rotS = sign(1, g);
    rotR = g1;
  } else if (f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax) {
    const d = Math.sqrt(f * f + g * g);
    rotC = f1 / d;
    rotR = sign(d, f);
    rotS = g / rotR;
  } else {
    const u = Math.min(safmax, Math.max(SAFMIN, f1, g1));
    const fs = f / u;
    const gs = g / u;
    const d = Math.sqrt(fs * fs + gs * gs);
    rotC = Math.abs(fs) / d;
    const r = sign(d, f);
    rotS = gs / r;
    rotR = r * u;
  }
}

/** DLAEV2: eigensystem of [[a, b], [b, c]]; rt1 has the larger absolute value, (cs1, sn1) its vector. */
function dlaev2(a: number, b: number, c: number): [rt1: number, rt2: number, cs1: number, sn1: number] {
  const sm = a + c;
  const df = a - c;
  const adf = Math.abs(df);
  const tb = b + b;
  const ab = Math.abs(tb);
  const [acmx, acmn] = Math.abs(a) > Math.abs(c) ? [a, c] : [c, a];
  let rt: number;
  if (adf > ab) rt = adf * Math.sqrt(1 + (ab / adf) ** 2);
  else if (adf < ab) rt = ab * Math.sqrt(1 + (adf / ab) ** 2);
  else rt = ab * Math.sqrt(2);
  let rt1: number;
  let rt2: number;
  let sgn1: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    sgn1 = -1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    sgn1 = 1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
    sgn1 = 1;
  }
  let cs: number;
  let sgn2: number;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: number;
  let sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) {
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  return [rt1, rt2, cs1, sn1];
}

/**
 * DLASR side 'R', pivot 'V': apply the rotations (c[k], s[k]) of planes (k, k+1), k = 0..cols-2,
 * to columns col0..col0+cols-1 of the n x n column-major z, forwards or backwards.
 */
function dlasrRight(forward: boolean, n: number, cols: number, c: Float64Array, s: Float64Array, cs0: number, z: Float64Array, col0: number): void {
  const apply = (j: number) => {
    const ct = c[cs0 + j]!;
    const st = s[cs0 + j]!;
    if (ct === 1 && st === 0) return;
    const a = (col0 + j) * n;
    const b = a + n;
    for (let i = 0; i < n; i++) {
      const temp = z[b + i]!;
      z[b + i] = ct * temp - st * z[a + i]!;
      z[a + i] = st * temp + ct * z[a + i]!;
    }
  };
  if (forward) for (let j = 0; j < cols - 1; j++) apply(j);
  else for (let j = cols - 2; j >= 0; j--) apply(j);
}

/** DLANST 'M' of d[l..lend], e[l..lend-1] (NaN propagates). */
function dlanstMax(d: Float64Array, e: Float64Array, l: number, lend: number): number {
  let anorm = Math.abs(d[lend]!);
  for (let i = l; i < lend; i++) {
    const dv = Math.abs(d[i]!);
    if (anorm < dv || Number.isNaN(dv)) anorm = dv;
    const ev = Math.abs(e[i]!);
    if (anorm < ev || Number.isNaN(ev)) anorm = ev;
  }
  return anorm;
}

/**
 * DSTEQR with COMPZ='I' on the tridiagonal (d, e), 0-based: eigenvalues ascending in d,
 * eigenvectors of the tridiagonal matrix in z (n x n, column-major). Returns false when
 * 30 n QL/QR sweeps did not converge (LAPACK's INFO > 0).
 */
export function dsteqr(n: number, d: Float64Array, e: Float64Array, z: Float64Array): boolean {
  z.fill(0);
  for (let i = 0; i < n; i++) z[i + i * n] = 1;
  if (n <= 1) return true;
  const eps2 = EPS * EPS;
  const safmax = 1 / SAFMIN;
  const ssfmax = Math.sqrt(safmax) / 3;
  const ssfmin = Math.sqrt(SAFMIN) / eps2;
  const wc = new Float64Array(n); // WORK(1..N-1): cosines
  const ws = new Float64Array(n); // WORK(N..2N-2): sines
  const nmaxit = n * 30;
  let jtot = 0;
  let l1 = 0;
  // label 10: find the next unreduced block [l, lend]
  while (l1 < n) {
    if (l1 > 0) e[l1 - 1] = 0;
    let m = n - 1;
    for (let mm = l1; mm < n - 1; mm++) {
      const tst = Math.abs(e[mm]!);
      if (tst === 0) {
        m = mm;
        break;
      }
      if (tst <= Math.sqrt(Math.abs(d[mm]!)) * Math.sqrt(Math.abs(d[mm + 1]!)) * EPS) {
        e[mm] = 0;
        m = mm;
        break;
      }
    }
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend === l) continue;

    // scale the block
    const anorm = dlanstMax(d, e, l, lend);
    let iscale = 0;
    if (anorm === 0) continue;
    if (anorm > ssfmax) {
      iscale = 1;
      dlascl(anorm, ssfmax, d, l, lend - l + 1);
      dlascl(anorm, ssfmax, e, l, lend - l);
    } else if (anorm < ssfmin) {
      iscale = 2;
      dlascl(anorm, ssfmin, d, l, lend - l + 1);
      dlascl(anorm, ssfmin, e, l, lend - l);
    }

    // QL when the bottom diagonal element is larger, else QR
    if (Math.abs(d[lend]!) < Math.abs(d[l]!)) {
      lend = lsv;
      l = lendsv;
    }
    if (lend > l) {
      // QL iteration (label 40)
      for (;;) {
        let mq = lend;
        if (l !== lend) {
          for (let k = l; k < lend; k++) {
            const tst = Math.abs(e[k]!) ** 2;
            if (tst <= eps2 * Math.abs(d[k]!) * Math.abs(d[k + 1]!) + SAFMIN) {
              mq = k;
              break;
            }
          }
        }
        if (mq < lend) e[mq] = 0;
        let p = d[l]!;
        if (mq === l) {
          // eigenvalue found (label 80)
          d[l] = p;
          l += 1;
          if (l <= lend) continue;
          break;
        }
        if (mq === l + 1) {
          const [rt1, rt2, c, s] = dlaev2(d[l]!, e[l]!, d[l + 1]!);
          wc[l] = c;
          ws[l] = s;
          dlasrRight(false, n, 2, wc, ws, l, z, l);
          d[l] = rt1;
          d[l + 1] = rt2;
          e[l] = 0;
          l += 2;
          if (l <= lend) continue;
          break;
        }
        if (jtot === nmaxit) break;
        jtot += 1;
        // shift
        let g = (d[l + 1]! - p) / (2 * e[l]!);
        let r = dlapy2(g, 1);
        g = d[mq]! - p + e[l]! / (g + sign(r, g));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = mq - 1; i >= l; i--) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          dlartg(g, f);
          c = rotC;
          s = rotS;
          r = rotR;
          if (i !== mq - 1) e[i + 1] = r;
          g = d[i + 1]! - p;
          r = (d[i]! - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          wc[i] = c;
          ws[i] = -s;
        }
        dlasrRight(false, n, mq - l + 1, wc, ws, l, z, l);
        d[l] = d[l]! - p;
        e[l] = g;
      }
    } else {
      // QR iteration (label 90)
      for (;;) {
        let mq = lend;
        if (l !== lend) {
          for (let k = l; k > lend; k--) {
            const tst = Math.abs(e[k - 1]!) ** 2;
            if (tst <= eps2 * Math.abs(d[k]!) * Math.abs(d[k - 1]!) + SAFMIN) {
              mq = k;
              break;
            }
          }
        }
        if (mq > lend) e[mq - 1] = 0;
        let p = d[l]!;
        if (mq === l) {
          // eigenvalue found (label 130)
          d[l] = p;
          l -= 1;
          if (l >= lend) continue;
          break;
        }
        if (mq === l - 1) {
          const [rt1, rt2, c, s] = dlaev2(d[l - 1]!, e[l - 1]!, d[l]!);
          wc[mq] = c;
          ws[mq] = s;
          dlasrRight(true, n, 2, wc, ws, mq, z, l - 1);
          d[l - 1] = rt1;
          d[l] = rt2;
          e[l - 1] = 0;
          l -= 2;
          if (l >= lend) continue;
          break;
        }
        if (jtot === nmaxit) break;
        jtot += 1;
        let g = (d[l - 1]! - p) / (2 * e[l - 1]!);
        let r = dlapy2(g, 1);
        g = d[mq]! - p + e[l - 1]! / (g + sign(r, g));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = mq; i <= l - 1; i++) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          dlartg(g, f);
          c = rotC;
          s = rotS;
          r = rotR;
          if (i !== mq) e[i - 1] = r;
          g = d[i]! - p;
          r = (d[i + 1]! - g) * s + 2 * c * b;
          p = s * r;
          d[i] = g + p;
          g = c * r - b;
          wc[i] = c;
          ws[i] = s;
        }
        dlasrRight(true, n, l - mq + 1, wc, ws, mq, z, mq);
        d[l] = d[l]! - p;
        e[l - 1] = g;
      }
    }

    // undo scaling (label 140)
    if (iscale === 1) {
      dlascl(ssfmax, anorm, d, lsv, lendsv - lsv + 1);
      dlascl(ssfmax, anorm, e, lsv, lendsv - lsv);
    } else if (iscale === 2) {
      dlascl(ssfmin, anorm, d, lsv, lendsv - lsv + 1);
      dlascl(ssfmin, anorm, e, lsv, lendsv - lsv);
    }
    if (jtot >= nmaxit) {
      for (let i = 0; i < n - 1; i++) if (e[i] !== 0) return false;
      return true;
    }
  }

  // selection sort, ascending, swapping eigenvectors (label 160)
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i]!;
    for (let j = i + 1; j < n; j++) {
      if (d[j]! < p) {
        k = j;
        p = d[j]!;
      }
    }
    if (k !== i) {
      d[k] = d[i]!;
      d[i] = p;
      for (let r = 0; r < n; r++) {
        const t = z[r + i * n]!;
        z[r + i * n] = z[r + k * n]!;
        z[r + k * n] = t;
      }
    }
  }
  return true;
}

