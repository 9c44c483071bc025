/**
 * The JSON + arrays form of saved variables (see `saveVariables`): every numeric array becomes a
 * reference `{"__ndarray__": "arr_<k>"}` to an `.npy` entry, non-finite numbers become
 * `{"__float__": "nan" | "inf" | "-inf"}`, and the library's result classes carry a
 * `"__class__"` tag so that they load as themselves. Python reads it with `json` + `numpy`.
 * @packageDocumentation
 */
import { RecordedArray } from '../monitors/recorded-array.js';
import { RecordingTimes } from '../monitors/recording-times.js';
import { SimInfo } from '../experiment/sim-info.js';

/** The typed arrays that map to numpy dtypes. */
export type NumericArray = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;

/** One array of a saved variable: values and numpy shape. */
export interface StoredArray {
  data: NumericArray;
  shape: number[];
}

/** JSON value of a variable plus the arrays it references by key. */
export interface EncodedVariable {
  json: unknown;
  arrays: Map<string, StoredArray>;
}

function isNumericArray(v: unknown): v is NumericArray {
  return (
    v instanceof Float64Array || v instanceof Float32Array || v instanceof Int32Array || v instanceof Int16Array ||
    v instanceof Int8Array || v instanceof Uint32Array || v instanceof Uint16Array || v instanceof Uint8Array
  );
}

/**
 * Converts a value into JSON plus arrays. `where` names the value in errors (e.g. the variable
 * name); functions, class instances the format does not know, cycles and bigints are errors that
 * name the path to the offending value.
 *
 * @example
 * ```ts
 * encodeVariable({ v: new Float64Array([1, 2]) }, 'x').json; // { v: { __ndarray__: 'arr_0' } }
 * ```
 */
export function encodeVariable(value: unknown, where: string): EncodedVariable {
  const arrays = new Map<string, StoredArray>();
  const seen = new Set<object>();
  const addArray = (a: StoredArray): { __ndarray__: string } => {
    const key = `arr_${arrays.size}`;
    arrays.set(key, a);
    return { __ndarray__: key };
  };
  const enc = (v: unknown, path: string): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (v === undefined) return null;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      return { __float__: Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf' };
    }
    if (typeof v !== 'object') {
      throw new Error(`saveVariables: ${path} is a ${typeof v}, which cannot be saved (numbers, strings, booleans, arrays, plain objects, RecordedArray, SimInfo and RecordingTimes can)`);
    }
    if (v instanceof RecordedArray) return addArray({ data: v.data, shape: [...v.shape] });
    if (isNumericArray(v)) return addArray({ data: v, shape: [v.length] });
    if (seen.has(v)) throw new Error(`saveVariables: ${path} refers back to itself (a cycle cannot be saved)`);
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((x, i) => enc(x, `${path}[${i}]`));
      if (v instanceof SimInfo) {
        return {
          __class__: 'SimInfo', name: v.name, description: v.description, simulation_function: v.simulationFunction,
          start: enc(v.start, `${path}.start`), end: enc(v.end, `${path}.end`), info: enc(v.info, `${path}.info`),
          kwargs: enc(v.kwargs, `${path}.kwargs`), monitor_chunk: enc(v.monitorChunk, `${path}.monitorChunk`),
        };
      }
      if (v instanceof RecordingTimes) {
        return { __class__: 'RecordingTimes', recording_times_list: enc(v.recordingTimesList, `${path}.recordingTimesList`) };
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null && !(v instanceof Map)) {
        const cls = (v as { constructor?: { name?: string } }).constructor?.name ?? 'object';
        throw new Error(`saveVariables: ${path} is a ${cls}, which cannot be saved (numbers, strings, booleans, arrays, plain objects, RecordedArray, SimInfo and RecordingTimes can)`);
      }
      const entries = v instanceof Map ? [...v.entries()].map(([k, x]) => [String(k), x] as const) : Object.entries(v);
      const out: Record<string, unknown> = {};
      for (const [k, x] of entries) {
        if (k.startsWith('__') && k.endsWith('__')) throw new Error(`saveVariables: ${path} has the reserved key "${k}"`);
        out[k] = enc(x, `${path}.${k}`);
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return { json: enc(value, where), arrays };
}

/**
 * Rebuilds a value from its JSON form and arrays (the inverse of {@link encodeVariable}):
 * arrays of shape `[n]` as Float64Array (or their typed array), others as RecordedArray.
 *
 * @example
 * ```ts
 * decodeVariable({ __ndarray__: 'arr_0' }, new Map([['arr_0', { data: Float64Array.of(1), shape: [1] }]]), 'x');
 * ```
 */
export function decodeVariable(json: unknown, arrays: ReadonlyMap<string, StoredArray>, where: string): unknown {
  const dec = (v: unknown, path: string): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x, i) => dec(x, `${path}[${i}]`));
    const o = v as Record<string, unknown>;
    if (typeof o.__ndarray__ === 'string') {
      const a = arrays.get(o.__ndarray__);
      if (!a) throw new Error(`loadVariables: ${where}: ${path} refers to array "${o.__ndarray__}", which the .npz file does not contain`);
      if (a.shape.length === 1) return a.data;
      const data = a.data instanceof Float64Array ? a.data : Float64Array.from(a.data);
      return new RecordedArray(data, a.shape);
    }
    if (typeof o.__float__ === 'string') {
      const f = { nan: NaN, inf: Infinity, '-inf': -Infinity }[o.__float__];
      if (f === undefined) throw new Error(`loadVariables: ${where}: ${path} has an unknown __float__ "${o.__float__}"`);
      return f;
    }
    if (o.__class__ === 'SimInfo') {
      return new SimInfo(
        String(o.name), String(o.description), String(o.simulation_function),
        dec(o.start, `${path}.start`) as number[], dec(o.end, `${path}.end`) as number[], dec(o.info, `${path}.info`) as unknown[],
        dec(o.kwargs, `${path}.kwargs`) as Record<string, unknown>[], dec(o.monitor_chunk, `${path}.monitor_chunk`) as (number | null)[] | null,
      );
    }
    if (o.__class__ === 'RecordingTimes') {
      return new RecordingTimes(dec(o.recording_times_list, `${path}.recording_times_list`) as never);
    }
    if (o.__class__ !== undefined) throw new Error(`loadVariables: ${where}: ${path} has an unknown __class__ ${JSON.stringify(o.__class__)}`);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = dec(x, `${path}.${k}`);
    return out;
  };
  return dec(json, where);
}
