import type { Monitor, MonitorTap } from '../engine/monitor.js';
import type { Network } from '../engine/network.js';
import { ArrowRecordingEncoder, type RecordingRows, type RecordingStreamMetadata } from './arrow-recording.js';
import { RecordingSinkError, type ByteSink } from './byte-sink.js';
import { addRunGate } from '../stream/run-gate.js';
import { SampleBlockBuilder, type SampleBlock } from './sample-stream.js';

/** Values per written batch at most (512 kB of samples), whatever `batchSteps` says. */
const BATCH_VALUES = 65536;

/** One compartment the writer records. */
export interface WrittenCompartment {
  readonly name: string;
  readonly monitor: Monitor;
  readonly periodSteps: number;
  readonly variables: readonly string[];
}

/**
 * Writes what CompNeuroMonitors record to a {@link ByteSink} as an Arrow recording stream
 * (`recordTo`), instead of keeping it: taps on the engine monitors copy each sample into a block
 * of at most `batchSteps` steps and 512 kB (and collect the spikes), and full blocks, and every block when a
 * compartment pauses, a chunk ends or a run ends, are encoded and written. Memory: one block per
 * compartment, whatever the length of the recording.
 *
 * A failing sink: the write throws a {@link RecordingSinkError} naming it (the run stops); the
 * rows that were not written are on the error (`unwritten`), what was written before stays in the
 * sink, and every later write fails the same way.
 *
 * @example
 * ```ts
 * const w = new RecordingWriter(net, compartments, arrowFile('run.arrow'), () => 0, 1000);
 * ```
 */
export class RecordingWriter {
  private readonly encoder: ArrowRecordingEncoder;
  private readonly taps: [Monitor, MonitorTap][] = [];
  private readonly pending: RecordingRows[] = [];
  private readonly removeGate: () => void;
  private failure: RecordingSinkError | undefined;
  private closed = false;
  private collecting = false;
  private readonly flushers = new Map<string, () => void>();
  private readonly spikeFlushers = new Map<string, () => void>();

  constructor(
    private readonly network: Network,
    compartments: readonly WrittenCompartment[],
    readonly sink: ByteSink,
    private readonly chunkOf: () => number,
    batchSteps: number,
    /** How its taps are added to a monitor (CompNeuroMonitors defers their errors to the end of the step). */
    private readonly wrap: (tap: MonitorTap) => MonitorTap = (t) => t,
  ) {
    const meta: RecordingStreamMetadata = {
      version: 1,
      dt: network.dt,
      compartments: Object.fromEntries(compartments.map((c) => [c.name, {
        period: c.periodSteps * network.dt,
        periodSteps: c.periodSteps,
        variables: c.variables,
        shapes: Object.fromEntries(c.variables.filter((v) => v !== 'spike').map((v) => [v, c.monitor.object.recordShape(v)])),
        ...(c.variables.includes('spike') ? { ranks: c.monitor.object.recordedRanks?.() ?? [] } : {}),
      }])),
    };
    this.encoder = new ArrowRecordingEncoder(meta);
    for (const c of compartments) this.tapCompartment(c, batchSteps);
    this.removeGate = addRunGate(network, () => (this.failure === undefined && !this.closed ? this.sink.ready() : undefined));
  }

