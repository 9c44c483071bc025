import type { MathNode } from './math.js';
import { ModelError, type ModelErrorWhere } from './model-error.js';
import { userSymbol } from './expression.js';

/**
 * The functions a value (a parameter's value, `init=`) may call: ANNarchy's built-in functions
 * (builtin-functions.ts), computed as the kernels compute them. A value is arithmetic, not a
 * program: nothing here allocates, reads a clock or a random generator, or changes any state.
 */
const VALUE_FUNCTIONS: ReadonlyMap<string, (...a: number[]) => number> = new Map<string, (...a: number[]) => number>([
  ['exp', Math.exp], ['log', Math.log], ['log10', Math.log10], ['log2', Math.log2], ['sqrt', Math.sqrt], ['cbrt', Math.cbrt],
  ['pow', Math.pow], ['power', Math.pow],
  ['sin', Math.sin], ['cos', Math.cos], ['tan', Math.tan], ['asin', Math.asin], ['acos', Math.acos], ['atan', Math.atan],
  ['atan2', Math.atan2], ['sinh', Math.sinh], ['cosh', Math.cosh], ['tanh', Math.tanh],
  ['fabs', Math.abs], ['abs', Math.abs], ['floor', Math.floor], ['ceil', Math.ceil],
  ['round', (x) => (x < 0 ? -Math.round(-x) : Math.round(x))],
  ['fmin', Math.min], ['fmax', Math.max], ['min', Math.min], ['max', Math.max],
  ['pos', (x) => (x > 0 ? x : 0)], ['positive', (x) => (x > 0 ? x : 0)],
  ['neg', (x) => (x < 0 ? x : 0)], ['negative', (x) => (x < 0 ? x : 0)],
  ['clip', (x, a, b) => (x < a! ? a! : x > b! ? b! : x)],
  ['modulo', (a, b) => Math.trunc(a) % Math.trunc(b!)],
  ['ite', (c, a, b) => (c ? a! : b!)],
  ['isfinite', (x) => (Number.isFinite(x) ? 1 : 0)], ['isnan', (x) => (Number.isNaN(x) ? 1 : 0)],
  ['Heaviside', (x) => (x > 0 ? 1 : x < 0 ? 0 : 0.5)],
]);

const BINARY: ReadonlyMap<string, (a: number, b: number) => number> = new Map<string, (a: number, b: number) => number>([
  ['add', (a, b) => a + b], ['subtract', (a, b) => a - b], ['multiply', (a, b) => a * b], ['divide', (a, b) => a / b],
  ['pow', Math.pow], ['mod', (a, b) => a % b],
  ['equal', (a, b) => +(a === b)], ['unequal', (a, b) => +(a !== b)], ['smaller', (a, b) => +(a < b)], ['larger', (a, b) => +(a > b)],
  ['smallerEq', (a, b) => +(a <= b)], ['largerEq', (a, b) => +(a >= b)],
  ['and', (a, b) => +(a !== 0 && b !== 0)], ['or', (a, b) => +(a !== 0 || b !== 0)], ['xor', (a, b) => +((a !== 0) !== (b !== 0))],
]);

/** Named numbers every value may use. */
const VALUE_CONSTANTS: ReadonlyMap<string, number> = new Map([['pi', Math.PI], ['e', Math.E], ['true', 1], ['false', 0]]);

type Node = MathNode & { type: string; [k: string]: unknown };

/**
 * Evaluate a parsed value (parseExpression has checked its node kinds and depth) by walking the
 * tree: numbers, names from `scope` (parameters declared above, Constants), `pi`, `e`, C's
 * operators, conditionals and {@link VALUE_FUNCTIONS}. Comparisons and logic give 1 or 0. Any
 * other name or function is a {@link ModelError} saying what a value may use.
 *
 * @example
 * ```ts
 * evaluateValue(parseExpression('2 * tau + exp(0)'), new Map([['tau', 10]]), { model: 'm' }); // 21
 * ```
 */
export function evaluateValue(root: MathNode, scope: ReadonlyMap<string, number>, at: ModelErrorWhere & { what?: string }): number {
  const { what = 'a value', ...where } = at;
  const rec = (n: Node): number => {
    switch (n.type) {
      case 'ConstantNode': return typeof n.value === 'boolean' ? +n.value : (n.value as number);
      case 'ParenthesisNode': return rec(n.content as Node);
      case 'SymbolNode': {
        const name = n.name as string;
        const v = scope.get(name) ?? VALUE_CONSTANTS.get(name);
        if (v === undefined) {
          throw new ModelError(`${what} uses unknown symbol "${userSymbol(name)}": a value may use numbers, Constants, pi, e and parameters declared above it`, { ...where, symbol: userSymbol(name) });
        }
        return v;
      }
      case 'ConditionalNode': return rec(n.condition as Node) !== 0 ? rec(n.trueExpr as Node) : rec(n.falseExpr as Node);
      case 'OperatorNode': {
        const args = n.args as Node[];
        const fn = n.fn as string;
        if (args.length === 1) {
          const x = rec(args[0]!);
          if (fn === 'unaryMinus') return -x;
          if (fn === 'unaryPlus') return x;
          if (fn === 'not') return +(x === 0);
        } else {
          const op = BINARY.get(fn);
          if (op) return op(rec(args[0]!), rec(args[1]!));
        }
        throw new ModelError(`${what} uses the unsupported operator "${String(n.op)}"`, { ...where, symbol: String(n.op) });
      }
      case 'FunctionNode': {
        const name = (n.fn as Node).name as string;
        const f = VALUE_FUNCTIONS.get(name);
        if (!f) {
          throw new ModelError(`${what} calls "${name}()", which a value may not use: only ANNarchy's mathematical functions (exp, log, sqrt, pow, ...) are allowed in values`, { ...where, symbol: name });
        }
        if (f.length !== (n.args as Node[]).length) {
          throw new ModelError(`function ${name}() takes ${f.length} argument(s), got ${(n.args as Node[]).length}`, { ...where, symbol: name });
        }
        return f(...(n.args as Node[]).map(rec));
      }
      default:
        throw new ModelError(`${what} uses unsupported syntax "${n.toString()}"`, { ...where, symbol: n.toString() });
    }
  };
  return rec(root as Node);
}
