/**
 * matplotlib's line simplification (`path.simplify: True`, `path.simplify_threshold: 1/9`),
 * ported from `PathSimplifier` in matplotlib's src/path_converters.h (Allan Haldane, Michael
 * Droettboom, Kevin Rose; matplotlib license, PSF-based/BSD-compatible). Consecutive segments are
 * merged into one vector while every point stays within `threshold` (perpendicular distance, in
 * device pixels) of the line along the first segment's direction; the run is drawn to its
 * furthest point forward, and also to its furthest point backward if it turned back, so spike
 * tips and troughs survive. matplotlib applies it to every line before drawing; here it keeps a
 * line of thousands of samples to as many segments as can be seen, which is what resvg spends
 * its time stroking.
 *
 * Every output point is an input point. A dropped point lies within `threshold` of the line
 * through the start of its run along the run's first direction; the drawn segment itself may sit
 * up to `threshold` on the other side, so a dropped point is within `2 * threshold` of the drawn
 * polyline (2/9 px at matplotlib's default).
 * @packageDocumentation
 */

/** matplotlib's default `path.simplify_threshold`, in device pixels. */
export const SIMPLIFY_THRESHOLD = 1 / 9;

/**
 * Indices of the points to draw for the polyline `(x[i], y[i])`, `i < n` (device pixels, all
 * finite), in drawing order: the first is where the line starts, the rest are line-to points.
 * An index may repeat (matplotlib draws back to the last point of a merged run). Runs of fewer
 * than three points come back unchanged.
 *
 * @example
 * ```ts
 * simplifyPolyline([0, 1, 2, 3], [0, 0, 0, 0], 4);   // Int32Array [0, 3, 3]: one segment
 * ```
 */
export function simplifyPolyline(x: ArrayLike<number>, y: ArrayLike<number>, n: number = x.length, threshold: number = SIMPLIFY_THRESHOLD): Int32Array {
  if (!(threshold >= 0)) throw new Error(`simplifyPolyline: threshold must be a number >= 0 (device pixels), got ${threshold}`);
  if (n < 3) return Int32Array.from({ length: Math.max(0, n) }, (_, i) => i);
  const thr2 = threshold * threshold;
  const out = new Int32Array(n * 2 + 2); // each input point is written at most twice
  let len = 0;
  // the state of matplotlib's PathSimplifier, with points held as indices
  let last = 0; // the previous input point
  let origDx = 0;
  let origDy = 0;
  let origNorm2 = 0; // 0: no direction vector yet
  let fwdMax = 0;
  let bwdMax = 0;
  let lastFwd = false;
  let lastBwd = false;
  let next = 0; // furthest point forward
  let nextBwd = 0; // furthest point backward
  let start = 0; // start of the current vector
  let moved = false; // the move-to has been written
  for (let i = 1; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (origNorm2 === 0) {
      if (!moved) {
        out[len++] = last;
        moved = true;
      }
      origDx = xi - x[last]!;
      origDy = yi - y[last]!;
      origNorm2 = origDx * origDx + origDy * origDy;
      fwdMax = origNorm2;
      bwdMax = 0;
      lastFwd = true;
      lastBwd = false;
      start = last;
      next = last = i;
      continue;
    }
    const totDx = xi - x[start]!;
    const totDy = yi - y[start]!;
    const totDot = origDx * totDx + origDy * totDy;
    const paraDx = (totDot * origDx) / origNorm2;
    const paraDy = (totDot * origDy) / origNorm2;
    const perpDx = totDx - paraDx;
    const perpDy = totDy - paraDy;
    if (perpDx * perpDx + perpDy * perpDy < thr2) {
      // merge: remember the furthest point in either direction along the vector
      const paraNorm2 = paraDx * paraDx + paraDy * paraDy;
      lastFwd = false;
      lastBwd = false;
      if (totDot > 0) {
        if (paraNorm2 > fwdMax) {
          lastFwd = true;
          fwdMax = paraNorm2;
          next = i;
        }
      } else if (paraNorm2 > bwdMax) {
        lastBwd = true;
        bwdMax = paraNorm2;
        nextBwd = i;
      }
      last = i;
      continue;
    }
    // too far off the vector: draw the merged run and start a new vector at this point
    if (bwdMax > 0) {
      if (lastFwd) {
        out[len++] = nextBwd;
        out[len++] = next;
      } else {
        out[len++] = next;
        out[len++] = nextBwd;
      }
    } else {
      out[len++] = next;
    }
    if (!lastFwd && !lastBwd) out[len++] = last;
    origDx = xi - x[last]!;
    origDy = yi - y[last]!;
    origNorm2 = origDx * origDx + origDy * origDy;
    fwdMax = origNorm2;
    lastFwd = true;
    start = out[len - 1]!;
    last = next = i;
    bwdMax = 0;
    lastBwd = false;
  }
  if (origNorm2 !== 0) {
    out[len++] = next;
    if (bwdMax > 0) out[len++] = nextBwd;
  }
  out[len++] = last;
  return out.slice(0, len);
}
