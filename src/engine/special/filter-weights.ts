/**
 * Weights of a filter: nested arrays of numbers (rows may be typed arrays), like the numpy
 * arrays and lists of lists ANNarchy's `connect_filter` takes.
 *
 * @example
 * ```ts
 * const w: FilterWeights = [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]];
 * const rows: FilterWeights = [Float64Array.of(1, 2), Float64Array.of(3, 4)];
 * ```
 */
export type FilterWeights = ArrayLike<number> | ArrayLike<FilterWeights>;

/** Nested number arrays as read back (numpy's `tolist()` of the filter). */
export type NestedNumbers = number[] | NestedNumbers[];

/**
 * Shape and flat C-order values of a rectangular nested array; throws `fail(message)` on ragged
 * rows, non-numbers, non-finite values or empty dimensions.
 */
export function flattenFilter(input: unknown, fail: (message: string) => Error): { shape: number[]; data: Float64Array } {
  const isList = (v: unknown): v is ArrayLike<unknown> => v !== null && typeof v === 'object' && typeof (v as ArrayLike<unknown>).length === 'number';
  if (!isList(input)) throw fail(`expected nested arrays of numbers (a filter), got ${typeof input === 'number' ? 'a number' : String(input)}`);
  const shape: number[] = [];
  let v: unknown = input;
  while (isList(v)) {
    if (v.length === 0) throw fail(`dimension ${shape.length} is empty; every dimension of a filter needs at least one weight`);
    shape.push(v.length);
    v = v[0];
  }
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  let at = 0;
  const walk = (x: unknown, d: number, path: string): void => {
    if (d === shape.length) {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw fail(`element ${path} is ${isList(x) ? 'a list' : String(x)}; expected a finite number`);
      data[at++] = x;
      return;
    }
    if (!isList(x) || x.length !== shape[d]) throw fail(`the filter is not rectangular: element ${path === '' ? '' : path} has ${isList(x) ? x.length : 'no'} entries where ${shape[d]} were expected (shape ${JSON.stringify(shape)})`);
    for (let i = 0; i < x.length; i++) walk(x[i], d + 1, `${path}[${i}]`);
  };
  walk(input, 0, '');
  return { shape, data };
}

/** Nested arrays of `shape` from flat C-order values. */
export function nestFilter(data: ArrayLike<number>, shape: readonly number[]): NestedNumbers {
  let at = 0;
  const build = (d: number): NestedNumbers => {
    if (d === shape.length - 1) {
      const row = Array.from({ length: shape[d]! }, (_, i) => data[at + i]!);
      at += shape[d]!;
      return row;
    }
    return Array.from({ length: shape[d]! }, () => build(d + 1)) as NestedNumbers;
  };
  return build(0);
}
