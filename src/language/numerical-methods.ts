import { math, type MathNode } from './math.js';
import { ModelError, where, type LocatedStatement } from './model-error.js';
import { implicitSystem, isNumber, standardForm } from './linear-ode.js';
import { SYMBOLIC_LIMITS } from './bounded-symbolic.js';
import type { EquationInfo, NumericalMethod } from './description.js';

/** What a numerical method needs from the code generator. */
export interface MethodContext {
  model: string;
  /**
   * Print an expression of statement `at` (named with its section and line by errors); `subst`
   * replaces symbols by code (e.g. `v` -> `(v[i] + 0.5*dt*__k_v)`).
   */
  print(node: MathNode, subst: Record<string, string> | undefined, at: LocatedStatement): string;
  /** Storage reference of a variable (`v[i]` for local, `v` for global). */
  ref(name: string): string;
  /** Refractory switch factor for a variable (`' * $$__ir'`, the neuron's 0/1 switch) or `''`. */
  switchFactor(name: string): string;
  /** Code for the clamps of a variable after its update (may be empty). */
  clamp(name: string): string;
  /** The default method (setup({ method })) used when an ODE has no flag. */
  defaultMethod: NumericalMethod;
  /**
   * All equations of the description. ANNarchy couples every implicit/midpoint/rk4 ODE of a
   * description (not only of a block); with this list the coupling is checked description-wide.
   */
  equations?: EquationInfo[];
  /**
   * Move per-step code out of the neuron loop (ANNarchy's `__stepsize_x` pre-loop constants):
   * return the name to use, or undefined to keep the code inline (e.g. it reads per-neuron values).
   */
  hoist?(name: string, code: string): string | undefined;
}

/** Generated code of one ODE block: all increments first, then all updates. */
export interface BlockCode {
  compute: string[];
  update: string[];
}

/** Name of the temporary holding the increment (or new value) of `x`. */
export const incName = (x: string) => `__d_${x}`;

/** Methods whose ODEs ANNarchy solves together when a description has two or more of them. */
const COUPLING_METHODS: ReadonlySet<NumericalMethod> = new Set(['implicit', 'midpoint', 'rk4']);

/** The method of an ODE: its flag, else the network default; `exact` is the old name of `event-driven`. */
export function methodOf(eq: EquationInfo, defaultMethod: NumericalMethod): NumericalMethod {
  const m = eq.method ?? defaultMethod;
  return m === 'exact' ? 'event-driven' : m;
}

/**
 * The ODEs ANNarchy solves as one coupled system (annarchy-semantics §2.3): all implicit,
 * midpoint and rk4 ODEs of a description when there are at least two of them. Throws if
 * they mix methods (ANNarchy's "Cannot mix different numerical methods" error).
 *
 * @example
 * ```ts
 * coupledOdes(ir.equations, 'explicit', ir.name); // [] or the coupled ODEs
 * ```
 */
export function coupledOdes(equations: EquationInfo[], defaultMethod: NumericalMethod, model: string): EquationInfo[] {
  const set = equations.filter((e) => e.kind === 'ode' && COUPLING_METHODS.has(methodOf(e, defaultMethod)));
  if (set.length < 2) return [];
  const methods = [...new Set(set.map((e) => methodOf(e, defaultMethod)))];
  if (methods.length > 1) {
    throw new ModelError(
      `cannot mix different numerical methods (${methods.join(', ')}) in a coupled system of equations: `
      + `all implicit/midpoint/rk4 ODEs of a model are solved together (${set.map((e) => e.target).join(', ')})`,
      { model, ...where(set[0]!), statement: set.map((e) => e.source).join('; ') },
    );
  }
  return set;
}

/**
 * JavaScript helpers of the generated code: `__linsolve(M, r, n)` solves the n×n system
 * `M X = r` (row-major `M`) in place by Gaussian elimination with partial pivoting and
 * returns `r` holding `X` (coupled implicit ODEs).
 */
