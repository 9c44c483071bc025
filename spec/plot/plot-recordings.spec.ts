import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { RecordingChunk } from '../../src/monitors/recordings.js';
import { PlotRecordings } from '../../src/plot/plot-recordings.js';
import { rasterizeSvg } from '../../src/plot/render-file.js';
import { renderSvg } from '../../src/plot/render-svg.js';
import { recordingTimesFrom, smallRecordings } from './helpers.js';

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).to.equal('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function distinctPixels(pixels: Uint8Array): number {
  const seen = new Set<number>();
  const v = new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.byteLength / 4);
  for (let i = 0; i < v.length && seen.size < 10; i += 7) seen.add(v[i]!);
  return seen.size;
}

/** A synthetic HH-like trace: rest -68 mV, spikes to about +40 mV, after-hyperpolarisation. */
function hhLike(n: number, dt: number): { v: Float64Array; peaks: number[] } {
  const v = new Float64Array(n);
  const peaks: number[] = [];
  for (let i = 0; i < n; i++) v[i] = -68 + 3 * Math.sin(i / 800);
  for (let c = 1500; c < n - 500; c += 2713) {
    for (let j = -40; j < 300; j++) {
      const x = j * dt;
      v[c + j] = j < 0 ? -68 + (j + 40) * 0.8 : 40 * Math.exp(-x / 0.25) - 78 * (1 - Math.exp(-x / 0.3)) * Math.exp(-x / 2.5) - 68 * (1 - Math.exp(-x / 2));
    }
    peaks.push(c);
  }
  return { v, peaks };
}

describe('plot/plot-recordings', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'plot-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, string, string]> = [
    ['pop', 'v', 'line'],
    ['pop', 'v', 'line_mean'],
    ['pop', 'v*2+u', 'line'],
    ['pop', 'v', 'matrix'],
    ['proj', 'w', 'matrix_mean'],
    ['pop', 'spike', 'raster'],
    ['pop', 'spike', 'mean'],
    ['pop', 'spike', 'hybrid'],
    ['pop', 'spike', 'interspike'],
    ['pop', 'spike', 'cv'],
    ['quiet', 'spike', 'raster'],
  ];
  for (const [c, variable, format] of cases) {
    it(`writes a non-blank PNG for ${c};${variable} as ${format}`, () => {
      const { recordings, recordingTimes } = smallRecordings();
      const figname = join(dir, `sub/${c}_${format}.png`);
      const out: string[] = [];
      const p = new PlotRecordings({
        figname, recordings, recordingTimes, shape: [1, 1], dpi: 100, log: (s) => out.push(s),
        plan: { position: [1], compartment: [c], variable: [variable], format: [format] },
      });
      expect(pngSize(figname)).to.deep.equal({ width: 640, height: 480 });
      const { svg } = renderSvg(p.spec, { width: 640, height: 480 });
      expect(distinctPixels(rasterizeSvg(svg, 1).pixels)).to.be.above(1);
      const warn = c === 'quiet' ? ['\n  WARNING PlotRecordings: quiet does not contain any spikes in the given time interval.\n'] : [];
      expect(out).to.deep.equal([`Generate fig ${figname}... `, ...warn, 'Done\n\n']);
    });
  }

  it('writes .svg, .json and a self-contained .html', () => {
    const { recordings, recordingTimes } = smallRecordings();
    const plan = { position: [1, 2], compartment: ['pop', 'pop'], variable: ['v', 'spike'], format: ['line', 'hybrid'] };
    for (const ext of ['svg', 'json', 'html']) {
      new PlotRecordings({ figname: join(dir, `f.${ext}`), recordings, recordingTimes, shape: [1, 2], plan, log: () => {} });
    }
    const svg = readFileSync(join(dir, 'f.svg'), 'utf8');
    expect(svg).to.match(/^<svg[^>]*width="1280" height="480"/);
    expect(svg).to.contain('Variable v of pop (2)');
    const spec = JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8'));
    expect(spec.concat[1].title).to.equal('Activity pop (3)');
    const html = readFileSync(join(dir, 'f.html'), 'utf8');
    expect(html).to.not.match(/<script[^>]+src=/);
    expect(html).to.contain('vegaEmbed(');
    expect(html.match(/data-lib=/g)).to.have.length(3); // vega, vega-lite and vega-embed inside, compressed
  });

  it('rejects unknown extensions and reports validation errors after the start line', () => {
    const { recordings, recordingTimes } = smallRecordings();
    const out: string[] = [];
    const plan = { position: [1], compartment: ['pop'], variable: ['v'], format: ['raster'] };
    expect(() => new PlotRecordings({ figname: join(dir, 'x.png'), recordings, recordingTimes, shape: [1, 1], plan, log: (s) => out.push(s) })).to.throw(
      'ERROR PlotRecordings: plan format raster is not valid for variable v.',
    );
    expect(out).to.deep.equal([`Generate fig ${join(dir, 'x.png')}... `]);
    expect(() => new PlotRecordings({ figname: join(dir, 'x.pdf'), recordings, recordingTimes, shape: [1, 1], plan: { ...plan, format: ['line'] }, log: () => {} })).to.throw(
      /must end with \.png, \.svg, \.html or \.json/,
    );
  });

  it('seed example: four 100000-sample HH traces as line figures (1920x1440 at dpi 300)', () => {
    const n = 100000;
    const dt = 0.01;
    const { v, peaks } = hhLike(n, dt);
    const chunk = (): RecordingChunk => ({ dt, 'HH_Bischop;v': new RecordedArray(v, [n, 1]), 'HH_Bischop;period': dt }) as RecordingChunk;
    const times = { HH_Bischop: { start: { ms: [0], idx: [0] }, stop: { ms: [999.99], idx: [n - 1] } } };
    const recordings = [chunk(), chunk()];
    const recordingTimes = recordingTimesFrom([times, times]);
    const out: string[] = [];
    const names = ['example_experiment_sim_ramp', 'example_experiment_sim_step', 'example_experiment2_sim_ramp', 'example_experiment2_sim_step'];
    names.forEach((name, k) => {
      const figname = join(dir, `${name}.png`);
      const p = new PlotRecordings({
        figname, recordings, recordingTimes, chunk: k % 2, shape: [1, 1], log: (s) => out.push(s),
        plan: { position: [1], compartment: ['HH_Bischop'], variable: ['v'], format: ['line'] },
      });
      expect(pngSize(figname)).to.deep.equal({ width: 1920, height: 1440 });
      const cell = (p.spec as { concat: Array<Record<string, any>> }).concat[0]!;
      expect(cell.title).to.equal('Variable v of HH_Bischop (1)');
      expect(cell.encoding.x.title).to.equal('time [ms]');
      expect(cell.encoding.x.scale.domain).to.deep.equal([0, 999.99]);
      // decimated, yet every spike peak and the global extremes are drawn
      const rows = cell.data.values as Array<{ t: number; y: number }>;
      expect(rows.length).to.be.below(8000);
      const ys = new Set(rows.map((r) => r.y));
      for (const pk of peaks) expect(ys.has(v[pk]!), `peak ${pk}`).to.equal(true);
      expect(ys.has(Math.max(...v))).to.equal(true);
      expect(ys.has(Math.min(...v))).to.equal(true);
    });
    expect(out.join('')).to.equal(names.map((nm) => `Generate fig ${join(dir, nm + '.png')}... Done\n\n`).join(''));
  });
});
