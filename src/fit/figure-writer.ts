/**
 * Where fits write their figures: the Node entry registers `writeFigure` (PNG/SVG/HTML/JSON);
 * in a browser a plot file is an error (plot the Observable's generations instead).
 */
import type { VegaLiteSpec } from '../plot/vega-lite-spec.js';

/** Writes a Vega-Lite figure to a file (size in px at 100 px/inch, scale = dpi/100). */
export type FigureWriter = (file: string, spec: VegaLiteSpec, opts: { width: number; height: number; scale: number }) => void;

let writer: FigureWriter | undefined;

/**
 * Registers the figure writer (done by `compneuro-rx`'s Node entry).
 *
 * @example
 * ```ts
 * setFigureWriter(writeFigure);
 * ```
 */
export function setFigureWriter(w: FigureWriter | undefined): void {
  writer = w;
}

/**
 * Writes a figure through the registered writer; names the caller when there is none.
 *
 * @example
 * ```ts
 * writeFitFigure('DeapCma', 'logbook.png', spec, { width: 1000, height: 500, scale: 3 });
 * ```
 */
export function writeFitFigure(who: string, file: string, spec: VegaLiteSpec, opts: { width: number; height: number; scale: number }): void {
  if (!writer) throw new Error(`${who}: writing "${file}" needs the Node entry (import from 'compneuro-rx', not 'compneuro-rx/browser')`);
  writer(file, spec, opts);
}
