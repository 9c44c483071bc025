/**
 * Writing PlotRecordings figures to disk (Node only: fs, path, module resolution, resvg).
 * The file type follows the extension: .png (rasterised with resvg at dpi/100 times the
 * 100 px/inch layout), .svg, .html (self-contained: vega, vega-lite and vega-embed inlined
 * from node_modules, no CDN) or .json (the Vega-Lite spec).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as ResvgJs from '@resvg/resvg-js';
import { dirname, join } from 'node:path';
import type { VegaLiteSpec } from './vega-lite-spec.js';
import { renderSvg } from './render-svg.js';
import { vegaLiteModule } from './vega-modules.js';
import { encodePng } from './encode-png.js';
import { SIMPLIFY_THRESHOLD } from './simplify-path.js';
import { htmlDocument, packageFile } from './html-document.js';

export { htmlDocument };

/** File types PlotRecordings can write. */
export type FigureFormat = 'png' | 'svg' | 'html' | 'json';

/**
 * The figure type chosen by a file name's extension.
 *
 * @example
 * ```ts
 * figureFormat('out/fig.png');   // 'png'
 * ```
 */
export function figureFormat(figname: string): FigureFormat {
  const m = /\.([A-Za-z0-9]+)$/.exec(figname);
  const ext = m?.[1]?.toLowerCase();
  if (ext === 'png' || ext === 'svg' || ext === 'html' || ext === 'json') return ext;
  throw new Error(`PlotRecordings: figname '${figname}' must end with .png, .svg, .html or .json (got ${ext ? '.' + ext : 'no extension'})`);
}

/**
 * A rasterised figure: PNG bytes plus the RGBA pixels it encodes.
 *
 * @example
 * ```ts
 * const { width, height, png } = rasterizeSvg(renderSvg(spec).svg, 3);
 * ```
 */
export interface RasterImage {
  width: number;
  height: number;
  /** RGBA, row-major, 4 bytes per pixel. */
  pixels: Uint8Array;
  png: Uint8Array;
}

// resvg's native addon is opened on the first PNG, not when the library is imported
let resvg: typeof ResvgJs | undefined;
const resvgModule = (): typeof ResvgJs => (resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof ResvgJs);

let fontOptions: Record<string, unknown> | undefined;

/** Segments per `<path>` piece of a long line in a PNG (line-items.ts, LinePathOptions.split). */
const LINE_PIECE = 256;

/**
 * resvg's fonts: DejaVu Sans (matplotlib's default) from the `dejavu-fonts-ttf` package, never
 * the host's fonts, so that a slim container draws the same figure with all its text.
 */
function fonts(): Record<string, unknown> {
  if (!fontOptions) {
    const ttf = packageFile('dejavu-fonts-ttf/package.json', 'ttf');
    fontOptions = {
      fontFiles: [join(ttf, 'DejaVuSans.ttf'), join(ttf, 'DejaVuSans-Bold.ttf')],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    };
  }
  return fontOptions;
}

/**
 * Loads what a PNG needs (vega, vega-lite, resvg, the fonts' paths) now instead of at the first
 * figure (the figure thread does this while the model simulates).
 *
 * @example
 * ```ts
 * preloadFigureModules();
 * ```
 */
export function preloadFigureModules(): void {
  vegaLiteModule(); // loads vega too
  resvgModule();
  fonts();
}

/**
 * Rasterises SVG markup with resvg, scaled by `scale` (dpi/100 for PlotRecordings).
 *
 * @example
 * ```ts
 * const { png, width } = rasterizeSvg(svg, 3);   // 640 px wide SVG -> 1920 px PNG
 * ```
 */
export function rasterizeSvg(svg: string, scale: number): RasterImage {
  const resvg = new (resvgModule().Resvg)(svg, { fitTo: { mode: 'zoom', value: scale }, font: fonts(), background: 'white' });
  const img = resvg.render();
  const pixels = img.pixels; // a getter that copies
  return { width: img.width, height: img.height, pixels, png: encodePng(pixels, img.width, img.height) };
}

/**
 * Writes a figure to `figname` (type from the extension), creating its parent folder.
 * `size` is the figure size in px at 100 px/inch; `scale` the PNG zoom (dpi/100).
 *
 * @example
 * ```ts
 * writeFigure('figs/v.png', spec, { width: 640, height: 480, scale: 3 });
 * ```
 */
export function writeFigure(figname: string, spec: VegaLiteSpec, opts: { width: number; height: number; scale: number }): void {
  const format = figureFormat(figname);
  // CompNeuroPy creates the parent folder when the name contains "/"
  if (figname.includes('/')) mkdirSync(dirname(figname), { recursive: true });
  if (format === 'json') {
    writeFileSync(figname, JSON.stringify(spec, null, 1));
  } else if (format === 'html') {
    writeFileSync(figname, htmlDocument(spec, figname));
  } else {
    // matplotlib simplifies lines at 1/9 device px before drawing (its SVG backend at 72 dpi,
    // coarser than 1/9 of this SVG's px)
    const simplify = SIMPLIFY_THRESHOLD / (format === 'png' ? opts.scale : 1);
    // pieces only where resvg draws them: an SVG file keeps one path per line, as matplotlib's
    const split = format === 'png' ? LINE_PIECE : undefined;
    const { svg } = renderSvg(spec, { width: opts.width, height: opts.height }, { simplify, split });
    if (format === 'svg') writeFileSync(figname, svg);
    else writeFileSync(figname, rasterizeSvg(svg, opts.scale).png);
  }
}
