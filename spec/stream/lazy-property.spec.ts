import { expect } from 'chai';
import { withLazy } from '../../src/stream/lazy-property.js';
import { currentRampProtocol } from '../../operators/current-ramp.js';
import { currentStepProtocol } from '../../operators/current-step.js';

describe('stream: withLazy', () => {
  it('computes on the first read only, then is an ordinary enumerable data property in its place', () => {
    let calls = 0;
    const info = withLazy({ duration: 3 }, 'arr', () => {
      calls++;
      return [1, 2, 3];
    });
    expect(calls).to.equal(0);
    expect(Object.keys(info)).to.deep.equal(['duration', 'arr']);
    const a = info.arr;
    expect(a).to.deep.equal([1, 2, 3]);
    expect(info.arr).to.equal(a); // the same object on every read
    expect(calls).to.equal(1);
    expect(Object.getOwnPropertyDescriptor(info, 'arr')).to.deep.equal({ value: a, writable: true, enumerable: true, configurable: true });
    expect({ ...info }).to.deep.equal({ duration: 3, arr: [1, 2, 3] });
  });

  it('a write before the first read replaces the value without computing it', () => {
    let calls = 0;
    const info = withLazy({}, 'arr', () => {
      calls++;
      return [0];
    });
    info.arr = [7];
    expect(info.arr).to.deep.equal([7]);
    expect(calls).to.equal(0);
    expect(JSON.stringify(info)).to.equal('{"arr":[7]}');
  });

  it('protocol infos keep their keys and values (hand-computed) with the arrays built on demand', () => {
    // dt 0.5: the ramp 0, 5, 10 over 3 x 1 ms = 2 steps each; the step 1 for 1.5 ms, then 4 for 0.5 ms
    const ramp = currentRampProtocol({ pop: 'p', a0: 0, a1: 10, dur: 3, n: 3 }).info(0.5);
    expect(Object.keys(ramp)).to.deep.equal(['da', 'durStim', 'currentArr']);
    expect(ramp.da).to.equal(5);
    expect(Array.from(ramp.currentArr)).to.deep.equal([0, 0, 5, 5, 10, 10]);
    const step = currentStepProtocol({ pop: 'p', t1: 1.5, t2: 0.5, a1: 1, a2: 4 }).info(0.5);
    expect(Object.keys(step)).to.deep.equal(['duration', 'currentArr']);
    expect(Array.from(step.currentArr)).to.deep.equal([1, 1, 1, 4]);
  });
});
