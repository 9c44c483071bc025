import { getNumberOfDecimals, roundTo } from '../analysis/number-of-decimals.js';
import { arange, timeDataFillGaps } from '../analysis/time-data-fill-gaps.js';
import { RecordedArray } from './recorded-array.js';
import type { RecordingChunk, RecordingTimesChunk, SpikeDict } from './recordings.js';
import { anyRecordings } from './timings.js';

/**
 * Which chunk / compartment / period a limit query is about (CompNeuroPy's keyword arguments).
 *
 * @example
 * ```ts
 * const o: LimsOptions = { chunk: 0, compartment: 'HH_Bischop', period: 0 };
 * recordingTimes.timeLims(o);
 * ```
 */
export interface LimsOptions {
  /** Chunk index; default 0. Negative values count from the end, as Python's indexing does. */
  chunk?: number;
  /** Compartment name; default the first compartment of the chunk (mon_dict order). */
  compartment?: string;
  /** Period index; default all periods (start of the first, stop of the last). */
  period?: number;
}

/**
 * How {@link RecordingTimes.combinePeriods} fills the pauses between periods.
 *
 * @example
 * ```ts
 * const fill: CombineFill = 'nan';   // or 'none', 'interpolate', a number
 * recordingTimes.combinePeriods(recordings, 'HH_Bischop;v', { chunk: 0, fill });
 * ```
 */
export type CombineFill = 'none' | 'nan' | 'interpolate' | number;

/**
 * How {@link RecordingTimes.combineChunks} places the chunks on the time axis.
 *
 * @example
 * ```ts
 * const mode: CombineMode = 'consecutive';
 * recordingTimes.combineChunks(recordings, 'HH_Bischop;v', mode);
 * ```
 */
export type CombineMode = 'sequential' | 'consecutive';

/**
 * Recorded data as the combine methods return it: 1-D as Float64Array, else a RecordedArray.
 *
 * @example
 * ```ts
 * const [t, v]: [Float64Array, CombinedData] = recordingTimes.combineChunks(recordings, 'HH_Bischop;v', 'consecutive');
 * ```
 */
export type CombinedData = Float64Array | RecordedArray;

/**
 * The recording times of all chunks of a CompNeuroMonitors object (CompNeuroPy's
 * `RecordingTimes`): per chunk, per compartment, the inclusive start/stop of every period in ms and
 * as array index. The list is shared, not copied, as in CompNeuroPy.
 *
 * Errors carry CompNeuroPy's messages (which CompNeuroPy prints before `quit()`), extended by what
 * is available.
 *
 * @example
 * ```ts
 * const rt = new RecordingTimes([
 *   { my_pop1: { start: { ms: [100, 300], idx: [0, 50] }, stop: { ms: [198, 498], idx: [49, 149] } } },
 * ]);
 * rt.timeLims();                           // [100, 498]
 * rt.idxLims({ period: 1 });               // [50, 149]
 * rt.nbrPeriods({ compartment: 'my_pop1' }); // 2
 * ```
 */
export class RecordingTimes {
  /** The raw list (`recording_times_list`), index = chunk. */
  readonly recordingTimesList: RecordingTimesChunk[];

  constructor(recordingTimesList: RecordingTimesChunk[]) {
    if (!Array.isArray(recordingTimesList)) {
      throw new Error('RecordingTimes: recordingTimesList must be an array with one entry per chunk');
    }
    this.recordingTimesList = recordingTimesList;
  }

  /**
   * Time limits `[start, stop]` in ms, both the times of recorded samples (inclusive).
   *
   * @example
   * ```ts
   * recordingTimes.timeLims({ chunk: 1, compartment: 'my_pop2' }); // [800, 1499.9]
   * ```
   */
  timeLims(options: LimsOptions = {}): [number, number] {
    if (this.recordingTimesList.length === 0) {
      throw new Error('ERROR time_lims(): No recordings/recording_times available.');
    }
    return this.lims('ms', options);
  }

