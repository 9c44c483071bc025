import { expect } from 'chai';
import { increasingAttr } from '../../operators/increasing-attr.js';
import { testNetwork } from '../stream/test-network.js';

describe('operators/increasingAttr', () => {
  it('attrList [v0, v0 + dv, ...] and one value per step', () => {
    const { pops } = testNetwork(['a']);
    const info = increasingAttr({ pop: pops[0]!, attr: 'I_app', v0: 2, dv: -1, nrSteps: 3, durStep: 0.1 });
    expect(info.attrList).to.deep.equal([2, 1, 0]);
    expect(Array.from(info.vArr)).to.deep.equal([2, 1, 0]);
    expect((pops[0]!.v as Float64Array)[0]).to.be.closeTo(0.3, 1e-12);
  });

  it('rejects a durStep that is not a multiple of dt', () => {
    const { pops } = testNetwork(['a']);
    expect(() => increasingAttr({ pop: pops[0]!, attr: 'I_app', v0: 2, dv: -1, nrSteps: 3, durStep: 0.25 })).to.throw('increasingAttr: durStep = 0.25 ms is not a multiple of the time step dt = 0.1 ms');
  });
});
