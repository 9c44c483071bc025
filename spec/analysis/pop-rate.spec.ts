import { expect } from 'chai';
import { getPopRate, histogram, linspace } from '../../src/analysis/pop-rate.js';
import { getNumberOfDecimals, roundTo as pyRound } from '../../src/analysis/number-of-decimals.js';
import { arange } from '../../src/analysis/time-data-fill-gaps.js';

describe('analysis/pop-rate', () => {
  it('numpy/Python helpers', () => {
    expect(pyRound(2.5)).to.equal(2);
    expect(pyRound(3.5)).to.equal(4);
    expect(pyRound(2.675, 2)).to.equal(2.67);
    expect(getNumberOfDecimals(0.01)).to.equal(2);
    expect(getNumberOfDecimals(0.0101)).to.equal(4);
    expect(getNumberOfDecimals(1e-5)).to.equal(5);
    expect(getNumberOfDecimals(5)).to.equal(0);
    expect([...arange(0, 1, 0.25)]).to.deep.equal([0, 0.25, 0.5, 0.75]);
    expect(arange(0, 1000, 0.01).length).to.equal(100000);
    expect([...linspace(0, 1, 5)]).to.deep.equal([0, 0.25, 0.5, 0.75, 1]);
    expect([...histogram([0, 0.5, 1, 2, 3], 2, [0, 2]).counts]).to.deep.equal([2, 2]);
  });

  it('automatic binning, single bin: hand-computed rates', () => {
    // duration 4 ms < 5 ms -> one bin [0, 4] ms; spikes 2, 3 ms inside, 5 ms outside.
    // 10 samples, window [0, 4) ms: 2 spikes / (0.004 s * 2 neurons) = 250 Hz.
    // 5 samples (< 2 ms) move to the first spike (2 ms) and share it with an added zero:
    // mean = 5*250/6. Grid 0,1,2,3: 0,1 below -> first value; 3 lies between 250-valued points.
    const r = getPopRate({ 0: [2, 5], 1: [3] }, { tStart: 0, tEnd: 4, timeStep: 1 });
    expect(r).to.not.equal(null);
    const [t, rate] = r!;
    expect([...t]).to.deep.equal([0, 1, 2, 3]);
    expect(rate[0]).to.be.closeTo(1250 / 6, 1e-9);
    expect(rate[1]).to.be.closeTo(1250 / 6, 1e-9);
    expect(rate[2]).to.be.closeTo(1250 / 6, 1e-9);
    expect(rate[3]).to.be.closeTo(250, 1e-9);
  });

  it('at most one spike: zeros, or null without both limits', () => {
    expect(getPopRate({ 0: [3] })).to.equal(null);
    const [t, r] = getPopRate({ 0: [3], 1: [] }, { tStart: 0, tEnd: 2, timeStep: 0.5 })!;
    expect([...t]).to.deep.equal([0, 0.5, 1, 1.5]);
    expect([...r]).to.deep.equal([0, 0, 0, 0]);
  });

  it('a regular spike train gives about its rate over a long window', () => {
    // one neuron, a spike every 10 ms for 1 s -> 100 Hz
    const steps = Array.from({ length: 100 }, (_, i) => 5 + 10 * i);
    const [, rate] = getPopRate({ 0: steps }, { tStart: 0, tEnd: 1000, timeStep: 1 })!;
    const mid = rate.slice(200, 800);
    const m = mid.reduce((a, b) => a + b, 0) / mid.length;
    expect(m).to.be.closeTo(100, 5);
  });

  it('fixed window (tSmoothMs > 0): 100 Hz train gives 100 Hz inside', () => {
    const steps = Array.from({ length: 100 }, (_, i) => 5 + 10 * i);
    const [t, rate] = getPopRate({ 0: steps }, { tStart: 0, tEnd: 1000, timeStep: 1, tSmoothMs: 100 })!;
    expect(t.length).to.equal(1000);
    // 10 spikes in every 100-ms window -> 10 / 0.1 s = 100 Hz
    expect(rate[500]).to.be.closeTo(100, 1e-9);
  });
});
