import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { SIMPLIFY_THRESHOLD, simplifyPolyline } from '../../src/plot/simplify-path.js';

interface Case {
  x: number[];
  y: number[];
  /** matplotlib's output: [code (1 MOVETO, 2 LINETO), x, y] */
  out: Array<[number, number, number]>;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/plot/simplify-matplotlib.json', import.meta.url), 'utf8')) as {
  matplotlib: string;
  threshold: number;
  cases: Record<string, Case>;
};

/** Distance from (px, py) to the polyline through the kept indices. */
function distanceToPolyline(px: number, py: number, x: number[], y: number[], keep: Int32Array): number {
  let best = Infinity;
  for (let j = 1; j < keep.length; j++) {
    const ax = x[keep[j - 1]!]!, ay = y[keep[j - 1]!]!, bx = x[keep[j]!]!, by = y[keep[j]!]!;
    const dx = bx - ax, dy = by - ay;
    const l2 = dx * dx + dy * dy;
    const s = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
    best = Math.min(best, Math.hypot(px - ax - s * dx, py - ay - s * dy));
  }
  return best;
}

describe('plot/simplify-path', () => {
  it("keeps the points matplotlib's PathSimplifier keeps (Path.cleaned(simplify=True), matplotlib " + fixture.matplotlib + ')', () => {
    expect(fixture.threshold).to.be.closeTo(SIMPLIFY_THRESHOLD, 1e-12);
    for (const [name, c] of Object.entries(fixture.cases)) {
      const keep = simplifyPolyline(c.x, c.y);
      const ours = [...keep].map((i, j) => [j === 0 ? 1 : 2, c.x[i]!, c.y[i]!]);
      expect(ours, name).to.deep.equal(c.out);
    }
  });

  it('collapses collinear points to one segment', () => {
    const x = Array.from({ length: 50 }, (_, i) => i * 0.7);
    const y = x.map((v) => 3 - 2 * v);
    expect([...simplifyPolyline(x, y)]).to.deep.equal([0, 49, 49]);
  });

  it("keeps a spike's tip and both feet, and the turning point of a line that doubles back", () => {
    const x = Array.from({ length: 21 }, (_, i) => i);
    const y = x.map((i) => (i === 10 ? -500 : 0));
    const keep = [...simplifyPolyline(x, y)];
    expect(keep).to.include.members([0, 9, 10, 11, 20]);
    // out to x = 10 and back to x = 2 on the same line: both ends drawn
    expect([...simplifyPolyline([0, 5, 10, 6, 2], [0, 0, 0, 0, 0])]).to.include.members([0, 2, 4]);
  });

  it('leaves every dropped point within 2 x threshold of the drawn line (noisy traces, three thresholds)', () => {
    let seed = 99;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 2147483648;
    for (const threshold of [SIMPLIFY_THRESHOLD, 0.5, 2]) {
      for (const step of [0.02, 0.3, 3]) {
        const n = 1000;
        const x = Array.from({ length: n }, (_, i) => i * 0.58);
        const y: number[] = [];
        for (let i = 0, v = 0; i < n; i++) y.push((v += step * (rand() - 0.5)));
        const keep = simplifyPolyline(x, y, n, threshold);
        expect(keep[0]).to.equal(0);
        expect(keep[keep.length - 1]).to.equal(n - 1);
        let worst = 0;
        for (let i = 0; i < n; i++) worst = Math.max(worst, distanceToPolyline(x[i]!, y[i]!, x, y, keep));
        expect(worst, `threshold ${threshold}, step ${step}`).to.be.at.most(2 * threshold + 1e-9);
        if (step === 0.02) expect(keep.length).to.be.below(n / 4);
      }
    }
  });

  it('returns runs of fewer than three points unchanged and rejects a negative threshold', () => {
    expect([...simplifyPolyline([1, 2], [3, 4])]).to.deep.equal([0, 1]);
    expect([...simplifyPolyline([1], [3])]).to.deep.equal([0]);
    expect(() => simplifyPolyline([0, 1, 2], [0, 1, 2], 3, -1)).to.throw(/threshold must be a number >= 0/);
  });
});
