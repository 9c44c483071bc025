/**
 * CompNeuroPy's `get_spike_features_of_chunk` and `get_spike_features_loss_of_chunk`: spike
 * count, times of the first/second/third/last spike and the ISI CV of one chunk of an
 * experiment's results, and a scaled loss between two results.
 * @packageDocumentation
 */
import type { RecordingTimes } from '../monitors/recording-times.js';
import type { Recordings, SpikeDict } from '../monitors/recordings.js';
import { getNanmean, getNanstd } from './nan-stats.js';
import { myRasterPlot } from './raster.js';

/** What these functions read of a `CompNeuroExp` result (`ExperimentResults` fits). */
export interface SpikeFeatureResults {
  recordings: Recordings;
  recordingTimes: RecordingTimes | undefined;
  data: Record<string, unknown>;
}

/** The spike features of one chunk; `null` where CompNeuroPy has None (too few spikes). */
export interface SpikeFeatures {
  spike_count: number;
  time_to_first_spike: number | null;
  time_to_second_spike: number | null;
  time_to_third_spike: number | null;
  time_to_last_spike: number | null;
  ISI_CV: number | null;
}

/** The feature names of {@link SpikeFeatures}. */
export type SpikeFeatureName = keyof SpikeFeatures;

function popName(fn: string, results: SpikeFeatureResults): string {
  const name = results.data?.pop_name;
  if (typeof name !== 'string') {
    throw new Error(`${fn}: results.data must contain the population name as "pop_name" (a string)`);
  }
  return name;
}

/**
 * Spike features of a chunk (`get_spike_features_of_chunk(chunk, results)`): reads
 * `recordings[chunk]["<pop_name>;spike"]`. Times are `step * dt` in ms, taken in the raster
 * order (neuron by neuron, as CompNeuroPy does); ISI_CV is `std / mean` (ddof 0) of the
 * differences of all spike times.
 *
 * @example
 * ```ts
 * getSpikeFeaturesOfChunk(0, results); // { spike_count: 3, time_to_first_spike: 10.5, ... }
 * ```
 */
export function getSpikeFeaturesOfChunk(chunk: number, results: SpikeFeatureResults): SpikeFeatures {
  const fn = 'getSpikeFeaturesOfChunk';
  const pop = popName(fn, results);
  const rec = results.recordings[chunk];
  if (rec === undefined) {
    throw new Error(`${fn}: chunk ${chunk} not available (results have ${results.recordings.length} chunks)`);
  }
  const spikes = rec[`${pop};spike`];
  if (spikes === undefined || typeof spikes !== 'object') {
    throw new Error(`${fn}: chunk ${chunk} has no "${pop};spike" recording (record the spikes of ${pop})`);
  }
  const dt = rec.dt;
  const [t] = myRasterPlot(spikes as SpikeDict);
  const n = t.length;
  const at = (k: number): number | null => (n > k ? t[k]! * dt : null);
  let cv: number | null = null;
  if (n > 1) {
    const isi = new Float64Array(n - 1);
    for (let i = 1; i < n; i++) isi[i - 1] = t[i]! * dt - t[i - 1]! * dt;
    cv = (getNanstd(isi) as number) / (getNanmean(isi) as number);
  }
  return {
    spike_count: n,
    time_to_first_spike: at(0),
    time_to_second_spike: at(1),
    time_to_third_spike: at(2),
    time_to_last_spike: n > 0 ? t[n - 1]! * dt : null,
    ISI_CV: cv,
  };
}

/** Options of {@link getSpikeFeaturesLossOfChunk}. */
export interface SpikeFeaturesLossOptions {
  /** Chunk of the second results (default: the same chunk). */
  chunk2?: number;
  /** Features to compare (default: all of {@link SpikeFeatures}). */
  featureList?: readonly string[];
}

/**
 * Loss between the spike features of two results (`get_spike_features_loss_of_chunk`): per
 * feature |f1 - f2| (both missing: 0, one missing: a maximum difference) divided by a "close"
 * difference, averaged. The recording duration of the chunk (from `results1`) sets the
 * maxima (duration in samples for counts, in ms for times, 1 for ISI_CV) and the close values
 * (one spike per 200 ms, 10 % of the duration clipped to 5..50 ms, 0.1).
 *
 * @example
 * ```ts
 * getSpikeFeaturesLossOfChunk(0, resultsIst, resultsSoll, { featureList: ['spike_count'] });
 * ```
 */
export function getSpikeFeaturesLossOfChunk(
  chunk: number,
  results1: SpikeFeatureResults,
  results2: SpikeFeatureResults,
  options: SpikeFeaturesLossOptions = {},
): number {
  const fn = 'getSpikeFeaturesLossOfChunk';
  const chunk2 = options.chunk2 ?? chunk;
  const pop = popName(fn, results1);
  const rt = results1.recordingTimes;
  if (rt === undefined) throw new Error(`${fn}: results1 has no recordingTimes (the experiment needs monitors)`);
  let durMs = 0;
  let durIdx = 0;
  const nPeriods = rt.nbrPeriods({ chunk, compartment: pop });
  for (let p = 0; p < nPeriods; p++) {
    const [t0, t1] = rt.timeLims({ chunk, compartment: pop, period: p });
    const [i0, i1] = rt.idxLims({ chunk, compartment: pop, period: p });
    durMs += Math.abs(t1 - t0);
    durIdx += Math.abs(i1 - i0);
  }
  const timeClose = Math.min(Math.max(durMs * 0.1, 5), 50);
  const diffMax: Record<SpikeFeatureName, number> = {
    spike_count: durIdx,
    time_to_first_spike: durMs,
    time_to_second_spike: durMs,
    time_to_third_spike: durMs,
    time_to_last_spike: durMs,
    ISI_CV: 1,
  };
  const diffClose: Record<SpikeFeatureName, number> = {
    spike_count: Math.ceil(durMs / 200),
    time_to_first_spike: timeClose,
    time_to_second_spike: timeClose,
    time_to_third_spike: timeClose,
    time_to_last_spike: timeClose,
    ISI_CV: 0.1,
  };
  const featureList = options.featureList ?? (Object.keys(diffMax) as SpikeFeatureName[]);
  const notSupported = featureList.filter((f) => !(f in diffMax));
  if (notSupported.length > 0) {
    throw new Error(`Features not supported: [${notSupported.map((f) => `'${f}'`).join(', ')}]`);
  }
  const f1 = getSpikeFeaturesOfChunk(chunk, results1);
  const f2 = getSpikeFeaturesOfChunk(chunk2, results2);
  let loss = 0;
  for (const name of featureList as SpikeFeatureName[]) {
    const a = f1[name];
    const b = f2[name];
    let diff: number;
    if (a === null && b === null) diff = 0;
    else if (a === null || b === null) diff = diffMax[name];
    else diff = Math.abs(a - b);
    loss += diff / diffClose[name];
  }
  return loss / featureList.length;
}
