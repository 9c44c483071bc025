/**
 * `lgamma(x)` for x > 0 as glibc 2.36 computes it (Sun fdlibm `__ieee754_lgamma_r`, plain
 * double arithmetic, with glibc's `log`). libstdc++'s binomial distribution needs it.
 */
import { GLIBC_LOG_IO as LOG, glibcLogIO } from './libm.js';

const a0 = 7.72156649015328655494e-2;
const a1 = 3.22467033424113591611e-1;
const a2 = 6.73523010531292681824e-2;
const a3 = 2.05808084325167332806e-2;
const a4 = 7.38555086081402883957e-3;
const a5 = 2.89051383673415629091e-3;
const a6 = 1.19270763183362067845e-3;
const a7 = 5.10069792153511336608e-4;
const a8 = 2.20862790713908385557e-4;
const a9 = 1.08011567247583939954e-4;
const a10 = 2.52144565451257326939e-5;
const a11 = 4.48640949618915160150e-5;
const tc = 1.46163214496836224576e0;
const tf = -1.21486290535849611461e-1;
const tt = -3.63867699703950536541e-18;
const t0 = 4.83836122723810047042e-1;
const t1 = -1.47587722994593911752e-1;
const t2 = 6.46249402391333854778e-2;
const t3 = -3.27885410759859649565e-2;
const t4 = 1.79706750811820387126e-2;
const t5 = -1.03142241298341437450e-2;
const t6 = 6.10053870246291332635e-3;
const t7 = -3.68452016781138256760e-3;
const t8 = 2.25964780900612472250e-3;
const t9 = -1.40346469989232843813e-3;
const t10 = 8.81081882437654011382e-4;
const t11 = -5.38595305356740546715e-4;
const t12 = 3.15632070903625950361e-4;
const t13 = -3.12754168375120860518e-4;
const t14 = 3.35529192635519073543e-4;
const u0 = -7.72156649015328655494e-2;
const u1 = 6.32827064025093366517e-1;
const u2 = 1.45492250137234768737e0;
const u3 = 9.77717527963372745603e-1;
const u4 = 2.28963728064692451092e-1;
const u5 = 1.33810918536787660377e-2;
const v1 = 2.45597793713041134822e0;
const v2 = 2.12848976379893395361e0;
const v3 = 7.69285150456672783825e-1;
const v4 = 1.04222645593369134254e-1;
const v5 = 3.21709242282423911810e-3;
const s0 = -7.72156649015328655494e-2;
const s1 = 2.14982415960608852501e-1;
const s2 = 3.25778796408930981787e-1;
const s3 = 1.46350472652464452805e-1;
const s4 = 2.66422703033638609560e-2;
const s5 = 1.84028451407337715652e-3;
const s6 = 3.19475326584100867617e-5;
const r1 = 1.39200533467621045958e0;
const r2 = 7.21935547567138069525e-1;
const r3 = 1.71933865632803078993e-1;
const r4 = 1.86459191715652901344e-2;
const r5 = 7.77942496381893596434e-4;
const r6 = 7.32668430744625636189e-6;
const w0 = 4.18938533204672725052e-1;
const w1 = 8.33333333333329678849e-2;
const w2 = -2.77777777728775536470e-3;
const w3 = 7.93650558643019558500e-4;
const w4 = -5.95187557450339963135e-4;
const w5 = 8.36339918996282139126e-4;
const w6 = -1.63092934096575273989e-3;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * Natural log of the gamma function for x > 0, bit-identical to glibc's `lgamma`.
 *
 * @example
 * lgamma(5); // 3.1780538303479458 (= log(24))
 */
export function lgamma(x: number): number {
  if (!(x > 0)) throw new Error(`lgamma: x must be > 0 (only the positive branch is ported), got ${x}`);
  LGAMMA_IO[0] = x;
  lgammaIO();
  return LGAMMA_IO[0]!;
}

/** Operand and result of {@link lgammaIO}. @example LGAMMA_IO[0] = 5; */
export const LGAMMA_IO = new Float64Array(1);

/**
 * {@link lgamma} in place for callers that must not allocate: `LGAMMA_IO[0] = lgamma(LGAMMA_IO[0])`
 * (x > 0 is the caller's job; internal to the random layer).
 *
 * @example
 * LGAMMA_IO[0] = 5; lgammaIO(); LGAMMA_IO[0]; // 3.1780538303479458
 */