export const METHOD_PRELUDE = [
  'const __linsolve = (M, r, n) => {',
  '  for (let k = 0; k < n; k++) {',
  '    let p = k;',
  '    for (let j = k + 1; j < n; j++) if (Math.abs(M[j * n + k]) > Math.abs(M[p * n + k])) p = j;',
  '    if (p !== k) {',
  '      for (let l = 0; l < n; l++) { const s = M[k * n + l]; M[k * n + l] = M[p * n + l]; M[p * n + l] = s; }',
  '      const s = r[k]; r[k] = r[p]; r[p] = s;',
  '    }',
  '    for (let j = k + 1; j < n; j++) {',
  '      const f = M[j * n + k] / M[k * n + k];',
  '      for (let l = k; l < n; l++) M[j * n + l] -= f * M[k * n + l];',
  '      r[j] -= f * r[k];',
  '    }',
  '  }',
  '  for (let k = n - 1; k >= 0; k--) {',
  '    let s = r[k];',
  '    for (let l = k + 1; l < n; l++) s -= M[k * n + l] * r[l];',
  '    r[k] = s / M[k * n + k];',
  '  }',
  '  return r;',
  '};',
].join('\n');

const nonLinearError = (eq: EquationInfo, method: string, model: string) => new ModelError(
  `the ${method} method needs an ODE linear in ${eq.target} (and, when coupled, in the other coupled variables); use the explicit method instead`,
  { model, ...where(eq), symbol: eq.target },
);

/**
 * Code for a block of consecutive ODEs (annarchy-semantics §2.2, §2.3): every increment is
 * computed from the current values, then each variable is updated (multiplied by the
 * refractory switch unless it is a `g_` variable) and clamped, in declaration order.
 *
 * Per method (`f` is the right side solved for the derivative, `x` the variable):
 * - explicit: `_x = f(x); x += dt*_x`
 * - exponential: `tau_eff*dx/dt + x = x_inf`; `_x = (1.0 - exp(-dt/tau_eff))*(x_inf - x); x += _x`
 *   (the step factor is hoisted out of the neuron loop when it reads no per-neuron value)
 * - semiimplicit: `_x = (s/(s + 1))*(x_inf - x); x += _x` with `s = dt/tau_eff`
 * - implicit: backward Euler solved symbolically, `_x = (a*x - dt*c)/(a + dt*b); x = _x` for the
 *   residual `a*dx/dt + b*x + c`; coupled implicit ODEs are solved jointly by Gaussian elimination
 *   on the numerically evaluated coefficients, every step
 * - midpoint: `_k_x = dt*(f(x)); _x = f(x + 0.5*_k_x); x += dt*_x`; coupled:
 *   `_k_x = f(x, y); _x = f(x + 0.5*dt*_k_x, y + 0.5*dt*_k_y)`
 * - rk4: `_k1.._k4` (coupled: all variables staged together), `t` not staged,
 *   `x += dt/6.0*(_k1 + (_k2+_k2) + (_k3+_k3) + _k4)`
 * - event-driven: no code (evaluated by synapses at events).
 * The refractory factor multiplies the increment (`x += dt*_x*in_ref`); an implicit variable
 * keeps its value while refractory. (ANNarchy 4.7.3 prints `x = _x*in_ref`, which sets it to 0:
 * a bug not reproduced, see README.)
 *
 * @example
 * ```ts
 * // explicit: const __d_v = (...); ... ; v[i] += dt * __d_v;
 * ```
 */
