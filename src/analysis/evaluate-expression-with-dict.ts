/**
 * CompNeuroPy's `evaluate_expression_with_dict(expression, value_dict)` without Python's
 * `eval`: a small parser for arithmetic over numbers and arrays, so user text is never run as
 * code.
 * @packageDocumentation
 */
import { RecordedArray } from '../monitors/recorded-array.js';

/** A value in the expression: a number or an array (shape kept for RecordedArray). */
export type ExpressionValue = number | Float64Array | RecordedArray | readonly number[];

type V = number | { data: Float64Array; shape: readonly number[] };

function fail(expression: string, msg: string): never {
  throw new Error(`Error while evaluating expression: ${msg} in '${expression}'`);
}

function asV(v: ExpressionValue): V {
  if (typeof v === 'number') return v;
  if (v instanceof RecordedArray) return { data: v.data, shape: v.shape };
  if (v instanceof Float64Array) return { data: v, shape: [v.length] };
  if (Array.isArray(v)) return { data: Float64Array.from(v), shape: [v.length] };
  throw new Error('unsupported value');
}

function map2(expression: string, a: V, b: V, f: (x: number, y: number) => number): V {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  if (typeof a === 'number') return { data: (b as Exclude<V, number>).data.map((y) => f(a, y)), shape: (b as Exclude<V, number>).shape };
  if (typeof b === 'number') return { data: a.data.map((x) => f(x, b)), shape: a.shape };
  if (a.shape.join() !== b.shape.join()) {
    fail(expression, `operands could not be broadcast together with shapes (${a.shape.join(',')}) (${b.shape.join(',')})`);
  }
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[i]!, b.data[i]!);
  return { data: out, shape: a.shape };
}

function map1(a: V, f: (x: number) => number): V {
  return typeof a === 'number' ? f(a) : { data: a.data.map(f), shape: a.shape };
}

const UNARY: Record<string, (x: number) => number> = {
  abs: Math.abs, sqrt: Math.sqrt, exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos, tanh: Math.tanh,
};

/**
 * Evaluates `expression` with the names bound to `valueDict`: numbers, `+ - * / **`
 * (element-wise, scalars broadcast), parentheses, unary minus, and the functions `clip(x, lo,
 * hi)`, `max(x)`, `min(x)` (whole-array reductions), `abs`, `sqrt`, `exp`, `log`, `sin`, `cos`,
 * `tanh`, each also with numpy's `np.` prefix. Anything else is an error naming the problem.
 * The result keeps the shape of the arrays (a RecordedArray stays one).
 *
 * @example
 * ```ts
 * evaluateExpressionWithDict('(v - v_r) * 2', { v: new Float64Array([1, 2]), v_r: 1 }); // Float64Array [0, 2]
 * evaluateExpressionWithDict('np.clip(a, 0, 1)', { a: [-1, 0.5, 3] });                   // Float64Array [0, 0.5, 1]
 * ```
 */
export function evaluateExpressionWithDict(
  expression: string,
  valueDict: Record<string, ExpressionValue>,
): number | Float64Array | RecordedArray {
  if (typeof expression !== 'string') throw new Error(`Error while evaluating expression: expression must be a string, got ${typeof expression}`);
  const tokens = expression.match(/\s+|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\*\*|[A-Za-z_][A-Za-z0-9_.]*|[-+*/(),]|./g) ?? [];
  const toks = tokens.filter((t) => !/^\s+$/.test(t));
  let pos = 0;
  const peek = (): string | undefined => toks[pos];
  const expect = (t: string): void => {
    if (toks[pos] !== t) fail(expression, `expected '${t}' but found ${toks[pos] === undefined ? 'the end' : `'${toks[pos]}'`}`);
    pos++;
  };
  const args = (): V[] => {
    expect('(');
    const out = [sum()];
    while (peek() === ',') {
      pos++;
      out.push(sum());
    }
    expect(')');
    return out;
  };
  const primary = (): V => {
    const t = toks[pos++];
    if (t === undefined) return fail(expression, 'unexpected end');
    if (t === '(') {
      const v = sum();
      expect(')');
      return v;
    }
    if (/^(\d|\.\d)/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const fname = t.startsWith('np.') ? t.slice(3) : t;
      if (peek() === '(' && !Object.hasOwn(valueDict, t)) {
        const a = args();
        const arity = (n: number): void => {
          if (a.length !== n) fail(expression, `${t}() takes ${n} argument${n > 1 ? 's' : ''}, got ${a.length}`);
        };
        if (fname === 'clip') {
          arity(3);
          return map2(expression, map2(expression, a[0]!, a[1]!, Math.max), a[2]!, Math.min);
        }
        if (fname === 'max' || fname === 'min') {
          arity(1);
          const x = a[0]!;
          if (typeof x === 'number') return x;
          let r = fname === 'max' ? -Infinity : Infinity;
          for (const v of x.data) {
            if (Number.isNaN(v)) return NaN; // numpy's max/min propagate NaN
            r = fname === 'max' ? Math.max(r, v) : Math.min(r, v);
          }
          return r;
        }
        const u = UNARY[fname];
        if (!u) fail(expression, `unknown function '${t}'`);
        arity(1);
        return map1(a[0]!, u!);
      }
      if (!Object.hasOwn(valueDict, t)) fail(expression, `name '${t}' is not defined (known: ${Object.keys(valueDict).join(', ') || 'none'})`);
      try {
        return asV(valueDict[t]!);
      } catch {
        return fail(expression, `'${t}' is neither a number nor an array`);
      }
    }
    return fail(expression, `unexpected '${t}'`);
  };
  const power = (): V => {
    const base = primary();
    if (peek() === '**') {
      pos++;
      return map2(expression, base, unary(), (x, y) => x ** y); // right-associative, binds tighter than unary minus on its left
    }
    return base;
  };
  const unary = (): V => {
    if (peek() === '-' || peek() === '+') {
      const op = toks[pos++];
      const v = unary();
      return op === '-' ? map1(v, (x) => -x) : v;
    }
    return power();
  };
  const product = (): V => {
    let v = unary();
    while (peek() === '*' || peek() === '/') {
      const op = toks[pos++];
      const r = unary();
      v = map2(expression, v, r, op === '*' ? (x, y) => x * y : (x, y) => x / y);
    }
    return v;
  };
  const sum = (): V => {
    let v = product();
    while (peek() === '+' || peek() === '-') {
      const op = toks[pos++];
      const r = product();
      v = map2(expression, v, r, op === '+' ? (x, y) => x + y : (x, y) => x - y);
    }
    return v;
  };
  if (toks.length === 0) fail(expression, 'empty expression');
  const result = sum();
  if (pos !== toks.length) fail(expression, `unexpected '${toks[pos]}'`);
  if (typeof result === 'number') return result;
  const keepRecorded = Object.values(valueDict).some((v) => v instanceof RecordedArray);
  return keepRecorded || result.shape.length !== 1 ? new RecordedArray(result.data, result.shape) : result.data;
}
