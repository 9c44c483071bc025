import { expect } from 'chai';
import { allToAll } from '../../../src/engine/connectors/all-to-all.js';
import { oneToOne } from '../../../src/engine/connectors/one-to-one.js';
import { fromMatrix } from '../../../src/engine/connectors/from-matrix.js';
import { fromSparse } from '../../../src/engine/connectors/from-sparse.js';
import { gaussian, normalizedCoordinates } from '../../../src/engine/connectors/gaussian.js';
import { dog } from '../../../src/engine/connectors/dog.js';
import { LILConnectivity, type ConnectorEndpoint } from '../../../src/engine/connectors/lil-connectivity.js';

function ep(geometry: number[], population: object = {}): ConnectorEndpoint {
  const size = geometry.reduce((a, b) => a * b, 1);
  return { size, geometry, ranks: Array.from({ length: size }, (_, i) => i), population };
}

describe('engine/connectors: deterministic patterns', () => {
  it('allToAll excludes self connections only within one population', () => {
    const p = {};
    const same = allToAll(ep([3], p), ep([3], p), { weights: 2 }, undefined);
    expect(same.preRanks).to.deep.equal([[1, 2], [0, 2], [0, 1]]);
    expect(same.w).to.deep.equal([[2, 2], [2, 2], [2, 2]]);
    const allowed = allToAll(ep([2], p), ep([2], p), { weights: 1, allowSelfConnections: true }, undefined);
    expect(allowed.preRanks).to.deep.equal([[0, 1], [0, 1]]);
    const other = allToAll(ep([2]), ep([2]), { weights: 1 }, undefined);
    expect(other.preRanks).to.deep.equal([[0, 1], [0, 1]]);
  });

  it('oneToOne stops at the smaller population', () => {
    const lil = oneToOne(ep([2]), ep([3]), { weights: 0.5, delays: 1.5 }, undefined);
    expect(lil.postRanks).to.deep.equal([0, 1]);
    expect(lil.preRanks).to.deep.equal([[0], [1]]);
    expect(lil.delays).to.deep.equal([[1.5], [1.5]]);
  });

  it('fromMatrix reads [post][pre] (or [pre][post]) and skips null entries and empty rows', () => {
    const lil = fromMatrix(ep([3]), ep([3]), { weights: [[null, 1, 2], [null, null, null], [3, null, 4]] });
    expect(lil.postRanks).to.deep.equal([0, 2]);
    expect(lil.preRanks).to.deep.equal([[1, 2], [0, 2]]);
    expect(lil.w).to.deep.equal([[1, 2], [3, 4]]);
    const t = fromMatrix(ep([2]), ep([3]), { weights: [[1, null, 2], [3, 4, null]], prePost: true });
    expect(t.preRanks).to.deep.equal([[0, 1], [1], [0]]);
    expect(t.w).to.deep.equal([[1, 3], [4], [2]]);
    expect(() => fromMatrix(ep([2]), ep([3]), { weights: [[1, 2]] })).to.throw(/expected \(3, 2\)/);
  });

  it('fromSparse takes [pre, post] coordinates or lists, columns become dendrites', () => {
    const a = fromSparse(ep([3]), ep([2]), { weights: { rows: [2, 0, 1], cols: [1, 1, 0], values: [0.3, 0.1, 0.2] }, delays: 2 });
    expect(a.postRanks).to.deep.equal([0, 1]);
    expect(a.preRanks).to.deep.equal([[1], [0, 2]]);
    expect(a.w).to.deep.equal([[0.2], [0.1, 0.3]]);
    expect(a.delays).to.deep.equal([[2], [2, 2]]);
    const b = fromSparse(ep([2]), ep([2]), { weights: [[0, 5], [6, null]] });
    expect(b.preRanks).to.deep.equal([[1], [0]]);
    expect(() => fromSparse(ep([2]), ep([2]), { weights: { rows: [5], cols: [0], values: [1] } })).to.throw(/out of range/);
  });

  it('gaussian uses normalised coordinates and single precision', () => {
    const p = {};
    const lil = gaussian(ep([3], p), ep([3], p), { amp: 1.0, sigma: 0.5 }, undefined);
    const f = Math.fround;
    // post 0 at x = 0: pre 1 at 0.5 (d2 = 0.25), pre 2 at 1 (d2 = 1); itself excluded
    expect(lil.preRanks[0]).to.deep.equal([1, 2]);
    expect(lil.w[0]).to.deep.equal([f(Math.exp(-0.25 / 0.5)), f(Math.exp(-1 / 0.5))]);
    // 2-D coordinates are row-major: rank 5 of (2, 3) is (1, 2) -> (1, 1)
    expect(normalizedCoordinates(5, [2, 3])).to.deep.equal([1, 1]);
    expect(normalizedCoordinates(1, [2, 3])).to.deep.equal([0, 0.5]);
    // limit: w > limit * amp
    const narrow = gaussian(ep([3]), ep([3]), { amp: 2.0, sigma: 0.1, limit: 0.01 }, undefined);
    expect(narrow.preRanks).to.deep.equal([[0], [1], [2]]);
  });

  it('dog keeps |w| > limit * |ampPos - ampNeg|', () => {
    const lil = dog(ep([3]), ep([1]), { ampPos: 1.0, sigmaPos: 0.5, ampNeg: 0.5, sigmaNeg: 1.0 }, undefined);
    const f = Math.fround;
    const v = (d2: number) => f(Math.exp(-d2 / 0.5) - 0.5 * Math.exp(-d2 / 2));
    // post size 1: its coordinate is 0
    expect(lil.preRanks).to.deep.equal([[0, 1, 2]]);
    expect(lil.w[0]).to.deep.equal([v(0), v(0.25), v(1)]);
  });

  it('LILConnectivity broadcasts one weight and rejects mismatched lengths', () => {
    const l = new LILConnectivity();
    l.add(3, [0, 1, 2], 0.5, 1.0);
    l.add(1, [], 1);
    expect(l.postRanks).to.deep.equal([3]);
    expect(l.w).to.deep.equal([[0.5, 0.5, 0.5]]);
    expect(l.nbSynapses).to.equal(3);
    expect(() => l.add(4, [0, 1], [1, 2, 3])).to.throw(/2 synapses but 3 weights/);
    expect(() => l.add(3, [0], 1)).to.throw(/already added/);
  });
});
