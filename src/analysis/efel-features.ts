/**
 * The eFEL features CompNeuroPy's `efel_loss` supports, computed as eFEL 5 defines them
 * (BlueBrain eFEL, `cppcore/SpikeEvent.cpp`, `Subthreshold.cpp`, `pyfeatures/`; its defaults:
 * the trace is first linearly interpolated onto a 0.1 ms grid, spikes are the maxima between an
 * upward and the next downward crossing of -20 mV, the first ISI is ignored for ISI_CV).
 * Written from eFEL's documented definitions because no eFEL exists for JavaScript.
 * @packageDocumentation
 */

/** A trace as eFEL takes it: times `T` (ms), voltages `V` (mV), stimulus start and end (one value each). */
export interface EfelTrace {
  T: ArrayLike<number>;
  V: ArrayLike<number>;
  stim_start: readonly number[] | ArrayLike<number>;
  stim_end: readonly number[] | ArrayLike<number>;
}

/**
 * The feature names `efelLoss` supports (CompNeuroPy's list).
 *
 * @example
 * ```ts
 * EFEL_FEATURES.includes('ISI_CV'); // true
 * ```
 */
export const EFEL_FEATURES = [
  'steady_state_voltage_stimend', 'steady_state_voltage', 'voltage_base', 'voltage_after_stim', 'minimum_voltage',
  'time_to_first_spike', 'time_to_second_spike', 'time_to_last_spike', 'spike_count', 'spike_count_stimint', 'ISI_CV',
] as const;

/** One of {@link EFEL_FEATURES}. */
export type EfelFeature = (typeof EFEL_FEATURES)[number];

/** eFEL's settings that these features read (its defaults). */
export interface EfelSettings {
  /** Spike detection threshold in mV (default -20). */
  Threshold?: number;
  /** Interpolation step in ms (default 0.1). */
  interp_step?: number;
  /** Drop the first ISI for ISI_CV (default true). */
  ignore_first_ISI?: boolean;
}

/** A feature eFEL could not compute (it returns None for it). */
class FeatureFailed extends Error {}

/**
 * eFEL's `LinearInterpolation`: grid `T[0], T[0] + step, ...` (accumulated, `ceil((stop - start)
 * / step)` points, plus one if the last is still below `stop`), values by linear interpolation.
 *
 * @example
 * ```ts
 * efelInterpolate([0, 1], [0, 10], 0.5); // { T: [0, 0.5, 1], V: [0, 5, 10] }
 * ```
 */
export function efelInterpolate(T: ArrayLike<number>, V: ArrayLike<number>, step = 0.1): { T: Float64Array; V: Float64Array } {
  if (T.length !== V.length) throw new Error(`efel: T has ${T.length} values but V has ${V.length}`);
  if (T.length <= 2) throw new Error(`efel: need at least 3 points in T, got ${T.length}`);
  if (!(step > 0)) throw new Error(`efel: interp_step must be positive, got ${step}`);
  const start = T[0]!;
  const stop = T[T.length - 1]!;
  const xs: number[] = [];
  let x = start;
  const n = Math.ceil((stop - start) / step);
  for (let i = 0; i < n; i++) {
    xs.push(x);
    x += step;
  }
  if (xs[xs.length - 1]! < stop) xs.push(x);
  const ys: number[] = [];
  let j = 0;
  for (const xi of xs) {
    while (T[j + 1]! < xi) {
      j++;
      if (j + 1 >= T.length) {
        j = T.length - 1;
        break;
      }
    }
    if (j === T.length - 1) {
      ys.push(V[j]!);
      break;
    }
    const dx = T[j + 1]! - T[j]!;
    if (dx === 0) throw new Error(`efel: T has two equal times at index ${j}`);
    ys.push(V[j]! + ((V[j + 1]! - V[j]!) / dx) * (xi - T[j]!));
  }
  return { T: Float64Array.from(xs.slice(0, ys.length)), V: Float64Array.from(ys) };
}

/**
 * eFEL's `peak_indices`: for each upward crossing of the threshold (strictly from below to
 * strictly above) paired with the next downward crossing, the index of the maximum between them.
 * Fails (eFEL: None) if the voltage never crosses the threshold in both directions.
 */
function peakIndices(V: ArrayLike<number>, threshold: number): number[] {
  const up: number[] = [];
  const dn: number[] = [];
  for (let i = 1; i < V.length; i++) {
    if (V[i]! > threshold && V[i - 1]! < threshold) up.push(i);
    else if (V[i]! < threshold && V[i - 1]! > threshold) dn.push(i);
  }
  if (dn.length === 0 || up.length === 0) throw new FeatureFailed('Voltage never goes below or above threshold in spike detection.');
  while (dn.length > 0 && dn[0]! < up[0]!) dn.shift();
  while (up.length > dn.length) up.pop();
  const peaks: number[] = [];
  for (let i = 0; i < up.length; i++) {
    let best = -1e9;
    let at = -1;
    for (let j = up[i]!; j <= dn[i]!; j++) {
      if (best < V[j]!) {
        best = V[j]!;
        at = j;
      }
    }
    if (at >= 0) peaks.push(at);
  }
  return peaks;
}

function mean(v: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i]!;
  return s / (to - from);
}

function firstIndex(t: ArrayLike<number>, pred: (x: number) => boolean): number {
  for (let i = 0; i < t.length; i++) if (pred(t[i]!)) return i;
  return t.length;
}

/**
 * Computes eFEL features of one trace, as `efel.get_feature_values([trace], names)[0]` does:
 * each value is a one-element array, or `null` where eFEL returns None.
 *
 * @example
 * ```ts
 * const f = getEfelFeatures({ T, V, stim_start: [100], stim_end: [600] }, ['spike_count', 'time_to_first_spike']);
 * f.spike_count;            // [3]
 * ```
 */
