/**
 * Make assignments to names a class's instances do not have throw instead of creating a new
 * property (a typo such as `pop.Iapp = 5` for `I_app` would otherwise be silently ignored by the
 * model; ANNarchy creates a Python attribute, see the README's differences table).
 *
 * A Proxy is placed at the root of the prototype chain: an assignment reaches it only when no
 * own property, accessor or method of that name exists, so attribute accessors, fields and
 * methods are untouched and need no trap (they stay on V8's fast paths). Symbols are allowed.
 *
 * @example
 * ```ts
 * rejectUnknownAttributes(Population, (pop, name) => `Population "${pop.name}" has no attribute "${name}"`);
 * pop.Iapp = 5; // throws
 * ```
 */
export function rejectUnknownAttributes<T extends object>(cls: { prototype: T }, message: (obj: T, name: string) => string): void {
  const base = Object.getPrototypeOf(cls.prototype) as object;
  const guard = new Proxy(base, {
    set(target, prop, value, receiver) {
      if (typeof prop === 'symbol') return Reflect.set(target, prop, value, receiver);
      throw new TypeError(message(receiver as T, prop));
    },
  });
  Object.setPrototypeOf(cls.prototype, guard);
}
