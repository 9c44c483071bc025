/**
 * `time_data_fill_gaps` of CompNeuroPy, and the numpy `arange` it (and the recording-time code)
 * builds its time grids with.
 * @packageDocumentation
 */
import { RecordedArray } from '../monitors/recorded-array.js';
import { npRound } from './number-of-decimals.js';

/**
 * numpy's `np.arange(start, stop, step)` for floats, value for value: the length is
 * `ceil((stop - start) / step)`, element 1 is `start + step`, and element i >= 2 is
 * `start + i * delta` with `delta = (start + step) - start` (numpy's DOUBLE_fill), so e.g.
 * `arange(100, 200, 0.1)[999]` is 199.89999999999432, not 199.9.
 *
 * @example
 * ```ts
 * arange(0, 3, 1);         // Float64Array [0, 1, 2]
 * arange(0, 100.5, 1);     // 0 .. 100 (stop included by the half step)
 * arange(100, 200, 0.1).length; // 1000
 * ```
 */
export function arange(start: number, stop: number, step = 1): Float64Array {
  for (const [name, v] of [['start', start], ['stop', stop], ['step', step]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`arange: ${name} must be a finite number, got ${String(v)}`);
    }
  }
  if (step === 0) throw new Error('arange: step must not be 0');
  const len = Math.max(0, Math.ceil((stop - start) / step));
  const out = new Float64Array(len);
  if (len > 0) out[0] = start;
  if (len > 1) {
    const next = start + step;
    out[1] = next;
    const delta = next - start;
    for (let i = 2; i < len; i++) out[i] = start + i * delta;
  }
  return out;
}

/**
 * Options of {@link timeDataFillGaps}.
 *
 * @example
 * ```ts
 * const o: TimeDataFillGapsOptions = { fillTimeStep: 0.5, fill: 0 };
 * timeDataFillGaps([0, 1, 3], [1, 2, 3], o);
 * ```
 */
export interface TimeDataFillGapsOptions {
  /** Step of the filled times (ms); default: the smallest time difference found. */
  fillTimeStep?: number;
  /** Axis of the data that corresponds to the times (default 0). */
  axis?: number;
  /** Value of the inserted data: `'nan'` (default) or a number. */
  fill?: 'nan' | number;
}

/**
 * 1-D input data accepted by the analysis helpers.
 *
 * @example
 * ```ts
 * const t: Series = [0, 1, 2, 5];
 * timeDataFillGaps(t, [1, 2, 3, 4]);
 * ```
 */
export type Series = Float64Array | readonly number[];

function toFloat64(name: string, fn: string, a: Series): Float64Array {
  if (a instanceof Float64Array) return a;
  if (!Array.isArray(a)) throw new Error(`${fn}: ${name} must be a Float64Array or number[]`);
  return Float64Array.from(a as number[]);
}

/**
 * If `timeArr` has gaps, inserts the missing times (steps of `fillTimeStep`, default: the smallest
 * time difference) and data filled with NaN or `fill`. A gap is a difference that, rounded to 6
 * decimals (`np.round`), exceeds the step. Existing times are never changed, so discontinuities
 * smaller than one step can remain. Returns `[time, data]` (new arrays); 1-D data comes back as a
 * Float64Array, a {@link RecordedArray} as a RecordedArray.
 *
 * @example
 * ```ts
 * const [t, d] = timeDataFillGaps([0, 1, 2, 5, 6], [1, 2, 3, 4, 5]);
 * // t: [0, 1, 2, 3, 4, 5, 6], d: [1, 2, 3, NaN, NaN, 4, 5]
 * ```
 */
export function timeDataFillGaps(
  timeArr: Series,
  dataArr: Series,
  options?: TimeDataFillGapsOptions,
): [Float64Array, Float64Array];
export function timeDataFillGaps(
  timeArr: Series,
  dataArr: RecordedArray,
  options?: TimeDataFillGapsOptions,
): [Float64Array, RecordedArray];
export function timeDataFillGaps(
  timeArr: Series,
  dataArr: Series | RecordedArray,
  options?: TimeDataFillGapsOptions,
): [Float64Array, Float64Array | RecordedArray];
export function timeDataFillGaps(
  timeArr: Series,
  dataArr: Series | RecordedArray,
  options: TimeDataFillGapsOptions = {},
): [Float64Array, Float64Array | RecordedArray] {
  const fn = 'timeDataFillGaps';
  const { fillTimeStep, axis = 0, fill = 'nan' } = options;
  let fillValue: number;
  if (fill === 'nan') fillValue = NaN;
  else if (typeof fill === 'number') fillValue = fill;
  else throw new Error(`${fn}: fill must be 'nan' or a number, got ${JSON.stringify(fill)}`);

  const time = toFloat64('timeArr', fn, timeArr);
  const isRecorded = dataArr instanceof RecordedArray;
  const data = isRecorded ? dataArr : new RecordedArray(toFloat64('dataArr', fn, dataArr).slice(), [
    (dataArr as Series).length,
  ]);
  const shape = data.shape;
  if (!Number.isInteger(axis) || axis < 0 || axis >= shape.length) {
    throw new Error(`${fn}: axis must be an integer in [0, ${shape.length - 1}], got ${String(axis)}`);
  }
  if (shape[axis] !== time.length) {
    throw new Error('time_arr must have same length as specified axis (default=0) of data_arr!');
  }

  let step: number;
  if (fillTimeStep === undefined || fillTimeStep === null) {
    if (time.length < 2) {
      throw new Error(`${fn}: needs at least 2 times to detect the time step, or give fillTimeStep`);
    }
    step = Infinity;
    for (let i = 1; i < time.length; i++) step = Math.min(step, npRound(time[i]! - time[i - 1]!, 6));
  } else {
    if (typeof fillTimeStep !== 'number' || !Number.isFinite(fillTimeStep) || fillTimeStep <= 0) {
      throw new Error(`${fn}: fillTimeStep must be a positive number (ms), got ${String(fillTimeStep)}`);
    }
    step = fillTimeStep;
  }

  // Build the new time axis as a list of source indices (>= 0) or fill slots (-1).
  const newTimes: number[] = [];
  const source: number[] = [];
  for (let i = 0; i < time.length; i++) {
    newTimes.push(time[i]!);
    source.push(i);
    if (i + 1 < time.length && npRound(time[i + 1]! - time[i]!, 6) > step) {
      const add = arange(time[i]! + step, time[i + 1]!, step);
      for (const t of add) {
        newTimes.push(t);
        source.push(-1);
      }
    }
  }

  const outTime = Float64Array.from(newTimes);
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const n = shape[axis]!;
  const m = source.length;
  const out = new Float64Array(outer * m * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const src = source[j]!;
      const dst = (o * m + j) * inner;
      if (src < 0) out.fill(fillValue, dst, dst + inner);
      else out.set(data.data.subarray((o * n + src) * inner, (o * n + src + 1) * inner), dst);
    }
  }
  const newShape = [...shape];
  newShape[axis] = m;
  return [outTime, isRecorded ? new RecordedArray(out, newShape) : out];
}
