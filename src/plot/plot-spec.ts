/**
 * PlotRecordings as data: validation exactly as CompNeuroPy's `PlotRecordings` and a
 * Vega-Lite spec (one subplot per plan entry) that looks like its matplotlib figure.
 * Browser-safe: no Node modules here; rendering lives in render-svg.ts / render-file.ts.
 */
import type { VegaLiteSpec } from './vega-lite-spec.js';
import { RecordedArray } from '../monitors/recorded-array.js';
import type { RecordingChunk, SpikeDict } from '../monitors/recordings.js';
import { getPopRate, histogram, linspace } from '../analysis/pop-rate.js';
import { getNumberOfDecimals, roundTo as pyRound } from '../analysis/number-of-decimals.js';
import { arange } from '../analysis/time-data-fill-gaps.js';
import { myRasterPlot } from '../analysis/raster.js';
import { coefficientOfVariation, interSpikeInterval } from '../engine/spike-analysis.js';
import { BREAK, decimateM4 } from './decimate.js';
import { evaluateExpression, expressionTokens, isExpression } from './expression.js';
import { pyFloat, pyList, pyTuple, sci } from '../analysis/python-format.js';
import type { RecordingTimesLike } from './recording-times-like.js';

/**
 * Plot formats for spike variables (`spike`, `axon_spike`).
 *
 * @example
 * ```ts
 * SPIKE_FORMATS.includes('raster');   // true
 * ```
 */
export const SPIKE_FORMATS = ['raster', 'mean', 'hybrid', 'interspike', 'cv'] as const;
/**
 * Plot formats for all other (array) variables.
 *
 * @example
 * ```ts
 * ARRAY_FORMATS.includes('line_mean');   // true
 * ```
 */
export const ARRAY_FORMATS = ['line', 'line_mean', 'matrix', 'matrix_mean'] as const;
/**
 * Any PlotRecordings format.
 *
 * @example
 * ```ts
 * const f: PlotFormat = 'line_mean';
 * ```
 */
export type PlotFormat = (typeof SPIKE_FORMATS)[number] | (typeof ARRAY_FORMATS)[number];

/**
 * What to draw where: parallel lists, one entry per subplot (CompNeuroPy's `plan` dict).
 *
 * @example
 * ```ts
 * const plan: PlotPlan = { position: [1, 2], compartment: ['pop', 'pop'], variable: ['v', 'spike'], format: ['line', 'raster'] };
 * ```
 */
export interface PlotPlan {
  /** 1-based subplot positions, row-major (matplotlib `subplot(rows, cols, pos)`). */
  position: number[];
  /** Compartment (population/projection) names. */
  compartment: string[];
  /** Recorded variable names or expressions such as `"v*2+u"`. */
  variable: string[];
  /** One of {@link PlotFormat} per entry. */
  format: string[];
}

/**
 * Options shared by {@link buildPlotSpec} and `PlotRecordings`.
 *
 * @example
 * ```ts
 * const o: PlotSpecOptions = { recordings, recordingTimes, shape: [1, 1],
 *   plan: { position: [1], compartment: ['HH_Bischop'], variable: ['v'], format: ['line'] } };
 * const { spec } = buildPlotSpec(o);
 * ```
 */
export interface PlotSpecOptions {
  /** Recordings (all chunks) from CompNeuroMonitors. */
  recordings: RecordingChunk[];
  /** Recording times of these recordings. */
  recordingTimes: RecordingTimesLike;
  /** Subplot grid `[rows, cols]`. */
  shape: [number, number];
  /** Which recordings go in which subplot, and how. */
  plan: PlotPlan;
  /** Chunk to plot (default 0). */
  chunk?: number;
  /** x range `[start, end]` in ms; must lie within the chunk (default: the whole chunk). */
  timeLim?: [number, number] | null;
  /** Raster resolution of the saved figure (default 300); also sets the decimation density. */
  dpi?: number;
}

/**
 * The result of {@link buildPlotSpec}.
 *
 * @example
 * ```ts
 * const r: PlotSpecResult = buildPlotSpec(options);
 * r.figure.width;   // 640 px per column
 * ```
 */
export interface PlotSpecResult {
  /** The Vega-Lite spec (plain data: JSON-serialisable, embeddable with vega-embed). */
  spec: VegaLiteSpec;
  /** Texts CompNeuroPy prints between "Generate fig ..." and "Done" (e.g. no-spike warnings). */
  warnings: string[];
  /** Figure size in px at 100 px/inch (6.4*cols x 4.8*rows inches) and the raster scale dpi/100. */
  figure: { width: number; height: number; dpi: number; scale: number; rows: number; cols: number };
  /** Plotted time window [ms] and the chunk's dt. */
  startTime: number;
  endTime: number;
  timeStep: number;
}

