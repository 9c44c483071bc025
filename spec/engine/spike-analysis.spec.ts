import { expect } from 'chai';
import {
  coefficientOfVariation, histogram, interSpikeInterval, meanFr, populationRate, rasterPlot, smoothedRate,
} from '../../src/engine/spike-analysis.js';
import { Network } from '../../src/engine/network.js';
import { Monitor } from '../../src/engine/monitor.js';
import { SpikeSourceArray } from '../../src/engine/special/spike-source-array.js';
import { clear, dt, setup } from '../../src/engine/global-functions.js';

// All expected values are computed by hand from ANNarchy 4.7.3's formulas (Monitor.py,
// cython_ext/Transformations.pyx).
describe('engine: spike analysis (ANNarchy 4.7.3 formulas)', () => {
  const spikes = { 0: [1, 4, 6], 1: [2], 2: [] as number[] };

  it('rasterPlot: dt * steps and ranks, neuron by neuron', () => {
    const { times, ranks } = rasterPlot(spikes, { dt: 0.5 });
    expect(Array.from(times)).to.deep.equal([0.5, 2, 3, 1]);
    expect(Array.from(ranks)).to.deep.equal([0, 0, 0, 1]);
  });

  it('histogram: int(bins/dt)-step bins from the first spike, int(duration/bin)+1 bins', () => {
    // t_min 1, t_max 6, bin_step 2 -> nb = int(5/2) = 2 -> 3 bins; bins of (t-1)//2: 0,1,2,0
    expect(histogram(spikes, { bins: 2, dt: 1 })).to.deep.equal([2, 1, 1]);
    expect(histogram(spikes, { dt: 1 })).to.deep.equal([1, 1, 0, 1, 0, 1]);
    expect(histogram(spikes, { bins: 2, dt: 1, recordingWindow: [0, 9] })).to.deep.equal([1, 1, 1, 1, 0]);
    expect(histogram(spikes, { bins: 3, dt: 1, perNeuron: true })).to.deep.equal([[1, 2], [1, 0], [0, 0]]);
    expect(() => histogram(spikes, { bins: 0.5, dt: 1 })).to.throw(/bins must be at least dt/);
    expect(() => histogram({ 0: [] }, { dt: 1 })).to.throw(/no spikes/);
  });

  it('populationRate: count / (dt*N/1000) per step, dt in single precision', () => {
    // N = 3 neurons, dt = 1: 1 spike -> 1000/3 Hz; steps 1..6
    const r = populationRate(spikes, { dt: 1 });
    const k = 1000 / 3;
    expect(Array.from(r)).to.deep.equal([k, k, 0, k, 0, k]);
    // dt = 0.1 is float32 0.100000001490116: 2 neurons, 1 spike -> 1 / (0.2000000029802322/1000)
    const r2 = populationRate({ 0: [0], 1: [] }, { dt: 0.1, start: 0, stop: 1 });
    expect(r2[0]).to.be.closeTo(4999.999925494194, 1e-8);
    expect(r2[0]).to.not.equal(5000);
    expect(r2[1]).to.equal(0);
  });

  it('populationRate smoothing: y[t+1] = y[t] + (x[t+1]-y[t]) * dt/smooth, only for smooth > dt', () => {
    const s = { 0: [0], 1: [] as number[] }; // 2 neurons, dt 1: x = [500, 0, 0]
    expect(Array.from(populationRate(s, { dt: 1, start: 0, stop: 2, smooth: 1 }))).to.deep.equal([500, 0, 0]);
    // delta = 1/4: y = 500, 500 - 125 = 375, 375 - 93.75 = 281.25
    expect(Array.from(populationRate(s, { dt: 1, start: 0, stop: 2, smooth: 4 }))).to.deep.equal([500, 375, 281.25]);
  });

  it('smoothedRate: 1000/dt/ISI held between spikes (absolute columns), first interval after start', () => {
    const s = { 0: [1, 3, 7], 1: [0, 4] };
    const r = smoothedRate(s, { dt: 1, start: 0, stop: 8 });
    expect(Array.from(r[0]!)).to.deep.equal([0, 500, 500, 250, 250, 250, 250, 0]);
    // neuron 1: first spike at step 0 == start, so its interval is not counted (last_spike > start)
    expect(Array.from(r[1]!)).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 0]);
    const sm = smoothedRate({ 0: [1, 3] }, { dt: 1, start: 0, stop: 4, smooth: 2 });
    // x = [0, 500, 500, 0], delta 0.5: 0, 250, 375, 187.5
    expect(Array.from(sm[0]!)).to.deep.equal([0, 250, 375, 187.5]);
  });

  it('meanFr: spikes / N / duration(steps) / dt * 1000', () => {
    // 4 spikes, 3 neurons, duration 6 - 1 = 5 steps, dt 0.5 -> 4/3/5/0.5*1000
    expect(meanFr(spikes, { dt: 0.5 })).to.equal(4 / 3 / 5 / 0.5 * 1000);
    expect(meanFr(spikes, { dt: 1, duration: 100 })).to.be.closeTo(13.333333333333334, 1e-12);
  });

  it('interSpikeInterval and coefficientOfVariation (population std / mean, >= 2 ISIs)', () => {
    expect(interSpikeInterval(spikes, { dt: 0.5 })).to.deep.equal([1.5, 1]);
    expect(interSpikeInterval({ 0: [0, 2], 3: [1, 2, 5] }, { dt: 1, perNeuron: true })).to.deep.equal({ 0: [2], 3: [1, 3] });
    expect(interSpikeInterval({ 0: [0, 2], 3: [1, 2, 5] }, { dt: 1, ranks: [3] })).to.deep.equal([1, 3]);
    // ISIs [2, 4]: mean 3, std 1
    expect(coefficientOfVariation({ 0: [0, 2, 6], 1: [0, 5] }, { dt: 1 })).to.deep.equal([1 / 3]);
    expect(coefficientOfVariation({ 0: [0, 2, 6] }, { dt: 1, perNeuron: true })).to.deep.equal({ 0: 1 / 3 });
  });

  it('rejects what is not a spike dict', () => {
    expect(() => rasterPlot([] as never)).to.throw(/spike dict/);
  });

  it('rasterPlot without dt returns ms at the current network dt, as ANNarchy\'s raster_plot', () => {
    const prev = dt();
    clear();
    setup({ dt: 0.1 });
    try {
      expect(Array.from(rasterPlot({ 0: [10, 25] }).times)).to.deep.equal([1, 2.5]);
    } finally {
      clear();
      setup({ dt: prev });
    }
    expect(() => meanFr({ 0: [1] }, { dt: -1 })).to.throw(/dt must be a positive/);
  });
});

