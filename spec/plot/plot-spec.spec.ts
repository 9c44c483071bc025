import { expect } from 'chai';
import { buildPlotSpec, matrixYTicks, type PlotPlan, type PlotSpecOptions } from '../../src/plot/plot-spec.js';
import { smallRecordings, type Row } from './helpers.js';

type Any = Record<string, any>;

function one(plan: Partial<PlotPlan> & { variable: string[]; format: string[] }, extra: Partial<PlotSpecOptions> = {}) {
  const { recordings, recordingTimes } = smallRecordings();
  const full: PlotPlan = { position: [1], compartment: ['pop'], ...plan } as PlotPlan;
  const res = buildPlotSpec({ recordings, recordingTimes, shape: [1, 1], plan: full, ...extra });
  return { res, cell: (res.spec as Any).concat[0] as Any };
}

describe('plot/plot-spec: structure', () => {
  it('line: CompNeuroPy title, time label, xlim = chunk, breaks at the pause', () => {
    const { res, cell } = one({ variable: ['v'], format: ['line'] });
    expect(res.figure).to.include({ width: 640, height: 480, dpi: 300, scale: 3 });
    expect(cell.title).to.equal('Variable v of pop (2)');
    expect(cell.encoding.x.title).to.equal('time [ms]');
    expect(cell.encoding.x.scale.domain).to.deep.equal([0, 99]);
    expect(cell.encoding.y.title).to.equal(null);
    expect(cell.mark).to.include({ type: 'line', color: 'black' });
    expect(cell.encoding.detail).to.deep.equal({ field: 'n', type: 'nominal' });
    const rows = cell.data.values as Row[];
    // neuron 0: 0..49, break, 70..99 (few samples: all kept)
    const n0 = rows.filter((r) => r.n === 0);
    expect(n0.length).to.equal(81);
    expect(n0[50]!.y).to.equal(null);
    expect(n0[49]).to.deep.equal({ t: 49, y: 49, n: 0 });
    expect(n0[51]).to.deep.equal({ t: 70, y: 70, n: 0 });
    // y limits: data range -> [0, 199] plus 5 % margins
    expect(cell.encoding.y.scale.domain[0]).to.be.closeTo(-9.95, 1e-12);
    expect(cell.encoding.y.scale.domain[1]).to.be.closeTo(208.95, 1e-12);
  });

  it('line_mean and expressions', () => {
    const m = one({ variable: ['v'], format: ['line_mean'] }).cell;
    expect(m.title).to.equal('Variable v of pop (2)');
    expect(m.encoding.detail).to.equal(undefined);
    expect((m.data.values as Row[])[3]).to.deep.equal({ t: 3, y: 53 });
    const e = one({ variable: ['v*2+u'], format: ['line'] }).cell;
    expect(e.title).to.equal('Variable v*2+u of pop (2)');
    // neuron 1 at t=10: (10+100)*2 - 10 = 210
    expect((e.data.values as Row[]).find((r) => r.n === 1 && r.t === 10)!.y).to.equal(210);
  });

  it('timeLim restricts the window', () => {
    const { cell, res } = one({ variable: ['v'], format: ['line'] }, { timeLim: [20, 80] });
    expect(res.startTime).to.equal(20);
    expect(cell.encoding.x.scale.domain).to.deep.equal([20, 80]);
    const ts = (cell.data.values as Row[]).filter((r) => r.y !== null).map((r) => r.t!);
    expect(Math.min(...ts)).to.equal(20);
    expect(Math.max(...ts)).to.equal(80);
  });

  it('matrix: viridis rects, title with sci(min/max), row 0 on top', () => {
    const { cell } = one({ variable: ['v'], format: ['matrix'] });
    expect(cell.title).to.equal('Variable v of pop (2) [0.0, 199.0]');
    expect(cell.mark.type).to.equal('rect');
    expect(cell.encoding.color.scale).to.deep.equal({ scheme: 'viridis', domain: [0, 199] });
    expect(cell.encoding.y.scale).to.include({ reverse: true });
    expect(cell.encoding.y.scale.domain).to.deep.equal([-0.5, 1.5]);
    expect(cell.encoding.y.axis.values).to.deep.equal([0, 1]);
    // 80 samples x 2 rows (the pause has no cells)
    expect(cell.data.values.length).to.equal(160);
    expect(cell.data.values[0]).to.deep.equal({ x0: -0.5, x1: 0.5, y0: -0.5, y1: 0.5, v: 0 });
    const mm = one({ variable: ['v'], format: ['matrix_mean'] }).cell;
    expect(mm.encoding.y.axis.values).to.deep.equal([0]);
    expect(mm.title).to.equal('Variable v of pop (2) [50.0, 149.0]');
  });

  it('matrix of projection data: NaN separator rows, labels skip them', () => {
    const { cell } = one({ compartment: ['proj'], variable: ['w'], format: ['matrix'] });
    expect(cell.encoding.y.scale.domain).to.deep.equal([-0.5, 6.5]);
    expect(cell.encoding.y.axis.values).to.deep.equal([0, 1, 2, 4, 5, 6]);
    expect(cell.encoding.y.axis.labelExpr).to.contain('"4":"3"');
    expect(cell.title).to.equal('Variable w of proj (2) [0.0, 5.99]'.replace('5.99', '6.0'));
    const nan = new Float64Array([NaN]);
    const ok = new Float64Array([1]);
    expect(matrixYTicks([ok, ok, ok, nan, ok, ok, ok])).to.deep.equal({ positions: [0, 1, 2, 4, 5, 6], labels: [0, 1, 2, 3, 4, 5] });
  });

  it('raster: title with max rank + 1, # neurons, ylim, window mask', () => {
    const { cell } = one({ variable: ['spike'], format: ['raster'] }, { timeLim: [5, 99] });
    expect(cell.title).to.equal('Spikes pop (3)');
    expect(cell.encoding.y.title).to.equal('# neurons');
    expect(cell.encoding.y.scale.domain).to.deep.equal([-0.5, 2.5]);
    expect(cell.mark.type).to.equal('point');
    const pts = cell.data.values as Array<{ t: number; r: number }>;
    expect(pts).to.deep.equal([
      { t: 10, r: 0 }, { t: 30, r: 0 }, { t: 5, r: 1 }, { t: 25, r: 1 }, { t: 10, r: 2 }, { t: 20, r: 2 },
    ]);
  });

  it('raster of a single neuron uses "|" ticks and ytick [0]', () => {
    const { recordings, recordingTimes } = smallRecordings();
    (recordings[0] as Any)['pop;spike'] = { 0: [3, 9] };
    const res = buildPlotSpec({ recordings, recordingTimes, shape: [1, 1], plan: { position: [1], compartment: ['pop'], variable: ['spike'], format: ['raster'] } });
    const cell = (res.spec as Any).concat[0];
    expect(cell.title).to.equal('Spikes pop (1)');
    expect(cell.mark.type).to.equal('tick');
    expect(cell.encoding.y.axis.values).to.deep.equal([0]);
  });

  it('mean and hybrid', () => {
    const m = one({ variable: ['spike'], format: ['mean'] }).cell;
    expect(m.title).to.equal('Activity pop (3)');
    expect(m.encoding.y.title).to.equal('Mean firing rate [Hz]');
    expect(m.mark.color).to.equal('black');
    const h = one({ variable: ['spike'], format: ['hybrid'] }).cell;
    expect(h.title).to.equal('Activity pop (3)');
    expect(h.layer).to.have.length(2);
    expect(h.layer[0].encoding.y.title).to.equal('# neurons');
    expect(h.layer[1].mark.color).to.equal('red');
    expect(h.layer[1].encoding.y.axis).to.include({ orient: 'right', titleColor: 'red' });
    expect(h.resolve.scale.y).to.equal('independent');
  });

  it('interspike: density histogram of all ISIs (hand-computed)', () => {
    const { cell } = one({ variable: ['spike'], format: ['interspike'] });
    expect(cell.title).to.equal('Interspike interval histogram pop (3)');
    expect(cell.encoding.x.title).to.equal('Interspike interval [ms]');
    expect(cell.encoding.y.title).to.equal('Probability');
    expect(cell.encoding.x.scale.domain).to.deep.equal([0, 200]);
    // ISIs: 10, 20 (rank 0), 20 (rank 1), 10, 10 (rank 2): 3 of 5 in [10, 12), 2 in [20, 22)
    expect(cell.data.values).to.deep.equal([
      { x0: 10, x1: 12, h: 3 / 5 / 2 },
      { x0: 20, x1: 22, h: 2 / 5 / 2 },
    ]);
  });

  it('cv: density histogram of per-neuron CVs (hand-computed)', () => {
    const { cell } = one({ variable: ['spike'], format: ['cv'] });
    expect(cell.title).to.equal('Coefficient of variation histogram pop (3)');
    expect(cell.encoding.x.title).to.equal('Coefficient of variation');
    expect(cell.encoding.x.scale.domain).to.deep.equal([0, 2]);
    // rank 0: ISIs 10, 20 -> CV 1/3 (bin [0.32, 0.34)); rank 2: 10, 10 -> CV 0 (bin [0, 0.02))
    const v = cell.data.values as Array<{ x0: number; h: number }>;
    expect(v).to.have.length(2);
    expect(v[0]!.x0).to.equal(0);
    expect(v[1]!.x0).to.be.closeTo(0.32, 1e-12);
    expect(v[0]!.h).to.be.closeTo(25, 1e-9);
  });

  it('no spikes: CompNeuroPy title, text and warning', () => {
    const { res, cell } = one({ compartment: ['quiet'], variable: ['spike'], format: ['raster'] });
    expect(cell.title).to.equal('Spikes quiet');
    expect(cell.mark.type).to.equal('text');
    expect(cell.data.values[0].text).to.equal('quiet does not contain any spikes.');
    expect(cell.encoding.x.scale.domain).to.deep.equal([0, 1]);
    expect(cell.encoding.x.axis).to.include({ title: null, ticks: false, labels: false });
    expect(res.warnings).to.deep.equal(['\n  WARNING PlotRecordings: quiet does not contain any spikes in the given time interval.\n']);
  });

  it('grid: row-major positions, blank cells for unused positions', () => {
    const { recordings, recordingTimes } = smallRecordings();
    const res = buildPlotSpec({
      recordings, recordingTimes, shape: [2, 2], dpi: 100,
      plan: { position: [4, 1], compartment: ['pop', 'pop'], variable: ['v', 'spike'], format: ['line', 'raster'] },
    });
    const s = res.spec as Any;
    expect(s.columns).to.equal(2);
    expect(s.concat).to.have.length(4);
    expect(s.concat[0].title).to.equal('Spikes pop (3)');
    expect(s.concat[3].title).to.equal('Variable v of pop (2)');
    expect(s.concat[1].encoding.x.axis).to.equal(null);
    expect(res.figure).to.include({ width: 1280, height: 960, scale: 1 });
    // a spec is plain data
    expect(JSON.parse(JSON.stringify(s))).to.deep.equal(s);
  });
});

