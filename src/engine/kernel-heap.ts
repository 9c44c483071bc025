import type { WasmMemory } from '../language/kernel-state.js';

/** Element types of the arrays a {@link KernelHeap} hands out. */
export type HeapArrayKind = 'f64' | 'i32' | 'u8';
type HeapArray<K extends HeapArrayKind> = K extends 'f64' ? Float64Array : K extends 'i32' ? Int32Array : Uint8Array;

const BYTES: Record<HeapArrayKind, number> = { f64: 8, i32: 4, u8: 1 };

/**
 * The arrays of one population's kernel state carved out of one `WebAssembly.Memory`, so that a
 * WebAssembly kernel and JavaScript share them without copies. Plan first (`reserve`), then
 * `allocate()` creates the memory once: it never grows, since growing would detach every view.
 * Each array is 16-byte aligned and padded to an even length plus one, so that the SIMD loop can
 * run its last pair of lanes over an odd population.
 *
 * @example
 * ```ts
 * const heap = new KernelHeap();
 * const v = heap.reserve('f64', 1000), spiked = heap.reserve('i32', 1000);
 * heap.allocate(4096);
 * heap.view(v); // Float64Array(1000) in heap.memory
 * ```
 */
export class KernelHeap {
  private top = 0;
  private readonly slots: { kind: HeapArrayKind; length: number; offset: number }[] = [];
  private mem: WebAssembly.Memory | undefined;
  private scratchAt = 0;

  /** Plan an array of `length` elements; returns a handle for {@link KernelHeap.view}. */
  reserve(kind: HeapArrayKind, length: number): number {
    if (this.mem) throw new Error('KernelHeap: reserve() after allocate()');
    const offset = this.top;
    this.top += align16((length + (length % 2) + 2) * BYTES[kind]);
    this.slots.push({ kind, length, offset });
    return this.slots.length - 1;
  }

  /** Create the memory with all planned arrays and `scratchBytes` more at {@link KernelHeap.scratch}. */
  allocate(scratchBytes: number): void {
    this.scratchAt = this.top;
    const bytes = this.top + align16(scratchBytes);
    this.mem = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  }

  /** The array of a handle from {@link KernelHeap.reserve}. */
  view<K extends HeapArrayKind>(handle: number, kind: K): HeapArray<K> {
    const s = this.slots[handle]!;
    if (s.kind !== kind) throw new Error(`KernelHeap: slot ${handle} holds ${s.kind}, not ${kind}`);
    const buffer = this.memory.buffer;
    if (kind === 'f64') return new Float64Array(buffer, s.offset, s.length) as HeapArray<K>;
    if (kind === 'i32') return new Int32Array(buffer, s.offset, s.length) as HeapArray<K>;
    return new Uint8Array(buffer, s.offset, s.length) as HeapArray<K>;
  }

  /** Byte offset of a handle's array. */
  offset(handle: number): number {
    return this.slots[handle]!.offset;
  }

  get memory(): WasmMemory {
    if (!this.mem) throw new Error('KernelHeap: allocate() first');
    return this.mem;
  }

  /** Byte offset of the scratch region. */
  get scratch(): number {
    return this.scratchAt;
  }
}

const align16 = (n: number) => Math.ceil(n / 16) * 16;
