import type { MathNode } from './math.js';
import { assignmentCode, clampCode } from './assignment-code.js';
import { hoistFastExp } from './fast-math.js';
import { ModelError, where, type LocatedStatement } from './model-error.js';
import { toJs, type FunctionResolver } from './js-printer.js';
import { parseGlobalOp, symbolsOf } from './expression.js';
import { pairLoop } from './pair-loop.js';
import { KERNEL_PRELUDE } from './builtin-functions.js';
import { CONSTANTS } from './constant.js';
import { emitOdeBlock, METHOD_PRELUDE, type MethodContext } from './numerical-methods.js';
import type { EquationInfo, FunctionInfo, NeuronIR, NumericalMethod, VariableInfo } from './description.js';
import type { PopulationKernelFactory, PopulationKernelState } from './kernel-state.js';
import { planSimdLoop, SimdUnsupported, type SimdLoopPlan, type SimdLoopSymbols } from './wasm/simd-loop.js';
import { bindSimdLoop, type SimdLoopBinding } from './wasm/bind-simd-loop.js';
import { EXP_TABLE_LENGTH, EXP_TABLE_POW2_OFFSET } from './fast-math.js';
import { reciprocalDefinitions, reciprocalDivisions, reciprocalTimeConstants } from './fast-math-rewrite.js';
import { cachedFromAnalysis } from './analysis-cache.js';
import { freshFactory } from './fresh-function.js';

/**
 * Options of {@link generatePopulationKernels}.
 *
 * @example
 * ```ts
 * const o: PopulationCodegenOptions = { method: 'midpoint' };
 * generatePopulationKernels(analyseNeuron(LIF), o);
 * ```
 */
export interface PopulationCodegenOptions {
  /** Method for ODEs without a flag (`setup({ method })`), default `explicit`. */
  method?: NumericalMethod;
  /**
   * Per-neuron variables that code outside the kernels reads during a run (synapse equations
   * of projections): the lean kernel stores them every step.
   */
  keep?: Iterable<string>;
  /**
   * `setup({ fastMath: true })`: divisions by loop-invariant values become multiplications by
   * reciprocals computed once per step (changes the last bits; see `fast-math-rewrite.ts`).
   */
  fastMath?: boolean;
  /**
   * Two neurons per iteration of the JavaScript loop (pair-loop.ts), default true; false for a
   * population of one neuron, which then gets the single-neuron loop only (the same arithmetic).
   * Only assembles the kernels differently: not part of the analysis cache's key.
   */
  pairs?: boolean;
}

/**
 * Generated source and compiled functions for one population.
 *
 * @example
 * ```ts
 * const k: PopulationKernels = generatePopulationKernels(analyseNeuron(LIF));
 * console.log(k.source.update);
 * ```
 */
export interface PopulationKernels {
  /** Factory of `update()` of annarchy-semantics §2.2 (steps 1-4). */
  update: PopulationKernelFactory;
  /**
   * Factory of an update that does not store the {@link PopulationKernels.transient} variables:
   * the same arithmetic, for steps after which nobody reads them. Undefined if there are none.
   */
  updateLean: PopulationKernelFactory | undefined;
  /**
   * Per-neuron variables every step assigns (`=`) before anything reads them, so their stored
   * value is never an input of a later step: intermediates such as HH's `alpha_m`.
   */
  transient: string[];
  /**
   * Factory of `spike_gather()` (step 5): spike test, reset, refractory start. Undefined for
   * rate-coded neurons and when the update does it per neuron ({@link PopulationKernels.spikeFused}).
   */
  spikeGather: PopulationKernelFactory | undefined;
  /** The update kernel also tests spikes and resets, neuron by neuron (same result as two passes). */
  spikeFused: boolean;
  /**
   * The same update (and lean update) with the per-neuron loop in WebAssembly SIMD, two neurons
   * per instruction, bit-identical to the JavaScript kernels. Its factories need a state whose
   * arrays live in one `WebAssembly.Memory` ({@link PopulationKernelState.heap}) with
   * `scratchBytes` reserved. Undefined when the loop uses something the compiler does not
   * translate ({@link PopulationKernels.wasmUnsupported} says what).
   */
  wasm: { update: PopulationKernelFactory; updateLean: PopulationKernelFactory | undefined; scratchBytes: number } | undefined;
  /** Why there is no WebAssembly update, if there is none. */
  wasmUnsupported: string | undefined;
  /** The generated JavaScript, for inspection. */
  source: { update: string; updateLean?: string; spikeGather?: string; wasmUpdate?: string; wasmUpdateLean?: string };
}

