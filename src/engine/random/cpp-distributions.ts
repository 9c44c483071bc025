/**
 * Random draws exactly as libstdc++ (g++ 12) computes them for ANNarchy 4.7.3's equation-side
 * random variables (`Uniform(a,b)`, `Normal(mu,sigma)`, ... inside neuron/synapse equations).
 *
 * ANNarchy constructs each distribution object anew every step, so no state survives between
 * steps: in particular the normal distribution's cached second value is dropped. Each class
 * below therefore has `reset()` (drop the cache; what a fresh C++ object would hold) and
 * {@link CppSamplerSet} resets all its distributions in `beginStep()`.
 *
 * Arithmetic follows the libstdc++ sources without fused multiply-adds, i.e. ANNarchy built
 * with `-ffp-contract=off` (see the semantics spec, §2.8); log/exp/pow are glibc's.
 *
 * Allocation: V8 boxes (allocates 16 B for) a double returned from, or passed to, a call it does
 * not inline, and a uint32 above 2^30. The sampling code therefore moves such values through
 * typed arrays (`sampleInto`, `MT19937.canonicalInto`, glibc log/exp/pow/lgamma in place), so
 * a draw allocates nothing whatever V8 inlines; `sample` is a thin wrapper over `sampleInto`.
 */
import { GLIBC_EXP_IO, GLIBC_LOG_IO, GLIBC_POW_IO, glibcExp, glibcExpIO, glibcLog, glibcLogIO, glibcPowIO } from './libm.js';
import { LGAMMA_IO, lgamma, lgammaIO } from './lgamma.js';
import type { MT19937 } from './mt19937.js';

const TWO32 = 4294967296;

// Scratch slots through which doubles and uint32s cross calls (see CppDistribution.sampleInto).
// Each has one user at a time: CAN for canonicals read right after the write, NRM for the
// standard normal of the composite distributions, W32 for raw engine words, RET for `sample`.
const CAN = new Float64Array(1);
const NRM = new Float64Array(1);
const W32 = new Uint32Array(1);
const RET = new Float64Array(1);
const LOG = GLIBC_LOG_IO;
const EXP = GLIBC_EXP_IO;
const POW = GLIBC_POW_IO;
const LGAMMA = LGAMMA_IO;

/** `-log(1 - canonical)`: a standard exponential (libstdc++'s binomial and exponential). */
function expVariateInto(rng: MT19937, out: Float64Array, j: number): void {
  rng.canonicalInto(CAN, 0);
  LOG[0] = 1.0 - CAN[0]!;
  glibcLogIO();
  out[j] = -LOG[0]!;
}

/**
 * `std::generate_canonical<double, 53>(mt19937)`: two 32-bit outputs g1, g2 combined as
 * `(g1 + g2 * 2^32) / 2^64`, clamped below 1 (see {@link MT19937.canonicalInto}).
 *
 * @example
 * const u = generateCanonical(new MT19937(42)); // in [0, 1), consumes two engine outputs
 */
export function generateCanonical(rng: MT19937): number {
  rng.canonicalInto(RET, 0);
  return RET[0]!;
}

/**
 * A libstdc++ distribution object: `sampleInto(rng, out, j)` draws one value into `out[j]`,
 * `sample(rng)` returns one, `reset()` drops caches.
 */
export interface CppDistribution {
  /**
   * `out[j] = sample(rng)`. The per-step draws use this form: no double (nor uint32 above
   * 2^30) is returned from or passed to a call anywhere in the sampling chain, so a draw
   * allocates nothing whatever V8 decides to inline (a double crossing a call that is not
   * inlined is boxed, 16 B).
   */
  sampleInto(rng: MT19937, out: Float64Array, j: number): void;
  sample(rng: MT19937): number;
  /** `out[i] = sample(rng)` for i < n (a loop per class: one receiver class at the call). */
  fill(rng: MT19937, out: Float64Array, n: number): void;
  reset(): void;
}

function checkFinite(name: string, arg: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(`${name}: ${arg} must be a finite number, got ${String(v)}`);
  }
}

/**
 * `std::uniform_real_distribution<double>(a, b)`: `canonical * (b - a) + a`.
 *
 * @example
 * const d = new CppUniformRealDistribution(-1, 1); d.sample(new MT19937(0));
 */
