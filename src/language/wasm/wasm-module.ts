/**
 * A minimal WebAssembly binary writer: the opcodes the SIMD kernel compiler uses and the module
 * layout it needs (one imported memory, imported scalar functions, exported functions). Written
 * here, not taken from a library: the subset is ~30 opcodes, and a toolchain such as binaryen
 * would add megabytes to a browser bundle for it.
 *
 * @example
 * ```ts
 * const f = new WasmFunction([I32], [I32]);
 * f.op(Op.localGet, 0);
 * const { bytes } = wasmModule({ imports: [], functions: [{ name: 'id', fn: f }] });
 * ```
 */

/** Value types. */
export const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;
export type ValType = typeof I32 | typeof F64 | typeof V128;

/** Unsigned LEB128 (as {@link ByteWriter.uleb} writes it). */
export function uleb(n: number): number[] {
  const w = new ByteWriter(8);
  w.uleb(n);
  return Array.from(w.view());
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const F64_SCRATCH = new Float64Array(1), F64_BYTES = new Uint8Array(F64_SCRATCH.buffer);
const f64Bytes = (x: number): number[] => {
  F64_SCRATCH[0] = x;
  return Array.from(F64_BYTES);
};
const name = (s: string) => [...uleb(s.length), ...Array.from(new TextEncoder().encode(s))];

/** Core opcodes (one byte). */
export const Op = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d, return: 0x0f, call: 0x10,
  drop: 0x1a, localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Load: 0x28, f64Load: 0x2b, i32Load8u: 0x2d, i32Store: 0x36, f64Store: 0x39, i32Store8: 0x3a,
  i32Const: 0x41, f64Const: 0x44,
  i32Eqz: 0x45, i32Eq: 0x46, i32LtS: 0x48, i32GeS: 0x4e, i32Add: 0x6a, i32Sub: 0x6b, i32And: 0x71, i32Shl: 0x74, i32ShrU: 0x76,
  f64ConvertI32S: 0xb7, f64ConvertI32U: 0xb8,
} as const;

/** SIMD opcodes (after the 0xfd prefix). */
export const Simd = {
  load: 0x00, load16Splat: 0x08, store: 0x0b, const: 0x0c, shuffle: 0x0d, load64Lane: 0x57, store16Lane: 0x59, store64Lane: 0x5b, load64Zero: 0x5d,
  i32x4Splat: 0x11, f64x2Splat: 0x14, i32x4ExtractLane: 0x1b, i32x4ReplaceLane: 0x1c,
  f64x2ExtractLane: 0x21, f64x2ReplaceLane: 0x22,
  f64x2Eq: 0x47, f64x2Ne: 0x48, f64x2Lt: 0x49, f64x2Gt: 0x4a, f64x2Le: 0x4b, f64x2Ge: 0x4c,
  not: 0x4d, and: 0x4e, andnot: 0x4f, or: 0x50, xor: 0x51, bitselect: 0x52, anyTrue: 0x53,
  f64x2Ceil: 0x74, f64x2Floor: 0x75, f64x2Trunc: 0x7a,
  i32x4Shl: 0xab, i32x4ShrS: 0xac, i32x4Add: 0xae, i32x4Sub: 0xb1, i32x4MinS: 0xb6, i32x4MaxS: 0xb8,
  i32x4Eq: 0x37, i32x4Ne: 0x38, i32x4LtS: 0x39, i32x4GtS: 0x3b, i32x4LeS: 0x3d, i32x4GeS: 0x3f,
  i64x2AllTrue: 0xc3, i64x2Bitmask: 0xc4, i64x2ExtendLowI32x4S: 0xc7,
  f64x2Abs: 0xec, f64x2Neg: 0xed, f64x2Sqrt: 0xef, f64x2Add: 0xf0, f64x2Sub: 0xf1, f64x2Mul: 0xf2, f64x2Div: 0xf3,
  f64x2Min: 0xf4, f64x2Max: 0xf5,
  i16x8ExtendLowI8x16U: 0x89, i32x4ExtendLowI16x8U: 0xa9,
  i64x2ExtendLowI32x4U: 0xc9, i64x2Shl: 0xcb,
  i32x4TruncSatF64x2SZero: 0xfc, f64x2ConvertLowI32x4S: 0xfe, f64x2ConvertLowI32x4U: 0xff,
} as const;

