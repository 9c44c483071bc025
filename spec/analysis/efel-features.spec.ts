import { expect } from 'chai';
import { efelInterpolate, getEfelFeatures, EFEL_FEATURES } from '../../src/analysis/efel-features.js';
import { efelLoss } from '../../src/analysis/efel-loss.js';

/**
 * A synthetic trace, 0..1000 ms at 0.1 ms: -70 mV until 210 ms, -60 mV until 800 ms, then -75 mV;
 * spikes are triangles from -60 mV to +20 mV and back within 1 ms, peaking at `peaks`.
 * Stimulus 200..800 ms.
 */
function trace(peaks: number[], opts: { blowUp?: boolean } = {}) {
  const n = 10001;
  const T = new Float64Array(n);
  const V = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / 10;
    T[i] = t;
    let v = t < 210 ? -70 : t < 800 ? -60 : -75;
    for (const p of peaks) if (Math.abs(t - p) < 1) v = 20 - 80 * Math.abs(t - p);
    V[i] = v;
  }
  if (opts.blowUp) V[5000] = 150;
  return { T, V, stim_start: [200], stim_end: [800] };
}

const PEAKS = [300, 350, 420, 510, 620];

describe('analysis/efel-features', () => {
  it('interpolates as eFEL does (accumulated grid, ceil points, last point appended)', () => {
    const r = efelInterpolate([0, 1, 2], [0, 10, 0], 0.5);
    expect(Array.from(r.T)).to.deep.equal([0, 0.5, 1, 1.5, 2]);
    expect(Array.from(r.V)).to.deep.equal([0, 5, 10, 5, 0]);
  });

  it('gives the features of a trace with known spike times', () => {
    const f = getEfelFeatures(trace(PEAKS), [...EFEL_FEATURES]);
    expect(f.spike_count).to.deep.equal([5]);
    expect(f.spike_count_stimint).to.deep.equal([5]);
    expect(f.time_to_first_spike![0]).to.be.closeTo(100, 1e-9);
    expect(f.time_to_second_spike![0]).to.be.closeTo(150, 1e-9);
    expect(f.time_to_last_spike![0]).to.be.closeTo(420, 1e-9);
    // ISIs 50, 70, 90, 110; the first is ignored: std(ddof=1) 20 / mean 90.
    expect(f.ISI_CV![0]).to.be.closeTo(20 / 90, 1e-9);
    expect(f.steady_state_voltage_stimend![0]).to.be.closeTo(-60, 1e-9); // mean over [740, 800)
    expect(f.steady_state_voltage![0]).to.be.closeTo(-75, 1e-9); // mean over t > 800
    expect(f.voltage_base![0]).to.be.closeTo(-70, 1e-9); // mean over [180, 200]
    expect(f.voltage_after_stim![0]).to.be.closeTo(-75, 1e-9); // [850, 950]
    expect(f.minimum_voltage![0]).to.be.closeTo(-70, 1e-9); // min over [200, 800)
  });

  it('returns None-like null where eFEL does', () => {
    const f = getEfelFeatures(trace([]), ['spike_count', 'spike_count_stimint', 'time_to_first_spike', 'time_to_last_spike', 'ISI_CV']);
    expect(f).to.deep.equal({ spike_count: [0], spike_count_stimint: [0], time_to_first_spike: null, time_to_last_spike: null, ISI_CV: null });
    const three = getEfelFeatures(trace([300, 350, 420]), ['ISI_CV', 'time_to_second_spike']);
    expect(three.ISI_CV).to.equal(null); // one ISI left after ignoring the first
    expect(three.time_to_second_spike![0]).to.be.closeTo(150, 1e-9);
    const spikeAfter = getEfelFeatures(trace([900]), ['spike_count', 'spike_count_stimint']);
    expect(spikeAfter).to.deep.equal({ spike_count: [1], spike_count_stimint: [0] });
  });

  it('rejects unknown features and a stimulus that ends before it starts', () => {
    expect(() => getEfelFeatures(trace([]), ['AP_amplitude'])).to.throw(/not supported: AP_amplitude/);
    expect(() => getEfelFeatures({ ...trace([]), stim_end: [100] }, ['spike_count'])).to.throw(/stim_end needs to be larger/);
  });
});

describe('analysis/efel-loss', () => {
  it('scales feature differences by CompNeuroPy\'s "close" differences', () => {
    const shifted = trace([310, 350, 420, 510, 620]);
    // |100 - 110| / clip(800 * 0.1, 5, 50) = 0.2; equal counts: 0
    expect(efelLoss(trace(PEAKS), shifted, ['time_to_first_spike', 'spike_count'])[0]).to.be.closeTo(0.1, 1e-9);
    expect(Array.from(efelLoss(trace(PEAKS), trace(PEAKS), ['spike_count', 'ISI_CV', 'voltage_base']))).to.deep.equal([0]);
  });

  it('a missing feature costs the maximum difference', () => {
    // time_to_first_spike: 800 / 50 = 16; spike_count: |5 - 0| / ceil(1000 / 200) = 1
    expect(efelLoss(trace(PEAKS), trace([]), ['time_to_first_spike', 'spike_count'])[0]).to.be.closeTo(8.5, 1e-12);
  });

  it('an exploding trace gets the maximum loss', () => {
    // (800 / 50 + len(T) 10001 / 5) / 2
    expect(efelLoss(trace(PEAKS), trace(PEAKS, { blowUp: true }), ['time_to_first_spike', 'spike_count'])[0]).to.be.closeTo(1008.1, 1e-9);
  });

  it('names unsupported features as CompNeuroPy does', () => {
    expect(() => efelLoss(trace(PEAKS), trace(PEAKS), ['spike_count', 'AP_width'])).to.throw("Features not supported: ['AP_width']");
  });
});