export class CppUniformRealDistribution implements CppDistribution {
  constructor(
    readonly a = 0,
    readonly b = 1,
  ) {
    checkFinite('CppUniformRealDistribution', 'a', a);
    checkFinite('CppUniformRealDistribution', 'b', b);
    if (!(a <= b)) throw new Error(`CppUniformRealDistribution: expected a <= b, got a=${a}, b=${b}`);
  }
  sampleInto(rng: MT19937, out: Float64Array, j: number): void {
    rng.canonicalInto(CAN, 0);
    out[j] = CAN[0]! * (this.b - this.a) + this.a;
  }
  sample(rng: MT19937): number {
    this.sampleInto(rng, RET, 0);
    return RET[0]!;
  }
  fill(rng: MT19937, out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) this.sampleInto(rng, out, i);
  }
  reset(): void {}
}

/**
 * `std::normal_distribution<double>(mean, stddev)`: Marsaglia polar method; the second value of
 * each pair is cached until `reset()`.
 *
 * @example
 * const d = new CppNormalDistribution(0, 1); const rng = new MT19937(42);
 * d.sample(rng); d.sample(rng); // the second one is the cached partner
 */
export class CppNormalDistribution implements CppDistribution {
  /** The cached second value of a pair (a typed array: a double field could be re-boxed). */
  private readonly saved = new Float64Array(1);
  private savedAvailable = false;
  constructor(
    readonly mean = 0,
    readonly stddev = 1,
  ) {
    checkFinite('CppNormalDistribution', 'mean', mean);
    checkFinite('CppNormalDistribution', 'stddev', stddev);
    if (!(stddev > 0)) throw new Error(`CppNormalDistribution: stddev must be > 0, got ${stddev}`);
  }
  /**
   * Standard normal draw (before `* stddev + mean`) into `out[j]`, shared by
   * lognormal/gamma/binomial.
   */
  standardInto(rng: MT19937, out: Float64Array, j: number): void {
    if (this.savedAvailable) {
      this.savedAvailable = false;
      out[j] = this.saved[0]!;
      return;
    }
    let x: number;
    let y: number;
    let r2: number;
    do {
      rng.canonicalInto(CAN, 0);
      x = 2.0 * CAN[0]! - 1.0;
      rng.canonicalInto(CAN, 0);
      y = 2.0 * CAN[0]! - 1.0;
      r2 = x * x + y * y;
    } while (r2 > 1.0 || r2 === 0.0);
    LOG[0] = r2;
    glibcLogIO();
    const mult = Math.sqrt((-2 * LOG[0]!) / r2);
    this.saved[0] = x * mult;
    this.savedAvailable = true;
    out[j] = y * mult;
  }
  /** Standard normal draw, returned (see {@link CppNormalDistribution.standardInto}). */
  standard(rng: MT19937): number {
    this.standardInto(rng, RET, 0);
    return RET[0]!;
  }
  sampleInto(rng: MT19937, out: Float64Array, j: number): void {
    this.standardInto(rng, out, j);
    out[j] = out[j]! * this.stddev + this.mean;
  }
  sample(rng: MT19937): number {
    this.sampleInto(rng, RET, 0);
    return RET[0]!;
  }
  fill(rng: MT19937, out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) this.sampleInto(rng, out, i);
  }
  reset(): void {
    this.savedAvailable = false;
  }
}

/**
 * `std::lognormal_distribution<double>(m, s)`: `exp(s * N(0,1) + m)` with its own normal cache.
 *
 * @example
 * new CppLognormalDistribution(0, 0.5).sample(new MT19937(1));
 */
export class CppLognormalDistribution implements CppDistribution {
  private readonly nd = new CppNormalDistribution(0, 1);
  constructor(
    readonly m = 0,
    readonly s = 1,
  ) {
    checkFinite('CppLognormalDistribution', 'm', m);
    checkFinite('CppLognormalDistribution', 's', s);
    if (!(s > 0)) throw new Error(`CppLognormalDistribution: s must be > 0, got ${s}`);
  }
  sampleInto(rng: MT19937, out: Float64Array, j: number): void {
    this.nd.standardInto(rng, NRM, 0);
    EXP[0] = this.s * NRM[0]! + this.m;
    glibcExpIO();
    out[j] = EXP[0]!;
  }
  sample(rng: MT19937): number {
    this.sampleInto(rng, RET, 0);
    return RET[0]!;
  }
  fill(rng: MT19937, out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) this.sampleInto(rng, out, i);
  }
  reset(): void {
    this.nd.reset();
  }
}

