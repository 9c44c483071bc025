import { math, type MathNode } from './math.js';
import { ModelError, where, type LocatedStatement } from './model-error.js';
import { analyseEquations, analyseFunctions, analyseParameters, checkCalls, locationOf, statementContext } from './analyse.js';
import { parseExpression, parseGlobalOp, symbolsOf, userSymbol, type GlobalOpUse } from './expression.js';
import { derivativeIfLinear, isNumberValue, simplifyBounded } from './bounded-symbolic.js';
import { findAssignment, firstLineOf, splitStatements } from './statements.js';
import { withGlobalFunctions } from './global-functions.js';
import type { DescriptionIR, EquationInfo, RandomInfo } from './description.js';
import { parseStructuralCondition, type StructuralCondition } from './structural-condition.js';

/**
 * Summation of rate-coded inputs over a dendrite (ANNarchy's `operation`).
 *
 * @example
 * ```ts
 * const op: SynapseOperation = 'max';
 * new Synapse({ psp: 'w * pre.r', operation: op });
 * ```
 */
export type SynapseOperation = 'sum' | 'max' | 'min' | 'mean';

/**
 * One statement of `pre_spike` / `post_spike` (with its section and line).
 *
 * @example
 * ```ts
 * const s: SynapseEventStatement = analyseSynapse(STDP).preSpike[0]!;
 * s.target;   // 'g_target'
 * ```
 */
export interface SynapseEventStatement extends LocatedStatement {
  /** Assigned name: a synapse attribute, or `g_target` for the post-synaptic conductance. */
  target: string;
  op: '=' | '+=' | '-=' | '*=' | '/=';
  rhs: MathNode;
  /** `min=`/`max=` flags: clamps of the attribute (or of `g_target` on the post neuron). */
  bounds: { kind: 'min' | 'max'; expr: MathNode }[];
  /** `unless_post`: skipped when pre and post spiked in the same step. */
  unlessPost: boolean;
  /** `init=`: the initial value of the assigned variable if no equation or parameter declares it (ANNarchy 4.7.3). */
  init?: number;
}

/**
 * An `event-driven` ODE `tau * dx/dt + x = steady`, only evaluated at pre/post events (located at its equation).
 *
 * @example
 * ```ts
 * const ed: EventDrivenInfo[] = analyseSynapse(STDP).eventDriven;
 * ed[0]!.target;   // 'x'
 * ```
 */
export interface EventDrivenInfo extends LocatedStatement {
  target: string;
  /** Time constant (ms), the standard form's `tau`. */
  tau: MathNode;
  /** Steady state, undefined when it is 0 (then `x *= exp(...)`). */
  steady: MathNode | undefined;
}

/**
 * The analysed form of a synapse (annarchy-semantics §1.8).
 *
 * @example
 * ```ts
 * const ir: SynapseIR = analyseSynapse(STDP);
 * ir.type;   // 'spike'
 * ```
 */
export interface SynapseIR extends DescriptionIR {
  /** `spike` iff `pre_spike` is given. */
  type: 'rate' | 'spike';
  /** Rate-coded transmission (`w*pre.r` by default); undefined for spiking synapses. */
  psp: ({ expr: MathNode } & LocatedStatement) | undefined;
  operation: SynapseOperation;
  preSpike: SynapseEventStatement[];
  postSpike: SynapseEventStatement[];
  /** `pre_axon_spike`: statements run on axonal spikes of the pre-synaptic neurons (only `g_target` ones). */
  preAxonSpike: SynapseEventStatement[];
  /** `pre_axon_spike` is the `pre_spike` text: axonal spikes are delivered like spikes (4.7.3). */
  axonSameAsPreSpike: boolean;
  /** ODEs flagged `event-driven` (not part of `equations`). */
  eventDriven: EventDrivenInfo[];
  /** True iff `w` has an equation or is assigned in pre_spike/post_spike. */
  plasticity: boolean;
  /** Attributes read as `pre.x` / `post.x` (including `sum(target)` as `_sum_target`). */
  preDependencies: string[];
  postDependencies: string[];
  /** Global operations over the pre-/post-synaptic population (`mean(pre.r)`), each once. */
  preGlobalOps?: GlobalOpUse[];
  postGlobalOps?: GlobalOpUse[];
  /** Structural plasticity conditions (`pruning`, `creating`), if given. */
  pruning?: StructuralCondition;
  creating?: StructuralCondition;
}

/**
 * Input of {@link analyseSynapse} (the strings of a Synapse).
 *
 * @example
 * ```ts
 * const src: SynapseSource = STDP;   // a Synapse is its own source
 * analyseSynapse(src);
 * ```
 */
