import { uleb } from './wasm-module.js';

const readUleb = (b: Uint8Array, at: number): [value: number, next: number] => {
  let v = 0, shift = 0, k = at;
  for (;;) {
    const x = b[k++]!;
    v += (x & 0x7f) * 2 ** shift;
    shift += 7;
    if ((x & 0x80) === 0) return [v, k];
  }
};

/**
 * The same module with its imported memory `e.m` declared shared (limits flag 3, maximum
 * 65536 pages), so that it links to a `WebAssembly.Memory({ shared: true })` that worker threads
 * use too (`setup({ numThreads })`). A module compiled for an unshared memory cannot link to a
 * shared one; the code itself is unchanged.
 *
 * @example
 * ```ts
 * const bytes = sharedMemoryImport(plan.emit(layout));
 * new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: sharedMemory } });
 * ```
 */
export function sharedMemoryImport(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at]!;
    const [size, body] = readUleb(bytes, at + 1);
    if (id === 2) {
      let k = readUleb(bytes, body)[1];
      // the first import is the memory: name 'e', name 'm', kind 2, limits
      const expect = [1, 0x65, 1, 0x6d, 0x02];
      for (let j = 0; j < expect.length; j++) if (bytes[k + j] !== expect[j]) throw new Error('sharedMemoryImport: the first import is not the memory e.m');
      k += expect.length;
      const flags = bytes[k]!;
      if (flags !== 0) throw new Error(`sharedMemoryImport: unexpected memory limits flag ${flags}`);
      const [min, afterLimits] = readUleb(bytes, k + 1);
      const limits = [0x03, ...uleb(min), ...uleb(65536)];
      const content = [...bytes.subarray(body, k), ...limits, ...bytes.subarray(afterLimits, body + size)];
      const out = [...bytes.subarray(0, at), 2, ...uleb(content.length), ...content, ...bytes.subarray(body + size)];
      return new Uint8Array(out);
    }
    at = body + size;
  }
  throw new Error('sharedMemoryImport: the module has no import section');
}
