/**
 * The playground's figures, Vega-Lite through vega-embed with its export menu (PNG/SVG): the
 * recorded variable of every neuron (overlaid lines, or a heat map for sweeps), the spike raster
 * and the f-I curve. While a run goes, the trace shows a sliding window; when it ends, the whole
 * trace. Long traces are decimated per pixel column (M4) so spikes stay visible. Zoom and pan:
 * mouse wheel and drag (an interval selection bound to the scales).
 */
import embed, { type Result } from 'vega-embed';
import { decimateM4, BREAK } from '../../plot/decimate.js';
import type { TraceStore } from './trace-store.js';

/**
 * What the figures show of a run.
 *
 * @example
 * ```ts
 * const m: PlotMeta = { record: 'v', n: 20, sweepAttr: 'I_app', sweepValues, duration: 1000, spiking: true, view: 'lines', dt: 0.01 };
 * ```
 */
export interface PlotMeta {
  record: string;
  n: number;
  sweepAttr: string | undefined;
  sweepValues: readonly number[] | undefined;
  duration: number;
  spiking: boolean;
  view: 'lines' | 'heatmap';
  /** Time step (ms): spikes arrive as steps. */
  dt: number;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 520;
/** Pixel columns of the whole-trace decimation (a bit more than the plot is wide). */
const FINAL_BUCKETS = 700;
/** vega-embed's menu: exports only (the editor link would need the network). */
const ACTIONS = { export: { svg: true, png: true }, source: false, compiled: false, editor: false };

interface Row {
  t: number;
  value: number | null;
  neuron: number;
  sweep: number;
}

/**
 * The trace figure's Vega-Lite spec (data in the named dataset `trace`).
 *
 * @example
 * ```ts
 * traceSpec({ record: 'v', n: 1, sweepAttr: undefined, sweepValues: undefined, duration: 1000, spiking: true, view: 'lines', dt: 0.01 });
 * ```
 */
export function traceSpec(m: PlotMeta): Record<string, unknown> {
  const sweepTitle = m.sweepAttr ?? 'neuron';
  const base = { $schema: SCHEMA, width: WIDTH, height: 240, padding: 8, data: { name: 'trace' } };
  if (m.view === 'heatmap' && m.n > 1) {
    return {
      ...base,
      // rows are time bins already averaged (heatRows): one rect per bin and neuron
      mark: { type: 'rect' },
      encoding: {
        x: { field: 't', type: 'quantitative', title: 'time [ms]', scale: { zero: false, nice: false } },
        x2: { field: 't2' },
        y: { field: 'sweep', type: 'ordinal', title: sweepTitle, sort: 'descending', axis: { format: '.3~g' } },
        color: { field: 'value', type: 'quantitative', title: m.record, scale: { scheme: 'viridis' } },
      },
    };
  }
  return {
    ...base,
    params: [{ name: 'zoom', select: { type: 'interval', encodings: ['x', 'y'] }, bind: 'scales' }],
    mark: { type: 'line', clip: true, strokeWidth: 1.1, interpolate: 'linear' },
    encoding: {
      x: { field: 't', type: 'quantitative', title: 'time [ms]', scale: { zero: false, nice: false } },
      y: { field: 'value', type: 'quantitative', title: m.record, scale: { zero: false } },
      ...(m.n > 1
        ? { color: { field: 'sweep', type: 'quantitative', title: sweepTitle, scale: { scheme: 'viridis' } }, detail: { field: 'neuron', type: 'nominal' } }
        : {}),
    },
  };
}

/**
 * The raster's spec: one tick per spike, explicit domains (an empty raster draws no warnings).
 *
 * @example
 * ```ts
 * rasterSpec(meta).mark; // { type: 'tick', ... }
 * ```
 */
export function rasterSpec(m: PlotMeta): Record<string, unknown> {
  return {
    $schema: SCHEMA,
    width: WIDTH,
    height: Math.min(200, 50 + 8 * m.n),
    padding: 8,
    data: { name: 'spikes' },
    // The time axis follows the trace's window while running (signals t0, t1), then the whole run.
    params: [
      { name: 't0', value: 0 },
      { name: 't1', value: m.duration },
      { name: 'zoom', select: { type: 'interval', encodings: ['x'] }, bind: 'scales' },
    ],
    mark: { type: 'tick', orient: 'vertical', thickness: 1.2, clip: true, size: Math.max(4, Math.min(40, 140 / m.n)) },
    encoding: {
      x: { field: 't', type: 'quantitative', title: 'spike time [ms]', scale: { domain: [{ expr: 't0' }, { expr: 't1' }], nice: false } },
      y: { field: 'neuron', type: 'quantitative', title: 'neuron', scale: { domain: [-0.5, m.n - 0.5], nice: false, zero: false }, axis: { tickMinStep: 1, format: 'd' } },
    },
  };
}

/**
 * The f-I curve's spec: mean firing rate per neuron over its sweep value.
 *
 * @example
 * ```ts
 * fiSpec(meta).encoding; // x: sweep value, y: rate [Hz]
 * ```
 */
export function fiSpec(m: PlotMeta): Record<string, unknown> {
  return {
    $schema: SCHEMA,
    width: 300,
    height: 200,
    padding: 8,
    data: { name: 'rates' },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'sweep', type: 'quantitative', title: m.sweepAttr ?? 'neuron', scale: { zero: false } },
      y: { field: 'rate', type: 'quantitative', title: 'firing rate [Hz]' },
    },
  };
}

