/**
 * numpy.testing's comparisons as ANNarchy's unit tests use them: `assert_allclose` (rtol 1e-7,
 * atol 0 by default, |actual - desired| <= atol + rtol * |desired|, scalars broadcast) and
 * `assert_array_equal`. Hand-written because the suite must keep numpy's exact tolerance rule.
 */
import { RecordedArray } from '../../src/engine/recorded-array.js';

type Nested = number | boolean | ArrayLike<unknown> | RecordedArray | Nested[];

function flatten(x: unknown): { values: number[]; shape: number[] } {
  if (x instanceof RecordedArray) return { values: Array.from(x.data), shape: [...x.shape] };
  if (typeof x === 'number' || typeof x === 'boolean') return { values: [Number(x)], shape: [] };
  if (x && typeof (x as ArrayLike<unknown>).length === 'number') {
    const arr = Array.from(x as ArrayLike<unknown>);
    if (arr.length === 0) return { values: [], shape: [0] };
    const parts = arr.map(flatten);
    const inner = parts[0]!.shape;
    for (const p of parts) {
      if (p.shape.join(',') !== inner.join(',')) throw new Error(`ragged array: shapes [${inner.join(',')}] and [${p.shape.join(',')}]`);
    }
    return { values: parts.flatMap((p) => p.values), shape: [arr.length, ...inner] };
  }
  throw new Error(`not a number or array: ${String(x)}`);
}

function broadcast(a: { values: number[]; shape: number[] }, b: { values: number[]; shape: number[] }): [number[], number[]] {
  if (a.values.length === b.values.length) {
    // numpy would raise on shape mismatch with equal size only for different dims; a trailing
    // length-1 axis ([[x],[y]] vs [x, y]) broadcasts to a matrix there, so compare shapes strictly
    // after dropping unit axes.
    const sa = a.shape.filter((n) => n !== 1).join(',');
    const sb = b.shape.filter((n) => n !== 1).join(',');
    if (sa !== sb) throw new Error(`shape mismatch: [${a.shape.join(',')}] vs [${b.shape.join(',')}]`);
    return [a.values, b.values];
  }
  if (b.values.length === 1) return [a.values, a.values.map(() => b.values[0]!)];
  if (a.values.length === 1) return [b.values.map(() => a.values[0]!), b.values];
  throw new Error(`shape mismatch: [${a.shape.join(',')}] vs [${b.shape.join(',')}]`);
}

/** numpy.testing.assert_allclose(actual, desired, rtol, atol). NaN equals NaN as in numpy. */
export function assertAllclose(actual: unknown, desired: Nested, opts: { rtol?: number; atol?: number } = {}): void {
  const rtol = opts.rtol ?? 1e-7;
  const atol = opts.atol ?? 0;
  const [a, d] = broadcast(flatten(actual), flatten(desired));
  const bad: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = d[i]!;
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (x === y) continue;
    if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) bad.push(`[${i}] ${x} vs ${y}`);
  }
  if (bad.length) throw new Error(`Not equal to tolerance rtol=${rtol}, atol=${atol}: ${bad.length}/${a.length} mismatched: ${bad.slice(0, 8).join('; ')}`);
}

/** numpy.testing.assert_array_equal / assert_equal on numbers and arrays. */
export function assertArrayEqual(actual: unknown, desired: Nested): void {
  assertAllclose(actual, desired, { rtol: 0, atol: 0 });
}

/**
 * Nest a flat C-order array into `shape` (numpy's reshape): the project reads attributes of a
 * multi-dimensional population as one flat array in C order, ANNarchy as an array of that shape.
 */
export function reshape(flat: ArrayLike<number>, shape: readonly number[]): unknown {
  const size = shape.reduce((a, b) => a * b, 1);
  if (flat.length !== size) throw new Error(`cannot reshape ${flat.length} values into [${shape.join(', ')}]`);
  const build = (offset: number, axis: number): unknown => {
    if (axis === shape.length) return flat[offset];
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: shape[axis]! }, (_, i) => build(offset + i * stride, axis + 1));
  };
  return build(0, 0);
}

/**
 * Register test methods in unittest's order (sorted by name). ANNarchy's `reset()` keeps
 * projections, so some tests of a class build on what an earlier method (alphabetically) set.
 */
export function unittestMethods(methods: Record<string, () => void>): void {
  for (const name of Object.keys(methods).sort()) it(name, methods[name]!);
}