  /**
   * Index limits `[start, stop]` in the recorded arrays, both inclusive: a period's samples are
   * `array.slice(start, stop + 1)`.
   *
   * @example
   * ```ts
   * recordingTimes.idxLims({ chunk: 0, compartment: 'my_pop1', period: 2 }); // [150, 199]
   * ```
   */
  idxLims(options: LimsOptions = {}): [number, number] {
    if (this.recordingTimesList.length === 0) {
      throw new Error('ERROR idx_lims(): No recordings/recording_times available.');
    }
    return this.lims('idx', options);
  }

  /**
   * The raw list of all chunks (the same object, not a copy).
   *
   * @example
   * ```ts
   * recordingTimes.all()[0].my_pop1.stop.ms; // [198, 498, 698]
   * ```
   */
  all(): RecordingTimesChunk[] {
    return this.recordingTimesList;
  }

  /**
   * Number of periods (start ... pause) of a compartment in a chunk.
   *
   * @example
   * ```ts
   * recordingTimes.nbrPeriods({ chunk: 0, compartment: 'my_pop1' }); // 3
   * ```
   */
  nbrPeriods(options: { chunk?: number; compartment?: string } = {}): number {
    const chunk = this.checkChunk(options.chunk);
    const compartment = this.checkCompartment(options.compartment, chunk);
    return this.getNrPeriods(chunk, compartment);
  }

  /**
   * Alias of {@link RecordingTimes.nbrPeriods} (CompNeuroPy's `nr_periods`).
   *
   * @example
   * ```ts
   * recordingTimes.nrPeriods({ chunk: 1 }); // 1
   * ```
   */
  nrPeriods(options: { chunk?: number; compartment?: string } = {}): number {
    return this.nbrPeriods(options);
  }

  /**
   * Number of chunks (`_get_nr_chunks`).
   *
   * @example
   * ```ts
   * recordingTimes.getNrChunks(); // 3
   * ```
   */
  getNrChunks(): number {
    return this.recordingTimesList.length;
  }

  /**
   * Number of periods without default arguments (`_get_nr_periods`, used by PlotRecordings).
   *
   * @example
   * ```ts
   * recordingTimes.getNrPeriods(0, 'my_pop2'); // 2
   * ```
   */
  getNrPeriods(chunk: number, compartment: string): number {
    const c = this.checkChunk(chunk);
    return this.recordingTimesList[c]![this.checkCompartment(compartment, c)]!.start.idx.length;
  }

  /**
   * True if any period of any compartment of the chunk has `stop_idx - start_idx > 0`
   * (`_any_recordings`; a one-sample period does not count, quirk §14.3).
   *
   * @example
   * ```ts
   * recordingTimes.anyRecordings(0); // true
   * ```
   */
  anyRecordings(chunk: number): boolean {
    return anyRecordings(this.recordingTimesList[this.checkChunk(chunk)]!);
  }

