import { expect } from 'chai';
import { inflateSync } from 'node:zlib';
import { encodePng } from '../../src/plot/encode-png.js';

/** Minimal PNG reader for the spec: chunks, IHDR, and un-filtering of the Up filter. */
function readPng(png: Uint8Array): { width: number; height: number; colorType: number; rows: Uint8Array[] } {
  const b = Buffer.from(png);
  expect([...b.subarray(0, 8)]).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
  let off = 8;
  let width = 0, height = 0, colorType = 0;
  const idat: Buffer[] = [];
  while (off < b.length) {
    const len = b.readUInt32BE(off);
    const type = b.subarray(off + 4, off + 8).toString('latin1');
    const data = b.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9]!;
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const ch = colorType === 2 ? 3 : 4;
  const stride = width * ch;
  const rows: Uint8Array[] = [];
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).to.equal(2);
    const row = new Uint8Array(stride);
    for (let k = 0; k < stride; k++) row[k] = (raw[y * (stride + 1) + 1 + k]! + prev[k]!) & 255;
    rows.push(row);
    prev = row;
  }
  return { width, height, colorType, rows };
}

describe('plot/encode-png', () => {
  it('writes opaque pixels as RGB and others as RGBA, losslessly', () => {
    const px = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255]);
    const a = readPng(encodePng(px, 2, 2));
    expect([a.width, a.height, a.colorType]).to.deep.equal([2, 2, 2]);
    expect(a.rows.map((r) => [...r])).to.deep.equal([[255, 0, 0, 0, 255, 0], [0, 0, 255, 10, 20, 30]]);
    px[7] = 128;
    const b = readPng(encodePng(px, 2, 2));
    expect(b.colorType).to.equal(6);
    expect([...b.rows[0]!]).to.deep.equal([255, 0, 0, 255, 0, 255, 0, 128]);
    expect(() => encodePng(px, 3, 2)).to.throw(/expected 24 RGBA bytes/);
  });

  it('writes RGBA when the one translucent pixel is below the first row (the alpha is checked in the filter pass)', () => {
    // 3 x 3 white, one half-transparent pixel in the last row: rows 0 and 1 are equal and skipped
    const px = new Uint8Array(3 * 3 * 4).fill(255);
    px[4 * 7 + 3] = 100;
    const img = readPng(encodePng(px, 3, 3));
    expect(img.colorType).to.equal(6);
    expect([...img.rows[2]!]).to.deep.equal([255, 255, 255, 255, 255, 255, 255, 100, 255, 255, 255, 255]);
  });

  it('round-trips a figure-like image (runs equal to the row above, unaligned views, both strategies)', () => {
    // 37 x 23 pixels: a white background with a diagonal grey line and a few coloured pixels,
    // so most pixels equal the one above (the skipped case) and the others differ per channel
    const w = 37, h = 23;
    const px = new Uint8Array(w * h * 4).fill(255);
    for (let y = 0; y < h; y++) {
      const i = (y * w + ((y * 3) % w)) * 4;
      px.set([90, 91 + y, 92, 255], i);
    }
    px.set([0, 0, 0, 255], 4 * (5 * w + 7));
    px.set([255, 0, 255, 255], 4 * (6 * w + 7));
    const expected = Array.from({ length: h }, (_, y) => [...px.subarray(y * w * 4, (y + 1) * w * 4)].filter((_, k) => k % 4 !== 3));
    for (const strategy of [undefined, 0]) {
      const img = readPng(encodePng(px, w, h, 6, strategy));
      expect(img.colorType).to.equal(2);
      expect(img.rows.map((r) => [...r])).to.deep.equal(expected);
    }
    // a view at an odd byte offset takes the byte-by-byte path and gives the same image
    const shifted = new Uint8Array(px.length + 1);
    shifted.set(px, 1);
    expect(readPng(encodePng(shifted.subarray(1), w, h)).rows.map((r) => [...r])).to.deep.equal(expected);
  });

  it('encodes each image on its own when the rows buffer is reused (a busy image, then a plain one of the same or a smaller size)', () => {
    const busy = (w: number, h: number): Uint8Array => Uint8Array.from({ length: w * h * 4 }, (_, k) => (k % 4 === 3 ? 255 : (k * 7919) % 251));
    const plain = (w: number, h: number): Uint8Array => new Uint8Array(w * h * 4).fill(255);
    const rows = (px: Uint8Array, w: number, h: number): number[][] =>
      Array.from({ length: h }, (_, y) => [...px.subarray(y * w * 4, (y + 1) * w * 4)].filter((_, k) => k % 4 !== 3));
    for (const [w, h] of [[40, 30], [40, 30], [17, 9]] as const) {
      expect(readPng(encodePng(busy(40, 30), 40, 30)).rows.map((r) => [...r])).to.deep.equal(rows(busy(40, 30), 40, 30));
      // every filtered byte of a plain white image is 0 below the first row: no byte of the busy one may stay
      expect(readPng(encodePng(plain(w, h), w, h)).rows.map((r) => [...r])).to.deep.equal(rows(plain(w, h), w, h));
    }
  });
});
