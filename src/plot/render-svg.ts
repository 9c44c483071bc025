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
  const view = headlessView(spec, ZERO);
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
 * writes long lines in pieces for resvg, `opts.clipEdges` clipping only those that reach the
 * cell's edge ({@link LinePathOptions}).
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
    const fast = renderSvgWith(lean.spec, size, (view) => prepareLinePaths(view as unknown as Parameters<typeof prepareLinePaths>[0], lean, opts));
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
  return renderViewWith(headlessView(spec, size ? ZERO : undefined), size, beforeRender);
}

const ZERO = { left: 0, right: 0, top: 0, bottom: 0 };

/** {@link renderSvgWith} on a view that has run (with zero padding if `size` is given); finalizes it. */
function renderViewWith(
  view: vega.View,
  size: { width: number; height: number } | undefined,
  beforeRender: (view: vega.View) => ((svg: string) => string | undefined) | undefined,
): SvgFigure | undefined {
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
  const cells = (spec as { concat?: CellSize[] }).concat;
  if (!Array.isArray(cells) || cells.length === 0) return spec;
  return fitCells(spec, cells, size, measureSpec(stripData(spec)), margin).spec;
}

interface CellSize {
  width?: unknown;
  height?: unknown;
}

/** fitSpec's resizing from the data-free content size `m`; `cellWidth`/`cellHeight` map an old size to the new one. */
function fitCells(
  spec: VegaLiteSpec,
  cells: CellSize[],
  size: { width: number; height: number; cols: number; rows: number },
  m: { width: number; height: number },
  margin: number,
): { spec: VegaLiteSpec; cellWidth?: (w: number) => number; cellHeight?: (h: number) => number } {
  const dw = (size.width - 2 * margin - m.width) / size.cols;
  const dh = (size.height - 2 * margin - m.height) / size.rows;
  if (Math.abs(dw) < 0.5 && Math.abs(dh) < 0.5) return { spec };
  const cellWidth = (w: number): number => Math.max(40, Math.floor(w + dw));
  const cellHeight = (h: number): number => Math.max(40, Math.floor(h + dh));
  const concat = cells.map((c) =>
    typeof c.width === 'number' && typeof c.height === 'number' ? { ...c, width: cellWidth(c.width), height: cellHeight(c.height) } : c,
  );
  return { spec: { ...spec, concat } as VegaLiteSpec, cellWidth, cellHeight };
}

/**
 * {@link fitSpec} then {@link renderSvg} (lean lines, `opts` as there) with one Vega-Lite compile
 * and one Vega parse instead of two of each (about half of a small figure's time): the compiled
 * spec is parsed with its inline data emptied, run to measure the data-free layout as fitSpec
 * does, then the cell sizes are set through their signals, the data is put back through the
 * view's API and the same view runs again. Where the compiled spec's sizes are not all in
 * plain size signals (see sizeSignals), it falls back to fitSpec + renderSvg. The result is the
 * same fitted spec and the same SVG text (`spec/plot/render-svg.spec.ts`).
 *
 * @example
 * ```ts
 * const { spec: fitted, svg } = renderFittedSvg(spec, { width: 640, height: 480, cols: 1, rows: 1 });
 * ```
 */
export function renderFittedSvg(
  spec: VegaLiteSpec,
  figure: { width: number; height: number; cols: number; rows: number },
  opts: LinePathOptions = {},
  margin = 8,
): { spec: VegaLiteSpec; svg: SvgFigure } {
  const size = { width: figure.width, height: figure.height };
  const cells = (spec as { concat?: CellSize[] }).concat;
  const lean = leanLineSpec(spec);
  const sizes = Array.isArray(cells) ? cellSizes(cells) : undefined;
  const vgSpec = sizes ? compileQuiet(lean?.spec ?? spec) : undefined;
  const slots = vgSpec && sizeSignals(vgSpec, sizes!);
  // inline data with a format (parsed on ingest) would be put back unparsed: the fallback
  const inline = (vgSpec?.data ?? []).filter((d) => Array.isArray((d as { values?: unknown }).values));
  if (!vgSpec || !slots || inline.some((d) => (d as { format?: unknown }).format !== undefined)) {
    const fitted = fitSpec(spec, figure, margin);
    return { spec: fitted, svg: renderSvg(fitted, size, opts) };
  }
  // the data-free layout, as fitSpec measures it (stripData)
  const held = inline.map((d) => ({ name: d.name, values: (d as { values: unknown[] }).values }));
  vgSpec.data = vgSpec.data?.map((d) => (inline.includes(d) ? ({ ...d, values: [] } as typeof d) : d));
  (vgSpec as { padding?: unknown }).padding = ZERO;
  const vega = vegaModule();
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  view.run();
  const v = view as unknown as ViewInternals;
  const fit = fitCells(spec, cells!, figure, { width: v._viewWidth, height: v._viewHeight }, margin);
  if (fit.cellWidth && fit.cellHeight) {
    for (const s of slots) view.signal(s.name, s.kind === 'width' ? fit.cellWidth(s.value) : fit.cellHeight(s.value));
  }
  for (const d of held) view.data(d.name, d.values);
  // a new size is laid out again only after resize() (Vega's autosize flag)
  view.resize();
  view.run();
  const fitted = fit.spec;
  // prepareLinePaths reads only lean.cells (the series' data), which fitting does not change
  const svg = lean
    ? renderViewWith(view, size, (vw) => prepareLinePaths(vw as unknown as Parameters<typeof prepareLinePaths>[0], lean, opts))
    : renderViewWith(view, size, () => (text) => text);
  // the shortcut refused this scene: Vega draws every point (as renderSvg falls back)
  return { spec: fitted, svg: svg ?? renderSvgWith(fitted, size, () => (text) => text)! };
}

