import { expect } from 'chai';
import { Cmap, createCm, toRgba } from '../../../src/experiment/extra/cmap.js';

function close(a: number[], b: number[], tol: number): void {
  a.forEach((x, i) => expect(x, `component ${i}`).to.be.closeTo(b[i]!, tol));
}

describe('experiment/extra/cmap', () => {
  it('Cmap: matplotlib viridis at the ends and middle (within 8-bit rounding), value range rescaled', () => {
    const c = new Cmap('viridis', 0, 10);
    // matplotlib: viridis(0.0), viridis(0.5), viridis(1.0)
    close(c.call(0), [0.267004, 0.004874, 0.329415, 1], 0.002);
    close(c.call(5), [0.127568, 0.566949, 0.550556, 1], 0.002);
    close(c.call(10), [0.993248, 0.906157, 0.143936, 1], 0.002);
    expect(c.call(10, 0.3)[3]).to.equal(0.3);
    expect(c.call(20)).to.deep.equal(c.call(10)); // over -> last entry
    expect(c.getRgb(NaN)).to.deep.equal([0, 0, 0, 0]); // bad -> transparent
    expect(() => new Cmap('jet', 0, 1)).to.throw(/unknown colormap 'jet'/);
  });

  it('createCm: linear segments on an N-entry table, int(x*N) lookup', () => {
    const cm = createCm(['blue', 'red'], { N: 3 });
    expect(cm(0)).to.deep.equal([0, 0, 1, 1]);
    expect(cm(0.5)).to.deep.equal([0.5, 0, 0.5, 1]); // 0.5*3 = 1.5 -> entry 1 = midpoint
    expect(cm(1)).to.deep.equal([1, 0, 0, 1]);
    // value/colour pairs, 0..255 numbers, 3 numbers get alpha = gamma (quirk kept)
    const pairs = createCm([[0.5, [255, 0, 0]], [1, 'w']], { N: 5 });
    expect(pairs(0)).to.deep.equal([1, 0, 0, 1]); // colour at the smallest value repeated at 0
    expect(pairs(0.75)).to.deep.equal([1, 0.5, 0.5, 1]); // 0.75*5 = 3.75 -> entry 3 at x = 0.75
    const rescaled = createCm(['k', 'w'], { N: 2, vmin: -1, vmax: 1 });
    expect(rescaled(-1)).to.deep.equal([0, 0, 0, 1]);
    expect(rescaled(1)).to.deep.equal([1, 1, 1, 1]);
    expect(toRgba('g')).to.deep.equal([0, 0.5, 0, 1]); // matplotlib's 'g', not CSS green
    expect(() => createCm([[1, 2]] as unknown as string[])).to.throw(/3 \(rgb\) or 4 \(rgba\)/);
  });
});
