/**
 * CompNeuroPy's colour maps: `Cmap(cmap_name, vmin, vmax)` (a named matplotlib colormap with a
 * value range) and `create_cm(colors, ...)` (a linear segmented colormap from colours).
 * Lookups follow matplotlib: an N-entry table, `int(x * N)` with 1.0 mapped to the last entry,
 * values below 0 / above 1 clamped to the ends, NaN transparent black.
 * @packageDocumentation
 */
import { color as parseColor } from 'd3-color';
import { interpolateCividis, interpolateInferno, interpolateMagma, interpolatePlasma, interpolateViridis } from 'd3-scale-chromatic';

/** An RGBA colour, each component in [0, 1]. */
export type RGBA = [number, number, number, number];

/** A colormap: value -> RGBA (alpha replaced when given). */
export interface Colormap {
  (x: number, alpha?: number): RGBA;
  /** Number of table entries. */
  readonly N: number;
  readonly name: string;
}

// matplotlib's perceptually uniform maps; d3 ships the same 256-entry tables (8-bit rounded).
const NAMED: Record<string, (t: number) => string> = {
  viridis: interpolateViridis,
  magma: interpolateMagma,
  inferno: interpolateInferno,
  plasma: interpolatePlasma,
  cividis: interpolateCividis,
};

// matplotlib's single-letter colours (not CSS).
const BASE: Record<string, RGBA> = {
  b: [0, 0, 1, 1], g: [0, 0.5, 0, 1], r: [1, 0, 0, 1], c: [0, 0.75, 0.75, 1],
  m: [0.75, 0, 0.75, 1], y: [0.75, 0.75, 0, 1], k: [0, 0, 0, 1], w: [1, 1, 1, 1],
};

/**
 * A colour name (matplotlib single letters, CSS/X11 names, `#rrggbb`) as RGBA in [0, 1].
 *
 * @example
 * ```ts
 * toRgba('red'); // [1, 0, 0, 1]
 * ```
 */
export function toRgba(name: string): RGBA {
  const base = BASE[name];
  if (base) return [...base];
  const c = parseColor(name)?.rgb();
  if (!c) throw new Error(`toRgba: unknown colour name '${name}'`);
  return [c.r / 255, c.g / 255, c.b / 255, c.opacity];
}

function lookup(lut: readonly RGBA[], x: number, alpha: number | undefined): RGBA {
  const n = lut.length;
  let out: RGBA;
  if (Number.isNaN(x)) out = [0, 0, 0, 0];
  else {
    let xa = x * n;
    if (xa === n) xa = n - 1;
    const i = xa < 0 ? 0 : xa >= n ? n - 1 : Math.trunc(xa);
    out = [...lut[i]!];
  }
  if (alpha !== undefined) out[3] = alpha;
  return out;
}

function makeColormap(name: string, lut: RGBA[], rescale: (x: number) => number): Colormap {
  const f = ((x: number, alpha?: number) => lookup(lut, rescale(x), alpha)) as Colormap;
  Object.defineProperty(f, 'N', { value: lut.length });
  Object.defineProperty(f, 'name', { value: name });
  return f;
}

/**
 * A named colormap over the value range [vmin, vmax] (CompNeuroPy's `Cmap`): `cmap(x)` gives
 * RGBA with alpha 1, `cmap(x, alpha)` with that alpha, `cmap.getRgb(x)` the map's own RGBA.
 * Names: viridis, magma, inferno, plasma, cividis.
 *
 * @example
 * ```ts
 * const cmap = new Cmap('viridis', 0, 10);
 * cmap.call(10);        // [0.992, 0.906, 0.145, 1] (viridis' last entry)
 * ```
 */
export class Cmap {
  private readonly map: Colormap;

  constructor(readonly cmapName: string, readonly vmin: number, readonly vmax: number) {
    const interp = NAMED[cmapName];
    if (!interp) throw new Error(`Cmap: unknown colormap '${cmapName}' (available: ${Object.keys(NAMED).join(', ')}; or use createCm)`);
    const lut: RGBA[] = [];
    for (let i = 0; i < 256; i++) lut.push(toRgba(interp((i + 0.5) / 256)));
    // matplotlib's Normalize: (x - vmin) / (vmax - vmin), 0 when vmin == vmax.
    const norm = (x: number): number => (vmax === vmin ? 0 : (x - vmin) / (vmax - vmin));
    this.map = makeColormap(cmapName, lut, norm);
  }

  /** RGBA at value `x` with the given alpha (default 1). */
  call(x: number, alpha = 1): RGBA {
    return this.map(x, alpha);
  }

