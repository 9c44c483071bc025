import { RecordedArray } from '../monitors/recorded-array.js';

/** True if a plan variable is an expression (contains + - * /), as CompNeuroPy decides. */
export function isExpression(variable: string): boolean {
  return /[+\-*/]/.test(variable);
}

/**
 * The tokens CompNeuroPy validates in an expression variable: spaces removed, split on
 * `+ - * /`, pure-digit tokens dropped (so `0.5` leaves `0.5`, which then fails — a kept quirk).
 *
 * @example
 * ```ts
 * expressionTokens('v*2+u');   // ['v', 'u']
 * ```
 */
export function expressionTokens(variable: string): { tokens: string[]; joined: string } {
  const joined = variable.replace(/ /g, '').replace(/[+\-*/]/g, ' ');
  const tokens = joined.split(' ').filter((t) => !/^\d+$/.test(t));
  return { tokens, joined };
}

type Value = number | RecordedArray;

/**
 * Evaluates `+ - * /` expressions (with parentheses and unary minus) element-wise over
 * recorded arrays, like CompNeuroPy's `evaluate_expression_with_dict` with numpy arrays.
 *
 * @example
 * ```ts
 * const r = evaluateExpression('v*2+u', { v, u });   // RecordedArray, same shape as v
 * ```
 */
export function evaluateExpression(expression: string, values: Record<string, RecordedArray>): RecordedArray | number {
  const src = expression.replace(/\s+/g, '');
  let pos = 0;
  const fail = (msg: string): never => {
    throw new Error(`Error while evaluating expression: ${msg} in '${expression}'`);
  };
  const peek = (): string => src[pos] ?? '';
  const parsePrimary = (): Value => {
    const c = peek();
    if (c === '(') {
      pos++;
      const v = parseSum();
      if (peek() !== ')') fail('missing )');
      pos++;
      return v;
    }
    if (c === '-' || c === '+') {
      pos++;
      const v = parsePrimary();
      return c === '-' ? apply(-1, v, (a, b) => a * b) : v;
    }
    const num = /^(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/.exec(src.slice(pos));
    if (num) {
      pos += num[0].length;
      return Number(num[0]);
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(pos));
    if (name) {
      pos += name[0].length;
      const v = values[name[0]];
      if (!(v instanceof RecordedArray)) fail(`name '${name[0]}' is not a recorded array`);
      return v!;
    }
    return fail(`unexpected '${c}' at position ${pos}`);
  };
  const parseProduct = (): Value => {
    let v = parsePrimary();
    while (peek() === '*' || peek() === '/') {
      const op = src[pos++];
      const r = parsePrimary();
      v = op === '*' ? apply(v, r, (a, b) => a * b) : apply(v, r, (a, b) => a / b);
    }
    return v;
  };
  const parseSum = (): Value => {
    let v = parseProduct();
    while (peek() === '+' || peek() === '-') {
      const op = src[pos++];
      const r = parseProduct();
      v = op === '+' ? apply(v, r, (a, b) => a + b) : apply(v, r, (a, b) => a - b);
    }
    return v;
  };
  const result = parseSum();
  if (pos !== src.length) fail(`unexpected '${peek()}' at position ${pos}`);
  return result;
}

function apply(a: Value, b: Value, f: (x: number, y: number) => number): Value {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  if (typeof a === 'number') {
    const B = b as RecordedArray;
    return new RecordedArray(B.data.map((y) => f(a, y)), B.shape);
  }
  if (typeof b === 'number') return new RecordedArray(a.data.map((x) => f(x, b)), a.shape);
  if (a.data.length !== b.data.length || a.shape.join() !== b.shape.join()) {
    throw new Error(
      `Error while evaluating expression: operands could not be broadcast together with shapes (${a.shape.join(',')}) (${b.shape.join(',')})`,
    );
  }
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[i]!, b.data[i]!);
  return new RecordedArray(out, a.shape);
}
