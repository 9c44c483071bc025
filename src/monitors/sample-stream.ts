import { GrowableBuffer } from '../engine/growable-buffer.js';
import type { Monitor, MonitorTap } from '../engine/monitor.js';
import { RecordedArray } from './recorded-array.js';

/**
 * One block of samples of one compartment (or engine monitor), as `samples$` emits it: the
 * samples of at most `every` consecutive steps, all recorded variables side by side. Blocks of a
 * chunk concatenated in emission order are the chunk's recorded arrays, bit for bit. The arrays
 * are new for every block; treat them as read-only.
 *
 * @example
 * ```ts
 * mon.samples$({ every: 100 }).subscribe((b) => console.log(b.compartment, b.chunk, b.t[0], b.values.v.shape));
 * ```
 */
export interface SampleBlock {
  /** Compartment name (CompNeuroMonitors) or the recorded object's name (Monitor). */
  readonly compartment: string;
  /** Chunk the samples belong to (CompNeuroMonitors: the index in `getRecordings()`; Monitor: data taken or dropped since subscribing). */
  readonly chunk: number;
  /** Step of each sample. */
  readonly steps: Float64Array;
  /** Time of each sample in ms (`step * dt`). */
  readonly t: Float64Array;
  /** Samples per variable, `[samples, ...shape]` (no `spike`: see `spikes$`). */
  readonly values: Readonly<Record<string, RecordedArray>>;
}

/**
 * A spike as `spikes$` emits it (in arrays: all spikes of one step).
 *
 * @example
 * ```ts
 * mon.spikes$().subscribe((events) => events.forEach((e) => console.log(e.population, e.rank, e.t)));
 * ```
 */
export interface SpikeEvent {
  /** Compartment name (CompNeuroMonitors) or the recorded object's name (Monitor). */
  readonly population: string;
  /** Rank of the neuron (in the population, as in the spike dict). */
  readonly rank: number;
  /** Step of the spike. */
  readonly step: number;
  /** Time of the spike in ms (`step * dt`). */
  readonly t: number;
}

/**
 * Options of `samples$`.
 *
 * @example
 * ```ts
 * const opts: SamplesOptions = { every: 250, compartments: ['HH_Bischop'] };
 * ```
 */
export interface SamplesOptions {
  /** A block holds the samples of at most this many steps (default 1000). */
  every?: number;
  /** Compartments to stream (CompNeuroMonitors only; default all with recorded variables). */
  compartments?: readonly string[];
}

/** Validated `every` of {@link SamplesOptions}. @example checkEvery('samples$', { every: 100 }); // 100 */
export function checkEvery(where: string, opts: SamplesOptions | undefined): number {
  if (opts !== undefined && (opts === null || typeof opts !== 'object')) throw new Error(`${where}: options must be an object { every }`);
  const every = opts?.every ?? 1000;
  if (!Number.isInteger(every) || every < 1) throw new Error(`${where}: every must be a positive integer number of steps, got ${String(opts?.every)}`);
  return every;
}

/**
 * A {@link MonitorTap} that hands on a monitor's samples in blocks: once a block spans `every`
 * steps, at a gap in the sampling (a pause, the time going back), at the end of a run, or when
 * {@link flush} is called. It is not called per sample: it asks the monitor for a call at the
 * step of the block's last sample ({@link wake}), and the monitor calls it earlier at a gap or
 * when its variables or period change; the samples stay in the monitor's buffer, the block's are
 * the period steps from its first to the monitor's last (or, at a gap, previous) sample, and are
 * copied out in bulk when the block is handed on, or before the monitor lets go of them
 * (`closing`, e.g. CompNeuroMonitors draining its engine monitors). Steps are the block's first
 * step plus multiples of the period (a gap ends the block).
 *
 * @example
 * ```ts
 * const b = new SampleBlockBuilder(monitor, 100, 'pop', () => 0, (block) => console.log(block), true);
 * monitor.addTap(b);
 * ```
 */
