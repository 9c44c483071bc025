/**
 * numpy's `random(n) < p` test over the MT19937 stream in WebAssembly: the twist and the
 * tempering on four 32-bit lanes, the comparison on the tempered words without forming the
 * double. A 16000-neuron network at p = 0.02 draws 2.6e8 doubles (5.1e8 words) for its
 * connectivity; in JavaScript that alone took ~5 s. Same words, same decisions as
 * {@link NumpyRandomState.random} followed by `u[k] < p`.
 *
 * Why the comparison is exact: numpy's double is `(a * 2^26 + b) / 2^53` with `a = w1 >>> 5`,
 * `b = w2 >>> 6`; the numerator K is an integer below 2^53 and the division is exact, so
 * `u < p` iff `K < ceil(p * 2^53)` = `A * 2^26 + B`, i.e. `a < A || (a === A && b < B)`.
 * A pair can only be selected if `w1 < (A + 1) * 32`: four pairs are tested at once for that,
 * and only the rare candidates are decided word by word.
 */
import { I32, Op, Simd, V128, WasmFunction, uleb, wasmModule, wasmSimdSupported } from '../../language/wasm/wasm-module.js';

const N = 624;
const M = 397;
/** Byte layout of the memory: read position, key, selected indices. */
const POS = 0, KEY = 16, OUT = KEY + 4 * N;
const TEMPER_B = 0x9d2c5680, TEMPER_C = 0xefc60000;

// opcodes this module needs beyond the kernel compiler's table
const I32_EQ = 0x46, I32_LT_U = 0x49, I32_OR = 0x72, I32_XOR = 0x73, I32_SHR_S = 0x75, I32_GE_S = 0x4e, I32_SELECT = 0x1b;
const V_I32X4_LT_U = 0x3a, V_I32X4_SHR_U = 0xad;
const EMPTY = 0x40;

const memarg = (align: number, offset: number) => [align, ...uleb(offset)];

/** `y = (x & UPPER) | (x1 & LOWER); x = xm ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A)` on i32 locals; leaves the result. */
function twistScalar(f: WasmFunction, x: number, x1: number, xm: number): void {
  f.get(x).i32(0x80000000).op(Op.i32And).get(x1).i32(0x7fffffff).op(Op.i32And).op(I32_OR).set(x);
  f.get(xm).get(x).i32(1).op(Op.i32ShrU).op(I32_XOR);
  f.get(x).i32(31).op(Op.i32Shl).i32(31).op(I32_SHR_S).i32(0x9908b0df).op(Op.i32And).op(I32_XOR);
}

/** `twist()`: regenerate the key (MT19937's twist), four words at a time where it can. */
function twistFunction(): WasmFunction {
  const f = new WasmFunction([], []);
  const p = f.local(I32);
  const x = f.local(V128), x1 = f.local(V128), xm = f.local(V128);
  const upper = f.local(V128), lower = f.local(V128), matrix = f.local(V128);
  const s = f.local(I32), s1 = f.local(I32), sm = f.local(I32);
  f.i32(0x80000000).simd(Simd.i32x4Splat).set(upper);
  f.i32(0x7fffffff).simd(Simd.i32x4Splat).set(lower);
  f.i32(0x9908b0df).simd(Simd.i32x4Splat).set(matrix);
  const load = (local: number, delta: number) => {
    f.get(p);
    // a memory offset is unsigned: words behind p are addressed by subtracting first
    if (delta < 0) f.i32(-delta).op(Op.i32Sub);
    f.simd(Simd.load, ...memarg(0, KEY + Math.max(0, delta))).set(local);
  };
  // a vector loop over key positions [from, to) (multiples of 4 apart), xm at `mOffset` words
  const vectorLoop = (from: number, to: number, mOffset: number) => {
    f.i32(4 * from).set(p);
    f.op(Op.loop, EMPTY);
    load(x, 0); load(x1, 4); load(xm, 4 * mOffset);
    f.get(p);
    f.get(x).get(upper).simd(Simd.and).get(x1).get(lower).simd(Simd.and).simd(Simd.or).set(x);
    f.get(xm).get(x).i32(1).simd(V_I32X4_SHR_U).simd(Simd.xor);
    f.get(x).i32(31).simd(Simd.i32x4Shl).i32(31).simd(Simd.i32x4ShrS).get(matrix).simd(Simd.and).simd(Simd.xor);
    f.simd(Simd.store, ...memarg(0, KEY));
    f.get(p).i32(16).op(Op.i32Add).tee(p).i32(4 * to).op(Op.i32LtS).op(Op.brIf, 0);
    f.op(Op.end);
  };
  const scalar = (kk: number, k1: number, km: number) => {
    f.i32(0).op(Op.i32Load, ...memarg(2, KEY + 4 * kk)).set(s);
    f.i32(0).op(Op.i32Load, ...memarg(2, KEY + 4 * k1)).set(s1);
    f.i32(0).op(Op.i32Load, ...memarg(2, KEY + 4 * km)).set(sm);
    f.i32(0);
    twistScalar(f, s, s1, sm);
    f.op(Op.i32Store, ...memarg(2, KEY + 4 * kk));
  };
  // positions below N - M read old words M ahead; 224..226 cannot form a vector (their words
  // M ahead wrap to the start), the rest read words N - M behind, already new
  vectorLoop(0, 224, M);
  for (let kk = 224; kk < N - M; kk++) scalar(kk, kk + 1, kk + M);
  vectorLoop(N - M, N - 1, M - N);
  scalar(N - 1, 0, M - 1);
  return f;
}