/**
 * `std::exponential_distribution<double>(lambda)` (rate parametrisation, mean 1/lambda):
 * `-log(1 - canonical) / lambda`.
 *
 * @example
 * new CppExponentialDistribution(2).sample(new MT19937(1));
 */
export class CppExponentialDistribution implements CppDistribution {
  constructor(readonly lambda = 1) {
    checkFinite('CppExponentialDistribution', 'lambda', lambda);
    if (!(lambda > 0)) throw new Error(`CppExponentialDistribution: lambda must be > 0, got ${lambda}`);
  }
  sampleInto(rng: MT19937, out: Float64Array, j: number): void {
    rng.canonicalInto(CAN, 0);
    LOG[0] = 1 - CAN[0]!;
    glibcLogIO();
    out[j] = -LOG[0]! / this.lambda;
  }
  sample(rng: MT19937): number {
    this.sampleInto(rng, RET, 0);
    return RET[0]!;
  }
  fill(rng: MT19937, out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) this.sampleInto(rng, out, i);
  }
  reset(): void {}
}

/**
 * `std::gamma_distribution<double>(alpha, beta)` (shape, scale): libstdc++'s Marsaglia-Tsang
 * with the alpha < 1 boost `u^(1/alpha)`; uses its own normal cache.
 *
 * @example
 * new CppGammaDistribution(2.5, 1.5).sample(new MT19937(1));
 */
export class CppGammaDistribution implements CppDistribution {
  private readonly nd = new CppNormalDistribution(0, 1);
  private readonly malpha: number;
  private readonly a2: number;
  constructor(
    readonly alpha = 1,
    readonly beta = 1,
  ) {
    checkFinite('CppGammaDistribution', 'alpha', alpha);
    checkFinite('CppGammaDistribution', 'beta', beta);
    if (!(alpha > 0)) throw new Error(`CppGammaDistribution: alpha must be > 0, got ${alpha}`);
    if (!(beta > 0)) throw new Error(`CppGammaDistribution: beta must be > 0, got ${beta}`);
    this.malpha = alpha < 1.0 ? alpha + 1.0 : alpha;
    this.a2 = 1.0 / Math.sqrt(9.0 * (this.malpha - 1.0 / 3.0));
  }
  sampleInto(rng: MT19937, out: Float64Array, j: number): void {
    const a1 = this.malpha - 1.0 / 3.0;
    let u: number;
    let v: number;
    let n: number;
    for (;;) {
      do {
        this.nd.standardInto(rng, NRM, 0);
        n = NRM[0]!;
        v = 1.0 + this.a2 * n;
      } while (v <= 0.0);
      v = v * v * v;
      rng.canonicalInto(CAN, 0);
      u = CAN[0]!;
      // while (u > 1 - 0.0331 n^4 && log(u) > 0.5 n^2 + a1 (1 - v + log(v))), logs in that order
      if (!(u > 1.0 - 0.0331 * n * n * n * n)) break;
      LOG[0] = u;
      glibcLogIO();
      const logU = LOG[0]!;
      LOG[0] = v;
      glibcLogIO();
      if (!(logU > 0.5 * n * n + a1 * (1.0 - v + LOG[0]!))) break;
    }
    if (this.alpha === this.malpha) {
      out[j] = a1 * v * this.beta;
      return;
    }
    do {
      rng.canonicalInto(CAN, 0);
      u = CAN[0]!;
    } while (u === 0.0);
    POW[0] = u;
    POW[1] = 1.0 / this.alpha;
    glibcPowIO();
    out[j] = POW[0]! * a1 * v * this.beta;
  }
  sample(rng: MT19937): number {
    this.sampleInto(rng, RET, 0);
    return RET[0]!;
  }
  fill(rng: MT19937, out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) this.sampleInto(rng, out, i);
  }
  reset(): void {
    this.nd.reset();
  }
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/**
 * `std::uniform_int_distribution<int>(a, b)` on mt19937 (libstdc++ 12: Lemire's
 * nearly-divisionless method with a 64-bit product; full 32-bit range takes the raw output).
 *
 * @example
 * new CppUniformIntDistribution(0, 9).sample(new MT19937(1)); // an integer in [0, 9]
 */
