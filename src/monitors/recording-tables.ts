/**
 * Recordings of CompNeuroMonitors as arquero tables (long and wide form) and Arrow IPC bytes.
 * Typed-array columns are handed to arquero as they are (no copy); a recorded array becomes a
 * column without copying when it already has the column's layout (one chunk and one variable in
 * long form; one neuron and one chunk in wide form).
 * @packageDocumentation
 */
import { arqueroModule } from './arquero-module.js';
import type { ColumnTable } from 'arquero';
import { getNumberOfDecimals, npRound } from '../analysis/number-of-decimals.js';
import { RecordedArray } from './recorded-array.js';
import type { RecordingTimes } from './recording-times.js';
import type { RecordingChunk, Recordings, SpikeDict } from './recordings.js';

/**
 * Which chunks / compartments go into a table.
 *
 * @example
 * ```ts
 * const sel: TableSelection = { chunk: 0, compartment: 'HH_Bischop' };
 * recordingsTable(recordings, recordingTimes, sel);
 * ```
 */
export interface TableSelection {
  /** One chunk; default all chunks. */
  chunk?: number;
  /** Only this compartment; default all. */
  compartment?: string;
}

function checkedChunks(recordings: Recordings, times: RecordingTimes, chunk: number | undefined): number[] {
  if (!Array.isArray(recordings)) throw new Error('recording tables: recordings must be the list returned by getRecordings()');
  const n = recordings.length;
  const nt = times.getNrChunks();
  if (nt !== n) throw new Error(`recording tables: recordings have ${n} chunks but the recording times ${nt}`);
  if (chunk === undefined) return Array.from({ length: n }, (_, i) => i);
  if (!Number.isInteger(chunk) || chunk < 0 || chunk >= n) {
    throw new Error(`recording tables: chunk ${String(chunk)} does not exist; ${n === 0 ? 'there are no chunks' : `chunks: 0..${n - 1}`}`);
  }
  return [chunk];
}

/** Array keys (`"C;var"` with a RecordedArray) of a chunk, optionally of one compartment. */
function arrayKeys(rec: RecordingChunk, compartment: string | undefined): string[] {
  const keys = Object.keys(rec).filter((k) => rec[k] instanceof RecordedArray);
  if (compartment === undefined) return keys;
  const own = keys.filter((k) => k.split(';')[0] === compartment);
  if (own.length === 0) {
    const comps = [...new Set(keys.map((k) => k.split(';')[0]))];
    throw new Error(`recording tables: no recorded array of compartment "${compartment}"; compartments: ${comps.join(', ') || '(none)'}`);
  }
  return own;
}

/** Sample times (ms) and period index of every sample of one compartment in one chunk. */
function sampleTimes(rec: RecordingChunk, times: RecordingTimes, chunk: number, compartment: string, samples: number) {
  const P = rec[`${compartment};period`];
  if (typeof P !== 'number') throw new Error(`recording tables: chunk ${chunk} has no "${compartment};period"`);
  const dec = getNumberOfDecimals(rec.dt);
  const c = times.all()[chunk]![compartment];
  if (!c) throw new Error(`recording tables: the recording times of chunk ${chunk} have no compartment "${compartment}"`);
  const time = new Float64Array(samples);
  const period = new Int32Array(samples);
  for (let p = 0; p < c.start.idx.length; p++) {
    const s = c.start.idx[p]!;
    for (let j = s; j <= c.stop.idx[p]! && j < samples; j++) {
      time[j] = npRound(c.start.ms[p]! + (j - s) * P, dec);
      period[j] = p;
    }
  }
  const expected = c.stop.idx.length > 0 ? c.stop.idx[c.stop.idx.length - 1]! + 1 : 0;
  if (expected !== samples) {
    throw new Error(`recording tables: "${compartment}" in chunk ${chunk} has ${samples} samples but its recording times give ${expected}`);
  }
  return { time, period };
}

