import { math, type MathNode } from './math.js';
import { ModelError, where, type ModelErrorWhere, type ModelSection } from './model-error.js';
import { findAssignment, splitStatements, type RawStatement } from './statements.js';
import { GLOBAL_OPERATIONS, parseExpression, symbolsOf, type ExprContext } from './expression.js';
import { checkDeclaredName, checkWrittenNames } from './expression-guard.js';
import { checkAttributeName } from './reserved-names.js';
import { evaluateValue } from './evaluate-value.js';
import { randomArgumentsProblem } from './random-arguments.js';
import { derivativeIfLinear, simplifyBounded } from './bounded-symbolic.js';
import { CONSTANTS } from './constant.js';
import { BUILTIN_FUNCTIONS, MATH_CONSTANTS, RANDOM_DISTRIBUTIONS, nullPrototype } from './builtin-functions.js';
import type {
  AttributeType, EquationInfo, FunctionInfo, Locality, NumericalMethod, ParameterInfo, RandomInfo, VariableInfo,
} from './description.js';

const METHOD_FLAGS: Record<string, NumericalMethod> = nullPrototype({
  explicit: 'explicit', implicit: 'implicit', semiimplicit: 'semiimplicit', exponential: 'exponential',
  midpoint: 'midpoint', rk4: 'rk4', 'runge-kutta4': 'rk4', exact: 'exact', 'event-driven': 'event-driven',
});

const IDENT = /^[A-Za-z_]\w*$/;

/** Where a statement is, for errors: model, section, line and text of a split statement. */
export function statementContext(model: string, st: RawStatement, section?: ModelSection): ExprContext & { model: string; statement: string } {
  return { model, section: st.section ?? section, line: st.line, statement: st.source };
}

/**
 * Section and line of a statement context: the location an IR object keeps for code generation.
 *
 * @example
 * ```ts
 * eq = { ...eq, ...locationOf(statementContext(model, st, 'equations')) }; // section 'equations', line st.line
 * ```
 */
export function locationOf(at: ExprContext): { section?: ModelSection; line?: number } {
  return { section: at.section, line: at.line };
}

/** Names a description may not declare: they are built into every expression. */
const RESERVED_NAMES = ['t', 'dt', 'pi', 'true', 'false', 'True', 'False', 'and', 'or', 'not', 'if', 'else', 'is'];

/** Locality from flags: `population`/`projection` -> global, `postsynaptic` -> semiglobal. */
export function localityOf(st: RawStatement): Locality {
  if (st.flags.includes('population') || st.flags.includes('projection')) return 'global';
  if (st.flags.includes('postsynaptic')) return 'semiglobal';
  return 'local';
}

function typeOf(st: RawStatement, value?: string): AttributeType {
  if (st.flags.includes('int')) return 'int';
  if (st.flags.includes('bool')) return 'bool';
  if (value !== undefined && /^(True|False|true|false)$/.test(value.trim())) return 'bool';
  return 'double';
}

/** `12`, `-65.0`, `.5`, `1e-3`, `+2.5E+4`: what Number() and Python's float() read alike. */
const DECIMAL_LITERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Evaluate a numeric value as ANNarchy's `float(...)` would: literals, arithmetic, ANNarchy's
 * mathematical functions, Constants and earlier values, walked over the checked tree
 * (evaluate-value.ts): a value cannot run code, allocate or change global state.
 */
export function evaluateNumber(text: string, scope: ReadonlyMap<string, number>, where: ModelErrorWhere & { what: string }): number {
  const { what, ...at } = where;
  const t = text.trim();
  if (/^(True|true)$/.test(t)) return 1;
  if (/^(False|false)$/.test(t)) return 0;
  if (t === '') throw new ModelError(`${what} is empty`, at);
  // a plain decimal literal (most parameter values): Number() rounds it as Python's float()
  // and as the expression parser's literal would, without parsing a tree
  if (DECIMAL_LITERAL.test(t) && Number.isFinite(Number(t))) return Number(t);
  const names = new Map<string, number>();
  for (const [k, c] of CONSTANTS) names.set(k, c.value);
  for (const [k, v] of scope) names.set(k, v);
  const v = evaluateValue(parseExpression(t, at), names, { ...at, what: `${what} "${t}"` });
  if (!Number.isFinite(v)) throw new ModelError(`${what} "${t}" is ${v}, not a finite number`, at);
  return v;
}