describe('engine: Monitor spike helpers', () => {
  it('use dt, the recorded ranks and the recording window', () => {
    const net = new Network({ dt: 0.5 });
    const inp = new SpikeSourceArray([[1, 2], [2], []], { network: net }); // steps 2, 4 / 4 / -
    const m = new Monitor(inp, 'spike');
    net.simulate(5); // 10 steps
    const spikes = m.get('spike');
    expect(Array.from(m.rasterPlot(spikes as never).times)).to.deep.equal([1, 2, 2]);
    // 3 spikes / 3 neurons / 10 steps / 0.5 ms * 1000 = 200 Hz
    expect(m.meanFr(spikes as never)).to.equal(3 / 3 / 10 / 0.5 * 1000);
    const pr = m.populationRate(spikes as never);
    expect(pr.length).to.equal(11); // stop - start + 1
    expect(pr[4]).to.be.closeTo(2 / (Math.fround(Math.fround(0.5) * 3) / 1000), 1e-9);
    expect(m.interSpikeInterval(spikes as never)).to.deep.equal([1]);
  });

  it('throws if spike was not recorded', () => {
    const net = new Network({ dt: 1 });
    const inp = new SpikeSourceArray([[1]], { network: net });
    const m = new Monitor(inp, 'r');
    expect(() => m.meanFr()).to.throw(/spike was not recorded/);
  });
});