export class CppUniformIntDistribution implements CppDistribution {
  private readonly erange: number; // b - a + 1 (2^32 for the full range)
  private readonly threshold: number;
  constructor(
    readonly a = 0,
    readonly b = INT_MAX,
  ) {
    for (const [k, v] of [['a', a], ['b', b]] as const) {
      if (!Number.isInteger(v) || v < INT_MIN || v > INT_MAX) {
        throw new Error(`CppUniformIntDistribution: ${k} must be a 32-bit integer, got ${String(v)}`);
      }
    }
    if (!(a <= b)) throw new Error(`CppUniformIntDistribution: expected a <= b, got a=${a}, b=${b}`);
    this.erange = b - a + 1;
    // (-range) % range in 32-bit unsigned arithmetic
    this.threshold = this.erange >= TWO32 ? 0 : (TWO32 - this.erange) % this.erange;
  }
  sampleInto(rng: MT19937, out: Float64Array, j: number): void {
    const range = this.erange;
    rng.nextUint32Into(W32, 0);
    let g = W32[0]!;
    if (range === TWO32) {
      out[j] = g + this.a; // a == INT_MIN: raw output
      return;
    }
    let low = Math.imul(g, range) >>> 0;
    if (low < range) {
      while (low < this.threshold) {
        rng.nextUint32Into(W32, 0);
        g = W32[0]!;
        low = Math.imul(g, range) >>> 0;
      }
    }
    // high 32 bits of the 64-bit product g * range, exactly (16-bit halves of g)
    const t = (g & 0xffff) * range;
    const u = (g >>> 16) * range + Math.floor(t / 65536);
    out[j] = this.a + Math.floor(u / 65536);
  }
  sample(rng: MT19937): number {
    this.sampleInto(rng, RET, 0);
    return RET[0]!;
  }
  fill(rng: MT19937, out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) this.sampleInto(rng, out, i);
  }
  reset(): void {}
}

/**
 * `std::binomial_distribution<int>(t, p)`: libstdc++'s waiting-time method when
 * `t * min(p, 1-p) < 8`, otherwise Devroye's rejection algorithm (needs `lgamma`); the
 * rejection path uses its own normal cache.
 *
 * @example
 * new CppBinomialDistribution(10, 0.3).sample(new MT19937(1)); // an integer in [0, 10]
 */
export class CppBinomialDistribution implements CppDistribution {
  private readonly nd = new CppNormalDistribution(0, 1);
  private readonly easy: boolean;
  private q = 0;
  private d1 = 0;
  private d2 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 0;
  private a1 = 0;
  private a123 = 0;
  private s = 0;
  private lf = 0;
  private lp1p = 0;

