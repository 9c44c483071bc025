import { math, type MathNode } from './math.js';
import { ModelError } from './model-error.js';
import { analyseEquations, analyseFunctions, analyseParameters } from './analyse.js';
import { parseExpression, symbolsOf } from './expression.js';
import { findAssignment, splitStatements } from './statements.js';
import type { DescriptionIR, EquationInfo, RandomInfo } from './description.js';

/** Summation of rate-coded inputs over a dendrite (ANNarchy's `operation`). */
export type SynapseOperation = 'sum' | 'max' | 'min' | 'mean';

/** One statement of `pre_spike` / `post_spike`. */
export interface SynapseEventStatement {
  /** Assigned name: a synapse attribute, or `g_target` for the post-synaptic conductance. */
  target: string;
  op: '=' | '+=' | '-=' | '*=' | '/=';
  rhs: MathNode;
  /** `min=`/`max=` flags: clamps of the attribute (or of `g_target` on the post neuron). */
  bounds: { kind: 'min' | 'max'; expr: MathNode }[];
  /** `unless_post`: skipped when pre and post spiked in the same step. */
  unlessPost: boolean;
  source: string;
}

/** An `event-driven` ODE `tau * dx/dt + x = steady`, only evaluated at pre/post events. */
export interface EventDrivenInfo {
  target: string;
  /** Time constant (ms), the standard form's `tau`. */
  tau: MathNode;
  /** Steady state, undefined when it is 0 (then `x *= exp(...)`). */
  steady: MathNode | undefined;
  source: string;
}

/** The analysed form of a synapse (annarchy-semantics §1.8). */
export interface SynapseIR extends DescriptionIR {
  /** `spike` iff `pre_spike` is given. */
  type: 'rate' | 'spike';
  /** Rate-coded transmission (`w*pre.r` by default); undefined for spiking synapses. */
  psp: { expr: MathNode; source: string } | undefined;
  operation: SynapseOperation;
  preSpike: SynapseEventStatement[];
  postSpike: SynapseEventStatement[];
  /** ODEs flagged `event-driven` (not part of `equations`). */
  eventDriven: EventDrivenInfo[];
  /** True iff `w` has an equation or is assigned in pre_spike/post_spike. */
  plasticity: boolean;
  /** Attributes read as `pre.x` / `post.x` (including `sum(target)` as `_sum_target`). */
  preDependencies: string[];
  postDependencies: string[];
}

/** Input of {@link analyseSynapse} (the strings of a Synapse). */
export interface SynapseSource {
  name: string;
  parameters: string;
  equations: string;
  psp: string | undefined;
  operation: SynapseOperation;
  preSpike: string | undefined;
  postSpike: string | undefined;
  functions: string | undefined;
}

const IDENT = /^[A-Za-z_]\w*$/;

/** Standard form of a linear ODE `dx/dt = f`: `tau = -1/f'(x)`, `steady = -f(0)/f'(x)`. */
function standardForm(eq: EquationInfo, model: string): EventDrivenInfo {
  const x = eq.target;
  const simplify = (n: MathNode) => math.simplify(n, {}, { exactFractions: false });
  const a = simplify(math.derivative(eq.rhs, x));
  if (symbolsOf(a).has(x)) {
    throw new ModelError(`the event-driven equation of "${x}" is not linear in ${x}; it cannot be evaluated exactly`, { model, statement: eq.source, symbol: x });
  }
  const b = simplify(eq.rhs.transform((n) => ((n as { type: string }).type === 'SymbolNode' && (n as unknown as { name: string }).name === x ? new math.ConstantNode(0) : n)));
  const tau = simplify(new math.OperatorNode('/', 'divide', [new math.ConstantNode(-1), a]));
  const isZero = (b as { type: string }).type === 'ConstantNode' && (b as unknown as { value: unknown }).value === 0;
  const steady = isZero ? undefined : simplify(new math.OperatorNode('/', 'divide', [new math.OperatorNode('-', 'unaryMinus', [b]), a]));
  return { target: x, tau, steady, source: eq.source };
}

function parseEvents(text: string | undefined, model: string, what: string): SynapseEventStatement[] {
  const out: SynapseEventStatement[] = [];
  for (const st of splitStatements(text, { model })) {
    const a = findAssignment(st.text);
    if (!a) throw new ModelError(`a ${what} statement needs an assignment ("=", "+=", ...)`, { model, statement: st.source });
    const target = st.text.slice(0, a.index).trim();
    if (!IDENT.test(target)) throw new ModelError(`the left side "${target}" of a ${what} statement must be an attribute name or g_target`, { model, statement: st.source, symbol: target });
    const rhs = parseExpression(st.text.slice(a.index + a.op.length), { model, statement: st.source });
    const bounds: SynapseEventStatement['bounds'] = [];
    for (const key of Object.keys(st.bounds)) {
      if (key === 'min' || key === 'max') bounds.push({ kind: key, expr: parseExpression(st.bounds[key]!, { model, statement: st.source }) });
    }
    out.push({ target, op: a.op, rhs, bounds, unlessPost: st.flags.includes('unless_post'), source: st.source });
  }
  return out;
}

