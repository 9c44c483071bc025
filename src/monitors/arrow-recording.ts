import type * as Flechette from '@uwdata/flechette';
import type { DataType, Field } from '@uwdata/flechette';
import { lazyModule } from '../language/lazy-module.js';
import { RecordedArray } from '../engine/recorded-array.js';
import type { SpikeDict } from '../engine/spike-dict.js';

/** flechette (arquero's Arrow library), loaded on first use like arquero (lazy-module.ts). */
const flechette = lazyModule('@uwdata/flechette', (require) => require('@uwdata/flechette') as typeof Flechette);

/**
 * Rows of one compartment's variable for the recording stream: one row per sample (its values,
 * row-major, `width` of them) or, for `spike`, one row per step with spikes (the ranks).
 *
 * @example
 * ```ts
 * const rows: RecordingRows = { chunk: 0, compartment: 'pop', variable: 'v', steps: new Float64Array([0, 1]), offsets: new Int32Array([0, 2, 4]), values };
 * ```
 */
export interface RecordingRows {
  readonly chunk: number;
  readonly compartment: string;
  readonly variable: string;
  /** Step of each row. */
  readonly steps: Float64Array;
  /** Row k's values are `values[offsets[k] .. offsets[k + 1])` (`steps.length + 1` entries). */
  readonly offsets: Int32Array;
  readonly values: Float64Array;
}

/**
 * What the stream's schema metadata says about each compartment (key `compneuro-rx`, JSON):
 * `{ "version": 1, "dt": 0.01, "compartments": { "pop": { "period": 0.01, "periodSteps": 1,
 * "variables": ["v", "spike"], "shapes": { "v": [5] }, "ranks": [0, 1, 2, 3, 4] } } }`.
 */
export interface RecordingStreamMetadata {
  readonly version: 1;
  readonly dt: number;
  readonly compartments: Readonly<Record<string, {
    period: number;
    periodSteps: number;
    variables: readonly string[];
    /** Shape of one sample per variable (not `spike`). */
    shapes: Readonly<Record<string, readonly number[]>>;
    /** Ranks the spike dicts list (every recorded neuron), when `spike` is recorded. */
    ranks?: readonly number[];
  }>>;
}

/**
 * Name of the schema metadata key holding {@link RecordingStreamMetadata}.
 *
 * @example
 * ```ts
 * const meta = JSON.parse(table.schema.metadata.get(RECORDING_METADATA_KEY)!) as RecordingStreamMetadata;
 * ```
 */
export const RECORDING_METADATA_KEY = 'compneuro-rx';

/** The schema's fields (built on first use: flechette loads lazily). */
let fields: Field[] | undefined;
function FIELDS(): Field[] {
  if (fields === undefined) {
    const { field, int32, utf8, float64, list } = flechette();
    fields = [
      field('chunk', int32(), false),
      field('compartment', utf8(), false),
      field('variable', utf8(), false),
      field('step', int32(), false),
      field('t', float64(), false),
      field('values', list(float64()), false),
    ];
  }
  return fields;
}

/** The Arrow end-of-stream marker: continuation token and a zero length. */
const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

const encoder = new TextEncoder();

type ArrayCtor = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

function batchOf(type: DataType, props: Record<string, unknown>) {
  const B = flechette().batchType(type) as unknown as new (o: Record<string, unknown>) => unknown;
  return new B({ nullCount: 0, type, validity: new Uint8Array(0), ...props });
}

/**
 * Encodes recordings as one Arrow IPC **stream** (the format `pyarrow.ipc.open_stream`,
 * `pandas.read_feather`'s stream sibling, polars' `read_ipc_stream` and arquero's
 * `fromArrow` read), batch by batch, so that a recording never has to be in memory whole.
 * flechette (arquero's Arrow library) encodes each batch as a table; the schema message is kept
 * from the first only and the end-of-stream marker is written by {@link end}, which is exactly the
 * stream format: a schema message, record batch messages, the end marker.
 *
 * Schema (one row per sample of one variable, or per step with spikes):
 *
 * | column | type | meaning |
 * |---|---|---|
 * | chunk | int32 | chunk index (as in `getRecordings()`) |
 * | compartment | utf8 | compartment name |
 * | variable | utf8 | variable name, `spike` for spikes |
 * | step | int32 | step of the sample / spikes |
 * | t | float64 | time in ms (`step * dt`) |
 * | values | list&lt;float64&gt; | the sample, row-major (`shape` from the metadata), or the ranks that spiked |
 *
 * plus schema metadata `compneuro-rx` ({@link RecordingStreamMetadata}).
 *
 * @example
 * ```ts
 * const enc = new ArrowRecordingEncoder(meta);
 * enc.encode(rows, (bytes) => sink.write(bytes)); // ... as often as needed
 * enc.end((bytes) => sink.write(bytes));
 * ```
 */
