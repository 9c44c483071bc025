import embed from 'vega-embed';
import { changeset, type View } from 'vega';
import { Observable, defer, filter, isObservable, map, mergeMap, type Subscription } from 'rxjs';
import type { Network } from '../engine/network.js';
import type { Population } from '../engine/population.js';
import type { Recorder } from '../engine/step-participant.js';
import type { SimulationFrame } from '../stream/simulation-frame.js';
import type { SampleBlock } from '../monitors/sample-stream.js';

/**
 * A sample that does not carry a network: the time in ms and one value per series name. This is
 * what a live plot of frames received over the wire (server-sent events, WebSocket) plots.
 *
 * @example
 * ```ts
 * const s: LiveSample = { t: 12.5, values: { 'HH_Bischop;v': -65.2 } };
 * ```
 */
export interface LiveSample {
  /** Time in ms. */
  readonly t: number;
  /** Value per series name (e.g. `{ 'HH_Bischop;v': -65.2 }`). */
  readonly values: Readonly<Record<string, number>>;
}

/**
 * What {@link livePlot} needs of a CompNeuroMonitors object: its monitor dictionary, its network
 * and (optionally) the start/pause bookkeeping, so only recording compartments are plotted.
 *
 * @example
 * ```ts
 * livePlot(el, new CompNeuroMonitors({ 'HH_Bischop;0.1': ['v', 'spike'] }), { window: 500 });
 * ```
 */
export interface LiveMonitorsSource {
  /** `{ 'compartment;period': ['v', 'spike'] }` (a single variable may be a string). */
  readonly monDict: Readonly<Record<string, string | readonly string[]>>;
  readonly network: Network;
  readonly timings?: Readonly<Record<string, { readonly currentlyPaused: boolean }>>;
}

/**
 * A simulation Observable (frames of `simulate$`), an Observable of {@link LiveSample}s, the
 * sample blocks of `monitors.samples$(...)`, or a CompNeuroMonitors.
 *
 * @example
 * ```ts
 * const source: LivePlotSource = simulate$(1000, { network: net, scheduler: animationFrameScheduler, chunk: 250 });
 * ```
 */
export type LivePlotSource = Observable<SimulationFrame | LiveSample | SampleBlock> | LiveMonitorsSource;

/**
 * Options of {@link livePlot}.
 *
 * @example
 * ```ts
 * const opts: LivePlotOptions = { variables: 'HH_Bischop;v', window: 200, every: 10, yDomain: [-100, 60] };
 * ```
 */
export interface LivePlotOptions {
  /**
   * Variables to plot as `'population;variable'`. Needed for simulation frames; for a
   * CompNeuroMonitors the default is every recorded variable except `spike`. For
   * {@link LiveSample}s every `values` key is a series; naming them here (e.g. the one series
   * `'HH_Bischop;v'`) only sets up the axis title and legend in advance.
   */
  variables?: string | readonly string[];
  /** Ranks of the neurons to plot (default `[0]`). */
  neurons?: number | readonly number[];
  /** Width of the sliding window in ms of simulated time (default 100). */
  window?: number;
  /** Plot every `every`-th step (or sample) only, to bound the points per window (default 1). */
  every?: number;
  /** Plot size in CSS pixels (default 600 x 250). */
  width?: number;
  height?: number;
  title?: string;
  /** Fixed y domain (default: fitted to the window). */
  yDomain?: readonly [number, number];
  /** y axis title (default: the variable name when there is one, else "value"). */
  yTitle?: string;
  /** Called after each redraw (at most once per animation frame). */
  onUpdate?: (status: LivePlotStatus) => void;
}

/**
 * Progress of a {@link LivePlot}.
 *
 * @example
 * ```ts
 * const { t, points, inserted, active } = plot.status;
 * ```
 */
export interface LivePlotStatus {
  /** Time (ms) of the newest plotted sample, undefined before the first. */
  readonly t: number | undefined;
  /** Points currently in the window. */
  readonly points: number;
  /** Points inserted since the plot was created (grows while the source runs). */
  readonly inserted: number;
  /** Redraws so far. */
  readonly updates: number;
  /** True while the subscription to the source is open. */
  readonly active: boolean;
}