/**
 * Rows of the trace for samples `[s0, s1)`, M4-decimated to `buckets` columns per neuron.
 *
 * @example
 * ```ts
 * traceRows(store, meta, 0, store.samples, 700); // [{ t, value, neuron, sweep }, ...]
 * ```
 */
export function traceRows(store: TraceStore, m: PlotMeta, s0: number, s1: number, buckets: number): Row[] {
  const rows: Row[] = [];
  if (s1 <= s0) return rows;
  const t = new Float64Array(s1 - s0);
  for (let s = s0; s < s1; s++) t[s - s0] = s * store.periodMs;
  for (let i = 0; i < store.n; i++) {
    const y = store.neuron(i, s0, s1);
    const sweep = m.sweepValues?.[i] ?? i;
    const keep = t.length > buckets * 4 ? decimateM4(t, y, { x0: t[0]!, x1: t[t.length - 1]!, buckets }) : null;
    // NaN and infinite values (a model that diverged) become gaps: Vega filters nulls, infinities would break the scale
    const value = (v: number): number | null => (Number.isFinite(v) ? v : null);
    if (keep === null) {
      for (let k = 0; k < t.length; k++) rows.push({ t: t[k]!, value: value(y[k]!), neuron: i, sweep });
    } else {
      for (const k of keep) if (k !== BREAK) rows.push({ t: t[k]!, value: value(y[k]!), neuron: i, sweep });
    }
  }
  return rows;
}

/**
 * Rows of the heat map for samples `[s0, s1)`: the mean of each neuron over `bins` equal time
 * bins (a mean of all samples; decimated samples would bias it towards the extremes).
 *
 * @example
 * ```ts
 * heatRows(store, meta, 0, store.samples, 150); // [{ t, t2, value, neuron, sweep }, ...]
 * ```
 */
export function heatRows(store: TraceStore, m: PlotMeta, s0: number, s1: number, bins: number): (Row & { t2: number })[] {
  const rows: (Row & { t2: number })[] = [];
  const n = s1 - s0;
  if (n <= 0) return rows;
  const per = Math.max(1, Math.ceil(n / bins));
  for (let i = 0; i < store.n; i++) {
    const y = store.neuron(i, s0, s1);
    const sweep = m.sweepValues?.[i] ?? i;
    for (let b = 0; b < n; b += per) {
      const e = Math.min(n, b + per);
      let sum = 0;
      for (let k = b; k < e; k++) sum += y[k]!;
      const mean = sum / (e - b);
      rows.push({ t: (s0 + b) * store.periodMs, t2: (s0 + e) * store.periodMs, value: Number.isFinite(mean) ? mean : null, neuron: i, sweep });
    }
  }
  return rows;
}

/**
 * The three figures of the page for one run: created with {@link PlaygroundPlots.start}, fed with
 * {@link PlaygroundPlots.redraw}.
 *
 * @example
 * ```ts
 * const plots = new PlaygroundPlots({ trace, raster, fi });
 * await plots.start(meta);
 * await plots.redraw(store, { live: true, window: 200 });
 * ```
 */
