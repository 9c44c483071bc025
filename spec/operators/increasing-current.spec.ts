import { expect } from 'chai';
import { increasingCurrent, increasingCurrent$ } from '../../operators/increasing-current.js';
import { testNetwork } from '../stream/test-network.js';
import { inputsPerStep } from './protocol-helpers.js';

describe('operators/increasingCurrent', () => {
  it('a0, a0 + da, ... for durStep each; info { currentList, currentArr }', () => {
    const { pops } = testNetwork(['a']);
    const info = increasingCurrent({ pop: pops[0]!, a0: 1, da: 0.5, nrSteps: 3, durStep: 0.2 });
    expect(info.currentList).to.deep.equal([1, 1.5, 2]);
    expect(Array.from(info.currentArr)).to.deep.equal([1, 1, 1.5, 1.5, 2, 2]);
  });

  it('accumulates by addition as CompNeuroPy (0.1 steps give 0.30000000000000004)', async () => {
    const { net } = testNetwork(['a']);
    const inp = await inputsPerStep(net, 'a', undefined, increasingCurrent$({ pop: 'a', a0: 0, da: 0.1, nrSteps: 4, durStep: 0.1 }));
    expect(inp).to.deep.equal([0, 0.1, 0.2, 0.30000000000000004]);
  });

  it('rejects a negative number of steps', () => {
    const { pops } = testNetwork(['a']);
    expect(() => increasingCurrent({ pop: pops[0]!, a0: 0, da: 1, nrSteps: -1, durStep: 1 })).to.throw('increasingCurrent: nrSteps must be an integer >= 0, got -1');
  });
});
