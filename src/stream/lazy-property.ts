/**
 * Add an enumerable property to `obj` whose value `make()` computes on the first read; it then
 * becomes an ordinary data property (same object on every read, writable). For the long
 * per-step arrays in protocol infos (`currentArr`, `vArr`): CompNeuroPy returns them, but most
 * runs never read them, and building them for every run cost about 5 ns per simulated step.
 *
 * @example
 * ```ts
 * const info = withLazy({ duration: 1000 }, 'currentArr', () => new Float64Array(100000).fill(50));
 * Object.keys(info);        // ['duration', 'currentArr']
 * info.currentArr.length;   // 100000, built now
 * ```
 */
export function withLazy<T extends object, K extends string, V>(obj: T, key: K, make: () => V): T & Record<K, V> {
  const settle = (target: object, value: V): V => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(obj, key, {
    get(this: object): V {
      return settle(this, make());
    },
    set(this: object, value: V) {
      settle(this, value);
    },
    enumerable: true,
    configurable: true,
  });
  return obj as T & Record<K, V>;
}