export class ArrowRecordingEncoder {
  private started = false;
  private readonly metadata: Map<string, string>;
  private readonly dt: number;

  constructor(metadata: RecordingStreamMetadata) {
    this.dt = metadata.dt;
    this.metadata = new Map([[RECORDING_METADATA_KEY, JSON.stringify(metadata)]]);
  }

  /**
   * Hand the IPC bytes of one record batch holding `rows` (with the schema before the first) to
   * `write`, piece by piece as flechette produces them: the column arrays built here are written
   * as they are, so the values are copied once (from `rows`, which may be reused afterwards).
   */
  encode(rows: readonly RecordingRows[], write: (bytes: Uint8Array) => void, reuse = false): void {
    // `reuse` (a sink that has consumed the bytes when write returns): the column arrays are
    // scratch kept from batch to batch, so a long recording allocates nothing per batch
    const take = reuse ? (k: number, C: ArrayCtor, len: number) => this.scratchOf(k, C, len) : (_k: number, C: ArrayCtor, len: number) => new C(len);
    let n = 0;
    let nValues = 0;
    for (const r of rows) {
      n += r.steps.length;
      nValues += r.offsets[r.steps.length]! - r.offsets[0]!;
    }
    const chunk = take(0, Int32Array, n) as Int32Array;
    const step = take(1, Int32Array, n) as Int32Array;
    const t = take(2, Float64Array, n) as Float64Array;
    const offsets = take(3, Int32Array, n + 1) as Int32Array;
    const values = take(4, Float64Array, nValues) as Float64Array;
    const names: [Uint8Array, Uint8Array][] = rows.map((r) => [encoder.encode(r.compartment), encoder.encode(r.variable)]);
    let cBytes = 0;
    let vBytes = 0;
    rows.forEach((r, k) => {
      cBytes += names[k]![0].length * r.steps.length;
      vBytes += names[k]![1].length * r.steps.length;
    });
    const cData = take(5, Uint8Array, cBytes) as Uint8Array;
    const vData = take(6, Uint8Array, vBytes) as Uint8Array;
    const cOff = take(7, Int32Array, n + 1) as Int32Array;
    const vOff = take(8, Int32Array, n + 1) as Int32Array;
    offsets[0] = 0;
    cOff[0] = 0;
    vOff[0] = 0;
    let i = 0;
    let vo = 0;
    rows.forEach((r, k) => {
      const [cName, vName] = names[k]!;
      const base = r.offsets[0]!;
      values.set(r.values.subarray(base, r.offsets[r.steps.length]!), vo);
      for (let j = 0; j < r.steps.length; j++, i++) {
        const s = r.steps[j]!;
        if (!(s <= 0x7fffffff)) throw new Error(`ArrowRecordingEncoder: step ${s} of ${r.compartment};${r.variable} does not fit the int32 step column`);
        chunk[i] = r.chunk;
        step[i] = s;
        t[i] = s * this.dt;
        offsets[i + 1] = vo + r.offsets[j + 1]! - base;
        cData.set(cName, cOff[i]!);
        cOff[i + 1] = cOff[i]! + cName.length;
        vData.set(vName, vOff[i]!);
        vOff[i + 1] = vOff[i]! + vName.length;
      }
      vo += r.offsets[r.steps.length]! - base;
    });
    const { Column, Table, tableToIPC, float64, Version, Endianness } = flechette();
    const [fChunk, fComp, fVar, fStep, fT, fValues] = FIELDS() as [Field, Field, Field, Field, Field, Field];
    const child = batchOf(float64(), { length: nValues, values });
    const columns = [
      batchOf(fChunk.type, { length: n, values: chunk }),
      batchOf(fComp.type, { length: n, offsets: cOff, values: cData }),
      batchOf(fVar.type, { length: n, offsets: vOff, values: vData }),
      batchOf(fStep.type, { length: n, values: step }),
      batchOf(fT.type, { length: n, values: t }),
      batchOf(fValues.type, { length: n, offsets, children: [child] }),
    ].map((b) => new Column([b as never]));
    const schema = { version: Version.V5, endianness: Endianness.Little, fields: FIELDS(), metadata: this.metadata };
    // skip the schema message but before the first batch; hold each piece back by one so that the
    // end-of-stream marker, flechette's last piece, is not written (end() writes it)
    let skip = this.started ? this.schemaLength(schema) : 0;
    let held: Uint8Array | undefined;
    const sink = {
      write(b: Uint8Array): void {
        if (skip > 0) {
          if (b.length <= skip) {
            skip -= b.length;
            return;
          }
          b = b.subarray(skip);
          skip = 0;
        }
        if (held !== undefined) write(held);
        held = b;
      },
      pad(n: number): void {
        this.write(new Uint8Array(n));
      },
      finish: () => null,
    };
    tableToIPC(new Table(schema as never, columns), { format: 'stream', sink: sink as never });
    if (held === undefined || held.length !== EOS.length || held[0] !== 0xff || held[4] !== 0) throw new Error('ArrowRecordingEncoder: flechette did not end the stream with the end-of-stream marker');
    this.started = true;
  }

