import type { MathNode } from './math.js';
import { BUILTIN_FUNCTIONS, MATH_CONSTANTS, nullPrototype } from './builtin-functions.js';
import { ModelError, } from './model-error.js';
import { userSymbol, type ExprContext } from './expression.js';

/** How a symbol is printed; return undefined for an unknown symbol. */
export type SymbolResolver = (name: string) => string | undefined;

/** How a user function call is printed (name and printed arguments), or undefined; `ctx` names the calling statement. */
export type FunctionResolver = (name: string, args: string[], ctx: ExprContext) => string | undefined;

const BINARY: Record<string, string> = nullPrototype({
  add: '+', subtract: '-', multiply: '*', divide: '/', mod: '%',
  equal: '===', unequal: '!==', smaller: '<', larger: '>', smallerEq: '<=', largerEq: '>=',
  and: '&&', or: '||',
});

function formatNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return `${v}`;
  return `${v}`;
}

/**
 * Print a mathjs node as a JavaScript expression with C's evaluation order: every binary
 * operation is parenthesised as parsed (left to right), `^` becomes `Math.pow`, comparisons
 * and logic become JavaScript's, functions map to `Math.*` or the kernel prelude.
 *
 * @example
 * ```ts
 * toJs(parseExpression('a*(b - v)^2'), (s) => `S.${s}`); // '(S.a * Math.pow((S.b - S.v), 2))'
 * ```
 */
export function toJs(node: MathNode, resolve: SymbolResolver, ctx: ExprContext = {}, fn?: FunctionResolver): string {
  const rec = (n: MathNode): string => {
    const a = n as MathNode & Record<string, unknown>;
    switch (a.type) {
      case 'ConstantNode': {
        const v = a.value as unknown;
        if (typeof v === 'number') return formatNumber(v);
        if (typeof v === 'boolean') return v ? '1' : '0';
        throw new ModelError(`unsupported constant ${String(v)}`, { ...ctx, symbol: String(v) });
      }
      case 'SymbolNode': {
        const name = a.name as string;
        const r = resolve(name);
        if (r !== undefined) return r;
        if (name in MATH_CONSTANTS) return MATH_CONSTANTS[name]!;
        if (name === 'true') return '1';
        if (name === 'false') return '0';
        throw new ModelError(`unknown symbol "${userSymbol(name)}": not a parameter, variable, Constant or built-in name of the model`, { ...ctx, symbol: userSymbol(name) });
      }
      case 'ParenthesisNode':
        return rec(a.content as MathNode);
      case 'ConditionalNode':
        return `(${rec(a.condition as MathNode)} ? ${rec(a.trueExpr as MathNode)} : ${rec(a.falseExpr as MathNode)})`;
      case 'OperatorNode': {
        const args = a.args as MathNode[];
        const f = a.fn as string;
        if (args.length === 1) {
          const x = rec(args[0]!);
          if (f === 'unaryMinus') return `(-${x})`;
          if (f === 'unaryPlus') return `(+${x})`;
          if (f === 'not') return `(!${x})`;
          throw new ModelError(`unsupported operator "${a.op as string}"`, { ...ctx, symbol: a.op as string });
        }
        if (f === 'pow') {
          const base = rec(args[0]!);
          const ex = args[1] as MathNode & { type: string; value?: unknown };
          // C's pow(x, 2) is folded to x*x by g++; keep that exact form
          if (ex.type === 'ConstantNode' && ex.value === 2) return `(${base} * ${base})`;
          // small integer powers by multiplication: Math.pow costs ~50 ns, these ~1 ns (≤ 1 ulp apart)
          if (ex.type === 'ConstantNode' && ex.value === 3) return `__pow3(${base})`;
          if (ex.type === 'ConstantNode' && ex.value === 4) return `__pow4(${base})`;
          return `Math.pow(${base}, ${rec(args[1]!)})`;
        }
        if (f === 'xor') return `((${rec(args[0]!)} ? 1 : 0) ^ (${rec(args[1]!)} ? 1 : 0))`;
        const op = BINARY[f];
        if (op === undefined) throw new ModelError(`unsupported operator "${a.op as string}"`, { ...ctx, symbol: a.op as string });
        // mathjs folds chains like a+b+c into nested binary nodes, left to right
        return `(${args.map(rec).join(` ${op} `)})`;
      }
      case 'FunctionNode': {
        const name = (a.fn as { name?: string }).name ?? String(a.fn);
        const args = (a.args as MathNode[]).map(rec);
        if (fn) {
          const r = fn(name, args, ctx);
          if (r !== undefined) return r;
        }
        const b = BUILTIN_FUNCTIONS[name];
        if (b) {
          const [lo, hi] = Array.isArray(b.arity) ? b.arity : [b.arity, b.arity];
          if (args.length < lo || args.length > hi) {
            throw new ModelError(`function ${name}() takes ${lo === hi ? lo : `${lo}-${hi}`} argument(s), got ${args.length}`, { ...ctx, symbol: name });
          }
          return b.print(args);
        }
        if ((name === 'min' || name === 'max') && args.length === 2) return `Math.${name}(${args[0]}, ${args[1]})`;
        throw new ModelError(`unknown function "${name}()": not a built-in function, a random distribution or a function of the model`, { ...ctx, symbol: name });
      }
      default:
        throw new ModelError(`unsupported syntax "${n.toString()}"`, { ...ctx, symbol: n.toString() });
    }
  };
  return rec(node);
}