describe('plot/plot-spec: validation (CompNeuroPy messages)', () => {
  const base = (): PlotSpecOptions => {
    const { recordings, recordingTimes } = smallRecordings();
    return { recordings, recordingTimes, shape: [1, 2], plan: { position: [1], compartment: ['pop'], variable: ['v'], format: ['line'] } };
  };
  const withPlan = (plan: Any, extra: Partial<PlotSpecOptions> = {}) => () => buildPlotSpec({ ...base(), plan: plan as PlotPlan, ...extra });
  const ok = { position: [1], compartment: ['pop'], variable: ['v'], format: ['line'] };

  it('chunk', () => {
    expect(() => buildPlotSpec({ ...base(), chunk: 1 })).to.throw('ERROR PlotRecordings: chunk 1 is not valid.\nNumber of chunks: 1');
    expect(() => buildPlotSpec({ ...base(), chunk: -1 })).to.throw('ERROR PlotRecordings: chunk -1 is not valid.');
  });
  it('plan keys and lengths', () => {
    expect(withPlan({ ...ok, color: ['k'] })).to.throw(
      "ERROR PlotRecordings: plan key color is not valid.\nValid keys are ['position', 'compartment', 'variable', 'format'].",
    );
    expect(withPlan({ ...ok, format: ['line', 'line'] })).to.throw(
      "ERROR PlotRecordings: plan value of key 'format' has not the same length as plan value of key 'position'.",
    );
    expect(withPlan({ position: [1], compartment: ['pop'], variable: ['v'] })).to.throw(/plan key 'format' is missing/);
  });
  it('positions', () => {
    expect(withPlan({ ...ok, position: [0] })).to.throw('ERROR PlotRecordings: plan position has to be >= 1.\nplan position: [0]');
    expect(withPlan({ ...ok, position: [3] })).to.throw(
      'ERROR PlotRecordings: plan position has to be <= shape[0] * shape[1].\nplan position: [3]\nshape: (1, 2)',
    );
    expect(withPlan({ position: [1, 1], compartment: ['pop', 'pop'], variable: ['v', 'v'], format: ['line', 'line'] })).to.throw(
      'ERROR PlotRecordings: plan position has to be unique.\nplan position: [1, 1]',
    );
  });
  it('compartment and variable', () => {
    expect(withPlan({ ...ok, compartment: ['nope'] })).to.throw(
      "ERROR PlotRecordings: plan compartment nope is not valid.\nValid compartments are ['pop', 'proj', 'quiet'].\n\n(plan entry 0",
    );
    expect(withPlan({ ...ok, variable: ['x'] })).to.throw(
      "ERROR PlotRecordings: plan variable x is not valid for compartment pop.\nValid variables are ['v', 'u', 'spike'].",
    );
    expect(withPlan({ ...ok, variable: ['v+spike'] })).to.throw(
      "ERROR PlotRecordings: plan variable v spike is not valid.\nVariables 'spike' and 'axon_spike' are not allowed in equations.",
    );
    // kept quirk: decimal literals fail validation
    expect(withPlan({ ...ok, variable: ['v*0.5'] })).to.throw('ERROR PlotRecordings: plan variable 0.5 is not valid for compartment pop.');
    // projection "parameters" would count as a variable; parameter_dict does not
    expect(withPlan({ ...ok, variable: ['parameter_dict'] })).to.throw(/plan variable parameter_dict is not valid/);
  });
  it('format', () => {
    expect(withPlan({ ...ok, format: ['raster'] })).to.throw(
      "ERROR PlotRecordings: plan format raster is not valid for variable v.\nValid formats are ['line', 'line_mean', 'matrix', 'matrix_mean'].",
    );
    expect(withPlan({ ...ok, variable: ['spike'], format: ['line'] })).to.throw(
      "ERROR PlotRecordings: plan format line is not valid for variable spike.\nValid formats are ['raster', 'mean', 'hybrid', 'interspike', 'cv'].",
    );
  });
  it('time_lim', () => {
    expect(withPlan(ok, { timeLim: [-1, 50] })).to.throw('ERROR PlotRecordings: time_lim (-1, 50) is not within chunk.\nchunk time lims: 0.0 - 99.0');
    expect(withPlan(ok, { timeLim: [0, 100] })).to.throw(/time_lim \(0, 100\) is not within chunk/);
  });
});