  /**
   * Time and data of all periods of one chunk of `recordings[chunk][recordingDataStr]`.
   * Times: per period `arange(round(start), round(stop) + P/2, P)` (rounded to the decimals of
   * dt), concatenated. Data: the recorded array (all periods are already concatenated in it), or
   * NaN shaped like the times if the key is missing. `fill`:
   * - `'none'` (default): nothing is filled, pauses are jumps in the time array;
   * - `'nan'` / a number: the pauses are filled on the P grid with NaN / that number;
   * - `'interpolate'`: nearest-neighbour values (scipy `interp1d(kind="nearest")`, ties to the
   *   earlier sample) on the full grid `arange(t0, tN + P/2, P)`.
   *
   * A spike key (`'pop;spike'`) gives the period times and the spike dict itself, as in
   * CompNeuroPy (only with fill `'none'`).
   *
   * Quirk §14.5 kept: P and dt are always read from `recordings[0]`.
   *
   * @example
   * ```ts
   * const [t, v] = recordingTimes.combinePeriods(recordings, 'my_pop1;v', { chunk: 0, fill: 'nan' });
   * ```
   */
  combinePeriods(
    recordings: readonly RecordingChunk[],
    recordingDataStr: string,
    options: { chunk?: number; fill?: CombineFill } = {},
  ): [Float64Array, CombinedData | SpikeDict] {
    const fn = 'combinePeriods';
    const { fill = 'none' } = options;
    if (this.recordingTimesList.length === 0) {
      throw new Error('ERROR combine_periods(): No recordings/recording_times available.');
    }
    const chunk = this.checkChunk(options.chunk ?? 0);
    const compartment = splitDataStr(fn, recordingDataStr);
    this.checkCompartment(compartment, chunk);
    const { period, dt } = periodAndDt(fn, recordings, compartment);
    const dec = getNumberOfDecimals(dt);

    const parts: Float64Array[] = [];
    for (let p = 0; p < this.getNrPeriods(chunk, compartment); p++) {
      const [s, e] = this.timeLims({ chunk, compartment, period: p });
      parts.push(arange(roundTo(s, dec), roundTo(e, dec) + period / 2, period));
    }
    const time = concat(parts);

    const chunkRec = recordings[chunk];
    if (chunkRec === undefined) {
      throw new Error(`${fn}: recordings has no chunk ${chunk} (it has ${recordings.length} chunks)`);
    }
    const raw = chunkRec[recordingDataStr];
    if (isSpikeDict(raw)) {
      // CompNeuroPy returns the period times and the spike dict itself; filling gaps of a dict fails there.
      if (fill !== 'none') {
        throw new Error(`${fn}: "${recordingDataStr}" is a spike dict; only fill 'none' applies to it (got ${JSON.stringify(fill)})`);
      }
      return [time, raw];
    }
    const data: CombinedData =
      raw === undefined ? new Float64Array(time.length).fill(NaN) : asArrayData(fn, recordingDataStr, raw);

    if (fill === 'none') return [time, data];
    if (fill === 'nan' || typeof fill === 'number') {
      return timeDataFillGaps(time, data, { fillTimeStep: period, fill });
    }
    if (fill === 'interpolate') return nearestOnGrid(time, data, arange(time[0]!, time[time.length - 1]! + period / 2, period));
    throw new Error(`${fn}: fill must be 'none', 'nan', 'interpolate' or a number, got ${JSON.stringify(fill)}`);
  }

  /**
   * Time and data of one recorded variable over all chunks. Data: all chunks concatenated along
   * the first axis. Times: every period of every chunk as
   * `arange(round(start + offset), round(stop + offset) + P, P)`, where the chunk offset is 0 for
   * `'sequential'` (each chunk keeps its own times, so the array is not monotonic) and for
   * `'consecutive'` `offset_k = offset_{k-1} + lastStop(chunk k-1) + P` (e.g. [0..100] then
   * [101..351] for P = 1; assumes every chunk starts at 0, quirk §14.5). Gaps are then filled with
   * NaN on the P grid.
   *
   * @example
   * ```ts
   * const [times, dataArr] = recordingTimes.combineChunks(recordings, 'my_pop1;v', 'consecutive');
   * ```
   */
  combineChunks(
    recordings: readonly RecordingChunk[],
    recordingDataStr: string,
    mode: CombineMode = 'sequential',
  ): [Float64Array, CombinedData] {
    const fn = 'combineChunks';
    if (this.recordingTimesList.length === 0) {
      throw new Error('ERROR combine_chunks(): No recordings/recording_times available.');
    }
    if (mode !== 'sequential' && mode !== 'consecutive') {
      throw new Error(
        `ERROR recording_times.combine_data, Wrong mode. (mode must be 'sequential' or 'consecutive', got ${JSON.stringify(mode)})`,
      );
    }
    const compartment = splitDataStr(fn, recordingDataStr);
    const { period, dt } = periodAndDt(fn, recordings, compartment);
    const dec = getNumberOfDecimals(dt);
    const nrChunks = this.getNrChunks();
    if (recordings.length < nrChunks) {
      throw new Error(`${fn}: recordings has ${recordings.length} chunks, the recording times have ${nrChunks}`);
    }

    const dataList: CombinedData[] = [];
    const timeList: Float64Array[] = [];
    let preChunkStartTime = 0;
    for (let chunk = 0; chunk < nrChunks; chunk++) {
      const raw = recordings[chunk]![recordingDataStr];
      if (raw === undefined) {
        throw new Error(`${fn}: chunk ${chunk} of recordings has no key "${recordingDataStr}"`);
      }
      dataList.push(asArrayData(fn, recordingDataStr, raw));
      this.checkCompartment(compartment, chunk);
      const nrPeriods = this.getNrPeriods(chunk, compartment);

      let chunkStartTime = 0;
      if (mode === 'consecutive' && chunk > 0) {
        const prevStops = this.recordingTimesList[chunk - 1]![compartment]!.stop.ms;
        chunkStartTime = preChunkStartTime + prevStops[prevStops.length - 1]! + period;
        preChunkStartTime = chunkStartTime;
      }
      for (let p = 0; p < nrPeriods; p++) {
        const [s, e] = this.timeLims({ chunk, compartment, period: p });
        const startTime = roundTo(s + chunkStartTime, dec);
        const endTime = roundTo(e + chunkStartTime, dec);
        timeList.push(arange(startTime, endTime + period, period));
      }
    }
    return timeDataFillGaps(concat(timeList), concatData(fn, dataList), { fillTimeStep: period });
  }