export class PlaygroundPlots {
  private views: { trace?: Result; raster?: Result; fi?: Result } = {};
  private meta: PlotMeta | undefined;
  private specKey = '';
  /** The data on show: re-decimated when the user zooms into a finished trace. */
  private shown: { store: TraceStore; live: boolean } | undefined;
  private zoomTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly el: { trace: HTMLElement; raster: HTMLElement; fi: HTMLElement }) {}

  /** The embedded views (for tests and the console). */
  get results(): { trace?: Result; raster?: Result; fi?: Result } {
    return this.views;
  }

  /** Prepare the figures for a run: embeds anew only when their specs change. */
  async start(m: PlotMeta): Promise<void> {
    this.meta = m;
    const key = JSON.stringify([traceSpec(m), rasterSpec(m), fiSpec(m)]);
    if (key === this.specKey) return;
    this.specKey = key;
    this.finalizeViews();
    // The trace is embedded with its first data (an empty quantitative line warns about its extent).
    this.el.trace.replaceChildren();
    this.el.raster.replaceChildren();
    this.el.fi.replaceChildren();
    this.el.raster.hidden = !m.spiking;
    this.el.fi.hidden = !(m.spiking && m.n > 1);
    if (m.spiking) this.views.raster = await embed(this.el.raster, rasterSpec(m) as never, { renderer: 'svg', actions: ACTIONS });
  }

  /**
   * The whole trace is decimated for the full time axis; zoomed in, the visible span (and as much
   * again on either side, for panning) is decimated anew, so the detail grows with the zoom.
   */
  private zoomed(domain: unknown): void {
    const shown = this.shown;
    const m = this.meta;
    if (!shown || shown.live || !m || !this.views.trace) return;
    if (this.zoomTimer !== undefined) clearTimeout(this.zoomTimer);
    this.zoomTimer = setTimeout(() => {
      this.zoomTimer = undefined;
      const view = this.views.trace?.view;
      if (!view || this.shown !== shown) return;
      const d = Array.isArray(domain) && domain.length === 2 ? (domain as number[]) : undefined;
      const [s0, s1] = d ? shown.store.range(d[0]! - (d[1]! - d[0]!), d[1]! + (d[1]! - d[0]!)) : [0, shown.store.samples];
      void view.data('trace', traceRows(shown.store, m, s0, s1, d ? 3 * FINAL_BUCKETS : FINAL_BUCKETS)).runAsync();
    }, 120);
  }

  private finalizeViews(): void {
    for (const r of Object.values(this.views)) r?.finalize();
    this.views = {};
  }

  /**
   * Show the data: a sliding `window` (ms) of the trace while `live`, the whole run otherwise;
   * the raster and (for sweeps) the f-I curve over the time simulated so far.
   */
  async redraw(store: TraceStore, opts: { live: boolean; window: number; simulatedMs: number }): Promise<void> {
    const m = this.meta;
    if (!m || store.samples === 0) return;
    const tEnd = store.lastT;
    const [s0, s1] = opts.live ? store.range(tEnd - opts.window, tEnd) : [0, store.samples];
    const rows = m.view === 'heatmap' && m.n > 1 ? heatRows(store, m, s0, s1, 150) : traceRows(store, m, s0, s1, opts.live ? 250 : FINAL_BUCKETS);
    this.shown = { store, live: opts.live };
    if (!this.views.trace) {
      const spec = { ...traceSpec(m), data: { name: 'trace', values: rows } };
      const result = await embed(this.el.trace, spec as never, { renderer: 'svg', actions: ACTIONS });
      this.views.trace = result;
      if (m.view === 'lines') result.view.addSignalListener('zoom_t', (_name: string, domain: unknown) => this.zoomed(domain));
    } else {
      await this.views.trace.view.data('trace', rows).runAsync();
    }
    if (this.views.raster) {
      const [t0, t1] = opts.live ? [Math.max(0, tEnd - opts.window), Math.max(opts.window, tEnd)] : [0, m.duration];
      const spikes: { t: number; neuron: number }[] = [];
      store.spikeRanks.forEach((r, k) => {
        const t = store.spikeSteps[k]! * m.dt;
        if (t >= t0 && t <= t1) spikes.push({ t, neuron: r });
      });
      await this.views.raster.view.signal('t0', t0).signal('t1', t1).data('spikes', spikes).runAsync();
    }
    if (m.spiking && m.n > 1) {
      const rates = store.rates(opts.simulatedMs);
      const data = Array.from(rates, (rate, i) => ({ sweep: m.sweepValues?.[i] ?? i, rate }));
      if (!this.views.fi) this.views.fi = await embed(this.el.fi, { ...fiSpec(m), data: { name: 'rates', values: data } } as never, { renderer: 'svg', actions: ACTIONS });
      else await this.views.fi.view.data('rates', data).runAsync();
    }
  }
}