/**
 * Parse the `parameters` string: `name = value : flags` per statement (value optional, default 0).
 *
 * @example
 * ```ts
 * analyseParameters('tau = 10 : population\nI = 0', 'm'); // tau global, I local
 * ```
 */
export function analyseParameters(text: string | undefined, model: string, defaultLocality: Locality = 'local'): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  const scope = new Map<string, number>();
  for (const st of splitStatements(text, { model, continuation: false, section: 'parameters' })) {
    const at = statementContext(model, st, 'parameters');
    const a = findAssignment(st.text);
    const name = (a ? st.text.slice(0, a.index) : st.text).trim();
    if (a && a.op !== '=') throw new ModelError(`parameters are set with "=", not "${a.op}"`, { ...at, symbol: name });
    if (!IDENT.test(name)) throw new ModelError(`"${name}" is not a valid parameter name`, { ...at, symbol: name });
    if (RESERVED_NAMES.includes(name)) throw new ModelError(`"${name}" is a reserved name and cannot be a parameter`, { ...at, symbol: name });
    checkDeclaredName(name, 'parameter', at);
    checkAttributeName(name, 'parameter', at);
    const first = out.find((p) => p.name === name);
    if (first) throw new ModelError(`parameter "${name}" is declared twice (first: "${first.source}")`, { ...at, symbol: name });
    const valueText = a ? st.text.slice(a.index + 1).trim() : undefined;
    const init = valueText === undefined || valueText === '' ? 0 : evaluateNumber(valueText, scope, { ...at, what: `value of parameter "${name}"` });
    const locality = st.flags.some((f) => ['population', 'projection', 'postsynaptic'].includes(f)) ? localityOf(st) : defaultLocality;
    const type = typeOf(st, valueText);
    scope.set(name, init);
    out.push({ name, locality, type, init: type === 'int' ? Math.trunc(init) : init, source: st.source, ...locationOf(at) });
  }
  return out;
}

/** Replace the derivative `dX/dt` of `variable` by the symbol `__D`. */
function derivativeToSymbol(lhs: string, variable: string): string {
  return lhs.replace(new RegExp(`\\bd${variable}\\s*/\\s*dt\\b`, 'g'), ' __D ');
}

/**
 * Solve `lhs = rhs` (linear in the derivative `__D`) for the derivative. A bare `dx/dt` on the
 * left keeps the user's right side unchanged; `c * dx/dt = f` gives `f / c`; anything else is
 * solved with mathjs (`D = -E(0) / E'(D)` with `E = lhs - rhs`).
 */
export function solveForDerivative(lhs: MathNode, rhs: MathNode, where: ModelErrorWhere & { model: string; statement: string; variable: string }): MathNode {
  const isD = (n: MathNode) => (n as { type: string }).type === 'SymbolNode' && (n as unknown as { name: string }).name === '__D';
  const strip = (n: MathNode): MathNode => ((n as { type: string }).type === 'ParenthesisNode' ? strip((n as unknown as { content: MathNode }).content) : n);
  const l = strip(lhs);
  if (isD(l)) return rhs;
  const op = l as unknown as { type: string; fn: string; args: MathNode[] };
  if (op.type === 'OperatorNode' && op.fn === 'multiply' && op.args.length === 2) {
    const [a, b] = op.args.map(strip) as [MathNode, MathNode];
    if (isD(b) && !symbolsOf(a).has('__D')) return new math.OperatorNode('/', 'divide', [new math.ParenthesisNode(rhs), new math.ParenthesisNode(a)]);
    if (isD(a) && !symbolsOf(b).has('__D')) return new math.OperatorNode('/', 'divide', [new math.ParenthesisNode(rhs), new math.ParenthesisNode(b)]);
  }
  const residual = new math.OperatorNode('-', 'subtract', [lhs, new math.ParenthesisNode(rhs)]);
  const derivative = derivativeIfLinear(residual, '__D');
  const coef = derivative && simplifyBounded(derivative);
  if (!coef || symbolsOf(coef).has('__D')) {
    const { variable, ...at } = where;
    throw new ModelError(`the equation is not linear in d${variable}/dt: it cannot be solved for the derivative`, { ...at, symbol: `d${variable}/dt` });
  }
  const at0 = residual.transform((n) => (isD(n) ? new math.ConstantNode(0) : n));
  const f = new math.OperatorNode('/', 'divide', [
    new math.OperatorNode('-', 'unaryMinus', [new math.ParenthesisNode(simplifyBounded(at0))]),
    new math.ParenthesisNode(coef),
  ]);
  return f;
}