/**
 * `select(n, A, B, C) -> count`: draws n doubles (pairs of words from the read position),
 * writes the indices k with `u_k < p` at OUT and returns their number. `C = (A + 1) * 32` is the
 * candidate bound of the tempered first word as an unsigned 32-bit pattern, 0 to test every pair.
 * Words are tempered where they are read: the second word of a pair only in the rare case that
 * the first does not decide.
 */
function selectFunction(twistIndex: number): WasmFunction {
  const n = 0, A = 1, B = 2, C = 3;
  const f = new WasmFunction([I32, I32, I32, I32], [I32]);
  const k = f.local(I32), pos = f.local(I32), cnt = f.local(I32), end = f.local(I32), a = f.local(I32), t = f.local(I32);
  const hv = f.local(V128), vB = f.local(V128), vC = f.local(V128), vCand = f.local(V128);
  /** Temper the i32 on the stack (MT19937's output transform). */
  const temper = () => {
    f.set(t);
    f.get(t).get(t).i32(11).op(Op.i32ShrU).op(I32_XOR).set(t);
    f.get(t).get(t).i32(7).op(Op.i32Shl).i32(TEMPER_B).op(Op.i32And).op(I32_XOR).set(t);
    f.get(t).get(t).i32(15).op(Op.i32Shl).i32(TEMPER_C).op(Op.i32And).op(I32_XOR).set(t);
    f.get(t).get(t).i32(18).op(Op.i32ShrU).op(I32_XOR);
  };
  const wordAt = (offset: number) => { f.get(pos).i32(2).op(Op.i32Shl).op(Op.i32Load, ...memarg(2, KEY + offset)); temper(); };
  const append = (j: number) => {
    f.get(cnt).i32(2).op(Op.i32Shl).get(k);
    if (j) f.i32(j).op(Op.i32Add);
    f.op(Op.i32Store, ...memarg(2, OUT));
    f.get(cnt).i32(1).op(Op.i32Add).set(cnt);
  };
  // `a` holds the tempered first word >>> 5: select if a < A, or if a == A and b < B
  const decide = (second: () => void, j: number) => {
    f.get(a).get(A).op(I32_LT_U).op(Op.if, EMPTY);
    append(j);
    f.op(Op.else);
    f.get(a).get(A).op(I32_EQ).op(Op.if, EMPTY);
    second(); f.i32(6).op(Op.i32ShrU).get(B).op(I32_LT_U).op(Op.if, EMPTY);
    append(j);
    f.op(Op.end).op(Op.end).op(Op.end);
  };
  f.i32(TEMPER_B).simd(Simd.i32x4Splat).set(vB);
  f.i32(TEMPER_C).simd(Simd.i32x4Splat).set(vC);
  f.get(C).simd(Simd.i32x4Splat).set(vCand);
  f.i32(0).op(Op.i32Load, ...memarg(2, POS)).set(pos);
  f.op(Op.block, EMPTY); // $done
  f.op(Op.loop, EMPTY); // $outer
  f.get(k).get(n).op(I32_GE_S).op(Op.brIf, 1);
  f.get(pos).i32(N).op(I32_EQ).op(Op.if, EMPTY).op(Op.call, twistIndex).i32(0).set(pos).op(Op.end);
  // a pair across two blocks: its first word ends this block, its second starts the next
  f.get(pos).i32(N - 1).op(I32_EQ).op(Op.if, EMPTY);
  wordAt(0); f.i32(5).op(Op.i32ShrU).set(a);
  f.op(Op.call, twistIndex);
  f.i32(0).set(pos);
  decide(() => wordAt(0), 0);
  f.i32(1).set(pos);
  f.get(k).i32(1).op(Op.i32Add).set(k);
  f.op(Op.br, 1);
  f.op(Op.end);
  // end = min(n, k + pairs left in this block)
  f.get(k).i32(N).get(pos).op(Op.i32Sub).i32(1).op(Op.i32ShrU).op(Op.i32Add).tee(end);
  f.get(n).get(end).get(n).op(Op.i32LtS).op(I32_SELECT).set(end);
  // four pairs per iteration while C allows it: the four first words tempered together, and
  // candidates only where one of them is below C
  f.get(C).op(Op.if, EMPTY);
  f.op(Op.block, EMPTY);
  f.op(Op.loop, EMPTY);
  f.get(end).get(k).op(Op.i32Sub).i32(4).op(Op.i32LtS).op(Op.brIf, 1);
  f.get(pos).i32(2).op(Op.i32Shl).simd(Simd.load, ...memarg(0, KEY));
  f.get(pos).i32(2).op(Op.i32Shl).simd(Simd.load, ...memarg(0, KEY + 16));
  f.simd(Simd.shuffle, 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27).set(hv);
  f.get(hv).get(hv).i32(11).simd(V_I32X4_SHR_U).simd(Simd.xor).set(hv);
  f.get(hv).get(hv).i32(7).simd(Simd.i32x4Shl).get(vB).simd(Simd.and).simd(Simd.xor).set(hv);
  f.get(hv).get(hv).i32(15).simd(Simd.i32x4Shl).get(vC).simd(Simd.and).simd(Simd.xor).set(hv);
  f.get(hv).get(hv).i32(18).simd(V_I32X4_SHR_U).simd(Simd.xor).tee(hv);
  f.get(vCand).simd(V_I32X4_LT_U).simd(Simd.anyTrue).op(Op.if, EMPTY);
  for (let j = 0; j < 4; j++) {
    f.get(hv).simd(Simd.i32x4ExtractLane, j).i32(5).op(Op.i32ShrU).set(a);
    decide(() => wordAt(8 * j + 4), j);
  }
  f.op(Op.end);
  f.get(k).i32(4).op(Op.i32Add).set(k);
  f.get(pos).i32(8).op(Op.i32Add).set(pos);
  f.op(Op.br, 0);
  f.op(Op.end);
  f.op(Op.end);
  f.op(Op.end);
  // the rest of the block's pairs one by one
  f.op(Op.block, EMPTY);
  f.op(Op.loop, EMPTY);
  f.get(k).get(end).op(I32_GE_S).op(Op.brIf, 1);
  wordAt(0); f.i32(5).op(Op.i32ShrU).set(a);
  decide(() => wordAt(4), 0);
  f.get(k).i32(1).op(Op.i32Add).set(k);
  f.get(pos).i32(2).op(Op.i32Add).set(pos);
  f.op(Op.br, 0);
  f.op(Op.end);
  f.op(Op.end);
  f.op(Op.br, 0);
  f.op(Op.end); // $outer
  f.op(Op.end); // $done
  f.i32(POS).get(pos).op(Op.i32Store, ...memarg(2, 0));
  f.get(cnt);
  return f;
}

