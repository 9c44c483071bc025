/**
 * CompNeuroPy's power spectra (`get_population_power_spectrum`,
 * `get_power_spektrum_from_time_array`): Welch's method with symmetric Hann windows, 50 %
 * overlap, only full segments, `|FFT|^2` averaged over the segments, on fft.js.
 * @packageDocumentation
 */
import type FFTClass from 'fft.js';
import { lazyModule } from '../language/lazy-module.js';
import type { SpikeDict } from '../monitors/recordings.js';
import { myRasterPlot } from './raster.js';
import { getNumberOfDecimals, roundTo, rint } from './number-of-decimals.js';
import { pyFloat } from './python-format.js';

// loaded on first use, not with the package
const fftModule = lazyModule('fft.js', (require) => require('fft.js') as typeof FFTClass);

/** A power spectrum: frequencies in Hz (numpy's `fftfreq[2 : fft/2]`) and the power per frequency. */
export type PowerSpectrum = [Float64Array, Float64Array];

/**
 * numpy's `np.hanning(M)`: the symmetric Hann window, computed as numpy does,
 * `0.5 + 0.5 cos(pi n / (M - 1))` for `n = 1-M, 3-M, ..., M-1`.
 *
 * @example
 * ```ts
 * hanning(3); // [0, 1, 0]
 * ```
 */
export function hanning(m: number): Float64Array {
  if (m === 1) return Float64Array.of(1);
  const w = new Float64Array(Math.max(m, 0));
  for (let i = 0; i < m; i++) w[i] = 0.5 + 0.5 * Math.cos((Math.PI * (1 - m + 2 * i)) / (m - 1));
  return w;
}

/**
 * numpy's `np.fft.fftfreq(n, d)`: `[0, 1, ..., ceil(n/2)-1, -floor(n/2), ..., -1] / (d n)`.
 *
 * @example
 * ```ts
 * fftfreq(4, 0.5); // [0, 0.5, -1, -0.5]
 * ```
 */
export function fftfreq(n: number, d = 1): Float64Array {
  const out = new Float64Array(n);
  const val = 1 / (n * d);
  const half = Math.floor((n - 1) / 2) + 1;
  for (let i = 0; i < half; i++) out[i] = i * val;
  for (let i = half; i < n; i++) out[i] = (i - n) * val;
  return out;
}

/**
 * CompNeuroPy's `_hanning_split_overlap(seq, size, overlap)`: every full segment of `size` values
 * starting at multiples of `size - overlap`, each multiplied by the Hann window.
 *
 * @example
 * ```ts
 * hanningSplitOverlap(new Float64Array(8).fill(1), 4, 2).length; // 3 segments
 * ```
 */
export function hanningSplitOverlap(seq: ArrayLike<number>, size: number, overlap: number): Float64Array[] {
  const step = size - overlap;
  if (!(step > 0)) throw new Error(`hanningSplitOverlap: overlap (${overlap}) must be smaller than size (${size})`);
  const w = hanning(size);
  const out: Float64Array[] = [];
  for (let s = 0; s + size <= seq.length; s += step) {
    const seg = new Float64Array(size);
    for (let i = 0; i < size; i++) seg[i] = seq[s + i]! * w[i]!;
    out.push(seg);
  }
  return out;
}

/** Mean of `|FFT(segment)|^2` over the segments (Welch's average periodogram). */
function welch(segments: readonly Float64Array[], fftSize: number, fn: string): Float64Array {
  if (segments.length === 0) {
    throw new Error(`${fn}: the signal is shorter than fftSize ${fftSize}: no full segment to transform`);
  }
  const fft = new (fftModule())(fftSize);
  const out = fft.createComplexArray() as number[];
  const sum = new Float64Array(fftSize);
  for (const seg of segments) {
    fft.realTransform(out, seg);
    fft.completeSpectrum(out);
    for (let k = 0; k < fftSize; k++) {
      const re = out[2 * k]!;
      const im = out[2 * k + 1]!;
      sum[k]! += re * re + im * im;
    }
  }
  for (let k = 0; k < fftSize; k++) sum[k]! /= segments.length;
  return sum;
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && Math.log2(n) - Math.trunc(Math.log2(n)) === 0;
}

