/**
 * Long lines without Vega's dataflow. Vega turns every point of a line into a tuple and a scene
 * item (ingest, facet, encode, bounds): for 100 traces x 3000 samples that was 1.4 s of a figure.
 * Here the headless view runs on a few points per series (the first, which carries the path's
 * ARIA description, and the extremes, which give the same bounds and so the same layout); the
 * path data of every point is then written here, positioned by the view's own scales, in the
 * format of Vega's renderer, into the SVG Vega writes (`spec/plot/line-items.spec.ts` compares
 * the SVG text with Vega's own for every point).
 */
import type { VegaLiteSpec } from './vega-lite-spec.js';
import { simplifyPolyline } from './simplify-path.js';

type Datum = Record<string, unknown>;

/** One concat cell drawn as line(s): its index and the full data of each series, in data order. */
interface LineCell {
  index: number;
  /** Series key (the `detail` field's value, or undefined for one series) -> its data. */
  series: Map<unknown, Datum[]>;
  detail: string | undefined;
  x: string;
  y: string;
}

/**
 * A spec whose line cells hold only a few points per series, and what is needed to restore them.
 *
 * @example
 * ```ts
 * const lean = leanLineSpec(spec);   // undefined if the spec has no line cells
 * ```
 */
export interface LeanLineSpec {
  spec: VegaLiteSpec;
  cells: LineCell[];
}

