/**
 * CompNeuroPy's `remove_key(d, key)`: a shallow copy of `d` without `key` (`d` is unchanged).
 *
 * @example
 * ```ts
 * removeKey({ a: 1, b: 2 }, 'a'); // { b: 2 }
 * ```
 */
export function removeKey<T extends Record<string, unknown>, K extends keyof T>(d: T, key: K): Omit<T, K> {
  if (d === null || typeof d !== 'object') throw new Error(`removeKey: d must be an object, got ${String(d)}`);
  const copy = { ...d };
  delete copy[key];
  return copy;
}
