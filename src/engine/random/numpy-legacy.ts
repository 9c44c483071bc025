/**
 * numpy's legacy `RandomState` (the generator behind `np.random.*`), bit-identical: ANNarchy
 * 4.7.3 draws RandomDistribution attribute values and connectivity with it
 * (`np.random.random(n_pre) < p`, `np.random.choice(pre_ranks, number, replace=False)`).
 * The legacy stream is frozen by numpy's compatibility policy, so numpy 1.x and 2.x agree.
 */
import { glibcExp, glibcLog, glibcPow } from './libm.js';
import { MT19937, type MT19937State } from './mt19937.js';
import { selectBelow, selectBelowRows } from './mt19937-simd.js';

const TWO32 = 4294967296;

/**
 * Saved legacy state, as numpy's `get_state()` tuple `('MT19937', key, pos, has_gauss, gauss)`.
 *
 * @example
 * ```ts
 * const s: NumpyRandomStateState = new NumpyRandomState(42).getState();
 * ```
 */
export interface NumpyRandomStateState extends MT19937State {
  readonly hasGauss: boolean;
  readonly gauss: number;
}

function checkSize(method: string, size: number): void {
  if (!Number.isInteger(size) || size < 0) {
    throw new Error(`NumpyRandomState.${method}: size must be a non-negative integer, got ${String(size)}`);
  }
}

function checkNumber(method: string, name: string, v: number): void {
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new Error(`NumpyRandomState.${method}: ${name} must be a number, got ${String(v)}`);
  }
}

/** Smallest 2^k - 1 >= max (numpy's gen_mask), for max < 2^53. */
function genMask(max: number): number {
  let mask = 1;
  while (mask < max) mask = mask * 2 + 1;
  return max === 0 ? 0 : mask;
}

/**
 * numpy legacy `RandomState(seed)`.
 *
 * @example
 * const rs = new NumpyRandomState(42);
 * rs.randomSample(); // 0.3745401188473625
 */
export class NumpyRandomState {
  private readonly mt = new MT19937();
  private hasGauss = false;
  private gaussCache = 0;

  /** @param seed integer in [0, 2^32 - 1] (numpy's int-seed path: `init_genrand`). */
  constructor(seed = 0) {
    this.seed(seed);
  }

  /**
   * Reseeds like `np.random.seed(seed)` (int seeds), clearing the gauss cache.
   *
   * @example
   * rs.seed(1234);
   */
  seed(seed: number): void {
    if (!Number.isInteger(seed) || seed < 0 || seed > TWO32 - 1) {
      throw new Error(`NumpyRandomState.seed: seed must be an integer between 0 and 2**32 - 1, got ${String(seed)}`);
    }
    this.mt.initGenrand(seed);
    this.hasGauss = false;
    this.gaussCache = 0;
  }

  /** Raw 32-bit output. @example rs.nextUint32(); */
  nextUint32(): number {
    return this.mt.nextUint32();
  }

