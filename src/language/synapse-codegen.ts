import type { MathNode } from './math.js';
import { assignmentCode, clampCode } from './assignment-code.js';
import { ModelError, where, type LocatedStatement } from './model-error.js';
import { toJs, type FunctionResolver } from './js-printer.js';
import { KERNEL_PRELUDE } from './builtin-functions.js';
import { CONSTANTS } from './constant.js';
import { emitOdeBlock, METHOD_PRELUDE, type MethodContext } from './numerical-methods.js';
import { blocksOf, emitFunctions } from './population-codegen.js';
import { globalOpKey, parseGlobalOp } from './expression.js';
import type { SynapseEventStatement, SynapseIR } from './analyse-synapse.js';
import type { EquationInfo, Locality, NumericalMethod, VariableInfo } from './description.js';
import { creatingBody, pruningBody, type StructuralKernelFactory } from './structural-codegen.js';
import { cachedFromAnalysis } from './analysis-cache.js';
import { freshFactory } from './fresh-function.js';

/**
 * The structure-of-arrays state of a projection that generated synapse kernels work on.
 * Synapses are stored dendrite by dendrite (post neuron by post neuron): the synapses of
 * dendrite `i` are `rowPtr[i] .. rowPtr[i+1]-1`, in the dendrite's pre-rank order.
 *
 * @example
 * ```ts
 * // S.local.w[S.rowPtr[i] + j] is the weight of synapse j of dendrite i
 * ```
 */
export interface ProjectionKernelState {
  nDendrites: number;
  /** Post rank of each dendrite. */
  postRank: Int32Array;
  rowPtr: Int32Array;
  /** Pre rank of each synapse. */
  preRank: Int32Array;
  /** Dendrite index of each post rank, -1 if the neuron receives no synapse. */
  dendriteOfPost: Int32Array;
  /** Per-synapse attributes. */
  local: Record<string, Float64Array>;
  /** Per-dendrite (`postsynaptic`) attributes. */
  semiglobal: Record<string, Float64Array>;
  /** Projection-wide attributes. */
  global: Record<string, number>;
  /** Step of the last pre/post event of each synapse (event-driven ODEs), -10000 initially. */
  lastEvent: Float64Array;
  /** Live state of the pre- and post-synaptic populations. */
  pre: { local: Record<string, Float64Array>; global: Record<string, number>; lastSpike: Float64Array };
  post: { local: Record<string, Float64Array>; global: Record<string, number>; lastSpike: Float64Array; spiked: Int32Array; nSpiked: number };
  /**
   * Presynaptic values read by rate transmission and by per-synapse equations (live arrays or
   * delayed copies; the projection sets them before each call).
   */
  preValues: Record<string, Float64Array>;
  /**
   * Population-wide presynaptic values read by rate transmission (`pre.x` of a `population`
   * variable in psp): live or delayed like {@link ProjectionKernelState.preValues}.
   */
  preGlobalValues?: Record<string, number>;
  /** Synapses receiving a presynaptic spike this step, in delivery order (synapse and dendrite index). */
  eventSynapse: Int32Array;
  eventDendrite: Int32Array;
  nEvents: number;
  /** This step's random draws of the synapse equations: `__rand_k` per synapse or projection-wide. */
  rand: Record<string, Float64Array | number>;
  /** `_plasticity`: statements assigning `w` in pre/post events run only when true. */
  plasticity: boolean;
  /** Steps between continuous updates (`enable_learning(period)`): their ODE step is `dt * updatePeriod`. */
  updatePeriod: number;
}

/**
 * A bound projection kernel: one call per step (the step `dt` comes from the state, see `updatePeriod`).
 *
 * @example
 * ```ts
 * const step: ProjectionKernel = factory(proj.$state!, constants);
 * step(0);
 * ```
 */
export type ProjectionKernel = (step: number) => void;
/**
 * Generated code: binds a projection's state and constants to a {@link ProjectionKernel}.
 *
 * @example
 * ```ts
 * const f: ProjectionKernelFactory | undefined = generateSynapseKernels(analyseSynapse(STDP), options).preSpike;
 * ```
 */
export type ProjectionKernelFactory = (S: ProjectionKernelState, C: ReadonlyMap<string, { value: number }>) => ProjectionKernel;

/**
 * Names and localities of a population's attributes, as seen through `pre.x` / `post.x`.
 *
 * @example
 * ```ts
 * const n: NeighbourAttributes = { local: ['v', 'r'], global: [], spiking: true };
 * ```
 */