/** A growable byte buffer. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(capacity);
  }

  byte(b: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = b;
  }

  bytes(bs: ArrayLike<number>): void {
    for (let k = 0; k < bs.length; k++) this.byte(bs[k]!);
  }

  uleb(n: number): void {
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n !== 0) b |= 0x80;
      this.byte(b);
    } while (n !== 0);
  }

  /** A u32 LEB128 of exactly 5 bytes (a placeholder patched later). */
  uleb5(n: number): void {
    for (let k = 0; k < 4; k++) this.byte(((n >>> (7 * k)) & 0x7f) | 0x80);
    this.byte((n >>> 28) & 0x0f);
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Write `n` as a 5-byte u32 LEB128 at `at`. */
export function patchUleb5(bytes: Uint8Array, at: number, n: number): void {
  for (let k = 0; k < 4; k++) bytes[at + k] = ((n >>> (7 * k)) & 0x7f) | 0x80;
  bytes[at + 4] = (n >>> 28) & 0x0f;
}

/** A memory offset left open in the code: `symbol + delta`, filled in by {@link patchUleb5}. */
export interface Relocation {
  /** Byte position of the 5-byte LEB128. */
  at: number;
  symbol: string;
  delta: number;
}

/**
 * The body of one function being written: its locals and code bytes. Code goes to the body or,
 * inside {@link WasmFunction.head}, to a part that runs first (written after the body is known).
 */
export class WasmFunction {
  private readonly body = new ByteWriter();
  private readonly start = new ByteWriter();
  private out = this.body;
  private readonly relocs: { head: boolean; at: number; symbol: string; delta: number }[] = [];
  private readonly localTypes: ValType[] = [];

  constructor(readonly params: ValType[], readonly results: ValType[]) {}

  /** A new local of `type`; returns its index. */
  local(type: ValType): number {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  /** Write code that runs before everything written so far (and after earlier head code). */
  head(write: () => void): void {
    this.out = this.start;
    try {
      write();
    } finally {
      this.out = this.body;
    }
  }

  /** Append a core opcode and its immediates (already encoded as LEB128 where needed). */
  op(code: number, ...imm: number[]): this {
    this.out.byte(code);
    this.out.bytes(imm);
    return this;
  }

  /** Append a SIMD opcode with its immediates. */
  simd(code: number, ...imm: number[]): this {
    this.out.byte(0xfd);
    this.out.uleb(code);
    this.out.bytes(imm);
    return this;
  }

  /**
   * A memory access: opcode (`simd`: after the 0xfd prefix), alignment (log2), the offset
   * `symbol + delta` left open for {@link wasmModule}'s relocations, then `lane` if given.
   */
  mem(simd: boolean, code: number, alignLog2: number, symbol: string, delta: number, lane?: number): this {
    if (simd) this.out.byte(0xfd);
    this.out.uleb(code);
    this.out.uleb(alignLog2);
    this.relocs.push({ head: this.out === this.start, at: this.out.length, symbol, delta });
    this.out.uleb5(0);
    if (lane !== undefined) this.out.byte(lane);
    return this;
  }

  get(index: number): this { this.out.byte(Op.localGet); this.out.uleb(index); return this; }
  set(index: number): this { this.out.byte(Op.localSet); this.out.uleb(index); return this; }
  tee(index: number): this { this.out.byte(Op.localTee); this.out.uleb(index); return this; }
  i32(value: number): this { return this.op(Op.i32Const, ...sleb(value | 0)); }
  f64(value: number): this { return this.op(Op.f64Const, ...f64Bytes(value)); }
  /** `v128.const` of two f64 lanes. */
  f64x2(a: number, b: number = a): this { return this.simd(Simd.const, ...f64Bytes(a), ...f64Bytes(b)); }

  /** Write the encoded function (size, locals, head, body, `end`); returns its relocations. */
  encodeInto(w: ByteWriter): Relocation[] {
    const locals = new ByteWriter();
    const groups: [number, ValType][] = [];
    for (const t of this.localTypes) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    locals.uleb(groups.length);
    for (const [n, t] of groups) {
      locals.uleb(n);
      locals.byte(t);
    }
    w.uleb(locals.length + this.start.length + this.body.length + 1);
    const at = w.length + locals.length;
    w.bytes(locals.view());
    w.bytes(this.start.view());
    w.bytes(this.body.view());
    w.byte(Op.end);
    return this.relocs.map((r) => ({ at: at + (r.head ? 0 : this.start.length) + r.at, symbol: r.symbol, delta: r.delta }));
  }
}

/** A module: memory imported as `e.m`, functions imported as `f.<k>`, functions exported by name. */
export interface WasmModuleSpec {
  /** Imported functions: parameter count (all f64), one f64 result. */
  imports: { params: number }[];
  functions: { name: string; fn: WasmFunction }[];
}

const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];

/**
 * Encode a module; imported functions take indices 0.. and the module's own follow. Memory
 * offsets written with {@link WasmFunction.mem} are zero in `bytes`: patch each relocation
 * (`patchUleb5(bytes, r.at, value of r.symbol + r.delta)`) before compiling.
 */
export function wasmModule(spec: WasmModuleSpec): { bytes: Uint8Array<ArrayBuffer>; relocations: Relocation[] } {
  const types: string[] = [];
  const typeBytes: number[][] = [];
  const typeOf = (params: ValType[], results: ValType[]) => {
    const key = `${params.join(',')}>${results.join(',')}`;
    let k = types.indexOf(key);
    if (k < 0) {
      k = types.length;
      types.push(key);
      typeBytes.push([0x60, ...uleb(params.length), ...params, ...uleb(results.length), ...results]);
    }
    return k;
  };
  const importEntries: number[][] = [[...name('e'), ...name('m'), 0x02, 0x00, 0x01]];
  spec.imports.forEach((imp, k) => {
    const t = typeOf(Array<ValType>(imp.params).fill(F64), [F64]);
    importEntries.push([...name('f'), ...name(String(k)), 0x00, ...uleb(t)]);
  });
  const funcTypes = spec.functions.map((f) => uleb(typeOf(f.fn.params, f.fn.results)));
  const exports = spec.functions.map((f, k) => [...name(f.name), 0x00, ...uleb(spec.imports.length + k)]);
  const code = new ByteWriter();
  code.uleb(spec.functions.length);
  const relocs = spec.functions.flatMap((f) => f.fn.encodeInto(code));
  const w = new ByteWriter();
  w.bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  w.bytes(section(1, vec(typeBytes)));
  w.bytes(section(2, vec(importEntries)));
  w.bytes(section(3, vec(funcTypes)));
  w.bytes(section(7, vec(exports)));
  w.byte(10);
  w.uleb(code.length);
  const at = w.length;
  w.bytes(code.view());
  return { bytes: w.view().slice(), relocations: relocs.map((r) => ({ ...r, at: r.at + at })) };
}

let simdSupport: boolean | undefined;

/** True if this JavaScript engine runs WebAssembly with 128-bit SIMD. */
export function wasmSimdSupported(): boolean {
  if (simdSupport === undefined) {
    try {
      const f = new WasmFunction([], [V128]);
      f.f64x2(1, 2).simd(Simd.f64x2Sqrt);
      simdSupport = typeof WebAssembly === 'object' && WebAssembly.validate(wasmModule({ imports: [], functions: [{ name: 'f', fn: f }] }).bytes);
    } catch {
      simdSupport = false;
    }
  }
  return simdSupport;
}