function cut(freq: Float64Array, spectrum: Float64Array, fftSize: number): PowerSpectrum {
  const end = Math.trunc(fftSize / 2);
  return [freq.slice(2, end), spectrum.slice(2, end)];
}

function zeros(fftSize: number): PowerSpectrum {
  const n = Math.max(Math.trunc(fftSize / 2 - 2), 0);
  return [new Float64Array(n), new Float64Array(n)];
}

/** Options of {@link getPopulationPowerSpectrum} (CompNeuroPy's keyword arguments). */
export interface PopulationPowerSpectrumOptions {
  /** Start of the analysed data in ms (default: time of the first spike). */
  tStart?: number;
  /** End of the analysed data in ms (default: time of the last spike). */
  tEnd?: number;
  /** Segment length of the FFT, a power of 2 (default: the largest that fits). */
  fftSize?: number;
}

/**
 * Power spectrum of a population's spikes (`get_population_power_spectrum`): each neuron's
 * spikes become a 0/1 train at the simulation's sampling rate `1000 / timeStep` Hz, Welch's
 * method gives its spectrum, and the spectra are averaged over the neurons `0..N-1`.
 * Frequency resolution `1000 / (timeStep * fftSize)` Hz, maximum `500 / timeStep` Hz.
 *
 * Prints what CompNeuroPy prints (`power sepctrum, min = ..., max = ...`, and the warnings);
 * where CompNeuroPy quits (fewer than 2 spikes and no `fftSize`) this throws.
 *
 * @example
 * ```ts
 * const [freq, power] = getPopulationPowerSpectrum(recordings[0]['pop;spike'], 0.1, { fftSize: 1024 });
 * ```
 */
export function getPopulationPowerSpectrum(
  spikes: SpikeDict,
  timeStep: number,
  options: PopulationPowerSpectrumOptions = {},
): PowerSpectrum {
  const fn = 'getPopulationPowerSpectrum';
  if (!(timeStep > 0)) throw new Error(`${fn}: timeStep must be a positive number of ms, got ${String(timeStep)}`);
  let { tStart, tEnd, fftSize } = options;
  const populationSize = Object.keys(spikes).length;
  const fs = 1 / (timeStep / 1000);
  const [t] = myRasterPlot(spikes);
  if (t.length < 2) {
    console.log('WARNING: get_population_power_spectrum: <2 spikes!');
    if (fftSize === undefined) {
      throw new Error('ERROR: get_population_power_spectrum: <2 spikes and no fft_size given!');
    }
    return cut(fftfreq(fftSize, 1 / fs), new Float64Array(fftSize), fftSize);
  }
  const dec = getNumberOfDecimals(timeStep);
  let tMin = Infinity;
  let tMax = -Infinity;
  for (const x of t) {
    if (x < tMin) tMin = x;
    if (x > tMax) tMax = x;
  }
  tStart ??= roundTo(tMin * timeStep, dec);
  tEnd ??= roundTo(tMax * timeStep, dec);
  const simulationTime = roundTo(tEnd - tStart, dec);
  const simS = simulationTime / 1000;

  if (fftSize === undefined) {
    let pow = 1;
    while (2 ** (pow + 1) / fs < simS) pow++;
    fftSize = 2 ** pow;
  }
  if (simS < fftSize / fs) {
    console.log(
      `Too large fft_size ${fftSize} for duration ${pyFloat(simulationTime)} ms. FFT_size has to be smaller than ${Math.trunc(simS * fs)}!`,
    );
    return zeros(fftSize);
  }
  if (!isPowerOfTwo(fftSize)) {
    console.log('FFT_size hast to be power of 2!');
    return zeros(fftSize);
  }
  console.log(`power sepctrum, min = ${pyFloat(1000 / (timeStep * fftSize))}, max = ${pyFloat(500 / timeStep)}`);

  const trainLength = rint(simS * fs);
  const idxStart = (tStart / 1000) * fs;
  const idxEnd = (tEnd / 1000) * fs;
  const total = new Float64Array(fftSize);
  for (let neuron = 0; neuron < populationSize; neuron++) {
    const steps = spikes[neuron];
    if (!Array.isArray(steps)) {
      throw new Error(`${fn}: the spike dict has ${populationSize} neurons but no rank ${neuron} (ranks must be 0..${populationSize - 1})`);
    }
    const train = new Float64Array(trainLength);
    for (const step of steps) {
      // numpy: round(step * dt / 1000 * fs).astype(int32), then (idx - idx_start).astype(int32).
      const idx = rint(((step * timeStep) / 1000) * fs);
      if (!(idx > idxStart && idx < idxEnd)) continue;
      const k = Math.trunc(idx - idxStart);
      if (k >= trainLength) {
        throw new Error(`${fn}: spike step ${step} of rank ${neuron} falls outside the ${trainLength} samples of [tStart, tEnd]`);
      }
      train[k] = 1;
    }
    const spec = welch(hanningSplitOverlap(train, fftSize, Math.trunc(fftSize / 2)), fftSize, fn);
    for (let k = 0; k < fftSize; k++) total[k]! += spec[k]!;
  }
  for (let k = 0; k < fftSize; k++) total[k]! /= populationSize;
  return cut(fftfreq(fftSize, 1 / fs), total, fftSize);
}

