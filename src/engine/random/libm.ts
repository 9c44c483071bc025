/**
 * glibc-compatible `log` and `exp` (glibc 2.28+ / ARM optimized-routines algorithms, in the
 * FMA variant that glibc selects at run time on x86-64 CPUs with FMA, which is what ANNarchy's
 * C++ code and numpy call). V8's `Math.log/exp` (fdlibm) differ from glibc in the last bit for
 * a few percent of inputs, which would break bit-exact random streams (normal, exponential...).
 * Fused multiply-adds are emulated exactly enough with error-free transformations.
 */
import {
  EXP_C,
  EXP_INVLN2N,
  EXP_NEGLN2HIN,
  EXP_NEGLN2LON,
  EXP_SHIFT,
  EXP_TAB_HI,
  EXP_TAB_LO,
  LOG_A,
  LOG_B,
  LOG_LN2HI,
  LOG_LN2LO,
  LOG_TAB,
  POW_A,
  POW_TAB,
} from './libm-tables.js';
import { inlineFma } from './inline-fma.js';

// Scratch views for reinterpreting doubles (little-endian: word 1 is the high word).
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * Fused multiply-add `a*b + c` with a single rounding (emulated: exact product by Dekker's
 * algorithm, then a compensated sum; correct except for pathological double-rounding ties).
 * Built from the same source as the inline FMAs of {@link inlineFma}.
 *
 * @example
 * fma(0.1, 10, -1); // 5.551115123125783e-17, the rounding error of 0.1
 */
export const fma = new Function('a', 'b', 'c', `${inlineFma('const y = FMA(a, b, c);')}\nreturn y;`) as (a: number, b: number, c: number) => number;

const LOG_N = 128;

// glibc's log with its FMAs written inline (see inline-fma.ts); input and result pass through
// LOG_IO so that no double crosses a call boundary (a boxed double is an allocation).
const LOG_IO = new Float64Array(1);
const logIO = new Function('IO', 'f64', 'u32', 'A', 'B', 'TAB', 'LN2HI', 'LN2LO', inlineFma(`return function logIO() {
  const x = IO[0];
  f64[0] = x;
  let lo32 = u32[0];
  let hi32 = u32[1];
  // Near 1: |x - 1| small, separate polynomial (glibc: 1 - 0x1p-4 <= x < 1 + 0x1.09p-4).
  if (x >= 0.9375 && x < 1.064697265625) {
    if (x === 1) { IO[0] = 0; return; }
    const r = x - 1.0;
    const r2 = r * r;
    const r3 = r * r2;
    const inner = FMA(r3, B[10], FMA(r2, B[9], FMA(r, B[8], B[7])));
    const mid = FMA(r3, inner, FMA(r2, B[6], FMA(r, B[5], B[4])));
    const poly = FMA(r3, mid, FMA(r2, B[3], FMA(r, B[2], B[1])));
    // Splitting r so that r*r*B0 is exact.
    const w1 = r * 134217728;
    const rhi = r + w1 - w1;
    const rlo = r - rhi;
    const w = rhi * rhi * B[0];
    const hi = r + w;
    let lo = r - hi + w;
    lo = FMA(B[0] * rlo, rhi + r, lo);
    let y = FMA(r3, poly, lo);
    y += hi;
    IO[0] = y;
    return;
  }
  if (!(x > 0) || x === Infinity) {
    IO[0] = x === 0 ? -Infinity : x === Infinity ? Infinity : NaN; // NaN: negative or NaN
    return;
  }
  if (hi32 < 0x00100000) {
    // Subnormal: normalise.
    f64[0] = x * 4503599627370496;
    lo32 = u32[0];
    hi32 = u32[1] - (52 << 20);
  }
  // tmp = ix - OFF with OFF = 0x3fe6000000000000 (only the high word is affected).
  const tmpHi = (hi32 - 0x3fe60000) | 0;
  const i = (tmpHi >>> (20 - 7)) & (${LOG_N} - 1);
  const k = tmpHi >> 20; // arithmetic shift
  const izHi = hi32 - (tmpHi & 0xfff00000);
  u32[0] = lo32;
  u32[1] = izHi;
  const z = f64[0];
  const invc = TAB[2 * i];
  const logc = TAB[2 * i + 1];
  const r = FMA(z, invc, -1.0);
  const kd = k;
  const w = FMA(kd, LN2HI, logc);
  const hi = w + r;
  const lo = FMA(kd, LN2LO, w - hi + r);
  const r2 = r * r;
  const q = FMA(r2, FMA(r, A[4], A[3]), FMA(r, A[2], A[1]));
  IO[0] = FMA(r * r2, q, FMA(r2, A[0], lo)) + hi;
};`))(LOG_IO, f64, u32, LOG_A, LOG_B, LOG_TAB, LOG_LN2HI, LOG_LN2LO) as () => void;