export interface NeighbourAttributes {
  local: readonly string[];
  global: readonly string[];
  spiking: boolean;
}

/**
 * Options of {@link generateSynapseKernels}.
 *
 * @example
 * ```ts
 * const o: SynapseCodegenOptions = { targets: ['exc'], pre: { local: ['v'], global: [], spiking: true }, post: { local: ['v'], global: [], spiking: true } };
 * generateSynapseKernels(analyseSynapse(STDP), o);
 * ```
 */
export interface SynapseCodegenOptions {
  method?: NumericalMethod;
  /** Targets of the projection (`exc`, or several). */
  targets: readonly string[];
  pre: NeighbourAttributes;
  post: NeighbourAttributes;
  /** The real time step in ms (`dt` in expressions; the ODE step may be `dt*period`). */
  dt: number;
}

/**
 * Generated kernels of one projection (undefined where the synapse has nothing to do).
 *
 * @example
 * ```ts
 * const k: SynapseKernels = generateSynapseKernels(analyseSynapse(STDP), { targets: ['exc'], pre, post });
 * ```
 */
export interface SynapseKernels {
  /** Rate-coded transmission into `_sum_<target>` (step 2). */
  psp: ProjectionKernelFactory | undefined;
  /**
   * The psp for per-synapse delays: `S.preValues.x[k]` holds the delayed pre value of synapse k
   * (the projection gathers them each step).
   */
  pspPerSynapse?: ProjectionKernelFactory | undefined;
  /** Spike delivery over `S.eventSynapse` (step 2). */
  preSpike: ProjectionKernelFactory | undefined;
  /** Axonal-spike delivery (a `pre_axon_spike` other than `pre_spike`: its g_target statement). */
  preAxonSpike?: ProjectionKernelFactory | undefined;
  /** Continuous synaptic equations (step 8). */
  update: ProjectionKernelFactory | undefined;
  /** Post-synaptic spike events (step 9). */
  postSpike: ProjectionKernelFactory | undefined;
  /**
   * True iff `pre_spike` is exactly `g_target += w` for one target, without clamps or
   * event-driven ODEs: the projection may then deliver spikes with a plain loop instead of
   * `preSpike` (same additions in the same order, so bit-identical).
   */
  plainPreSpike: boolean;
  /** Structural plasticity: the `pruning` / `creating` conditions over the projection. */
  pruning?: StructuralKernelFactory | undefined;
  creating?: StructuralKernelFactory | undefined;
  source: Record<string, string>;
}

/** Whether `pre_spike` is the default `g_target += w` (one target, no clamp, no event-driven decay). */
function isPlainPreSpike(ir: SynapseIR, targets: readonly string[]): boolean {
  if (ir.type !== 'spike' || targets.length !== 1 || ir.eventDriven.length > 0 || ir.preSpike.length !== 1) return false;
  const st = ir.preSpike[0]!;
  const rhs = st.rhs as { type: string; name?: string };
  return st.target === 'g_target' && st.op === '+=' && st.bounds.length === 0 && !st.unlessPost
    && rhs.type === 'SymbolNode' && rhs.name === 'w' && [...ir.parameters, ...ir.variables].some((a) => a.name === 'w' && a.locality === 'local');
}

type Scope = 'global' | 'semiglobal' | 'local';
const safe = (name: string) => `$${name}`;
const RANK: Record<Scope, number> = { global: 0, semiglobal: 1, local: 2 };

/**
 * Generate the kernels of a synapse model over {@link ProjectionKernelState}
 * (annarchy-semantics §1.8, §2.1): psp sums (sum/max/min/mean), pre-spike delivery with
 * event-driven decays (the `t-1` quirk), post-spike events, and continuous equations with
 * ANNarchy's block rules (globals, then per dendrite the semiglobals, then per synapse).
 *
 * @example
 * ```ts
 * const k = generateSynapseKernels(new Synapse({ psp: 'w * pre.r' }).analyse(),
 *   { targets: ['exc'], pre, post, dt: 1 });
 * ```
 */
export function generateSynapseKernels(ir: SynapseIR, opts: SynapseCodegenOptions): SynapseKernels {
  return assembleSynapseKernels(cachedFromAnalysis(ir, 'synapse kernels', opts, () => synapseKernelParts(ir, opts)));
}