export interface SynapseSource {
  name: string;
  parameters: string;
  equations: string;
  psp: string | undefined;
  operation: SynapseOperation;
  preSpike: string | undefined;
  postSpike: string | undefined;
  preAxonSpike?: string | undefined;
  functions: string | undefined;
  pruning?: string | undefined;
  creating?: string | undefined;
  /**
   * The projection's type: ANNarchy 4.7.3 sets `synapse_type.type = pre.neuron_type.type`, so a
   * synapse without `pre_spike` between spiking populations is spiking. Default: spiking iff
   * `preSpike` is given (the Synapse's own guess).
   */
  type?: 'rate' | 'spike';
}

const IDENT = /^[A-Za-z_]\w*$/;

/** Standard form of a linear ODE `dx/dt = f`: `tau = -1/f'(x)`, `steady = -f(0)/f'(x)`. */
function standardForm(eq: EquationInfo, model: string): EventDrivenInfo {
  const x = eq.target;
  const simplify = simplifyBounded;
  const derivative = derivativeIfLinear(eq.rhs, x);
  const a = derivative && simplify(derivative);
  if (!a || symbolsOf(a).has(x)) {
    throw new ModelError(`the event-driven equation of "${x}" is not linear in ${x}; it cannot be evaluated exactly`, { model, ...where(eq), symbol: x });
  }
  const b = simplify(eq.rhs.transform((n) => ((n as { type: string }).type === 'SymbolNode' && (n as unknown as { name: string }).name === x ? new math.ConstantNode(0) : n)));
  const tau = simplify(new math.OperatorNode('/', 'divide', [new math.ConstantNode(-1), a]));
  const isZero = isNumberValue(b, 0);
  const steady = isZero ? undefined : simplify(new math.OperatorNode('/', 'divide', [new math.OperatorNode('-', 'unaryMinus', [b]), a]));
  return { target: x, tau, steady, source: eq.source, section: eq.section, line: eq.line };
}

