/**
 * Analysis results (IR objects with mathjs trees in them) as JSON and back, exactly: numbers
 * JSON cannot hold (-0, NaN, ±Infinity), `undefined` properties, null-prototype objects and
 * mathjs nodes are tagged. Decoded trees are built on first access of the property that holds
 * them (a getter replaced by the value), so reading a cached model's parameters and variables
 * does not load mathjs; code generation reads the trees, and the analysis cache keeps its output
 * too (analysis-cache.ts).
 */
import { math, type MathNode } from './math.js';

/** A JSON value. */
export type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

/** A value {@link encodeValue} cannot represent exactly (a class instance other than a mathjs node, a symbol key, a function). */
export class NotEncodable extends Error {}

interface NodeLike { isNode: true; toJSON(): Record<string, unknown> }
const isNode = (v: unknown): v is NodeLike => typeof v === 'object' && v !== null && (v as { isNode?: unknown }).isNode === true;

/**
 * A JSON value holding `value` exactly, for {@link decodeValue}. Throws {@link NotEncodable}.
 *
 * @example
 * ```ts
 * JSON.stringify(encodeValue({ a: -0, b: undefined })); // '{"o":{"a":{"#":"-0"},"b":{"#":"u"}}}'
 * ```
 */
export function encodeValue(value: unknown): Encoded {
  switch (typeof value) {
    case 'string': case 'boolean': return value;
    case 'undefined': return { '#': 'u' };
    case 'number': return Number.isFinite(value) && !Object.is(value, -0) ? value : { '#': Object.is(value, -0) ? '-0' : String(value) };
    case 'object': break;
    default: throw new NotEncodable(`a ${typeof value}`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    if (Object.keys(value).length !== value.length) throw new NotEncodable('an array with holes or extra properties');
    return value.map(encodeValue);
  }
  if (isNode(value)) {
    const json = value.toJSON();
    const out: Record<string, Encoded> = {};
    for (const [k, v] of Object.entries(json)) out[k] = encodeValue(v);
    return { '@': out };
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new NotEncodable(`an object of class ${(proto as { constructor?: { name?: string } }).constructor?.name ?? '?'}`);
  if (Object.getOwnPropertySymbols(value).length > 0) throw new NotEncodable('an object with symbol keys');
  const names = Object.getOwnPropertyNames(value);
  if (names.some((k) => !Object.prototype.propertyIsEnumerable.call(value, k))) throw new NotEncodable('an object with hidden properties');
  const out: Record<string, Encoded> = {};
  for (const k of names) out[k] = encodeValue((value as Record<string, unknown>)[k]);
  return { [proto === null ? 'O' : 'o']: out };
}

function holdsNode(e: Encoded): boolean {
  if (Array.isArray(e)) return e.some((x) => typeof x === 'object' && x !== null && !Array.isArray(x) && '@' in x);
  return typeof e === 'object' && e !== null && '@' in e;
}

function reviveNode(fields: Record<string, Encoded>): MathNode {
  const json: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) json[k] = decodeValue(v);
  const cls = Reflect.get(math, json.mathjs as string) as { fromJSON?(j: unknown): MathNode } | undefined;
  if (!cls?.fromJSON) throw new Error(`compneuro-rx: cached analysis holds an unknown mathjs node "${String(json.mathjs)}"`);
  return cls.fromJSON(json);
}

/**
 * The value {@link encodeValue} encoded. Properties holding mathjs trees are getters that build
 * them on first read (and then become plain data properties).
 *
 * @example
 * ```ts
 * Object.is(decodeValue(encodeValue(-0)), -0); // true
 * ```
 */
export function decodeValue(e: Encoded): unknown {
  if (e === null || typeof e !== 'object') return e;
  if (Array.isArray(e)) return e.map(decodeValue);
  if ('#' in e) {
    const t = e['#'];
    return t === 'u' ? undefined : t === '-0' ? -0 : Number(t);
  }
  if ('@' in e) return reviveNode(e['@'] as Record<string, Encoded>);
  const plain = 'o' in e;
  const fields = (plain ? e.o : e.O) as Record<string, Encoded>;
  const out: Record<string, unknown> = plain ? {} : Object.create(null);
  for (const [k, v] of Object.entries(fields)) {
    if (!holdsNode(v)) {
      out[k] = decodeValue(v);
      continue;
    }
    const set = (x: unknown) => Object.defineProperty(out, k, { value: x, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(out, k, {
      get: () => {
        const x = decodeValue(v);
        set(x);
        return x;
      },
      set,
      enumerable: true,
      configurable: true,
    });
  }
  return out;
}
