/**
 * PNG encoding of rendered figures with Node's native zlib. resvg's own encoder writes RGBA
 * with weak compression (a 9600 x 4320 PlotRecordings figure at 300 dpi: 4-5 MB); this writes
 * RGB when every pixel is opaque, with the "Up" row filter (plots are mostly runs of equal
 * pixels down a column), lossless. zlib's run-length strategy: after the Up filter a figure is
 * long runs of zero bytes, which it finds 4-5x faster than the default strategy at level 6, for
 * files ~1.5x larger (the seed's 1920 x 1440 figure: 20 ms and 74 kB instead of 73 ms and
 * 50 kB). The pure-JS encoders on npm (fast-png on pako) took 10-20 s at this size, hence this
 * small writer.
 * @packageDocumentation
 */
import { constants, crc32, deflateSync } from 'node:zlib';

// pixels are read as 32-bit words (R in the low byte on little-endian hosts; else byte by byte)
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * Encodes RGBA pixels (row-major, 4 bytes per pixel) as a PNG: 8-bit RGB if all pixels are
 * opaque, else 8-bit RGBA; every row with the Up filter; deflated at zlib `level` with
 * `strategy` (default run-length, see above).
 *
 * @example
 * ```ts
 * const png = encodePng(new Uint8Array([255, 0, 0, 255]), 1, 1); // one red pixel
 * ```
 */
export function encodePng(rgba: Uint8Array, width: number, height: number, level = 6, strategy: number = constants.Z_RLE): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`encodePng: width and height must be positive integers, got ${width} x ${height}`);
  }
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  // opaque pixels (every PlotRecordings figure: resvg draws on white) are filtered as RGB in the
  // same pass that checks their alpha; RGBA only if one is not
  const rgb = upFilteredRgb(rgba, width, height);
  const raw = rgb ?? upFilteredRgba(rgba, width, height);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = rgb ? 2 : 6; // colour type RGB / RGBA
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level, strategy })), chunk('IEND', new Uint8Array(0))]);
}

function words(rgba: Uint8Array): Uint32Array | undefined {
  return LITTLE_ENDIAN && rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2) : undefined;
}

/**
 * Filter byte + RGB rows, each with the Up filter (byte minus the byte above), or undefined if a
 * pixel is not opaque. The buffer starts zeroed and a pixel equal to the one above stays zero: a
 * row equal to the row above (one native compare) is skipped whole, and otherwise the loop mostly
 * compares two words, since in a figure nearly every pixel equals the one above it. The alpha
 * bytes are checked on the way: a skipped pixel has the alpha of one already checked.
 */
function upFilteredRgb(rgba: Uint8Array, width: number, height: number): Buffer | undefined {
  const px = words(rgba);
  if (!px) return isOpaqueBytes(rgba) ? upFilteredRgbBytes(rgba, width, height) : undefined;
  const stride = width * 3 + 1;
  const raw = zeroed(stride * height);
  const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  const rowBytes = width * 4;
  // AND of the words seen: its alpha byte stays 255 only if every alpha byte is
  let all = 0xffffffff;
  for (let x = 0, o = 1; x < width; x++, o += 3) {
    const v = px[x]!;
    all &= v;
    raw[o] = v & 255;
    raw[o + 1] = (v >>> 8) & 255;
    raw[o + 2] = (v >>> 16) & 255;
  }
  raw[0] = 2;
  for (let y = 1; y < height; y++) {
    raw[y * stride] = 2;
    const row = y * width;
    if (bytes.compare(bytes, (row - width) * 4, row * 4, row * 4, row * 4 + rowBytes) === 0) continue;
    for (let i = row, above = row - width, end = row + width, o = y * stride + 1; i < end; i++, above++, o += 3) {
      const v = px[i]!;
      const a = px[above]!;
      if (v === a) continue;
      all &= v;
      raw[o] = (v & 255) - (a & 255);
      raw[o + 1] = ((v >>> 8) & 255) - ((a >>> 8) & 255);
      raw[o + 2] = ((v >>> 16) & 255) - ((a >>> 16) & 255);
    }
  }
  return all >>> 24 === 255 ? raw : undefined;
}

/**
 * The RGB rows' buffer, reused (zeroed again) from figure to figure up to {@link SCRATCH_MAX}
 * bytes: a fresh 8 MB buffer for each 1920 x 1440 figure cost its page faults, and the external
 * memory it added made V8 collect garbage on the figure thread. Safe because encodePng is
 * synchronous and deflates it before returning.
 */
let scratch: Buffer | undefined;
const SCRATCH_MAX = 32 << 20;

function zeroed(n: number): Buffer {
  if (n > SCRATCH_MAX) return Buffer.alloc(n);
  if (!scratch || scratch.length < n) return (scratch = Buffer.alloc(n));
  return scratch.fill(0, 0, n).subarray(0, n);
}

function isOpaqueBytes(rgba: Uint8Array): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

/** {@link upFilteredRgb} byte by byte (a big-endian host or a view not aligned to 4 bytes). */
function upFilteredRgbBytes(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  const rowBytes = width * 4;
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 2;
    for (let x = 0, o = y * stride + 1, i = y * rowBytes; x < width; x++, o += 3, i += 4) {
      for (let c = 0; c < 3; c++) raw[o + c] = rgba[i + c]! - (y > 0 ? rgba[i + c - rowBytes]! : 0);
    }
  }
  return raw;
}

/** Filter byte + RGBA rows with the Up filter. */
function upFilteredRgba(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 2;
    const o = y * stride + 1;
    const src = y * width * 4;
    for (let b = 0; b < width * 4; b++) raw[o + b] = rgba[src + b]! - (y > 0 ? rgba[src + b - width * 4]! : 0);
  }
  return raw;
}
