import { expect } from 'chai';
import { CSRBuilder, csrFromLIL, isCSR } from '../../../src/engine/connectors/csr-connectivity.js';
import { LILConnectivity } from '../../../src/engine/connectors/lil-connectivity.js';

describe('engine/connectors: compressed rows built without an object per row', () => {
  it('keeps one weight while all rows agree, then stores one per synapse (earlier rows filled in)', () => {
    const b = new CSRBuilder(2);
    b.addRow(4, Int32Array.of(0, 2, 9), 2, 0.5, 1.0);
    b.addRow(5, Int32Array.of(1), 1, 0.5, 1.0);
    b.addRow(6, Int32Array.of(3, 7, 8), 0, 0.5, 1.0); // an empty row is not stored
    let c = b.finish();
    expect(Array.from(c.postRanks)).to.deep.equal([4, 5]);
    expect(Array.from(c.rowPtr)).to.deep.equal([0, 2, 3]);
    expect(Array.from(c.preRanks)).to.deep.equal([0, 2, 1]);
    expect(c.w).to.equal(0.5);
    expect(c.delays).to.equal(1.0);
    expect(c.delaysPerSynapse).to.equal(false);
    b.addRow(7, Int32Array.of(3, 4), 2, 0.25, Float64Array.of(2, 3));
    c = b.finish();
    expect(Array.from(c.w as Float64Array)).to.deep.equal([0.5, 0.5, 0.5, 0.25, 0.25]);
    expect(Array.from(c.delays as Float64Array)).to.deep.equal([1, 1, 1, 2, 3]);
    expect(c.delaysPerSynapse).to.equal(true);
  });

  it('tells -0 from 0 when deciding that a weight is shared', () => {
    const b = new CSRBuilder();
    b.addRow(0, Int32Array.of(1), 1, 0, 0);
    b.addRow(1, Int32Array.of(1), 1, -0, 0);
    expect(Object.is((b.finish().w as Float64Array)[1], -0)).to.equal(true);
  });

  it('converts a LILConnectivity row for row, keeping its per-synapse delay flag', () => {
    const l = new LILConnectivity();
    l.add(2, [0, 1], [0.1, 0.2], 1.0);
    l.add(0, [3], 0.5, [2.0]);
    const c = csrFromLIL(l);
    expect(isCSR(c)).to.equal(true);
    expect(isCSR(l)).to.equal(false);
    expect(Array.from(c.postRanks)).to.deep.equal([2, 0]);
    expect(Array.from(c.preRanks)).to.deep.equal([0, 1, 3]);
    expect(Array.from(c.w as Float64Array)).to.deep.equal([0.1, 0.2, 0.5]);
    expect(c.delaysPerSynapse).to.equal(false);
  });
});