/**
 * Layout overrides (px at 100 px/inch); used by the renderer to fit the figure exactly.
 *
 * @example
 * ```ts
 * const layout: PlotLayout = { plotWidth: 500, plotHeight: 300 };
 * buildPlotSpec(options, layout);
 * ```
 */
export interface PlotLayout {
  /** Width of one subplot's plot area. */
  plotWidth?: number;
  /** Height of one subplot's plot area. */
  plotHeight?: number;
}

/** matplotlib's screen resolution: spec sizes are px at 100 px per inch. */
export const PX_PER_INCH = 100;
const PT = PX_PER_INCH / 72; // px per typographic point
const CELL_W = 6.4 * PX_PER_INCH;
const CELL_H = 4.8 * PX_PER_INCH;
/** Default plot-area size of one subplot (cell minus room for title, labels and ticks). */
export const DEFAULT_PLOT_WIDTH = CELL_W - 105;
export const DEFAULT_PLOT_HEIGHT = CELL_H - 95;

type Spec = Record<string, unknown>;

function fail(msg: string): never {
  throw new Error(msg.replace(/^\n+|\n+$/g, ''));
}

function entryNote(i: number, plan: PlotPlan): string {
  return `\n(plan entry ${i}: position ${String(plan.position[i])}, compartment ${String(plan.compartment[i])}, variable ${String(plan.variable[i])}, format ${String(plan.format[i])})`;
}

const isSpikeVar = (v: string): boolean => v === 'spike' || v === 'axon_spike';

/**
 * Validates a PlotRecordings call and builds its Vega-Lite spec. Errors carry CompNeuroPy's
 * message texts (`ERROR PlotRecordings: ...`), plus the offending plan entry.
 *
 * @example
 * ```ts
 * const { spec, warnings } = buildPlotSpec({
 *   recordings, recordingTimes, shape: [1, 1],
 *   plan: { position: [1], compartment: ['HH_Bischop'], variable: ['v'], format: ['line'] },
 * });
 * ```
 */
export function buildPlotSpec(opts: PlotSpecOptions, layout: PlotLayout = {}): PlotSpecResult {
  const { recordings, recordingTimes, plan } = opts;
  const chunk = opts.chunk ?? 0;
  const dpi = opts.dpi ?? 300;
  const shape = opts.shape;
  if (!Array.isArray(recordings)) fail('PlotRecordings: recordings must be a list of recording chunks');
  if (!Array.isArray(shape) || shape.length !== 2 || !shape.every((s) => Number.isInteger(s) && s > 0)) {
    fail(`PlotRecordings: shape must be [rows, cols] with positive integers, got ${JSON.stringify(shape)}`);
  }
  if (!(typeof dpi === 'number' && dpi > 0)) fail(`PlotRecordings: dpi must be a positive number, got ${String(dpi)}`);
  if (!recordingTimes || typeof recordingTimes.timeLims !== 'function') {
    fail('PlotRecordings: recordingTimes must provide timeLims(), idxLims() and getNrPeriods()');
  }
  const [rows, cols] = shape;

  // 1. chunk
  if (!Number.isInteger(chunk) || chunk >= recordings.length || chunk < 0) {
    fail(`\nERROR PlotRecordings: chunk ${chunk} is not valid.\nNumber of chunks: ${recordings.length}\n`);
  }
  const rec = recordings[chunk]!;

  // 2. compartments and their recorded variables
  const compartments: string[] = [];
  const recorded: Record<string, string[]> = {};
  for (const key of Object.keys(rec)) {
    if (!key.includes(';')) continue;
    const [c, v] = key.split(';') as [string, string];
    if (!compartments.includes(c)) {
      compartments.push(c);
      recorded[c] = [];
    }
    if (v !== 'period' && v !== 'parameter_dict') recorded[c]!.push(v);
  }

  // 3. plan
  checkPlan(plan, rows, cols, shape, compartments, recorded);

  // 4. time window
  let chunkStart = Infinity;
  let chunkEnd = -Infinity;
  for (const c of compartments) {
    try {
      const [s, e] = recordingTimes.timeLims({ chunk, compartment: c });
      chunkStart = Math.min(chunkStart, s);
      chunkEnd = Math.max(chunkEnd, e);
    } catch {
      // CompNeuroPy skips compartments without recording times (bare except)
    }
  }
  if (!Number.isFinite(chunkStart) || !Number.isFinite(chunkEnd)) {
    fail(`PlotRecordings: no recording times available for chunk ${chunk}`);
  }
  let startTime = chunkStart;
  let endTime = chunkEnd;
  const timeLim = opts.timeLim ?? null;
  if (timeLim !== null) {
    if (!Array.isArray(timeLim) || timeLim.length !== 2 || !timeLim.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      fail(`PlotRecordings: timeLim must be [start, end] in ms, got ${JSON.stringify(timeLim)}`);
    }
    if (timeLim[0] < chunkStart || timeLim[1] > chunkEnd) {
      fail(
        `\nERROR PlotRecordings: time_lim ${pyTuple(timeLim)} is not within chunk.\nchunk time lims: ${pyFloat(chunkStart)} - ${pyFloat(chunkEnd)}\n`,
      );
    }
    [startTime, endTime] = timeLim;
  }
  const timeStep = rec.dt;

  const scale = dpi / PX_PER_INCH;
  const W = layout.plotWidth ?? DEFAULT_PLOT_WIDTH;
  const H = layout.plotHeight ?? DEFAULT_PLOT_HEIGHT;
  const ctx: Ctx = { rec, chunk, recordingTimes, recorded, startTime, endTime, timeStep, W, H, scale, warnings: [], timeArrs: {} };

  // 5.-7. one subplot per position (empty cells stay blank, as in matplotlib)
  const cells: Spec[] = [];
  for (let pos = 1; pos <= rows * cols; pos++) {
    const i = plan.position.indexOf(pos);
    if (i < 0) {
      cells.push(emptyCell(W, H));
      continue;
    }
    const cell = buildSubplot(ctx, i, plan);
    cells.push({ width: W, height: H, ...cell });
  }

  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'PlotRecordings figure (CompNeuroPy layout)',
    background: 'white',
    padding: 5,
    columns: cols,
    spacing: { row: 12, column: 12 },
    concat: cells,
    // every subplot has its own colour/size scales, like separate matplotlib axes
    resolve: { scale: { color: 'independent', stroke: 'independent', size: 'independent' } },
    config: matplotlibConfig(),
  } as unknown as VegaLiteSpec;

  return {
    spec,
    warnings: ctx.warnings,
    figure: { width: CELL_W * cols, height: CELL_H * rows, dpi, scale, rows, cols },
    startTime,
    endTime,
    timeStep,
  };
}