export function getEfelFeatures(
  trace: EfelTrace,
  featureList: readonly string[],
  settings: EfelSettings = {},
): Record<string, number[] | null> {
  const { Threshold = -20, interp_step = 0.1, ignore_first_ISI = true } = settings;
  const unknown = featureList.filter((f) => !(EFEL_FEATURES as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new Error(`getEfelFeatures: features not supported: ${unknown.join(', ')} (supported: ${EFEL_FEATURES.join(', ')})`);
  }
  const stimStart = Array.from(trace.stim_start);
  const stimEnd = Array.from(trace.stim_end);
  if (stimStart.length !== 1 || stimEnd.length !== 1) {
    throw new Error('efel: stim_start and stim_end in the trace must each be a list of one value');
  }
  const s0 = stimStart[0]!;
  const s1 = stimEnd[0]!;
  if (!(s1 > s0)) throw new Error(`efel: stim_end needs to be larger than stim_start: stim_start=${s0} stim_end=${s1}`);
  const { T, V } = efelInterpolate(trace.T, trace.V, interp_step);

  let peaksCache: number[] | FeatureFailed | undefined;
  const peaks = (): number[] => {
    if (peaksCache === undefined) {
      try {
        peaksCache = peakIndices(V, Threshold);
      } catch (e) {
        if (!(e instanceof FeatureFailed)) throw e;
        peaksCache = e;
      }
    }
    if (peaksCache instanceof FeatureFailed) throw peaksCache;
    return peaksCache;
  };
  const peakTimes = (): number[] => {
    const p = peaks().map((i) => T[i]!);
    if (p.length === 0) throw new FeatureFailed('no peaks');
    return p;
  };

  const compute: Record<EfelFeature, () => number> = {
    steady_state_voltage_stimend: () => {
      const from = firstIndex(T, (x) => x >= s1 - 0.1 * (s1 - s0));
      const to = firstIndex(T, (x) => x >= s1);
      if (to - from <= 0) throw new FeatureFailed('empty window');
      return mean(V, from, to);
    },
    steady_state_voltage: () => {
      let sum = 0;
      let n = 0;
      for (let i = T.length - 1; i >= 0 && T[i]! > s1; i--) {
        sum += V[i]!;
        n++;
      }
      return sum / n;
    },
    voltage_base: () => {
      const startTime = s0 * 0.9;
      const endTime = s0 * 1.0;
      if (startTime >= endTime) throw new FeatureFailed('voltage_base: startTime >= endTime');
      const from = firstIndex(T, (x) => x >= startTime);
      let to = T.length;
      for (let i = T.length - 1; i > 0; i--) {
        if (T[i]! - endTime < 1e-10) {
          to = i + 1;
          break;
        }
      }
      return mean(V, from, to);
    },
    voltage_after_stim: () => {
      const last = T[T.length - 1]!;
      const startTime = s1 + (last - s1) * 0.25;
      const endTime = s1 + (last - s1) * 0.75;
      let sum = 0;
      let n = 0;
      for (let i = 0; i < T.length; i++) {
        if (T[i]! >= startTime) {
          sum += V[i]!;
          n++;
        }
        if (T[i]! > endTime) break;
      }
      if (n === 0) throw new FeatureFailed('no samples after the stimulus');
      return sum / n;
    },
    minimum_voltage: () => {
      const last = T[T.length - 1]!;
      if (s0 > last) throw new FeatureFailed('Stimulus start larger than max time in trace');
      const end = Math.min(s1, last);
      const from = firstIndex(T, (x) => x >= s0);
      const to = firstIndex(T, (x) => x >= end);
      if (to >= T.length || to <= from) throw new FeatureFailed('empty stimulus window');
      let m = Infinity;
      for (let i = from; i < to; i++) if (V[i]! < m) m = V[i]!;
      return m;
    },
    time_to_first_spike: () => peakTimes()[0]! - s0,
    time_to_second_spike: () => {
      const p = peakTimes();
      if (p.length < 2) throw new FeatureFailed('Two spikes required for time_to_second_spike.');
      return p[1]! - s0;
    },
    time_to_last_spike: () => {
      const p = peakTimes();
      return p[p.length - 1]! - s0;
    },
    spike_count: () => {
      try {
        return peaks().length;
      } catch (e) {
        if (e instanceof FeatureFailed) return 0;
        throw e;
      }
    },
    spike_count_stimint: () => {
      let p: number[];
      try {
        p = peakTimes();
      } catch (e) {
        if (e instanceof FeatureFailed) return 0;
        throw e;
      }
      return p.filter((t) => s0 <= t && t <= s1).length;
    },
    ISI_CV: () => {
      const p = peakTimes();
      if (p.length < 2) throw new FeatureFailed('Two spikes required for all_ISI_values.');
      let isi = p.slice(1).map((t, i) => t - p[i]!);
      if (ignore_first_ISI) isi = isi.slice(1);
      if (isi.length < 2) throw new FeatureFailed('fewer than 2 ISIs');
      const m = isi.reduce((a, b) => a + b, 0) / isi.length;
      const ss = isi.reduce((a, b) => a + (b - m) ** 2, 0);
      return Math.sqrt(ss / (isi.length - 1)) / m; // ddof = 1, as eFEL
    },
  };

  const out: Record<string, number[] | null> = {};
  for (const name of featureList) {
    try {
      out[name] = [compute[name as EfelFeature]()];
    } catch (e) {
      if (!(e instanceof FeatureFailed)) throw e;
      out[name] = null;
    }
  }
  return out;
}