export function lgammaIO(): void {
  // logs through LOG (glibc's log in place): no double passed to or returned from a call
  const x = LGAMMA_IO[0]!;
  if (x === Infinity) {
    LGAMMA_IO[0] = Infinity;
    return;
  }
  f64[0] = x;
  const ix = u32[1]! & 0x7fffffff;
  const lx = u32[0]!;
  if (ix < 0x3b900000) {
    // x < 2^-70
    LOG[0] = x;
    glibcLogIO();
    LGAMMA_IO[0] = -LOG[0]!;
    return;
  }
  let r: number;
  if ((ix === 0x3ff00000 || ix === 0x40000000) && lx === 0) {
    r = 0; // lgamma(1) = lgamma(2) = 0
  } else if (ix < 0x40000000) {
    // x < 2
    let y: number;
    let i: number;
    if (ix <= 0x3feccccc) {
      // lgamma(x) = lgamma(x+1) - log(x)
      LOG[0] = x;
      glibcLogIO();
      r = -LOG[0]!;
      if (ix >= 0x3fe76944) {
        y = 1 - x;
        i = 0;
      } else if (ix >= 0x3fcda661) {
        y = x - (tc - 1);
        i = 1;
      } else {
        y = x;
        i = 2;
      }
    } else {
      r = 0;
      if (ix >= 0x3ffbb4c3) {
        y = 2.0 - x;
        i = 0;
      } else if (ix >= 0x3ff3b4c4) {
        y = x - tc;
        i = 1;
      } else {
        y = x - 1;
        i = 2;
      }
    }
    if (i === 0) {
      const z = y * y;
      const p1 = a0 + z * (a2 + z * (a4 + z * (a6 + z * (a8 + z * a10))));
      const p2 = z * (a1 + z * (a3 + z * (a5 + z * (a7 + z * (a9 + z * a11)))));
      const p = y * p1 + p2;
      r += p - 0.5 * y;
    } else if (i === 1) {
      const z = y * y;
      const w = z * y;
      const p1 = t0 + w * (t3 + w * (t6 + w * (t9 + w * t12)));
      const p2 = t1 + w * (t4 + w * (t7 + w * (t10 + w * t13)));
      const p3 = t2 + w * (t5 + w * (t8 + w * (t11 + w * t14)));
      const p = z * p1 - (tt - w * (p2 + y * p3));
      r += tf + p;
    } else {
      const p1 = y * (u0 + y * (u1 + y * (u2 + y * (u3 + y * (u4 + y * u5)))));
      const p2 = 1 + y * (v1 + y * (v2 + y * (v3 + y * (v4 + y * v5))));
      r += -0.5 * y + p1 / p2;
    }
  } else if (ix < 0x40200000) {
    // 2 <= x < 8
    const i = Math.trunc(x);
    const y = x - i;
    const p = y * (s0 + y * (s1 + y * (s2 + y * (s3 + y * (s4 + y * (s5 + y * s6))))));
    const q = 1 + y * (r1 + y * (r2 + y * (r3 + y * (r4 + y * (r5 + y * r6)))));
    r = 0.5 * y + p / q;
    let z = 1;
    // switch fall-through: lgamma(1+s) = log(s) + lgamma(s)
    if (i >= 7) z *= y + 6.0;
    if (i >= 6) z *= y + 5.0;
    if (i >= 5) z *= y + 4.0;
    if (i >= 4) z *= y + 3.0;
    if (i >= 3) {
      z *= y + 2.0;
      LOG[0] = z;
      glibcLogIO();
      r += LOG[0]!;
    }
  } else if (ix < 0x43900000) {
    // 8 <= x < 2^58
    LOG[0] = x;
    glibcLogIO();
    const t = LOG[0]!;
    const z = 1 / x;
    const y = z * z;
    const w = w0 + z * (w1 + y * (w2 + y * (w3 + y * (w4 + y * (w5 + y * w6)))));
    r = (x - 0.5) * (t - 1) + w;
  } else {
    LOG[0] = x;
    glibcLogIO();
    r = x * (LOG[0]! - 1);
  }
  LGAMMA_IO[0] = r;
}

// Type feedback for every branch before any of it is optimised (see libm.ts): a branch first
// reached in a long run would deoptimise the binomial draw's optimised code mid-run.
for (const x of [1e-30, 0.1, 0.3, 0.5, 0.8, 0.95, 1, 1.2, 1.5, 1.9, 2, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 10, 1e5, 1e20, Infinity]) lgamma(x);