interface CellSpec {
  mark?: unknown;
  data?: { values?: unknown };
  encoding?: Record<string, { field?: unknown } | undefined>;
  transform?: unknown;
  layer?: unknown;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The line cells of a `concat` spec in the shape PlotRecordings builds (plain fields, inline values). */
function lineCell(cell: CellSpec, index: number): LineCell | undefined {
  const mark = cell.mark as { type?: unknown } | string | undefined;
  const type = typeof mark === 'string' ? mark : mark?.type;
  const values = cell.data?.values;
  const enc = cell.encoding;
  if (type !== 'line' || !Array.isArray(values) || cell.transform !== undefined || cell.layer !== undefined || !enc) return undefined;
  const x = enc.x?.field;
  const y = enc.y?.field;
  const detail = enc.detail?.field;
  if (typeof x !== 'string' || typeof y !== 'string' || (detail !== undefined && typeof detail !== 'string')) return undefined;
  // only encodings whose per-point values this file reproduces (the order must keep data order)
  const allowed = new Set(['x', 'y', 'detail', 'order']);
  if (Object.keys(enc).some((k) => !allowed.has(k))) return undefined;
  const order = enc.order as { value?: unknown } | undefined;
  if (order !== undefined && order.value !== null) return undefined;
  const series = new Map<unknown, Datum[]>();
  for (const d of values as Datum[]) {
    const key = detail === undefined ? undefined : d[detail];
    let s = series.get(key);
    if (!s) series.set(key, (s = []));
    s.push(d);
  }
  return { index, series, detail, x, y };
}

/** The first defined point and those with the extreme x and y: same ARIA text, same bounds. */
function placeholder(data: Datum[], x: string, y: string): Datum[] {
  const keep = new Set<number>();
  let x0 = -1;
  let x1 = -1;
  let y0 = -1;
  let y1 = -1;
  for (let i = 0; i < data.length; i++) {
    const xv = data[i]![x];
    const yv = data[i]![y];
    if (!isNum(xv) || !isNum(yv)) continue;
    if (keep.size === 0) keep.add(i);
    if (x0 < 0 || xv < (data[x0]![x] as number)) x0 = i;
    if (x1 < 0 || xv > (data[x1]![x] as number)) x1 = i;
    if (y0 < 0 || yv < (data[y0]![y] as number)) y0 = i;
    if (y1 < 0 || yv > (data[y1]![y] as number)) y1 = i;
  }
  for (const i of [x0, x1, y0, y1]) if (i >= 0) keep.add(i);
  // the first datum is kept even if undefined: it decides the facet order and the description
  keep.add(0);
  return [...keep].sort((a, b) => a - b).map((i) => data[i]!);
}

/**
 * Replaces the data of every line cell by a few points per series; undefined if there is none.
 *
 * @example
 * ```ts
 * const lean = leanLineSpec(spec);
 * if (lean) runVegaOn(lean.spec);
 * ```
 */
export function leanLineSpec(spec: VegaLiteSpec): LeanLineSpec | undefined {
  const concat = (spec as { concat?: CellSpec[] }).concat;
  if (!Array.isArray(concat)) return undefined;
  const cells: LineCell[] = [];
  const lean = concat.map((cell, i) => {
    const lc = lineCell(cell, i);
    if (!lc) return cell;
    cells.push(lc);
    const values: Datum[] = [];
    for (const data of lc.series.values()) values.push(...placeholder(data, lc.x, lc.y));
    return { ...cell, data: { ...cell.data, values } };
  });
  return cells.length === 0 ? undefined : { spec: { ...spec, concat: lean } as VegaLiteSpec, cells };
}

interface SceneItem {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  strokeWidth?: number;
  strokeJoin?: string;
  strokeCap?: string;
  defined?: boolean;
  datum?: Datum;
  items?: SceneMark[];
}
interface SceneMark {
  marktype?: string;
  name?: string;
  clip?: unknown;
  /** The group item the mark is drawn in (its width and height are the clip's). */
  group?: SceneItem;
  items: SceneItem[];
}

/** Line marks named `name` in scene order. */
function findMarks(node: SceneMark | SceneItem, name: string, out: SceneMark[]): SceneMark[] {
  const mark = node as SceneMark;
  if (mark.marktype === 'line' && mark.name === name) {
    out.push(mark);
    return out;
  }
  for (const child of (node as { items?: Array<SceneMark | SceneItem> }).items ?? []) findMarks(child, name, out);
  return out;
}

/** A scale of the view, or undefined (Vega throws for unknown names). */
function scaleOf(view: { scale(name: string): unknown }, name: string): ((v: unknown) => number) | undefined {
  try {
    const s = view.scale(name);
    return typeof s === 'function' ? (s as (v: unknown) => number) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * d3-path's number format at Vega's 3 digits, `String(Math.round(v * 1e3) / 1e3)`, written from
 * the integer `Math.round(v * 1e3)`: the shortest decimal of a double nearest to k/1000 is k/1000
 * itself while |k| < 2^53 / 1e3 (doubles there are far denser than 0.001; pixel positions are),
 * and formatting integers is several times faster than formatting fractions (600000 numbers in
 * a figure of 100 traces). `spec/plot/line-items.spec.ts` checks it against `String`.
 */
export function formatMilli(v: number): string {
  let k = Math.round(v * 1000);
  if (!(Math.abs(k) < 2 ** 53 / 1000)) return String(k / 1000);
  if (k === 0) return '0'; // -0 too
  let sign = '';
  if (k < 0) {
    sign = '-';
    k = -k;
  }
  const whole = Math.floor(k / 1000);
  const frac = k - whole * 1000;
  if (frac === 0) return `${sign}${whole}`;
  if (frac % 100 === 0) return `${sign}${whole}.${frac / 100}`;
  if (frac % 10 === 0) return `${sign}${whole}.${frac < 100 ? '0' : ''}${frac / 10}`;
  return `${sign}${whole}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}`;
}

/**
 * How long lines' path data is written: thinned as matplotlib does, cut into pieces for resvg.
 *
 * @example
 * ```ts
 * const { svg } = renderSvg(spec, { width: 640, height: 480 }, { simplify: 1 / 27, split: 256 });
 * ```
 */
export interface LinePathOptions {
  /** Thin each run of points as matplotlib does before drawing (simplify-path.ts), threshold in SVG px. */
  simplify?: number;
  /**
   * Write a long line as pieces of at most this many segments, each its own `<path>` (the
   * pieces share their end points; round caps at a shared point cover what the round join
   * covered). resvg fills a path with one list of active edges, and a trace of thousands of
   * segments across the whole plot keeps that list long: 100 traces x 2000 segments rasterise
   * 15-25 % faster in pieces of 256 (README, bench/plot.ts), the pixels differing only where
   * the anti-aliased edges of two pieces overlap at a shared point.
   */
  split?: number;
  /**
   * Clip only the pieces that reach the edge of a clipped cell (for resvg): a line whose points
   * all lie half a stroke width and 1 px inside its cell needs no clip, and resvg draws a clip
   * as a mask the size of everything in the clipped group (~40 ms of a 1920 x 1440 figure's 75
   * for one trace across the plot). The pieces within are drawn outside the clipped group, those
   * that reach an edge (a trace's ends at the x limits, points beyond the y limits) inside it, so
   * the masks shrink to those pieces' bounds. Only for round or bevel joins (a miter reaches
   * further). The pixels differ from one clipped group only where two pieces overlap, as with
   * `split` (0.1 % of a cell's pixels, `spec/plot/line-items.spec.ts`), and by one level where an
   * unclipped piece, drawn without the group's layer, crosses a grey pixel (a grid line).
   */
  clipEdges?: boolean;
}

/** One `<path>` of a line: its path data, and whether it reaches the edge of its clipped cell. */
interface LinePiece {
  d: string;
  edge: boolean;
}

/** The area inside which a line's stroke cannot reach its clipped cell's edge: [inset, size - inset]. */
interface SafeArea {
  width: number;
  height: number;
  inset: number;
}

/**
 * The safe area of a line mark: its cell's size less half the stroke width and 1 px (resvg's
 * anti-aliased edge at zooms >= 1, as noop-clips.ts); undefined if the mark is not clipped or
 * its joins or caps may reach further than half the width (miter joins, square caps).
 */
function safeArea(mark: SceneMark, first: SceneItem): SafeArea | undefined {
  const g = mark.group;
  const sw = first.strokeWidth;
  if (mark.clip !== true || !g || !isNum(g.width) || !isNum(g.height) || !isNum(sw) || sw < 0) return undefined;
  if (first.strokeJoin !== 'round' && first.strokeJoin !== 'bevel') return undefined;
  if (first.strokeCap !== undefined && first.strokeCap !== 'round' && first.strokeCap !== 'butt') return undefined;
  return { width: g.width, height: g.height, inset: sw / 2 + 1 };
}

/**
 * The path data Vega writes for a line through `data` (d3's linear curve): a run of defined
 * points is `M x,y L x,y ...`, a run of one point `M x,yZ`; undefined points end a run. With
 * options, thinned and cut into pieces (one path data string each), see {@link LinePathOptions};
 * with a safe area, a piece never mixes segments within it and segments that leave it.
 */
function linePath(data: Datum[], cell: LineCell, sx: (v: unknown) => number, sy: (v: unknown) => number, opts: LinePathOptions, safe?: SafeArea): LinePiece[] {
  const pieces: LinePiece[] = [];
  let parts: string[] = [];
  // whether the current piece reaches the edge (undefined while it is empty)
  let kind: boolean | undefined;
  const split = opts.split !== undefined && opts.split >= 1 ? Math.floor(opts.split) : Infinity;
  const px: number[] = [];
  const py: number[] = [];
  const lo = safe?.inset ?? -Infinity;
  const inside = (i: number): boolean => !safe || (px[i]! >= lo && px[i]! <= safe.width - lo && py[i]! >= lo && py[i]! <= safe.height - lo);
  /** Ends the current piece if it is of the other kind (or `force`), starting the next at `prev`. */
  const into = (edge: boolean, force: boolean, prev?: string): void => {
    if (kind !== undefined && (kind !== edge || force)) {
      pieces.push({ d: parts.join(''), edge: kind });
      parts = prev === undefined ? [] : [`M${prev}`];
    }
    kind = edge;
  };
  const flush = (): void => {
    const n = px.length;
    if (n === 1) {
      into(!inside(0), false);
      parts.push(`M${formatMilli(px[0]!)},${formatMilli(py[0]!)}`, 'Z');
    } else if (n > 1) {
      const keep = opts.simplify === undefined || n < 3 ? undefined : simplifyPolyline(px, py, n, opts.simplify);
      const m = keep ? keep.length : n;
      let segments = 0;
      let prev = '';
      let prevInside = false;
      for (let j = 0; j < m; j++) {
        const i = keep ? keep[j]! : j;
        const at = `${formatMilli(px[i]!)},${formatMilli(py[i]!)}`;
        const here = inside(i);
        if (j === 0) {
          // the run's first segment decides which piece its first point starts
          const second = keep ? keep[1]! : 1;
          into(!(here && inside(second)), false);
          parts.push(`M${at}`);
        } else {
          const edge = !(here && prevInside);
          if (segments === split || edge !== kind) {
            into(edge, true, prev);
            segments = 0;
          }
          parts.push(`L${at}`);
          segments++;
        }
        prev = at;
        prevInside = here;
      }
    }
    px.length = 0;
    py.length = 0;
  };
  for (const d of data) {
    const xv = d[cell.x];
    const yv = d[cell.y];
    // Vega-Lite's `defined`: isValid(v) && isFinite(+v) for x and y
    if (!(xv != null && Number.isFinite(+(xv as number)) && yv != null && Number.isFinite(+(yv as number)))) {
      flush();
      continue;
    }
    // Vega's line reads `item.x || 0`
    px.push(sx(xv) || 0);
    py.push(sy(yv) || 0);
  }
  flush();
  pieces.push({ d: parts.join(''), edge: kind ?? false });
  return pieces;
}

/**
 * Prepares the line marks of the view's scene graph (after `view.run()`, before rendering) and
 * returns what completes the SVG Vega then writes: each mark is left with its first item, moved
 * to a position no figure has (so Vega writes a path `M<marker>,0Z` that cannot be confused
 * with another), and the function puts the path data of all points there, positioned by the
 * view's own scales (thinned and cut into pieces as `opts` asks). Undefined (nothing changed)
 * if the scene does not have the expected shape; the function answers undefined if a marker is
 * missing from the SVG.
 *
 * @example
 * ```ts
 * const finish = prepareLinePaths(view, lean);
 * const svg = finish?.(renderer.svg());
 * ```
 */
export function prepareLinePaths(
  view: { scale(name: string): unknown; scenegraph(): { root: unknown } },
  lean: LeanLineSpec,
  opts: LinePathOptions = {},
): ((svg: string) => string | undefined) | undefined {
  const root = view.scenegraph().root as SceneMark;
  const plans: Array<{ first: SceneItem; d: () => LinePiece[]; safe?: SafeArea }> = [];
  for (const cell of lean.cells) {
    const sx = scaleOf(view, `concat_${cell.index}_x`);
    const sy = scaleOf(view, `concat_${cell.index}_y`);
    if (!sx || !sy) return undefined;
    const marks = findMarks(root, `concat_${cell.index}_marks`, []);
    if (marks.length !== cell.series.size) return undefined;
    for (const mark of marks) {
      const first = mark.items[0];
      if (!first?.datum) return undefined;
      const data = cell.series.get(cell.detail === undefined ? undefined : first.datum[cell.detail]);
      // Vega-Lite may copy the values: the first point must be the series' first datum
      if (!data || data[0]![cell.x] !== first.datum[cell.x] || data[0]![cell.y] !== first.datum[cell.y]) return undefined;
      const safe = opts.clipEdges ? safeArea(mark, first) : undefined;
      plans.push({ first, d: () => linePath(data, cell, sx, sy, opts, safe), safe });
      mark.items = [first];
    }
  }
  const markers = plans.map((p, k) => {
    // a whole number far outside any figure: written as is, one per mark
    p.first.x = -1e12 - k;
    p.first.y = 0;
    p.first.defined = true;
    return `d="M${-1e12 - k},0Z"`;
  });
  return (svg) => {
    const out: string[] = [];
    let from = 0;
    for (let k = 0; k < plans.length; k++) {
      const at = svg.indexOf(markers[k]!, from);
      if (at < 0) return undefined;
      const { d, safe } = plans[k]!;
      const pieces = d();
      const end = at + markers[k]!.length;
      const unclipped = safe !== undefined && pieces.some((p) => !p.edge);
      if (pieces.length === 1 && !unclipped) {
        out.push(svg.slice(from, at), `d="${pieces[0]!.d}"`);
        from = end;
        continue;
      }
      // the other pieces: copies of the element (attribute values have '<' and '>' escaped),
      // without the accessibility attributes, which describe the whole line once
      const open = svg.lastIndexOf('<', at);
      const close = svg.indexOf('>', end);
      if (open < 0 || close < 0) return undefined;
      const first = svg.slice(open, at);
      const head = first.replace(/\s(?:aria-[a-z]+|role)="[^"]*"/g, '');
      const tail = svg.slice(end, close + 1);
      // pieces within the safe area leave the clipped group: its clip goes to groups around the others
      const clip = unclipped ? movableClip(svg, open) : undefined;
      out.push(clip ? `${svg.slice(from, clip.at)}${clip.tag}` : svg.slice(from, open));
      let inClip = false;
      pieces.forEach((p, i) => {
        const wrap = clip !== undefined && p.edge;
        if (wrap !== inClip) out.push(wrap ? `<g clip-path="url(#${clip.id})">` : '</g>');
        inClip = wrap;
        out.push(`${i === 0 ? first : head}d="${p.d}"${tail}`);
      });
      if (inClip) out.push('</g>');
      from = close + 1;
    }
    out.push(svg.slice(from));
    return out.join('');
  };
}

/**
 * The clipped group that holds the element at `open` as its first child (Vega's line mark
 * container), as `at`, its opening tag without the clip and the clip's id; undefined if the
 * element is not so placed.
 */
function movableClip(svg: string, open: number): { at: number; tag: string; id: string } | undefined {
  const at = svg.lastIndexOf('<g', open);
  if (at < 0 || svg.indexOf('>', at) !== open - 1) return undefined;
  const tag = svg.slice(at, open);
  const m = /\sclip-path="url\(#([^)"]+)\)"/.exec(tag);
  if (!m || !tag.includes('mark-line')) return undefined;
  return { at, tag: tag.replace(m[0], ''), id: m[1]! };
}