  constructor(
    readonly t = 1,
    readonly p = 0.5,
  ) {
    if (!Number.isInteger(t) || t < 0 || t > INT_MAX) {
      throw new Error(`CppBinomialDistribution: t must be an integer in [0, 2^31-1], got ${String(t)}`);
    }
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new Error(`CppBinomialDistribution: p must be in [0, 1], got ${String(p)}`);
    }
    // param_type::_M_initialize
    const p12 = p <= 0.5 ? p : 1.0 - p;
    this.easy = true;
    if (t * p12 >= 8) {
      this.easy = false;
      const np = Math.floor(t * p12);
      const pa = np / t;
      const _1p = 1 - pa;
      const pi_4 = 0.7853981633974483096156608458198757;
      const d1x = Math.sqrt(np * _1p * glibcLog((32 * np) / (81 * pi_4 * _1p)));
      this.d1 = roundHalfAway(Math.max(1.0, d1x));
      const d2x = Math.sqrt(np * _1p * glibcLog((32 * t * _1p) / (pi_4 * pa)));
      this.d2 = roundHalfAway(Math.max(1.0, d2x));
      const spi_2 = 1.2533141373155002512078826424055226;
      this.s1 = Math.sqrt(np * _1p) * (1 + this.d1 / (4 * np));
      this.s2 = Math.sqrt(np * _1p) * (1 + this.d2 / (4 * t * _1p));
      this.c = (2 * this.d1) / np;
      this.a1 = glibcExp(this.c) * this.s1 * spi_2;
      const a12 = this.a1 + this.s2 * spi_2;
      const s1s = this.s1 * this.s1;
      this.a123 =
        a12 + ((((glibcExp(this.d1 / (t * _1p)) * 2 * s1s) / this.d1) * glibcExp((-this.d1 * this.d1) / (2 * s1s))));
      const s2s = this.s2 * this.s2;
      this.s = this.a123 + ((2 * s2s) / this.d2) * glibcExp((-this.d2 * this.d2) / (2 * s2s));
      this.lf = lgamma(np + 1) + lgamma(t - np + 1);
      this.lp1p = glibcLog(pa / _1p);
      this.q = -glibcLog(1 - (p12 - pa) / _1p);
    } else {
      this.q = -glibcLog(1 - p12);
    }
  }

  // q is read here, not passed: a double argument of a call V8 does not inline is boxed
  private waiting(rng: MT19937, t: number): number {
    const q = this.q;
    let x = 0;
    let sum = 0.0;
    do {
      if (t === x) return x;
      expVariateInto(rng, NRM, 0);
      sum += NRM[0]! / (t - x);
      x += 1;
    } while (sum <= q);
    return x - 1;
  }

  sampleInto(rng: MT19937, out: Float64Array, j: number): void {
    out[j] = this.draw(rng);
  }
  sample(rng: MT19937): number {
    this.sampleInto(rng, RET, 0);
    return RET[0]!;
  }

  // an integer count: returned as a small integer except above 2^30
  private draw(rng: MT19937): number {
    const t = this.t;
    const p = this.p;
    const p12 = p <= 0.5 ? p : 1.0 - p;
    let ret: number;
    if (!this.easy) {
      let x = 0;
      const naf = (1 - 2 ** -52) / 2;
      const thr = INT_MAX + naf;
      const np = Math.floor(t * p12);
      const spi_2 = 1.2533141373155002512078826424055226;
      const a1 = this.a1;
      const a12 = a1 + this.s2 * spi_2;
      const a123 = this.a123;
      const s1s = this.s1 * this.s1;
      const s2s = this.s2 * this.s2;
      let reject: boolean;
      do {
        rng.canonicalInto(CAN, 0);
        const u = this.s * CAN[0]!;
        let v = 0;
        if (u <= a1) {
          this.nd.standardInto(rng, NRM, 0);
          const n = NRM[0]!;
          const y = this.s1 * Math.abs(n);
          reject = y >= this.d1;
          if (!reject) {
            expVariateInto(rng, CAN, 0);
            const e = CAN[0]!;
            x = Math.floor(y);
            v = -e - (n * n) / 2 + this.c;
          }
        } else if (u <= a12) {
          this.nd.standardInto(rng, NRM, 0);
          const n = NRM[0]!;
          const y = this.s2 * Math.abs(n);
          reject = y >= this.d2;
          if (!reject) {
            expVariateInto(rng, CAN, 0);
            const e = CAN[0]!;
            x = Math.floor(-y);
            v = -e - (n * n) / 2;
          }
        } else if (u <= a123) {
          expVariateInto(rng, CAN, 0);
          const e1 = CAN[0]!;
          expVariateInto(rng, CAN, 0);
          const e2 = CAN[0]!;
          const y = this.d1 + (2 * s1s * e1) / this.d1;
          x = Math.floor(y);
          v = -e2 + this.d1 * (1 / (t - np) - y / (2 * s1s));
          reject = false;
        } else {
          expVariateInto(rng, CAN, 0);
          const e1 = CAN[0]!;
          expVariateInto(rng, CAN, 0);
          const e2 = CAN[0]!;
          const y = this.d2 + (2 * s2s * e1) / this.d2;
          x = Math.floor(-y);
          v = -e2 - (this.d2 * y) / (2 * s2s);
          reject = false;
        }
        reject = reject || x < -np || x > t - np;
        if (!reject) {
          LGAMMA[0] = np + x + 1;
          lgammaIO();
          const lfx1 = LGAMMA[0]!;
          LGAMMA[0] = t - (np + x) + 1;
          lgammaIO();
          const lfx = lfx1 + LGAMMA[0]!;
          reject = v > this.lf - lfx + x * this.lp1p;
        }
        reject = reject || x + np >= thr;
      } while (reject);
      x += np + naf;
      // _IntType(x): truncation toward zero
      const z = this.waiting(rng, t - Math.trunc(x));
      ret = Math.trunc(x) + z;
    } else {
      ret = this.waiting(rng, t);
    }
    if (p12 !== p) ret = t - ret;
    return ret;
  }

  fill(rng: MT19937, out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) this.sampleInto(rng, out, i);
  }
  reset(): void {
    this.nd.reset();
  }
}

