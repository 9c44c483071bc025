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
import { fitSpec, renderFittedSvg, renderSvg } from './render-svg.js';
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
  const img = new (resvgModule().Resvg)(svg, resvgOptions(scale)).render();
  return rasterImage(img);
}

/**
 * {@link rasterizeSvg} with resvg's parsing and drawing on a libuv pool thread (`renderAsync`,
 * the same code, the same pixels): this thread can build the next figure's SVG meanwhile. The
 * PNG is encoded here when the pixels arrive.
 *
 * @example
 * ```ts
 * const { png } = await rasterizeSvgAsync(svg, 3);
 * ```
 */
export function rasterizeSvgAsync(svg: string, scale: number): Promise<RasterImage> {
  // device pixels, from the root element's size (Vega writes width="..." height="...")
  const m = /^<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  const pixels = m ? Number(m[1]) * Number(m[2]) * scale * scale : Infinity;
  // in the order asked, two at a time if both are small: the first figures' pixels arrive
  // early and are encoded here while resvg draws the next ones (all at once, they would finish
  // together, late); a large figure (a 9600 x 4320 one holds ~0.5 GB while encoded) alone
  return new Promise<ResvgJs.RenderedImage>((resolve, reject) => {
    const draw = (): void => {
      inFlight.push(pixels);
      let drawn: Promise<ResvgJs.RenderedImage>;
      try {
        drawn = resvgModule().renderAsync(svg, resvgOptions(scale));
      } catch (e) {
        drawn = Promise.reject(e); // resvg missing: this figure fails, the queue goes on
      }
      // the next drawing starts before this one's PNG is encoded
      const done = (): void => {
        inFlight.splice(inFlight.indexOf(pixels), 1);
        next();
      };
      drawn.then(
        (img) => {
          done();
          resolve(img);
        },
        (e: unknown) => {
          done();
          reject(e);
        },
      );
    };
    waiting.push({ pixels, draw });
    next();
  }).then(rasterImage);
}

/** Drawings on libuv's pool at once (the figure thread keeps a core busy too), and their pixels at most. */
const RASTER_THREADS = 2;
const RASTER_PIXELS = 8e6;
const inFlight: number[] = [];
const waiting: Array<{ pixels: number; draw: () => void }> = [];

function next(): void {
  const first = waiting[0];
  if (!first || inFlight.length >= RASTER_THREADS) return;
  if (inFlight.length > 0 && inFlight.reduce((a, b) => a + b, first.pixels) > RASTER_PIXELS) return;
  waiting.shift()!.draw();
}

function resvgOptions(scale: number): ResvgJs.ResvgRenderOptions {
  return { fitTo: { mode: 'zoom', value: scale }, font: fonts(), background: 'white' };
}

function rasterImage(img: ResvgJs.RenderedImage): RasterImage {
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
  const { out } = figureContent(figname, spec, opts);
  writeFileSync(figname, typeof out === 'string' ? out : rasterizeSvg(out.svg, opts.scale).png);
}

/** A PlotRecordings figure's size (px at 100 px/inch), PNG zoom and subplot grid. */
export interface FigureLayout {
  width: number;
  height: number;
  scale: number;
  cols: number;
  rows: number;
}

/**
 * {@link writeFigure} of a spec not yet fitted to its figure: fits it as fitSpec does (for a PNG
 * or SVG while it is rendered, with one Vega-Lite compile: renderFittedSvg) and returns the
 * fitted spec.
 *
 * @example
 * ```ts
 * const fitted = writeFittedFigure('figs/v.png', spec, { width: 640, height: 480, scale: 3, cols: 1, rows: 1 });
 * ```
 */
export function writeFittedFigure(figname: string, spec: VegaLiteSpec, figure: FigureLayout): VegaLiteSpec {
  const { spec: fitted, out } = figureContent(figname, spec, figure, figure);
  writeFileSync(figname, typeof out === 'string' ? out : rasterizeSvg(out.svg, figure.scale).png);
  return fitted;
}

/**
 * {@link writeFittedFigure} with the PNG drawn on a libuv pool thread ({@link rasterizeSvgAsync}):
 * the SVG is built before it returns, the file is written when the promise resolves; every
 * error (a bad name, a folder that cannot be made) is a rejection.
 *
 * @example
 * ```ts
 * const fitted = await writeFittedFigureAsync('figs/v.png', spec, { width: 640, height: 480, scale: 3, cols: 1, rows: 1 });
 * ```
 */
export function writeFittedFigureAsync(figname: string, spec: VegaLiteSpec, figure: FigureLayout): Promise<VegaLiteSpec> {
  return writeContentAsync(figname, () => figureContent(figname, spec, figure, figure), figure.scale);
}

function writeContentAsync(figname: string, content: () => { spec: VegaLiteSpec; out: string | { svg: string } }, scale: number): Promise<VegaLiteSpec> {
  try {
    const { spec, out } = content();
    if (typeof out !== 'string') return rasterizeSvgAsync(out.svg, scale).then(({ png }) => (writeFileSync(figname, png), spec));
    writeFileSync(figname, out);
    return Promise.resolve(spec);
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * The file's text, or for a PNG the SVG to rasterise, and the spec (fitted first with `fit`);
 * creates the parent folder.
 */
function figureContent(
  figname: string,
  spec: VegaLiteSpec,
  opts: { width: number; height: number; scale: number },
  fit?: { cols: number; rows: number },
): { spec: VegaLiteSpec; out: string | { svg: string } } {
  const format = figureFormat(figname);
  // CompNeuroPy creates the parent folder when the name contains "/"
  if (figname.includes('/')) mkdirSync(dirname(figname), { recursive: true });
  const layout = fit && { width: opts.width, height: opts.height, cols: fit.cols, rows: fit.rows };
  if (format === 'json' || format === 'html') {
    const fitted = layout ? fitSpec(spec, layout) : spec;
    return { spec: fitted, out: format === 'json' ? JSON.stringify(fitted, null, 1) : htmlDocument(fitted, figname) };
  }
  // matplotlib simplifies lines at 1/9 device px before drawing (its SVG backend at 72 dpi,
  // coarser than 1/9 of this SVG's px)
  const simplify = SIMPLIFY_THRESHOLD / (format === 'png' ? opts.scale : 1);
  // pieces only where resvg draws them: an SVG file keeps one path per line, as matplotlib's
  // (and clipped only where they reach the cell's edge: resvg's masks cost what they cover)
  const split = format === 'png' ? LINE_PIECE : undefined;
  const lines = { simplify, split, clipEdges: format === 'png' };
  const { spec: fitted, svg } = layout
    ? renderFittedSvg(spec, layout, lines)
    : { spec, svg: renderSvg(spec, { width: opts.width, height: opts.height }, lines) };
  return { spec: fitted, out: format === 'svg' ? svg.svg : { svg: svg.svg } };
}
