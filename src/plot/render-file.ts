/**
 * Writing PlotRecordings figures to disk (Node only: fs, path, module resolution, resvg).
 * The file type follows the extension: .png (rasterised with resvg at dpi/100 times the
 * 100 px/inch layout), .svg, .html (self-contained: vega, vega-lite and vega-embed inlined
 * from node_modules, no CDN) or .json (the Vega-Lite spec).
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from './render-svg.js';
import { encodePng } from './encode-png.js';

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

/** A rasterised figure: PNG bytes plus the RGBA pixels it encodes. */
export interface RasterImage {
  width: number;
  height: number;
  /** RGBA, row-major, 4 bytes per pixel. */
  pixels: Uint8Array;
  png: Uint8Array;
}

const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans.ttf'];
let fontOptions: Record<string, unknown> | undefined;

/** resvg font set-up: DejaVu Sans (matplotlib's font) directly if present, else system fonts. */
function fonts(): Record<string, unknown> {
  if (!fontOptions) {
    const files = DEJAVU.filter((f) => existsSync(f));
    fontOptions = files.length
      ? { fontFiles: files, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }
      : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
  }
  return fontOptions;
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
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: fonts(), background: 'white' });
  const img = resvg.render();
  const pixels = img.pixels; // a getter that copies
  return { width: img.width, height: img.height, pixels, png: encodePng(pixels, img.width, img.height) };
}

function packageFile(pkg: string, file: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(pkg)), file);
}

function inlineScript(source: string): string {
  return `<script>${source.replace(/<\/script/gi, '<\\/script')}</script>`;
}

/**
 * A self-contained HTML page that embeds a Vega-Lite spec with vega-embed (all libraries
 * inlined from node_modules).
 *
 * @example
 * ```ts
 * writeFileSync('fig.html', htmlDocument(spec, 'my figure'));
 * ```
 */
export function htmlDocument(spec: TopLevelSpec, title: string): string {
  const libs = [packageFile('vega', 'vega.min.js'), packageFile('vega-lite', 'vega-lite.min.js'), packageFile('vega-embed', 'vega-embed.min.js')];
  const scripts = libs.map((f) => inlineScript(readFileSync(f, 'utf8'))).join('\n');
  const specJson = JSON.stringify(spec).replace(/</g, '\\u003c');
  const esc = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc}</title>
${scripts}
</head>
<body>
<div id="vis"></div>
<script>
vegaEmbed('#vis', ${specJson}, { renderer: 'canvas', actions: true }).catch(console.error);
</script>
</body>
</html>
`;
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
export function writeFigure(figname: string, spec: TopLevelSpec, opts: { width: number; height: number; scale: number }): void {
  const format = figureFormat(figname);
  // CompNeuroPy creates the parent folder when the name contains "/"
  if (figname.includes('/')) mkdirSync(dirname(figname), { recursive: true });
  if (format === 'json') {
    writeFileSync(figname, JSON.stringify(spec, null, 1));
  } else if (format === 'html') {
    writeFileSync(figname, htmlDocument(spec, figname));
  } else {
    const { svg } = renderSvg(spec, { width: opts.width, height: opts.height });
    if (format === 'svg') writeFileSync(figname, svg);
    else writeFileSync(figname, rasterizeSvg(svg, opts.scale).png);
  }
}