/** Where a random distribution is used, and the parameters its arguments may name. */
export interface RandomContext extends ExprContext {
  /** Parameters of the model: an argument may be a numeric literal or a global parameter. */
  parameters?: ParameterInfo[];
}

function isNumericLiteral(n: MathNode): boolean {
  const a = n as unknown as { type: string; fn?: string; args?: MathNode[]; content?: MathNode; value?: unknown };
  if (a.type === 'ConstantNode') return typeof a.value === 'number';
  if (a.type === 'ParenthesisNode') return isNumericLiteral(a.content!);
  if (a.type === 'OperatorNode' && (a.fn === 'unaryMinus' || a.fn === 'unaryPlus')) return isNumericLiteral(a.args![0]!);
  return false;
}

/**
 * Replace random-distribution calls by per-step random symbols, recording them in `randoms`.
 * Arguments must be numeric literals, global parameters or Constants (annarchy-semantics §1.4):
 * they are read once per draw for the whole population.
 */
export function extractRandoms(node: MathNode, locality: Locality, source: string, randoms: RandomInfo[], model: string, ctx: RandomContext = {}): MathNode {
  const { parameters, ...place } = ctx;
  const at = { ...place, model, statement: source };
  return node.transform((n) => {
    const f = n as unknown as { type: string; fn?: { name?: string }; args?: MathNode[] };
    if (f.type === 'FunctionNode' && f.fn?.name && f.fn.name in RANDOM_DISTRIBUTIONS) {
      const dist = f.fn.name as RandomInfo['distribution'];
      const nargs = RANDOM_DISTRIBUTIONS[dist]!;
      if (f.args!.length !== nargs) {
        throw new ModelError(`${dist}() takes ${nargs} argument(s), got ${f.args!.length}`, { ...at, symbol: dist });
      }
      if (parameters) {
        for (const arg of f.args!) {
          if (isNumericLiteral(arg)) continue;
          const sym = arg as unknown as { type: string; name?: string };
          const name = sym.type === 'SymbolNode' ? sym.name! : undefined;
          const p = name !== undefined ? parameters.find((x) => x.name === name) : undefined;
          if (p && p.locality === 'global') continue;
          if (name !== undefined && !p && CONSTANTS.has(name)) continue;
          const what = p ? `the ${p.locality === 'local' ? 'per-neuron' : 'per-post-neuron'} parameter "${name}"` : `"${arg.toString()}"`;
          throw new ModelError(`the arguments of ${dist}() must be numbers, global parameters (flag population/projection) or Constants, got ${what}`, { ...at, symbol: name ?? arg.toString() });
        }
      }
      if (f.args!.every(isNumericLiteral)) {
        const problem = randomArgumentsProblem(dist, f.args!.map((x) => evaluateValue(x, new Map(), at)));
        if (problem) throw new ModelError(problem, { ...at, symbol: dist });
      }
      const name = `__rand_${randoms.length}`;
      randoms.push({ name, distribution: dist, args: f.args!, locality, source, ...locationOf(at) });
      return new math.SymbolNode(name);
    }
    return n;
  });
}

