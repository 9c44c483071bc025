import { expect } from 'chai';
import { KernelHeap } from '../../src/engine/kernel-heap.js';

describe('engine: KernelHeap (state arrays in one WebAssembly memory)', () => {
  it('hands out aligned, padded, non-overlapping views of one memory, then the scratch region', () => {
    const heap = new KernelHeap();
    const a = heap.reserve('f64', 3), b = heap.reserve('i32', 5), c = heap.reserve('u8', 1), d = heap.reserve('f64', 70000);
    heap.allocate(100);
    const [va, vb, vc, vd] = [heap.view(a, 'f64'), heap.view(b, 'i32'), heap.view(c, 'u8'), heap.view(d, 'f64')];
    for (const v of [va, vb, vc, vd]) {
      expect(v.buffer).to.equal(heap.memory.buffer);
      expect(v.byteOffset % 16).to.equal(0);
    }
    expect([va.length, vb.length, vc.length, vd.length]).to.deep.equal([3, 5, 1, 70000]);
    // 3 f64 + padding to an even count plus one pair: 6 * 8 = 48 bytes
    expect(vb.byteOffset).to.equal(48);
    // 5 i32 -> 8 * 4 = 32 bytes; 1 u8 -> 4 bytes, 16 aligned
    expect(vc.byteOffset).to.equal(80);
    expect(vd.byteOffset).to.equal(96);
    expect(heap.scratch).to.equal(96 + 70002 * 8);
    expect(heap.memory.buffer.byteLength).to.be.at.least(heap.scratch + 100);
    va.fill(1); vd.fill(2);
    expect(Array.from(vb)).to.deep.equal([0, 0, 0, 0, 0]);
    expect(() => heap.view(a, 'i32')).to.throw(/slot 0 holds f64, not i32/);
    expect(() => heap.reserve('f64', 1)).to.throw(/reserve\(\) after allocate\(\)/);
  });
});