  private schemaBytes: number | undefined;
  private readonly scratch: (Int32Array | Float64Array | Uint8Array)[] = [];

  /** A view of `len` elements of scratch array `k` (grown by doubling when too small). */
  private scratchOf(k: number, C: ArrayCtor, len: number): Int32Array | Float64Array | Uint8Array {
    let a = this.scratch[k];
    if (a === undefined || a.length < len) this.scratch[k] = a = new C(Math.max(len, 2 * (a?.length ?? 0)));
    return a.subarray(0, len);
  }

  /** Length of the schema message (continuation token, length, metadata; it has no body). */
  private schemaLength(schema: object): number {
    if (this.schemaBytes === undefined) {
      const { Column, Table, tableToIPC, float64 } = flechette();
      const bytes = tableToIPC(new Table(schema as never, FIELDS().map((f) => new Column([batchOf(f.type, { length: 0, values: new Float64Array(0), offsets: new Int32Array(1), children: [batchOf(float64(), { length: 0, values: new Float64Array(0) })] }) as never]))), { format: 'stream' })!;
      this.schemaBytes = 8 + new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(4, true);
    }
    return this.schemaBytes;
  }

  /** Hand the bytes that end the stream to `write` (the schema first if no batch was written). */
  end(write: (bytes: Uint8Array) => void): void {
    if (!this.started) this.encode([], write);
    write(EOS.slice());
  }
}

/**
 * Recordings read back from an Arrow recording stream, chunk by chunk, keyed as
 * `getRecordings()` keys them (`'pop;v'`: {@link RecordedArray}, `'pop;spike'`: spike dict with
 * every recorded rank, `dt`).
 *
 * @example
 * ```ts
 * const recordings = readArrowRecordings(readFileSync('run.arrow'));
 * recordings[0]['pop;v'].shape; // [samples, neurons]
 * ```
 */
export function readArrowRecordings(bytes: Uint8Array): ({ dt: number } & Record<string, RecordedArray | SpikeDict | number>)[] {
  const table = flechette().tableFromIPC(bytes);
  const raw = table.schema.metadata?.get(RECORDING_METADATA_KEY);
  if (raw === undefined) throw new Error(`readArrowRecordings: the stream has no "${RECORDING_METADATA_KEY}" schema metadata; it was not written by recordTo`);
  const meta = JSON.parse(raw) as RecordingStreamMetadata;
  const cols = table.toColumns() as unknown as { chunk: Int32Array; compartment: string[]; variable: string[]; step: Int32Array; values: Float64Array[] };
  const parts = new Map<string, Float64Array[]>();
  const spikes = new Map<string, Map<number, number[]>>();
  let nChunks = 0;
  for (let i = 0; i < cols.chunk.length; i++) {
    const c = cols.chunk[i]!;
    nChunks = Math.max(nChunks, c + 1);
    const key = `${c}|${cols.compartment[i]};${cols.variable[i]}`;
    if (cols.variable[i] === 'spike') {
      let d = spikes.get(key);
      if (!d) spikes.set(key, (d = new Map()));
      for (const r of cols.values[i]!) {
        let l = d.get(r);
        if (!l) d.set(r, (l = []));
        l.push(cols.step[i]!);
      }
    } else {
      let l = parts.get(key);
      if (!l) parts.set(key, (l = []));
      l.push(cols.values[i]!);
    }
  }
  const out: ({ dt: number } & Record<string, RecordedArray | SpikeDict | number>)[] = [];
  for (let c = 0; c < nChunks; c++) {
    const chunk: { dt: number } & Record<string, RecordedArray | SpikeDict | number> = { dt: meta.dt };
    for (const [comp, info] of Object.entries(meta.compartments)) {
      for (const v of info.variables) {
        const key = `${c}|${comp};${v}`;
        if (v === 'spike') {
          const d: SpikeDict = {};
          const got = spikes.get(key);
          const ranks = info.ranks ?? [];
          for (const r of ranks) d[r] = [];
          if (got) for (const [r, l] of [...got].sort((a, b) => a[0] - b[0])) d[r] = l;
          chunk[`${comp};spike`] = d;
        } else {
          const rowsOf = parts.get(key) ?? [];
          const shape = info.shapes[v]!;
          const width = shape.reduce((a, b) => a * b, 1);
          const data = new Float64Array(rowsOf.length * width);
          rowsOf.forEach((r, k) => data.set(r, k * width));
          chunk[`${comp};${v}`] = new RecordedArray(data, [rowsOf.length, ...shape]);
        }
      }
    }
    out.push(chunk);
  }
  return out;
}