/**
 * Analyse a synapse description (annarchy-semantics §1.8): parameters (local by default),
 * variables, continuous and event-driven equations, psp/operation, pre/post-spike statements,
 * the plasticity flag and the pre/post attributes it reads.
 *
 * @example
 * ```ts
 * const ir = analyseSynapse({ name: 's', parameters: 'tau = 10 : projection', equations: 'tau*dw/dt = -w',
 *   psp: undefined, operation: 'sum', preSpike: undefined, postSpike: undefined, functions: undefined });
 * ir.plasticity; // true
 * ```
 */
export function analyseSynapse(src: SynapseSource): SynapseIR {
  const model = src.name;
  const type = src.preSpike !== undefined && src.preSpike.trim() !== '' ? 'spike' : 'rate';
  const parameters = analyseParameters(src.parameters, model, 'local');
  const randoms: RandomInfo[] = [];
  const functions = analyseFunctions(src.functions, model);
  const { equations: allEqs, variables } = analyseEquations(src.equations, { model, parameters, randoms });
  if (randoms.length > 0) {
    throw new ModelError(`random distributions in synapse equations are not supported yet (${randoms.map((r) => r.distribution).join(', ')})`, { model, statement: randoms[0]!.source });
  }
  for (const reserved of ['t_pre', 't_post', 't', 'dt', 'pre', 'post']) {
    if (parameters.some((p) => p.name === reserved) || variables.some((v) => v.name === reserved)) {
      throw new ModelError(`"${reserved}" is reserved in synapses and cannot be declared`, { model, symbol: reserved });
    }
  }
  const eventDriven: EventDrivenInfo[] = [];
  const equations: EquationInfo[] = [];
  for (const eq of allEqs) {
    if (eq.method === 'event-driven') {
      if (eq.kind !== 'ode') throw new ModelError('"event-driven" is only for ODEs', { model, statement: eq.source });
      if (type === 'rate') throw new ModelError('"event-driven" equations need a spiking synapse (pre_spike)', { model, statement: eq.source });
      eventDriven.push(standardForm(eq, model));
    } else equations.push(eq);
  }
  const preSpike = type === 'spike' ? parseEvents(src.preSpike, model, 'pre_spike') : [];
  const postSpike = parseEvents(src.postSpike, model, 'post_spike');
  if (type === 'rate' && postSpike.length > 0) throw new ModelError('"post_spike" needs a spiking synapse (pre_spike)', { model });

  // w always exists: a local parameter if not declared
  if (!parameters.some((p) => p.name === 'w') && !variables.some((v) => v.name === 'w')) {
    const assigned = [...preSpike, ...postSpike].some((s) => s.target === 'w');
    if (assigned) variables.push({ name: 'w', locality: 'local', type: 'double', init: 0, bounds: [], source: 'w', implicit: true });
    else parameters.push({ name: 'w', locality: 'local', type: 'double', init: 0, source: 'w' });
  }
  // event statements may assign variables (and w), never parameters
  for (const s of [...preSpike, ...postSpike]) {
    if (s.target === 'g_target') continue;
    if (parameters.some((p) => p.name === s.target)) {
      if (s.target === 'w') {
        // a declared parameter w that is assigned becomes a variable (as ANNarchy's plastic w)
        const p = parameters.splice(parameters.findIndex((x) => x.name === 'w'), 1)[0]!;
        variables.push({ name: 'w', locality: p.locality, type: p.type, init: p.init, bounds: [], source: p.source });
        continue;
      }
      throw new ModelError(`"${s.target}" is a parameter and cannot be assigned in pre_spike/post_spike`, { model, statement: s.source, symbol: s.target });
    }
    if (!variables.some((v) => v.name === s.target)) {
      throw new ModelError(`"${s.target}" is assigned in pre_spike/post_spike but is not a variable of the synapse (declare it in equations)`, { model, statement: s.source, symbol: s.target });
    }
  }
  const plasticity = allEqs.some((e) => e.target === 'w') || [...preSpike, ...postSpike].some((s) => s.target === 'w');

  let psp: SynapseIR['psp'];
  if (type === 'rate') {
    const text = src.psp ?? 'w * pre.r';
    psp = { expr: parseExpression(text, { model, statement: text }), source: text };
  } else if (src.psp !== undefined) {
    throw new ModelError('"psp" (continuous transmission) in spiking synapses is not supported yet', { model, statement: src.psp });
  }

  // pre./post. dependencies
  const pre = new Set<string>();
  const post = new Set<string>();
  const visit = (n: MathNode) => {
    for (const s of symbolsOf(n)) {
      let m = /^pre___(sum_\w+)$/.exec(s);
      if (m) { pre.add(`_${m[1]}`); continue; }
      m = /^post___(sum_\w+)$/.exec(s);
      if (m) { post.add(`_${m[1]}`); continue; }
      m = /^pre__(\w+)$/.exec(s);
      if (m) { pre.add(m[1]!); continue; }
      m = /^post__(\w+)$/.exec(s);
      if (m) post.add(m[1]!);
    }
  };
  for (const e of allEqs) visit(e.rhs);
  for (const v of variables) for (const b of v.bounds) visit(b.expr);
  for (const s of [...preSpike, ...postSpike]) {
    visit(s.rhs);
    for (const b of s.bounds) visit(b.expr);
  }
  if (psp) visit(psp.expr);

  return {
    name: model, type, parameters, variables, equations, functions, randoms, psp, operation: src.operation,
    preSpike, postSpike, eventDriven, plasticity, preDependencies: [...pre], postDependencies: [...post],
  };
}
