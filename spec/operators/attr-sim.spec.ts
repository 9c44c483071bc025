import { expect } from 'chai';
import { attrSim } from '../../operators/attr-sim.js';
import { testNetwork } from '../stream/test-network.js';

describe('operators/attrSim', () => {
  it('sets several attributes for t ms, restores them, returns { attr: [value] * round(t/dt) }', () => {
    const { net, pops } = testNetwork(['a']);
    const seen: number[] = [];
    const info = attrSim({ pop: pops[0]!, attrDict: { I_app: 4, E_L: -60 }, t: 0.3 });
    seen.push(pops[0]!.E_L as number);
    expect(info).to.deep.equal({ I_app: [4, 4, 4], E_L: [-60, -60, -60] });
    expect(seen).to.deep.equal([-70]);
    expect((pops[0]!.v as Float64Array)[0]).to.be.closeTo(1.2, 1e-12);
    expect(net.getCurrentStep()).to.equal(3);
  });

  it('names the population and the attribute in errors', () => {
    const { pops } = testNetwork(['a']);
    expect(() => attrSim({ pop: pops[0]!, attrDict: { g_L: 1 }, t: 1 })).to.throw('attrSim: population "a" has no attribute "g_L"; attributes: I_app, E_L, inp, v, r');
  });
});