export class SampleBlockBuilder implements MonitorTap {
  /** The step at which the monitor must call {@link recorded} next (see {@link MonitorTap.wake}). */
  wake = -Infinity;
  private count = -1;
  private names: string[] = [];
  private widths: number[] = [];
  private shapes: number[][] = [];
  private sources: ({ readonly raw: Float64Array; readonly length: number } | undefined)[] = [];
  /** Where the block's samples not yet copied out begin in each source buffer. */
  private offs: number[] = [];
  /** Samples copied out of the monitor before the block ended. */
  private bufs: GrowableBuffer[] = [];
  /** A block is pending (its first sample at `start`, one every `periodSteps`). */
  private open = false;
  private start = 0;
  private periodSteps = 1;
  private chunk = 0;

  constructor(
    private readonly monitor: Monitor,
    private readonly every: number,
    private readonly compartment: string,
    private readonly chunkOf: () => number,
    private readonly emit: (block: SampleBlock) => void,
    /** Deliver the pending block when the monitor's data is taken or dropped (engine Monitor streams). */
    private readonly flushOnClose: boolean,
    /** Emit views of the builder's buffers, valid during the callback only (no copy; the recording writer copies once when encoding). */
    private readonly views = false,
    /** Where an error of a block delivered inside a step goes (CompNeuroMonitors throw it when the step ends); default: thrown. */
    private readonly stepError?: (e: unknown) => void,
  ) {}

  private setup(): void {
    const m = this.monitor;
    this.count = m.variableCount;
    this.names = m.variables.filter((v) => v !== 'spike');
    this.widths = this.names.map((v) => m.object.recordWidth(v));
    this.shapes = this.names.map((v) => m.object.recordShape(v));
    this.sources = this.names.map((v) => m.sampleBuffer(v));
    this.offs = this.names.map(() => 0);
    const p = m.periodStepCount;
    this.bufs = this.widths.map((w) => new GrowableBuffer(Math.max(1, w * Math.min(Math.ceil(this.every / p), 1024))));
  }

  recorded(step: number, sampled: boolean): void {
    const m = this.monitor;
    // the block's samples so far end at the sample before this step's
    const before = sampled ? m.previousSampleStep : m.lastSampleStep;
    if (m.variableCount !== this.count) {
      this.flushInStep(before);
      this.setup();
    }
    if (this.names.length === 0) {
      this.wake = Infinity; // nothing to stream until the variables change (the monitor calls then)
      return;
    }
    // a sample that would make the block span more than `every` steps, that is not one period
    // after the last (a pause, the time going back), or of another period starts the next block
    const p = m.periodStepCount;
    if (this.open && (p !== this.periodSteps || (sampled && (step - this.start >= this.every || step !== before + p)))) this.flushInStep(before);
    if (sampled && !this.open) {
      this.open = true;
      this.start = step;
      this.periodSteps = p;
      this.chunk = this.chunkOf();
      for (let k = 0; k < this.names.length; k++) {
        let src = this.sources[k];
        if (src === undefined) src = this.sources[k] = m.sampleBuffer(this.names[k]!)!;
        this.offs[k] = src.length - this.widths[k]!;
      }
    }
    if (!this.open) {
      this.wake = m.lastSampleStep + p; // the next sample that continues the sampling
      return;
    }
    // the block's last sample: the last one whose step lies less than `every` after the first
    const end = this.start + Math.floor((this.every - 1) / this.periodSteps) * this.periodSteps;
    // the next sample (one period on) would not fit: deliver now rather than one period late
    if (sampled && step >= end) {
      this.flushInStep(step);
      this.wake = step + p;
    } else {
      this.wake = end;
    }
  }

  /** Copy `len` values of the block's samples still in the monitor's buffer of variable k into the block buffer. */
  private copyOut(k: number, len: number): void {
    const src = this.sources[k];
    if (src === undefined || len <= 0) return;
    const from = this.offs[k]!;
    const b = this.bufs[k]!;
    const off = b.reserve(len);
    b.raw.set(src.raw.subarray(from, from + len), off);
    this.offs[k] = from + len;
  }

  /** A flush inside a step (of the block up to the sample at step `last`): its error goes to `stepError` if given (kept until the step ends). */
  private flushInStep(last: number): void {
    if (this.stepError === undefined) return this.flushTo(last);
    try {
      this.flushTo(last);
    } catch (e) {
      this.stepError(e);
    }
  }