/**
 * A running live plot (see {@link livePlot}).
 *
 * @example
 * ```ts
 * const plot = livePlot(el, run$, { variables: 'HH_Bischop;v' });
 * stopButton.onclick = () => plot.stop();
 * ```
 */
export interface LivePlot {
  /** Resolves with the Vega view once it is embedded. */
  readonly ready: Promise<View>;
  /** The Vega view (undefined until {@link LivePlot.ready} resolves). */
  readonly view: View | undefined;
  /** Resolves when the subscription ends (completion or {@link LivePlot.stop}), after the last redraw; rejects with the source's error. */
  readonly done: Promise<LivePlotStatus>;
  /** The current progress. */
  readonly status: LivePlotStatus;
  /** Unsubscribe from the source (a cold simulation Observable stops running); the plot keeps its data. */
  stop(): void;
  /** Stop and release the view. */
  finalize(): void;
}

/**
 * One plotted point (a row of the {@link LIVE_DATASET} dataset).
 *
 * @example
 * ```ts
 * const row: LivePoint = { t: 12.5, value: -65.2, series: 'HH_Bischop;v' };
 * ```
 */
export interface LivePoint {
  t: number;
  value: number;
  series: string;
}

/**
 * Name of the Vega dataset a live plot updates.
 *
 * @example
 * ```ts
 * plot.view?.data(LIVE_DATASET).length; // points in the window
 * ```
 */
export const LIVE_DATASET = 'trace';

/**
 * The Vega-Lite spec of a live plot: a line per series over the named dataset
 * {@link LIVE_DATASET}, filled later through view changesets.
 *
 * @example
 * ```ts
 * liveSpec(['HH_Bischop;v[0]'], { yDomain: [-100, 50] }).data; // { name: 'trace' }
 * ```
 */
export function liveSpec(series: readonly string[], options: LivePlotOptions = {}): Record<string, unknown> {
  const multi = series.length !== 1;
  const yScale: Record<string, unknown> = options.yDomain ? { domain: [...options.yDomain] } : { zero: false };
  const vars = [...new Set(series.map((s) => s.replace(/^.*;/, '').replace(/\[\d+\]$/, '')))];
  const yTitle = options.yTitle ?? (vars.length === 1 && series.length > 0 ? vars[0] : 'value');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: options.width ?? 600,
    height: options.height ?? 250,
    ...(options.title !== undefined ? { title: options.title } : {}),
    data: { name: LIVE_DATASET },
    mark: { type: 'line', clip: true, strokeWidth: 1.2 },
    encoding: {
      x: { field: 't', type: 'quantitative', title: 'time [ms]', scale: { zero: false, nice: false } },
      y: { field: 'value', type: 'quantitative', title: yTitle, scale: yScale },
      ...(multi ? { color: { field: 'series', type: 'nominal', title: null } } : {}),
    },
  };
}

function positiveNumber(name: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new Error(`livePlot: ${name} must be a positive number, got ${String(v)}`);
  return v;
}

function list<T>(v: T | readonly T[] | undefined): T[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? [...(v as readonly T[])] : [v as T];
}

/** A `'pop;var'` name split, with a clear error. */
function splitVariable(name: unknown): [string, string] {
  if (typeof name !== 'string' || !/^[^;]+;[^;]+$/.test(name)) {
    throw new Error(`livePlot: variables must be 'population;variable' strings (e.g. 'HH_Bischop;v'), got ${JSON.stringify(name)}`);
  }
  const i = name.indexOf(';');
  return [name.slice(0, i), name.slice(i + 1)];
}

/** Reads one series value from a population's kernel state (no copies: called every step). */
type Reader = () => number;

function makeReader(pop: Population, variable: string, rank: number): Reader {
  if (!pop.attributes.includes(variable)) {
    throw new Error(`livePlot: population "${pop.name}" has no variable "${variable}"; attributes: ${pop.attributes.join(', ')}`);
  }
  if (!Number.isInteger(rank) || rank < 0 || rank >= pop.size) {
    throw new Error(`livePlot: neuron rank ${rank} is out of range for population "${pop.name}" of size ${pop.size}`);
  }
  return () => {
    const S = pop.$state!;
    const arr = S.local[variable];
    return arr ? arr[rank]! : S.global[variable]!;
  };
}