/**
 * All recorded arrays in long form: one row per sample, neuron (flat column index: rank, or
 * `post*nPre + pre` for projections) and variable, with columns
 * `chunk, compartment, variable, period, time (ms), neuron, value`. Spikes and parameters are
 * left out ({@link spikesTable}).
 *
 * @example
 * ```ts
 * const t = recordingsTable(recordings, recordingTimes, { chunk: 0, compartment: 'my_pop1' });
 * t.columnNames(); // ['chunk', 'compartment', 'variable', 'period', 'time', 'neuron', 'value']
 * t.numRows();     // 200 (samples x neurons)
 * ```
 */
export function recordingsTable(recordings: Recordings, recordingTimes: RecordingTimes, selection: TableSelection = {}): ColumnTable {
  const parts: { chunk: number; compartment: string; variable: string; arr: RecordedArray; time: Float64Array; period: Int32Array }[] = [];
  for (const c of checkedChunks(recordings, recordingTimes, selection.chunk)) {
    const rec = recordings[c]!;
    for (const key of arrayKeys(rec, selection.compartment)) {
      const [compartment, variable] = key.split(';') as [string, string];
      const arr = rec[key] as RecordedArray;
      parts.push({ chunk: c, compartment, variable, arr, ...sampleTimes(rec, recordingTimes, c, compartment, arr.length) });
    }
  }
  const rows = parts.reduce((a, p) => a + p.arr.data.length, 0);
  const chunk = new Int32Array(rows);
  const period = new Int32Array(rows);
  const time = new Float64Array(rows);
  const neuron = new Int32Array(rows);
  const compartment = new Array<string>(rows);
  const variable = new Array<string>(rows);
  // One part: its data already is the value column (row-major = sample-major, neuron-minor).
  const value = parts.length === 1 ? parts[0]!.arr.data : new Float64Array(rows);
  let off = 0;
  for (const p of parts) {
    const w = p.arr.rowSize;
    if (parts.length > 1) value.set(p.arr.data, off);
    chunk.fill(p.chunk, off, off + p.arr.data.length);
    compartment.fill(p.compartment, off, off + p.arr.data.length);
    variable.fill(p.variable, off, off + p.arr.data.length);
    for (let j = 0; j < p.arr.length; j++) {
      const o = off + j * w;
      time.fill(p.time[j]!, o, o + w);
      period.fill(p.period[j]!, o, o + w);
      for (let n = 0; n < w; n++) neuron[o + n] = n;
    }
    off += p.arr.data.length;
  }
  return arqueroModule().table({ chunk, compartment, variable, period, time, neuron, value });
}

/**
 * The arrays of one compartment in wide form: one row per sample with columns
 * `chunk, period, time` and one column `"<var>;<neuron>"` per variable and neuron.
 *
 * @example
 * ```ts
 * const w = recordingsWideTable(recordings, recordingTimes, { compartment: 'my_pop2' });
 * w.columnNames(); // ['chunk', 'period', 'time', 'v;0']
 * ```
 */