  private lims(unit: 'ms' | 'idx', options: LimsOptions): [number, number] {
    const chunk = this.checkChunk(options.chunk);
    const compartment = this.checkCompartment(options.compartment, chunk);
    const [p0, p1] = this.checkPeriod(options.period, chunk, compartment);
    const c = this.recordingTimesList[chunk]![compartment]!;
    return [c.start[unit][p0]!, c.stop[unit][p1]!];
  }

  /** `_check_chunk`: default 0; Python-style negative indices; anything else must exist. */
  private checkChunk(chunk: number | undefined): number {
    const n = this.recordingTimesList.length;
    if (chunk === undefined || chunk === null) {
      if (n === 0) throw new Error('ERROR recording_times, given chunk "0" not available (no chunks recorded)');
      return 0;
    }
    if (!Number.isInteger(chunk) || chunk >= n || chunk < -n) {
      const avail = n === 0 ? 'no chunks recorded' : `available chunks: 0..${n - 1}`;
      throw new Error(`ERROR recording_times, given chunk "${String(chunk)}" not available (${avail})`);
    }
    return chunk < 0 ? chunk + n : chunk;
  }

  /** `__check_compartment__`: default the first compartment of the chunk. */
  private checkCompartment(compartment: string | undefined, chunk: number): string {
    const names = Object.keys(this.recordingTimesList[chunk]!);
    if (compartment === undefined || compartment === null) {
      if (names.length === 0) {
        throw new Error(`ERROR recording_times, chunk ${chunk} has no compartments`);
      }
      return names[0]!;
    }
    if (!names.includes(compartment)) {
      throw new Error(
        `ERROR recording_times, given compartment "${String(compartment)}" not available ` +
          `(compartments of chunk ${chunk}: ${names.join(', ') || 'none'})`,
      );
    }
    return compartment;
  }

  /** `_check_period`: default all periods; Python-style negative indices. */
  private checkPeriod(period: number | undefined, chunk: number, compartment: string): [number, number] {
    const n = this.recordingTimesList[chunk]![compartment]!.start.idx.length;
    if (period === undefined || period === null) return [0, n - 1];
    if (!Number.isInteger(period) || period >= n || period < -n) {
      throw new Error(
        `ERROR recording_times, given period "${String(period)}" not available ` +
          `(compartment "${compartment}" of chunk ${chunk} has ${n} period${n === 1 ? '' : 's'}` +
          `${n > 0 ? `: 0..${n - 1}` : ''})`,
      );
    }
    const p = period < 0 ? period + n : period;
    return [p, p];
  }
}

function isSpikeDict(raw: unknown): raw is SpikeDict {
  return (
    raw !== null && typeof raw === 'object' && !(raw instanceof RecordedArray) && !ArrayBuffer.isView(raw) &&
    Object.values(raw).every((v) => Array.isArray(v))
  );
}

function splitDataStr(fn: string, recordingDataStr: string): string {
  if (typeof recordingDataStr !== 'string' || !recordingDataStr.includes(';')) {
    throw new Error(`${fn}: recordingDataStr must look like "compartment;variable", got ${JSON.stringify(recordingDataStr)}`);
  }
  return recordingDataStr.split(';')[0]!;
}