interface SeriesReader {
  series: string;
  compartment: string;
  read: Reader;
}

function readersFor(network: Network, variables: readonly string[], neurons: readonly number[]): SeriesReader[] {
  const out: SeriesReader[] = [];
  for (const name of variables) {
    const [popName, variable] = splitVariable(name);
    const pop = network.getPopulation(popName);
    for (const rank of neurons) {
      out.push({ series: neurons.length === 1 && rank === 0 ? name : `${name}[${rank}]`, compartment: popName, read: makeReader(pop, variable, rank) });
    }
  }
  return out;
}

/** Series names plotted for simulation frames. */
function seriesNames(variables: readonly string[], neurons: readonly number[]): string[] {
  return variables.flatMap((v) => neurons.map((r) => (neurons.length === 1 && r === 0 ? v : `${v}[${r}]`)));
}

/**
 * The sample stream of a CompNeuroMonitors: a recorder on its network emits, at every step that
 * is a multiple of a compartment's period and while that compartment is not paused, the values
 * of its plotted variables.
 */
function monitorSamples(source: LiveMonitorsSource, variables: readonly string[], neurons: readonly number[], every: number): Observable<LiveSample> {
  const network = source.network;
  return new Observable<LiveSample>((subscriber) => {
    const groups: { compartment: string; periodSteps: number; readers: SeriesReader[] }[] = [];
    try {
      for (const [key, value] of Object.entries(source.monDict)) {
        const [compartment, period] = key.split(';');
        const vars = typeof value === 'string' ? [value] : value;
        const wanted = vars.filter((v) => v !== 'spike' && variables.includes(`${compartment};${v}`));
        if (wanted.length === 0) continue;
        const periodMs = period === undefined || period === '' ? network.dt : Number(period);
        const periodSteps = Math.max(1, Math.round(periodMs / network.dt));
        groups.push({ compartment: compartment!, periodSteps, readers: readersFor(network, wanted.map((v) => `${compartment};${v}`), neurons) });
      }
    } catch (e) {
      subscriber.error(e);
      return;
    }
    const dt = network.dt;
    let count = 0;
    const recorder: Recorder = {
      recordTargets: () => {},
      targetsDue: () => false,
      record: (step: number) => {
        const values: Record<string, number> = {};
        let any = false;
        for (const g of groups) {
          if (step % g.periodSteps !== 0 || source.timings?.[g.compartment]?.currentlyPaused === true) continue;
          for (const r of g.readers) values[r.series] = r.read();
          any = true;
        }
        if (any && count++ % every === 0) subscriber.next({ t: step * dt, values });
      },
    };
    network.addRecorder(recorder);
    return () => network.removeRecorder(recorder);
  });
}

function isFrame(x: SimulationFrame | LiveSample): x is SimulationFrame {
  return (x as SimulationFrame).network !== undefined;
}

function isBlock(x: unknown): x is SampleBlock {
  return typeof x === 'object' && x !== null && typeof (x as SampleBlock).compartment === 'string' && (x as SampleBlock).steps instanceof Float64Array;
}

/**
 * The samples of a `samples$` block as {@link LiveSample}s: series `'compartment;variable'`
 * (`[rank]` appended as for frames), every `every`-th sample, only `variables` if given.
 */
function blockSamples(b: SampleBlock, variables: readonly string[] | undefined, neurons: readonly number[], every: number, counter: () => number): LiveSample[] {
  const cols: { series: string; data: Float64Array; width: number; rank: number }[] = [];
  for (const [v, arr] of Object.entries(b.values)) {
    const name = `${b.compartment};${v}`;
    if (variables !== undefined && !variables.includes(name)) continue;
    for (const rank of neurons) {
      if (!Number.isInteger(rank) || rank < 0 || rank >= arr.rowSize) throw new Error(`livePlot: neuron rank ${rank} is out of range for ${name} (${arr.rowSize} values per sample)`);
      cols.push({ series: neurons.length === 1 && rank === 0 ? name : `${name}[${rank}]`, data: arr.data, width: arr.rowSize, rank });
    }
  }
  const out: LiveSample[] = [];
  if (cols.length === 0) return out;
  for (let k = 0; k < b.t.length; k++) {
    if (counter() % every !== 0) continue;
    const values: Record<string, number> = {};
    for (const c of cols) values[c.series] = c.data[k * c.width + c.rank]!;
    out.push({ t: b.t[k]!, values });
  }
  return out;
}