/**
 * The generated sources of a projection's kernels, as plain data: what
 * {@link assembleSynapseKernels} compiles (the analysis cache keeps them).
 *
 * @example
 * ```ts
 * const parts: SynapseKernelParts = synapseKernelParts(analyseSynapse(STDP), { targets: ['exc'], pre, post, dt: 0.1 });
 * ```
 */
export interface SynapseKernelParts {
  source: Record<string, string>;
  /** Source of {@link SynapseKernels.pspPerSynapse}. */
  pspPerSynapse: string | undefined;
  plainPreSpike: boolean;
}

/**
 * Compiles {@link SynapseKernelParts} (no symbolic algebra needed).
 *
 * @example
 * ```ts
 * const k = assembleSynapseKernels(synapseKernelParts(ir, opts));
 * ```
 */
export function assembleSynapseKernels(parts: SynapseKernelParts): SynapseKernels {
  const { source } = parts;
  // each projection compiles its own kernels (fresh-function.ts)
  const kernel = (src: string | undefined, what: string) => (src === undefined ? undefined : freshFactory<ProjectionKernelFactory>(['S', 'C'], src, `synapse/${what}`));
  const structural: { pruning?: StructuralKernelFactory; creating?: StructuralKernelFactory } = {};
  for (const section of ['pruning', 'creating'] as const) {
    if (source[section] !== undefined) structural[section] = freshFactory<StructuralKernelFactory>(['S', 'C', 'E'], source[section], `synapse/${section}`);
  }
  return {
    psp: kernel(source.psp, 'psp'), pspPerSynapse: kernel(parts.pspPerSynapse, 'psp'), preSpike: kernel(source.preSpike, 'pre_spike'), preAxonSpike: kernel(source.preAxonSpike, 'pre_axon_spike'),
    update: kernel(source.update, 'update'), postSpike: kernel(source.postSpike, 'post_spike'), plainPreSpike: parts.plainPreSpike, ...structural, source,
  };
}

/**
 * The plain parts of {@link generateSynapseKernels}: symbolic work and printing, each source
 * compiled once to report a generation bug as a ModelError.
 *
 * @example
 * ```ts
 * const k = assembleSynapseKernels(synapseKernelParts(ir, opts));
 * ```
 */
