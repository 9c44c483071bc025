import type { RecordedArray } from '../engine/recorded-array.js';
import type { SpikeDict } from '../engine/spike-dict.js';

/** Spikes of a compartment as CompNeuroPy stores them: neuron rank -> integer steps. */
export type { SpikeDict };

/**
 * Parameter values of a compartment at retrieval time (arrays for per-neuron ones).
 *
 * @example
 * ```ts
 * const p = monitors.getRecordings()[0]!['HH_Bischop;parameter_dict'] as ParameterDict;
 * ```
 */
export type ParameterDict = Record<string, number | Float64Array>;

/**
 * Any value stored under a `"compartment;name"` key of a recording chunk.
 *
 * @example
 * ```ts
 * const v: RecordingValue = monitors.getRecordings()[0]!['HH_Bischop;v']!;
 * ```
 */
export type RecordingValue = number | RecordedArray | SpikeDict | ParameterDict;

/**
 * One chunk of recordings, keyed as CompNeuroPy keys them:
 * - `"pop;v"`: {@link RecordedArray} `[samples, neurons]` (`[samples, post, pre]` for projections)
 * - `"pop;spike"`: {@link SpikeDict}
 * - `"pop;period"`: the sampling period in ms (snapped to the dt grid)
 * - `"pop;parameter_dict"` (populations) / `"proj;parameters"` (projections): {@link ParameterDict}
 * - `"dt"`: the simulation time step in ms
 *
 * @example
 * ```ts
 * const v = chunk['HH_Bischop;v'] as RecordedArray;   // shape [100000, 1]
 * const dt = chunk.dt;
 * ```
 */
export type RecordingChunk = { dt: number } & Record<string, RecordingValue>;

/**
 * The recordings of all chunks, index = chunk number.
 *
 * @example
 * ```ts
 * const recordings: Recordings = monitors.getRecordings();
 * recordings[0]!['HH_Bischop;v'];   // chunk 0
 * ```
 */
export type Recordings = RecordingChunk[];

/**
 * Start or stop limits of every period of one compartment in one chunk (inclusive).
 *
 * @example
 * ```ts
 * const starts: PeriodLimits = recordingTimes.all()[0]!['HH_Bischop']!.start;
 * starts.ms[0]; starts.idx[0];
 * ```
 */
export interface PeriodLimits {
  /** Time of the first (start) or last (stop) sample of each period, ms. */
  ms: number[];
  /** Array index of that sample in the chunk's recorded array. */
  idx: number[];
}

/**
 * Periods of one compartment in one chunk.
 *
 * @example
 * ```ts
 * const t: CompartmentTimes = recordingTimes.all()[0]!['HH_Bischop']!;
 * t.start.ms; t.stop.idx;
 * ```
 */
export interface CompartmentTimes {
  start: PeriodLimits;
  stop: PeriodLimits;
}

/**
 * Timing of one chunk: compartment name -> its periods (in mon_dict order).
 *
 * @example
 * ```ts
 * const c: RecordingTimesChunk = recordingTimes.all()[0]!;
 * c['HH_Bischop']!.start.ms;
 * ```
 */
export type RecordingTimesChunk = Record<string, CompartmentTimes>;
