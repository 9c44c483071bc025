/**
 * The equation work of CompNeuroPy's `VClampParamSearch` (extra_functions.py, 1.0.4): the
 * voltage-clamp version of a neuron model (its `dv/dt` or `v +=` line becomes `v_clamp = ...`
 * and v stays where it is put) and the "currents" `v_clamp_inst(v_0, v_step)` and
 * `v_clamp_hold(v_step)` that a set of equations predicts.
 *
 * CompNeuroPy solves the equations symbolically with sympy and lambdifies the solution; no
 * maintained npm package solves systems symbolically, so here mathjs parses and differentiates
 * the expressions and the systems are solved numerically at each voltage (Newton's method with
 * a finite-difference Jacobian; the usual model equations are linear in their unknowns, where
 * it is exact to rounding). The numbers are the same; README, differences from CompNeuroPy.
 */
import type { MathNode, EvalFunction } from 'mathjs';
import { mathjsModule } from '../language/math.js';
import { Neuron } from '../language/neuron.js';

const WHO = 'VClampParamSearch';

/** CompNeuroPy `_get_line_is_v`: the line updates v (`dv/dt` or `v +=`). */
function lineIsV(line: string): boolean {
  if (!line.includes('v')) return false;
  const l = line.replace(/\s/g, '');
  return l.includes('dv/dt') || (l.includes('v+=') && l.startsWith('v'));
}

function isSymbol(n: MathNode, name: string): boolean {
  const s = n as unknown as { isSymbolNode?: boolean; name?: string };
  return s.isSymbolNode === true && s.name === name;
}

/** Replaces every symbol `name` of `node` by `by` (a parsed expression). */
function substitute(node: MathNode, name: string, by: MathNode): MathNode {
  return node.transform((n) => (isSymbol(n, name) ? by.cloneDeep() : n));
}

/**
 * The voltage-clamp version of a neuron model (CompNeuroPy `_get_neuron_model_clamp`): the line
 * updating v becomes `v_clamp = <dv/dt>` (flags kept) followed by `dv/dt = 0` (or `v += 0`);
 * `C*dv/dt = f` is solved for dv/dt first, which must be linear in it.
 *
 * @example
 * ```ts
 * clampNeuron(new Neuron({ parameters: 'C = 100', equations: 'C*dv/dt = -v\ndu/dt = -u' })).equations;
 * // 'v_clamp=((-v)-(0))/(C)\ndv/dt=0\ndu/dt = -u'
 * ```
 */
export function clampNeuron(neuron: Neuron): Neuron {
  const lines = neuron.equations.split('\n');
  const isV = lines.map(lineIsV);
  const count = isV.filter(Boolean).length;
  if (count !== 1) throw new Error(`${WHO}: Could not find one line with dv/dt or v+= in equations of neuronmodel! (found ${count} in ${JSON.stringify(neuron.equations.trim())})`);
  const idx = isV.indexOf(true);
  const [eq, ...flagParts] = lines[idx]!.replace(/\s/g, '').split(':');
  const flags = flagParts.length ? `:${flagParts.join(':')}` : '';
  let eqV: string;
  let eqClamp: string;
  const [left, right] = [eq!.slice(0, eq!.indexOf('=')), eq!.slice(eq!.indexOf('=') + 1)];
  if (eq!.includes('+=') || eq!.startsWith('dv/dt=')) {
    // "v+=f" and "dv/dt=f": v_clamp = f
    eqV = `${left}=0`;
    eqClamp = `v_clamp=${right}${flags}`;
  } else {
    // "a*dv/dt + b = f": dv/dt = (f - b) / a, which needs a free of dv/dt
    let lhs: MathNode;
    try {
      lhs = mathjsModule().parse(left.replaceAll('dv/dt', 'delta_v'));
    } catch (e) {
      throw new Error(`${WHO}: cannot parse the left side "${left}" of the v equation: ${(e as Error).message}`);
    }
    const a = mathjsModule().derivative(lhs, 'delta_v');
    const b = mathjsModule().simplify(substitute(lhs, 'delta_v', mathjsModule().parse('0')));
    const aUses = a.filter((n) => isSymbol(n, 'delta_v')).length > 0;
    if (aUses || a.toString() === '0') throw new Error(`${WHO}: Could not solve equation of neuronmodel for dv/dt! ("${eq}" is not linear in dv/dt)`);
    eqV = 'dv/dt=0';
    eqClamp = `v_clamp=((${right})-(${b.toString()}))/(${a.toString()})${flags}`;
  }
  const out = [...lines];
  out.splice(idx, 1, eqClamp, eqV);
  return new Neuron({
    parameters: neuron.parameters,
    equations: out.join('\n'),
    spike: neuron.spike,
    reset: neuron.reset,
    refractory: neuron.refractory,
    functions: neuron.functions,
    axonSpike: neuron.axonSpike,
    axonReset: neuron.axonReset,
    description: neuron.description,
  });
}

