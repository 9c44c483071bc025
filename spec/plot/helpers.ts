import { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { RecordingChunk, RecordingTimesChunk } from '../../src/monitors/recordings.js';
import type { RecordingTimesLike, RecordingTimesQuery } from '../../src/plot/recording-times-like.js';

/** A RecordingTimes stand-in built from literal period tables (as CompNeuroPy stores them). */
export function recordingTimesFrom(table: RecordingTimesChunk[]): RecordingTimesLike {
  const get = (q: RecordingTimesQuery = {}) => {
    const chunk = q.chunk ?? 0;
    const ct = table[chunk];
    if (!ct) throw new Error(`ERROR recording_times, given chunk ${chunk} not available`);
    const comp = q.compartment ?? Object.keys(ct)[0]!;
    const t = ct[comp];
    if (!t) throw new Error(`ERROR recording_times, given compartment "${comp}" not available`);
    return t;
  };
  const lims = (key: 'ms' | 'idx', q?: RecordingTimesQuery): [number, number] => {
    const t = get(q);
    const p = q?.period;
    if (p === undefined) return [t.start[key][0]!, t.stop[key][t.stop[key].length - 1]!];
    if (p >= t.start[key].length) throw new Error('ERROR recording_times, given period not available');
    return [t.start[key][p]!, t.stop[key][p]!];
  };
  return {
    timeLims: (q) => lims('ms', q),
    idxLims: (q) => lims('idx', q),
    getNrPeriods: (chunk, compartment) => get({ chunk, compartment }).start.ms.length,
  };
}

/**
 * Chunk 0 of a small population "pop" (2 neurons, dt = P = 1 ms), recorded 0–49 ms and
 * 70–99 ms (a pause in between), with v, u and spikes; projection "proj" with w [T, 2, 3].
 * v[t, j] = t + 100*j, u[t, j] = -t.
 */
export function smallRecordings(): { recordings: RecordingChunk[]; recordingTimes: RecordingTimesLike; times: number[] } {
  const times: number[] = [];
  for (let t = 0; t <= 49; t++) times.push(t);
  for (let t = 70; t <= 99; t++) times.push(t);
  const T = times.length;
  const v = new Float64Array(T * 2);
  const u = new Float64Array(T * 2);
  const w = new Float64Array(T * 6);
  times.forEach((t, i) => {
    for (let j = 0; j < 2; j++) {
      v[i * 2 + j] = t + 100 * j;
      u[i * 2 + j] = -t;
    }
    for (let k = 0; k < 6; k++) w[i * 6 + k] = k + t / 100;
  });
  const period = { start: { ms: [0, 70], idx: [0, 50] }, stop: { ms: [49, 99], idx: [49, 79] } };
  const recordings: RecordingChunk[] = [
    {
      dt: 1,
      'pop;v': new RecordedArray(v, [T, 2]),
      'pop;u': new RecordedArray(u, [T, 2]),
      'pop;spike': { 0: [0, 10, 30], 1: [5, 25], 2: [0, 10, 20] },
      'pop;period': 1,
      'pop;parameter_dict': { a: 1 },
      'proj;w': new RecordedArray(w, [T, 2, 3]),
      'proj;period': 1,
      'quiet;spike': { 0: [], 1: [] },
      'quiet;period': 1,
    } as RecordingChunk,
  ];
  const recordingTimes = recordingTimesFrom([{ pop: period, proj: period, quiet: period }]);
  return { recordings, recordingTimes, times };
}

/** The "no data" rows of a line subplot are the breaks. */
export type Row = Record<string, number | null>;