  private tapCompartment(c: WrittenCompartment, batchSteps: number): void {
    const m = c.monitor;
    const hasSamples = c.variables.some((v) => v !== 'spike');
    // a batch of at most 512 kB of samples: wide compartments write fewer steps per batch
    const width = c.variables.filter((v) => v !== 'spike').reduce((a, v) => a + m.object.recordWidth(v), 0);
    const steps = Math.max(c.periodSteps, Math.min(batchSteps, Math.floor(BATCH_VALUES / Math.max(1, width)) * c.periodSteps));
    const builder = hasSamples ? new SampleBlockBuilder(m, steps, c.name, this.chunkOf, (b) => this.blockDone(b), false, true) : undefined;
    const spiking = c.variables.includes('spike') && m.object.spikedRanks !== undefined;
    let spikeSteps: number[] = [];
    let spikeOffsets: number[] = [0];
    let spikeRanks: number[] = [];
    let spikeChunk = 0;
    const flushSpikes = (): void => {
      if (spikeSteps.length === 0) return;
      this.pending.push({ chunk: spikeChunk, compartment: c.name, variable: 'spike', steps: Float64Array.from(spikeSteps), offsets: Int32Array.from(spikeOffsets), values: Float64Array.from(spikeRanks) });
      spikeSteps = [];
      spikeOffsets = [0];
      spikeRanks = [];
    };
    const flush = (): void => {
      builder?.flush(); // its block goes to pending (and is written) through blockDone
      flushSpikes();
      this.writePending();
    };
    this.flushers.set(c.name, flush);
    this.spikeFlushers.set(c.name, flushSpikes);
    const tap: MonitorTap = {
      recorded: (step, sampled) => {
        if (spiking) {
          let any = false;
          for (const r of m.object.spikedRanks!()) {
            spikeRanks.push(r);
            any = true;
          }
          if (any) {
            if (spikeSteps.length === 0) spikeChunk = this.chunkOf();
            spikeSteps.push(step);
            spikeOffsets.push(spikeRanks.length);
          }
        }
        builder?.recorded(step, sampled);
        // spike rows go out with the sample blocks; a spike-only compartment bounds them itself
        if (builder === undefined && spikeRanks.length >= 65536) flush();
      },
      // without spikes to collect, only the sample blocks need calls (see MonitorTap.wake)
      get wake() {
        return spiking || builder === undefined ? undefined : builder.wake;
      },
      closing: (variables) => builder?.closing(variables),
      runEnded: () => flush(),
    };
    const wrapped = this.wrap(tap);
    m.addTap(wrapped);
    this.taps.push([m, wrapped]);
  }

  private blockDone(b: SampleBlock): void {
    for (const [v, arr] of Object.entries(b.values)) {
      const w = arr.rowSize;
      const offsets = new Int32Array(b.steps.length + 1);
      for (let i = 0; i <= b.steps.length; i++) offsets[i] = i * w;
      this.pending.push({ chunk: b.chunk, compartment: b.compartment, variable: v, steps: b.steps, offsets, values: arr.data });
    }
    this.spikeFlushers.get(b.compartment)?.(); // the spikes of the same steps go in the same batch
    this.writePending();
  }

  private writePending(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending.splice(0);
    if (this.failure !== undefined) {
      this.withRows(this.failure, rows);
      if (this.collecting) return;
      throw this.failure;
    }
    if (this.closed) throw new RecordingSinkError(this.sink.name, 'the recording was closed (closeRecording); create new CompNeuroMonitors to record again');
    try {
      const pieces: Uint8Array[] = [];
      this.encoder.encode(rows, (bytes) => pieces.push(bytes), this.sink.synchronous === true);
      this.sink.write(pieces);
    } catch (e) {
      const err = e instanceof RecordingSinkError ? e : new RecordingSinkError(this.sink.name, `writing step ${rows[0]?.steps[0]} failed`, e);
      this.failure = this.withRows(err, rows);
      // what the other compartments hold goes on the error too: nothing recorded is lost
      this.collecting = true;
      try {
        this.flush();
      } finally {
        this.collecting = false;
      }
      throw err;
    }
  }

  /** Keep `rows` on the error (copied: sample rows are views of buffers that are reused). */
  private withRows(e: RecordingSinkError, rows: RecordingRows[]): RecordingSinkError {
    const copies = rows.map((r) => ({ ...r, steps: r.steps.slice(), offsets: r.offsets.slice(), values: r.values.slice() }));
    e.unwritten = [...(e.unwritten ?? []), ...copies];
    return e;
  }

  /** Write the pending blocks of the given compartments (default all). */
  flush(compartments?: readonly string[]): void {
    for (const [c, f] of this.flushers) if (compartments === undefined || compartments.includes(c)) f();
  }

  /** Write everything pending and the end of the stream, then close the sink. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      this.flush();
      if (this.failure === undefined) {
        const pieces: Uint8Array[] = [];
        this.encoder.end((bytes) => pieces.push(bytes));
        this.sink.write(pieces);
      }
    } finally {
      this.closed = true;
      for (const [m, t] of this.taps) m.removeTap(t);
      this.removeGate();
    }
    if (this.failure !== undefined) throw this.failure;
    await this.sink.close();
  }
}
