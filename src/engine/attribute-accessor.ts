import type { AttributeInput } from './attribute-value.js';

// One accessor pair per attribute name, shared by all populations, views and projections: closures per
// instance gave each population its own hidden class, which made every property read of the
// second population of a model slow (Network.step: ~360 instead of ~210 ns per HH step).
const ACCESSORS = new Map<string, PropertyDescriptor>();

/**
 * The property descriptor of attribute `name` (`pop.v`, `pop.v = ...`) for objects with
 * `get(name)` and `set({ name: value })`: populations, population views and projections.
 *
 * @example
 * ```ts
 * Object.defineProperty(pop, 'v', attributeAccessor('v'));
 * ```
 */
export function attributeAccessor(name: string): PropertyDescriptor {
  let d = ACCESSORS.get(name);
  if (!d) {
    d = {
      get(this: { get(n: string): unknown }) { return this.get(name); },
      set(this: { set(values: Record<string, AttributeInput>): void }, v: AttributeInput) { this.set({ [name]: v }); },
      enumerable: false,
      configurable: false,
    };
    ACCESSORS.set(name, d);
  }
  return d;
}