export function emitOdeBlock(block: EquationInfo[], ctx: MethodContext): BlockCode {
  const compute: string[] = [];
  const update: string[] = [];
  const { model } = ctx;
  const coupled = coupledOdes(ctx.equations ?? block, ctx.defaultMethod, model);
  const coupledHere = block.filter((e) => coupled.includes(e));
  if (coupledHere.length > 0 && coupledHere.length < coupled.length) {
    // ANNarchy generates code referring to another block's temporaries: it does not compile
    throw new ModelError(
      `coupled ${methodOf(coupled[0]!, ctx.defaultMethod)} ODEs (${coupled.map((e) => e.target).join(', ')}) must be written one after the other, `
      + 'with no assignment between them and with the same locality',
      { model, ...where(coupled[0]!), statement: coupled.map((e) => e.source).join('; ') },
    );
  }
  const switchOf = (x: string, code: string) => `${code}${ctx.switchFactor(x)};${ctx.clamp(x)}`;
  // an assigned (implicit) update is skipped while refractory instead of multiplied by in_ref
  const assignOf = (x: string, ref: string, d: string) => (ctx.switchFactor(x) === ''
    ? `${ref} = ${d};${ctx.clamp(x)}`
    : `if ($$__ir === 1) { ${ref} = ${d};${ctx.clamp(x)} }`);
  const p = (n: MathNode, eq: EquationInfo, subst?: Record<string, string>) => ctx.print(n, subst, eq);
  const printed = new Set<EquationInfo>();

  // coupled systems first: their temporaries only depend on the current values
  if (coupledHere.length > 0) {
    const method = methodOf(coupledHere[0]!, ctx.defaultMethod);
    if (method === 'midpoint') {
      const stage: Record<string, string> = {};
      for (const eq of coupledHere) {
        compute.push(`const __k_${eq.target} = ${p(eq.rhs, eq)};`);
        stage[eq.target] = `(${ctx.ref(eq.target)} + 0.5 * dt * __k_${eq.target})`;
      }
      for (const eq of coupledHere) compute.push(`const ${incName(eq.target)} = ${p(eq.rhs, eq, stage)};`);
    } else if (method === 'rk4') {
      const stages: [string, string][] = [['1', ''], ['2', '0.5 * dt * __k1_'], ['3', '0.5 * dt * __k2_'], ['4', 'dt * __k3_']];
      for (const [k, shift] of stages) {
        const subst: Record<string, string> | undefined = shift === '' ? undefined
          : Object.fromEntries(coupledHere.map((eq) => [eq.target, `(${ctx.ref(eq.target)} + ${shift}${eq.target})`]));
        for (const eq of coupledHere) compute.push(`const __k${k}_${eq.target} = ${p(eq.rhs, eq, subst)};`);
      }
    } else {
      if (coupledHere.length > SYMBOLIC_LIMITS.implicitBlock) {
        throw new ModelError(`the implicit method would solve ${coupledHere.length} coupled ODEs as one linear system, more than ${SYMBOLIC_LIMITS.implicitBlock} (its code grows with the square); use the explicit or exponential method for some of them`,
          { model, ...where(coupledHere[0]!), symbol: coupledHere[0]!.target });
      }
      const sys = implicitSystem(coupledHere);
      if ('nonLinear' in sys) throw nonLinearError(sys.nonLinear, 'implicit', model);
      const n = coupledHere.length;
      const first = coupledHere[0]!;
      const tag = first.target;
      compute.push(`const __M_${tag} = [${sys.M.flat().map((m) => p(m, first)).join(', ')}];`);
      compute.push(`const __r_${tag} = __linsolve(__M_${tag}, [${sys.r.map((r) => p(r, first)).join(', ')}], ${n});`);
      coupledHere.forEach((eq, j) => compute.push(`const ${incName(eq.target)} = __r_${tag}[${j}];`));
    }
    for (const eq of coupledHere) printed.add(eq);
  }

  for (const eq of block) {
    const method = methodOf(eq, ctx.defaultMethod);
    const x = eq.target;
    const d = incName(x);
    const ref = ctx.ref(x);
    if (method === 'event-driven') continue; // evaluated at events by synapses; no neuron code
    if (printed.has(eq)) {
      if (method === 'rk4') update.push(switchOf(x, `${ref} += dt / 6.0 * (__k1_${x} + (__k2_${x} + __k2_${x}) + (__k3_${x} + __k3_${x}) + __k4_${x})`));
      else if (method === 'midpoint') update.push(switchOf(x, `${ref} += dt * ${d}`));
      else update.push(assignOf(x, ref, d));
      continue;
    }
    switch (method) {
      case 'explicit': {
        // `-A` or `(-A) / B`: x -= dt * (A / B) is the same IEEE result as x += dt * ((-A) / B)
        // (negation is exact and rounding symmetric), without a negation per neuron
        const positive = withoutLeadingMinus(eq.rhs);
        compute.push(`const ${d} = ${p(positive ?? eq.rhs, eq)};`);
        update.push(switchOf(x, `${ref} ${positive ? '-=' : '+='} dt * ${d}`));
        break;
      }
      case 'exponential': {
        const f = standardForm(eq, model, 'exponential');
        const factor = `1.0 - Math.exp(${p(new math.OperatorNode('-', 'unaryMinus', [new math.ParenthesisNode(f.stepsize)]), eq)})`;
        const hoisted = ctx.hoist?.(`__stepsize_${x}`, factor);
        compute.push(`const ${d} = ${hoisted ?? `(${factor})`} * (${p(f.xInf, eq)} - ${ref});`);
        update.push(switchOf(x, `${ref} += ${d}`));
        break;
      }
      case 'semiimplicit': {
        const f = standardForm(eq, model, 'semiimplicit');
        // sympy's together(s/(s + 1)): dt/tau -> dt/(dt + tau)
        const s = f.stepsize as MathNode & { type: string; fn?: string; args?: MathNode[] };
        let inStep: string;
        if (s.type === 'OperatorNode' && s.fn === 'divide') {
          const [num, den] = s.args!.map((a) => p(a, eq));
          inStep = `${num} / (${num} + ${den})`;
        } else {
          const sp = p(f.stepsize, eq);
          inStep = `${sp} / (${sp} + 1.0)`;
        }
        compute.push(`const ${d} = (${inStep}) * (${p(f.xInf, eq)} - ${ref});`);
        update.push(switchOf(x, `${ref} += ${d}`));
        break;
      }
      case 'implicit': {
        const sys = implicitSystem([eq]);
        if ('nonLinear' in sys) throw nonLinearError(eq, 'implicit', model);
        const den = sys.M[0]![0]!;
        const num = p(sys.r[0]!, eq);
        compute.push(`const ${d} = ${isNumber(den, 1) ? num : `${num} / ${p(den, eq)}`};`);
        update.push(assignOf(x, ref, d));
        break;
      }
      case 'midpoint': {
        compute.push(`const __k_${x} = dt * ${p(eq.rhs, eq)};`);
        compute.push(`const ${d} = ${p(eq.rhs, eq, { [x]: `(${ref} + 0.5 * __k_${x})` })};`);
        update.push(switchOf(x, `${ref} += dt * ${d}`));
        break;
      }
      case 'rk4': {
        compute.push(`const __k1_${x} = ${p(eq.rhs, eq)};`);
        compute.push(`const __k2_${x} = ${p(eq.rhs, eq, { [x]: `(${ref} + 0.5 * dt * __k1_${x})` })};`);
        compute.push(`const __k3_${x} = ${p(eq.rhs, eq, { [x]: `(${ref} + 0.5 * dt * __k2_${x})` })};`);
        compute.push(`const __k4_${x} = ${p(eq.rhs, eq, { [x]: `(${ref} + dt * __k3_${x})` })};`);
        update.push(switchOf(x, `${ref} += dt / 6.0 * (__k1_${x} + (__k2_${x} + __k2_${x}) + (__k3_${x} + __k3_${x}) + __k4_${x})`));
        break;
      }
      default:
        throw new ModelError(`unknown numerical method "${method}"`, { model, ...where(eq) });
    }
  }
  return { compute, update };
}

/**
 * `A` for a derivative `-A`, `(-A) / B` as `A / B`, otherwise undefined (parentheses looked
 * through). Used where the caller subtracts instead: x + dt*((-A)/B) and x - dt*(A/B) are the
 * same doubles, signed zeros included.
 */
function withoutLeadingMinus(node: MathNode): MathNode | undefined {
  type Op = MathNode & { type: string; fn?: string; args?: MathNode[]; content?: MathNode };
  const bare = (n: MathNode): Op => {
    let o = n as Op;
    while (o.type === 'ParenthesisNode') o = o.content as Op;
    return o;
  };
  const n = bare(node);
  if (n.type !== 'OperatorNode') return undefined;
  if (n.fn === 'unaryMinus') return n.args![0];
  if (n.fn === 'divide') {
    const num = bare(n.args![0]!);
    if (num.type === 'OperatorNode' && num.fn === 'unaryMinus') return new math.OperatorNode('/', 'divide', [num.args![0]!, n.args![1]!]);
  }
  return undefined;
}