  closing(variables: readonly string[]): void {
    if (this.flushOnClose) return this.flush();
    // the monitor is about to empty these buffers: keep the block's samples (all it holds from the block's first on)
    if (!this.open) return;
    for (let k = 0; k < this.names.length; k++) {
      if (!variables.includes(this.names[k]!)) continue;
      const src = this.sources[k];
      if (src !== undefined) this.copyOut(k, src.length - this.offs[k]!);
      this.offs[k] = 0; // the buffer restarts empty
    }
  }

  runEnded(): void {
    this.flush();
  }

  /** Hand on the pending block, if any (its samples end at the monitor's last sample). */
  flush(): void {
    if (!this.open) return;
    // the next sample starts a block: the monitor must call at it, whatever the wake said
    this.monitor.wakeTaps();
    this.flushTo(this.monitor.lastSampleStep);
  }

  /** Hand on the pending block, whose last sample is at step `last`. */
  private flushTo(last: number): void {
    if (!this.open) return;
    const p = this.periodSteps;
    const n = Math.floor((last - this.start) / p) + 1;
    if (!(n >= 1)) {
      this.open = false;
      for (const buf of this.bufs) buf.clear();
      throw new Error(`samples$ (${this.compartment}): the block from step ${this.start} ends at step ${last}, before it began (the monitor's sampling changed under the stream)`);
    }
    const dt = this.monitor.network.dt;
    const steps = new Float64Array(n);
    const t = new Float64Array(n);
    const start = this.start;
    for (let i = 0; i < n; i++) {
      const step = start + i * p;
      steps[i] = step;
      t[i] = step * dt;
    }
    const values: Record<string, RecordedArray> = {};
    for (let k = 0; k < this.names.length; k++) {
      const w = this.widths[k]!;
      const b = this.bufs[k]!;
      const src = this.sources[k];
      const from = this.offs[k]!;
      // the block's values: those copied out before the monitor let go of them, then the rest, still in its buffer
      const rest = n * w - b.length;
      if (src === undefined || rest < 0 || from + rest > src.length) {
        this.open = false;
        for (const buf of this.bufs) buf.clear();
        throw new Error(`samples$ (${this.compartment};${this.names[k]}): ${b.length + (src === undefined ? 0 : src.length - from)} values for ${n} samples of width ${w} (the monitor's buffer changed under the stream)`);
      }
      let data: Float64Array;
      if (this.views) {
        // views of the block buffer, valid during the callback only
        this.copyOut(k, rest);
        data = b.raw.subarray(0, b.length);
      } else if (b.length === 0) {
        data = src.raw.slice(from, from + rest); // the usual case: one copy, straight out of the monitor's buffer
      } else {
        data = new Float64Array(n * w);
        data.set(b.raw.subarray(0, b.length));
        data.set(src.raw.subarray(from, from + rest), b.length);
      }
      this.offs[k] = from + rest;
      values[this.names[k]!] = new RecordedArray(data, [n, ...this.shapes[k]!]);
    }
    const clear = (): void => {
      for (const b of this.bufs) b.clear();
      this.open = false;
    };
    if (!this.views) clear();
    try {
      this.emit({ compartment: this.compartment, chunk: this.chunk, steps, t, values });
    } finally {
      if (this.views) clear();
    }
  }
}

/**
 * A {@link MonitorTap} that reads the ranks a monitor recorded as spiking in each step and hands
 * them on as {@link SpikeEvent}s (one array per step with spikes).
 *
 * @example
 * ```ts
 * monitor.addTap(new SpikeEventTap(monitor, 'pop', (events) => console.log(events)));
 * ```
 */
export class SpikeEventTap implements MonitorTap {
  private count = -1;
  private spiking = false;

  constructor(
    private readonly monitor: Monitor,
    private readonly population: string,
    private readonly emit: (events: SpikeEvent[], step: number) => void,
  ) {}

  recorded(step: number): void {
    const m = this.monitor;
    if (m.variableCount !== this.count) {
      this.count = m.variableCount;
      this.spiking = m.variables.includes('spike') && m.object.spikedRanks !== undefined;
    }
    if (!this.spiking) return;
    let events: SpikeEvent[] | undefined;
    const t = step * m.network.dt;
    for (const rank of m.object.spikedRanks!()) (events ??= []).push({ population: this.population, rank, step, t });
    if (events !== undefined) this.emit(events, step);
  }

  closing(): void {}
}