const isGlobal = (loc: string) => loc === 'global';
// user names get a prefix so they cannot collide with kernel locals (i, dt, S, Math, ...)
const safe = (name: string) => `$${name}`;

/** Split equations into maximal consecutive blocks of ODEs or of assignments. */
export function blocksOf(eqs: EquationInfo[]): { kind: 'ode' | 'assign'; eqs: EquationInfo[] }[] {
  const out: { kind: 'ode' | 'assign'; eqs: EquationInfo[] }[] = [];
  for (const eq of eqs) {
    const last = out[out.length - 1];
    if (last && last.kind === eq.kind) last.eqs.push(eq);
    else out.push({ kind: eq.kind, eqs: [eq] });
  }
  return out;
}

function functionResolver(functions: FunctionInfo[]): FunctionResolver {
  return (name, args, ctx) => {
    const f = functions.find((x) => x.name === name);
    if (!f) return undefined;
    if (args.length !== f.args.length) {
      throw new ModelError(`function ${name}() takes ${f.args.length} argument(s) (${f.source}), got ${args.length}`, { ...ctx, symbol: name });
    }
    return `__fn_${name}(${args.join(', ')})`;
  };
}

/** JavaScript definitions of the user functions (they see their arguments and constants). */
export function emitFunctions(functions: FunctionInfo[], model: string): string[] {
  const out: string[] = [];
  const fr = functionResolver(functions);
  for (const f of functions) {
    const body = toJs(f.body, (s) => {
      if (f.args.includes(s)) return `__a_${s}`;
      if (CONSTANTS.has(s)) return `__C_${s}`;
      if (s === 'pi') return 'Math.PI';
      return undefined;
    }, { model, ...where(f) }, fr);
    out.push(`function __fn_${f.name}(${f.args.map((a) => `__a_${a}`).join(', ')}) { return ${body}; }`);
  }
  return out;
}

/**
 * Generate and compile the update and spike kernels of a neuron model over the
 * structure-of-arrays state of {@link PopulationKernelState}, with ANNarchy's block semantics:
 * global equations first; per neuron, local equations in declaration order, an ODE block
 * updated together from old values, assignments in order, each followed by its clamps.
 *
 * @example
 * ```ts
 * const k = generatePopulationKernels(new Neuron({ equations: 'dv/dt = -v', parameters: '' , spike: undefined }).analyse());
 * console.log(k.source.update);
 * ```
 */
export function generatePopulationKernels(ir: NeuronIR, opts: PopulationCodegenOptions = {}): PopulationKernels {
  // only membership in `keep` matters; `pairs` is applied when assembling
  const { pairs, ...analysed } = opts;
  const input = { ...analysed, keep: opts.keep === undefined ? undefined : [...new Set(opts.keep)].sort() };
  return assemblePopulationKernels(cachedFromAnalysis(ir, 'population kernels', input, () => populationKernelParts(ir, analysed)), { pairs });
}

/**
 * What the kernels of a population are made of, as plain data (strings and arrays): the
 * factory and step headers, the lines of the per-neuron loop and what the WebAssembly loop
 * needs. {@link assemblePopulationKernels} compiles them.
 *
 * @example
 * ```ts
 * const parts = populationKernelParts(LIF.analyse(), { method: 'midpoint' });
 * parts.transient; // variables the lean update does not store
 * ```
 */
export interface PopulationKernelParts {
  model: string;
  /** Factory header, user functions and step header, up to the kernel's body. */
  head: string[];
  /** Statements of a step before the per-neuron loop. */
  prefix: string[];
  /** The loop body's computations in JavaScript and as the WebAssembly compiler reads them. */
  compute: string[];
  computeWasm: string[];
  /** The loop body's ordered statements (spike test, stores): full and lean update. */
  ordered: [string[], string[]];
  spikeLines: string[] | undefined;
  transient: string[];
  spikeFused: boolean;
  arrays: SimdLoopSymbols['arrays'];
  helpers: string;
}