/**
 * Options of {@link liveSamples}: the data part of {@link LivePlotOptions}.
 *
 * @example
 * ```ts
 * const o: LiveSamplesOptions = { variables: ['HH_Bischop;v'], neurons: [0], every: 10 };
 * ```
 */
export type LiveSamplesOptions = Pick<LivePlotOptions, 'variables' | 'neurons' | 'every'>;

function resolveSource(source: LivePlotSource, options: LiveSamplesOptions): { samples: Observable<LiveSample | readonly LiveSample[]>; series: string[] | undefined } {
  if (options === null || typeof options !== 'object') throw new Error('livePlot: options must be an object');
  const every = positiveNumber('every (steps)', options.every, 1);
  if (!Number.isInteger(every)) throw new Error(`livePlot: every must be a positive integer, got ${every}`);
  const neurons = list(options.neurons) ?? [0];
  let variables = list(options.variables);
  for (const v of variables ?? []) splitVariable(v);

  if (isObservable(source)) {
    const frames = source as Observable<SimulationFrame | LiveSample>;
    const vars = variables;
    // Built from operators so a synchronous simulation stops as soon as the consumer unsubscribes
    // (take(n)); defer gives every subscription its own counters.
    const samples = defer(() => {
      let count = 0;
      let readers: SeriesReader[] | undefined;
      let readersOf: Network | undefined;
      return frames.pipe(
        map((x): LiveSample | readonly LiveSample[] | undefined => {
          if (isBlock(x)) return blockSamples(x, vars, neurons, every, () => count++);
          if (typeof x !== 'object' || x === null || typeof x.t !== 'number') {
            throw new Error('livePlot: the source emitted something that is neither a simulation frame nor a { t, values } sample (nor a samples$ block)');
          }
          if (!isFrame(x)) return count++ % every === 0 ? x : undefined;
          if (x.step % every !== 0) return undefined;
          if (readersOf !== x.network) {
            if (!vars) throw new Error("livePlot: options.variables (e.g. 'HH_Bischop;v') is needed to plot simulation frames");
            readers = readersFor(x.network, vars, neurons);
            readersOf = x.network;
          }
          const values: Record<string, number> = {};
          for (const r of readers!) values[r.series] = r.read();
          return { t: x.t, values };
        }),
        filter((x): x is LiveSample | readonly LiveSample[] => x !== undefined),
      );
    });
    return { samples, series: vars ? seriesNames(vars, neurons) : undefined };
  }
  if (source !== null && typeof source === 'object' && 'monDict' in source && 'network' in source) {
    const mon = source as LiveMonitorsSource;
    // Default: every variable of the population compartments (projections are not plotted).
    const isPop = (name: string): boolean => mon.network.populationsList.some((p) => p.name === name);
    variables ??= Object.entries(mon.monDict).flatMap(([k, vs]) => {
      const c = k.split(';')[0]!;
      return isPop(c) ? (typeof vs === 'string' ? [vs] : vs).filter((v) => v !== 'spike').map((v) => `${c};${v}`) : [];
    });
    if (variables.length === 0) throw new Error('livePlot: the CompNeuroMonitors records no variable to plot (only spikes, or an empty monDict)');
    return { samples: monitorSamples(mon, variables, neurons, every), series: seriesNames(variables, neurons) };
  }
  throw new Error('livePlot: source must be a simulation Observable (simulate$), an Observable of { t, values } samples, or a CompNeuroMonitors');
}