interface Instance {
  memory: WebAssembly.Memory;
  select: (n: number, A: number, B: number, C: number) => number;
}

let instance: Instance | null | undefined;

/** The module, compiled on first use; null without WebAssembly SIMD. */
function simdInstance(): Instance | null {
  if (instance !== undefined) return instance;
  instance = null;
  if (!wasmSimdSupported()) return instance;
  const functions = [{ name: 'twist', fn: twistFunction() }, { name: 'select', fn: selectFunction(0) }];
  const { bytes } = wasmModule({ imports: [], functions });
  const memory = new WebAssembly.Memory({ initial: 1 });
  const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: memory } }).exports as unknown as { select: Instance['select'] };
  instance = { memory, select: exports.select };
  return instance;
}

/** What {@link selectBelow} reads and writes of a generator: its key and read position. */
export interface MTKeyAccess {
  /** Copy the key into `out` at `at`; returns the read position (0..624). */
  saveKey(out: Uint32Array, at: number): number;
  /** Load a key from `src` at `at` and the read position. */
  loadKey(src: Uint32Array, at: number, pos: number): void;
}

/**
 * The indices k < n with `random(n)[k] < p` on `mt` (numpy's doubles), written to the start of
 * the returned array (valid until the next call), their number in `count`; undefined without
 * WebAssembly SIMD (the caller draws the doubles itself then).
 *
 * @example
 * ```ts
 * const r = selectBelow(mt, 16000, 0.02); // r.indices.subarray(0, r.count)
 * ```
 */
