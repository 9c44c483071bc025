import { math, type MathNode } from './math.js';
import { ModelError, where } from './model-error.js';
import { symbolsOf } from './expression.js';
import { derivativeIfLinear, isNumberValue, simplifyBounded } from './bounded-symbolic.js';
import type { EquationInfo } from './description.js';

/** The symbol standing for the derivative in {@link EquationInfo.residual}. */
export const DERIVATIVE_SYMBOL = '__D';

type AnyNode = MathNode & Record<string, unknown> & { type: string };

// bounded in size, calls hidden (bounded-symbolic.ts); floats stay floats
const simplifyNode = simplifyBounded;

const LOGIC = new Set(['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq', 'and', 'or', 'not', 'xor']);

/**
 * Replace every sub-tree that does not contain one of `vars` and that mathjs' derivative or
 * simplify cannot handle (function calls, conditionals, comparisons) by a placeholder symbol, so
 * the symbolic work only sees arithmetic in the variables; `restore` puts the sub-trees back.
 */
function freeze(node: MathNode, vars: ReadonlySet<string>): { node: MathNode; restore: (n: MathNode) => MathNode } {
  const frozen = new Map<string, MathNode>();
  const free = (n: MathNode) => ![...symbolsOf(n)].some((s) => vars.has(s));
  const out = node.transform((n) => {
    const a = n as AnyNode;
    const opaque = a.type === 'FunctionNode' || a.type === 'ConditionalNode'
      || (a.type === 'OperatorNode' && LOGIC.has(a.fn as string));
    if (opaque && free(n)) {
      const name = `__frz_${frozen.size}`;
      frozen.set(name, n);
      return new math.SymbolNode(name);
    }
    return n;
  });
  const restore = (n: MathNode): MathNode => n.transform((m) => {
    const a = m as AnyNode;
    if (a.type === 'SymbolNode' && frozen.has(a.name as string)) return new math.ParenthesisNode(frozen.get(a.name as string)!);
    return m;
  });
  return { node: out, restore };
}

/**
 * `expr = Σ coef[v]·v + rest` for the given variables. Coefficients are expressed with
 * placeholders for opaque sub-trees (function calls, conditionals); `restore` puts them back
 * once all symbolic work is done (so simplify never rewrites the inside of a function call).
 */
export interface LinearForm {
  coef: Record<string, MathNode>;
  rest: MathNode;
  restore: (n: MathNode) => MathNode;
}

/**
 * Decompose `expr` as a linear combination of `vars` with coefficients free of `vars`
 * (mathjs `derivative` + `simplify`), or return undefined if it is not linear in them.
 *
 * @example
 * ```ts
 * linearForm(parseExpression('tau*__D - (E - v)'), ['v', '__D']);
 * // coef.__D = tau, coef.v = 1, rest = -E
 * ```
 */
export function linearForm(expr: MathNode, vars: string[]): LinearForm | undefined {
  const set = new Set(vars);
  const { node, restore } = freeze(expr, set);
  const coef: Record<string, MathNode> = {};
  const present = symbolsOf(node);
  try {
    for (const v of vars) {
      // a variable the expression does not name has the coefficient 0 (what derivative and
      // simplify would give, without their cost: coupled blocks have n^2 such pairs)
      if (!present.has(v)) {
        coef[v] = new math.ConstantNode(0);
        continue;
      }
      const derivative = derivativeIfLinear(node, v);
      if (!derivative) return undefined;
      const d = simplifyNode(derivative);
      if ([...symbolsOf(d)].some((s) => set.has(s))) return undefined;
      coef[v] = d;
    }
    const at0 = node.transform((n) => ((n as AnyNode).type === 'SymbolNode' && set.has((n as AnyNode).name as string) ? new math.ConstantNode(0) : n));
    const rest = simplifyNode(at0);
    if ([...symbolsOf(rest)].some((s) => set.has(s))) return undefined;
    return { coef, rest, restore };
  } catch {
    // a variable inside a function mathjs cannot differentiate (pos, user functions, ...)
    return undefined;
  }
}