/** Options of {@link getPowerSpectrumFromTimeArray}. */
export interface TimeArrayPowerSpectrumOptions {
  /** Sampling frequency in Hz used to subsample the array (default 250). */
  samplingfrequency?: number;
  /** Segment length of the FFT (default 1024). */
  fftSize?: number;
}

/**
 * Power spectrum of a signal with one value per simulation step
 * (`get_power_spektrum_from_time_array`): subsampled every `int(1000 / fs / dt)` steps, then
 * Welch's method. `presimulationTime` is accepted and unused, as in CompNeuroPy.
 *
 * @example
 * ```ts
 * const [freq, power] = getPowerSpectrumFromTimeArray(v, 0, 10000, 0.1, { samplingfrequency: 250, fftSize: 1024 });
 * ```
 */
export function getPowerSpectrumFromTimeArray(
  arr: ArrayLike<number>,
  presimulationTime: number,
  simulationTime: number,
  simulationDt: number,
  options: TimeArrayPowerSpectrumOptions = {},
): PowerSpectrum {
  const fn = 'getPowerSpectrumFromTimeArray';
  const { samplingfrequency = 250, fftSize = 1024 } = options;
  void presimulationTime;
  if (!(simulationDt > 0)) throw new Error(`${fn}: simulationDt must be positive, got ${String(simulationDt)}`);
  if (!isPowerOfTwo(fftSize)) throw new Error(`${fn}: fftSize must be a power of 2, got ${String(fftSize)}`);
  if (simulationTime / 1000 < fftSize / samplingfrequency) {
    console.log(`Simulation time has to be >= ${pyFloat(fftSize / samplingfrequency)} s for FFT!`);
    return zeros(fftSize);
  }
  const every = Math.trunc(((1 / samplingfrequency) * 1000) / simulationDt);
  if (every < 1) {
    throw new Error(`${fn}: samplingfrequency ${samplingfrequency} Hz is above the simulation's ${1000 / simulationDt} Hz`);
  }
  const sampled: number[] = [];
  for (let i = 0; i < arr.length; i += every) sampled.push(arr[i]!);
  const spec = welch(hanningSplitOverlap(sampled, fftSize, Math.trunc(fftSize / 2)), fftSize, fn);
  return cut(fftfreq(fftSize, 1 / samplingfrequency), spec, fftSize);
}

/**
 * CompNeuroPy's spelling, `get_power_spektrum_from_time_array`.
 *
 * @example
 * ```ts
 * getPowerSpektrumFromTimeArray(v, 0, 10000, 0.1); // same as getPowerSpectrumFromTimeArray
 * ```
 */
export const getPowerSpektrumFromTimeArray = getPowerSpectrumFromTimeArray;
