import { expect } from 'chai';
import { attrRamp } from '../../operators/attr-ramp.js';
import { testNetwork } from '../stream/test-network.js';

describe('operators/attrRamp', () => {
  it('dv = (v1 - v0)/(n - 1), durStim = dur/n, restored afterwards', () => {
    const { net, pops } = testNetwork(['a']);
    const info = attrRamp({ pop: pops[0]!, attr: 'E_L', v0: -70, v1: -60, dur: 1, n: 5 });
    expect(info.dv).to.equal(2.5);
    expect(info.durStim).to.equal(0.2);
    expect(Array.from(info.vArr)).to.deep.equal([-70, -70, -67.5, -67.5, -65, -65, -62.5, -62.5, -60, -60]);
    expect(net.getCurrentStep()).to.equal(10);
    expect(pops[0]!.E_L).to.equal(-70);
  });

  it("keeps CompNeuroPy's message (it says current_ramp for attributes too)", () => {
    const { pops } = testNetwork(['a']);
    expect(() => attrRamp({ pop: pops[0]!, attr: 'E_L', v0: 0, v1: 1, dur: 1, n: 3 })).to.throw(
      'ERROR current_ramp: dur/n should result in a duration (for a single stimulation) which is divisible by the simulation time step (without remainder)\ncurrent duration = 0.3333333333333333, timestep = 0.1!\n',
    );
  });
});