/**
 * Natural logarithm bit-identical to glibc's `log` (x86-64 FMA variant).
 *
 * @example
 * glibcLog(0.5); // -0.6931471805599453
 */
export function glibcLog(x: number): number {
  LOG_IO[0] = x;
  logIO();
  return LOG_IO[0]!;
}

/**
 * {@link glibcLog} in place for callers that must not allocate: `GLIBC_LOG_IO[0] = log(GLIBC_LOG_IO[0])`.
 * Whether or not V8 inlines the call, no double is passed or returned (internal to the random layer).
 *
 * @example
 * GLIBC_LOG_IO[0] = 0.5; glibcLogIO(); GLIBC_LOG_IO[0]; // -0.6931471805599453
 */
export const glibcLogIO: () => void = logIO;
/** Operand and result of {@link glibcLogIO}. @example GLIBC_LOG_IO[0] = 2; */
export const GLIBC_LOG_IO: Float64Array = LOG_IO;

const EXP_N = 128;
const TWO_P1009 = 2 ** 1009;
const TWO_M1022 = 2 ** -1022;
const TWO_M54 = 2 ** -54;

function asDouble(hi: number, lo: number): number {
  u32[0] = lo;
  u32[1] = hi;
  return f64[0]!;
}

/**
 * Handles exp results near overflow/underflow (glibc `specialcase`). For k < 0 glibc computes
 * `scale * tmp` once and does not fuse it (checked against glibc 2.36 on 400k inputs).
 */
function expSpecial(tmp: number, sHi: number, sLo: number, kNeg: boolean): number {
  if (!kNeg) {
    const scale = asDouble((sHi - (1009 << 20)) >>> 0, sLo);
    return TWO_P1009 * fma(scale, tmp, scale);
  }
  const scale = asDouble((sHi + (1022 << 20)) >>> 0, sLo);
  let y = scale + scale * tmp;
  if (y < 1.0) {
    let lo = scale - y + scale * tmp;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = hi + lo - 1.0;
    if (y === 0) y = 0;
  }
  return TWO_M1022 * y;
}

/**
 * Source of glibc's exp core, shared by exp and pow (its exp_inline): `IO[0] = exp(x + lo)` for
 * the JavaScript expressions `x` and `lo` (`lo` = '' for none), `special` set for |x| >= 512.
 * Names start with `e` so that they do not clash with pow's.
 */
const expCoreSource = (x: string, lo: string) => `
  // ekd = round(x * N/ln2) via the shift trick (fused in the FMA build).
  let ekd = FMA(INVLN2N, ${x}, SHIFT);
  f64[0] = ekd;
  const ki = u32[0]; // low word of ekd's bits = k mod 2^32
  ekd -= SHIFT;
  let er = FMA(ekd, NEGLN2LON, FMA(ekd, NEGLN2HIN, ${x}));
  ${lo ? `er += ${lo};` : ''}
  const idx = 2 * (ki & ${EXP_N - 1});
  // top = ki << 45: only the high word changes (ki << 13, modulo 2^32).
  const topHi = (ki << 13) >>> 0;
  u32[0] = TAB_LO[idx];
  u32[1] = TAB_HI[idx];
  const tail = f64[0];
  const sHi = (TAB_HI[idx + 1] + topHi) >>> 0;
  const sLo = TAB_LO[idx + 1];
  const er2 = er * er;
  const tmp = FMA(er2 * er2, FMA(er, C[3], C[2]), FMA(er2, FMA(er, C[1], C[0]), tail + er));
  if (special) {
    IO[0] = expSpecial(tmp, sHi, sLo, (ki & 0x80000000) !== 0);
    return;
  }
  u32[0] = sLo;
  u32[1] = sHi;
  const scale = f64[0];
  IO[0] = FMA(scale, tmp, scale);
`;