/** matplotlib's default look in Vega-Lite config (DejaVu Sans, black axes box, no grid). */
function matplotlibConfig(): Spec {
  return {
    font: 'DejaVu Sans, Bitstream Vera Sans, Arial, sans-serif',
    view: { stroke: 'black', strokeWidth: 0.8 * PT, fill: 'white' },
    axis: {
      grid: false,
      domainColor: 'black',
      domainWidth: 0.8 * PT,
      tickColor: 'black',
      tickWidth: 0.8 * PT,
      tickSize: 3.5 * PT,
      labelColor: 'black',
      labelFontSize: 10 * PT,
      labelPadding: 3.5 * PT,
      labelFlush: false,
      titleColor: 'black',
      titleFontSize: 10 * PT,
      titleFontWeight: 'normal',
      titlePadding: 4 * PT,
    },
    title: { fontSize: 12 * PT, fontWeight: 'normal', color: 'black', anchor: 'middle', offset: 6 * PT },
    // matplotlib's lines.solid_joinstyle is round: a spike's tip is drawn whole, not bevelled
    line: { color: 'black', strokeWidth: 1.5 * PT, strokeJoin: 'round', strokeCap: 'round' },
    text: { fontSize: 10 * PT, color: 'black' },
  };
}

function emptyCell(W: number, H: number): Spec {
  return {
    width: W,
    height: H,
    view: { stroke: null, fill: null },
    data: { values: [] },
    mark: { type: 'point', opacity: 0 },
    encoding: {
      x: { field: 'x', type: 'quantitative', axis: null },
      y: { field: 'y', type: 'quantitative', axis: null },
    },
  };
}