export function selectBelow(mt: MTKeyAccess, n: number, p: number): { indices: Int32Array; count: number } | undefined {
  const run = loadKey(mt, n, p);
  if (!run) return undefined;
  const count = run.inst.select(n, run.A, run.B, run.C);
  mt.loadKey(run.words, KEY / 4, run.words[POS / 4]!);
  return { indices: new Int32Array(run.inst.memory.buffer, OUT, n), count };
}

/** Copy `mt`'s key into the module's memory (grown for n indices) and compute the bounds of p; undefined where {@link selectBelow} gives up. */
function loadKey(mt: MTKeyAccess, n: number, p: number): { inst: Instance; words: Uint32Array; A: number; B: number; C: number } | undefined {
  const inst = simdInstance();
  if (!inst || !(p >= 0 && p <= 1) || !Number.isInteger(n) || n < 0 || n > 2 ** 28) return undefined;
  const need = OUT + 4 * n;
  if (inst.memory.buffer.byteLength < need) inst.memory.grow(Math.ceil((need - inst.memory.buffer.byteLength) / 65536));
  const words = new Uint32Array(inst.memory.buffer);
  words[POS / 4] = mt.saveKey(words, KEY / 4);
  // K < ceil(p * 2^53) = A * 2^26 + B (p * 2^53 is exact: a power-of-two scaling)
  const bound = Math.ceil(p * 2 ** 53);
  const A = Math.floor(bound / 2 ** 26), B = bound - A * 2 ** 26;
  // (A + 1) * 32 must fit 32 bits for the vector pre-test; otherwise every pair is decided alone
  const C = (A + 1) * 32 < 2 ** 32 ? ((A + 1) * 32) | 0 : 0;
  return { inst, words, A, B, C };
}

/**
 * {@link selectBelow} for `rows` consecutive draws of `random(n) < p` with the key kept in the
 * module's memory between them (one copy in and out instead of one per row): `onRow(indices,
 * count)` sees each row's selection (valid during the call) and must not draw from `mt`. Returns
 * false, drawing nothing, without WebAssembly SIMD or for arguments {@link selectBelow} refuses.
 *
 * @example
 * ```ts
 * selectBelowRows(mt, 16000, 12800, 0.02, (idx, m) => { ... });
 * ```
 */
export function selectBelowRows(mt: MTKeyAccess, rows: number, n: number, p: number, onRow: (indices: Int32Array, count: number) => void): boolean {
  const run = loadKey(mt, n, p);
  if (!run) return false;
  const { inst, A, B, C } = run;
  const indices = new Int32Array(inst.memory.buffer, OUT, n);
  try {
    for (let r = 0; r < rows; r++) onRow(indices, inst.select(n, A, B, C));
  } finally {
    // the key goes back even if onRow throws: the generator stands after the rows drawn
    mt.loadKey(run.words, KEY / 4, run.words[POS / 4]!);
  }
  return true;
}