/**
 * The samples a {@link livePlot} of this source plots, as an Observable of {@link LiveSample}s
 * (one per plotted step, values by series name): simulation frames read from the live network
 * at every `every`-th step, samples passed on (every `every`-th), a CompNeuroMonitors' recording
 * compartments at their period. Useful to send a run's samples elsewhere (a server, a file).
 *
 * @example
 * ```ts
 * liveSamples(simulate$(1, { network: net }), { variables: 'HH_Bischop;v', every: 10 })
 *   .subscribe((s) => console.log(s.t, s.values['HH_Bischop;v']));   // t = 0, 0.1, ..., 0.9
 * ```
 */
export function liveSamples(source: LivePlotSource, options: LiveSamplesOptions = {}): Observable<LiveSample> {
  return resolveSource(source, options).samples.pipe(mergeMap((x) => (isSampleList(x) ? x : [x])));
}

function isSampleList(x: LiveSample | readonly LiveSample[]): x is readonly LiveSample[] {
  return Array.isArray(x);
}

// Live plots by element: a new livePlot into the same element continues the same view and window.
const byElement = new WeakMap<HTMLElement, { ready: Promise<View>; series: string; inserted: number; lastT: number | undefined; stop?: () => void }>();

const nextFrame: (cb: () => void) => void =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(() => cb()) : (cb) => setTimeout(cb, 16);

/**
 * A live Vega-Lite line plot in `element` of a running simulation. The source is a simulation
 * Observable (`simulate$` frames), an Observable of {@link LiveSample}s (frames received from a
 * server), or a CompNeuroMonitors (plots what its compartments record, while they record).
 * The plot subscribes at once (a cold simulation starts running), collects the samples and
 * redraws at most once per animation frame with a Vega changeset that inserts the new points
 * and removes those older than `window` ms; when time goes back (a network reset) the window is
 * cleared. It stops updating when the subscription ends: the source completes or errors, or
 * {@link LivePlot.stop} unsubscribes. One live plot per element: calling livePlot again on the
 * same element stops the previous one and, for the same series, keeps its view, so a resumed
 * run continues the trace.
 *
 * @example
 * ```ts
 * import { animationFrameScheduler } from 'rxjs';
 * const run$ = simulate$(1000, { network: net, scheduler: animationFrameScheduler, chunk: 200 });
 * const plot = livePlot(document.getElementById('plot')!, run$, { variables: 'HH_Bischop;v', window: 200, every: 10 });
 * stopButton.onclick = () => plot.stop();
 * await plot.done; // the run ended (completed or stopped)
 * ```
 */
export function livePlot(element: HTMLElement, source: LivePlotSource, options: LivePlotOptions = {}): LivePlot {
  if (element === null || typeof element !== 'object') throw new Error('livePlot: element must be a DOM element to embed the plot in');
  const windowMs = positiveNumber('window (ms)', options?.window, 100);
  const { samples, series } = resolveSource(source, options);
  return embedLive(element, JSON.stringify(series ?? null), () => liveSpec(series ?? [], options), samples, windowMs, options.onUpdate);
}

/**
 * The running part of a live plot (shared with `liveRaster`): embeds `spec()` in `element`
 * unless the element already shows a view under the same `key`, subscribes to the samples and
 * redraws the {@link LIVE_DATASET} window at most once per animation frame.
 *
 * @example
 * ```ts
 * embedLive(el, 'raster', () => liveRasterSpec(), of([{ t: 1, values: { pop: 3 } }]), 100, undefined);
 * ```
 */
