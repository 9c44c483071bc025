import { math, type MathNode } from './math.js';
import { nodeCount } from './expression-guard.js';
import { evaluateValue } from './evaluate-value.js';

/**
 * Bounds on the symbolic work of a compile. mathjs' `simplify` takes time that grows with about
 * the fourth power of a sum's length (a 16-term sum: 12 s); every expression CompNeuroPy's and
 * ANNarchy's models simplify has at most 13 nodes. Larger expressions are used as derived,
 * unsimplified: the same values, computed with a few more operations.
 */
export const SYMBOLIC_LIMITS = {
  /** Largest expression (numbers, names and operations) given to mathjs' simplify. */
  simplifyNodes: 24,
  /**
   * Simplify calls per compile of one description (each costs milliseconds; 60 coupled
   * implicit ODEs made thousands, 52 s). Later results stay unsimplified: the budget depends
   * only on the description, so a description always compiles to the same code.
   */
  simplifyCalls: 60,
  /**
   * Coupled ODEs the implicit method solves as one linear system: its matrix, printed into the
   * kernel and solved per neuron and step, grows with the square (200 ODEs: 0.5 MB of code).
   */
  implicitBlock: 64,
};

/** Simplify calls left in the current {@link symbolicScope} (Infinity outside one). */
let callsLeft = Infinity;

/**
 * Run one compile step of a description (analysis or code generation) with its own budget of
 * simplify calls; nested scopes share the outer budget.
 *
 * @example
 * ```ts
 * const ir = symbolicScope(() => analyseNeuron(neuron));
 * ```
 */
export function symbolicScope<T>(run: () => T): T {
  if (callsLeft !== Infinity) return run();
  callsLeft = SYMBOLIC_LIMITS.simplifyCalls;
  try {
    return run();
  } finally {
    callsLeft = Infinity;
  }
}

type Node = MathNode & { type: string; [k: string]: unknown };

const LOGIC = new Set(['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq', 'and', 'or', 'not', 'xor']);

function isOpaque(n: Node): boolean {
  return n.type === 'FunctionNode' || n.type === 'ConditionalNode' || (n.type === 'OperatorNode' && LOGIC.has(n.fn as string));
}

/**
 * Simplify with mathjs when the expression is small ({@link SYMBOLIC_LIMITS}), else return it
 * unchanged. Function calls and conditionals are hidden from simplify behind placeholder names
 * and put back afterwards: simplify never evaluates a call (its constant folding would run any
 * of mathjs' ~330 functions, `ones(1e5, 1e5)` included) nor rewrites the inside of one.
 *
 * @example
 * ```ts
 * simplifyBounded(math.parse('2 * x * 3')).toString(); // '6 * x'
 * ```
 */
export function simplifyBounded(node: MathNode): MathNode {
  const type = (node as Node).type;
  if (type === 'ConstantNode' || type === 'SymbolNode') return node; // nothing to simplify (and ~20 ms saved)
  if (callsLeft <= 0 || nodeCount(node, SYMBOLIC_LIMITS.simplifyNodes) > SYMBOLIC_LIMITS.simplifyNodes) return node;
  callsLeft--;
  const hidden = new Map<string, MathNode>();
  const frozen = node.transform((n) => {
    if (!isOpaque(n as Node)) return n;
    const name = `__opq_${hidden.size}`;
    hidden.set(name, n);
    return new math.SymbolNode(name);
  });
  const simple = math.simplify(frozen, {}, { exactFractions: false });
  return simple.transform((n) => {
    const a = n as Node;
    return a.type === 'SymbolNode' && hidden.has(a.name as string) ? new math.ParenthesisNode(hidden.get(a.name as string)!) : n;
  });
}

/** True if `v` occurs in `node` only where the expression can still be linear in it. */
function linearPositionsOnly(root: MathNode, v: string): boolean {
  const stack: [Node, boolean][] = [[root as Node, false]];
  while (stack.length > 0) {
    const [n, inside] = stack.pop()!;
    if (n.type === 'SymbolNode') {
      if (inside && n.name === v) return false;
      continue;
    }
    // inside a call, a conditional, a comparison or a power, `v` makes the expression non-linear
    // (a power with the exponent 0 or 1 aside)
    let nonLinear = inside || isOpaque(n);
    if (n.type === 'OperatorNode' && n.fn === 'pow') {
      const ex = (n.args as Node[])[1]!;
      const trivial = ex.type === 'ConstantNode' && (ex.value === 1 || ex.value === 0);
      nonLinear ||= !trivial;
    }
    const kids = n.type === 'ParenthesisNode' ? [n.content] : n.type === 'ConditionalNode' ? [n.condition, n.trueExpr, n.falseExpr]
      : n.type === 'OperatorNode' || n.type === 'FunctionNode' ? (n.args as Node[]) : [];
    for (const k of kids) stack.push([k as Node, nonLinear]);
  }
  return true;
}

/**
 * The derivative of `node` in `v`, unsimplified, if `node` can be linear in `v`; undefined when
 * `v` occurs inside a function call, a conditional, a comparison or a power, where it cannot be
 * (checked in one pass: the derivative of `exp(exp(...(x)))` nested 20 deep grows quadratically
 * and its simplification took 28 s).
 *
 * @example
 * ```ts
 * derivativeIfLinear(math.parse('tau*D + x'), 'D')?.toString(); // 'tau * 1 + 0'-like, equal to tau
 * derivativeIfLinear(math.parse('exp(x)'), 'x'); // undefined
 * ```
 */
export function derivativeIfLinear(node: MathNode, v: string): MathNode | undefined {
  if (!linearPositionsOnly(node, v)) return undefined;
  try {
    return math.derivative(node, v, { simplify: false });
  } catch {
    return undefined;
  }
}

/**
 * True if the node is the number `value`: a literal, or an expression of numbers alone (an
 * unsimplified coefficient such as `0 * 1 + 0`).
 *
 * @example
 * ```ts
 * isNumberValue(math.parse('0 * 1 + 0'), 0); // true
 * ```
 */
export function isNumberValue(node: MathNode, value: number): boolean {
  let a = node as Node;
  while (a.type === 'ParenthesisNode') a = a.content as Node;
  if (a.type === 'ConstantNode') return a.value === value;
  if (a.type === 'SymbolNode' || nodeCount(a, 200) > 200) return false;
  try {
    return evaluateValue(a, new Map(), {}) === value;
  } catch {
    return false; // it names a symbol
  }
}
