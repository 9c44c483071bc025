/**
 * CompNeuroPy's `flatten_list(lst)`: flattens nested arrays recursively. Typed arrays (numpy
 * arrays in CompNeuroPy) stay leaves, as Python tuples and arrays do.
 *
 * @example
 * ```ts
 * flattenList([1, [2, [3, 4]], 'a']); // [1, 2, 3, 4, 'a']
 * ```
 */
export function flattenList(lst: readonly unknown[]): unknown[] {
  if (!Array.isArray(lst)) throw new Error(`flattenList: lst must be an array, got ${typeof lst}`);
  const out: unknown[] = [];
  for (const x of lst) {
    if (Array.isArray(x)) out.push(...flattenList(x));
    else out.push(x);
  }
  return out;
}