/**
 * The plain parts of {@link generatePopulationKernels} (symbolic work and printing).
 *
 * @example
 * ```ts
 * const k = assemblePopulationKernels(populationKernelParts(LIF.analyse()));
 * ```
 */
export function populationKernelParts(ir: NeuronIR, opts: PopulationCodegenOptions = {}): PopulationKernelParts {
  const model = ir.name;
  const defaultMethod = opts.method ?? 'explicit';
  const attrs = new Map<string, { locality: string; type: string; variable?: VariableInfo }>();
  for (const p of ir.parameters) attrs.set(p.name, { locality: p.locality, type: p.type });
  for (const v of ir.variables) attrs.set(v.name, { locality: v.locality, type: v.type, variable: v });
  const sums = new Set<string>();
  if (!ir.spiking) for (const t of ir.targets) sums.add(`_sum_${t}`);
  const usedSums = new Set<string>();
  const refractory = ir.refractory !== undefined;
  const constantsUsed = new Set<string>();
  // global operations (`mean(r)` -> `_mean_r`): population-wide values the network computes after the updates
  const globalOpsUsed = new Set<string>();
  const fr = functionResolver(ir.functions);
  // per-step constants computed before the global equations (ANNarchy's pre-loop `__stepsize_x`)
  const preLoop: string[] = [];

  // In the update loop each neuron's attributes live in JS locals (`$$v`), read once and stored
  // once: a store into a Float64Array makes V8 reload every other array value (they may alias).
  // Bit-identical to working on the arrays; the spike kernel still works on the arrays.
  let scalarLocals = false;
  const scalarsUsed = new Set<string>();
  const localRef = (name: string) => {
    if (!scalarLocals) return `${safe(name)}[i]`;
    scalarsUsed.add(name);
    return `$$${name}`;
  };
  const resolverFor = (scope: 'global' | 'local', at: LocatedStatement) => (s: string): string | undefined => {
    const a = attrs.get(s);
    if (a) {
      if (isGlobal(a.locality)) return safe(s);
      if (scope === 'global') throw new ModelError(`population-wide equation uses per-neuron attribute "${s}"`, { model, ...where(at), symbol: s });
      return localRef(s);
    }
    if (s === 't') return '__tms';
    if (s === 'dt') return 'dt';
    if (s === 't_last' && ir.spiking) {
      if (scope === 'global') throw new ModelError('population-wide equation uses per-neuron "t_last"', { model, ...where(at), symbol: s });
      return '(__lastSpike[i] * dt)';
    }
    if (sums.has(s) || (!ir.spiking && s === '_sum__all')) {
      if (scope === 'global') throw new ModelError(`population-wide equation uses per-neuron input "${s}"`, { model, ...where(at), symbol: s });
      usedSums.add(s);
      return `${s}[i]`;
    }
    const r = ir.randoms.find((x) => x.name === s);
    if (r) return isGlobal(r.locality) ? `__R.${s}` : `${s}[i]`;
    if (CONSTANTS.has(s)) {
      constantsUsed.add(s);
      return `__C_${s}`;
    }
    const g = parseGlobalOp(s);
    if (g && !g.side && ir.globalOps?.some((o) => o.op === g.op && o.variable === g.variable)) {
      globalOpsUsed.add(s);
      return safe(s);
    }
    return undefined;
  };
  // `at`: the IR object the expression belongs to, so that errors name its section and line
  const print = (scope: 'global' | 'local') => (node: MathNode, subst: Record<string, string> | undefined, at: LocatedStatement): string => {
    const base = resolverFor(scope, at);
    const res = subst ? (s: string) => (Object.hasOwn(subst, s) ? subst[s] : base(s)) : base;
    return toJs(node, res, { model, ...where(at) }, fr);
  };
  const ref = (name: string) => {
    const a = attrs.get(name)!;
    return isGlobal(a.locality) ? safe(name) : localRef(name);
  };
  const clampFor = (scope: 'global' | 'local') => (name: string): string => {
    const v = attrs.get(name)?.variable;
    if (!v || v.bounds.length === 0) return '';
    return clampCode(ref(name), v.bounds.map((b) => ({ kind: b.kind, code: print(scope)(b.expr, undefined, v) })));
  };
  const assignCode = (eq: EquationInfo, scope: 'global' | 'local'): string => {
    const code = assignmentCode(ref(eq.target), attrs.get(eq.target)!.type, eq.op, print(scope)(eq.rhs, undefined, eq));
    return `${code}${clampFor(scope)(eq.target)}`;
  };
  const emitBlocks = (eqs: EquationInfo[], scope: 'global' | 'local'): string[] => {
    const lines: string[] = [];
    for (const b of blocksOf(eqs)) {
      if (b.kind === 'assign') {
        const body = b.eqs.map((eq) => assignCode(eq, scope));
        // non-ODE statements are skipped while refractory (annarchy-semantics §2.4)
        // one statement per line: hoistFastExp places an exp computation right before its line
        if (refractory && scope === 'local') lines.push('if ($$__ir === 1) {', ...body.map((l) => `  ${l}`), '}');
        else lines.push(...body);
      } else {
        const ctx: MethodContext = {
          model,
          print: print(scope),
          ref,
          switchFactor: (x) => (refractory && scope === 'local' && !x.startsWith('g_') ? ' * $$__ir' : ''),
          clamp: clampFor(scope),
          defaultMethod,
          equations: ir.equations,
          hoist: (name, code) => {
            // per-neuron values print as `x[i]` or, in the update loop, as locals `$$x`
            if (code.includes('[i]') || code.includes('$$')) return undefined;
            preLoop.push(`const ${name} = ${code};`);
            return name;
          },
        };
        const { compute, update } = emitOdeBlock(b.eqs, ctx);
        lines.push('{', ...compute, ...update, '}');
      }
    }
    return lines;
  };

  const globalEqs = ir.equations.filter((e) => isGlobal(e.locality));
  const localEqs = ir.equations.filter((e) => !isGlobal(e.locality));
  // exp computed inline (no call): V8 inlines only ~5 calls per kernel, the others box numbers
  const globalLines = hoistFastExp(emitBlocks(globalEqs, 'global'), { firstId: 0, table: '__T' });
  scalarLocals = true;
  // independent exps computed together, as early as their inputs allow, hide each other's latency
  const localEmitted = emitBlocks(localEqs, 'local');
  const localLines = hoistFastExp(localEmitted, { firstId: 1000, table: '__T', early: true });
  // WebAssembly: neighbouring exps test their ranges in one branch, so that their fast paths
  // are one straight block for TurboFan's register allocator (HH_Bischop ~-10 %; JavaScript
  // kernels were ~5 % slower with it, so they keep one branch per exp)
  const localLinesWasm = hoistFastExp(localEmitted, { firstId: 1000, table: '__T', early: true, group: true });
  scalarLocals = false;
  const localTargets = new Set(localEqs.map((e) => e.target));
  // read by code outside the update loop: the spike kernel, projections (g_target), `r`
  const keep = new Set(opts.keep);
  if (ir.spike) for (const s of symbolsOf(ir.spike.cond)) keep.add(s);
  for (const eq of ir.reset) {
    keep.add(eq.target);
    for (const s of symbolsOf(eq.rhs)) keep.add(s);
  }
  for (const eq of ir.axonReset ?? []) {
    keep.add(eq.target);
    for (const s of symbolsOf(eq.rhs)) keep.add(s);
  }
  if (ir.axonSpike) for (const s of symbolsOf(ir.axonSpike.cond)) keep.add(s);
  for (const t of ir.targets) keep.add(`g_${t}`);
  keep.add('r');
  // spike test and reset: fused into the update loop (on the neuron's locals, one pass) unless
  // a reset writes a population-wide value, which later neurons of the update would then see
  const resetGlobals = [...new Set([...ir.reset, ...(ir.axonReset ?? [])].filter((e) => isGlobal(e.locality)).map((e) => e.target))];
  // axonal spikes keep the separate spike pass (ANNarchy tests them after the spike and its reset)
  const fuse = ir.spiking && ir.spike !== undefined && resetGlobals.length === 0 && !ir.axonSpike;
  let spikeLines: string[] | undefined;
  let fusedLines: string[] = [];
  if (ir.spiking && ir.spike) {
    scalarLocals = fuse;
    const cond = print('local')(ir.spike.cond, undefined, ir.spike);
    const resets = ir.reset.map((eq) => assignCode(eq, 'local'));
    // fused: the neuron's counter is the local `$$__rr`, stored once at the end of its update
    const counter = fuse ? '$$__rr' : '__refrem[i]';
    // fused: `| 0` keeps the counter an int32 (the value the Int32Array store below wraps to
    // anyway), so that WebAssembly holds it in integer lanes
    const int = fuse ? ' | 0' : '';
    let refStart = '';
    if (typeof ir.refractory === 'number') refStart = `${counter} = __refsteps[i]${int};`;
    else if (typeof ir.refractory === 'string') refStart = `${counter} = Math.trunc(${ref(ir.refractory)} / dt)${int};`;
    scalarLocals = false;
    const test = [
      `if (${cond}) {`,
      ...resets.map((l) => `  ${l}`),
      '  __spiked[__ns++] = i;',
      '  __lastSpike[i] = __t;',
      refStart ? `  ${refStart}` : '',
      '}',
    ].filter((l) => l !== '');
    // ANNarchy 4.7.3 spike_gather: `if ((axon) && !(spike))` after the spike block, on the reset values
    const axon = ir.axonSpike ? [
      `if ((${print('local')(ir.axonSpike.cond, undefined, ir.axonSpike)}) && !(${print('local')(ir.spike.cond, undefined, ir.spike)})) {`,
      '  __axonal[__na++] = i;',
      ...(ir.axonReset ?? []).map((eq) => `  ${assignCode(eq, 'local')}`),
      '}',
    ] : [];
    // while refractory the test is off: one condition (one lane mask in WebAssembly, where a
    // nested if would branch on the refractory state of every pair)
    if (fuse) fusedLines = refractory ? [`if (!$$__inref && (${cond})) {`, ...test.slice(1)] : test;
    else {
      spikeLines = [
        'let __ns = 0;',
        ir.axonSpike ? 'let __na = 0;' : '',
        'for (let i = 0; i < __n; i++) {',
        refractory ? '  if (__inref[i] === 0) continue;' : '',
        ...test.map((l) => `  ${l}`),
        ...axon.map((l) => `  ${l}`),
        '}',
        'S.nSpiked = __ns;',
        ir.axonSpike ? 'S.nAxonal = __na;' : '',
        ...resetGlobals.map((g) => `G.${g} = ${safe(g)};`),
      ].filter((l) => l !== '');
    }
  }
  const stored = new Set([...localTargets, ...(fuse ? ir.reset.map((e) => e.target) : [])]);

  // skipped assignments keep last step's value while refractory: nothing is transient then
  const transient = refractory ? new Set<string>() : writtenBeforeRead(localLines, localTargets, keep);
  // a transient's old value is never used: start from 0 instead of loading it
  const loadLocals = [...scalarsUsed].map((n) => (transient.has(n) ? `let $$${n} = 0;` : `let $$${n} = ${safe(n)}[i];`));
  const storeFor = (lean: boolean) => [...scalarsUsed].filter((n) => stored.has(n) && !(lean && transient.has(n))).map((n) => `${safe(n)}[i] = $$${n};`);
  const assignedGlobals = [...new Set(globalEqs.map((e) => e.target))];

  // bound once per kernel: arrays, helpers, functions
  const factoryHeader = (): string[] => {
    const lines = [KERNEL_PRELUDE, METHOD_PRELUDE, 'const __n = S.size, L = S.local, G = S.global, __R = S.rand, dt = S.dt;'];
    for (const [name, a] of attrs) if (!isGlobal(a.locality)) lines.push(`const ${safe(name)} = L.${name};`);
    for (const s of sums) lines.push(`const ${s} = L.${s};`);
    if (!ir.spiking) lines.push('const _sum__all = L._sum__all;');
    for (const r of ir.randoms) if (!isGlobal(r.locality)) lines.push(`const ${r.name} = __R.${r.name};`);
    if (ir.spiking) lines.push('const __lastSpike = S.lastSpike, __spiked = S.spiked;');
    if (ir.axonSpike) lines.push('const __axonal = S.axonal;');
    if (refractory) lines.push('const __inref = S.inRef, __refrem = S.refRemaining, __refsteps = S.refSteps;');
    return lines;
  };
  // read every step: population-wide values and constants may change between steps
  const stepHeader = (): string[] => {
    const lines: string[] = [];
    for (const [name, a] of attrs) if (isGlobal(a.locality)) lines.push(`let ${safe(name)} = G.${name};`);
    for (const c of constantsUsed) lines.push(`const __C_${c} = C.get('${c}').value;`);
    for (const g of globalOpsUsed) lines.push(`const ${safe(g)} = G.${g};`);
    lines.push('const __tms = __t * dt;');
    // a local copy: TurboFan then checks the table once, not at every exp
    lines.push('const __T = __EXP_T;');
    return lines;
  };
  // fast math: reciprocals of the values the loop only reads (population-wide attributes, dt,
  // constants), computed after the global equations of the step
  const reciprocals = new Map<string, string>();
  const globalNames = new Set([...attrs].filter(([, a]) => isGlobal(a.locality)).map(([n]) => safe(n)));
  const invariant = (name: string) => name === 'dt' || globalNames.has(name) || name.startsWith('__C_');
  const fast = (lines: string[]) => (opts.fastMath ? reciprocalDivisions(lines, invariant, reciprocals) : lines);
  // refractoriness: the counter and the 0/1 switch `$$__ir` (ANNarchy's in_ref) are the neuron's
  // locals, read and stored once, no branch (a mask in WebAssembly); the array inRef is written
  // only for a separate spike pass, the one reader of it
  // (`$$__inref`: the condition; in WebAssembly the counter stays in integer lanes, the condition
  // is one compare, and the counter's update one integer add of its mask)
  const refractoryLoad = refractory
    ? ['let $$__rr = __refrem[i] | 0;', 'const $$__inref = $$__rr > 0;', 'const $$__ir = $$__inref ? 0 : 1;', fuse ? '' : '__inref[i] = $$__ir;']
    : [];
  const computeFor = (local: string[]) => fast([...refractoryLoad, ...loadLocals, ...(opts.fastMath ? reciprocalTimeConstants(local) : local)].filter((l) => l !== ''));
  const loopCompute = computeFor(localLines);
  const loopComputeWasm = computeFor(localLinesWasm);
  const loopOrderedPlain = (lean: boolean) => [
    ...fusedLines,
    ...storeFor(lean),
    // a neuron that spiked was not refractory: this never undoes the refractory start above
    refractory ? '__refrem[i] = $$__rr - $$__inref;' : '',
  ].filter((l) => l !== '');
  // both variants rewritten now: the reciprocals they need are defined before the loop
  const ordered: [string[], string[]] = [fast(loopOrderedPlain(false)), fast(loopOrderedPlain(true))];
  // headers last: printing the bodies records which constants are used
  const head = [
    ...factoryHeader(),
    ...emitFunctions(ir.functions, model).map((f) => f.replace(/__C_(\w+)/g, "C.get('$1').value")),
    'return function kernel(__t) {',
    ...stepHeader().map((l) => `  ${l}`),
  ];
  const arrays: SimdLoopSymbols['arrays'] = {};
  for (const [name, a] of attrs) if (!isGlobal(a.locality)) arrays[safe(name)] = 'f64';
  for (const sum of sums) arrays[sum] = 'f64';
  if (!ir.spiking) arrays._sum__all = 'f64';
  for (const r of ir.randoms) if (!isGlobal(r.locality)) arrays[r.name] = 'f64';
  Object.assign(arrays, { __lastSpike: 'f64', __spiked: 'i32', __inref: 'u8', __refrem: 'i32', __refsteps: 'i32' });
  const helpers = [KERNEL_PRELUDE, METHOD_PRELUDE, ...emitFunctions(ir.functions, model).map((f) => f.replace(/__C_(\w+)/g, "C.get('$1').value"))].join('\n');
  return {
    model,
    head,
    prefix: [...preLoop, ...globalLines, ...assignedGlobals.map((g) => `G.${g} = ${safe(g)};`), ...reciprocalDefinitions(reciprocals)],
    compute: loopCompute,
    computeWasm: loopComputeWasm,
    ordered,
    spikeLines,
    transient: [...transient],
    spikeFused: fuse,
    arrays,
    helpers,
  };
}