/** `std::round`: halves away from zero (unlike `Math.round`). */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** ANNarchy's names for the equation-side random variables. */
export type CppDistributionKind =
  | 'Uniform'
  | 'DiscreteUniform'
  | 'Normal'
  | 'LogNormal'
  | 'Exponential'
  | 'Gamma'
  | 'Binomial';

/**
 * Builds the libstdc++ object ANNarchy 4.7.3 generates for a random variable in an equation
 * (`Uniform(a,b)` -> `uniform_real_distribution<double>(a,b)`, `Exponential(l)` ->
 * `exponential_distribution<double>(l)` with rate l, ...).
 *
 * @example
 * const d = createCppDistribution('Normal', [0, 1]);
 */
export function createCppDistribution(kind: CppDistributionKind, args: readonly number[]): CppDistribution {
  const need = kind === 'Exponential' ? 1 : 2;
  if (args.length !== need) {
    throw new Error(`createCppDistribution: ${kind} takes ${need} argument(s), got ${args.length}`);
  }
  const [a, b] = args as [number, number];
  switch (kind) {
    case 'Uniform':
      return new CppUniformRealDistribution(a, b);
    case 'DiscreteUniform':
      return new CppUniformIntDistribution(a, b);
    case 'Normal':
      return new CppNormalDistribution(a, b);
    case 'LogNormal':
      return new CppLognormalDistribution(a, b);
    case 'Exponential':
      return new CppExponentialDistribution(a);
    case 'Gamma':
      return new CppGammaDistribution(a, b);
    case 'Binomial':
      return new CppBinomialDistribution(a, b);
    default:
      throw new Error(`createCppDistribution: unknown distribution kind ${String(kind)}`);
  }
}

/** One random variable of a population/projection: kind and numeric arguments. */
export interface CppDistributionSpec {
  readonly kind: CppDistributionKind;
  readonly args: readonly number[];
}

/**
 * The per-step sampler set of one population or projection: the distribution objects of its
 * random variables (in declaration order) sharing the engine. Call `beginStep()` at the start
 * of each step: it drops all caches, exactly as ANNarchy's freshly constructed objects.
 * Draw order is the caller's job (ANNarchy: globals first, then per neuron i all local
 * variables in declaration order).
 *
 * @example
 * const rng = new MT19937(42);
 * const set = new CppSamplerSet(rng, [{ kind: 'Uniform', args: [0, 1] }, { kind: 'Normal', args: [0, 1] }]);
 * set.beginStep();
 * for (let i = 0; i < 3; i++) { set.sample(0); set.sample(1); }
 */
export class CppSamplerSet {
  readonly distributions: readonly CppDistribution[];
  constructor(
    readonly rng: MT19937,
    specs: readonly CppDistributionSpec[],
  ) {
    this.distributions = specs.map((s) => createCppDistribution(s.kind, s.args));
  }
  /** Drops every cached value (start of a step). */
  beginStep(): void {
    for (const d of this.distributions) d.reset();
  }
  /** Draws from the k-th distribution. */
  sample(k: number): number {
    const d = this.distributions[k];
    if (d === undefined) throw new Error(`CppSamplerSet.sample: no distribution at index ${k}`);
    return d.sample(this.rng);
  }
  /** Fills `out` with draws from the k-th distribution (one per element, in order). */
  fill(k: number, out: Float64Array): Float64Array {
    const d = this.distributions[k];
    if (d === undefined) throw new Error(`CppSamplerSet.fill: no distribution at index ${k}`);
    for (let i = 0; i < out.length; i++) d.sampleInto(this.rng, out, i);
    return out;
  }
}