function checkPlan(
  plan: PlotPlan,
  rows: number,
  cols: number,
  shape: [number, number],
  compartments: string[],
  recorded: Record<string, string[]>,
): void {
  if (plan === null || typeof plan !== 'object') fail('PlotRecordings: plan must be an object with position, compartment, variable, format');
  const validKeys = ['position', 'compartment', 'variable', 'format'];
  for (const key of Object.keys(plan)) {
    if (!validKeys.includes(key)) fail(`\nERROR PlotRecordings: plan key ${key} is not valid.\nValid keys are ${pyList(validKeys)}.\n`);
  }
  // CompNeuroPy needs all four (it would crash with a KeyError)
  for (const key of validKeys) {
    if (!Array.isArray((plan as unknown as Record<string, unknown>)[key])) {
      fail(`ERROR PlotRecordings: plan key '${key}' is missing; it must be a list with one entry per subplot.`);
    }
  }
  for (const key of Object.keys(plan) as Array<keyof PlotPlan>) {
    if (plan[key].length !== plan.position.length) {
      fail(`\nERROR PlotRecordings: plan value of key '${key}' has not the same length as plan value of key 'position'.\n`);
    }
  }
  if (plan.position.length === 0) fail('ERROR PlotRecordings: plan position is empty; give at least one subplot.');
  if (plan.position.some((p) => typeof p !== 'number' || !Number.isInteger(p))) {
    fail(`ERROR PlotRecordings: plan position has to contain integers.\nplan position: ${pyList(plan.position.map((p) => (typeof p === 'number' ? p : String(p))))}`);
  }
  if (Math.min(...plan.position) < 1) {
    fail(`\nERROR PlotRecordings: plan position has to be >= 1.\nplan position: ${pyList(plan.position)}\n`);
  }
  if (Math.max(...plan.position) > rows * cols) {
    fail(
      `\nERROR PlotRecordings: plan position has to be <= shape[0] * shape[1].\nplan position: ${pyList(plan.position)}\nshape: ${pyTuple(shape)}\n`,
    );
  }
  if (new Set(plan.position).size !== plan.position.length) {
    fail(`\nERROR PlotRecordings: plan position has to be unique.\nplan position: ${pyList(plan.position)}\n`);
  }
  plan.compartment.forEach((c, i) => {
    if (!compartments.includes(c)) {
      fail(`\nERROR PlotRecordings: plan compartment ${c} is not valid.\nValid compartments are ${pyList(compartments)}.\n` + entryNote(i, plan));
    }
  });
  plan.variable.forEach((variable, i) => {
    const c = plan.compartment[i]!;
    let vars: string[];
    if (isExpression(variable)) {
      const { tokens, joined } = expressionTokens(variable);
      vars = tokens;
      if (vars.includes('spike') || vars.includes('axon_spike')) {
        fail(
          `\nERROR PlotRecordings: plan variable ${joined} is not valid.\nVariables 'spike' and 'axon_spike' are not allowed in equations.\n` +
            entryNote(i, plan),
        );
      }
    } else {
      vars = [variable];
    }
    for (const v of vars) {
      if (!recorded[c]!.includes(v)) {
        fail(
          `\nERROR PlotRecordings: plan variable ${v} is not valid for compartment ${c}.\nValid variables are ${pyList(recorded[c]!)}.\n` +
            entryNote(i, plan),
        );
      }
    }
  });
  plan.format.forEach((format, i) => {
    const variable = plan.variable[i]!;
    const valid: readonly string[] = isSpikeVar(variable) ? SPIKE_FORMATS : ARRAY_FORMATS;
    if (!valid.includes(format)) {
      fail(
        `\nERROR PlotRecordings: plan format ${format} is not valid for variable ${variable}.\nValid formats are ${pyList([...valid])}.\n` +
          entryNote(i, plan),
      );
    }
  });
}

interface Ctx {
  rec: RecordingChunk;
  chunk: number;
  recordingTimes: RecordingTimesLike;
  recorded: Record<string, string[]>;
  startTime: number;
  endTime: number;
  timeStep: number;
  W: number;
  H: number;
  scale: number;
  warnings: string[];
  timeArrs: Record<string, Float64Array>;
}

function buildSubplot(ctx: Ctx, i: number, plan: PlotPlan): Spec {
  const variable = plan.variable[i]!;
  const format = plan.format[i] as PlotFormat;
  const c = plan.compartment[i]!;
  const name = `subplot_${plan.position[i]}`;
  if (isSpikeVar(variable)) {
    const data = ctx.rec[`${c};${variable}`] as SpikeDict;
    return spikeSubplot(ctx, c, data, format, name);
  }
  let data: RecordedArray;
  if (isExpression(variable)) {
    const values: Record<string, RecordedArray> = {};
    for (const v of ctx.recorded[c]!) {
      const val = ctx.rec[`${c};${v}`];
      if (val instanceof RecordedArray) values[v] = val;
    }
    const r = evaluateExpression(variable, values);
    if (!(r instanceof RecordedArray)) fail(`PlotRecordings: expression ${variable} gives a constant, not recorded data` + entryNote(i, plan));
    data = r;
  } else {
    const val = ctx.rec[`${c};${variable}`];
    if (!(val instanceof RecordedArray)) {
      fail(`\nERROR PlotRecordings: shape of data not supported, ${c}, ${variable} in plot ${i}.\n`);
    }
    data = val;
  }
  const time = timeArray(ctx, c);
  if (time.length !== data.length) {
    fail(
      `PlotRecordings: ${c};${variable} has ${data.length} samples but the recording times of ${c} give ${time.length} sample times` +
        entryNote(i, plan),
    );
  }
  // samples within the window, then NaN rows in the pauses between periods
  let lo = 0;
  while (lo < time.length && !(time[lo]! >= ctx.startTime)) lo++;
  let hi = time.length;
  while (hi > lo && !(time[hi - 1]! <= ctx.endTime)) hi--;
  const filled = timeDataAddNan(time.subarray(lo, hi), data.slice(lo, hi));
  if (format === 'line' || format === 'line_mean') return lineSubplot(ctx, c, variable, filled.time, filled.data, format === 'line_mean', name);
  return matrixSubplot(ctx, c, variable, filled.time, filled.data, format === 'matrix_mean', name);
}

