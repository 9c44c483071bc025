import { NumpyRandomState } from '../../engine/random/index.js';

/**
 * CompNeuroPy's `RNG(seed)`: a random number generator that `reset()` returns to its state for
 * the original seed. `rng` is numpy's legacy `RandomState` (bit-identical to numpy's), not
 * numpy's `default_rng` PCG64 stream (see the README's differences).
 *
 * @example
 * ```ts
 * const r = new RNG(1234);
 * const a = r.rng.randomSample();
 * r.reset();
 * r.rng.randomSample() === a; // true
 * ```
 */
export class RNG {
  rng: NumpyRandomState;

  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`RNG: seed must be a non-negative integer, got ${String(seed)}`);
    this.rng = new NumpyRandomState(seed);
  }

  /** Back to the state for the original seed. */
  reset(): void {
    this.rng = new NumpyRandomState(this.seed);
  }
}
