import type { MathNode } from './math.js';
import { ModelError, type ModelErrorWhere } from './model-error.js';

/**
 * Limits on one expression. Every later pass (analysis, symbolic work, printing, the
 * WebAssembly compiler) walks trees recursively, so an expression nested deeper than this would
 * overflow the call stack somewhere; no model of CompNeuroPy or ANNarchy's examples comes near
 * (the deepest nest fewer than 40 levels).
 */
export const EXPRESSION_LIMITS = {
  /** Deepest nesting of operations, calls and parentheses in one parsed expression. */
  maxDepth: 200,
  /** Deepest nesting of parentheses and brackets in the text (the parser recurses on each). */
  maxParentheses: 100,
  /** Operations, numbers and names in one expression. */
  maxNodes: 5000,
};

/** mathjs operators that mean what ANNarchy's (C's) operators mean; any other is refused. */
const OPERATORS: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq', 'and', 'or', 'not', 'xor',
]);

/** Names every JavaScript object inherits: as attribute names they would shadow the object's own machinery. */
export const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Why a name a user writes would collide with a name the code generator makes, or undefined if
 * it does not: `__*` (helpers, constants, random draws), `pre__x`/`post__x` (how `pre.x` is
 * written internally), `_sum_x` (`sum(x)`), and the members of every JavaScript object
 * (`constructor`, `toString`, ...).
 *
 * @example
 * ```ts
 * generatedNameClash('pre__v'); // 'it is how "pre.v" is written internally'
 * generatedNameClash('tau');    // undefined
 * ```
 */
export function generatedNameClash(name: string): string | undefined {
  // global operations (expression.ts parseGlobalOp): `_mean_r`, `pre___max_v`
  let m = /^(?:(pre|post)__)?_(min|max|mean|norm1|norm2)_(\w+)$/.exec(name);
  if (m) return `it is how "${m[2]}(${m[1] ? `${m[1]}.` : ''}${m[3]})" is written internally`;
  m = /^(pre|post)___sum_(\w*)$/.exec(name);
  if (m) return `it is how "${m[1]}.sum(${m[2] === '_all' ? '' : m[2]})" is written internally`;
  m = /^(pre|post)__(\w+)$/.exec(name);
  if (m) return `it is how "${m[1]}.${m[2]}" is written internally`;
  m = /^_sum_(\w*)$/.exec(name);
  if (m) return `it is how "sum(${m[1] === '_all' ? '' : m[1]})" is written internally`;
  if (name.startsWith('__')) return 'names beginning with "__" are reserved for generated code';
  if (OBJECT_MEMBER_NAMES.has(name)) return 'every JavaScript object has a member of that name';
  return undefined;
}

/**
 * Throw a {@link ModelError} if `name` (a declared parameter, variable, function or argument)
 * collides with a generated name ({@link generatedNameClash}).
 *
 * @example
 * ```ts
 * checkDeclaredName('_sum_exc', 'parameter', { model: 'm' }); // throws: "_sum_exc" is reserved: it is how "sum(exc)" ...
 * ```
 */
export function checkDeclaredName(name: string, what: string, at: ModelErrorWhere): void {
  const why = generatedNameClash(name);
  if (why !== undefined) throw new ModelError(`"${name}" is reserved and cannot be a ${what}: ${why}`, { ...at, symbol: name });
}

/**
 * Check the names written in an expression's text before it is rewritten (`pre.x` becomes
 * `pre__x` only afterwards, so a `pre__x` found here was written by the user). `allow` lists
 * generated names the caller put into the text itself (the derivative symbol).
 */
export function checkWrittenNames(text: string, at: ModelErrorWhere, allow: readonly string[] = []): void {
  for (const m of text.matchAll(/(?<![\w.])([A-Za-z_]\w*)/g)) {
    const name = m[1]!;
    if (allow.includes(name)) continue;
    const why = generatedNameClash(name);
    if (why !== undefined) throw new ModelError(`"${name}" is reserved: ${why}`, { ...at, symbol: name });
  }
}