/**
 * Parse the `functions` string: one `f(x, y) = expr` per statement. A function may not be
 * declared twice nor shadow a built-in function, a random distribution or a reserved name.
 */
export function analyseFunctions(text: string | undefined, model: string): FunctionInfo[] {
  const out: FunctionInfo[] = [];
  for (const st of splitStatements(text, { model, section: 'functions' })) {
    const at = statementContext(model, st, 'functions');
    const m = /^([A-Za-z_]\w*)\s*\(([^)]*)\)\s*=(.*)$/s.exec(st.source);
    if (!m) throw new ModelError('a function is written "name(arg1, arg2) = expression"', at);
    const name = m[1]!;
    checkDeclaredName(name, 'function', at);
    if (name in BUILTIN_FUNCTIONS || name in RANDOM_DISTRIBUTIONS || ['min', 'max', 'mean', 'norm1', 'norm2', 'sum'].includes(name)) {
      throw new ModelError(`function "${name}" has the name of a built-in function; choose another name`, { ...at, symbol: name });
    }
    if (RESERVED_NAMES.includes(name) || name in MATH_CONSTANTS) throw new ModelError(`"${name}" is a reserved name and cannot be a function`, { ...at, symbol: name });
    const first = out.find((f) => f.name === name);
    if (first) throw new ModelError(`function "${name}" is declared twice (first: "${first.source}")`, { ...at, symbol: name });
    const args = m[2]!.split(',').map((s) => s.trim()).filter((s) => s !== '');
    for (const a of args) if (!IDENT.test(a)) throw new ModelError(`"${a}" is not a valid argument name`, { ...at, symbol: a });
    for (const a of args) checkDeclaredName(a, 'function argument', at);
    const dup = args.find((a, k) => args.indexOf(a) !== k);
    if (dup) throw new ModelError(`argument "${dup}" of function "${name}" is given twice`, { ...at, symbol: dup });
    const body = parseExpression(m[3]!, at);
    out.push({ name, args, body, source: st.source, ...locationOf(at) });
  }
  checkNoRecursion(out, model);
  return out;
}

/**
 * User functions become C (here JavaScript) functions called on every step: a function that
 * calls itself, directly or through others, would never return. Rejected at compile time.
 */
function checkNoRecursion(functions: readonly FunctionInfo[], model: string): void {
  const byName = new Map(functions.map((f) => [f.name, f]));
  const calls = new Map(functions.map((f) => {
    const out = new Set<string>();
    f.body.traverse((n) => {
      const c = n as unknown as { type: string; fn?: { name?: string } };
      if (c.type === 'FunctionNode' && c.fn?.name !== undefined && byName.has(c.fn.name)) out.add(c.fn.name);
    });
    return [f.name, out];
  }));
  const done = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (done.has(name)) return;
    const k = path.indexOf(name);
    if (k >= 0) {
      const cycle = [...path.slice(k), name];
      const f = byName.get(path[k]!)!;
      throw new ModelError(`function "${f.name}" calls itself (${cycle.join(' -> ')}); functions cannot be recursive`, { model, ...where(f), symbol: f.name });
    }
    for (const c of calls.get(name)!) visit(c, [...path, name]);
    done.add(name);
  };
  for (const f of functions) visit(f.name, []);
}

/** An equation may not assign a parameter or a reserved name. */
function checkTarget(target: string, parameters: ParameterInfo[], ctx: ModelErrorWhere): void {
  if (parameters.some((p) => p.name === target)) {
    throw new ModelError(`"${target}" is a parameter; parameters cannot have equations (declare it only in equations to make it a variable)`, { ...ctx, symbol: target });
  }
  if (RESERVED_NAMES.includes(target)) throw new ModelError(`"${target}" is a reserved name and cannot be assigned`, { ...ctx, symbol: target });
  checkDeclaredName(target, 'variable', ctx);
  checkAttributeName(target, 'variable', ctx);
}

