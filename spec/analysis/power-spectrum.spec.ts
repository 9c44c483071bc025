import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  fftfreq, getPopulationPowerSpectrum, getPowerSpectrumFromTimeArray, getPowerSpektrumFromTimeArray, hanning,
} from '../../src/analysis/power-spectrum.js';

// numpy reference (spec/fixtures/analysis/power_spectrum_numpy.py runs CompNeuroPy's own code on numpy's FFT).
const ref = JSON.parse(readFileSync('spec/fixtures/analysis/power_spectrum_numpy.json', 'utf8')) as {
  sine: { freq: number[]; power: number[] };
  spikes: { freq: number[]; power: number[] };
};

function quiet<T>(f: () => T): { value: T; printed: string[] } {
  const printed: string[] = [];
  const orig = console.log;
  console.log = (...a: unknown[]) => void printed.push(a.join(' '));
  try {
    return { value: f(), printed };
  } finally {
    console.log = orig;
  }
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], rel: number): void {
  expect(actual.length).to.equal(expected.length);
  const scale = Math.max(...expected.map(Math.abs));
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!), `index ${i}`).to.be.at.most(rel * scale);
  }
}

describe('analysis/power-spectrum', () => {
  it('hanning and fftfreq are numpy\'s', () => {
    expect(Array.from(hanning(5))).to.deep.equal([0, 0.5, 1, 0.5, 0]); // np.hanning(5).tolist()
    expect(Array.from(hanning(7))).to.deep.equal([0.0, 0.2500000000000001, 0.75, 1.0, 0.75, 0.2500000000000001, 0.0]);
    expect(Array.from(fftfreq(4, 0.5))).to.deep.equal([0, 0.5, -1, -0.5]);
    expect(Array.from(fftfreq(5, 1))).to.deep.equal([0, 0.2, 0.4, -0.4, -0.2]);
  });

  it('a sine at 31.25 Hz has its peak there with power (A (M-1)/4)^2 (Hann window sum (M-1)/2)', () => {
    const dt = 0.1;
    const n = 100000;
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = 2.0 * Math.sin((2 * Math.PI * 31.25 * (i * dt)) / 1000);
    const [freq, power] = getPowerSpectrumFromTimeArray(v, 0, 10000, dt, { samplingfrequency: 250, fftSize: 1024 });
    expect(freq.length).to.equal(510);
    expect(freq[0]).to.equal(2 * (250 / 1024));
    let iMax = 0;
    for (let i = 1; i < power.length; i++) if (power[i]! > power[iMax]!) iMax = i;
    expect(freq[iMax]).to.equal(31.25);
    const analytic = ((2.0 * (1024 - 1)) / 4) ** 2;
    expect(Math.abs(power[iMax]! - analytic) / analytic).to.be.below(1e-6);
    expectClose(power, ref.sine.power, 1e-12);
    expect(Array.from(freq)).to.deep.equal(ref.sine.freq);
    expect(getPowerSpektrumFromTimeArray).to.equal(getPowerSpectrumFromTimeArray);
  });

  it('too short a signal prints CompNeuroPy\'s message and returns zeros', () => {
    const { value, printed } = quiet(() => getPowerSpectrumFromTimeArray(new Float64Array(100), 0, 1000, 0.1));
    expect(printed).to.deep.equal(['Simulation time has to be >= 4.096 s for FFT!']);
    expect(value[0].length).to.equal(510);
    expect(value[1].every((x) => x === 0)).to.equal(true);
  });

  it('population spectrum of two 100 Hz spike trains matches numpy', () => {
    const spikes = {
      0: Array.from({ length: 200 }, (_, i) => i * 100),
      1: Array.from({ length: 200 }, (_, i) => 30 + i * 100),
    };
    const { value: [freq, power], printed } = quiet(() => getPopulationPowerSpectrum(spikes, 0.1, { tStart: 0, tEnd: 1999, fftSize: 4096 }));
    expect(printed).to.deep.equal(['power sepctrum, min = 2.44140625, max = 5000.0']);
    expect(Array.from(freq)).to.deep.equal(ref.spikes.freq);
    expectClose(power, ref.spikes.power, 1e-12);
  });

  it('picks the largest power-of-2 fftSize below the duration, and reports bad sizes', () => {
    const spikes = { 0: [0, 5000, 9990] };
    // T = 999 ms at 10 kHz: 2^13/1e4 = 0.82 s < 0.999 s, 2^14 does not fit.
    const { value: [freq] } = quiet(() => getPopulationPowerSpectrum(spikes, 0.1));
    expect(freq.length).to.equal(8192 / 2 - 2);
    const tooLarge = quiet(() => getPopulationPowerSpectrum(spikes, 0.1, { fftSize: 16384 }));
    expect(tooLarge.printed).to.deep.equal(['Too large fft_size 16384 for duration 999.0 ms. FFT_size has to be smaller than 9990!']);
    const notPow2 = quiet(() => getPopulationPowerSpectrum(spikes, 0.1, { fftSize: 1000 }));
    expect(notPow2.printed).to.deep.equal(['FFT_size hast to be power of 2!']);
    expect(notPow2.value[1].length).to.equal(498);
  });

  it('fewer than 2 spikes: zeros with fftSize, an error without', () => {
    const r = quiet(() => getPopulationPowerSpectrum({ 0: [5] }, 0.1, { fftSize: 8 }));
    expect(r.printed).to.deep.equal(['WARNING: get_population_power_spectrum: <2 spikes!']);
    expect(Array.from(r.value[0])).to.deep.equal([2500, 3750]);
    expect(() => quiet(() => getPopulationPowerSpectrum({ 0: [] }, 0.1))).to.throw(/<2 spikes and no fft_size given/);
  });

  it('names a missing rank', () => {
    expect(() => quiet(() => getPopulationPowerSpectrum({ 0: [1, 2000], 2: [5] }, 0.1, { fftSize: 8 }))).to.throw(/no rank 1/);
  });
});
