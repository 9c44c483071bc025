/**
 * PNG encoding of rendered figures with Node's native zlib. resvg's own encoder writes RGBA
 * with weak compression (a 9600 x 4320 PlotRecordings figure at 300 dpi: 4-5 MB); this writes
 * RGB when every pixel is opaque, with the "Up" row filter (plots are mostly runs of equal
 * pixels down a column), at zlib level 6: ~0.75 MB for the same figure, lossless. The pure-JS
 * encoders on npm (fast-png on pako) took 10-20 s at this size, hence this small writer.
 * @packageDocumentation
 */
import { crc32, deflateSync } from 'node:zlib';

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
 * opaque, else 8-bit RGBA; every row with the Up filter.
 *
 * @example
 * ```ts
 * const png = encodePng(new Uint8Array([255, 0, 0, 255]), 1, 1); // one red pixel
 * ```
 */
export function encodePng(rgba: Uint8Array, width: number, height: number, level = 6): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`encodePng: width and height must be positive integers, got ${width} x ${height}`);
  }
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  let opaque = true;
  for (let i = 3; i < rgba.length; i += 4) {
    if (rgba[i] !== 255) {
      opaque = false;
      break;
    }
  }
  const ch = opaque ? 3 : 4;
  const stride = width * ch;
  const raw = Buffer.alloc((stride + 1) * height);
  let prevRow = -1;
  for (let y = 0; y < height; y++) {
    const rowStart = y * (stride + 1);
    raw[rowStart] = 2; // Up: each byte minus the byte above
    let o = rowStart + 1;
    const src = y * width * 4;
    for (let x = 0; x < width; x++) {
      const i = src + x * 4;
      for (let c = 0; c < ch; c++) {
        const above = prevRow < 0 ? 0 : rgba[prevRow + x * 4 + c]!;
        raw[o++] = (rgba[i + c]! - above) & 255;
      }
    }
    prevRow = src;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = opaque ? 2 : 6; // colour type RGB / RGBA
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level })), chunk('IEND', new Uint8Array(0))]);
}