/** One clamp equation as VClampParamSearch solves it. */
export interface Line {
  /** The variable this equation determines. */
  unknown: string;
  /** Updated at once when v jumps (v_clamp and plain assignments), or through its ODE (derivatives). */
  instant: boolean;
  /** The equation's left minus right side for the values in `scope` (zero when it holds). */
  residual: (scope: Float64Array) => number;
}

const MATH_FUNCTIONS = new Set(['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh', 'atan', 'asin', 'acos', 'floor', 'ceil', 'min', 'max', 'pow', 'log10', 'log2', 'sign']);
const OPERATORS: Record<string, string> = { add: '+', subtract: '-', multiply: '*', divide: '/' };

/** JavaScript source of a parsed expression reading symbol k from `s[index(k)]` (undefined if it has other nodes). */
function toJs(node: MathNode, index: (name: string) => number): string | undefined {
  const n = node as unknown as { type: string; fn?: string | { name: string }; args?: MathNode[]; content?: MathNode; value?: unknown; name?: string };
  switch (n.type) {
    case 'ConstantNode':
      return typeof n.value === 'number' ? `(${n.value})` : undefined;
    case 'SymbolNode':
      return `s[${index(n.name!)}]`;
    case 'ParenthesisNode':
      return n.content ? wrap(toJs(n.content, index)) : undefined;
    case 'OperatorNode': {
      const args = n.args!.map((a) => toJs(a, index));
      if (args.some((a) => a === undefined)) return undefined;
      const fn = n.fn as string;
      if (args.length === 1 && fn === 'unaryMinus') return `(-${args[0]})`;
      if (args.length === 1 && fn === 'unaryPlus') return args[0];
      if (args.length === 2 && fn === 'pow') return `Math.pow(${args[0]}, ${args[1]})`;
      if (args.length === 2 && OPERATORS[fn]) return `(${args[0]} ${OPERATORS[fn]} ${args[1]})`;
      return undefined;
    }
    case 'FunctionNode': {
      const name = (n.fn as { name: string }).name;
      const args = n.args!.map((a) => toJs(a, index));
      if (!MATH_FUNCTIONS.has(name) || args.some((a) => a === undefined)) return undefined;
      return `Math.${name}(${args.join(', ')})`;
    }
    default:
      return undefined;
  }
}
const wrap = (s: string | undefined) => (s === undefined ? undefined : `(${s})`);

/** A fast evaluator of `node` on a scope vector (generated JavaScript), or mathjs' own for expressions it cannot translate. */
function evaluator(node: MathNode, names: readonly string[]): (scope: Float64Array) => number {
  const js = toJs(node, (k) => names.indexOf(k));
  if (js !== undefined) return new Function('s', `return ${js};`) as (scope: Float64Array) => number;
  const compiled: EvalFunction = node.compile();
  return (scope) => compiled.evaluate(Object.fromEntries(names.map((k, i) => [k, scope[i]!]))) as number;
}

/** Names of the symbols an expression reads (functions excluded). */
function symbolsOf(node: MathNode): string[] {
  const names = new Set<string>();
  node.traverse((n, path) => {
    const s = n as { isSymbolNode?: boolean; name?: string };
    if (s.isSymbolNode && path !== 'fn') names.add(s.name!);
  });
  return [...names];
}

/** Solves small linear systems A x = b (Gaussian elimination, partial pivoting); null when singular. */
function solveLinear(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    if (M[p]![c] === 0 || !Number.isFinite(M[p]![c]!)) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k] = M[r]![k]! - f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

/**
 * `v_clamp_inst` and `v_clamp_hold` of a set of equations (CompNeuroPy
 * `_create_v_clamp_functions`): `dv/dt` becomes the unknown `v_clamp`, other derivatives are 0
 * (steady state), plain assignments stay. Holding v: all equations at that v. Just after a step
 * from v_0 to v_step: the derivative variables keep their steady state at v_0, the rest see v_step.
 *
 * @example
 * ```ts
 * const f = new VClampFunctions('C*dv/dt = k*(v - v_r)*(v - v_t) - u\ndu/dt = a*(b*(v - v_r) - u)');
 * f.hold({ C: 100, k: 0.7, v_r: -60, v_t: -40, a: 0.03, b: -2 }, -50);   // k(v-v_r)(v-v_t)/C - b(v-v_r)/C
 * ```
 */
export class VClampFunctions {
  readonly lines: Line[];
  /** The scope vector's names: parameters, v, v_0, v_step, then the unknowns. */
  readonly names: string[];
  private readonly clampIndex: number;
  /** The parameters the equations read (everything but the unknowns, v, v_0 and v_step). */
  readonly parameters: string[];

