import { expect } from 'chai';
import { buildPlotSpec, type PlotSpecOptions } from '../../src/plot/plot-spec.js';
import { fitSpec, renderSvg } from '../../src/plot/render-svg.js';
import { rasterizeSvg } from '../../src/plot/render-file.js';
import { formatMilli, leanLineSpec, prepareLinePaths } from '../../src/plot/line-items.js';
import { vegaLiteModule, vegaModule } from '../../src/plot/vega-modules.js';
import type { VegaLiteSpec } from '../../src/plot/vega-lite-spec.js';
import { manyTraces } from './many-traces.js';
import { smallRecordings } from './helpers.js';

/** Clip-path ids count up across renders; everything else must match character for character. */
const normalise = (svg: string): string => svg.replace(/clip\d+/g, 'clip#');

function bothWays(opts: PlotSpecOptions): { lean: string; full: string; size: { width: number; height: number } } {
  const res = buildPlotSpec(opts);
  const spec = fitSpec(res.spec, res.figure);
  const size = { width: res.figure.width, height: res.figure.height };
  return { lean: renderSvg(spec, size).svg, full: renderSvg(spec, size, { leanLines: false }).svg, size };
}

function bothWaysSpec(spec: VegaLiteSpec): { lean: string; full: string } {
  return { lean: normalise(renderSvg(spec).svg), full: normalise(renderSvg(spec, undefined, { leanLines: false }).svg) };
}

