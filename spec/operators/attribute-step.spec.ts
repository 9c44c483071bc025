import { expect } from 'chai';
import { attributeStep, attributeStep$ } from '../../operators/attribute-step.js';
import { testNetwork } from '../stream/test-network.js';
import { inputsPerStep } from './protocol-helpers.js';

describe('operators/attributeStep', () => {
  it('v1 for t1, v2 for t2; duration is t1 + t2 in doubles', () => {
    const { pops } = testNetwork(['a']);
    const info = attributeStep({ pop: pops[0]!, attr: 'E_L', t1: 0.1, t2: 0.2, v1: -50, v2: -40 });
    expect(info.duration).to.equal(0.30000000000000004);
    expect(Array.from(info.vArr)).to.deep.equal([-50, -40, -40]);
    expect(pops[0]!.E_L).to.equal(-70);
  });

  it('as an operator on I_app, every boundary', async () => {
    const { net } = testNetwork(['a']);
    expect(await inputsPerStep(net, 'a', 0.6, attributeStep$({ pop: 'a', attr: 'I_app', t1: 0.2, t2: 0.3, v1: 1, v2: 2 }))).to.deep.equal([1, 1, 2, 2, 2, 0]);
  });
});