/**
 * Analysis-time check of the function calls of an expression: each names a built-in, a
 * random distribution or a function of the model, with the right number of arguments.
 *
 * @example
 * ```ts
 * checkCalls(parseExpression('exp(1, 2)'), [], { model: 'm' }); // throws: function exp() takes 1 argument(s), got 2
 * ```
 */
export function checkCalls(node: MathNode, functions: readonly FunctionInfo[], ctx: ModelErrorWhere): void {
  node.traverse((x) => {
    const f = x as unknown as { type: string; fn?: { name?: string }; args?: MathNode[] };
    if (f.type !== 'FunctionNode') return;
    const name = f.fn?.name ?? '';
    const nargs = f.args!.length;
    const user = functions.find((u) => u.name === name);
    if (user) {
      if (nargs !== user.args.length) throw new ModelError(`function ${name}() takes ${user.args.length} argument(s) (${user.source}), got ${nargs}`, { ...ctx, symbol: name });
      return;
    }
    const b = BUILTIN_FUNCTIONS[name];
    if (b) {
      const [lo, hi] = Array.isArray(b.arity) ? b.arity : [b.arity, b.arity];
      if (nargs < lo || nargs > hi) throw new ModelError(`function ${name}() takes ${lo === hi ? lo : `${lo}-${hi}`} argument(s), got ${nargs}`, { ...ctx, symbol: name });
      return;
    }
    if (name in RANDOM_DISTRIBUTIONS) return;
    if ((name === 'min' || name === 'max') && nargs === 2) return;
    if ((GLOBAL_OPERATIONS as readonly string[]).includes(name)) {
      throw new ModelError(`${name}() is a global operation over one attribute: write ${name}(x) with a per-neuron attribute x (pre.x or post.x in synapses)`, { ...ctx, symbol: name });
    }
    throw new ModelError(`unknown function "${name}()": not a built-in function, a random distribution or a function of the model`, { ...ctx, symbol: name });
  });
}

/** Options of {@link analyseEquations}. */
export interface EquationOptions {
  model: string;
  /** Names of parameters (a variable may not reuse one). */
  parameters: ParameterInfo[];
  /** Variables already known (e.g. `w` of a synapse), updated in place. */
  variables?: VariableInfo[];
  randoms: RandomInfo[];
  /** Allowed assignment targets besides declared variables (none for equations). */
}

/**
 * Parse the `equations` string into equations (declaration order) and the variables they
 * declare with their flags (`init`, `min`, `max`, locality, type, method).
 */