export function synapseKernelParts(ir: SynapseIR, opts: SynapseCodegenOptions): SynapseKernelParts {
  const model = ir.name;
  const attrs = new Map<string, { locality: Locality; type: string; variable?: VariableInfo }>();
  for (const p of ir.parameters) attrs.set(p.name, { locality: p.locality, type: p.type });
  for (const v of ir.variables) attrs.set(v.name, { locality: v.locality, type: v.type, variable: v });
  const constantsUsed = new Set<string>();
  const preUsed = new Set<string>();
  const postUsed = new Set<string>();
  const fr: FunctionResolver = (name, args) => {
    const f = ir.functions.find((x) => x.name === name);
    if (!f) return undefined;
    if (args.length !== f.args.length) throw new ModelError(`function ${name}() takes ${f.args.length} argument(s), got ${args.length}`, { model, ...where(f), symbol: name });
    return `__fn_${name}(${args.join(', ')})`;
  };

  const neighbour = (side: 'pre' | 'post', name: string, scope: Scope, at: LocatedStatement): string => {
    const info = side === 'pre' ? opts.pre : opts.post;
    const used = side === 'pre' ? preUsed : postUsed;
    const needs: Scope = side === 'pre' ? 'local' : 'semiglobal';
    if (info.global.includes(name)) {
      used.add(name);
      return `__${side}G.${name}`;
    }
    if (!info.local.includes(name)) {
      const shown = name.startsWith('_sum_') ? `${side}.sum(${name.slice(5)})` : `${side}.${name}`;
      throw new ModelError(`"${shown}" is not an attribute of the ${side}-synaptic population (${[...info.local, ...info.global].filter((x) => !x.startsWith('_')).join(', ')})`, { model, ...where(at), symbol: shown });
    }
    if (RANK[scope] < RANK[needs]) throw new ModelError(`a ${scope} equation cannot use per-neuron "${side}.${name}"`, { model, ...where(at), symbol: `${side}.${name}` });
    used.add(name);
    return side === 'pre' ? `__pre_${name}[${preIndex}]` : `__post_${name}[__rkpost]`;
  };
  // per-synapse delays (rate-coded): the psp reads pre values gathered per synapse, indexed by k
  let preIndex = '__rkpre';

  const randomByName = new Map(ir.randoms.map((r) => [r.name, r]));
  const resolverFor = (scope: Scope, at: LocatedStatement) => (s: string): string | undefined => {
    const a = attrs.get(s);
    if (a) {
      if (RANK[scope] < RANK[a.locality]) throw new ModelError(`a ${scope} equation uses the ${a.locality} attribute "${s}"`, { model, ...where(at), symbol: s });
      return a.locality === 'global' ? safe(s) : a.locality === 'semiglobal' ? `${safe(s)}[i]` : `${safe(s)}[k]`;
    }
    if (s === 't') return '__tms';
    if (s === 'dt') return '__dt';
    // this step's random draws: per synapse (array) or projection-wide (number read per step)
    const rnd = randomByName.get(s);
    if (rnd) return rnd.locality === 'local' ? `${s}[k]` : s;
    // mean(pre.r): computed over the whole population after the neuron updates, never delayed
    const g = parseGlobalOp(s);
    if (g?.side) return `__${g.side}Gops.${globalOpKey(g.op, g.variable)}`;
    let m = /^pre___(sum_\w+)$/.exec(s);
    if (m) return neighbour('pre', `_${m[1]}`, scope, at);
    m = /^post___(sum_\w+)$/.exec(s);
    if (m) return neighbour('post', `_${m[1]}`, scope, at);
    m = /^pre__(\w+)$/.exec(s);
    if (m) return neighbour('pre', m[1]!, scope, at);
    m = /^post__(\w+)$/.exec(s);
    if (m) return neighbour('post', m[1]!, scope, at);
    if (s === 't_pre') {
      if (RANK[scope] < 2) throw new ModelError('"t_pre" is per synapse', { model, ...where(at), symbol: s });
      return '(__preLast[__rkpre] * __dt)';
    }
    if (s === 't_post') {
      if (RANK[scope] < 1) throw new ModelError('"t_post" is per post neuron', { model, ...where(at), symbol: s });
      return '(__postLast[__rkpost] * __dt)';
    }
    if (CONSTANTS.has(s)) {
      constantsUsed.add(s);
      return `__C_${s}`;
    }
    return undefined;
  };
  // `at`: the IR object the expression belongs to, so that errors name its section and line
  const print = (scope: Scope) => (node: MathNode, subst: Record<string, string> | undefined, at: LocatedStatement): string => {
    const base = resolverFor(scope, at);
    const res = subst ? (s: string) => (Object.hasOwn(subst, s) ? subst[s] : base(s)) : base;
    return toJs(node, res, { model, ...where(at) }, fr);
  };
  const ref = (name: string): string => {
    const a = attrs.get(name)!;
    return a.locality === 'global' ? safe(name) : a.locality === 'semiglobal' ? `${safe(name)}[i]` : `${safe(name)}[k]`;
  };
  const clampFor = (scope: Scope) => (name: string): string => {
    const v = attrs.get(name)?.variable;
    if (!v || v.bounds.length === 0) return '';
    return clampCode(ref(name), v.bounds.map((b) => ({ kind: b.kind, code: print(scope)(b.expr, undefined, v) })));
  };

  const assignCode = (eq: EquationInfo, scope: Scope): string => {
    const a = attrs.get(eq.target)!;
    return assignmentCode(ref(eq.target), a.type, eq.op, print(scope)(eq.rhs, undefined, eq)) + clampFor(scope)(eq.target);
  };
  // ANNarchy wraps the update of w in `if (_plasticity)` (generate_equation_code(wrap_w=...)):
  // disable_learning() of a spiking projection freezes w while its other equations run
  const wRef = ref('w');
  const wrapW = (line: string) => (line.startsWith(`${wRef} `) ? `if (S.plasticity) { ${line} }` : line);
  const emitBlocks = (eqs: EquationInfo[], scope: Scope): string[] => {
    const lines: string[] = [];
    for (const b of blocksOf(eqs)) {
      if (b.kind === 'assign') lines.push(...b.eqs.map((eq) => wrapW(assignCode(eq, scope))));
      else {
        const ctx: MethodContext = { model, print: print(scope), ref, switchFactor: () => '', clamp: clampFor(scope), defaultMethod: opts.method ?? 'explicit' };
        const { compute, update } = emitOdeBlock(b.eqs, ctx);
        lines.push('{', ...compute, ...update.map(wrapW), '}');
      }
    }
    return lines;
  };

  // --- event-driven decays: x *= exp(dt*(last - now)/tau) or x = s + (x - s)*exp(...) ---
  const eventDriven = (now: string): string[] => {
    const lines = ir.eventDriven.map((ed) => {
      const r = ref(ed.target);
      const tau = print('local')(ed.tau, undefined, ed);
      const factor = `Math.exp(__dt * (__lastEvent[k] - (${now})) / (${tau}))`;
      if (ed.steady === undefined) return `${r} *= ${factor};`;
      const s = print('local')(ed.steady, undefined, ed);
      return `${r} = ${s} + (${r} - ${s}) * ${factor};`;
    });
    if (lines.length > 0) lines.push('__lastEvent[k] = __t;');
    return lines;
  };
  const eventStatement = (st: SynapseEventStatement, targetLines: string[]): string => {
    const cond: string[] = [];
    if (st.target === 'w') cond.push('S.plasticity');
    if (st.unlessPost) cond.push('__preLast[__rkpre] !== __postLast[__rkpost]');
    const a = attrs.get(st.target)!;
    let code = assignmentCode(ref(st.target), a.type, st.op, print('local')(st.rhs, undefined, st));
    code += clampCode(ref(st.target), st.bounds.map((b) => ({ kind: b.kind, code: print('local')(b.expr, undefined, st) })));
    code += clampFor('local')(st.target);
    void targetLines;
    return cond.length > 0 ? `if (${cond.join(' && ')}) { ${code} }` : code;
  };
  const gTargetCode = (st: SynapseEventStatement): string[] => {
    const rhs = print('local')(st.rhs, undefined, st);
    const out: string[] = [];
    for (const target of opts.targets) {
      const g = `__g_${target}[__rkpost]`;
      let code = `${g} = ${st.op === '=' ? rhs : `(${g} ${st.op[0]} ${rhs})`};`;
      code += clampCode(g, st.bounds.map((b) => ({ kind: b.kind, code: print('local')(b.expr, undefined, st) })));
      out.push(code);
    }
    return out;
  };

  const globals = [...attrs].filter(([, a]) => a.locality === 'global').map(([n]) => n);
  const header = (): string[] => {
    const lines = [KERNEL_PRELUDE, METHOD_PRELUDE,
      'const __postRank = S.postRank, __rowPtr = S.rowPtr, __preRank = S.preRank, __lastEvent = S.lastEvent, __dendOf = S.dendriteOfPost;',
      'const __preLast = S.pre.lastSpike, __postLast = S.post.lastSpike;',
      `const __dt = ${opts.dt};`];
    for (const r of ir.randoms) if (r.locality === 'local') lines.push(`const ${r.name} = S.rand.${r.name};`);
    for (const [name, a] of attrs) {
      if (a.locality === 'local') lines.push(`const ${safe(name)} = S.local.${name};`);
      else if (a.locality === 'semiglobal') lines.push(`const ${safe(name)} = S.semiglobal.${name};`);
    }
    return lines;
  };
  const stepHeader = (preSource: string, what: string): string[] => {
    const lines: string[] = [];
    for (const g of globals) lines.push(`let ${safe(g)} = S.global.${g};`);
    for (const r of ir.randoms) if (r.locality === 'global') lines.push(`const ${r.name} = S.rand.${r.name};`);
    for (const c of constantsUsed) lines.push(`const __C_${c} = C.get('${c}').value;`);
    // psp reads population-wide pre values through the delayed copies, as pre.r (ANNarchy's _delayed_x)
    lines.push(`const __preG = ${what === 'psp' ? 'S.preGlobalValues' : 'S.pre.global'}, __postG = S.post.global;`);
    if (ir.preGlobalOps?.length) lines.push('const __preGops = S.pre.global;');
    if (ir.postGlobalOps?.length) lines.push('const __postGops = S.post.global;');
    for (const p of preUsed) if (opts.pre.local.includes(p)) lines.push(`const __pre_${p} = ${preSource}.${p};`);
    for (const p of postUsed) if (opts.post.local.includes(p)) lines.push(`const __post_${p} = S.post.local.${p};`);
    for (const t of opts.targets) lines.push(opts.post.spiking ? `const __g_${t} = S.post.local.g_${t};` : `const __sum_${t} = S.post.local._sum_${t};`);
    lines.push('const __tms = __t * __dt;');
    return lines;
  };
  const writeBack = (names: Iterable<string>) => [...names].map((g) => `S.global.${g} = ${safe(g)};`);
  const functionsCode = () => emitFunctions(ir.functions, model).map((f) => f.replace(/__C_(\w+)/g, "C.get('$1').value"));
  const compile = (body: string[], preSource: string, what: string): { factory: ProjectionKernelFactory; src: string } => {
    // the step is read from the state, not passed: a double argument is boxed on every call
    const dtLine = what === 'update' ? 'const dt = __dt * S.updatePeriod;' : 'const dt = __dt;';
    const src = [...header(), ...functionsCode(), 'return function kernel(__t) {', `  ${dtLine}`, ...stepHeader(preSource, what).map((l) => `  ${l}`), ...body.map((l) => `  ${l}`), '};'].join('\n');
    try {
      return { factory: freshFactory<ProjectionKernelFactory>(['S', 'C'], src, `${model}/${what}`), src };
    } catch (e) {
      throw new ModelError(`generated ${what} code does not compile (${(e as Error).message}); this is a bug in compneuro-rx:\n${src}`, { model });
    }
  };
  const source: Record<string, string> = {};
  const targetsAssigned = (sts: SynapseEventStatement[]) => new Set(sts.filter((s) => s.target !== 'g_target' && attrs.get(s.target)?.locality === 'global').map((s) => s.target));

  // --- psp (rate) ---
  let pspPerSynapseSource: string | undefined;
  const pspBody = (): string[] => {
    if (ir.type === 'rate' && opts.post.spiking) throw new ModelError('a rate-coded synapse cannot project onto a spiking population', { model });
    const e = print('local')(ir.psp!.expr, undefined, ir.psp!);
    // a spiking synapse's psp goes into the conductance g_target (ANNarchy replaces _sum_target by g_target)
    const add = (v: string) => opts.targets.map((t) => (opts.post.spiking ? `__g_${t}[__rkpost] += ${v};` : `__sum_${t}[__rkpost] += ${v};`)).join(' ');
    const body = ['for (let i = 0; i < S.nDendrites; i++) {', '  const __rkpost = __postRank[i], __k0 = __rowPtr[i], __k1 = __rowPtr[i + 1];'];
    if (ir.operation === 'sum' || ir.operation === 'mean') {
      body.push('  let __s = 0.0;', '  for (let k = __k0; k < __k1; k++) {', '    const __rkpre = __preRank[k];', `    __s += ${e};`, '  }');
      body.push(ir.operation === 'sum' ? `  ${add('__s')}` : `  ${add('__s / (__k1 - __k0)')}`);
    } else {
      const cmp = ir.operation === 'max' ? '>' : '<';
      body.push('  let __s;', '  { const k = __k0; const __rkpre = __preRank[k]; __s = ' + e + '; }',
        '  for (let k = __k0 + 1; k < __k1; k++) {', '    const __rkpre = __preRank[k];', `    const __v = ${e};`, `    if (__v ${cmp} __s) __s = __v;`, '  }', `  ${add('__s')}`);
    }
    body.push('}');
    return body;
  };
  if (ir.psp) {
    const c = compile(pspBody(), 'S.preValues', 'psp');
    source.psp = c.src;
    if (ir.type === 'rate') {
      preIndex = 'k';
      pspPerSynapseSource = compile(pspBody(), 'S.preValues', 'psp').src;
      preIndex = '__rkpre';
    }
  }

  // --- pre-spike delivery ---
  if (ir.type === 'spike') {
    const gLines: string[] = [];
    const others: string[] = [];
    for (const st of ir.preSpike) {
      if (st.target === 'g_target') gLines.push(...gTargetCode(st));
      else others.push(eventStatement(st, []));
    }
    const body = [
      'const __evS = S.eventSynapse, __evD = S.eventDendrite, __n = S.nEvents;',
      'for (let e = 0; e < __n; e++) {',
      '  const k = __evS[e], i = __evD[e];',
      '  const __rkpre = __preRank[k], __rkpost = __postRank[i];',
      // ANNarchy decays up to step t-1 but stores t as the last event (annarchy-semantics §1.8)
      ...eventDriven('__t - 1').map((l) => `  ${l}`),
      ...gLines.map((l) => `  ${l}`),
      ...others.map((l) => `  ${l}`),
      '}',
      ...writeBack(targetsAssigned(ir.preSpike)),
    ];
    const c = compile(body, 'S.pre.local', 'pre_spike');
    source.preSpike = c.src;
  }

  // --- axonal spikes with their own statement (4.7.3: g_target only, no event-driven decay) ---
  if (ir.type === 'spike' && ir.preAxonSpike.length > 0 && !ir.axonSameAsPreSpike) {
    const body = [
      'const __evS = S.eventSynapse, __evD = S.eventDendrite, __n = S.nEvents;',
      'for (let e = 0; e < __n; e++) {',
      '  const k = __evS[e], i = __evD[e];',
      '  const __rkpre = __preRank[k], __rkpost = __postRank[i];',
      ...ir.preAxonSpike.flatMap((st) => gTargetCode(st)).map((l) => `  ${l}`),
      '}',
    ];
    const c = compile(body, 'S.pre.local', 'pre_axon_spike');
    source.preAxonSpike = c.src;
  }

  // --- post-spike events ---
  if (ir.type === 'spike' && ir.postSpike.length > 0) {
    const gPost = ir.postSpike.find((s) => s.target === 'g_target');
    if (gPost) throw new ModelError('g_target can only be modified in pre_spike', { model, ...where(gPost), symbol: 'g_target' });
    const body = [
      'const __sp = S.post.spiked, __ns = S.post.nSpiked;',
      'for (let e = 0; e < __ns; e++) {',
      '  const __rkpost = __sp[e], i = __dendOf[__rkpost];',
      '  if (i < 0) continue;',
      '  for (let k = __rowPtr[i]; k < __rowPtr[i + 1]; k++) {',
      '    const __rkpre = __preRank[k];',
      ...eventDriven('__t').map((l) => `    ${l}`),
      ...ir.postSpike.map((st) => `    ${eventStatement(st, [])}`),
      '  }',
      '}',
      ...writeBack(targetsAssigned(ir.postSpike)),
    ];
    const c = compile(body, 'S.pre.local', 'post_spike');
    source.postSpike = c.src;
  }

  // --- continuous equations ---
  if (ir.equations.length > 0) {
    const g = ir.equations.filter((e) => e.locality === 'global');
    const sg = ir.equations.filter((e) => e.locality === 'semiglobal');
    const loc = ir.equations.filter((e) => e.locality === 'local');
    const body = [
      ...emitBlocks(g, 'global'),
      ...writeBack(new Set(g.map((e) => e.target))),
    ];
    if (sg.length > 0 || loc.length > 0) {
      body.push('for (let i = 0; i < S.nDendrites; i++) {', '  const __rkpost = __postRank[i];', ...emitBlocks(sg, 'semiglobal').map((l) => `  ${l}`));
      if (loc.length > 0) {
        body.push('  for (let k = __rowPtr[i]; k < __rowPtr[i + 1]; k++) {', '    const __rkpre = __preRank[k];', ...emitBlocks(loc, 'local').map((l) => `    ${l}`), '  }');
      }
      body.push('}');
    }
    // per-synapse equations read pre.x through S.preValues: delayed copies when the projection
    // has a uniform delay (ANNarchy's _update_synapse reads _delayed_x[delay-1])
    const c = compile(body, 'S.preValues', 'update');
    source.update = c.src;
  }

  // --- structural plasticity: conditions read live pre/post values (4.7.3 pastes pop.r[rk_pre]) ---
  for (const c of [ir.pruning, ir.creating]) {
    if (!c) continue;
    const cond = print('local')(c.expr, undefined, c);
    const body = c.section === 'pruning' ? pruningBody(cond, c.proba) : creatingBody(cond, c.proba);
    const src = [...header(), ...functionsCode(), 'return function kernel(__t) {', '  const dt = __dt;', ...stepHeader('S.pre.local', c.section).map((l) => `  ${l}`), ...body.map((l) => `  ${l}`), '};'].join('\n');
    try {
      new Function('S', 'C', 'E', src); // a generation bug is reported here, as a ModelError
    } catch (e) {
      throw new ModelError(`generated ${c.section} code does not compile (${(e as Error).message}); this is a bug in compneuro-rx:\n${src}`, { model });
    }
    source[c.section] = src;
  }

  return { source, pspPerSynapse: pspPerSynapseSource, plainPreSpike: isPlainPreSpike(ir, opts.targets) };
}
