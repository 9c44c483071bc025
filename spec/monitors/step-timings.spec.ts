import { expect } from 'chai';
import { compartmentTimesFromSteps } from '../../src/monitors/step-timings.js';

describe('monitors/step-timings', () => {
  it('gives the §2.1 worked example (my_pop1: dt 0.1, P = 20 steps)', () => {
    const c = compartmentTimesFromSteps({ start: [1000, 3000, 6000], stop: [2000, 5000], periodSteps: 20, dt: 0.1, currentStep: 7000 });
    expect(c).to.deep.equal({ start: { ms: [100, 300, 600], idx: [0, 50, 150] }, stop: { ms: [198, 498, 698], idx: [49, 149, 199] } });
  });

  it('counts exactly where the float formula gives 81.99999999999999 samples (steps 0..81 at P = dt)', () => {
    expect(compartmentTimesFromSteps({ start: [0], stop: [82], periodSteps: 1, dt: 0.1 })).to.deep.equal({
      start: { ms: [0], idx: [0] },
      stop: { ms: [8.1], idx: [81] },
    });
  });

  it('a period without samples has stop idx = start idx - 1; starts off the grid round up', () => {
    // start == stop on the grid: 0 samples
    expect(compartmentTimesFromSteps({ start: [1000], stop: [1000], periodSteps: 20, dt: 0.1 })).to.deep.equal({
      start: { ms: [100], idx: [0] },
      stop: { ms: [98], idx: [-1] },
    });
    // [13, 25) with P = 4: samples 16, 20, 24
    expect(compartmentTimesFromSteps({ start: [13], stop: [25], periodSteps: 4, dt: 0.25 })).to.deep.equal({
      start: { ms: [4], idx: [0] },
      stop: { ms: [6], idx: [2] },
    });
  });

  it('rejects non-integer steps, a bad period and an open period without currentStep', () => {
    expect(() => compartmentTimesFromSteps({ start: [0.5], stop: [], periodSteps: 1, dt: 1, currentStep: 3 })).to.throw(/start must be an array of integer steps/);
    expect(() => compartmentTimesFromSteps({ start: [0], stop: [3], periodSteps: 0, dt: 1 })).to.throw(/periodSteps/);
    expect(() => compartmentTimesFromSteps({ start: [0], stop: [], periodSteps: 1, dt: 1 })).to.throw(/currentStep is needed/);
  });
});
