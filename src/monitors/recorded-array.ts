/**
 * {@link RecordedArray} lives in the engine (its `Monitor` returns it); this module keeps the
 * monitors' import path for the layers above.
 *
 * @example
 * ```ts
 * import { RecordedArray } from './recorded-array.js';
 * new RecordedArray(new Float64Array(4), [2, 2]).column(0);
 * ```
 */
export { RecordedArray } from '../engine/recorded-array.js';
