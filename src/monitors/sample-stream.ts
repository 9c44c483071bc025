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

/** Validated `every` of {@link SamplesOptions}. */
export function checkEvery(where: string, opts: SamplesOptions | undefined): number {
  if (opts !== undefined && (opts === null || typeof opts !== 'object')) throw new Error(`${where}: options must be an object { every }`);
  const every = opts?.every ?? 1000;
  if (!Number.isInteger(every) || every < 1) throw new Error(`${where}: every must be a positive integer number of steps, got ${String(opts?.every)}`);
  return every;
}

/**
 * A {@link MonitorTap} that copies each sample of a monitor, right after the monitor took it,
 * into a pending block, and hands the block on once it spans `every` steps, at the end of a run,
 * or when {@link flush} is called. Nothing is allocated per sample but the block buffers' growth.
 *
 * @example
 * ```ts
 * const b = new SampleBlockBuilder(monitor, 100, 'pop', () => 0, (block) => console.log(block), true);
 * monitor.addTap(b);
 * ```
 */
export class SampleBlockBuilder implements MonitorTap {
  private count = -1;
  private names: string[] = [];
  private widths: number[] = [];
  private shapes: number[][] = [];
  private sources: ({ readonly raw: Float64Array; readonly length: number } | undefined)[] = [];
  private bufs: GrowableBuffer[] = [];
  private steps = new GrowableBuffer(64);
  private n = 0;
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
  ) {}

  private setup(): void {
    const m = this.monitor;
    this.count = m.variableCount;
    this.periodSteps = Math.max(1, Math.round(m.period / m.network.dt));
    this.names = m.variables.filter((v) => v !== 'spike');
    this.widths = this.names.map((v) => m.object.recordWidth(v));
    this.shapes = this.names.map((v) => m.object.recordShape(v));
    this.sources = this.names.map((v) => m.sampleBuffer(v));
    this.bufs = this.widths.map((w) => new GrowableBuffer(Math.max(1, w * Math.min(this.every, 1024))));
  }

  recorded(step: number, sampled: boolean): void {
    if (!sampled) return;
    if (this.monitor.variableCount !== this.count) {
      this.flush();
      this.setup();
    }
    const names = this.names;
    if (names.length === 0) return;
    // a sample that would make the block span more than `every` steps starts the next one
    if (this.n > 0 && step - this.start >= this.every) this.flush();
    if (this.n === 0) {
      this.start = step;
      this.chunk = this.chunkOf();
    }
    for (let k = 0; k < names.length; k++) {
      let src = this.sources[k];
      if (src === undefined) src = this.sources[k] = this.monitor.sampleBuffer(names[k]!)!;
      const w = this.widths[k]!;
      const b = this.bufs[k]!;
      const off = b.reserve(w);
      const dst = b.raw;
      const s = src.raw;
      const base = src.length - w;
      for (let i = 0; i < w; i++) dst[off + i] = s[base + i]!;
    }
    this.steps.push(step);
    this.n++;
    // the next sample (one period on) would not fit: deliver now rather than one period late
    if (step + this.periodSteps - this.start >= this.every) this.flush();
  }

  closing(): void {
    if (this.flushOnClose) this.flush();
  }

  runEnded(): void {
    this.flush();
  }

  /** Hand on the pending block, if any. */
  flush(): void {
    if (this.n === 0) return;
    const n = this.n;
    // views of the builder's buffers (valid during the callback only) or copies
    const own = (b: GrowableBuffer) => (this.views ? b.raw.subarray(0, b.length) : b.toArray());
    const steps = own(this.steps);
    const dt = this.monitor.network.dt;
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) t[i] = steps[i]! * dt;
    const values: Record<string, RecordedArray> = {};
    for (let k = 0; k < this.names.length; k++) values[this.names[k]!] = new RecordedArray(own(this.bufs[k]!), [n, ...this.shapes[k]!]);
    const clear = (): void => {
      for (const b of this.bufs) b.clear();
      this.steps.clear();
      this.n = 0;
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