describe('plot/line-items', () => {
  it('writes the same SVG as Vega with every point in its dataflow: 100 traces above their raster', () => {
    const { lean, full } = bothWays(manyTraces(100, 300));
    expect(normalise(lean)).to.equal(normalise(full));
    expect((lean.match(/role-mark concat_0_marks/g) ?? []).length).to.equal(100);
  });

  it('the same for one trace, lines broken at recording pauses (NaN rows), a mean line and an expression', () => {
    const { recordings, recordingTimes } = smallRecordings();
    const plan = { position: [1, 2, 3, 4], compartment: ['pop', 'pop', 'pop', 'proj'], variable: ['v', 'v*2+u', 'spike', 'w'], format: ['line', 'line_mean', 'mean', 'line'] };
    const { lean, full } = bothWays({ recordings, recordingTimes, shape: [2, 2], plan });
    expect(normalise(lean)).to.equal(normalise(full));
    // the pause breaks the path: a second M in the same path data
    expect(lean).to.match(/d="M[^"M]*M[^"]*"/);
  });

  it('gives the same pixels (the PNG is rasterised from the same text)', () => {
    const { lean, full } = bothWays(manyTraces(20, 500));
    const a = rasterizeSvg(lean, 1);
    const b = rasterizeSvg(full, 1);
    expect(a.width).to.equal(b.width);
    expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels))).to.equal(true);
  });

  it('takes the shortcut for PlotRecordings line cells: one marker per trace, replaced by its path data', () => {
    const res = buildPlotSpec(manyTraces(5, 400));
    const spec = fitSpec(res.spec, res.figure);
    const lean = leanLineSpec(spec)!;
    expect(lean.cells.map((c) => c.index)).to.deep.equal([0]);
    const view = new (vegaModule().View)(vegaModule().parse(vegaLiteModule().compile(lean.spec as never).spec), { renderer: 'none' });
    view.run();
    const finish = prepareLinePaths(view as never, lean);
    expect(finish).to.be.a('function');
    const markers = Array.from({ length: 5 }, (_, k) => `<path d="M${-1e12 - k},0Z"/>`).join('');
    const filled = finish!(markers)!;
    const paths = [...filled.matchAll(/d="([^"]*)"/g)].map((m) => m[1]!);
    expect(paths).to.have.length(5);
    // every point of each trace: 400 samples, each an M or L
    for (const d of paths) expect(d.match(/[ML]/g)).to.have.length(400);
    expect(finish!('<svg/>')).to.equal(undefined); // a marker missing: refused
    view.finalize();
  });

  it("thins lines with matplotlib's simplification and writes them in pieces for resvg, drawing nearly the same pixels", () => {
    const res = buildPlotSpec(manyTraces(20, 500));
    const spec = fitSpec(res.spec, res.figure);
    const size = { width: res.figure.width, height: res.figure.height };
    const plain = renderSvg(spec, size).svg;
    const thin = renderSvg(spec, size, { simplify: 1 / 9 }).svg;
    const cut = renderSvg(spec, size, { simplify: 1 / 9, split: 40 }).svg;
    const lineD = (svg: string) => [...svg.matchAll(/aria-roledescription="line mark" d="([^"]*)"/g)].map((m) => m[1]!);
    const points = (d: string) => d.split(/(?=[ML])/).map((p) => p.slice(1));
    const plainD = lineD(plain);
    const thinD = lineD(thin);
    expect(thinD).to.have.length(20);
    for (let k = 0; k < 20; k++) {
      // every point drawn is a point of the line, and fewer are drawn
      const all = new Set(points(plainD[k]!));
      expect(points(thinD[k]!).every((p) => all.has(p))).to.equal(true);
      expect(points(thinD[k]!).length).to.be.below(points(plainD[k]!).length);
    }
    // pieces of at most 40 segments that start where the previous ended; only the first piece
    // of a line carries its accessibility attributes
    const pieces = [...cut.matchAll(/<path([^>]*) d="(M[^"]*)"/g)].filter((m) => /stroke-linejoin="round"/.test(cut.slice(m.index!, cut.indexOf('>', m.index!))));
    expect(pieces.length).to.be.above(20);
    const joined: string[][] = [];
    for (const [, attrs, d] of pieces) {
      const pts = points(d!);
      expect(pts.length - 1).to.be.at.most(40);
      if (attrs!.includes('aria-roledescription="line mark"')) joined.push(pts);
      else {
        expect(attrs).to.not.match(/aria-|role=/);
        const line = joined[joined.length - 1]!;
        expect(pts[0]).to.equal(line[line.length - 1]);
        line.push(...pts.slice(1));
      }
    }
    expect(joined.map((p) => p.join(' '))).to.deep.equal(thinD.map((d) => points(d).join(' ')));
    // rasterised: the same pixels but for a few anti-aliased ones (thinning moves edges by less
    // than 2/9 px at this zoom of 1; pieces overlap their edges at the shared points)
    const a = rasterizeSvg(plain, 1).pixels;
    for (const svg of [thin, cut]) {
      const b = rasterizeSvg(svg, 1).pixels;
      let differ = 0;
      let worst = 0;
      for (let i = 0; i < a.length; i++) {
        const d = Math.abs(a[i]! - b[i]!);
        if (d > 0) differ++;
        worst = Math.max(worst, d);
      }
      // measured: 0.06 % (thinned) and 0.1 % (and in pieces of 40) of the bytes, by up to 64
      expect(differ / a.length).to.be.below(2e-3);
      expect(worst).to.be.at.most(72);
    }
  });

  describe('clipEdges: only the pieces that reach the cell edge are clipped', () => {
    /** A hand-made line cell (as PlotRecordings draws one trace) whose y domain may cut the data. */
    function traceCell(yDomain: [number, number], join = 'round'): VegaLiteSpec {
      const values = Array.from({ length: 3000 }, (_, i) => ({ t: i * 0.1, y: -68 + 100 * Math.exp(-(((i % 500) - 250) ** 2) / 30) + 5 * Math.sin(i / 200) }));
      const cell = {
        width: 300,
        height: 200,
        data: { values },
        mark: { type: 'line', clip: true, strokeWidth: 2, strokeCap: 'round', strokeJoin: join, color: 'black' },
        encoding: {
          x: { field: 't', type: 'quantitative', scale: { domain: [0, 299.9], nice: false, zero: false } },
          y: { field: 'y', type: 'quantitative', scale: { domain: yDomain, nice: false, zero: false } },
        },
      };
      return { concat: [cell] } as unknown as VegaLiteSpec;
    }
    const points = (d: string): Array<[number, number]> => d.split(/(?=[ML])/).map((p) => p.slice(1).split(',').map(Number) as [number, number]);
    /** Each `<path>` of the line in document order, and whether a clipping group holds it. */
    function lineElements(svg: string): Array<{ d: string; clipped: boolean }> {
      const out: Array<{ d: string; clipped: boolean }> = [];
      let depth = 0;
      for (const m of svg.matchAll(/<g clip-path="url\(#[^)]+\)">|<\/g>|<path[^>]*stroke-linejoin[^>]*>/g)) {
        if (m[0].startsWith('<g')) depth = 1;
        else if (m[0] === '</g>') depth = 0;
        else out.push({ d: /\sd="([^"]*)"/.exec(m[0])![1]!, clipped: depth === 1 });
      }
      return out;
    }

    it('moves the clip from the mark to groups around the pieces at the edges; the line is the same', () => {
      const spec = traceCell([-80, 20]);
      const whole = renderSvg(spec, undefined, { split: 64 }).svg;
      const edges = renderSvg(spec, undefined, { split: 64, clipEdges: true }).svg;
      expect(whole).to.match(/class="mark-line[^>]*clip-path=/);
      expect(edges).to.not.match(/class="mark-line[^>]*clip-path=/);
      const pieces = lineElements(edges);
      // the ends at the x limits (a round cap reaches past them) and the six peaks above 20 mV
      expect(pieces[0]!.clipped).to.equal(true);
      expect(pieces[pieces.length - 1]!.clipped).to.equal(true);
      expect(pieces.filter((p) => p.clipped).length).to.be.at.least(8);
      // inset = half the stroke width and 1 px; every unclipped point is that far inside
      for (const p of pieces.filter((q) => !q.clipped)) {
        for (const [x, y] of points(p.d)) {
          expect(x).to.be.within(2, 298);
          expect(y).to.be.within(2, 198);
        }
      }
      // every clipped piece has a point outside that area
      for (const p of pieces.filter((q) => q.clipped)) expect(points(p.d).some(([x, y]) => x < 2 || x > 298 || y < 2 || y > 198)).to.equal(true);
      // the same points in the same order as the whole line (pieces share their end points)
      const joined = (list: Array<{ d: string }>) => list.flatMap((p, i) => (i === 0 ? points(p.d) : points(p.d).slice(1))).join(' ');
      expect(joined(pieces)).to.equal(joined(lineElements(whole)));
    });

    it('draws the same pixels but where two pieces overlap: nothing leaks past the clip', () => {
      for (const yDomain of [[-80, 45], [-80, 20]] as Array<[number, number]>) {
        const spec = traceCell(yDomain);
        const whole = renderSvg(spec, undefined, { split: 64 }).svg;
        const edges = renderSvg(spec, undefined, { split: 64, clipEdges: true }).svg;
        // the cell in device px at zoom 3 (its origin is the first translate; the groups inside
        // it are not moved)
        const [ox, oy] = /transform="translate\(([\d.]+),([\d.]+)\)"/.exec(edges)!.slice(1).map(Number) as [number, number];
        const a = rasterizeSvg(whole, 3);
        const b = rasterizeSvg(edges, 3);
        expect(b.width).to.equal(a.width);
        let inside = 0;
        for (let i = 0; i < a.pixels.length; i += 4) {
          if ([0, 1, 2, 3].every((c) => a.pixels[i + c] === b.pixels[i + c])) continue;
          const x = (i / 4) % a.width;
          const y = Math.floor(i / 4 / a.width);
          // nothing of the line outside its cell: a clipped piece never leaks
          expect(x >= ox * 3 && x < (ox + 300) * 3 && y >= oy * 3 && y < (oy + 200) * 3, `pixel ${x},${y} outside the cell (y domain ${yDomain.join('..')})`).to.equal(true);
          inside++;
        }
        // inside, only where two pieces overlap (at shared points, and where the flanks of a
        // spike lie in two pieces in one drawing and in one piece in the other); measured: 0.11 % and
        // 0.09 % of the cell's pixels
        expect(inside).to.be.above(0);
        expect(inside / (300 * 200 * 9)).to.be.below(3e-3);
      }
    });

    it('keeps the clip on the mark where a join may reach further (miter)', () => {
      const spec = traceCell([-80, 45], 'miter');
      expect(normalise(renderSvg(spec, undefined, { split: 64, clipEdges: true }).svg)).to.equal(normalise(renderSvg(spec, undefined, { split: 64 }).svg));
    });
  });

  it('writes runs of one point as Vega does (M x,yZ), and breaks at undefined points', () => {
    const values = [{ t: 0, y: 0 }, { t: 1, y: null }, { t: 2, y: 1 }, { t: 3, y: 2 }, { t: 4, y: NaN }, { t: 5, y: 3 }];
    const cell = { width: 100, height: 50, data: { values }, mark: 'line', encoding: { x: { field: 't', type: 'quantitative', scale: { domain: [0, 5] } }, y: { field: 'y', type: 'quantitative', scale: { domain: [0, 3] } } } };
    const spec = { concat: [cell] } as unknown as VegaLiteSpec;
    const lean = bothWaysSpec(spec);
    expect(lean.lean).to.equal(lean.full);
    expect(lean.lean).to.include('d="M0,50ZM40,33.333L60,16.667M100,0Z"');
  });

  it('formats numbers as String(Math.round(v * 1000) / 1000) does', () => {
    const cases = [0, -0, 0.0004, -0.0004, 0.0005, -0.0005, 1, -1, 0.001, 0.01, 0.1, 0.12, 0.102, 0.0125, 292.512, 1e6 + 0.5, -1234.5678, 2 ** 40 + 0.25, 1e15, -1e300, 1e-7];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 3000; i++) cases.push((rand() - 0.5) * 10 ** Math.floor(rand() * 10), Math.round((rand() - 0.5) * 2e6) / 1000);
    for (const v of cases) expect(formatMilli(v), String(v)).to.equal(String(Math.round(v * 1000) / 1000));
  });

  it('keeps only the first point and the extremes of each series for the dataflow', () => {
    const values = [
      { t: 0, y: 1, n: 0 }, { t: 1, y: 5, n: 0 }, { t: 2, y: 2, n: 0 }, { t: 3, y: null, n: 0 }, { t: 4, y: -3, n: 0 }, { t: 5, y: 0, n: 0 },
      { t: 0, y: 7, n: 1 },
    ];
    const spec = { concat: [{ data: { values }, mark: { type: 'line' }, encoding: { x: { field: 't' }, y: { field: 'y' }, detail: { field: 'n' }, order: { value: null } } }] } as unknown as VegaLiteSpec;
    const lean = leanLineSpec(spec)!;
    const kept = (lean.spec as unknown as { concat: Array<{ data: { values: unknown[] } }> }).concat[0]!.data.values;
    expect(kept).to.deep.equal([values[0], values[1], values[4], values[5], values[6]]);
    expect(lean.cells[0]!.series.get(0)).to.have.length(6);
  });

  it('leaves cells alone that it cannot reproduce (layers, colour encodings, sorted lines)', () => {
    const cell = { data: { values: [{ t: 0, y: 1 }] }, mark: 'line', encoding: { x: { field: 't' }, y: { field: 'y' } } };
    const withColor = { ...cell, encoding: { ...cell.encoding, color: { field: 'n' } } };
    const sorted = { ...cell, encoding: { ...cell.encoding, order: { field: 'y' } } };
    const layered = { layer: [cell] };
    expect(leanLineSpec({ concat: [withColor, sorted, layered] } as unknown as VegaLiteSpec)).to.equal(undefined);
    expect(leanLineSpec({ concat: [cell] } as unknown as VegaLiteSpec)).to.not.equal(undefined);
  });

  it('refuses (changes nothing) when the scene graph does not hold the expected marks', () => {
    const cell = { width: 100, height: 50, data: { values: [{ t: 0, y: 1 }, { t: 1, y: 2 }] }, mark: 'line', encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } };
    const lean = leanLineSpec({ concat: [cell] } as unknown as VegaLiteSpec)!;
    // a view of a different spec: no scale named concat_0_x
    const other = vegaLiteModule().compile({ data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } } as never).spec;
    const view = new (vegaModule().View)(vegaModule().parse(other), { renderer: 'none' });
    view.run();
    const root = (view.scenegraph() as unknown as { root: object }).root;
    const before = JSON.stringify(Object.keys(root));
    expect(prepareLinePaths(view as never, lean)).to.equal(undefined);
    expect(JSON.stringify(Object.keys(root))).to.equal(before);
    view.finalize();
  });
});