export function analyseEquations(text: string | undefined, opts: EquationOptions): { equations: EquationInfo[]; variables: VariableInfo[] } {
  const { model } = opts;
  const variables: VariableInfo[] = opts.variables ?? [];
  const equations: EquationInfo[] = [];
  const paramScope = new Map(opts.parameters.map((p) => [p.name, p.init]));
  const pendingBounds: { name: string; key: string; target: string; ctx: ModelErrorWhere }[] = [];
  for (const st of splitStatements(text, { model, section: 'equations' })) {
    const ctx = statementContext(model, st, 'equations');
    const randomCtx = { ...ctx, parameters: opts.parameters };
    const a = findAssignment(st.text);
    if (!a) throw new ModelError('an equation needs an assignment ("=", "+=", ...) or an ODE "dx/dt = ..."', ctx);
    const lhsText = st.text.slice(0, a.index).trim();
    const rhsText = st.text.slice(a.index + a.op.length).trim();
    if (rhsText === '') throw new ModelError('the right side is empty', { ...ctx, symbol: lhsText });
    const ode = /\bd([A-Za-z_]\w*)\s*\/\s*dt\b/.exec(lhsText);
    const locality = localityOf(st);
    const methods = st.flags.filter((f) => f in METHOD_FLAGS).map((f) => METHOD_FLAGS[f]!);
    if (methods.length > 1) throw new ModelError(`several numerical methods given (${methods.join(', ')})`, { ...ctx, symbol: methods[1] });
    let target: string;
    let eq: EquationInfo;
    if (ode) {
      target = ode[1]!;
      if (a.op !== '=') throw new ModelError(`an ODE is written with "=", not "${a.op}"`, { ...ctx, symbol: a.op });
      checkTarget(target, opts.parameters, ctx);
      checkWrittenNames(lhsText, ctx);
      const lhs = parseExpression(derivativeToSymbol(lhsText, target), ctx, ['__D']);
      const rhs = extractRandoms(parseExpression(rhsText, ctx), locality, st.source, opts.randoms, model, randomCtx);
      const residual = new math.OperatorNode('-', 'subtract', [lhs, new math.ParenthesisNode(rhs)]);
      const solved = solveForDerivative(lhs, rhs, { ...ctx, variable: target });
      eq = { target, kind: 'ode', op: '=', rhs: solved, residual, method: methods[0], locality, source: st.source, ...locationOf(ctx) };
    } else {
      target = lhsText;
      if (!IDENT.test(target)) throw new ModelError(`the left side "${lhsText}" must be a variable name or "dx/dt"`, { ...ctx, symbol: lhsText });
      checkTarget(target, opts.parameters, ctx);
      if (methods.length > 0 && methods[0] !== 'event-driven') {
        throw new ModelError(`numerical method "${methods[0]}" given for an assignment, which is not an ODE`, { ...ctx, symbol: methods[0] });
      }
      const rhs = extractRandoms(parseExpression(rhsText, ctx), locality, st.source, opts.randoms, model, randomCtx);
      eq = { target, kind: 'assign', op: a.op, rhs, locality, source: st.source, ...locationOf(ctx) };
    }
    const earlier = equations.find((e) => e.target === target);
    if (earlier) {
      // ANNarchy: "Attributes must be declared only once"
      throw new ModelError(`variable "${target}" has two equations (first: "${earlier.source}"); a variable is declared by one statement`, { ...ctx, symbol: target });
    }
    equations.push(eq);
    let v = variables.find((x) => x.name === target);
    if (!v) {
      v = { name: target, locality, type: 'double', init: 0, bounds: [], source: st.source, ...locationOf(ctx) };
      variables.push(v);
    }
    if (st.flags.includes('population') || st.flags.includes('projection') || st.flags.includes('postsynaptic')) v.locality = locality;
    if (st.flags.includes('int')) v.type = 'int';
    if (st.flags.includes('bool')) v.type = 'bool';
    if (st.bounds.init !== undefined) v.init = evaluateNumber(st.bounds.init, paramScope, { ...ctx, what: `init of "${target}"` });
    for (const key of Object.keys(st.bounds)) {
      if (key === 'min' || key === 'max') {
        v.bounds = v.bounds.filter((b) => b.kind !== key);
        const expr = parseExpression(st.bounds[key]!, ctx);
        for (const name of symbolsOf(expr)) pendingBounds.push({ name, key, target, ctx });
        v.bounds.push({ kind: key, expr });
      }
    }
    if (v.type === 'int') v.init = Math.trunc(v.init);
  }
  // bounds may name any attribute (also one declared further down), Constants and inputs
  const inputLike = /^(g_\w+|_sum_\w+|(pre|post)__\w+|(pre|post)___sum_\w+|t|dt|t_last|t_pre|t_post|w)$/;
  for (const b of pendingBounds) {
    const known = opts.parameters.some((p) => p.name === b.name) || variables.some((v) => v.name === b.name)
      || b.name in MATH_CONSTANTS || CONSTANTS.has(b.name) || inputLike.test(b.name);
    if (!known) {
      throw new ModelError(`${b.key}= of "${b.target}" uses unknown symbol "${b.name}": a bound may use numbers, parameters, variables and Constants`, { ...b.ctx, symbol: b.name });
    }
  }
  // an equation's locality is its variable's (flags may sit on any of its statements)
  for (const eq of equations) eq.locality = variables.find((x) => x.name === eq.target)!.locality;
  return { equations, variables };
}