// glibc's exp like logIO: FMAs inline, operand and result in EXP_IO. Only the near
// over/underflow case (|x| >= 512) calls out (expSpecial) and may allocate.
const EXP_IO = new Float64Array(1);
const expIO = new Function('IO', 'f64', 'u32', 'C', 'TAB_HI', 'TAB_LO', 'INVLN2N', 'SHIFT', 'NEGLN2HIN', 'NEGLN2LON', 'expSpecial', inlineFma(`return function expIO() {
  const x = IO[0];
  const ax = Math.abs(x);
  let special = false;
  if (!(ax >= ${TWO_M54} && ax < 512)) {
    if (ax < ${TWO_M54}) { IO[0] = 1.0 + x; return; }
    if (ax >= 1024 || x !== x) {
      if (x === -Infinity) { IO[0] = 0; return; }
      if (x !== x || x === Infinity) { IO[0] = 1.0 + x; return; }
      IO[0] = x < 0 ? 0 : Infinity;
      return;
    }
    special = true;
  }
${expCoreSource('x', '')}};`))(EXP_IO, f64, u32, EXP_C, EXP_TAB_HI, EXP_TAB_LO, EXP_INVLN2N, EXP_SHIFT, EXP_NEGLN2HIN, EXP_NEGLN2LON, expSpecial) as () => void;

/**
 * Exponential bit-identical to glibc's `exp` (x86-64 FMA variant).
 *
 * @example
 * glibcExp(1); // 2.718281828459045
 */
export function glibcExp(x: number): number {
  EXP_IO[0] = x;
  expIO();
  return EXP_IO[0]!;
}

// Type feedback for every branch before any of it is optimised: an input that reaches a branch
// for the first time deoptimises the optimised code, which then boxes every double until V8
// re-optimises it (seen mid-run: glibc log's k = -16 overflows a small-integer multiply in
// the FMA splitting, an exact-zero product takes the FMA's special branch).
for (const x of [0.3, 0.7, 1, 0.95, 1.05, 1.5, 3, 2 ** -20, 1e-300, 1e300, 5e-324, 0, -1, Infinity, NaN]) {
  LOG_IO[0] = x;
  logIO();
}
for (const x of [0.3, -0.7, 1e-20, 2, -2, 100, -100, 600, -600, 709.5, -740, 1000, -1000, Infinity, -Infinity, NaN]) {
  EXP_IO[0] = x;
  expIO();
}

/**
 * {@link glibcExp} in place for callers that must not allocate: `GLIBC_EXP_IO[0] = exp(GLIBC_EXP_IO[0])`
 * (internal to the random layer, see {@link glibcLogIO}).
 *
 * @example
 * GLIBC_EXP_IO[0] = 1; glibcExpIO(); GLIBC_EXP_IO[0]; // 2.718281828459045
 */
export const glibcExpIO: () => void = expIO;
/** Operand and result of {@link glibcExpIO}. @example GLIBC_EXP_IO[0] = 1; */
export const GLIBC_EXP_IO: Float64Array = EXP_IO;