function compileQuiet(spec: VegaLiteSpec): vega.Spec {
  return vegaLiteModule().compile(spec as unknown as TopLevelSpec, { logger: silentLogger }).spec;
}

/** The cells' widths and heights, or undefined if there is no cell or one lacks a numeric size. */
function cellSizes(cells: CellSize[]): { widths: Set<number>; heights: Set<number> } | undefined {
  const widths = new Set<number>();
  const heights = new Set<number>();
  for (const c of cells) {
    if (typeof c.width !== 'number' || typeof c.height !== 'number') return undefined;
    widths.add(c.width);
    heights.add(c.height);
  }
  return widths.size > 0 ? { widths, heights } : undefined;
}

/** A size of the compiled spec that follows one cell size: a top-level width/height or a constant signal. */
interface SizeSlot {
  name: string;
  kind: 'width' | 'height';
  value: number;
}

const WIDTH_NAME = /(?:^|_)width$|Width$/;
const HEIGHT_NAME = /(?:^|_)height$|Height$/;

/**
 * The signals holding the cells' sizes in a compiled spec (Vega-Lite names them `width`,
 * `childHeight`, `concat_1_width`, ...), or undefined unless setting them is the same as
 * compiling the resized spec: every such signal is a constant equal to a cell size, and no
 * other number or expression of the spec (outside inline data) mentions a cell size.
 */
function sizeSignals(vgSpec: vega.Spec, { widths, heights }: { widths: Set<number>; heights: Set<number> }): SizeSlot[] | undefined {
  const slots: SizeSlot[] = [];
  const top = vgSpec as { width?: unknown; height?: unknown };
  if (top.width !== undefined) {
    if (typeof top.width !== 'number' || !widths.has(top.width)) return undefined;
    slots.push({ name: 'width', kind: 'width', value: top.width });
  }
  if (top.height !== undefined) {
    if (typeof top.height !== 'number' || !heights.has(top.height)) return undefined;
    slots.push({ name: 'height', kind: 'height', value: top.height });
  }
  const signals = new Set<unknown>();
  for (const s of vgSpec.signals ?? []) {
    const kind = WIDTH_NAME.test(s.name) ? 'width' : HEIGHT_NAME.test(s.name) ? 'height' : undefined;
    if (!kind) continue;
    const { name, value, ...rest } = s as { name: string; value?: unknown };
    if (typeof value !== 'number' || Object.keys(rest).length > 0 || !(kind === 'width' ? widths : heights).has(value)) return undefined;
    slots.push({ name, kind, value });
    signals.add(s);
  }
  const sizes = new Set([...widths, ...heights]);
  const words = new RegExp(`(?<![\\w.])(?:${[...sizes].map((n) => String(n).replace('.', '\\.')).join('|')})(?![\\w.])`);
  const mentions = (node: unknown, key: string): boolean => {
    if (typeof node === 'number') return sizes.has(node);
    if (typeof node === 'string') return key !== 'name' && words.test(node);
    if (node === null || typeof node !== 'object' || signals.has(node)) return false;
    if (Array.isArray(node)) return node.some((n) => mentions(n, key));
    return Object.entries(node).some(([k, n]) => !(k === 'values' && Array.isArray(n)) && mentions(n, k));
  };
  const { width: _w, height: _h, ...rest } = vgSpec as Record<string, unknown>;
  return mentions(rest, '') ? undefined : slots;
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
