/**
 * Deep copy like Python's `copy.deepcopy`: plain objects, arrays, typed arrays, Maps, Sets and
 * class instances (prototype kept), with shared and cyclic references preserved. Functions are
 * shared, not copied.
 *
 * @example
 * ```ts
 * const a = { sim: [new SimInfo(...)], v: new Float64Array([1]) };
 * const b = deepCopy(a);   // b.sim[0] instanceof SimInfo, b.v !== a.v
 * ```
 */
export function deepCopy<T>(value: T, memo: Map<unknown, unknown> = new Map()): T {
  if (value === null || typeof value !== 'object') return value;
  if (memo.has(value)) return memo.get(value) as T;
  if (ArrayBuffer.isView(value)) {
    const v = value as unknown as { slice(): unknown };
    const out = v.slice();
    memo.set(value, out);
    return out as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    memo.set(value, out);
    for (const x of value) out.push(deepCopy(x, memo));
    return out as T;
  }
  if (value instanceof Map) {
    const out = new Map();
    memo.set(value, out);
    for (const [k, v] of value) out.set(deepCopy(k, memo), deepCopy(v, memo));
    return out as T;
  }
  if (value instanceof Set) {
    const out = new Set();
    memo.set(value, out);
    for (const v of value) out.add(deepCopy(v, memo));
    return out as T;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  const out = Object.create(proto) as Record<PropertyKey, unknown>;
  memo.set(value, out);
  // a plain object (an experiment's `data`, copied by every results()) has no setter on the way
  // but `__proto__`'s: its ordinary data properties are assigned, without a descriptor per key
  const plain = proto === Object.prototype || proto === null;
  for (const key of Reflect.ownKeys(value as object)) {
    const desc = Object.getOwnPropertyDescriptor(value, key)!;
    if (plain && 'value' in desc && desc.writable && desc.enumerable && desc.configurable && key !== '__proto__') {
      out[key] = deepCopy(desc.value, memo);
      continue;
    }
    if ('value' in desc) desc.value = deepCopy(desc.value, memo);
    Object.defineProperty(out, key, desc);
  }
  return out as T;
}
