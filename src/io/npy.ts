/**
 * NumPy's `.npy` format (version 1.0 written; 1.0-3.0 read), for arrays a Python user opens with
 * `np.load`. Hand-written: the format is a short header plus raw little-endian data, and the npm
 * readers neither write nor read synchronously.
 */

/** A typed array `.npy` can hold here. */
export type NpyArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array;

const DESCR: [string, new (n: number) => NpyArray, number][] = [
  ['<f8', Float64Array, 8], ['<f4', Float32Array, 4], ['<i4', Int32Array, 4], ['<u4', Uint32Array, 4], ['|u1', Uint8Array, 1],
];

function descrOf(a: NpyArray): string {
  if (a instanceof Float64Array) return '<f8';
  if (a instanceof Float32Array) return '<f4';
  if (a instanceof Int32Array) return '<i4';
  if (a instanceof Uint32Array) return '<u4';
  return '|u1';
}

/**
 * Encode a 1-D (or, with `shape`, N-D C-order) array as `.npy` bytes.
 *
 * @example
 * ```ts
 * const bytes = encodeNpy(Float64Array.of(1, 2, 3));   // np.load -> array([1., 2., 3.])
 * ```
 */
export function encodeNpy(a: NpyArray, shape: readonly number[] = [a.length]): Uint8Array {
  if (shape.reduce((p, x) => p * x, 1) !== a.length) throw new Error(`encodeNpy: shape (${shape.join(', ')}) does not hold ${a.length} values`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descrOf(a)}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // magic (6) + version (2) + length (2) + header + newline: a multiple of 64
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += ' '.repeat(pad % 64) + '\n';
  const out = new Uint8Array(10 + header.length + a.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  out[8] = header.length & 0xff;
  out[9] = header.length >> 8;
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  // typed arrays are little-endian on every platform JavaScript runs on
  out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), 10 + header.length);
  return out;
}

/**
 * Decode `.npy` bytes (float64/32, int32/64, uint32/8, bool; C order). int64 values must fit a
 * double exactly; they are returned as a Float64Array.
 *
 * @example
 * ```ts
 * const { data, shape } = decodeNpy(bytes);
 * ```
 */
export function decodeNpy(bytes: Uint8Array, what = 'npy'): { data: NpyArray; shape: number[] } {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((m, i) => bytes[i] !== m)) throw new Error(`${what}: not a .npy file`);
  const major = bytes[6]!;
  const headerLen = major === 1 ? bytes[8]! | (bytes[9]! << 8) : bytes[8]! | (bytes[9]! << 8) | (bytes[10]! << 16) | (bytes[11]! << 24);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw new Error(`${what}: malformed .npy header ${JSON.stringify(header)}`);
  if (fortran === 'True') throw new Error(`${what}: Fortran-ordered arrays are not supported`);
  const shape = shapeText.split(',').map((x) => x.trim()).filter((x) => x !== '').map(Number);
  const n = shape.reduce((p, x) => p * x, 1);
  const body = bytes.slice(start + headerLen);
  if (descr === '<i8') {
    const v = new BigInt64Array(body.buffer, 0, n);
    return { data: Float64Array.from(v, (x) => Number(x)), shape };
  }
  if (descr === '|b1') return { data: Uint8Array.from(body.subarray(0, n)), shape };
  const d = DESCR.find((x) => x[0] === descr);
  if (!d) throw new Error(`${what}: dtype ${descr} is not supported (float64, float32, int32, int64, uint32, uint8, bool)`);
  if (body.length < n * d[2]) throw new Error(`${what}: ${body.length} bytes of data for ${n} values of ${descr}`);
  const Ctor = d[1] as unknown as { new (b: ArrayBuffer, o: number, l: number): NpyArray };
  return { data: new Ctor(body.buffer, 0, n), shape };
}