/** Sample times of a compartment: per period `arange(start, round(stop + P, dec(P)), P)`. */
function timeArray(ctx: Ctx, c: string): Float64Array {
  const cached = ctx.timeArrs[c];
  if (cached) return cached;
  const P = ctx.rec[`${c};period`];
  if (typeof P !== 'number') fail(`PlotRecordings: recordings of chunk ${ctx.chunk} have no period for ${c} (key '${c};period')`);
  const nr = ctx.recordingTimes.getNrPeriods(ctx.chunk, c);
  const parts: Float64Array[] = [];
  for (let p = 0; p < nr; p++) {
    const [s, e] = ctx.recordingTimes.timeLims({ chunk: ctx.chunk, compartment: c, period: p });
    parts.push(arange(s, pyRound(e + P, getNumberOfDecimals(P)), P));
  }
  const out = new Float64Array(parts.reduce((a, b) => a + b.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  ctx.timeArrs[c] = out;
  return out;
}

/**
 * CompNeuroPy's `time_data_add_nan` (axis 0, automatic step = smallest time difference):
 * inserts the missing grid times with NaN rows, so lines break at pauses.
 */
export function timeDataAddNan(time: Float64Array, data: RecordedArray): { time: Float64Array; data: RecordedArray } {
  if (time.length !== data.length) fail('ERROR time_data_add_nan: time_arr must have same length as specified axis (default=0) of data_arr!');
  if (time.length < 2) return { time, data };
  const diffs = new Float64Array(time.length - 1);
  let step = Infinity;
  for (let i = 0; i < diffs.length; i++) {
    diffs[i] = npRound6(time[i + 1]! - time[i]!);
    step = Math.min(step, diffs[i]!);
  }
  const inserts: Array<{ after: number; times: Float64Array }> = [];
  for (let i = 0; i < diffs.length; i++) {
    if (diffs[i]! > step) inserts.push({ after: i, times: arange(time[i]! + step, time[i + 1]!, step) });
  }
  if (inserts.length === 0) return { time, data };
  const extra = inserts.reduce((a, b) => a + b.times.length, 0);
  const m = data.rowSize;
  const t2 = new Float64Array(time.length + extra);
  const d2 = new Float64Array((time.length + extra) * m).fill(NaN);
  let src = 0;
  let dst = 0;
  const copy = (end: number): void => {
    const n = end - src;
    t2.set(time.subarray(src, end), dst);
    d2.set(data.data.subarray(src * m, end * m), dst * m);
    dst += n;
    src = end;
  };
  for (const ins of inserts) {
    copy(ins.after + 1);
    t2.set(ins.times, dst);
    dst += ins.times.length;
  }
  copy(time.length);
  return { time: t2, data: new RecordedArray(d2, [t2.length, ...data.shape.slice(1)]) };
}

/** numpy `round(x, 6)`: rint(x * 1e6) / 1e6 with ties to even. */
function npRound6(x: number): number {
  const s = x * 1e6;
  let r = Math.round(s);
  if (r - s === 0.5 && r % 2 !== 0) r -= 1;
  return r / 1e6;
}

/** matplotlib's `nonsingular` expansion of equal limits. */
function nonsingular(a: number, b: number): [number, number] {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [-0.055, 0.055];
  if (Math.abs(b - a) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-15) {
    if (a === 0 && b === 0) return [-0.05, 0.05];
    return [a - 0.05 * Math.abs(a), b + 0.05 * Math.abs(b)];
  }
  return [a, b];
}

/** matplotlib autoscaling: data range plus 5 % margins. */
function autoLims(min: number, max: number, stickyZero = false): [number, number] {
  if (!(min <= max)) return [-0.055, 0.055];
  const [a, b] = nonsingular(min, max);
  const m = 0.05 * (b - a);
  return [stickyZero && a >= 0 ? a : a - m, b + m];
}

function timeAxisX(ctx: Ctx, field = 't'): Spec {
  const [a, b] = nonsingular(ctx.startTime, ctx.endTime);
  return {
    field,
    type: 'quantitative',
    title: 'time [ms]',
    scale: { domain: [a, b], nice: false, zero: false },
    axis: { tickCount: 5 },
  };
}

/**
 * Decimation buckets of a line subplot: one per 2 device pixels of the saved figure. The line
 * is 1.5 pt wide (about 6 px at 300 dpi), so 2-px columns draw the same as the full trace.
 */
function lineBuckets(ctx: Ctx): number {
  return Math.max(1, Math.ceil((ctx.W * Math.max(1, ctx.scale)) / 2));
}

/** Lines of one subplot as columns (NaN gaps kept). */
function lineColumns(data: RecordedArray, mean: boolean): Float64Array[] {
  const T = data.length;
  const cols: Float64Array[] = [];
  if (data.shape.length === 2) {
    const N = data.shape[1]!;
    if (mean) {
      const m = new Float64Array(T);
      for (let t = 0; t < T; t++) {
        let s = 0;
        for (let j = 0; j < N; j++) s += data.data[t * N + j]!;
        m[t] = s / N;
      }
      cols.push(m);
    } else {
      for (let j = 0; j < N; j++) cols.push(data.column(j));
    }
  } else if (data.shape.length === 3) {
    const post = data.shape[1]!;
    const pre = data.shape[2]!;
    for (let p = 0; p < post; p++) {
      if (mean) {
        const m = new Float64Array(T);
        for (let t = 0; t < T; t++) {
          let s = 0;
          for (let q = 0; q < pre; q++) s += data.data[(t * post + p) * pre + q]!;
          m[t] = s / pre;
        }
        cols.push(m);
      } else {
        for (let q = 0; q < pre; q++) cols.push(data.column(p * pre + q));
      }
    }
  } else {
    fail(`PlotRecordings: data of shape [${data.shape.join(', ')}] is not supported (expected [time, neurons] or [time, post, pre])`);
  }
  return cols;
}

function lineSubplot(ctx: Ctx, c: string, variable: string, time: Float64Array, data: RecordedArray, mean: boolean, name: string): Spec {
  const title = `Variable ${variable} of ${c} (${data.shape[1]})`;
  const cols = lineColumns(data, mean);
  const buckets = lineBuckets(ctx);
  const values: Array<Record<string, number | null>> = [];
  let min = Infinity;
  let max = -Infinity;
  cols.forEach((y, n) => {
    for (let i = 0; i < y.length; i++) {
      const v = y[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const keep = decimateM4(time, y, { x0: ctx.startTime, x1: ctx.endTime, buckets });
    let prevT = time[0] ?? 0;
    for (const k of keep) {
      if (k === BREAK) {
        values.push(cols.length > 1 ? { t: prevT, y: null, n } : { t: prevT, y: null });
      } else {
        prevT = time[k]!;
        values.push(cols.length > 1 ? { t: prevT, y: y[k]!, n } : { t: prevT, y: y[k]! });
      }
    }
  });
  const encoding: Spec = {
    x: timeAxisX(ctx),
    y: { field: 'y', type: 'quantitative', title: null, scale: { domain: autoLims(min, max), nice: false, zero: false }, axis: { tickCount: 6 } },
    order: { value: null },
  };
  if (cols.length > 1) encoding.detail = { field: 'n', type: 'nominal' };
  return {
    title,
    data: { name, values },
    // Vega clips each series of a multi-series line on its own, and resvg rasterises every clip
    // path as a full-figure mask (100 traces: 13 s of 15). The domains hold every value by
    // construction (y from the data's extremes, x from the recorded times), so only one series
    // is clipped, where it is cheap.
    mark: { type: 'line', color: 'black', strokeWidth: 1.5 * PT, strokeJoin: 'round', strokeCap: 'round', clip: cols.length === 1, invalid: 'break-paths-filter-domains' },
    encoding,
  };
}

/** matrix rows (time x rows) with NaN separator rows between post neurons of projections. */
function matrixRows(data: RecordedArray, mean: boolean): { rows: Float64Array[]; nrNeurons: number } {
  const nrNeurons = data.shape[1]!;
  if (data.shape.length === 2) return { rows: lineColumns(data, mean), nrNeurons };
  const post = data.shape[1]!;
  const pre = data.shape[2]!;
  const T = data.length;
  const perLine = lineColumns(data, mean);
  const perPost = mean ? 1 : pre;
  const rows: Float64Array[] = [];
  for (let p = 0; p < post; p++) {
    for (let q = 0; q < perPost; q++) rows.push(perLine[p * perPost + q]!);
    if (p < post - 1) rows.push(new Float64Array(T).fill(NaN));
  }
  return { rows, nrNeurons };
}

function matrixSubplot(ctx: Ctx, c: string, variable: string, time: Float64Array, data: RecordedArray, mean: boolean, name: string): Spec {
  const { rows, nrNeurons } = matrixRows(data, mean);
  const R = rows.length;
  let vmin = Infinity;
  let vmax = -Infinity;
  for (const r of rows) {
    for (const v of r) {
      if (v < vmin) vmin = v;
      if (v > vmax) vmax = v;
    }
  }
  const title = `Variable ${variable} of ${c} (${nrNeurons}) [${sci(vmin)}, ${sci(vmax)}]`;
  const P = time.length > 1 ? time[1]! - time[0]! : ctx.timeStep;
  const T = time.length;
  // one rect per sample, or per pixel column (nearest sample, as imshow's "none") if longer
  const maxCols = Math.ceil(ctx.W);
  const values: Array<Record<string, number>> = [];
  if (T > 0) {
    const x0 = time[0]! - P / 2;
    const x1 = time[T - 1]! + P / 2;
    const nCols = Math.min(T, maxCols);
    for (let b = 0; b < nCols; b++) {
      let k: number;
      let a: number;
      let e: number;
      if (nCols === T) {
        k = b;
        a = time[k]! - P / 2;
        e = time[k]! + P / 2;
      } else {
        a = x0 + ((x1 - x0) * b) / nCols;
        e = x0 + ((x1 - x0) * (b + 1)) / nCols;
        const centre = (a + e) / 2;
        k = Math.min(T - 1, Math.max(0, Math.round((centre - time[0]!) / P)));
      }
      for (let r = 0; r < R; r++) {
        const v = rows[r]![k]!;
        if (Number.isNaN(v)) continue;
        values.push({ x0: a, x1: e, y0: r - 0.5, y1: r + 0.5, v });
      }
    }
  }
  const yAxis: Spec = { title: null };
  if (R === 1) {
    yAxis.values = [0];
  } else {
    const { positions, labels } = matrixYTicks(rows);
    yAxis.values = positions;
    if (positions.some((p, j) => p !== labels[j])) {
      const map = Object.fromEntries(positions.map((p, j) => [String(p), String(labels[j])]));
      yAxis.labelExpr = `${JSON.stringify(map)}[toString(datum.value)]`;
    }
  }
  const [cmin, cmax] = vmin <= vmax ? [vmin, vmax] : [0, 1];
  return {
    title,
    data: { name, values },
    // a hairline stroke in the cell colour hides anti-aliasing seams between cells
    mark: { type: 'rect', clip: true, strokeWidth: 0.5 },
    encoding: {
      x: timeAxisX(ctx, 'x0'),
      x2: { field: 'x1' },
      y: { field: 'y0', type: 'quantitative', scale: { domain: [-0.5, R - 0.5], reverse: true, nice: false, zero: false }, axis: yAxis },
      y2: { field: 'y1' },
      color: { field: 'v', type: 'quantitative', scale: { scheme: 'viridis', domain: [cmin, cmax] }, legend: null },
      stroke: { field: 'v', type: 'quantitative', scale: { scheme: 'viridis', domain: [cmin, cmax] }, legend: null },
    },
  };
}

/**
 * CompNeuroPy's matrix y ticks: at most 10 ticks spread over the real rows; labels count the
 * real rows, skipping the all-NaN separator rows between post neurons.
 */
export function matrixYTicks(rows: Float64Array[]): { positions: number[]; labels: number[] } {
  // CompNeuroPy marks a row invalid if it has any NaN, so a recording pause (NaN columns)
  // removes every y tick; only all-NaN rows are separators here
  const valid = rows.map((r) => r.length === 0 || !r.every((v) => Number.isNaN(v)));
  const labelsAll: number[] = [];
  let sep = 0;
  rows.forEach((_, j) => {
    if (!valid[j]) sep++;
    // numpy.array_split at the NaN rows, minus the split index
    labelsAll.push(j - sep);
  });
  const validIdx = rows.map((_, j) => j).filter((j) => valid[j]);
  const nValid = validIdx.length;
  const sel = linspace(0, nValid, Math.min(10, nValid), false).map(Math.trunc);
  return { positions: [...sel].map((s) => validIdx[s]!), labels: [...sel].map((s) => labelsAll[validIdx[s]!]!) };
}

function spikeSubplot(ctx: Ctx, c: string, data: SpikeDict, format: PlotFormat, name: string): Spec {
  const [steps, ranks] = myRasterPlot(data);
  if (steps.length === 0) {
    ctx.warnings.push(`\n  WARNING PlotRecordings: ${c} does not contain any spikes in the given time interval.\n`);
    return noSpikes(c, name);
  }
  if (format === 'raster') return rasterLayer(ctx, c, steps, ranks, name);
  if (format === 'mean') return { ...meanLayer(ctx, data, 'black', name), title: `Activity ${c} (${Object.keys(data).length})` };
  if (format === 'hybrid') {
    return {
      title: `Activity ${c} (${Object.keys(data).length})`,
      layer: [rasterLayer(ctx, c, steps, ranks, `${name}_raster`), meanLayer(ctx, data, 'red', `${name}_rate`)],
      resolve: { scale: { y: 'independent' }, axis: { y: 'independent' } },
    };
  }
  if (format === 'interspike') {
    const isi = interSpikeInterval(data, { dt: ctx.timeStep });
    return histogramLayer(isi, [0, 200], `Interspike interval histogram ${c} (${Object.keys(data).length})`, 'Interspike interval [ms]', name);
  }
  const cv = coefficientOfVariation(data, { dt: ctx.timeStep, perNeuron: true });
  const cvs = Object.keys(cv).map((k) => cv[Number(k)]!);
  return histogramLayer(cvs, [0, 2], `Coefficient of variation histogram ${c} (${Object.keys(data).length})`, 'Coefficient of variation', name);
}

function noSpikes(c: string, name: string): Spec {
  const hidden = { title: null, ticks: false, labels: false, domain: false };
  return {
    title: `Spikes ${c}`,
    data: { name, values: [{ x: 0.5, y: 0.5, text: `${c} does not contain any spikes.` }] },
    mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: 10 * PT, color: 'black' },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: { domain: [0, 1], nice: false, zero: false }, axis: hidden },
      y: { field: 'y', type: 'quantitative', scale: { domain: [0, 1], nice: false, zero: false }, axis: hidden },
      text: { field: 'text' },
    },
  };
}

function rasterLayer(ctx: Ctx, c: string, steps: Float64Array, ranks: Int32Array, name: string): Spec {
  let maxRank = -Infinity;
  for (const r of ranks) maxRank = Math.max(maxRank, r);
  const single = maxRank === 0;
  // spikes drawn on the same pixel column and row look the same: keep one
  const px = (ctx.endTime - ctx.startTime) / Math.max(1, ctx.W * ctx.scale);
  const seen = new Set<string>();
  const values: Array<{ t: number; r: number }> = [];
  for (let i = 0; i < steps.length; i++) {
    const t = steps[i]! * ctx.timeStep;
    if (!(t >= ctx.startTime && t <= ctx.endTime)) continue;
    const key = `${px > 0 ? Math.round((t - ctx.startTime) / px) : t},${ranks[i]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    values.push({ t, r: ranks[i]! });
  }
  // matplotlib '|' of s=3000 pt^2 is sqrt(3000) pt long; '.' of s=3 is a dot of ~0.9 pt
  const mark = single
    ? { type: 'tick', orient: 'vertical', color: 'black', size: Math.sqrt(3000) * PT, thickness: Math.max(0.1 * PT, 0.6), clip: true }
    : { type: 'point', shape: 'circle', filled: true, color: 'black', opacity: 1, size: 3, clip: true };
  return {
    title: `Spikes ${c} (${maxRank + 1})`,
    data: { name, values },
    mark,
    encoding: {
      x: timeAxisX(ctx),
      y: {
        field: 'r',
        type: 'quantitative',
        title: '# neurons',
        scale: { domain: [-0.5, maxRank + 0.5], nice: false, zero: false },
        axis: single ? { values: [0] } : { tickMinStep: 1, format: 'd', tickCount: 6 },
      },
    },
  };
}

function meanLayer(ctx: Ctx, data: SpikeDict, color: string, name: string): Spec {
  const res = getPopRate(data, { tStart: ctx.startTime, tEnd: ctx.endTime, timeStep: ctx.timeStep });
  const [time, rate] = res ?? [new Float64Array(0), new Float64Array(0)];
  const n = Math.min(time.length, rate.length);
  const t = time.subarray(0, n);
  const r = rate.subarray(0, n);
  let min = Infinity;
  let max = -Infinity;
  for (const v of r) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const keep = decimateM4(t, r, { x0: ctx.startTime, x1: ctx.endTime, buckets: lineBuckets(ctx) });
  const values: Array<{ t: number; y: number }> = [];
  for (const k of keep) if (k !== BREAK) values.push({ t: t[k]!, y: r[k]! });
  const axis: Spec = { tickCount: 6 };
  if (color !== 'black') Object.assign(axis, { orient: 'right', labelColor: color, tickColor: color, titleColor: color });
  return {
    data: { name, values },
    mark: { type: 'line', color, strokeWidth: 1.5 * PT, strokeJoin: 'round', strokeCap: 'round', clip: true },
    encoding: {
      x: timeAxisX(ctx),
      y: { field: 'y', type: 'quantitative', title: 'Mean firing rate [Hz]', scale: { domain: autoLims(min, max), nice: false, zero: false }, axis },
      order: { value: null },
    },
  };
}

/** numpy `histogram(values, 100, range, density=True)` as black bars. */
function histogramLayer(values: number[], range: [number, number], title: string, xTitle: string, name: string): Spec {
  const { counts, edges } = histogram(values, 100, range);
  let total = 0;
  for (const c of counts) total += c;
  const bars: Array<{ x0: number; x1: number; h: number }> = [];
  let max = 0;
  if (total > 0) {
    for (let i = 0; i < counts.length; i++) {
      const h = counts[i]! / (edges[i + 1]! - edges[i]!) / total;
      max = Math.max(max, h);
      if (h > 0) bars.push({ x0: edges[i]!, x1: edges[i + 1]!, h });
    }
  }
  return {
    title,
    data: { name, values: bars },
    mark: { type: 'rect', color: 'black', clip: true },
    encoding: {
      x: { field: 'x0', type: 'quantitative', title: xTitle, scale: { domain: range, nice: false, zero: false }, axis: { tickCount: 5 } },
      x2: { field: 'x1' },
      y: { field: 'h', type: 'quantitative', title: 'Probability', scale: { domain: max > 0 ? [0, max * 1.05] : [0, 1], nice: false, zero: false }, axis: { tickCount: 6 } },
      y2: { datum: 0 },
    },
  };
}