type Node = MathNode & { type: string; [k: string]: unknown };

/**
 * The children of a node of the allowed kinds, or a {@link ModelError} for any other kind:
 * numbers, booleans, names, parentheses, the operators of C, function calls by name and
 * conditionals. Strings, matrices, objects, ranges, units, accessors, assignments, chained
 * comparisons (`a < b < c`) and implicit multiplication are refused.
 */
function childrenOf(n: Node, at: ModelErrorWhere): MathNode[] {
  switch (n.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v === 'number' || typeof v === 'boolean') return [];
      throw new ModelError(`unsupported constant ${JSON.stringify(String(v))}: only numbers and True/False`, { ...at, symbol: String(v) });
    }
    case 'SymbolNode': return [];
    case 'ParenthesisNode': return [n.content as MathNode];
    case 'ConditionalNode': return [n.condition as MathNode, n.trueExpr as MathNode, n.falseExpr as MathNode];
    case 'OperatorNode': {
      const args = n.args as MathNode[];
      if (n.implicit) {
        throw new ModelError(`implicit multiplication "${n.toString()}" is not allowed; write "*"`, { ...at, symbol: args[args.length - 1]!.toString() });
      }
      if (!OPERATORS.has(n.fn as string)) throw new ModelError(`unsupported operator "${String(n.op)}"`, { ...at, symbol: String(n.op) });
      return args;
    }
    case 'FunctionNode': {
      const fn = n.fn as Node;
      if (fn.type !== 'SymbolNode') throw new ModelError(`unsupported call "${n.toString()}": call a function by its name`, { ...at, symbol: n.toString() });
      return n.args as MathNode[];
    }
    default:
      throw new ModelError(`unsupported syntax "${n.toString()}" (${n.type})`, { ...at, symbol: n.toString() });
  }
}

/**
 * Check a parsed expression against the allow-list of node kinds and the
 * {@link EXPRESSION_LIMITS}, without recursion (the tree may be too deep for it).
 *
 * @example
 * ```ts
 * checkExpressionTree(math.parse('"abc"'), { model: 'm' }); // throws: unsupported constant "abc"
 * ```
 */
export function checkExpressionTree(root: MathNode, at: ModelErrorWhere): void {
  const stack: [MathNode, number][] = [[root, 1]];
  let count = 0;
  while (stack.length > 0) {
    const [n, depth] = stack.pop()!;
    if (++count > EXPRESSION_LIMITS.maxNodes) {
      throw new ModelError(`the expression is too large: more than ${EXPRESSION_LIMITS.maxNodes} numbers, names and operations; split it with intermediate variables`, at);
    }
    if (depth > EXPRESSION_LIMITS.maxDepth) {
      throw new ModelError(`the expression is nested too deeply: more than ${EXPRESSION_LIMITS.maxDepth} levels of operations (a sum of many terms counts one level per "+"); split it with intermediate variables`, at);
    }
    for (const c of childrenOf(n as Node, at)) stack.push([c, depth + 1]);
  }
}

/**
 * Number of nodes of a tree, counted without recursion and stopping at `limit + 1`.
 *
 * @example
 * ```ts
 * nodeCount(math.parse('a + b')); // 3
 * ```
 */
export function nodeCount(root: MathNode, limit = Infinity): number {
  const stack: MathNode[] = [root];
  let count = 0;
  while (stack.length > 0 && count <= limit) {
    const n = stack.pop() as Node;
    count++;
    switch (n.type) {
      case 'ParenthesisNode': stack.push(n.content as MathNode); break;
      case 'ConditionalNode': stack.push(n.condition as MathNode, n.trueExpr as MathNode, n.falseExpr as MathNode); break;
      case 'OperatorNode': case 'FunctionNode': stack.push(...(n.args as MathNode[])); break;
      default: break;
    }
  }
  return count;
}
