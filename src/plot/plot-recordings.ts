/**
 * CompNeuroPy's `PlotRecordings`: the constructor validates, builds the figure and saves it,
 * printing `Generate fig NAME... ` and `Done` like CompNeuroPy. Node only (it writes files);
 * in a browser use {@link buildPlotSpec} and vega-embed.
 */
import type { VegaLiteSpec } from './vega-lite-spec.js';
import { buildPlotSpec, type PlotSpecOptions, type PlotSpecResult } from './plot-spec.js';
import { figureFormat, writeFittedFigure, writeFittedFigureAsync } from './render-file.js';
import { fitSpec } from './render-svg.js';

/**
 * Options of {@link PlotRecordings} (CompNeuroPy's keyword arguments).
 *
 * @example
 * ```ts
 * const o: PlotRecordingsOptions = { figname: 'v.png', recordings, recordingTimes, shape: [1, 1],
 *   plan: { position: [1], compartment: ['HH_Bischop'], variable: ['v'], format: ['line'] } };
 * new PlotRecordings(o);
 * ```
 */
export interface PlotRecordingsOptions extends PlotSpecOptions {
  /** Output file; its extension picks the format: .png, .svg, .html or .json. */
  figname: string;
  /** Where the console lines go (default: process.stdout without added newlines). */
  log?: (text: string) => void;
}

/** The figure PlotRecordings writes, as handed to a {@link FigureRenderer}. */
export interface FigureJob {
  figname: string;
  /** The spec before fitting (buildPlotSpec's). */
  spec: VegaLiteSpec;
  figure: PlotSpecResult['figure'];
}

/**
 * Fits a figure's spec to its size and writes it to `figname`, returning the fitted spec; done
 * when it returns. The default runs in this thread; the Node entry installs one that runs in a
 * figure thread that loaded vega and resvg ahead of time (node/figure-thread.ts). A renderer
 * that writes in the background returns a function instead, which waits for the figure and
 * answers its fitted spec (or throws its error).
 */
export type FigureRenderer = (job: FigureJob) => VegaLiteSpec | (() => VegaLiteSpec);

/**
 * Fits and writes a figure in this thread (what {@link FigureRenderer}s fall back to).
 *
 * @example
 * ```ts
 * const fitted = renderFigureHere({ figname: 'v.png', spec, figure });
 * ```
 */
export function renderFigureHere(job: FigureJob): VegaLiteSpec {
  return writeFittedFigure(job.figname, job.spec, job.figure);
}

/**
 * {@link renderFigureHere} with the PNG drawn on a libuv pool thread: the spec is fitted and the
 * SVG built before it returns; the promise resolves with the fitted spec once the file is written
 * (errors are rejections).
 *
 * @example
 * ```ts
 * const fitted = await renderFigureAsync({ figname: 'v.png', spec, figure });
 * ```
 */
export function renderFigureAsync(job: FigureJob): Promise<VegaLiteSpec> {
  return writeFittedFigureAsync(job.figname, job.spec, job.figure);
}

let renderer: FigureRenderer = renderFigureHere;

/**
 * Sets how PlotRecordings renders and writes its figures (undefined: in this thread).
 *
 * @example
 * ```ts
 * provideFigureRenderer((job) => renderFigureHere(job));
 * ```
 */
export function provideFigureRenderer(r: FigureRenderer | undefined): void {
  renderer = r ?? renderFigureHere;
}

function defaultLog(text: string): void {
  const out = (globalThis as { process?: { stdout?: { write(s: string): unknown } } }).process?.stdout;
  if (out) out.write(text);
  else console.log(text.replace(/\n$/, ''));
}

/**
 * Plots recordings of one chunk as CompNeuroPy does and saves the figure; the work happens in
 * the constructor (synchronously). The Vega-Lite spec stays available as `.spec`.
 *
 * @example
 * ```ts
 * new PlotRecordings({
 *   figname: 'example_experiment_sim_ramp.png',
 *   recordings: results.recordings,
 *   recordingTimes: results.recordingTimes,
 *   chunk: 0,
 *   shape: [1, 1],
 *   plan: { position: [1], compartment: ['HH_Bischop'], variable: ['v'], format: ['line'] },
 * });
 * // prints "Generate fig example_experiment_sim_ramp.png... Done\n\n"
 * ```
 */
export class PlotRecordings {
  /** The saved file's name. */
  readonly figname: string;
  /** The fitted spec, or what waits for it while the figure is written in the background. */
  #spec: VegaLiteSpec | (() => VegaLiteSpec);
  /** Warning texts printed while plotting. */
  readonly warnings: string[];
  /** Figure size in px at 100 px/inch, dpi and PNG scale. */
  readonly figure: PlotSpecResult['figure'];

  constructor(opts: PlotRecordingsOptions) {
    const log = opts.log ?? defaultLog;
    if (typeof opts.figname !== 'string' || opts.figname === '') throw new Error('PlotRecordings: figname must be a non-empty string');
    this.figname = opts.figname;
    log(`Generate fig ${opts.figname}... `);
    figureFormat(opts.figname); // an unknown extension fails before any work
    const result = buildPlotSpec(opts);
    this.warnings = result.warnings;
    this.figure = result.figure;
    for (const w of result.warnings) log(w);
    // fitted to the figure and written (perhaps in the figure thread); complete when it returns,
    // unless the figure thread writes in the background (`COMPNEURO_RX_FIGURE_THREAD=background`)
    this.#spec = renderer({ figname: opts.figname, spec: result.spec, figure: result.figure });
    log('Done\n\n');
  }

  /** The figure as a Vega-Lite spec (plain data), fitted to the figure size; waits for a figure written in the background. */
  get spec(): VegaLiteSpec {
    if (typeof this.#spec === 'function') this.#spec = this.#spec();
    return this.#spec;
  }

  /**
   * Validates and builds the spec without writing anything, with the subplot sizes fitted to
   * the figure (6.4*cols x 4.8*rows inches), as matplotlib's tight_layout does.
   *
   * @example
   * ```ts
   * const { spec, warnings } = PlotRecordings.build({ figname: 'x.json', recordings, recordingTimes, shape: [1, 1], plan });
   * ```
   */
  static build(opts: PlotRecordingsOptions): PlotSpecResult {
    figureFormat(opts.figname);
    const result = buildPlotSpec(opts);
    return { ...result, spec: fitSpec(result.spec, result.figure) };
  }
}
