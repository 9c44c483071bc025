/**
 * Something that samples values, like ANNarchy's RandomDistribution objects.
 *
 * @example
 * ```ts
 * const s: ValueSampler = new Uniform(0, 1);
 * pop.v = s;
 * ```
 */
export interface ValueSampler {
  /** `n` values drawn from the generator `rng`. */
  getValues(n: number, rng: unknown): Float64Array;
}

/**
 * A value accepted by attribute setters: a number, a boolean, an array of `size` numbers, or a distribution.
 *
 * @example
 * ```ts
 * const v: AttributeInput = new Uniform(-70, -60);   // or a number, a boolean, an array of size numbers
 * pop.v = v;
 * ```
 */
export type AttributeInput = number | boolean | ArrayLike<number> | ValueSampler;

/** True if `x` looks like a RandomDistribution (has `getValues`). */
export function isSampler(x: unknown): x is ValueSampler {
  return typeof x === 'object' && x !== null && typeof (x as ValueSampler).getValues === 'function';
}

/** Coerce a value to an attribute's type: int truncates toward zero, bool maps to 0/1. */
export function coerce(v: number, type: 'double' | 'int' | 'bool'): number {
  if (type === 'int') return Math.trunc(v);
  if (type === 'bool') return v ? 1 : 0;
  return v;
}

/**
 * Turn a setter input into `size` numbers (a scalar broadcast, an array checked for length,
 * a distribution sampled once), naming the owner and attribute in errors.
 */
export function toValues(input: AttributeInput, size: number, where: string, rng: unknown): Float64Array | number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new Error(`${where}: value is ${input}; expected a finite number`);
    return input;
  }
  if (typeof input === 'boolean') return input ? 1 : 0;
  if (isSampler(input)) return input.getValues(size, rng);
  if (input && typeof (input as ArrayLike<number>).length === 'number') {
    const arr = input as ArrayLike<number>;
    if (arr.length !== size) throw new Error(`${where}: expected ${size} values (one per element) or a scalar, got an array of ${arr.length}`);
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const v = Number(arr[i]);
      if (typeof arr[i] !== 'number' && typeof arr[i] !== 'boolean') throw new Error(`${where}: element ${i} is not a number (${String(arr[i])})`);
      if (!Number.isFinite(v)) throw new Error(`${where}: element ${i} is ${v}; expected finite numbers`);
      out[i] = v;
    }
    return out;
  }
  throw new Error(`${where}: expected a number, an array of ${size} numbers or a RandomDistribution, got ${input === null ? 'null' : typeof input}`);
}

/**
 * ANNarchy accepts an array shaped like the population's geometry (`pop.r = [[...], [...]]` for a
 * (2, 3) population) and flattens it in C order; any other nesting is refused with the shapes.
 *
 * @example
 * ```ts
 * flattenGeometry([[1, 2, 3], [4, 5, 6]], [2, 3], 'pop.r'); // [1, 2, 3, 4, 5, 6]
 * ```
 */
export function flattenGeometry(input: AttributeInput, geometry: readonly number[], where: string): AttributeInput {
  if (!Array.isArray(input) || input.length === 0 || !Array.isArray(input[0])) return input;
  const out: unknown[] = [];
  const walk = (x: unknown, axis: number): void => {
    if (axis === geometry.length) {
      if (Array.isArray(x)) throw new Error(`${where}: a nested array must have the population's shape [${geometry.join(', ')}], it is nested deeper`);
      out.push(x);
      return;
    }
    if (!Array.isArray(x) || x.length !== geometry[axis]) {
      throw new Error(`${where}: a nested array must have the population's shape [${geometry.join(', ')}], axis ${axis} has ${Array.isArray(x) ? x.length : 'no'} elements`);
    }
    for (const y of x) walk(y, axis + 1);
  };
  walk(input, 0);
  return out as number[];
}
