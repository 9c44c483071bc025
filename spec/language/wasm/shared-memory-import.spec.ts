import { expect } from 'chai';
import { WasmFunction, wasmModule, I32 } from '../../../src/language/wasm/wasm-module.js';
import { sharedMemoryImport } from '../../../src/language/wasm/shared-memory-import.js';

// A module importing memory e.m and exporting `size()` (memory.size): it links to an unshared
// memory as emitted, and only after the rewrite to a shared one (a LinkError otherwise).
function module(): Uint8Array<ArrayBuffer> {
  const f = new WasmFunction([], [I32]);
  f.op(0x3f, 0); // memory.size 0
  return wasmModule({ imports: [], functions: [{ name: 'size', fn: f }] }).bytes;
}

describe('language/wasm: sharedMemoryImport', () => {
  it('declares the imported memory shared (flag 3, maximum 65536 pages) and leaves the code as it was', () => {
    const bytes = module();
    const shared = new WebAssembly.Memory({ initial: 3, maximum: 3, shared: true });
    const plain = new WebAssembly.Memory({ initial: 2 });
    expect(() => new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: shared } })).to.throw(WebAssembly.LinkError);
    const out = sharedMemoryImport(bytes);
    // limits 0x00 min=1 become 0x03 min=1 max=65536 (uleb 0x80 0x80 0x04): three bytes more
    expect(out.length).to.equal(bytes.length + 3);
    const hex = Buffer.from(out).toString('hex');
    expect(hex).to.include('01650' + '16d' + '0203018080' + '04');
    const size = (m: WebAssembly.Memory, b: Uint8Array<ArrayBuffer>) => (new WebAssembly.Instance(new WebAssembly.Module(b), { e: { m } }).exports as { size(): number }).size();
    expect(size(shared, out)).to.equal(3);
    expect(size(plain, bytes)).to.equal(2);
    expect(() => new WebAssembly.Instance(new WebAssembly.Module(out), { e: { m: plain } })).to.throw(WebAssembly.LinkError);
  });

  it('refuses a module whose first import is not the memory', () => {
    expect(() => sharedMemoryImport(Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).to.throw(/no import section/);
  });
});
