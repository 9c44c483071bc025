/**
 * Plain records of a population's or projection's state that V8 keeps in fast mode. A record
 * built with one keyed store per name (`global[name] = 0` in a loop) may turn into a hash table
 * ("dictionary mode") once it has more than a dozen or so names, depending on V8's heuristics:
 * HH_Bischop's 24 population-wide parameters did, and every `G.C_m` the generated kernel reads
 * once per step then went through V8's generic property lookup (`LoadIC`) instead of a field
 * load, ~30 % of a one-neuron step in a `perf` profile. `Object.fromEntries` and
 * `Object.defineProperty` keep the record fast (`spec/engine/fast-record.spec.ts` checks it).
 * @packageDocumentation
 */

/**
 * The record of `entries`, built in V8's fast mode.
 *
 * @example
 * ```ts
 * const G = fastRecord([['tau', 10], ['v_th', -50]]); // G.tau === 10
 * ```
 */
export function fastRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries(entries) as Record<string, T>;
}

/**
 * Adds `key` to a record made by {@link fastRecord} (an ordinary writable, enumerable property)
 * without turning it into a hash table, as a keyed store may.
 *
 * @example
 * ```ts
 * addFastKey(G, '_mean_r', 0);
 * ```
 */
export function addFastKey<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
