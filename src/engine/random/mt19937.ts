/**
 * 32-bit Mersenne Twister (MT19937), bit-identical to C++ `std::mt19937` and to numpy's legacy
 * `RandomState` bit generator (both seed with Matsumoto & Nishimura's `init_genrand`).
 */

const N = 624;
const M = 397;
// Masks as int32 (the bit patterns of the uint32 constants): bitwise operators work on int32
// anyway, and a constant above 2^31 - 1 is a double in V8 (the twist ran ~3x slower).
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;
const MATRIX_A = 0x9908b0df | 0;
const TEMPER_B = 0x9d2c5680 | 0;
const TEMPER_C = 0xefc60000 | 0;
const TWO32 = 4294967296;
const INV_TWO64 = 1 / 18446744073709551616;
const ONE_BELOW = 1 - 2 ** -53; // std::nextafter(1.0, 0.0)

/**
 * A saved generator state: the 624-word key and the read position (624 = regenerate next).
 *
 * @example
 * ```ts
 * const s: MT19937State = new MT19937(42).getState();
 * ```
 */
export interface MT19937State {
  readonly key: Uint32Array;
  readonly pos: number;
}

/**
 * Mersenne Twister engine producing unsigned 32-bit integers.
 *
 * @example
 * const rng = new MT19937(42);
 * rng.nextUint32(); // 1608637542, as std::mt19937(42)() and numpy RandomState(42)
 */
export class MT19937 {
  private readonly mt = new Uint32Array(N);
  private mti = N;

  /** @param seed unsigned 32-bit seed (C++ default 5489); reduced modulo 2^32 like `std::mt19937`. */
  constructor(seed = 5489) {
    this.initGenrand(seed);
  }

  /**
   * Seeds like `std::mt19937(seed)` / numpy `RandomState(seed)` (init_genrand).
   *
   * @example
   * const rng = new MT19937(); rng.initGenrand(1234);
   */
  initGenrand(seed: number): void {
    if (!Number.isInteger(seed)) {
      throw new Error(`MT19937: seed must be an integer, got ${String(seed)}`);
    }
    const mt = this.mt;
    // Same reduction as the C++ engine: the seed is taken modulo 2^32.
    mt[0] = Number(BigInt.asUintN(32, BigInt(seed)));
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      // 1812433253 * prev + i modulo 2^32 (Math.imul keeps the low 32 bits exactly).
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
  }

  /** Alias of {@link MT19937.initGenrand} using the C++/numpy name. @example rng.init_genrand(0); */
  init_genrand(seed: number): void {
    this.initGenrand(seed);
  }

  /** Regenerates the 624-word block (the "twist"). */
  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    let y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.mti = 0;
  }

  /**
   * Next output in [0, 2^32), as `std::mt19937::operator()`; allocation free.
   *
   * @example
   * new MT19937(5489).nextUint32(); // 3499211612
   */
  nextUint32(): number {
    if (this.mti >= N) this.twist();
    let y = this.mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * Writes the next output into `out[j]` (same value as {@link MT19937.nextUint32}). Nothing
   * crosses the call as a return value: an output above 2^30 is not a small integer and would
   * be boxed (16 B) when returned from a call that V8 does not inline.
   *
   * @example
   * const w = new Uint32Array(1); new MT19937(5489).nextUint32Into(w, 0); // w[0] === 3499211612
   */
  nextUint32Into(out: Uint32Array, j: number): void {
    const mt = this.mt;
    if (this.mti >= N) this.twist();
    let y = mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    y ^= y >>> 18;
    out[j] = y;
  }

  /**
   * Writes `std::generate_canonical<double, 53>(*this)` into `out[j]`: two outputs g1, g2
   * combined as `(g1 + g2 * 2^32) / 2^64`, clamped below 1. The tempering is written out here
   * and the double goes through `out`, so the draw allocates nothing whether or not V8 inlines
   * this call.
   *
   * @example
   * const c = new Float64Array(1); new MT19937(42).canonicalInto(c, 0); // c[0] in [0, 1)
   */
  canonicalInto(out: Float64Array, j: number): void {
    const mt = this.mt;
    if (this.mti >= N) this.twist();
    let y = mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    y ^= y >>> 18;
    const g1 = y >>> 0;
    if (this.mti >= N) this.twist();
    y = mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    y ^= y >>> 18;
    // g1 + g2 * 2^32 is exact in a double before the final rounding of the add
    const ret = (g1 + (y >>> 0) * TWO32) * INV_TWO64;
    out[j] = ret >= 1 ? ONE_BELOW : ret;
  }

  /** Advances the engine by `n` outputs (like `std::mt19937::discard`). @example rng.discard(10); */
  discard(n: number): void {
    for (let i = 0; i < n; i++) this.nextUint32();
  }

  /**
   * Copy the key into `out` from `at` and return the read position (0..624); no allocation
   * (for generators that run outside this object, see `mt19937-simd.ts`).
   *
   * @example
   * const words = new Uint32Array(624); const pos = rng.saveKey(words, 0);
   */
  saveKey(out: Uint32Array, at: number): number {
    out.set(this.mt, at);
    return this.mti;
  }

  /**
   * Load 624 key words from `src` at `at` and the read position (the counterpart of
   * {@link MT19937.saveKey}).
   *
   * @example
   * rng.loadKey(words, 0, pos);
   */
  loadKey(src: Uint32Array, at: number, pos: number): void {
    this.mt.set(src.subarray(at, at + N));
    this.mti = pos;
  }

  /**
   * Snapshot of the state (a copy).
   *
   * @example
   * const s = rng.getState(); rng.nextUint32(); rng.setState(s);
   */
  getState(): MT19937State {
    return { key: this.mt.slice(), pos: this.mti };
  }

  /**
   * Restores a state from {@link MT19937.getState} (or numpy's `get_state()` key and pos).
   *
   * @example
   * rng.setState(saved);
   */
  setState(state: MT19937State): void {
    if (state.key.length !== N) {
      throw new Error(`MT19937.setState: key must have ${N} words, got ${state.key.length}`);
    }
    if (!Number.isInteger(state.pos) || state.pos < 0 || state.pos > N) {
      throw new Error(`MT19937.setState: pos must be an integer in [0, ${N}], got ${String(state.pos)}`);
    }
    this.mt.set(state.key);
    this.mti = state.pos;
  }
}
