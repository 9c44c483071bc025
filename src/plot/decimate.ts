/**
 * Decimation of long traces for drawing (M4: first, min, max and last sample of every
 * pixel-column bucket, in their original order). A line through the kept samples rasterises
 * like the full trace, so every spike peak and trough stays visible; plain subsampling would
 * drop them. The recorded data is never modified.
 */

/** Marker in {@link decimateM4}'s output: the line breaks here (NaN gap). */
export const BREAK = -1;

/**
 * Indices of the samples to draw, in order, with `BREAK` (-1) where NaN values interrupt the
 * line. `x` must be non-decreasing; `[x0, x1]` is split into `buckets` equal columns.
 *
 * @example
 * ```ts
 * const keep = decimateM4(t, v, { x0: 0, x1: 1000, buckets: 1600 });
 * ```
 */
export function decimateM4(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  opts: { x0: number; x1: number; buckets: number },
): Int32Array {
  const n = x.length;
  const { x0, x1 } = opts;
  const buckets = Math.max(1, Math.floor(opts.buckets));
  const out = new Int32Array(Math.min(n * 2 + 2, buckets * 4 + 4 + n)); // grown below if needed
  let buf = out;
  let len = 0;
  const push = (v: number): void => {
    if (len === buf.length) {
      const g = new Int32Array(buf.length * 2 + 16);
      g.set(buf);
      buf = g;
    }
    buf[len++] = v;
  };
  const span = x1 - x0;
  const scale = span > 0 ? buckets / span : 0;
  let cur = -2;
  let first = -1;
  let last = -1;
  let iMin = -1;
  let iMax = -1;
  let open = false; // a run of finite values is in progress
  const flush = (): void => {
    if (first < 0) return;
    const a = [first, iMin, iMax, last].sort((p, q) => p - q);
    let prev = -1;
    for (const i of a) {
      if (i !== prev) push(i);
      prev = i;
    }
    first = -1;
  };
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    if (Number.isNaN(yi)) {
      if (open) {
        flush();
        push(BREAK);
        open = false;
        cur = -2;
      }
      continue;
    }
    open = true;
    let b = Math.floor((x[i]! - x0) * scale);
    if (b < 0) b = 0;
    else if (b >= buckets) b = buckets - 1;
    if (b !== cur) {
      flush();
      cur = b;
      first = last = iMin = iMax = i;
    } else {
      last = i;
      if (yi < y[iMin]!) iMin = i;
      if (yi > y[iMax]!) iMax = i;
    }
  }
  flush();
  // a trailing break carries no information
  if (len > 0 && buf[len - 1] === BREAK) len--;
  return buf.slice(0, len);
}