// glibc's pow (log_inline and exp_inline written into one function, FMAs inline) like logIO:
// x and y in POW_IO[0], POW_IO[1], the result in POW_IO[0]. Only a result near over/underflow
// calls out (expSpecial) and may allocate.
const POW_IO = new Float64Array(2);
const powIO = new Function('IO', 'f64', 'u32', 'TAB', 'A', 'LN2HI', 'LN2LO', 'C', 'TAB_HI', 'TAB_LO', 'INVLN2N', 'SHIFT', 'NEGLN2HIN', 'NEGLN2LON', 'expSpecial', inlineFma(`return function powIO() {
  const x = IO[0];
  const y = IO[1];
  // y - y === 0: y finite. Cases other than finite x > 0 and finite y: Math.pow's special
  // results (0, 1, Infinity, NaN, signs) agree with C's pow.
  if (!(x > 0) || x === Infinity || !(y - y === 0) || y === 0 || x === 1) {
    IO[0] = Math.pow(x, y);
    return;
  }
  f64[0] = y;
  const yHiAbs = u32[1] & 0x7fffffff;
  // |y| tiny or huge: glibc returns 1 +- x-ish or over/underflows; Math.pow is right there.
  if (yHiAbs < 0x3be00000 || yHiAbs >= 0x43e00000) {
    IO[0] = Math.pow(x, y);
    return;
  }
  f64[0] = x;
  let lo32 = u32[0];
  let hi32 = u32[1];
  if (hi32 < 0x00100000) {
    f64[0] = x * 4503599627370496;
    lo32 = u32[0];
    hi32 = u32[1] - (52 << 20);
  }
  // log_inline: log(x) as hi + lo with ~2^-68 relative error. OFF = 0x3fe6955500000000: its
  // low word is 0, so only the high word changes.
  const tmpHi = (hi32 - 0x3fe69555) | 0;
  const i = (tmpHi >>> (20 - 7)) & 127;
  const k = tmpHi >> 20;
  u32[0] = lo32;
  u32[1] = hi32 - (tmpHi & 0xfff00000);
  const z = f64[0];
  const kd = k;
  const invc = TAB[3 * i];
  const logc = TAB[3 * i + 1];
  const logctail = TAB[3 * i + 2];
  const r = FMA(z, invc, -1.0);
  const t1 = FMA(kd, LN2HI, logc);
  const t2 = t1 + r;
  const lo1 = FMA(kd, LN2LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A[0] * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const lhi = t2 + ar2;
  const lo3 = FMA(ar, r, -ar2);
  const lo4 = t2 - lhi + ar2;
  const q = FMA(ar2, FMA(ar2, FMA(r, A[6], A[5]), FMA(r, A[4], A[3])), FMA(r, A[2], A[1]));
  const llo = FMA(ar3, q, lo1 + lo2 + lo3 + lo4);
  const hi = lhi + llo;
  const lo = lhi - hi + llo;
  const ehi = y * hi;
  const elo = FMA(y, lo, FMA(y, hi, -ehi));
  // exp_inline(ehi, elo) for a positive result
  const ax = Math.abs(ehi);
  let special = false;
  if (!(ax >= ${TWO_M54} && ax < 512)) {
    if (ax < ${TWO_M54}) { IO[0] = 1.0 + ehi; return; }
    if (ax >= 1024) { IO[0] = ehi < 0 ? 0 : Infinity; return; }
    special = true;
  }
${expCoreSource('ehi', 'elo')}};`))(POW_IO, f64, u32, POW_TAB, POW_A, LOG_LN2HI, LOG_LN2LO, EXP_C, EXP_TAB_HI, EXP_TAB_LO, EXP_INVLN2N, EXP_SHIFT, EXP_NEGLN2HIN, EXP_NEGLN2LON, expSpecial) as () => void;

for (const [x, y] of [[0.3, 2.5], [0.5, 2], [3, 0.25], [1e-300, 0.5], [5e-324, 0.5], [2, 1000], [0.5, 1500], [2, 1e-30], [2, 1e30], [-2, 2], [0, 3], [1, 5], [2, Infinity], [2, NaN], [Infinity, 2]] as const) {
  POW_IO[0] = x;
  POW_IO[1] = y;
  powIO();
}

/**
 * `x ** y` bit-identical to glibc's `pow` (x86-64 FMA variant) for finite x > 0 and finite y
 * (the cases the random distributions need); other inputs use `Math.pow`, whose special-case
 * results (0, 1, Infinity, NaN, signs) agree with C's pow.
 *
 * @example
 * glibcPow(0.3, 1 / 0.4); // 0.049295030175464945
 */
export function glibcPow(x: number, y: number): number {
  POW_IO[0] = x;
  POW_IO[1] = y;
  powIO();
  return POW_IO[0]!;
}

/**
 * {@link glibcPow} in place for callers that must not allocate:
 * `GLIBC_POW_IO[0] = pow(GLIBC_POW_IO[0], GLIBC_POW_IO[1])` (internal, see {@link glibcLogIO}).
 *
 * @example
 * GLIBC_POW_IO[0] = 0.3; GLIBC_POW_IO[1] = 2.5; glibcPowIO(); GLIBC_POW_IO[0]; // 0.049295030175464945
 */
export const glibcPowIO: () => void = powIO;
/** Operands and result of {@link glibcPowIO}. @example GLIBC_POW_IO[1] = 2; */
export const GLIBC_POW_IO: Float64Array = POW_IO;
