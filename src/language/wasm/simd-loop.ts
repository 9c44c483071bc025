import { parse } from 'acorn';
import { I32, Op, Simd, V128, WasmFunction, patchUleb5, uleb, wasmModule } from './wasm-module.js';

/**
 * Compiles the per-neuron loop body of a generated kernel, written in JavaScript over one neuron
 * `i`, into a WebAssembly function that runs two neurons per instruction in 128-bit lanes
 * (f64x2), four per loop iteration (two pairs, their statements alternating).
 *
 * The JavaScript stays the one source of truth: every arithmetic operation maps to the same IEEE
 * operation per lane (wasm's f64x2.div is the same division as JavaScript's), so results are
 * bit-identical. Control flow becomes lane masks, as on a GPU: `if (c) A else B` runs A with
 * the lanes where `c` holds and B with the others, assignments keep the old value in inactive
 * lanes, stores into integer arrays and the spike list run lane by lane in rank order. When
 * both lanes agree (the usual case) only one branch runs, without masks.
 *
 * Anything the compiler does not know (loops, strings, objects, `^`, integers beyond the exp
 * table's index arithmetic) throws {@link SimdUnsupported}; the caller then keeps the JavaScript
 * kernel. Functions it cannot inline are called per lane as imports, so they give exactly what
 * JavaScript gives.
 *
 * Differences from JavaScript that generated code never meets: storing a value of magnitude
 * >= 2^31 into an Int32Array saturates instead of wrapping; the table is read without a bounds
 * check where all lanes are on (the exp template indexes it only after its range check) and
 * with the index clamped into it in lanes a mask switches off.
 *
 * @example
 * ```ts
 * const plan = planSimdLoop([{ name: 'run', lines: ['let $$v = $v[i];', '$$v += dt * (-$$v);', '$v[i] = $$v;'] }],
 *   { arrays: { $v: 'f64' }, helpers: '' });
 * plan.scalars; // ['dt']
 * const bytes = plan.emit({ bases: { $v: 0 }, table: 0, params: 800000 });
 * ```
 */
export function planSimdLoop(bodies: SimdLoopBody[], symbols: SimdLoopSymbols): SimdLoopPlan {
  // A plan depends only on the source text and the symbols: networks that build the same model
  // again (a network per fit individual, DBS recreating a model, populations of one neuron type)
  // reuse it instead of parsing and compiling again (~100 ms for HH_Bischop).
  const key = JSON.stringify([bodies, symbols]);
  let cached = planCache.get(key);
  if (cached) {
    planCache.delete(key); // most recently used last
  } else {
    try {
      cached = { plan: planUncached(bodies, symbols) };
    } catch (e) {
      if (!(e instanceof SimdUnsupported)) throw e;
      cached = { unsupported: e };
    }
    if (planCache.size >= PLAN_CACHE_SIZE) planCache.delete(planCache.keys().next().value!);
  }
  planCache.set(key, cached);
  if (cached.unsupported) throw cached.unsupported;
  const p = cached.plan!;
  // callers get their own lists
  return { scalars: [...p.scalars], imports: [...p.imports], arrays: [...p.arrays], usesTable: p.usesTable, emit: p.emit };
}

const PLAN_CACHE_SIZE = 32;
const planCache = new Map<string, { plan?: SimdLoopPlan; unsupported?: SimdUnsupported }>();

/**
 * Forgets every cached plan (benchmarks measure compiling from scratch with it).
 *
 * @example
 * ```ts
 * clearSimdPlanCache();
 * ```
 */
export function clearSimdPlanCache(): void {
  planCache.clear();
}

function planUncached(bodies: SimdLoopBody[], symbols: SimdLoopSymbols): SimdLoopPlan {
  const helpers = parseHelpers(symbols.helpers);
  const programs = bodies.map((b) => ({ name: b.name, source: b.lines.join('\n'), ast: parseBody(b.lines.join('\n')) }));
  const shared: Shared = { scalars: [], imports: [], arrays: new Set(), usesTable: false };
  // compiled once; binding only fills in the memory offsets
  const { bytes, relocations } = wasmModule({
    functions: programs.map((p) => ({ name: p.name, fn: new LoopCompiler(p.source, symbols, helpers, shared).compile(p.ast) })),
    imports: shared.imports.map((x) => ({ params: x.params })),
  });
  const emit = (layout: SimdLayout) => {
    const out = bytes.slice();
    for (const r of relocations) {
      const base = r.symbol === '@table' ? layout.table : r.symbol === '@params' ? layout.params : layout.bases[r.symbol];
      if (base === undefined) throw new Error(`SIMD loop: no memory offset for array ${r.symbol}`);
      patchUleb5(out, r.at, base + r.delta);
    }
    return out;
  };
  return {
    scalars: shared.scalars,
    imports: shared.imports.map((x) => x.expr),
    arrays: [...shared.arrays],
    usesTable: shared.usesTable,
    emit,
  };
}

/** One exported function: its name and the JavaScript statements of the loop body. */
export interface SimdLoopBody {
  name: string;
  lines: string[];
}

/** What the identifiers of the loop body are. */
export interface SimdLoopSymbols {
  /** Typed arrays indexed by the neuron index `i`, with their element type. */
  arrays: Record<string, 'f64' | 'i32' | 'u8'>;
  /**
   * A Float64Array indexed by integer expressions (the exp table). With `pow2Offset`, its
   * elements `pow2Offset + e` are 2^e for e = -1022..1023: a read `T[x + pow2Offset]` is then
   * built from the bits of x instead of loaded (the same double for every x in that range, which
   * the exp template's range check guarantees).
   */
  table?: { name: string; length: number; pow2Offset?: number };
  /** An integer counter used as `A[counter++] = value` (the spike list); the function returns it. */
  counter?: string;
  /** JavaScript source defining helper functions: short ones are inlined, others imported. */
  helpers: string;
}

/** Where things are in memory, in bytes. */
export interface SimdLayout {
  /** Byte offset of each array of {@link SimdLoopSymbols.arrays}. */
  bases: Record<string, number>;
  /** Byte offset of the table. */
  table: number;
  /** Byte offset of the Float64Array of scalars (in the order of {@link SimdLoopPlan.scalars}). */
  params: number;
}

