/**
 * Vega-Lite spec -> SVG markup, synchronously (no DOM, no Node modules): compile with
 * vega-lite, run a headless Vega view (renderer "none") and draw its scenegraph with Vega's
 * SVG string renderer. Synchronous so that PlotRecordings can print "Done" in order.
 */
import type * as vega from 'vega';
import type * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { vegaLiteModule, vegaModule } from './vega-modules.js';
import type { VegaLiteSpec } from './vega-lite-spec.js';
import { dropNoopClips } from './noop-clips.js';
import { leanLineSpec, prepareLinePaths, type LinePathOptions } from './line-items.js';

/**
 * An SVG document and its size in px.
 *
 * @example
 * ```ts
 * const f: SvgFigure = renderSvg(spec);
 * f.svg.startsWith('<svg');   // true
 * ```
 */
export interface SvgFigure {
  svg: string;
  width: number;
  height: number;
}

interface ViewInternals {
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
  _scenegraph: { root: unknown };
}

/** vega-lite's warnings (e.g. merged scale domains) are not CompNeuroPy output: keep them quiet. */
type LoggerInterface = NonNullable<NonNullable<Parameters<typeof vl.compile>[1]>['logger']>;

const silentLogger: LoggerInterface = {
  level(): number {
    return 0;
  },
  error(...args: readonly unknown[]): LoggerInterface {
    throw new Error(args.map(String).join(' '));
  },
  warn: (): LoggerInterface => silentLogger,
  info: (): LoggerInterface => silentLogger,
  debug: (): LoggerInterface => silentLogger,
} as LoggerInterface;

function headlessView(spec: VegaLiteSpec, padding?: { left: number; right: number; top: number; bottom: number }): vega.View {
  const vgSpec = vegaLiteModule().compile(spec as unknown as TopLevelSpec, { logger: silentLogger }).spec;
  if (padding) (vgSpec as { padding?: unknown }).padding = padding;
  const vega = vegaModule();
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  view.run();
  return view;
}

/**
 * Content size of a spec (plot areas plus axes, titles, spacing), without padding.
 *
 * @example
 * ```ts
 * const { width, height } = measureSpec(spec);
 * ```
 */
export function measureSpec(spec: VegaLiteSpec): { width: number; height: number } {
  const view = headlessView(spec, { left: 0, right: 0, top: 0, bottom: 0 });
  const v = view as unknown as ViewInternals;
  const out = { width: v._viewWidth, height: v._viewHeight };
  view.finalize();
  return out;
}

/**
 * Renders a Vega-Lite spec to SVG. With `size`, padding is added around the content so that the
 * SVG is exactly `size` (content larger than `size` is kept and the SVG grows). Line cells take
 * the shortcut of line-items.ts (same SVG) unless `opts.leanLines` is false; there,
 * `opts.simplify` (a threshold in SVG px) thins their paths as matplotlib does before drawing
 * (simplify-path.ts; writeFigure passes 1/9 device px at the PNG's zoom) and `opts.split`
 * writes long lines in pieces for resvg ({@link LinePathOptions}).
 *
 * @example
 * ```ts
 * const { svg } = renderSvg(spec, { width: 640, height: 480 });
 * ```
 */
export function renderSvg(spec: VegaLiteSpec, size?: { width: number; height: number }, opts: { leanLines?: boolean } & LinePathOptions = {}): SvgFigure {
  // leanLines: false runs every point through Vega's dataflow (the reference the shortcut is tested against)
  const lean = opts.leanLines === false ? undefined : leanLineSpec(spec);
  if (lean) {
    const fast = renderSvgWith(lean.spec, size, (view) => prepareLinePaths(view as unknown as Parameters<typeof prepareLinePaths>[0], lean, { simplify: opts.simplify, split: opts.split }));
    if (fast) return fast;
  }
  return renderSvgWith(spec, size, () => (svg) => svg)!;
}