/** Top-level denominator of `p/q` or `-(p/q)` (parentheses ignored), else undefined. */
function denominatorOf(n: MathNode): MathNode | undefined {
  const a = n as AnyNode;
  if (a.type === 'ParenthesisNode') return denominatorOf(a.content as MathNode);
  if (a.type === 'OperatorNode' && a.fn === 'unaryMinus') return denominatorOf((a.args as MathNode[])[0]!);
  if (a.type === 'OperatorNode' && a.fn === 'divide') return (a.args as MathNode[])[1];
  return undefined;
}

/**
 * Scale the coefficients of one residual by their common denominator, if they have exactly one
 * (`D - (2 - x)/tau` -> `tau*D + x - 2`): the solution is unchanged and the printed forms get
 * closer to sympy's (`(2.0*dt + tau*x)/(dt + tau)` rather than `(x + 2*dt/tau)/(dt/tau + 1)`).
 */
function clearDenominator(lin: LinearForm): LinearForm {
  const nodes = [...Object.values(lin.coef), lin.rest];
  const dens = new Map<string, MathNode>();
  for (const n of nodes) {
    const d = denominatorOf(n);
    if (d) dens.set(d.toString(), d);
  }
  if (dens.size !== 1) return lin;
  const q = [...dens.values()][0]!;
  const scale = (n: MathNode) => simplifyNode(new math.OperatorNode('*', 'multiply', [new math.ParenthesisNode(n), new math.ParenthesisNode(q)]));
  const coef = Object.fromEntries(Object.entries(lin.coef).map(([k, v]) => [k, scale(v)]));
  return { coef, rest: scale(lin.rest), restore: lin.restore };
}

/** True if the node is the number `v`. */
export function isNumber(n: MathNode, v: number): boolean {
  return isNumberValue(n, v);
}

/** The residual `E(dx/dt, x, ...)` of an ODE (`lhs - rhs` with `__D` for the derivative). */
export function residualOf(eq: EquationInfo): MathNode {
  if (eq.residual) return eq.residual;
  return new math.OperatorNode('-', 'subtract', [new math.SymbolNode(DERIVATIVE_SYMBOL), new math.ParenthesisNode(eq.rhs)]);
}

/** An ODE in ANNarchy's standard form `tau * dx/dt + x = xInf` (annarchy-semantics §2.3). */
export interface StandardForm {
  /** `tau_eff`: coefficient of dx/dt over coefficient of x. */
  tau: MathNode;
  /** Steady state `x_inf`. */
  xInf: MathNode;
  /** `dt / tau_eff`, simplified (the exponent of the exponential method is its negative). */
  stepsize: MathNode;
  /** Residual coefficients: `a*dx/dt + b*x + c = 0`. */
  a: MathNode;
  b: MathNode;
  c: MathNode;
}

/**
 * Bring a first-order ODE linear in its variable into ANNarchy's standard form
 * `tau_eff * dx/dt + x = x_inf` (the `standardize_ODE` of the exponential, semiimplicit and
 * event-driven methods). `tau_eff` and `x_inf` may depend on other attributes. Throws a
 * {@link ModelError} naming the statement if the ODE is not linear in `x`.
 *
 * @example
 * ```ts
 * standardForm(eq, 'LIF', 'exponential'); // tau*dv/dt = E - v  ->  tau: tau, xInf: E
 * ```
 */
export function standardForm(eq: EquationInfo, model: string, method: string): StandardForm {
  const x = eq.target;
  const found = linearForm(residualOf(eq), [x, DERIVATIVE_SYMBOL]);
  const lin = found && clearDenominator(found);
  if (!lin || isNumber(lin.coef[x]!, 0) || isNumber(lin.coef[DERIVATIVE_SYMBOL]!, 0)) {
    throw new ModelError(
      `the ${method} method needs an ODE linear in ${x} (of the form tau*d${x}/dt + ${x} = f with tau and f not depending on ${x}); use the explicit method instead`,
      { model, ...where(eq), symbol: x },
    );
  }
  const a = lin.coef[DERIVATIVE_SYMBOL]!;
  const b = lin.coef[x]!;
  const c = lin.rest;
  const div = (p: MathNode, q: MathNode) => new math.OperatorNode('/', 'divide', [new math.ParenthesisNode(p), new math.ParenthesisNode(q)]);
  const tau = simplifyNode(div(a, b));
  const xInf = simplifyNode(div(new math.OperatorNode('-', 'unaryMinus', [new math.ParenthesisNode(c)]), b));
  const stepsize = simplifyNode(div(new math.OperatorNode('*', 'multiply', [new math.SymbolNode('dt'), new math.ParenthesisNode(b)]), a));
  const r = lin.restore;
  return { tau: r(tau), xInf: r(xInf), stepsize: r(stepsize), a: r(a), b: r(b), c: r(c) };
}

