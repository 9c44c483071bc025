import { expect } from 'chai';
import { rasterizeSvg } from '../../src/plot/render-file.js';
import { renderSvg } from '../../src/plot/render-svg.js';

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
});