/**
 * Compiles the kernels of {@link populationKernelParts}: the JavaScript factories now, the
 * WebAssembly loop on first use. Needs no symbolic algebra (mathjs), so parts read from the
 * analysis cache (analysis-cache.ts) build kernels without loading it.
 *
 * @example
 * ```ts
 * const k = assemblePopulationKernels(populationKernelParts(LIF.analyse()));
 * ```
 */
export function assemblePopulationKernels(parts: PopulationKernelParts, opts: { pairs?: boolean } = {}): PopulationKernels {
  const pairs = opts.pairs ?? true;
  const { model, head, prefix, compute: loopCompute, computeWasm: loopComputeWasm, ordered, spikeLines, arrays, helpers } = parts;
  const fuse = parts.spikeFused;
  const hasTransient = parts.transient.length > 0;
  const wrap = (body: string[]): string => [...head, ...body.map((l) => `  ${l}`), '};'].join('\n');
  const loopOrdered = (lean: boolean) => ordered[lean ? 1 : 0]!;
  const updateBody = (lean: boolean) => [
    ...prefix,
    fuse ? 'let __ns = 0;' : '',
    ...pairLoop(loopCompute, loopOrdered(lean), '__n', pairs),
    fuse ? 'S.nSpiked = __ns;' : '',
  ].filter((l) => l !== '');
  const updateSource = wrap(updateBody(false));
  const leanSource = hasTransient ? wrap(updateBody(true)) : undefined;
  const spikeSource = spikeLines ? wrap(spikeLines) : undefined;
  const compile = (src: string, what: string): PopulationKernelFactory => {
    // each population compiles its own kernel (fresh-function.ts); a generation bug throws here
    try {
      return freshFactory<PopulationKernelFactory>(['S', 'C'], src, `${model}/${what}`);
    } catch (e) {
      throw new ModelError(`generated ${what} code does not compile (${(e as Error).message}); this is a bug in compneuro-rx:\n${src}`, { model });
    }
  };

  // WebAssembly: the single-neuron loop body, compiled to SIMD; the rest of the kernel stays.
  // Planned on first use of `wasm` (a population of two neurons or more, or backend 'wasm'):
  // a single neuron runs in JavaScript, and planning parses the loop with acorn and compiles
  // it (~100 ms for HH_Bischop, half of `npm start`'s model build).
  const planWasm = () => {
    let plan: SimdLoopPlan | undefined;
    let unsupported: string | undefined;
    try {
      plan = planSimdLoop([
        { name: 'full', lines: [...loopComputeWasm, ...loopOrdered(false)] },
        ...(hasTransient ? [{ name: 'lean', lines: [...loopComputeWasm, ...loopOrdered(true)] }] : []),
      ], {
        arrays,
        table: { name: '__T', length: EXP_TABLE_LENGTH, pow2Offset: EXP_TABLE_POW2_OFFSET },
        counter: fuse ? '__ns' : undefined,
        helpers,
      });
    } catch (e) {
      if (!(e instanceof SimdUnsupported)) throw e;
      unsupported = e.message;
    }
    return plan ? { ...wasmKernels(plan), unsupported } : { kernels: undefined, fullSource: undefined, leanSource: undefined, unsupported };
  };
  const wasmBody = (fn: 'full' | 'lean', p: SimdLoopPlan) => [
    ...prefix,
    'if (__W.ready) {',
    ...p.scalars.map((x, k) => `  __P[${k}] = ${x};`),
    `  ${fuse ? 'S.nSpiked = ' : ''}__W.${fn}(__n);`,
    '} else {',
    // until an asynchronous compile (browsers) finishes, the JavaScript loop runs
    ...(fuse ? ['  let __ns = 0;'] : []),
    ...pairLoop(loopCompute, loopOrdered(fn === 'lean'), '__n', pairs).map((l) => `  ${l}`),
    ...(fuse ? ['  S.nSpiked = __ns;'] : []),
    '}',
  ];
  // the kernel carries its binding (`kernel.simd.ready`: the WebAssembly loop is running)
  const wasmSource = (fn: 'full' | 'lean', p: SimdLoopPlan) => `${wrap(wasmBody(fn, p)).replace('return function kernel(__t) {', [
    `const __W = __bind(S, { ${p.arrays.join(', ')} }, [${p.imports.join(', ')}]), __P = __W.P;`,
    'const __kernel = function kernel(__t) {',
  ].join('\n'))}\n__kernel.simd = __W;\nreturn __kernel;`;
  // the full and the lean kernel of one state share one module instance
  const bindings = new WeakMap<PopulationKernelState, SimdLoopBinding>();
  const wasmFactory = (src: string, p: SimdLoopPlan): PopulationKernelFactory => {
    type Bind = (S: PopulationKernelState, arrays: Record<string, ArrayBufferView>, imports: ((...x: number[]) => number)[]) => SimdLoopBinding;
    let f: (S: PopulationKernelState, C: ReadonlyMap<string, { value: number }>, bind: Bind) => ReturnType<PopulationKernelFactory>;
    try {
      f = freshFactory<typeof f>(['S', 'C', '__bind'], src, `${model}/wasm-update`);
    } catch (e) {
      throw new ModelError(`generated WebAssembly kernel code does not compile (${(e as Error).message}); this is a bug in compneuro-rx:\n${src}`, { model });
    }
    return (S, C) => f(S, C, (st, arr, imp) => {
      let b = bindings.get(st);
      if (!b) bindings.set(st, b = bindSimdLoop(p, st, arr, imp, model));
      return b;
    });
  };
  const wasmKernels = (plan: SimdLoopPlan) => {
    const fullSource = wasmSource('full', plan);
    const wasmLeanSource = hasTransient ? wasmSource('lean', plan) : undefined;
    return {
      fullSource,
      leanSource: wasmLeanSource,
      kernels: {
        update: wasmFactory(fullSource, plan),
        updateLean: wasmLeanSource ? wasmFactory(wasmLeanSource, plan) : undefined,
        scratchBytes: (plan.usesTable ? EXP_TABLE_LENGTH * 8 : 0) + 8 * Math.max(1, plan.scalars.length),
      },
    };
  };
  let planned: ReturnType<typeof planWasm> | undefined;
  const wasmPart = () => (planned ??= planWasm());
  return {
    update: compile(updateSource, 'update'),
    updateLean: leanSource ? compile(leanSource, 'update') : undefined,
    transient: [...parts.transient],
    spikeFused: fuse,
    spikeGather: spikeSource ? compile(spikeSource, 'spike') : undefined,
    get wasm() {
      return wasmPart().kernels;
    },
    get wasmUnsupported() {
      return wasmPart().unsupported;
    },
    source: {
      update: updateSource,
      updateLean: leanSource,
      spikeGather: spikeSource,
      get wasmUpdate() {
        return wasmPart().fullSource;
      },
      get wasmUpdateLean() {
        return wasmPart().leanSource;
      },
    },
  };
}

/**
 * Which of `targets` the generated loop body `lines` assigns with `=` before any read, in
 * execution order, and that are not in `keep`. Read off the code, not the IR, so that every
 * numerical method's reads count. A line `$$x = rhs; clamp` reads `rhs`, then writes `x`.
 */
function writtenBeforeRead(lines: string[], targets: Set<string>, keep: Set<string>): Set<string> {
  const written = new Set<string>();
  const readFirst = new Set<string>();
  const reads = (code: string) => {
    for (const m of code.matchAll(/\$\$(\w+)/g)) if (!written.has(m[1]!)) readFirst.add(m[1]!);
  };
  for (const line of lines) {
    const m = /^\s*\$\$(\w+) = ([^;]*);(.*)$/.exec(line);
    if (!m) {
      reads(line);
      continue;
    }
    reads(m[2]!);
    written.add(m[1]!);
    reads(m[3]!);
  }
  return new Set([...written].filter((n) => targets.has(n) && !readFirst.has(n) && !keep.has(n)));
}