  /** numpy's 64-bit output from two 32-bit ones (high word first), as hi/lo handled by callers. */
  private nextDouble(): number {
    const a = this.mt.nextUint32() >>> 5;
    const b = this.mt.nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /**
   * Copy of the state (numpy `get_state()`: key, pos, has_gauss, cached_gaussian).
   *
   * @example
   * const s = rs.getState(); rs.normal(); rs.setState(s);
   */
  getState(): NumpyRandomStateState {
    const s = this.mt.getState();
    return { key: s.key, pos: s.pos, hasGauss: this.hasGauss, gauss: this.gaussCache };
  }

  /** Restores a state from {@link NumpyRandomState.getState}. @example rs.setState(saved); */
  setState(state: NumpyRandomStateState): void {
    this.mt.setState(state);
    this.hasGauss = Boolean(state.hasGauss);
    this.gaussCache = this.hasGauss ? state.gauss : 0;
  }

  /**
   * `random_sample()` / `random_sample(size)`: 53-bit doubles in [0, 1).
   *
   * @example
   * new NumpyRandomState(42).randomSample(3); // Float64Array [0.3745..., 0.9507..., 0.7319...]
   */
  randomSample(): number;
  randomSample(size: number): Float64Array;
  randomSample(size?: number): number | Float64Array {
    if (size === undefined) return this.nextDouble();
    checkSize('randomSample', size);
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = this.nextDouble();
    return out;
  }

  /** Alias of {@link NumpyRandomState.randomSample} (`np.random.random`). @example rs.random(5); */
  random(): number;
  random(size: number): Float64Array;
  random(size?: number): number | Float64Array {
    return size === undefined ? this.nextDouble() : this.randomSample(size);
  }

  /**
   * The indices k with `random(size)[k] < p`, ascending, drawing the same `size` doubles (ANNarchy's
   * `np.random.random(n_pre) < p` of connect_fixed_probability). With WebAssembly SIMD the doubles
   * are never formed (see `mt19937-simd.ts`); the result is a view valid until the next call.
   *
   * @example
   * new NumpyRandomState(42).randomBelow(10, 0.5); // Int32Array [0, 4, 5, 6] (random(10) < 0.5)
   */
  randomBelow(size: number, p: number): Int32Array {
    checkSize('randomBelow', size);
    checkNumber('randomBelow', 'p', p);
    const r = selectBelow(this.mt, size, p);
    if (r) return r.indices.subarray(0, r.count);
    const out = new Int32Array(size);
    let count = 0;
    for (let k = 0; k < size; k++) if (this.nextDouble() < p) out[count++] = k;
    return out.subarray(0, count);
  }

  /**
   * `rows` consecutive {@link NumpyRandomState.randomBelow} draws, each handed to `onRow(indices,
   * count)` (a view valid during the call; `onRow` must not draw from this generator). The
   * generator's key stays in WebAssembly memory between rows.
   *
   * @example
   * ```ts
   * rng.randomBelowRows(100, 10, 0.5, (idx, m) => console.log(idx.subarray(0, m)));
   * ```
   */
  randomBelowRows(rows: number, size: number, p: number, onRow: (indices: Int32Array, count: number) => void): void {
    checkSize('randomBelowRows', size);
    checkSize('randomBelowRows', rows);
    checkNumber('randomBelowRows', 'p', p);
    if (selectBelowRows(this.mt, rows, size, p, onRow)) return;
    for (let r = 0; r < rows; r++) {
      const sel = this.randomBelow(size, p);
      onRow(sel, sel.length);
    }
  }

  /** Legacy gauss: polar method, second value cached in the state. */
  private gauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const t = this.gaussCache;
      this.gaussCache = 0;
      return t;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.nextDouble() - 1.0;
      x2 = 2.0 * this.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * glibcLog(r2)) / r2);
    this.gaussCache = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  private fill(size: number | undefined, draw: () => number): number | Float64Array {
    if (size === undefined) return draw();
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = draw();
    return out;
  }

  /**
   * `uniform(low, high, size)`: `low + (high - low) * random_sample()`.
   *
   * @example
   * rs.uniform(-1, 1, 10);
   */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: number): Float64Array;
  uniform(low = 0, high = 1, size?: number): number | Float64Array {
    checkNumber('uniform', 'low', low);
    checkNumber('uniform', 'high', high);
    const range = high - low;
    if (!Number.isFinite(range)) throw new Error('NumpyRandomState.uniform: range (high - low) exceeds valid bounds');
    if (size !== undefined) checkSize('uniform', size);
    return this.fill(size, () => low + range * this.nextDouble());
  }

  /** `standard_normal(size)`. @example rs.standardNormal(4); */
  standardNormal(): number;
  standardNormal(size: number): Float64Array;
  standardNormal(size?: number): number | Float64Array {
    if (size !== undefined) checkSize('standardNormal', size);
    return this.fill(size, () => this.gauss());
  }

  /**
   * `normal(loc, scale, size)`: `loc + scale * gauss()` (legacy polar method with cache).
   *
   * @example
   * rs.normal(-60, 5, 100);
   */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: number): Float64Array;
  normal(loc = 0, scale = 1, size?: number): number | Float64Array {
    checkNumber('normal', 'loc', loc);
    checkNumber('normal', 'scale', scale);
    if (scale < 0) throw new Error(`NumpyRandomState.normal: scale must be >= 0, got ${scale}`);
    if (size !== undefined) checkSize('normal', size);
    return this.fill(size, () => loc + scale * this.gauss());
  }

  /** `lognormal(mean, sigma, size)` = `exp(normal(mean, sigma))`. @example rs.lognormal(0, 1, 10); */
  lognormal(mean?: number, sigma?: number): number;
  lognormal(mean: number, sigma: number, size: number): Float64Array;
  lognormal(mean = 0, sigma = 1, size?: number): number | Float64Array {
    checkNumber('lognormal', 'mean', mean);
    checkNumber('lognormal', 'sigma', sigma);
    if (sigma < 0) throw new Error(`NumpyRandomState.lognormal: sigma must be >= 0, got ${sigma}`);
    if (size !== undefined) checkSize('lognormal', size);
    return this.fill(size, () => glibcExp(mean + sigma * this.gauss()));
  }

  private standardExponential1(): number {
    return -glibcLog(1.0 - this.nextDouble());
  }

  /**
   * `exponential(scale, size)` (scale = mean = 1/rate): `scale * -log(1 - U)`.
   *
   * @example
   * rs.exponential(2.0, 10);
   */
  exponential(scale?: number): number;
  exponential(scale: number, size: number): Float64Array;
  exponential(scale = 1, size?: number): number | Float64Array {
    checkNumber('exponential', 'scale', scale);
    if (scale < 0) throw new Error(`NumpyRandomState.exponential: scale must be >= 0, got ${scale}`);
    if (size !== undefined) checkSize('exponential', size);
    return this.fill(size, () => scale * this.standardExponential1());
  }

  /** Legacy standard gamma (Marsaglia-Tsang for shape > 1, Johnk-like rejection below 1). */
  private standardGamma1(shape: number): number {
    if (shape === 1.0) return this.standardExponential1();
    if (shape === 0.0) return 0.0;
    if (shape < 1.0) {
      for (;;) {
        const U = this.nextDouble();
        const V = this.standardExponential1();
        if (U <= 1.0 - shape) {
          const X = glibcPow(U, 1 / shape);
          if (X <= V) return X;
        } else {
          const Y = -glibcLog((1 - U) / shape);
          const X = glibcPow(1.0 - shape + shape * Y, 1 / shape);
          if (X <= V + Y) return X;
        }
      }
    }
    const b = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * b);
    for (;;) {
      let X: number;
      let V: number;
      do {
        X = this.gauss();
        V = 1.0 + c * X;
      } while (V <= 0.0);
      V = V * V * V;
      const U = this.nextDouble();
      if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
      if (glibcLog(U) < 0.5 * X * X + b * (1 - V + glibcLog(V))) return b * V;
    }
  }

  /** `standard_gamma(shape, size)`. @example rs.standardGamma(2.5, 10); */
  standardGamma(shape: number): number;
  standardGamma(shape: number, size: number): Float64Array;
  standardGamma(shape: number, size?: number): number | Float64Array {
    checkNumber('standardGamma', 'shape', shape);
    if (shape < 0) throw new Error(`NumpyRandomState.standardGamma: shape must be >= 0, got ${shape}`);
    if (size !== undefined) checkSize('standardGamma', size);
    return this.fill(size, () => this.standardGamma1(shape));
  }

  /** `gamma(shape, scale, size)` = `scale * standard_gamma(shape)`. @example rs.gamma(2, 0.5, 10); */
  gamma(shape: number, scale?: number): number;
  gamma(shape: number, scale: number, size: number): Float64Array;
  gamma(shape: number, scale = 1, size?: number): number | Float64Array {
    checkNumber('gamma', 'shape', shape);
    checkNumber('gamma', 'scale', scale);
    if (shape < 0) throw new Error(`NumpyRandomState.gamma: shape must be >= 0, got ${shape}`);
    if (scale < 0) throw new Error(`NumpyRandomState.gamma: scale must be >= 0, got ${scale}`);
    if (size !== undefined) checkSize('gamma', size);
    return this.fill(size, () => scale * this.standardGamma1(shape));
  }

  /** One value in [0, rng] by numpy's masked rejection (32- or 64-bit draws). */
  private boundedMasked(rng: number, mask: number): number {
    if (rng === 0) return 0;
    if (rng <= 0xffffffff) {
      if (rng === 0xffffffff) return this.mt.nextUint32();
      let val: number;
      do val = (this.mt.nextUint32() & mask) >>> 0;
      while (val > rng);
      return val;
    }
    const maskHi = Math.floor(mask / TWO32);
    let val: number;
    do {
      const hi = this.mt.nextUint32(); // next_uint64: high word drawn first
      const lo = this.mt.nextUint32();
      val = ((hi & maskHi) >>> 0) * TWO32 + lo;
    } while (val > rng);
    return val;
  }

  /**
   * `randint(low, high, size)` (dtype int64): integers in [low, high) by masked rejection;
   * `randint(n)` draws from [0, n).
   *
   * @example
   * rs.randint(0, 10, 5); // Float64Array of 5 integers in [0, 9]
   */
  randint(low: number, high?: number): number;
  randint(low: number, high: number | undefined, size: number): Float64Array;
  randint(low: number, high?: number, size?: number): number | Float64Array {
    let lo = low;
    let hi = high;
    if (hi === undefined) {
      hi = lo;
      lo = 0;
    }
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
      throw new Error(`NumpyRandomState.randint: low and high must be safe integers, got low=${lo}, high=${hi}`);
    }
    if (lo >= hi) throw new Error(`NumpyRandomState.randint: low >= high (low=${lo}, high=${hi})`);
    const rng = hi - 1 - lo;
    if (!Number.isSafeInteger(rng)) throw new Error('NumpyRandomState.randint: range larger than 2^53 is not supported');
    const mask = genMask(rng);
    const off = lo;
    if (size !== undefined) checkSize('randint', size);
    return this.fill(size, () => off + this.boundedMasked(rng, mask));
  }

  /**
   * Deprecated `random_integers(low, high, size)` = `randint(low, high + 1, size)` (inclusive).
   *
   * @example
   * rs.randomIntegers(1, 6, 10); // dice
   */
  randomIntegers(low: number, high?: number): number;
  randomIntegers(low: number, high: number | undefined, size: number): Float64Array;
  randomIntegers(low: number, high?: number, size?: number): number | Float64Array {
    let lo = low;
    let hi = high;
    if (hi === undefined) {
      hi = lo;
      lo = 1;
    }
    return size === undefined ? this.randint(lo, hi + 1) : this.randint(lo, hi + 1, size);
  }

  private binomialInversion(n: number, p: number): number {
    const q = 1.0 - p;
    const qn = glibcExp(n * glibcLog(q));
    const np = n * p;
    const bound = Math.trunc(Math.min(n, np + 10.0 * Math.sqrt(np * q + 1)));
    let X = 0;
    let px = qn;
    let U = this.nextDouble();
    while (U > px) {
      X++;
      if (X > bound) {
        X = 0;
        px = qn;
        U = this.nextDouble();
      } else {
        U -= px;
        px = ((n - X + 1) * p * px) / (X * q);
      }
    }
    return X;
  }

  private binomialBtpe(n: number, p: number): number {
    const r = Math.min(p, 1.0 - p);
    const q = 1.0 - r;
    const fm = n * r + r;
    const m = Math.floor(fm);
    const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
    const xm = m + 0.5;
    const xl = xm - p1;
    const xr = xm + p1;
    const c = 0.134 + 20.5 / (15.3 + m);
    let a = (fm - xl) / (fm - xl * r);
    const laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    const lamr = a * (1.0 + a / 2.0);
    const p2 = p1 * (1.0 + 2.0 * c);
    const p3 = p2 + c / laml;
    const p4 = p3 + c / lamr;
    let y: number;
    for (;;) {
      // Step10
      const nrq = n * r * q;
      const u = this.nextDouble() * p4;
      let v = this.nextDouble();
      if (u <= p1) {
        y = Math.floor(xm - p1 * v + u);
        break; // Step60
      }
      if (u <= p2) {
        // Step20
        const x = xl + (u - p1) / c;
        v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
        if (v > 1.0) continue;
        y = Math.floor(x);
      } else if (u <= p3) {
        // Step30
        y = Math.floor(xl + glibcLog(v) / laml);
        if (y < 0 || v === 0.0) continue;
        v = v * (u - p2) * laml;
      } else {
        // Step40
        y = Math.floor(xr - glibcLog(v) / lamr);
        if (y > n || v === 0.0) continue;
        v = v * (u - p3) * lamr;
      }
      // Step50
      const k = Math.abs(y - m);
      if (!(k > 20 && k < nrq / 2.0 - 1)) {
        const s = r / q;
        const aa = s * (n + 1);
        let F = 1.0;
        if (m < y) {
          for (let i = m + 1; i <= y; i++) F *= aa / i - s;
        } else if (m > y) {
          for (let i = y + 1; i <= m; i++) F /= aa / i - s;
        }
        if (v > F) continue;
        break;
      }
      // Step52
      const rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
      const t = (-k * k) / (2 * nrq);
      const A = glibcLog(v);
      if (A < t - rho) break;
      if (A > t + rho) continue;
      const x1 = y + 1;
      const f1 = m + 1;
      const z = n + 1 - m;
      const w = n - y + 1;
      const x2 = x1 * x1;
      const f2 = f1 * f1;
      const z2 = z * z;
      const w2 = w * w;
      if (
        A >
        xm * glibcLog(f1 / x1) +
          (n - m + 0.5) * glibcLog(z / w) +
          (y - m) * glibcLog((w * r) / (x1 * q)) +
          (13680 - (462 - (132 - (99 - 140 / f2) / f2) / f2) / f2) / f1 / 166320 +
          (13680 - (462 - (132 - (99 - 140 / z2) / z2) / z2) / z2) / z / 166320 +
          (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x1 / 166320 +
          (13680 - (462 - (132 - (99 - 140 / w2) / w2) / w2) / w2) / w / 166320
      ) {
        continue;
      }
      break;
    }
    // Step60
    if (p > 0.5) y = n - y;
    return y;
  }

  // legacy_random_binomial: unlike the new Generator there is no n == 0 / p == 0 shortcut, so
  // those cases still consume one double per draw (checked against numpy).
  private binomial1(n: number, p: number): number {
    if (p <= 0.5) {
      return p * n <= 30.0 ? this.binomialInversion(n, p) : this.binomialBtpe(n, p);
    }
    const q = 1.0 - p;
    return q * n <= 30.0 ? n - this.binomialInversion(n, q) : n - this.binomialBtpe(n, q);
  }

  /**
   * `binomial(n, p, size)` (legacy: inversion when `n*min(p,1-p) <= 30`, else BTPE).
   *
   * @example
   * rs.binomial(10, 0.3, 5);
   */
  binomial(n: number, p: number): number;
  binomial(n: number, p: number, size: number): Float64Array;
  binomial(n: number, p: number, size?: number): number | Float64Array {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new Error(`NumpyRandomState.binomial: n must be a non-negative integer, got ${String(n)}`);
    }
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new Error(`NumpyRandomState.binomial: p must be in [0, 1], got ${String(p)}`);
    }
    if (size !== undefined) checkSize('binomial', size);
    return this.fill(size, () => this.binomial1(n, p));
  }

  /** numpy's random_interval: value in [0, max] by masked rejection. */
  private interval(max: number): number {
    return max === 0 ? 0 : this.boundedMasked(max, genMask(max));
  }

  /**
   * In-place Fisher-Yates shuffle as legacy `shuffle` (from the end, `random_interval(i)`).
   *
   * @example
   * const a = [1, 2, 3, 4]; rs.shuffle(a);
   */
  shuffle<T extends { length: number; [i: number]: unknown }>(x: T): T {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.interval(i);
      const tmp = x[i];
      x[i] = x[j];
      x[j] = tmp;
    }
    return x;
  }

  /**
   * `permutation(n)` (shuffled `arange(n)`) or a shuffled copy of an array.
   *
   * @example
   * rs.permutation(5); // e.g. [2, 0, 4, 1, 3]
   */
  permutation(n: number): number[];
  permutation<T>(a: readonly T[]): T[];
  permutation<T>(a: number | readonly T[]): number[] | T[] {
    if (typeof a === 'number') {
      if (!Number.isInteger(a) || a < 0) {
        throw new Error(`NumpyRandomState.permutation: n must be a non-negative integer, got ${String(a)}`);
      }
      return this.shuffle(Array.from({ length: a }, (_, i) => i));
    }
    return this.shuffle(a.slice());
  }

  /**
   * Legacy `choice(a, size, replace)` without probabilities: `replace=false` takes the first
   * `size` entries of `permutation(len(a))`; `replace=true` uses `randint(0, len(a), size)`.
   *
   * @example
   * rs.choice([10, 11, 12, 13, 14], 3, false); // 3 distinct elements
   */
  choice(a: number, size: number, replace?: boolean): number[];
  choice<T>(a: readonly T[], size: number, replace?: boolean): T[];
  choice<T>(a: number | readonly T[], size: number, replace = true): number[] | T[] {
    const popSize = typeof a === 'number' ? a : a.length;
    if (typeof a === 'number' && (!Number.isInteger(a) || a < 0)) {
      throw new Error(`NumpyRandomState.choice: a must be a non-negative integer or an array, got ${String(a)}`);
    }
    checkSize('choice', size);
    if (popSize === 0 && size > 0) {
      throw new Error('NumpyRandomState.choice: a must be non-empty unless no samples are taken');
    }
    let idx: number[];
    if (replace) {
      idx = size === 0 ? [] : Array.from(this.randint(0, popSize, size));
    } else {
      if (size > popSize) {
        throw new Error("NumpyRandomState.choice: cannot take a larger sample than population when 'replace=false'");
      }
      idx = this.permutation(popSize).slice(0, size);
    }
    if (typeof a === 'number') return idx;
    return idx.map((i) => a[i]!);
  }
}