  /** RGBA at value `x` as the colormap gives it. */
  getRgb(x: number): RGBA {
    return this.map(x);
  }
}

/** A colour: a name, or 3 (RGB, alpha = gamma) or 4 (RGBA) numbers in 0..1 or 0..255. */
export type ColorSpec = string | readonly number[];

/** Options of {@link createCm}. */
export interface CreateCmOptions {
  name?: string;
  /** Number of table entries (default 256). */
  N?: number;
  /** Gamma of the table positions (default 1); also the alpha of 3-number colours (quirk kept). */
  gamma?: number;
  vmin?: number;
  vmax?: number;
}

function isPair(c: unknown): c is readonly [number, ColorSpec] {
  return Array.isArray(c) && c.length === 2 && typeof c[0] === 'number' && (typeof c[1] === 'string' || Array.isArray(c[1]));
}

/**
 * A linear segmented colormap from colours (CompNeuroPy's `create_cm`): colours spread evenly
 * over [0, 1], or `[value, colour]` pairs (the end colours are repeated to 0 and 1 when those
 * are missing). Values in [vmin, vmax] are rescaled to [0, 1] first.
 *
 * @example
 * ```ts
 * const cm = createCm(['blue', 'red'], { N: 2 });
 * cm(0); // [0, 0, 1, 1]
 * cm(1); // [1, 0, 0, 1]
 * ```
 */
export function createCm(colors: readonly (ColorSpec | readonly [number, ColorSpec])[], options: CreateCmOptions = {}): Colormap {
  const { name = 'my_cmap', N = 256, gamma = 1.0, vmin = 0, vmax = 1 } = options;
  if (!Array.isArray(colors) || colors.length === 0) throw new Error('colors must be iterable');
  if (!Number.isInteger(N) || N < 2) throw new Error(`createCm: N must be an integer >= 2, got ${String(N)}`);
  let vals: number[];
  let cols: ColorSpec[];
  if (isPair(colors[0])) {
    const pairs = colors as readonly (readonly [number, ColorSpec])[];
    vals = pairs.map((p) => p[0]);
    cols = pairs.map((p) => p[1]);
    const iMin = vals.indexOf(Math.min(...vals));
    const iMax = vals.indexOf(Math.max(...vals));
    if (vals[iMin] !== 0) {
      cols = [cols[iMin]!, ...cols];
      vals = [0, ...vals];
    }
    if (Math.max(...vals) !== 1) {
      cols = [...cols, cols[iMax + (vals.length - pairs.length)]!];
      vals = [...vals, 1];
    }
  } else {
    cols = colors as ColorSpec[];
    vals = cols.map((_, i) => (cols.length === 1 ? 0 : i / (cols.length - 1)));
  }
  const order = vals.map((_, i) => i).sort((a, b) => vals[a]! - vals[b]!);
  const x = order.map((i) => vals[i]!);
  const rgba: RGBA[] = order.map((i) => {
    const c = cols[i]!;
    if (typeof c === 'string') return toRgba(c);
    if (c.length !== 3 && c.length !== 4) throw new Error('colors must be names or consist of 3 (rgb) or 4 (rgba) numbers');
    const v = c.map(Number);
    if (Math.max(...v) > 1) for (let k = 0; k < 3; k++) v[k]! /= 255;
    return (v.length === 4 ? v : [...v, gamma]) as RGBA;
  });
  if (x[0] !== 0 || x[x.length - 1] !== 1) throw new Error('createCm: the values must span 0 to 1');
  // matplotlib's _create_lookup_table per channel, positions linspace(0, 1, N) ** gamma.
  const lut: RGBA[] = [];
  for (let i = 0; i < N; i++) {
    const xi = (i / (N - 1)) ** gamma;
    const entry = [0, 0, 0, 0] as RGBA;
    for (let ch = 0; ch < 4; ch++) {
      if (i === 0) entry[ch] = rgba[0]![ch]!;
      else if (i === N - 1) entry[ch] = rgba[rgba.length - 1]![ch]!;
      else {
        let k = 0;
        while (k < x.length && x[k]! < xi) k++; // np.searchsorted (left)
        const d = (xi - x[k - 1]!) / (x[k]! - x[k - 1]!);
        entry[ch] = d * (rgba[k]![ch]! - rgba[k - 1]![ch]!) + rgba[k - 1]![ch]!;
      }
      entry[ch] = Math.min(Math.max(entry[ch], 0), 1);
    }
    lut.push(entry);
  }
  const rescale = vmin !== 0 || vmax !== 1 ? (v: number) => (v - vmin) / (vmax - vmin) : (v: number) => v;
  return makeColormap(name, lut, rescale);
}
