import { NumpyRandomState } from '../engine/random/index.js';

/**
 * Which neurons of the stimulated population DBS affects (CompNeuroPy's `_create_dbs_on_array`):
 * `proportion * size` ones, the count rounded up or down at random (`choice([ceil, floor])`),
 * then shuffled. Drawn with numpy's legacy `RandomState(seed)` (`choice` as `randint(0, 2)`,
 * `shuffle`), not `default_rng(seed)` as CompNeuroPy does: the same count and distribution, other
 * neurons for the same seed (README "Differences from CompNeuroPy"). Without a seed the
 * generator is seeded from `Math.random()`, as `default_rng(None)` from fresh entropy.
 *
 * @example
 * ```ts
 * createDbsOnArray(10, 0.5, 42); // Float64Array with five ones
 * ```
 */
export function createDbsOnArray(size: number, proportion: number, seed: number | undefined): Float64Array {
  const rng = new NumpyRandomState(seed ?? Math.floor(Math.random() * 2 ** 32));
  const n = proportion * size;
  const choices = [Math.ceil(n), Math.floor(n)];
  const count = choices[rng.randint(0, 2)]!;
  const a = new Float64Array(size);
  a.fill(1, 0, count);
  return rng.shuffle(a);
}
