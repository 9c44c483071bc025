import { expect } from 'chai';
import { currentStim, currentStim$ } from '../../operators/current-stim.js';
import { testNetwork } from '../stream/test-network.js';
import { inputsPerStep } from './protocol-helpers.js';

describe('operators/currentStim', () => {
  it('holds I_app = a for t ms and returns the per-step array (not a dict)', () => {
    const { net, pops } = testNetwork(['a']);
    const arr = currentStim({ pop: pops[0]!, t: 0.4, a: 2 });
    expect(arr).to.be.instanceOf(Float64Array);
    expect(Array.from(arr)).to.deep.equal([2, 2, 2, 2]);
    expect(net.getCurrentStep()).to.equal(4);
  });

  it('as an operator: a then the restored value', async () => {
    const { net, pops } = testNetwork(['a']);
    pops[0]!.I_app = [3, 3];
    expect(await inputsPerStep(net, 'a', 0.5, currentStim$({ pop: 'a', t: 0.3, a: 1.5 }))).to.deep.equal([1.5, 1.5, 1.5, 3, 3]);
  });

  it('rejects unknown kwargs like Python', () => {
    const { pops } = testNetwork(['a']);
    expect(() => currentStim({ pop: pops[0]!, dur: 3 } as never)).to.throw(TypeError, "currentStim() got an unexpected keyword argument 'dur' (it takes pop, t, a)");
  });
});
