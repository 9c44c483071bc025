import { expect } from 'chai';
import { buildPlotSpec, type PlotSpecOptions } from '../../src/plot/plot-spec.js';
import { fitSpec, renderFittedSvg, renderSvg } from '../../src/plot/render-svg.js';
import { vegaLiteModule } from '../../src/plot/vega-modules.js';
import type { VegaLiteSpec } from '../../src/plot/vega-lite-spec.js';
import { manyTraces } from './many-traces.js';
import { smallRecordings } from './helpers.js';

/** Clip-path ids count up across renders; everything else must match character for character. */
const normalise = (svg: string): string => svg.replace(/clip\d+/g, 'clip#');

/** Counts vega-lite compiles while `f` runs. */
function countCompiles<T>(f: () => T): { value: T; compiles: number } {
  const vl = vegaLiteModule() as { compile: (...a: unknown[]) => unknown };
  const compile = vl.compile;
  let compiles = 0;
  vl.compile = (...a: unknown[]) => {
    compiles++;
    return compile(...a);
  };
  try {
    return { value: f(), compiles };
  } finally {
    vl.compile = compile;
  }
}

const { recordings, recordingTimes } = smallRecordings();
const figures: Array<[string, PlotSpecOptions]> = [
  ['one line (1 x 1)', { recordings, recordingTimes, shape: [1, 1], plan: { position: [1], compartment: ['pop'], variable: ['v'], format: ['line'] } }],
  [
    'lines, line_mean, mean and an expression (2 x 2)',
    { recordings, recordingTimes, shape: [2, 2], plan: { position: [1, 2, 3, 4], compartment: ['pop', 'pop', 'pop', 'proj'], variable: ['v', 'v*2+u', 'spike', 'w'], format: ['line', 'line_mean', 'mean', 'line'] } },
  ],
  [
    'raster, hybrid, interspike, cv, matrix and a blank cell (2 x 3)',
    { recordings, recordingTimes, shape: [2, 3], plan: { position: [1, 2, 3, 4, 6], compartment: ['pop', 'pop', 'pop', 'pop', 'proj'], variable: ['spike', 'spike', 'spike', 'spike', 'w'], format: ['raster', 'hybrid', 'interspike', 'cv', 'matrix'] } },
  ],
  ['100 traces above their raster (2 x 1)', manyTraces(100, 300)],
];

describe('plot/render-svg: renderFittedSvg', () => {
  for (const [name, opts] of figures) {
    it(`fits and draws as fitSpec + renderSvg do, with one Vega-Lite compile: ${name}`, () => {
      const { spec, figure } = buildPlotSpec(opts);
      const size = { width: figure.width, height: figure.height };
      const lineOpts = { simplify: 1 / 27, split: 64 };
      const fitted = fitSpec(spec, figure);
      const reference = renderSvg(fitted, size, lineOpts);
      const { value, compiles } = countCompiles(() => renderFittedSvg(spec, figure, lineOpts));
      expect(compiles).to.equal(1);
      expect(value.spec).to.deep.equal(fitted);
      expect(value.spec).to.not.deep.equal(spec); // the cells were resized
      expect(value.svg.width).to.equal(reference.width);
      expect(value.svg.height).to.equal(reference.height);
      expect(normalise(value.svg.svg)).to.equal(normalise(reference.svg));
    });
  }

  it('compiles twice where a cell size is not in a size signal (a cell without a numeric width)', () => {
    const { spec, figure } = buildPlotSpec(figures[0]![1]);
    const cell = (spec as { concat: Array<Record<string, unknown>> }).concat[0]!;
    const odd = { ...spec, concat: [{ ...cell, width: undefined }] } as VegaLiteSpec;
    const fitted = fitSpec(odd, figure);
    const reference = renderSvg(fitted, figure);
    const { value, compiles } = countCompiles(() => renderFittedSvg(odd, figure));
    expect(compiles).to.equal(2);
    expect(value.spec).to.deep.equal(fitted);
    expect(normalise(value.svg.svg)).to.equal(normalise(reference.svg));
  });

  it('falls back to fitSpec + renderSvg for inline data that keeps a format in the compiled spec (Vega reads it on ingest)', () => {
    const cell = {
      width: 300,
      height: 200,
      data: { values: [{ t: 0, y: 1 }, { t: 5, y: 3 }], format: { type: 'json' } },
      mark: { type: 'point', clip: true },
      encoding: { x: { field: 't', type: 'quantitative', scale: { domain: [0, 10] } }, y: { field: 'y', type: 'quantitative', scale: { domain: [0, 4] } } },
    };
    const spec = { concat: [cell], columns: 1 } as unknown as VegaLiteSpec;
    const figure = { width: 400, height: 300, cols: 1, rows: 1 };
    const fitted = fitSpec(spec, figure);
    const reference = renderSvg(fitted, figure);
    const { value, compiles } = countCompiles(() => renderFittedSvg(spec, figure));
    expect(compiles).to.equal(3);
    expect(value.spec).to.deep.equal(fitted);
    expect(normalise(value.svg.svg)).to.equal(normalise(reference.svg));
    expect(reference.svg.match(/aria-roledescription="point"/g)).to.have.length(2);
  });
});
