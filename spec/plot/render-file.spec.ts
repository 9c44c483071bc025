import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { rasterizeSvg, rasterizeSvgAsync, writeFigure } from '../../src/plot/render-file.js';
import { buildPlotSpec } from '../../src/plot/plot-spec.js';
import { fitSpec, renderSvg } from '../../src/plot/render-svg.js';
import { manyTraces } from './many-traces.js';

const textSvg = (family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="30" font-family="${family}" font-size="24">Spikes 0.5 mV</text></svg>`;

function inkPixels(pixels: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) n++;
  return n;
}

describe('plot/render-file', () => {
  it('draws text with the DejaVu Sans shipped in dejavu-fonts-ttf, never with the host fonts', () => {
    const sans = rasterizeSvg(textSvg('DejaVu Sans'), 1);
    expect(inkPixels(sans.pixels)).to.be.above(200);
    // DejaVu Serif and Liberation Serif are installed on this host; with only the packaged
    // DejaVu Sans loaded, asking for them falls back to DejaVu Sans pixel for pixel.
    for (const family of ['DejaVu Serif', 'Liberation Serif', 'serif', 'no such font']) {
      const other = rasterizeSvg(textSvg(family), 1);
      expect(Buffer.from(other.pixels).equals(Buffer.from(sans.pixels)), family).to.equal(true);
    }
  });

  it('rasterizeSvgAsync: many at once, large, sizeless or broken, each the same pixels and PNG as rasterizeSvg, a failure not holding up the rest', async () => {
    const svgs: Array<[string, number]> = [
      [textSvg('DejaVu Sans'), 1],
      [textSvg('DejaVu Sans'), 3],
      // 4000 x 2000 px: more than the two-at-once pixel budget with any other
      [textSvg('DejaVu Sans').replace('width="200" height="40"', 'width="400" height="200"'), 10],
      // no width/height attributes: its size is unknown, it is drawn alone
      ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20"><circle cx="10" cy="10" r="8" fill="red"/></svg>', 2],
      [textSvg('DejaVu Sans'), 2],
    ];
    const broken = rasterizeSvgAsync('<svg', 1);
    const all = svgs.map(([svg, scale]) => rasterizeSvgAsync(svg, scale));
    await broken.then(
      () => expect.fail('a broken SVG must reject'),
      (e: Error) => expect(e.message).to.match(/SVG|XML|parse/i),
    );
    const got = await Promise.all(all);
    for (const [k, [svg, scale]] of svgs.entries()) {
      const want = rasterizeSvg(svg, scale);
      expect([got[k]!.width, got[k]!.height], `svg ${k}`).to.deep.equal([want.width, want.height]);
      expect(Buffer.from(got[k]!.pixels).equals(Buffer.from(want.pixels)), `svg ${k} pixels`).to.equal(true);
      expect(Buffer.from(got[k]!.png).equals(Buffer.from(want.png)), `svg ${k} png`).to.equal(true);
    }
    expect(got[2]!.width).to.equal(4000);
  });

  it('strokes lines with round joins and caps, so a spike tip is drawn whole', () => {
    const spec = {
      width: 200,
      height: 100,
      data: { values: [{ t: 0, y: 0 }, { t: 1, y: 100 }, { t: 2, y: 0 }] },
      mark: { type: 'line', strokeWidth: 6, strokeJoin: 'round', strokeCap: 'round' },
      encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    };
    const { svg } = renderSvg(spec);
    expect(svg).to.match(/stroke-linejoin="round"/);
    expect(svg).to.match(/stroke-linecap="round"/);
  });

  it('writes lines simplified as matplotlib does: one path per line in an SVG file, pieces drawn by resvg in a PNG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-file-'));
    try {
      const res = buildPlotSpec(manyTraces(5, 3000));
      const spec = fitSpec(res.spec, res.figure);
      const size = { width: res.figure.width, height: res.figure.height };
      writeFigure(join(dir, 'f.svg'), spec, { ...size, scale: 3 });
      const svg = readFileSync(join(dir, 'f.svg'), 'utf8');
      const lines = [...svg.matchAll(/aria-roledescription="line mark" d="([^"]*)"/g)].map((m) => m[1]!);
      expect(lines).to.have.length(5);
      // no pieces in the file; every line thinned (3000 samples, M4-decimated, then simplified)
      expect((svg.match(/<path d="M/g) ?? []).length).to.equal(0);
      const plain = [...renderSvg(spec, size).svg.matchAll(/aria-roledescription="line mark" d="([^"]*)"/g)].map((m) => m[1]!);
      for (let k = 0; k < 5; k++) expect(lines[k]!.split('L').length).to.be.below(plain[k]!.split('L').length);
      // the PNG: the figure's size at 3x, opaque RGB, and the same image as resvg draws from the pieces
      writeFigure(join(dir, 'f.png'), spec, { ...size, scale: 3 });
      const png = readFileSync(join(dir, 'f.png'));
      expect([png.readUInt32BE(16), png.readUInt32BE(20), png[25]]).to.deep.equal([size.width * 3, size.height * 3, 2]);
      const cut = rasterizeSvg(renderSvg(spec, size, { simplify: 1 / 27, split: 256 }).svg, 3);
      expect(Buffer.from(png).equals(Buffer.from(cut.png))).to.equal(true);
      expect(inflateSync(png.subarray(41, 41 + png.readUInt32BE(33))).length).to.equal((size.width * 3 * 3 + 1) * size.height * 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