/** Closed-form decay of an event-driven ODE between events. */
export interface EventDrivenForm {
  /** Time constant `tau_eff` (ms). */
  tau: MathNode;
  /** Steady state `x_inf` (depends on parameters only). */
  xInf: MathNode;
  /** True if `x_inf` is 0: ANNarchy then prints `x *= exp(...)`. */
  decaysToZero: boolean;
}

/**
 * `x_inf` and `tau` of an event-driven ODE, for `x = x_inf + (x - x_inf)*exp(-elapsed/tau)`
 * (annarchy-semantics §1.8). `variables` are the names of all variables of the description:
 * the steady state may not depend on any of them (ANNarchy's error).
 *
 * @example
 * ```ts
 * const { tau, xInf } = eventDrivenForm(eq, ['x', 'w'], 'STDP'); // tau_plus*dx/dt = -x -> tau_plus, 0
 * ```
 */
export function eventDrivenForm(eq: EquationInfo, variables: string[], model: string): EventDrivenForm {
  const f = standardForm(eq, model, 'event-driven');
  const deps = [...symbolsOf(f.xInf), ...symbolsOf(f.tau)].filter((s) => variables.includes(s));
  if (deps.length > 0) {
    throw new ModelError(`an event-driven ODE cannot depend on other variables (${[...new Set(deps)].join(', ')}) to be evaluated exactly`, {
      model, ...where(eq), symbol: deps[0],
    });
  }
  return { tau: f.tau, xInf: f.xInf, decaysToZero: isNumber(f.xInf, 0) };
}

/**
 * Backward-Euler form of coupled linear ODEs: with residuals `a_j*dx_j/dt + Σ_k b_jk*x_k + c_j`,
 * the new values solve `Σ_k M_jk X_k = r_j` where `M_jk = a_j δ_jk + dt*b_jk` and
 * `r_j = a_j*x_j - dt*c_j`. Returns undefined for an equation that is not linear in the block.
 */
export function implicitSystem(eqs: EquationInfo[]): { M: MathNode[][]; r: MathNode[] } | { nonLinear: EquationInfo } {
  const names = eqs.map((e) => e.target);
  const dt = new math.SymbolNode('dt');
  const M: MathNode[][] = [];
  const r: MathNode[] = [];
  for (const eq of eqs) {
    const found = linearForm(residualOf(eq), [...names, DERIVATIVE_SYMBOL]);
    const lin = found && clearDenominator(found);
    if (!lin || isNumber(lin.coef[DERIVATIVE_SYMBOL]!, 0)) return { nonLinear: eq };
    const a = lin.coef[DERIVATIVE_SYMBOL]!;
    M.push(names.map((k) => {
      if (k !== eq.target && isNumber(lin.coef[k]!, 0)) return new math.ConstantNode(0);
      const dtb = new math.OperatorNode('*', 'multiply', [dt, new math.ParenthesisNode(lin.coef[k]!)]);
      return lin.restore(simplifyNode(k === eq.target ? new math.OperatorNode('+', 'add', [new math.ParenthesisNode(a), dtb]) : dtb));
    }));
    r.push(lin.restore(simplifyNode(new math.OperatorNode('-', 'subtract', [
      new math.OperatorNode('*', 'multiply', [new math.ParenthesisNode(a), new math.SymbolNode(eq.target)]),
      new math.OperatorNode('*', 'multiply', [dt, new math.ParenthesisNode(lin.rest)]),
    ]))));
  }
  return { M, r };
}