/** P and dt from `recordings[0]` (quirk §14.5: also for later chunks). */
function periodAndDt(
  fn: string,
  recordings: readonly RecordingChunk[],
  compartment: string,
): { period: number; dt: number } {
  const first = recordings[0];
  if (first === undefined) throw new Error(`${fn}: recordings is empty`);
  const period = first[`${compartment};period`];
  if (typeof period !== 'number' || !(period > 0)) {
    throw new Error(`${fn}: recordings[0] has no positive "${compartment};period" (ms)`);
  }
  if (typeof first.dt !== 'number' || !(first.dt > 0)) throw new Error(`${fn}: recordings[0] has no positive "dt"`);
  return { period, dt: first.dt };
}

function asArrayData(fn: string, key: string, raw: unknown): CombinedData {
  if (raw instanceof RecordedArray) return raw;
  if (raw instanceof Float64Array) return raw;
  throw new Error(`${fn}: "${key}" is not an array recording (spike dicts and parameters cannot be combined)`);
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** `np.concatenate(data_list, 0)`: all parts need the same shape apart from the first axis. */
function concatData(fn: string, parts: readonly CombinedData[]): CombinedData {
  if (parts.every((p) => p instanceof Float64Array)) return concat(parts as Float64Array[]);
  const shapes = parts.map((p) => (p instanceof RecordedArray ? p.shape : [p.length]));
  const rest = shapes[0]!.slice(1);
  for (const s of shapes) {
    if (s.length !== rest.length + 1 || s.slice(1).some((v, k) => v !== rest[k])) {
      throw new Error(`${fn}: the chunks' arrays differ in shape beyond the first axis, cannot concatenate`);
    }
  }
  const data = concat(parts.map((p) => (p instanceof RecordedArray ? p.data : p)));
  const rows = shapes.reduce((a, s) => a + s[0]!, 0);
  return new RecordedArray(data, [rows, ...rest]);
}

/** scipy `interp1d(time, data, kind="nearest", axis=0)(grid)` (bounds_error=True). */
function nearestOnGrid(time: Float64Array, data: CombinedData, grid: Float64Array): [Float64Array, CombinedData] {
  const n = time.length;
  const rows = data instanceof RecordedArray ? data.length : data.length;
  if (rows !== n) {
    throw new Error(`combinePeriods: the data has ${rows} samples but the recording times give ${n}`);
  }
  // interp1d sorts x (stable) unless assume_sorted.
  const order = Array.from(time.keys()).sort((a, b) => time[a]! - time[b]! || a - b);
  const x = Float64Array.from(order, (i) => time[i]!);
  const bds = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i + 1 < n; i++) bds[i] = (x[i + 1]! + x[i]!) / 2;
  const rowSize = data instanceof RecordedArray ? data.rowSize : 1;
  const src = data instanceof RecordedArray ? data.data : data;
  const out = new Float64Array(grid.length * rowSize);
  for (let j = 0; j < grid.length; j++) {
    const g = grid[j]!;
    if (g < x[0]!) throw new Error(`A value (${g}) in x_new is below the interpolation range's minimum value (${x[0]}).`);
    if (g > x[n - 1]!) throw new Error(`A value (${g}) in x_new is above the interpolation range's maximum value (${x[n - 1]}).`);
    let lo = 0;
    let hi = bds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bds[mid]! < g) lo = mid + 1;
      else hi = mid;
    }
    const row = order[Math.min(lo, n - 1)]!;
    out.set(src.subarray(row * rowSize, (row + 1) * rowSize), j * rowSize);
  }
  return [grid, data instanceof RecordedArray ? new RecordedArray(out, [grid.length, ...data.shape.slice(1)]) : out];
}

/**
 * CompNeuroPy's old name of {@link RecordingTimes} (`recording_times_cl`).
 *
 * @example
 * ```ts
 * new recordingTimesCl(mon.getRecordingTimes().all());
 * ```
 */
export const recordingTimesCl = RecordingTimes;