export function recordingsWideTable(
  recordings: Recordings,
  recordingTimes: RecordingTimes,
  selection: TableSelection & { compartment: string },
): ColumnTable {
  const comp = selection?.compartment;
  if (typeof comp !== 'string') throw new Error('recordingsWideTable: selection.compartment (a compartment name) is required');
  const chunks = checkedChunks(recordings, recordingTimes, selection.chunk);
  const per = chunks.map((c) => {
    const rec = recordings[c]!;
    const keys = arrayKeys(rec, comp);
    const arrs = keys.map((k) => rec[k] as RecordedArray);
    const n = arrs[0]!.length;
    return { c, keys, arrs, n, ...sampleTimes(rec, recordingTimes, c, comp, n) };
  });
  const vars = per[0]?.keys ?? [];
  for (const p of per) {
    if (p.keys.join() !== vars.join()) throw new Error(`recordingsWideTable: chunk ${p.c} records other variables of "${comp}" than chunk ${per[0]!.c}`);
  }
  const rows = per.reduce((a, p) => a + p.n, 0);
  const cols: Record<string, Int32Array | Float64Array> = {
    chunk: new Int32Array(rows),
    period: new Int32Array(rows),
    time: new Float64Array(rows),
  };
  let off = 0;
  for (const p of per) {
    (cols.chunk as Int32Array).fill(p.c, off, off + p.n);
    cols.period!.set(p.period, off);
    cols.time!.set(p.time, off);
    off += p.n;
  }
  vars.forEach((key, k) => {
    const variable = key.split(';')[1]!;
    const w = per[0]!.arrs[k]!.rowSize;
    for (let n = 0; n < w; n++) {
      const name = `${variable};${n}`;
      if (w === 1 && per.length === 1) {
        cols[name] = per[0]!.arrs[k]!.data; // zero-copy
        continue;
      }
      const col = new Float64Array(rows);
      let o = 0;
      for (const p of per) {
        const a = p.arrs[k]!;
        if (a.rowSize !== w) throw new Error(`recordingsWideTable: "${key}" has ${a.rowSize} values per sample in chunk ${p.c}, ${w} in chunk ${per[0]!.c}`);
        for (let j = 0; j < a.length; j++) col[o + j] = a.data[j * w + n]!;
        o += a.length;
      }
      cols[name] = col;
    }
  });
  return arqueroModule().table(cols);
}

/**
 * All recorded spikes as a table with columns `chunk, compartment, neuron, step, time (ms)`,
 * neuron by neuron in each chunk (the order of CompNeuroPy's raster plots).
 *
 * @example
 * ```ts
 * spikesTable(recordings, { compartment: 'my_pop1' }).numRows(); // number of spikes
 * ```
 */
export function spikesTable(recordings: Recordings, selection: TableSelection = {}): ColumnTable {
  const chunkIdx: number[] = [];
  const compartment: string[] = [];
  const neuron: number[] = [];
  const step: number[] = [];
  const time: number[] = [];
  const n = recordings.length;
  const chunks = selection.chunk === undefined ? Array.from({ length: n }, (_, i) => i) : [selection.chunk];
  for (const c of chunks) {
    const rec = recordings[c];
    if (!rec) throw new Error(`spikesTable: chunk ${String(c)} does not exist; ${n === 0 ? 'there are no chunks' : `chunks: 0..${n - 1}`}`);
    const dec = getNumberOfDecimals(rec.dt);
    for (const key of Object.keys(rec)) {
      const [comp, variable] = key.split(';');
      if (variable !== 'spike' || (selection.compartment !== undefined && comp !== selection.compartment)) continue;
      const d = rec[key] as SpikeDict;
      for (const r of Object.keys(d)) {
        for (const s of d[Number(r)]!) {
          chunkIdx.push(c);
          compartment.push(comp!);
          neuron.push(Number(r));
          step.push(s);
          time.push(npRound(s * rec.dt, dec));
        }
      }
    }
  }
  return arqueroModule().table({
    chunk: Int32Array.from(chunkIdx),
    compartment,
    neuron: Int32Array.from(neuron),
    step: Int32Array.from(step),
    time: Float64Array.from(time),
  });
}

/**
 * A table as Arrow IPC bytes (typed-array columns are written without per-value conversion).
 *
 * @example
 * ```ts
 * const bytes = tableToArrowIPC(recordingsTable(recordings, recordingTimes));
 * ```
 */
export function tableToArrowIPC(table: ColumnTable): Uint8Array {
  return arqueroModule().toArrowIPC(table) as Uint8Array;
}

/**
 * An arquero table from Arrow IPC bytes; numeric columns stay backed by the Arrow buffers.
 *
 * @example
 * ```ts
 * const t = tableFromArrowIPC(bytes);
 * t.column('value'); // backed by a Float64Array
 * ```
 */
export function tableFromArrowIPC(bytes: Uint8Array | ArrayBuffer): ColumnTable {
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
    throw new Error('tableFromArrowIPC: expected Arrow IPC bytes (Uint8Array or ArrayBuffer)');
  }
  return arqueroModule().fromArrow(bytes);
}