  constructor(readonly equations: string) {
    const raw = equations.split('\n').map((l) => l.replace(/\s/g, '')).filter((l) => l.length > 0);
    if (raw.length === 0) throw new Error(`${WHO}: equations are empty`);
    const names = new Set<string>();
    const parsed = raw.map((line) => {
      if (line.includes(':')) throw new Error(`${WHO}: equation "${line}" has flags; the equations to fit take plain "lhs = rhs" lines`);
      const eq = line.indexOf('=');
      if (eq < 0) throw new Error(`${WHO}: equation "${line}" has no "="`);
      let left = line.slice(0, eq);
      const right = line.slice(eq + 1);
      let unknown: string;
      let instant: boolean;
      const d = /d(\w+)\/dt/.exec(line);
      if (line.includes('dv/dt')) {
        unknown = 'v_clamp';
        left = left.replaceAll('dv/dt', 'v_clamp');
        instant = true;
      } else if (d) {
        unknown = d[1]!;
        left = left.replace(d[0], '0');
        instant = false;
      } else {
        unknown = left;
        instant = true;
      }
      let node: MathNode;
      try {
        node = mathjsModule().parse(`(${right}) - (${left})`);
      } catch (e) {
        throw new Error(`${WHO}: cannot parse equation "${line}": ${(e as Error).message}`);
      }
      symbolsOf(node).forEach((s) => names.add(s));
      return { unknown, instant, node };
    });
    if (!parsed.some((l) => l.unknown === 'v_clamp')) throw new Error(`${WHO}: the equations have no dv/dt line`);
    const unknowns = new Set(parsed.map((l) => l.unknown));
    this.parameters = [...names].filter((s) => !unknowns.has(s) && s !== 'v' && s !== 'v_0' && s !== 'v_step').sort();
    // one scope vector: parameters, v, unknowns
    this.names = [...this.parameters, 'v', 'v_0', 'v_step', ...unknowns];
    this.lines = parsed.map(({ unknown, instant, node }) => ({ unknown, instant, residual: evaluator(node, this.names) }));
    this.clampIndex = this.names.indexOf('v_clamp');
  }

  /** A scope vector with the parameters set (missing ones are NaN). */
  private scope(params: Record<string, number>, v: number): Float64Array {
    const s = new Float64Array(this.names.length).fill(NaN);
    this.names.forEach((k, i) => {
      if (k in params) s[i] = params[k]!;
    });
    s[this.names.indexOf('v')] = v;
    return s;
  }

  /** Newton's method on the lines `which` for their unknowns; the other unknowns stay as in `s`. */
  private solve(which: Line[], s: Float64Array, what: string): void {
    const idx = which.map((l) => this.names.indexOf(l.unknown));
    const k = which.length;
    const x = new Array<number>(k).fill(0);
    const F = (xs: number[]) => {
      for (let i = 0; i < k; i++) s[idx[i]!] = xs[i]!;
      return which.map((l) => l.residual(s));
    };
    for (let it = 0; it < 50; it++) {
      const f0 = F(x);
      if (f0.some((v) => Number.isNaN(v))) break;
      const J = which.map(() => new Array<number>(k).fill(0));
      for (let j = 0; j < k; j++) {
        const h = 1e-6 * Math.max(1, Math.abs(x[j]!));
        const xp = [...x];
        xp[j] = xp[j]! + h;
        const fp = F(xp);
        for (let i = 0; i < k; i++) J[i]![j] = (fp[i]! - f0[i]!) / h;
      }
      const dx = solveLinear(J, f0.map((v) => -v));
      if (!dx) break;
      let done = true;
      for (let j = 0; j < k; j++) {
        x[j] = x[j]! + dx[j]!;
        if (Math.abs(dx[j]!) > 1e-13 * (1 + Math.abs(x[j]!))) done = false;
      }
      if (done) {
        F(x);
        return;
      }
    }
    const at = Object.fromEntries(this.names.map((n, i) => [n, s[i]]).filter(([, v]) => !Number.isNaN(v)));
    throw new Error(`${WHO}: Could not solve equations for ${what}! (at ${JSON.stringify(at)})`);
  }

  /** The steady state while holding v at `v`: a scope vector with every unknown solved (v_clamp included). */
  steady(params: Record<string, number>, v: number, what = 'holding v_step'): Float64Array {
    const s = this.scope(params, v);
    this.solve(this.lines, s, what);
    return s;
  }

  /** v_clamp while holding v at `v` (all unknowns at steady state). */
  hold(params: Record<string, number>, v: number): number {
    return this.steady(params, v)[this.clampIndex]!;
  }

  /** v_clamp right after a step to `vStep` from `steadyAtV0` (a {@link steady} state at v_0). */
  instFrom(steadyAtV0: Float64Array, vStep: number): number {
    const s = Float64Array.from(steadyAtV0);
    s[this.names.indexOf('v')] = vStep;
    this.solve(
      this.lines.filter((l) => l.instant),
      s,
      'step from v_0 to v_step',
    );
    return s[this.clampIndex]!;
  }

  /** v_clamp right after the step from a steady state at v_0 to v_step. */
  inst(params: Record<string, number>, v0: number, vStep: number): number {
    return this.instFrom(this.steady(params, v0, 'holding v_0'), vStep);
  }
}