/**
 * Renders `spec`; `beforeRender` may change the scene graph and returns what completes the SVG
 * text, or refuses (undefined; then the result is undefined too).
 */
function renderSvgWith(
  spec: VegaLiteSpec,
  size: { width: number; height: number } | undefined,
  beforeRender: (view: vega.View) => ((svg: string) => string | undefined) | undefined,
): SvgFigure | undefined {
  const zero = { left: 0, right: 0, top: 0, bottom: 0 };
  const view = headlessView(spec, size ? zero : undefined);
  const v = view as unknown as ViewInternals;
  if (size) {
    // pad the content to the requested size; re-running only redoes the layout
    const dx = Math.max(0, size.width - v._viewWidth);
    const dy = Math.max(0, size.height - v._viewHeight);
    view.padding({ left: dx / 2, right: dx - dx / 2, top: dy / 2, bottom: dy - dy / 2 });
    view.run();
  }
  const pad = view.padding() as { left: number; right: number; top: number; bottom: number };
  // With a requested size the figure has exactly that size (matplotlib's figsize * dpi): content
  // that the data-free layout pass measured a pixel too narrow (wider tick labels) is clipped at
  // the edge of the padding instead of growing the figure.
  const width = size ? size.width : Math.max(0, v._viewWidth + pad.left + pad.right);
  const height = size ? size.height : Math.max(0, v._viewHeight + pad.top + pad.bottom);
  const origin: [number, number] = [pad.left + v._origin[0], pad.top + v._origin[1]];
  dropNoopClips(v._scenegraph.root);
  const finish = beforeRender(view);
  if (!finish) {
    view.finalize();
    return undefined;
  }
  const module = (vegaModule() as unknown as { renderModule(t: string): { headless: new (loader: unknown) => SvgStringRenderer } }).renderModule('svg');
  const r = new module.headless(view.loader());
  r.initialize(null, width, height, origin, 1).background(view.background());
  r.render(v._scenegraph.root);
  const svg = finish(r.svg());
  view.finalize();
  return svg === undefined ? undefined : { svg, width, height };
}

/**
 * Resizes the cells of a `concat` spec (each with numeric `width`/`height`) so that the
 * content fills `size` minus `margin` on each side, like matplotlib's tight_layout. One
 * measuring pass on a copy without data (PlotRecordings gives every scale an explicit domain,
 * so the layout does not depend on the data).
 *
 * @example
 * ```ts
 * const fitted = fitSpec(spec, { width: 640, height: 480, cols: 1, rows: 1 });
 * ```
 */
export function fitSpec(spec: VegaLiteSpec, size: { width: number; height: number; cols: number; rows: number }, margin = 8): VegaLiteSpec {
  const cells = (spec as { concat?: Array<{ width?: unknown; height?: unknown }> }).concat;
  if (!Array.isArray(cells) || cells.length === 0) return spec;
  const m = measureSpec(stripData(spec));
  const dw = (size.width - 2 * margin - m.width) / size.cols;
  const dh = (size.height - 2 * margin - m.height) / size.rows;
  if (Math.abs(dw) < 0.5 && Math.abs(dh) < 0.5) return spec;
  const concat = cells.map((c) =>
    typeof c.width === 'number' && typeof c.height === 'number'
      ? { ...c, width: Math.max(40, Math.floor(c.width + dw)), height: Math.max(40, Math.floor(c.height + dh)) }
      : c,
  );
  return { ...spec, concat };
}

/** A deep copy with every inline `values` array emptied (for layout measurement). */
function stripData(spec: VegaLiteSpec): VegaLiteSpec {
  return JSON.parse(JSON.stringify(spec, (k, val) => (k === 'values' && Array.isArray(val) ? [] : val))) as VegaLiteSpec;
}

interface SvgStringRenderer {
  initialize(el: null, width: number, height: number, origin: [number, number], scale: number): SvgStringRenderer;
  background(bg: unknown): SvgStringRenderer;
  render(scene: unknown): SvgStringRenderer;
  svg(): string;
}