function parseEvents(text: string | undefined, model: string, section: 'preSpike' | 'postSpike' | 'preAxonSpike'): SynapseEventStatement[] {
  const out: SynapseEventStatement[] = [];
  for (const st of splitStatements(text, { model, section })) {
    const ctx = statementContext(model, st, section);
    const a = findAssignment(st.text);
    if (!a) throw new ModelError(`a ${section} statement needs an assignment ("=", "+=", ...)`, ctx);
    const target = st.text.slice(0, a.index).trim();
    if (!IDENT.test(target)) throw new ModelError(`the left side "${target}" of a ${section} statement must be an attribute name or g_target`, { ...ctx, symbol: target });
    const rhsText = st.text.slice(a.index + a.op.length);
    if (rhsText.trim() === '') throw new ModelError('the right side is empty', { ...ctx, symbol: target });
    const rhs = parseExpression(rhsText, ctx);
    const bounds: SynapseEventStatement['bounds'] = [];
    for (const key of Object.keys(st.bounds)) {
      if (key === 'min' || key === 'max') bounds.push({ kind: key, expr: parseExpression(st.bounds[key]!, ctx) });
    }
    let init: number | undefined;
    if (st.bounds.init !== undefined) {
      // ANNarchy 4.7.3 (AnalyseSynapse.py): an event statement may declare its variable, init= included
      const text = st.bounds.init.trim();
      init = text === 'true' ? 1 : text === 'false' ? 0 : Number(text);
      if (text === '' || !Number.isFinite(init)) throw new ModelError(`init= of a ${section} statement must be a number, got "${st.bounds.init}"`, { ...ctx, symbol: 'init' });
    }
    const misplaced = st.flags.find((f) => f !== 'unless_post');
    if (misplaced) throw new ModelError(`flag "${misplaced}" has no meaning in ${section}; only unless_post, min= and max= do`, { ...ctx, symbol: misplaced });
    if (section === 'postSpike' && target === 'g_target') throw new ModelError('g_target can only be modified in preSpike', { ...ctx, symbol: target });
    out.push({ target, op: a.op, rhs, bounds, unlessPost: st.flags.includes('unless_post'), ...(init !== undefined ? { init } : {}), source: st.source, ...locationOf(ctx) });
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
  const hasPreSpike = src.preSpike !== undefined && src.preSpike.trim() !== '';
  const type = src.type ?? (hasPreSpike ? 'spike' : 'rate');
  if (type === 'rate' && hasPreSpike) {
    throw new ModelError('"preSpike" needs a spiking pre-synaptic population; this projection is rate-coded', { model, section: 'preSpike', line: firstLineOf(src.preSpike!), statement: src.preSpike!.trim(), symbol: 'preSpike' });
  }
  const parameters = analyseParameters(src.parameters, model, 'local');
  const randoms: RandomInfo[] = [];
  const functions = withGlobalFunctions(analyseFunctions(src.functions, model));
  const { equations: allEqs, variables } = analyseEquations(src.equations, { model, parameters, randoms });
  // drawn every step before the neuron updates (engine/random-draws.ts); per dendrite not yet
  const semi = randoms.find((r) => r.locality === 'semiglobal');
  if (semi) {
    throw new ModelError(`random distributions in postsynaptic (per post neuron) synapse equations are not supported yet (${semi.distribution}); use them in per-synapse or projection-wide equations`, { model, ...where(semi), symbol: semi.distribution });
  }
  for (const reserved of ['t_pre', 't_post', 't', 'dt', 'pre', 'post', 'g_target']) {
    const decl = parameters.find((p) => p.name === reserved) ?? variables.find((v) => v.name === reserved);
    if (decl) throw new ModelError(`"${reserved}" is reserved in synapses and cannot be declared`, { model, ...where(decl), symbol: reserved });
  }
  const wDecl = parameters.find((p) => p.name === 'w') ?? variables.find((v) => v.name === 'w');
  if (wDecl && wDecl.locality !== 'local') {
    throw new ModelError(`the weight "w" must be local (one value per synapse), not ${wDecl.locality === 'global' ? 'projection-wide' : 'postsynaptic'}; remove the flag`, { model, ...where(wDecl), symbol: 'w' });
  }
  for (const f of functions) {
    const decl = parameters.find((p) => p.name === f.name) ?? variables.find((v) => v.name === f.name);
    if (decl || f.name === 'w') throw new ModelError(`function "${f.name}" has the name of an attribute`, { model, ...where(f), symbol: f.name });
    checkCalls(f.body, functions, { model, ...where(f) });
  }
  for (const eq of allEqs) checkCalls(eq.residual ?? eq.rhs, functions, { model, ...where(eq) });
  for (const v of variables) for (const b of v.bounds) checkCalls(b.expr, functions, { model, ...where(v) });
  const eventDriven: EventDrivenInfo[] = [];
  const equations: EquationInfo[] = [];
  for (const eq of allEqs) {
    if (eq.method === 'event-driven') {
      if (eq.kind !== 'ode') throw new ModelError('"event-driven" is only for ODEs', { model, ...where(eq), symbol: 'event-driven' });
      if (type === 'rate') throw new ModelError('"event-driven" equations need a spiking synapse (preSpike)', { model, ...where(eq), symbol: 'event-driven' });
      eventDriven.push(standardForm(eq, model));
    } else equations.push(eq);
  }
  const preSpike = type === 'spike' ? parseEvents(src.preSpike, model, 'preSpike') : [];
  // no g_target statement (and no continuous psp): ANNarchy's generator adds `g_target += w`
  // (SingleThreadGenerator._computesum_spiking, 4.7.3)
  if (type === 'spike' && src.psp === undefined && !preSpike.some((s) => s.target === 'g_target')) {
    preSpike.unshift(...parseEvents('g_target += w', model, 'preSpike'));
  }
  const postSpike = parseEvents(src.postSpike, model, 'postSpike');
  let preAxonSpike: SynapseEventStatement[] = [];
  const axonSameAsPreSpike = src.preAxonSpike !== undefined && src.preAxonSpike === src.preSpike;
  if (src.preAxonSpike !== undefined && src.preAxonSpike.trim() !== '') {
    const at = { model, section: 'preAxonSpike' as const, line: firstLineOf(src.preAxonSpike), statement: src.preAxonSpike.trim() };
    if (type !== 'spike') throw new ModelError('"preAxonSpike" needs a spiking synapse (a spiking pre-synaptic population)', { ...at, symbol: 'preAxonSpike' });
    if (postSpike.length > 0) throw new ModelError('axonal spike events are not allowed in plastic synapses with "postSpike" (as in ANNarchy 4.7.3)', { ...at, symbol: 'preAxonSpike' });
    if (axonSameAsPreSpike) preAxonSpike = preSpike;
    else {
      // 4.7.3 generates only the g_target statement of pre_axon_spike
      preAxonSpike = parseEvents(src.preAxonSpike, model, 'preAxonSpike');
      const bad = preAxonSpike.find((st) => st.target !== 'g_target') ?? preAxonSpike[1];
      if (bad) throw new ModelError('"preAxonSpike" may only hold one g_target statement (e.g. "g_target += w"), unless it equals preSpike', { model, ...where(bad), symbol: bad.target });
      for (const st of preAxonSpike) checkCalls(st.rhs, functions, { model, ...where(st) });
    }
  }
  if (type === 'rate' && postSpike.length > 0) {
    throw new ModelError('"postSpike" needs a spiking synapse (preSpike)', { model, ...where(postSpike[0]!), symbol: 'postSpike' });
  }
  for (const s of [...preSpike, ...postSpike]) {
    checkCalls(s.rhs, functions, { model, ...where(s) });
    for (const b of s.bounds) checkCalls(b.expr, functions, { model, ...where(s) });
  }

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
        variables.push({ name: 'w', locality: p.locality, type: p.type, init: p.init, bounds: [], source: p.source, section: p.section, line: p.line });
        continue;
      }
      throw new ModelError(`"${s.target}" is a parameter and cannot be assigned in preSpike/postSpike (declare it in equations to make it a variable)`, { model, ...where(s), symbol: s.target });
    }
    if (!variables.some((v) => v.name === s.target)) {
      // ANNarchy 4.7.3 declares it: a local variable, init= of the first statement assigning it (else 0)
      variables.push({ name: s.target, locality: 'local', type: 'double', init: s.init ?? 0, bounds: [], source: s.source, section: s.section, line: s.line });
    }
  }
  const plasticity = allEqs.some((e) => e.target === 'w') || [...preSpike, ...postSpike].some((s) => s.target === 'w');

  let psp: SynapseIR['psp'];
  // spiking synapses with psp transmit continuously besides their events: every step the sum of
  // psp is added to g_target, like a rate-coded sum (ANNarchy 4.7.3 _computesum_spiking)
  if (type === 'rate' || src.psp !== undefined) {
    const text = src.psp ?? 'w * pre.r';
    const at = { model, section: 'psp' as const, line: firstLineOf(text), statement: text.replace(/\n/g, ' ').trim() };
    const expr = parseExpression(text.replace(/\n/g, ' '), at);
    checkCalls(expr, functions, at);
    psp = { expr, source: text, section: 'psp', line: at.line };
  }

  // pre./post. dependencies
  const pre = new Set<string>();
  const post = new Set<string>();
  const globalOps: Record<'pre' | 'post', GlobalOpUse[]> = { pre: [], post: [] };
  const visit = (n: MathNode, at?: LocatedStatement) => {
    for (const s of symbolsOf(n)) {
      const g = parseGlobalOp(s);
      if (g) {
        const shown = userSymbol(s);
        const loc = { model, ...(at ? where(at) : {}), symbol: shown };
        if (!g.side) throw new ModelError(`${shown}: in a synapse a global operation applies to a pre- or post-synaptic variable, e.g. ${g.op}(pre.${g.variable})`, loc);
        // ANNarchy 4.7.3 extracts them from equations and psp only (AnalyseSynapse.py)
        if (at && 'unlessPost' in at) throw new ModelError(`${shown}: global operations are read in equations and psp, not in ${at.section ?? 'spike events'}`, loc);
        const list = globalOps[g.side];
        if (!list.some((o) => o.op === g.op && o.variable === g.variable)) list.push({ op: g.op, variable: g.variable, side: g.side });
        continue;
      }
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
  for (const e of allEqs) visit(e.rhs, e);
  for (const v of variables) for (const b of v.bounds) visit(b.expr, v);
  for (const s of [...preSpike, ...postSpike, ...preAxonSpike]) {
    visit(s.rhs, s);
    for (const b of s.bounds) visit(b.expr, s);
  }
  if (psp) visit(psp.expr, psp);
  const structural: { pruning?: StructuralCondition; creating?: StructuralCondition } = {};
  for (const section of ['pruning', 'creating'] as const) {
    const text = src[section];
    if (text === undefined || text === null || text.trim() === '') continue;
    const c = parseStructuralCondition(text, section, model);
    checkCalls(c.expr, functions, { model, ...where(c) });
    if (section === 'creating') {
      // the pair has no synapse yet: per-synapse attributes do not exist
      for (const s of symbolsOf(c.expr)) {
        const a = parameters.find((p) => p.name === s) ?? variables.find((v) => v.name === s);
        if (a && a.locality === 'local') {
          throw new ModelError(`the creating condition is evaluated for pairs without a synapse and cannot read the per-synapse attribute "${s}"`, { model, ...where(c), symbol: s });
        }
      }
    }
    visit(c.expr, c);
    structural[section] = c;
  }

  return {
    ...structural,
    name: model, type, parameters, variables, equations, functions, randoms, psp, operation: src.operation,
    preSpike, postSpike, preAxonSpike, axonSameAsPreSpike, eventDriven, plasticity, preDependencies: [...pre], postDependencies: [...post],
    preGlobalOps: globalOps.pre, postGlobalOps: globalOps.post,
  };
}
