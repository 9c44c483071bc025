/**
 * CompNeuroPy's `efel_loss`: the mean over features of |f1 - f2| / close, with eFEL's features
 * ({@link getEfelFeatures}).
 * @packageDocumentation
 */
import { EFEL_FEATURES, getEfelFeatures, type EfelTrace } from './efel-features.js';

function clip(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/**
 * Loss between two traces over eFEL features (`efel_loss(trace1, trace2, feature_list)`).
 * Per feature: both missing -> 0, one missing -> a "maximum" difference, else |f1 - f2|; each
 * difference is divided by a "close" difference (10 mV for voltages, 10 % of the trace after the
 * stimulus start clipped to 5..50 ms for spike times, one spike per 200 ms for counts, 0.1 for
 * ISI_CV) and the mean is returned as a one-element array. Traces leaving [-200, 100] mV get
 * the maximum loss.
 *
 * @example
 * ```ts
 * efelLoss(trace1, trace2, ['spike_count', 'time_to_first_spike']); // Float64Array [0.25]
 * ```
 */
export function efelLoss(trace1: EfelTrace, trace2: EfelTrace, featureList: readonly string[]): Float64Array {
  const T1 = trace1.T;
  const last = T1[T1.length - 1]!;
  const s0 = Array.from(trace1.stim_start)[0]!;
  const s1 = Array.from(trace1.stim_end)[0]!;
  let inStim = 0;
  for (let i = 0; i < T1.length; i++) if (T1[i]! >= s0 && T1[i]! < s1) inStim++;
  const diffMax: Record<string, number> = {
    steady_state_voltage_stimend: 200,
    steady_state_voltage: 200,
    voltage_base: 200,
    voltage_after_stim: 200,
    minimum_voltage: 200,
    time_to_first_spike: last - s0,
    time_to_second_spike: last - s0,
    time_to_last_spike: last - s0,
    spike_count: T1.length,
    spike_count_stimint: inStim,
    ISI_CV: 1,
  };
  const spikeTimeClose = clip((last - s0) * 0.1, 5, 50);
  const countClose = Math.ceil((last - T1[0]!) / 200);
  const diffClose: Record<string, number> = {
    steady_state_voltage_stimend: 10,
    steady_state_voltage: 10,
    voltage_base: 10,
    voltage_after_stim: 10,
    minimum_voltage: 10,
    time_to_first_spike: spikeTimeClose,
    time_to_second_spike: spikeTimeClose,
    time_to_last_spike: spikeTimeClose,
    spike_count: countClose,
    spike_count_stimint: countClose,
    ISI_CV: 0.1,
  };
  const notSupported = featureList.filter((f) => !(f in diffMax));
  if (notSupported.length > 0) {
    throw new Error(`Features not supported: [${notSupported.map((f) => `'${f}'`).join(', ')}] (supported: ${EFEL_FEATURES.join(', ')})`);
  }
  if (featureList.length === 0) throw new Error('efelLoss: featureList is empty');

  const explodes = (v: ArrayLike<number>): boolean => {
    for (let i = 0; i < v.length; i++) if (v[i]! < -200 || v[i]! > 100) return true;
    return false;
  };
  let loss = 0;
  if (explodes(trace1.V) || explodes(trace2.V)) {
    for (const f of featureList) loss += diffMax[f]! / diffClose[f]!;
    return Float64Array.of(loss / featureList.length);
  }
  const f1 = getEfelFeatures(trace1, featureList);
  const f2 = getEfelFeatures(trace2, featureList);
  for (const f of featureList) {
    const a = f1[f];
    const b = f2[f];
    let diff: number;
    if (a == null && b == null) diff = 0;
    else if (a == null || b == null) diff = diffMax[f]!;
    else diff = Math.abs(a[0]! - b[0]!);
    loss += diff / diffClose[f]!;
  }
  return Float64Array.of(loss / featureList.length);
}
