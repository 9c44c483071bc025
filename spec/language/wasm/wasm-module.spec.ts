import { expect } from 'chai';
import { F64, Simd, V128, WasmFunction, patchUleb5, sleb, uleb, wasmModule, wasmSimdSupported } from '../../../src/language/wasm/wasm-module.js';

describe('language/wasm: module writer', () => {
  it('LEB128 encodings of the WebAssembly spec examples', () => {
    expect(uleb(0)).to.deep.equal([0]);
    expect(uleb(127)).to.deep.equal([0x7f]);
    expect(uleb(128)).to.deep.equal([0x80, 0x01]);
    expect(uleb(624485)).to.deep.equal([0xe5, 0x8e, 0x26]);
    expect(sleb(-1)).to.deep.equal([0x7f]);
    expect(sleb(63)).to.deep.equal([0x3f]);
    expect(sleb(64)).to.deep.equal([0xc0, 0x00]);
    expect(sleb(-123456)).to.deep.equal([0xc0, 0xbb, 0x78]);
  });

  it('a module with an imported function, f64x2 arithmetic and a relocated memory access runs', () => {
    // sum(k): memory[0..1] = f64x2(k, 2) * 3 + import(k); returns lane 0 + lane 1 via the import-free path
    const f = new WasmFunction([F64], [F64]);
    const v = f.local(V128);
    f.i32(0).get(0).simd(Simd.f64x2Splat).get(0).f64(2).op(0x10, 0).simd(Simd.f64x2ReplaceLane, 1).f64x2(3).simd(Simd.f64x2Mul).tee(v).mem(true, Simd.store, 3, 'buf', 8);
    f.get(v).simd(Simd.f64x2ExtractLane, 0).get(v).simd(Simd.f64x2ExtractLane, 1).op(0xa0); // f64.add
    const { bytes, relocations } = wasmModule({ imports: [{ params: 2 }], functions: [{ name: 'sum', fn: f }] });
    expect(relocations.map((r) => [r.symbol, r.delta])).to.deep.equal([['buf', 8]]);
    // the offset is a 5-byte LEB128 placeholder until patched: buf at byte 8, so the store goes to 16
    expect(Array.from(bytes.subarray(relocations[0]!.at, relocations[0]!.at + 5))).to.deep.equal([0x80, 0x80, 0x80, 0x80, 0]);
    patchUleb5(bytes, relocations[0]!.at, 8 + 8);
    expect(WebAssembly.validate(bytes)).to.equal(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: memory }, f: { 0: (a: number, b: number) => a - b } });
    // lane 0: 5 * 3 = 15, lane 1: (5 - 2) * 3 = 9
    expect((inst.exports.sum as (k: number) => number)(5)).to.equal(24);
    expect(Array.from(new Float64Array(memory.buffer, 16, 2))).to.deep.equal([15, 9]);
    expect(wasmSimdSupported()).to.equal(true);
  });
});