/** A loop that compiles to WebAssembly. */
export interface SimdLoopPlan {
  /** JavaScript expressions of the scalars the loop reads: write them to `params` before a call. */
  readonly scalars: readonly string[];
  /** JavaScript expressions of the functions to import as `f.0`, `f.1`, ... */
  readonly imports: readonly string[];
  /** The arrays the loop uses. */
  readonly arrays: readonly string[];
  /** True if the loop reads the table. */
  readonly usesTable: boolean;
  /** The module: memory `e.m`, imports `f.<k>`, one function `(n: i32) => i32` per body. */
  emit(layout: SimdLayout): Uint8Array<ArrayBuffer>;
}

/** Thrown for JavaScript the SIMD compiler does not translate (the caller keeps JavaScript). */
export class SimdUnsupported extends Error {
  constructor(what: string) {
    super(`not compiled to WebAssembly: ${what}`);
    this.name = 'SimdUnsupported';
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;
/** f64x2 value, lane mask (64-bit lanes), or i32x4 integers in the low two lanes. */
type Ty = 'f' | 'b' | 'i';
interface Shared {
  scalars: string[];
  imports: { expr: string; params: number }[];
  arrays: Set<string>;
  usesTable: boolean;
}
interface Helper { params: string[]; decls: Node[]; result: Node; source: string }
type Mask = { full: true } | { full: false; local: number };
/** Per pair of lanes: its first neuron relative to `i`, its variables and its cached loads. */
interface PairContext {
  lane: number;
  scopes: Map<string, Binding>[];
  /**
   * `A[i]` already in a local, by array: loaded for all lanes, so valid until a store into `A`.
   * Arrays never alias one another, so a store into one leaves the others' entries valid.
   */
  cache: Map<string, number>;
  /** Arrays stored into, in order (branches drop the entries their stores invalidated). */
  storeLog: string[];
}
/**
 * A variable of the loop body. `shifted`: for `const k = (x + SHIFT) - SHIFT` (rounding to an
 * integer with SHIFT = 1.5 * 2^52), the local holding `x + SHIFT`.
 */
interface Binding { local: number; ty: Ty; constant?: boolean; shifted?: number }
/** 1.5 * 2^52: adding and subtracting it rounds a double of magnitude < 2^51 to an integer. */
const SHIFT = 6755399441055744;
const isShift = (n: Node) => n.type === 'Literal' && n.value === SHIFT;
const newPair = (lane: number): PairContext => ({ lane, scopes: [new Map()], cache: new Map(), storeLog: [] });
const BYTES = { f64: 8, i32: 4, u8: 1 } as const;
const FULL: Mask = { full: true };

const MATH_NATIVE: Record<string, number> = {
  abs: Simd.f64x2Abs, sqrt: Simd.f64x2Sqrt, floor: Simd.f64x2Floor, ceil: Simd.f64x2Ceil, trunc: Simd.f64x2Trunc,
};
const COMPARE: Record<string, number> = {
  '<': Simd.f64x2Lt, '>': Simd.f64x2Gt, '<=': Simd.f64x2Le, '>=': Simd.f64x2Ge,
  '===': Simd.f64x2Eq, '==': Simd.f64x2Eq, '!==': Simd.f64x2Ne, '!=': Simd.f64x2Ne,
};
/** The same comparisons of int32 values (exact as doubles too), on the low two i32 lanes. */
const INT_COMPARE: Record<string, number> = {
  '<': Simd.i32x4LtS, '>': Simd.i32x4GtS, '<=': Simd.i32x4LeS, '>=': Simd.i32x4GeS,
  '===': Simd.i32x4Eq, '==': Simd.i32x4Eq, '!==': Simd.i32x4Ne, '!=': Simd.i32x4Ne,
};
/** Byte shuffle moving 64-bit lane masks into the low two i32 lanes (masks for 'i' values). */
const NARROW = [0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11];
const ARITH: Record<string, number> = { '+': Simd.f64x2Add, '-': Simd.f64x2Sub, '*': Simd.f64x2Mul, '/': Simd.f64x2Div };

function parseBody(source: string): Node {
  try {
    return parse(source, { ecmaVersion: 2022, sourceType: 'script' });
  } catch (e) {
    throw new SimdUnsupported(`body does not parse (${(e as Error).message})`);
  }
}

const helperCache = new Map<string, Map<string, Helper | null>>();

/** Named functions of the helper source: inlinable ones (declarations, then one return) or null. */
function parseHelpers(source: string): Map<string, Helper | null> {
  const cached = helperCache.get(source);
  if (cached) return cached;
  const out = new Map<string, Helper | null>();
  const ast = parse(source, { ecmaVersion: 2022, sourceType: 'script' }) as Node;
  const add = (name: string, fn: Node) => {
    const params = fn.params.every((p: Node) => p.type === 'Identifier') ? fn.params.map((p: Node) => p.name as string) : undefined;
    if (!params) return out.set(name, null);
    if (fn.expression) return out.set(name, { params, decls: [], result: fn.body, source });
    const body = fn.body.body as Node[];
    const last = body[body.length - 1];
    const ok = last?.type === 'ReturnStatement' && last.argument && body.slice(0, -1).every((s) => s.type === 'VariableDeclaration');
    out.set(name, ok ? { params, decls: body.slice(0, -1), result: last.argument, source } : null);
  };
  for (const s of ast.body as Node[]) {
    if (s.type === 'FunctionDeclaration') add(s.id.name, s);
    else if (s.type === 'VariableDeclaration') {
      for (const d of s.declarations) {
        if (d.id.type !== 'Identifier') continue;
        if (d.init && (d.init.type === 'ArrowFunctionExpression' || d.init.type === 'FunctionExpression')) add(d.id.name, d.init);
        else out.set(d.id.name, null);
      }
    }
  }
  helperCache.set(source, out);
  return out;
}

const isIntLiteral = (n: Node) => n.type === 'Literal' && typeof n.value === 'number' && Number.isInteger(n.value) && Math.abs(n.value) < 2 ** 31;

class LoopCompiler {
  private readonly f = new WasmFunction([I32], [I32]);
  private readonly n = 0;
  private readonly i = this.f.local(I32);
  private readonly i4 = this.f.local(I32);
  private readonly i8 = this.f.local(I32);
  private readonly ns = this.f.local(I32);
  /** The pair of lanes being compiled: the loop body runs for neurons i, i+1 and, unrolled, i+2, i+3. */
  private ctx: PairContext = newPair(0);
  private readonly scalarLocals = new Map<string, number>();
  private readonly free: number[] = [];
  private mask: Mask = FULL;
  private inlineDepth = 0;
  private readonly counterStores = new Set<Node>();
  /** The last `(x + SHIFT) - SHIFT` compiled, and the local holding `x + SHIFT`. */
  private shifted: { node: Node; local: number } | undefined;

  constructor(
    private source: string,
    private readonly symbols: SimdLoopSymbols,
    private readonly helpers: Map<string, Helper | null>,
    private readonly shared: Shared,
  ) {}

  compile(program: Node): WasmFunction {
    const f = this.f;
    // four neurons per iteration while all four are inside, the statements of the two pairs
    // alternating so that the CPU overlaps their dependency chains; then pairs
    for (const unroll of [2, 1]) {
      f.op(Op.block, 0x40).op(Op.loop, 0x40);
      // the last pair may have a padding lane; the unrolled loop needs all four neurons
      f.get(this.i).i32(unroll > 1 ? 2 * unroll - 1 : 0).op(Op.i32Add).get(this.n).op(Op.i32GeS).op(Op.brIf, 1);
      f.get(this.i).i32(2).op(Op.i32Shl).set(this.i4);
      f.get(this.i).i32(3).op(Op.i32Shl).set(this.i8);
      const pairs = Array.from({ length: unroll }, (_, k) => newPair(2 * k));
      for (const s of program.body) {
        // an `if` (the spike test): one branch for both pairs, taken when a lane of either holds
        if (pairs.length > 1 && s.type === 'IfStatement' && !s.alternate) {
          const tests = pairs.map((p) => {
            this.ctx = p;
            this.toB(this.expr(s.test));
            const c = this.f.local(V128);
            f.set(c);
            return c;
          });
          f.get(tests[0]!);
          for (const c of tests.slice(1)) f.get(c).simd(Simd.or);
          f.simd(Simd.i64x2Bitmask).op(Op.if, 0x40);
          pairs.forEach((p, k) => {
            this.ctx = p;
            this.ifStatement(s, tests[k]);
          });
          f.op(Op.end);
          continue;
        }
        for (const p of pairs) {
          this.ctx = p;
          this.statement(s);
        }
      }
      this.ctx = newPair(0);
      f.get(this.i).i32(2 * unroll).op(Op.i32Add).set(this.i);
      f.op(Op.br, 0).op(Op.end).op(Op.end);
    }
    f.get(this.ns);
    // scalars are read once per call, before the loop
    f.head(() => {
      for (const [name, local] of this.scalarLocals) {
        f.i32(0).mem(false, Op.f64Load, 3, '@params', 8 * this.shared.scalars.indexOf(name)).simd(Simd.f64x2Splat).set(local);
      }
    });
    return f;
  }

  // ---- statements ----

  private statement(s: Node): void {
    switch (s.type) {
      case 'EmptyStatement':
        return;
      case 'BlockStatement':
        this.ctx.scopes.push(new Map());
        for (const x of s.body) this.statement(x);
        this.ctx.scopes.pop();
        return;
      case 'VariableDeclaration':
        for (const d of s.declarations) {
          if (d.id.type !== 'Identifier') throw this.unsupported(d, 'destructuring');
          let ty: Ty = 'f';
          this.shifted = undefined;
          if (d.init) ty = this.expr(d.init);
          const local = this.f.local(V128);
          if (d.init) this.f.set(local);
          // (a cast: TypeScript does not see that expr() may set it)
          const sh = this.shifted as { node: Node; local: number } | undefined;
          const shifted = s.kind === 'const' && sh !== undefined && sh.node === d.init ? sh.local : undefined;
          this.ctx.scopes[this.ctx.scopes.length - 1]!.set(d.id.name, { local, ty, constant: s.kind === 'const', shifted });
        }
        return;
      case 'ExpressionStatement':
        if (s.expression.type !== 'AssignmentExpression') throw this.unsupported(s, 'statement');
        return this.assignment(s.expression);
      case 'IfStatement':
        return this.ifStatement(s);
      default:
        throw this.unsupported(s, s.type);
    }
  }

  private assignment(a: Node): void {
    const op = a.operator as string;
    if (!['=', '+=', '-=', '*=', '/='].includes(op)) throw this.unsupported(a, `operator ${op}`);
    const value = (current: () => Ty) => {
      if (op === '=') return this.expr(a.right);
      return this.arith(op[0]!, current, () => this.expr(a.right), a);
    };
    const target = a.left;
    if (target.type === 'Identifier') {
      const b = this.lookup(target.name);
      if (!b) throw this.unsupported(target, `assignment to "${target.name}", which is not a local of the loop`);
      let ty = value(() => { this.f.get(b.local); return b.ty; });
      if (ty !== b.ty) {
        if (b.ty !== 'f') throw this.unsupported(a, 'a variable changing type');
        this.toF(ty);
        ty = 'f';
      }
      if (!this.mask.full) {
        this.f.get(b.local).get(this.mask.local);
        if (ty === 'i') this.narrowMask();
        this.f.simd(Simd.bitselect);
      }
      this.f.set(b.local);
      return;
    }
    if (target.type !== 'MemberExpression' || !target.computed || target.object.type !== 'Identifier') throw this.unsupported(target, 'assignment target');
    const arr = target.object.name as string;
    const kind = this.symbols.arrays[arr];
    if (!kind) throw this.unsupported(target, `store into "${arr}"`);
    this.shared.arrays.add(arr);
    const idx = target.property;
    if (idx.type === 'UpdateExpression' && idx.operator === '++' && !idx.prefix && idx.argument.type === 'Identifier' && idx.argument.name === this.symbols.counter) {
      if (op !== '=' || kind !== 'i32') throw this.unsupported(a, 'counter store');
      // a second list append would interleave lanes differently from the JS order
      if (this.counterStores.add(a).size > 1) throw this.unsupported(a, 'two list appends');
      return this.appendStore(this.expr(a.right), arr);
    }
    if (idx.type !== 'Identifier' || idx.name !== 'i') throw this.unsupported(idx, 'index other than i');
    // this pair's elements
    const at = this.ctx.lane * BYTES[kind];
    let ty = value(() => this.load(arr, kind));
    if (ty === 'i' && kind === 'i32') return this.intStore(arr, at);
    ty = this.toF(ty);
    this.ctx.storeLog.push(arr);
    if (kind === 'f64') {
      // the stored value stays cached: it is exactly what memory holds
      const v = this.f.local(V128);
      if (!this.mask.full) this.f.get(this.i8).mem(true, Simd.load, 3, arr, at).get(this.mask.local).simd(Simd.bitselect);
      this.f.set(v).get(this.i8).get(v).mem(true, Simd.store, 3, arr, at);
      this.ctx.cache.set(arr, v);
      return;
    }
    this.ctx.cache.delete(arr);
    if (this.mask.full) {
      // both lanes at once; what memory then holds stays cached (a load right after two narrow
      // stores would wait for store forwarding to fail)
      const iv = this.tmp0(), cached = this.f.local(V128);
      this.f.simd(Simd.i32x4TruncSatF64x2SZero);
      if (kind === 'u8') this.f.i32(255).simd(Simd.i32x4Splat).simd(Simd.and);
      this.f.set(iv);
      if (kind === 'i32') this.f.get(this.i4).get(iv).mem(true, Simd.store64Lane, 3, arr, at, 0);
      else this.f.get(this.i).get(iv).get(iv).simd(Simd.shuffle, 0, 4, ...Array<number>(14).fill(0)).mem(true, Simd.store16Lane, 0, arr, at, 0);
      this.f.get(iv).simd(kind === 'i32' ? Simd.f64x2ConvertLowI32x4S : Simd.f64x2ConvertLowI32x4U).set(cached);
      this.ctx.cache.set(arr, cached);
      return;
    }
    const v = this.tmp();
    this.f.set(v);
    for (let l = 0; l < 2; l++) {
      const guarded = this.laneGuard(l, false);
      if (kind === 'i32') this.f.get(this.i4).get(v).simd(Simd.f64x2ExtractLane, l).op(0xfc, 0x02).mem(false, Op.i32Store, 2, arr, at + 4 * l);
      else this.f.get(this.i).get(v).simd(Simd.f64x2ExtractLane, l).op(0xfc, 0x02).mem(false, Op.i32Store8, 0, arr, at + l);
      if (guarded) this.f.op(Op.end);
    }
    this.release(v);
  }

  /** An int32 value ('i') into `arr[i]` of this pair: no conversion (both lanes at once when both are on). */
  private intStore(arr: string, at: number): void {
    this.ctx.storeLog.push(arr);
    this.ctx.cache.delete(arr);
    const v = this.tmp();
    this.f.set(v);
    if (this.mask.full) this.f.get(this.i4).get(v).mem(true, Simd.store64Lane, 3, arr, at, 0);
    else {
      for (let l = 0; l < 2; l++) {
        const guarded = this.laneGuard(l, false);
        this.f.get(this.i4).get(v).simd(Simd.i32x4ExtractLane, l).mem(false, Op.i32Store, 2, arr, at + 4 * l);
        if (guarded) this.f.op(Op.end);
      }
    }
    this.release(v);
  }

  /** The lane mask on top of the stack as a mask of the low two i32 lanes. */
  private narrowMask(): void {
    const m = this.tmp0();
    this.f.tee(m).get(m).simd(Simd.shuffle, ...NARROW);
  }

  /** `A[counter++] = value` lane by lane, for lanes that are active and inside the population. */
  private appendStore(ty: Ty, arr: string): void {
    this.toF(ty);
    const v = this.tmp();
    this.f.set(v);
    for (let l = 0; l < 2; l++) {
      const guarded = this.laneGuard(l, true);
      this.f.get(this.ns).i32(2).op(Op.i32Shl).get(v).simd(Simd.f64x2ExtractLane, l).op(0xfc, 0x02).mem(false, Op.i32Store, 2, arr, 0);
      this.f.get(this.ns).i32(1).op(Op.i32Add).set(this.ns);
      if (guarded) this.f.op(Op.end);
    }
    this.release(v);
  }

  /** Opens an `if` for lane `l` when it may be inactive; returns whether it did. */
  private laneGuard(l: number, inside: boolean): boolean {
    const checks: (() => void)[] = [];
    if (!this.mask.full) {
      const m = this.mask.local;
      checks.push(() => this.f.get(m).simd(Simd.i64x2Bitmask).i32(l).op(Op.i32ShrU).i32(1).op(Op.i32And));
    }
    // the second lane of the last pair is padding when the population size is odd
    if (inside && l === 1) checks.push(() => this.f.get(this.i).i32(this.ctx.lane + 1).op(Op.i32Add).get(this.n).op(Op.i32LtS));
    if (checks.length === 0) return false;
    checks[0]!();
    if (checks.length === 2) {
      checks[1]!();
      this.f.op(Op.i32And);
    }
    this.f.op(Op.if, 0x40);
    return true;
  }

  /** `test`: a local holding the condition, already computed (it is then not released). */
  private ifStatement(s: Node, test?: number): void {
    const f = this.f;
    const c = test ?? this.tmp();
    if (test === undefined) {
      this.toB(this.expr(s.test));
      f.set(c);
    }
    const outer = this.mask;
    const run = (node: Node, mask: Mask) => {
      const cache = new Map(this.ctx.cache), logged = this.ctx.storeLog.length;
      this.mask = mask;
      this.statement(node);
      this.mask = outer;
      // entries made inside a branch may not have run; stores inside it invalidate outer ones
      for (const a of this.ctx.storeLog.slice(logged)) cache.delete(a);
      this.ctx.cache = cache;
    };
    if (outer.full) {
      const not = this.tmp();
      // the lanes' sign bits as an integer (0..3): cheaper to branch on than any_true/all_true
      const bits = this.bitsLocal ??= this.f.local(I32);
      f.get(c).simd(Simd.i64x2Bitmask).tee(bits);
      if (s.alternate) {
        f.i32(3).op(Op.i32Eq).op(Op.if, 0x40);
        run(s.consequent, FULL);
        f.op(Op.else).get(bits).op(Op.if, 0x40);
        f.get(c).simd(Simd.not).set(not);
        run(s.consequent, { full: false, local: c });
        run(s.alternate, { full: false, local: not });
        f.op(Op.else);
        run(s.alternate, FULL);
        f.op(Op.end).op(Op.end);
      } else {
        f.op(Op.if, 0x40);
        f.get(bits).i32(3).op(Op.i32Eq).op(Op.if, 0x40);
        run(s.consequent, FULL);
        f.op(Op.else);
        run(s.consequent, { full: false, local: c });
        f.op(Op.end).op(Op.end);
      }
      this.release(not);
    } else {
      const yes = this.tmp(), no = this.tmp();
      f.get(c).get(outer.local).simd(Simd.and).set(yes);
      f.get(outer.local).get(c).simd(Simd.andnot).set(no);
      f.get(yes).simd(Simd.i64x2Bitmask).op(Op.if, 0x40);
      run(s.consequent, { full: false, local: yes });
      f.op(Op.end);
      if (s.alternate) {
        f.get(no).simd(Simd.i64x2Bitmask).op(Op.if, 0x40);
        run(s.alternate, { full: false, local: no });
        f.op(Op.end);
      }
      this.release(yes);
      this.release(no);
    }
    if (test === undefined) this.release(c);
  }

  // ---- expressions: each leaves one v128 on the stack and returns its type ----

  private expr(e: Node): Ty {
    const f = this.f;
    switch (e.type) {
      case 'Literal':
        if (typeof e.value !== 'number') throw this.unsupported(e, 'literal');
        f.f64x2(e.value);
        return 'f';
      case 'Identifier':
        return this.identifier(e);
      case 'MemberExpression':
        return this.member(e);
      case 'UnaryExpression':
        if (e.operator === '-') {
          // a negative constant, not a negation at run time (negation is exact: the same bits)
          if (e.argument.type === 'Literal' && typeof e.argument.value === 'number') {
            f.f64x2(-e.argument.value);
            return 'f';
          }
          this.toF(this.expr(e.argument));
          f.simd(Simd.f64x2Neg);
          return 'f';
        }
        if (e.operator === '+') return this.toF(this.expr(e.argument));
        if (e.operator === '!') {
          this.toB(this.expr(e.argument));
          f.simd(Simd.not);
          return 'b';
        }
        throw this.unsupported(e, `operator ${e.operator}`);
      case 'BinaryExpression':
        return this.binary(e);
      case 'LogicalExpression':
        return this.logical(e);
      case 'ConditionalExpression': {
        // `c ? 0 : x` and `c ? x : 0` (+0 is all bits zero): one and/andnot instead of bitselect
        const zero = (n: Node) => n.type === 'Literal' && n.value === 0;
        if (zero(e.consequent) !== zero(e.alternate)) {
          const c = this.tmp();
          this.toB(this.expr(e.test));
          f.set(c);
          this.toF(this.expr(zero(e.consequent) ? e.alternate : e.consequent));
          f.get(c).simd(zero(e.consequent) ? Simd.andnot : Simd.and);
          this.release(c);
          return 'f';
        }
        const c = this.tmp();
        this.toB(this.expr(e.test));
        f.set(c);
        const ty = this.pair(() => this.expr(e.consequent), () => this.expr(e.alternate), true);
        f.get(c).simd(Simd.bitselect);
        this.release(c);
        return ty;
      }
      case 'CallExpression':
        return this.call(e);
      default:
        throw this.unsupported(e, e.type);
    }
  }

  private identifier(e: Node): Ty {
    const name = e.name as string;
    const b = this.lookup(name);
    if (b) {
      this.f.get(b.local);
      return b.ty;
    }
    if (name === 'i') {
      this.f.get(this.i).i32(this.ctx.lane).op(Op.i32Add).op(Op.f64ConvertI32S).simd(Simd.f64x2Splat)
        .get(this.i).i32(this.ctx.lane + 1).op(Op.i32Add).op(Op.f64ConvertI32S).simd(Simd.f64x2ReplaceLane, 1);
      return 'f';
    }
    if (name === 'Infinity' || name === 'NaN') {
      this.f.f64x2(name === 'NaN' ? NaN : Infinity);
      return 'f';
    }
    if (name in this.symbols.arrays || name === this.symbols.table?.name || name === this.symbols.counter || name === 'undefined' || this.helpers.has(name)) {
      throw this.unsupported(e, `"${name}" as a value`);
    }
    return this.scalar(name);
  }

  private scalar(expr: string): Ty {
    let local = this.scalarLocals.get(expr);
    if (local === undefined) {
      local = this.f.local(V128);
      this.scalarLocals.set(expr, local);
      if (!this.shared.scalars.includes(expr)) this.shared.scalars.push(expr);
    }
    this.f.get(local);
    return 'f';
  }

  private member(e: Node): Ty {
    const f = this.f;
    if (!e.computed) {
      if (e.object.type === 'Identifier' && e.object.name === 'Math') {
        const v = (Math as unknown as Record<string, unknown>)[e.property.name];
        if (typeof v !== 'number') throw this.unsupported(e, 'Math member');
        f.f64x2(v);
        return 'f';
      }
      // e.g. `__R.__rand_0`: a number read per call, like a free identifier
      let o = e;
      while (o.type === 'MemberExpression' && !o.computed) o = o.object;
      if (o.type !== 'Identifier' || this.lookup(o.name)) throw this.unsupported(e, 'member expression');
      return this.scalar(this.source.slice(e.start, e.end));
    }
    if (e.object.type !== 'Identifier') throw this.unsupported(e, 'indexed expression');
    const name = e.object.name as string;
    const table = this.symbols.table;
    if (table && name === table.name) {
      this.shared.usesTable = true;
      // `T[j]` / `T[j + 1]` of a const integer j: both from one 16-byte load per lane
      const p = e.property;
      const j = p.type === 'Identifier' ? p : p.type === 'BinaryExpression' && p.operator === '+' && p.left.type === 'Identifier' && isIntLiteral(p.right) && p.right.value === 1 ? p.left : undefined;
      const b = j ? this.lookup(j.name) : undefined;
      if (b?.constant && b.ty === 'i') {
        const key = (d: number) => `@${table.name}:${b.local}:${d}`;
        const delta = j === p ? 0 : 1;
        if (!this.ctx.cache.has(key(delta))) this.tablePair(b.local, table.length, key(0), key(1));
        f.get(this.ctx.cache.get(key(delta))!);
        return 'f';
      }
      // `T[x + pow2Offset]` = 2^x: the double whose exponent field is x + 1023 (no load)
      if (table.pow2Offset !== undefined && p.type === 'BinaryExpression' && p.operator === '+' && isIntLiteral(p.right) && p.right.value === table.pow2Offset) {
        if (this.expr(p.left) !== 'i') throw this.unsupported(p, 'table index that is not an integer expression');
        f.i32(1023).simd(Simd.i32x4Splat).simd(Simd.i32x4Add).simd(Simd.i64x2ExtendLowI32x4U).i32(52).simd(Simd.i64x2Shl);
        return 'f';
      }
      const ty = this.expr(e.property);
      if (ty !== 'i') throw this.unsupported(e.property, 'table index that is not an integer expression');
      const idx = this.tmp();
      // lanes that a mask switches off may hold any index: keep their reads inside the table.
      // With all lanes on, the exp template's range check has passed for both: no clamp
      if (!this.mask.full) f.i32(0).simd(Simd.i32x4Splat).simd(Simd.i32x4MaxS).i32(table.length - 1).simd(Simd.i32x4Splat).simd(Simd.i32x4MinS);
      f.i32(3).simd(Simd.i32x4Shl).tee(idx);
      // byte offsets; each lane's double loaded straight into its lane
      const v = this.tmp0();
      f.simd(Simd.i32x4ExtractLane, 0).mem(true, Simd.load64Zero, 3, '@table', 0).set(v);
      f.get(idx).simd(Simd.i32x4ExtractLane, 1).get(v).mem(true, Simd.load64Lane, 3, '@table', 0, 1);
      this.release(idx);
      return 'f';
    }
    const kind = this.symbols.arrays[name];
    if (!kind) throw this.unsupported(e, `indexing "${name}"`);
    if (e.property.type !== 'Identifier' || e.property.name !== 'i') throw this.unsupported(e.property, 'index other than i');
    this.shared.arrays.add(name);
    return this.load(name, kind);
  }

  /**
   * Loads `T[j]` and `T[j + 1]` for both lanes (16 bytes per lane, then two shuffles) into new
   * locals cached under `k0` and `k1`. The cache is the array cache: a branch drops its entries.
   */
  private tablePair(j: number, length: number, k0: string, k1: string): void {
    const f = this.f;
    const idx = this.tmp(), a = this.tmp();
    f.get(j);
    if (!this.mask.full) f.i32(0).simd(Simd.i32x4Splat).simd(Simd.i32x4MaxS).i32(length - 2).simd(Simd.i32x4Splat).simd(Simd.i32x4MinS);
    f.i32(3).simd(Simd.i32x4Shl).tee(idx);
    f.simd(Simd.i32x4ExtractLane, 0).mem(true, Simd.load, 3, '@table', 0).set(a);
    f.get(idx).simd(Simd.i32x4ExtractLane, 1).mem(true, Simd.load, 3, '@table', 0).set(idx);
    const lo = Array.from({ length: 8 }, (_, k) => k), hi = lo.map((k) => k + 8);
    const v0 = this.f.local(V128), v1 = this.f.local(V128);
    // lane 0's pair is a, lane 1's is idx: low halves give T[j], high halves T[j + 1]
    f.get(a).get(idx).simd(Simd.shuffle, ...lo, ...lo.map((k) => k + 16)).set(v0);
    f.get(a).get(idx).simd(Simd.shuffle, ...hi, ...hi.map((k) => k + 16)).set(v1);
    this.ctx.cache.set(k0, v0);
    this.ctx.cache.set(k1, v1);
    this.release(idx);
    this.release(a);
  }

  /** `name[i]` for both lanes as f64x2 (integer arrays converted exactly). */
  private load(name: string, kind: 'f64' | 'i32' | 'u8'): Ty {
    const f = this.f;
    const cached = this.ctx.cache.get(name);
    if (cached !== undefined) {
      f.get(cached);
      return 'f';
    }
    const at = this.ctx.lane * BYTES[kind];
    if (kind === 'f64') f.get(this.i8).mem(true, Simd.load, 3, name, at);
    else if (kind === 'i32') f.get(this.i4).mem(true, Simd.load64Zero, 3, name, at).simd(Simd.f64x2ConvertLowI32x4S);
    else {
      // two bytes, splatted; the low two i32 lanes after widening are byte 0 and byte 1
      f.get(this.i).mem(true, Simd.load16Splat, 0, name, at).simd(Simd.i16x8ExtendLowI8x16U).simd(Simd.i32x4ExtendLowI16x8U).simd(Simd.f64x2ConvertLowI32x4U);
    }
    const local = this.f.local(V128);
    f.tee(local);
    this.ctx.cache.set(name, local);
    return 'f';
  }

  private binary(e: Node): Ty {
    const op = e.operator as string;
    const f = this.f;
    if (op === '-' && isShift(e.right) && e.left.type === 'BinaryExpression' && e.left.operator === '+' && isShift(e.left.right)) {
      // `(x + SHIFT) - SHIFT`: keep `x + SHIFT`, whose low 32 bits are the rounded integer
      this.toF(this.expr(e.left));
      const local = this.f.local(V128);
      f.tee(local).f64x2(SHIFT).simd(Simd.f64x2Sub);
      this.shifted = { node: e, local };
      return 'f';
    }
    if (op in ARITH) return this.arith(op, () => this.expr(e.left), () => this.expr(e.right), e);
    if (op in COMPARE) {
      const l = this.expr(e.left);
      // int32 values (refractory counters) compare as integers: the same order as doubles
      if (l === 'i' && isIntLiteral(e.right)) {
        f.i32(e.right.value).simd(Simd.i32x4Splat).simd(INT_COMPARE[op]!).simd(Simd.i64x2ExtendLowI32x4S);
        return 'b';
      }
      const r = this.expr(e.right);
      if (l === 'i' && r === 'i') {
        f.simd(INT_COMPARE[op]!).simd(Simd.i64x2ExtendLowI32x4S);
        return 'b';
      }
      this.convertPair(l, r, 'f');
      f.simd(COMPARE[op]!);
      return 'b';
    }
    if (op === '%') return this.importCall('(a, b) => a % b', [e.left, e.right]);
    // integer arithmetic of the exp table index: `k | 0`, `j & 127`, `j << 1`, `i >> 7`
    if (op === '|' && isIntLiteral(e.right) && e.right.value === 0) {
      // `A[i] | 0` of an Int32Array: the integers themselves, not converted to doubles
      const m = e.left;
      if (m.type === 'MemberExpression' && m.computed && m.object.type === 'Identifier' && this.symbols.arrays[m.object.name] === 'i32'
        && m.property.type === 'Identifier' && m.property.name === 'i' && !this.lookup('i')) {
        this.shared.arrays.add(m.object.name);
        f.get(this.i4).mem(true, Simd.load64Zero, 3, m.object.name, this.ctx.lane * 4);
        return 'i';
      }
      // `k | 0` of `const k = (x + SHIFT) - SHIFT`: ToInt32(k) is k modulo 2^32, the low word of
      // x + SHIFT's bits (|k| < 2^51; the exp template's range check keeps |k| < 2^18). Exactly
      // JavaScript's result, where the truncation below saturates beyond 32 bits instead
      const b = e.left.type === 'Identifier' ? this.lookup(e.left.name) : undefined;
      if (b?.constant && b.shifted !== undefined) {
        f.get(b.shifted).get(b.shifted).simd(Simd.shuffle, 0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11);
        return 'i';
      }
      const ty = this.expr(e.left);
      if (ty === 'b') throw this.unsupported(e, 'bitwise or of a comparison');
      if (ty === 'f') f.simd(Simd.i32x4TruncSatF64x2SZero);
      return 'i';
    }
    if (op === '&' || op === '<<' || op === '>>') {
      if (this.expr(e.left) !== 'i') throw this.unsupported(e, `${op} of a non-integer`);
      if (!isIntLiteral(e.right)) throw this.unsupported(e, `${op} with a variable operand`);
      if (op === '&') f.i32(e.right.value).simd(Simd.i32x4Splat).simd(Simd.and);
      else f.i32(e.right.value).simd(op === '<<' ? Simd.i32x4Shl : Simd.i32x4ShrS);
      return 'i';
    }
    throw this.unsupported(e, `operator ${op}`);
  }

  /** `+ - * /` of two operands; integers stay integers for `+`/`-` (exact in both). */
  private arith(op: string, left: () => Ty, right: () => Ty, at: Node): Ty {
    const f = this.f;
    if (op === '+' || op === '-') {
      const l = left();
      if (l === 'i' && isIntLiteral(at.right)) {
        f.i32(at.right.value).simd(Simd.i32x4Splat).simd(op === '+' ? Simd.i32x4Add : Simd.i32x4Sub);
        return 'i';
      }
      const r = right();
      if (l === 'i' && r === 'i') {
        f.simd(op === '+' ? Simd.i32x4Add : Simd.i32x4Sub);
        return 'i';
      }
      // an integer minus (plus) a condition, which counts 1 where it holds: the mask is -1 there
      if (l === 'i' && r === 'b') {
        this.narrowMask();
        f.simd(op === '+' ? Simd.i32x4Sub : Simd.i32x4Add);
        return 'i';
      }
      this.convertPair(l, r, 'f');
    } else this.pair(left, right, false, true);
    f.simd(ARITH[op]!);
    return 'f';
  }

  /**
   * Two operands on the stack with one type: both masks stay masks if `keepMasks`, otherwise
   * both become f64x2 (`forceF`: always f64x2).
   */
  private pair(left: () => Ty, right: () => Ty, keepMasks: boolean, forceF = false): Ty {
    const l = left();
    const r = right();
    const to: Ty = !forceF && keepMasks && l === 'b' && r === 'b' ? 'b' : 'f';
    this.convertPair(l, r, to);
    return to;
  }

  private convertPair(l: Ty, r: Ty, to: Ty): void {
    if (l !== to) {
      const t = this.tmp();
      this.f.set(t);
      this.convert(l, to);
      this.f.get(t);
      this.release(t);
    }
    if (r !== to) this.convert(r, to);
  }

  private convert(from: Ty, to: Ty): void {
    if (from === to) return;
    if (to === 'f') this.toF(from);
    else if (to === 'b') this.toB(from);
    else throw new SimdUnsupported('conversion to an integer');
  }

  /** Top of stack to f64x2 (a mask becomes 1 or 0, as `true`/`false` do in arithmetic). */
  private toF(ty: Ty): 'f' {
    if (ty === 'i') this.f.simd(Simd.f64x2ConvertLowI32x4S);
    else if (ty === 'b') {
      const m = this.tmp();
      this.f.set(m).f64x2(1).f64x2(0).get(m).simd(Simd.bitselect);
      this.release(m);
    }
    return 'f';
  }

  /** Top of stack to a lane mask: JavaScript truthiness (not 0, not NaN). */
  private toB(ty: Ty): 'b' {
    if (ty === 'b') return 'b';
    this.toF(ty);
    const x = this.tmp();
    this.f.tee(x).f64x2(0).simd(Simd.f64x2Ne).get(x).get(x).simd(Simd.f64x2Eq).simd(Simd.and);
    this.release(x);
    return 'b';
  }

  private logical(e: Node): Ty {
    const f = this.f;
    if (e.operator === '??') throw this.unsupported(e, 'operator ??');
    let l: Ty, r: Ty;
    if (e.operator === '&&' && e.left.type === 'UnaryExpression' && e.left.operator === '!') {
      // `!a && b` of two conditions: one andnot (the refractory spike test)
      const a = this.tmp();
      this.toB(this.expr(e.left.argument));
      f.set(a);
      r = this.expr(e.right);
      if (r === 'b') {
        f.get(a).simd(Simd.andnot);
        this.release(a);
        return 'b';
      }
      const rv = this.tmp();
      f.set(rv).get(a).simd(Simd.not).get(rv);
      this.release(rv);
      this.release(a);
      l = 'b';
    } else {
      l = this.expr(e.left);
      r = this.expr(e.right);
    }
    if (l === 'b' && r === 'b') {
      f.simd(e.operator === '&&' ? Simd.and : Simd.or);
      return 'b';
    }
    // values: `a && b` is b where a is truthy, else a; `a || b` the other way round
    const a = this.tmp(), b = this.tmp();
    this.toF(r);
    f.set(b);
    this.toF(l);
    f.set(a);
    if (e.operator === '&&') f.get(b).get(a);
    else f.get(a).get(b);
    f.get(a);
    this.toB('f');
    f.simd(Simd.bitselect);
    this.release(a);
    this.release(b);
    return 'f';
  }

  private call(e: Node): Ty {
    const f = this.f;
    const c = e.callee;
    if (c.type === 'MemberExpression' && !c.computed && c.object.type === 'Identifier' && c.object.name === 'Math') {
      const fn = c.property.name as string;
      if (fn in MATH_NATIVE && e.arguments.length === 1) {
        this.toF(this.expr(e.arguments[0]));
        f.simd(MATH_NATIVE[fn]!);
        return 'f';
      }
      if ((fn === 'min' || fn === 'max') && e.arguments.length >= 2) {
        this.toF(this.expr(e.arguments[0]));
        for (const a of e.arguments.slice(1)) {
          this.toF(this.expr(a));
          f.simd(fn === 'min' ? Simd.f64x2Min : Simd.f64x2Max);
        }
        return 'f';
      }
      return this.importCall(`Math.${fn}`, e.arguments);
    }
    if (c.type === 'MemberExpression' && !c.computed && c.object.type === 'Identifier' && c.object.name === 'Number' && e.arguments.length === 1) {
      const fn = c.property.name as string;
      if (fn === 'isNaN' || fn === 'isFinite') {
        const x = this.tmp();
        this.toF(this.expr(e.arguments[0]));
        if (fn === 'isNaN') f.tee(x).get(x).simd(Simd.f64x2Ne);
        else f.simd(Simd.f64x2Abs).f64x2(Infinity).simd(Simd.f64x2Lt);
        this.release(x);
        return 'b';
      }
    }
    if (c.type !== 'Identifier') throw this.unsupported(e, 'call of an expression');
    const h = this.helpers.get(c.name);
    if (h && h.params.length === e.arguments.length && this.inlineDepth < 8) return this.inline(h, e.arguments);
    if (this.lookup(c.name)) throw this.unsupported(e, 'call of a local');
    return this.importCall(c.name, e.arguments);
  }

  private inline(h: Helper, args: Node[]): Ty {
    const scope = new Map<string, { local: number; ty: Ty }>();
    // arguments are evaluated in the caller's scope, then bound
    args.forEach((a, k) => {
      const ty = this.expr(a);
      const local = this.f.local(V128);
      this.f.set(local);
      scope.set(h.params[k]!, { local, ty });
    });
    const saved = this.ctx.scopes.splice(0);
    this.ctx.scopes.push(scope);
    this.inlineDepth++;
    const source = this.source;
    this.source = h.source;
    try {
      const outer = this.mask;
      // declarations inside a helper are new locals: plain stores are right under any mask
      this.mask = FULL;
      for (const d of h.decls) this.statement(d);
      this.mask = outer;
      return this.expr(h.result);
    } finally {
      this.source = source;
      this.inlineDepth--;
      this.ctx.scopes.splice(0);
      this.ctx.scopes.push(...saved);
    }
  }

  /** A function called lane by lane through an import (`f.<k>`): exactly JavaScript's result. */
  private importCall(expr: string, args: Node[]): Ty {
    const f = this.f;
    const temps = args.map((a) => {
      this.toF(this.expr(a));
      const t = this.tmp();
      f.set(t);
      return t;
    });
    let k = this.shared.imports.findIndex((x) => x.expr === expr && x.params === args.length);
    if (k < 0) {
      k = this.shared.imports.length;
      this.shared.imports.push({ expr, params: args.length });
    }
    for (let l = 0; l < 2; l++) {
      for (const t of temps) f.get(t).simd(Simd.f64x2ExtractLane, l);
      f.op(Op.call, ...uleb(k));
      if (l === 0) f.simd(Simd.f64x2Splat);
      else f.simd(Simd.f64x2ReplaceLane, 1);
    }
    temps.forEach((t) => this.release(t));
    return 'f';
  }

  // ---- bookkeeping ----

  private lookup(name: string) {
    for (let k = this.ctx.scopes.length - 1; k >= 0; k--) {
      const b = this.ctx.scopes[k]!.get(name);
      if (b) return b;
    }
    return undefined;
  }

  /** A scratch local for values consumed at once (never held across other code). */
  private tmp0(): number {
    if (this.scratch0 === undefined) this.scratch0 = this.f.local(V128);
    return this.scratch0;
  }

  private scratch0: number | undefined;
  /** i32 local holding a condition's lane bits while its branches are chosen (not held across them). */
  private bitsLocal: number | undefined;

  private tmp(): number {
    return this.free.pop() ?? this.f.local(V128);
  }

  private release(t: number): void {
    this.free.push(t);
  }

  private unsupported(node: Node, what: string): SimdUnsupported {
    return new SimdUnsupported(`${what} in \`${this.source.slice(node.start, node.end).slice(0, 80)}\``);
  }
}