export function embedLive(element: HTMLElement, key: string, makeSpec: () => Record<string, unknown>, samples: Observable<LiveSample | readonly LiveSample[]>, windowMs: number, onUpdate: ((s: LivePlotStatus) => void) | undefined): LivePlot {
  // Reuse the element's view when it plots the same series; otherwise embed a new one.
  let shared = byElement.get(element);
  shared?.stop?.(); // one live plot per element: the previous one stops updating
  if (!shared || shared.series !== key) {
    if (shared) void shared.ready.then((v) => v.finalize(), () => {});
    const spec = makeSpec();
    const ready = embed(element, spec as never, { renderer: 'canvas', actions: false }).then((r) => r.view);
    shared = { ready, series: key, inserted: 0, lastT: undefined };
    byElement.set(element, shared);
  }
  const state = shared;

  let view: View | undefined;
  let pending: LivePoint[] = [];
  let clear = false;
  let scheduled = false;
  let active = true;
  let points = 0;
  let updates = 0;
  let plottedT: number | undefined = state.lastT;
  let resolveDone!: (s: LivePlotStatus) => void;
  let rejectDone!: (e: unknown) => void;
  const done = new Promise<LivePlotStatus>((res, rej) => {
    resolveDone = res;
    rejectDone = rej;
  });
  done.catch(() => {}); // an unobserved failure is not an unhandled rejection; awaiting `done` still throws
  let ended: { error?: unknown } | undefined;

  const status = (): LivePlotStatus => ({ t: plottedT, points, inserted: state.inserted, updates, active });

  const finish = (): void => {
    if (!ended || scheduled || pending.length > 0) return;
    if ('error' in ended) rejectDone(ended.error);
    else resolveDone(status());
  };

  const flush = (): void => {
    scheduled = false;
    if (!view) return; // redrawn once the view is ready
    if (pending.length > 0 || clear) {
      const rows = pending;
      pending = [];
      const tMax = rows.length > 0 ? rows[rows.length - 1]!.t : (plottedT ?? 0);
      const from = tMax - windowMs;
      const cs = changeset();
      if (clear) cs.remove(() => true);
      else cs.remove((d: LivePoint) => d.t < from);
      // Only what is still inside the window after a long gap between redraws.
      let first = 0;
      while (first < rows.length && rows[first]!.t < from) first++;
      cs.insert(first === 0 ? rows : rows.slice(first));
      clear = false;
      view.change(LIVE_DATASET, cs).run();
      points = (view.data(LIVE_DATASET) as unknown[]).length;
      state.inserted += rows.length - first;
      plottedT = tMax;
      state.lastT = tMax;
      updates++;
      onUpdate?.(status());
    }
    finish();
  };

  let lastIngested = state.lastT;

  // Last time per series: blocks of different compartments arrive one after the other, each
  // in time order, so time going back is judged per series.
  const lastBySeries = new Map<string, number>();
  const ingestOne = (x: LiveSample): void => {
    for (const name in x.values) {
      const last = lastBySeries.get(name) ?? lastIngested;
      if (last !== undefined && x.t < last) {
        // Time went back (network reset or a new chunk): start the window afresh.
        pending = [];
        clear = true;
        lastBySeries.clear();
        lastIngested = undefined;
      }
      lastBySeries.set(name, x.t);
      pending.push({ t: x.t, value: x.values[name]!, series: name });
    }
  };
  const ingest = (x: LiveSample | readonly LiveSample[]): void => {
    if (isSampleList(x)) for (const s of x) ingestOne(s);
    else ingestOne(x);
    if (!scheduled) {
      scheduled = true;
      nextFrame(flush);
    }
  };

  const end = (e?: { error: unknown }): void => {
    if (ended) return;
    active = false;
    ended = e ?? {};
    if (!scheduled) {
      scheduled = true;
      nextFrame(flush); // last redraw, then `done` settles
    }
  };
  const subscription: Subscription = samples.subscribe({
    next: ingest,
    error: (e) => end({ error: e }),
    complete: () => end(),
  });
  if (ended) subscription.unsubscribe(); // failed or finished synchronously

  const ready = state.ready.then((v) => {
    view = v;
    points = (v.data(LIVE_DATASET) as unknown[]).length;
    if (!scheduled) {
      scheduled = true;
      nextFrame(flush);
    }
    return v;
  });
  ready.catch((e: unknown) => {
    subscription.unsubscribe();
    active = false;
    ended = { error: e };
    rejectDone(e);
  });

  const stop = (): void => {
    subscription.unsubscribe();
    end();
  };
  state.stop = stop;
  return {
    ready,
    get view() {
      return view;
    },
    done,
    get status() {
      return status();
    },
    stop,
    finalize(): void {
      stop();
      if (byElement.get(element) === state) byElement.delete(element);
      void ready.then((v) => v.finalize(), () => {});
    },
  };
}
