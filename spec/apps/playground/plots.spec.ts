import { expect } from 'chai';
import { compile } from 'vega-lite';
import { View, parse } from 'vega';
import { fiSpec, heatRows, rasterSpec, traceRows, traceSpec, type PlotMeta } from '../../../src/apps/playground/plots.js';
import { TraceStore } from '../../../src/apps/playground/trace-store.js';

const one: PlotMeta = { record: 'v', n: 1, sweepAttr: undefined, sweepValues: undefined, duration: 1000, spiking: true, view: 'lines', dt: 0.01 };
const sweep: PlotMeta = { ...one, n: 20, sweepAttr: 'I_app', sweepValues: Array.from({ length: 20 }, (_, i) => i * 5) };

/** Compile with vega-lite and run in Vega headless; returns the warnings of both. */
async function render(spec: Record<string, unknown>, data: Record<string, unknown[]>): Promise<{ warnings: string[]; svg: string }> {
  const warnings: string[] = [];
  const logger = { level: () => logger, warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger), info: () => logger, debug: () => logger, error: (...a: unknown[]) => (warnings.push(a.join(' ')), logger) };
  const vg = compile(spec as never, { logger: logger as never }).spec;
  const view = new View(parse(vg), { renderer: 'none', logger: logger as never });
  for (const [name, rows] of Object.entries(data)) view.data(name, rows);
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  // Zoom/pan listens to window events: there is no window in Node (the browser tests check the page's console)
  return { warnings: warnings.filter((w) => w !== 'Can not resolve event source: window'), svg };
}

describe('playground figures (Vega-Lite specs)', function () {
  this.timeout(60_000);

  it('the trace compiles and renders without warnings, titled by time and the variable, colour by the sweep value', async () => {
    const rows = Array.from({ length: 100 }, (_, k) => ({ t: k * 0.1, value: Math.sin(k / 10), neuron: k % 20, sweep: (k % 20) * 5 }));
    for (const m of [one, sweep, { ...sweep, view: 'heatmap' as const }]) {
      const data = m.view === 'heatmap' ? rows.map((r) => ({ ...r, t2: r.t + 0.1 })) : rows;
      const { warnings, svg } = await render(traceSpec(m), { trace: data });
      expect(warnings, m.view).to.deep.equal([]);
      expect(svg).to.contain('time [ms]');
    }
    const enc = traceSpec(sweep).encoding as Record<string, { field: string; title?: string }>;
    expect(enc.color).to.include({ field: 'sweep', title: 'I_app' });
    expect(traceSpec(one).encoding).to.not.have.property('color');
  });

  it('an empty raster (no spike yet) draws its axes without warnings; the f-I curve renders', async () => {
    const r = await render(rasterSpec(sweep), { spikes: [] });
    expect(r.warnings).to.deep.equal([]);
    expect(r.svg).to.contain('spike time [ms]');
    const f = await render(fiSpec(sweep), { rates: sweep.sweepValues!.map((x) => ({ sweep: x, rate: x > 15 ? x : 0 })) });
    expect(f.warnings).to.deep.equal([]);
    expect(f.svg).to.contain('firing rate [Hz]');
  });
});

describe('playground figure rows', () => {
  const store = new TraceStore(2, 0.1);
  const values = new Float64Array(2 * 4000);
  for (let j = 0; j < 4000; j++) {
    values[2 * j] = Math.sin(j / 50);
    values[2 * j + 1] = j >= 3000 ? (j % 2 ? NaN : Infinity) : j; // neuron 1 diverges at sample 3000
  }
  store.append({ firstSample: 0, samples: 4000, values, spikeRanks: new Int32Array(0), spikeSteps: new Int32Array(0) });
  const meta: PlotMeta = { ...one, n: 2, sweepAttr: 'I_app', sweepValues: [0, 50] };

  it('decimates each neuron to at most 4 samples per column, keeps the extremes, turns NaN and infinities into gaps', async () => {
    const rows = traceRows(store, meta, 0, 4000, 100);
    const n0 = rows.filter((r) => r.neuron === 0);
    expect(n0.length).to.be.within(100, 404);
    expect(Math.max(...n0.map((r) => r.value!))).to.equal(Math.max(...Array.from(store.neuron(0))));
    expect(rows.filter((r) => r.neuron === 1 && r.t >= 300).every((r) => r.value === null)).to.equal(true);
    expect(rows.filter((r) => r.neuron === 1).map((r) => r.sweep)).to.satisfy((s: number[]) => s.every((x) => x === 50));
    const { warnings } = await render(traceSpec(meta), { trace: rows });
    expect(warnings).to.deep.equal([]);
  });

  it('heat map bins are means of all samples in the bin', async () => {
    const rows = heatRows(store, meta, 0, 3000, 30); // 100 samples per bin
    expect(rows).to.have.length(60);
    const first = rows.find((r) => r.neuron === 1 && r.t === 0)!;
    expect(first.t2).to.be.closeTo(10, 1e-9);
    expect(first.value).to.equal(49.5); // mean of 0..99
    const { warnings } = await render(traceSpec({ ...meta, view: 'heatmap' }), { trace: heatRows(store, meta, 0, 4000, 40) });
    expect(warnings).to.deep.equal([]);
  });
});

describe('playground TraceStore', () => {
  it('appends slices, answers time windows, neuron series and firing rates', () => {
    const s = new TraceStore(2, 0.5);
    s.append({ firstSample: 0, samples: 3, values: Float64Array.from([1, 10, 2, 20, 3, 30]), spikeRanks: Int32Array.from([1]), spikeSteps: Int32Array.from([4]) });
    s.append({ firstSample: 3, samples: 2, values: Float64Array.from([4, 40, 5, 50]), spikeRanks: Int32Array.from([1, 0]), spikeSteps: Int32Array.from([7, 9]) });
    expect(s.samples).to.equal(5);
    expect(s.lastT).to.equal(2);
    expect(Array.from(s.neuron(1))).to.deep.equal([10, 20, 30, 40, 50]);
    expect(s.range(0.5, 1.5)).to.deep.equal([1, 4]); // t = 0.5, 1.0, 1.5
    expect(Array.from(s.neuron(0, 1, 4))).to.deep.equal([2, 3, 4]);
    expect(Array.from(s.counts())).to.deep.equal([1, 2]);
    expect(Array.from(s.rates(500))).to.deep.equal([2, 4]);
    expect(() => s.append({ firstSample: 9, samples: 0, values: new Float64Array(0), spikeRanks: new Int32Array(0), spikeSteps: new Int32Array(0) })).to.throw('slice starts at sample 9, expected 5');
  });
});
