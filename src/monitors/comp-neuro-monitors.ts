import { currentNetwork } from '../engine/magic-network.js';
import { Monitor, type Recordable } from '../engine/monitor.js';
import type { Network } from '../engine/network.js';
import type { Recorder } from '../engine/step-participant.js';
import { parseMonDict, type MonDict, type MonDictEntry } from './mon-dict.js';
import { RecordedArray } from './recorded-array.js';
import { RecordingTimes } from './recording-times.js';
import type {
  ParameterDict,
  RecordingChunk,
  Recordings,
  RecordingTimesChunk,
  RecordingValue,
  SpikeDict,
} from './recordings.js';
import { SampleBlocks } from './sample-blocks.js';
import { toByteSink, type ByteSink, type NodeWritableLike } from './byte-sink.js';
import { RecordingWriter } from './recording-writer.js';
import type { StreamSubscriberError } from '../stream/producer-observable.js';
import type { Observable } from 'rxjs';
import { MonitorsStreamHub, type RecordingChunkEvent } from './monitors-stream-hub.js';
import type { SampleBlock, SamplesOptions, SpikeEvent } from './sample-stream.js';
import { compartmentTimesFromSteps } from './step-timings.js';
import { anyRecordings } from './timings.js';

/**
 * Options of {@link CompNeuroMonitors} besides the monitor dictionary (not in CompNeuroPy).
 *
 * @example
 * ```ts
 * new CompNeuroMonitors({ HH_Bischop: ['v'] }, { network: net } satisfies CompNeuroMonitorsOptions);
 * ```
 */
export interface CompNeuroMonitorsOptions {
  /** Network of the compartments; default the global network (`currentNetwork()`). */
  network?: Network;
  /** Where CompNeuroPy's printed warnings go; default `console.log` (CompNeuroPy prints). */
  log?: (message: string) => void;
  /**
   * Write the samples and spikes to this sink instead of keeping them (bounded memory):
   * `arrowFile(path)`, a Node `Writable`, a Web `WritableStream` (all as an Arrow IPC stream, see
   * `ArrowRecordingEncoder`), or a `ByteSink`. `getRecordings()` chunks then hold everything
   * but the samples and spikes; read those back with `readArrowRecordings`. End with
   * `closeRecording()`.
   */
  recordTo?: ByteSink | NodeWritableLike | WritableStream<Uint8Array>;
  /** With `recordTo`: a written batch holds at most this many steps per compartment (default 1000). */
  batchSteps?: number;
}

/**
 * Options of {@link CompNeuroMonitors.reset} (CompNeuroPy's keyword arguments).
 *
 * @example
 * ```ts
 * const o: CompNeuroMonitorsResetOptions = { populations: true, model: true };
 * monitors.reset(o);
 * ```
 */
export interface CompNeuroMonitorsResetOptions {
  /** Reset populations to their compile state (with `model`). Default true. */
  populations?: boolean;
  /** Reset projections (with `model`). Default false. */
  projections?: boolean;
  /** Re-create synapses (with `model`). Default false. */
  synapses?: boolean;
  /** Clear the engine monitors (with `model`). Default true. */
  monitors?: boolean;
  /** Reset the model (time back to 0). False: only start a new chunk, time continues. Default true. */
  model?: boolean;
  /** False: keep the current parameter values through the model reset. Default true. */
  parameters?: boolean;
}

/**
 * Start/stop bookkeeping of one compartment in the current chunk (steps, not ms).
 *
 * @example
 * ```ts
 * const t: CompartmentTiming | undefined = monitors.timings['HH_Bischop'];
 * t?.currentlyPaused;
 * ```
 */
export interface CompartmentTiming {
  currentlyPaused: boolean;
  /** Steps at which periods started or resumed. */
  start: number[];
  /** Steps at which periods were paused. */
  stop: number[];
}

/** Samples per variable after which the engine monitor is drained into {@link SampleBlocks} (below the
 * engine buffer's first capacity of 1024 samples, so it never grows). */
const DRAIN_SAMPLES = 1000;

const RESET_KEYS = ['populations', 'projections', 'synapses', 'monitors', 'model', 'parameters'];

/**
 * CompNeuroPy's `CompNeuroMonitors`: one engine {@link Monitor} per `mon_dict` key, started and
 * paused together or per compartment, with the recordings cut into **chunks** (a chunk ends at
 * each `reset()`) and **periods** (start ... pause within a chunk). Recording happens inside
 * `network.step()`, however the simulation is driven.
 *
 * Deviations from CompNeuroPy, all to avoid silently wrong data:
 * - period limits are computed on integer steps (exact sample counts, see step-timings.ts);
 * - the engine monitors sample on multiples of the period even when created at t != 0;
 * - `pause()` on a compartment without periods is a no-op (CompNeuroPy raises IndexError);
 * - samples of a chunk that is not stored (no period with 2+ samples, or recorded after the
 *   getters) are dropped at the chunk's end instead of leaking into the next chunk, with a
 *   warning when they were recorded after `getRecordings()`/`getRecordingTimes()`.
 *
 * @example
 * ```ts
 * setup({ dt: 0.1 });
 * new Population(1, Izhikevich2007({ I_app: 52 }), 'my_pop2');
 * compile();
 * const mon = new CompNeuroMonitors({ 'my_pop2;2': ['v', 'spike'] });
 * mon.start();
 * simulate(100);
 * mon.reset();                       // chunk 0 ends; model back to t = 0, still recording
 * simulate(100);
 * const recordings = mon.getRecordings();          // 2 chunks
 * const recordingTimes = mon.getRecordingTimes();
 * recordings[1]['my_pop2;v'];                      // RecordedArray [50, 1]
 * recordingTimes.timeLims({ chunk: 1 });           // [0, 98]
 * ```
 */
export class CompNeuroMonitors {
  /** The monitor dictionary as given (same object, as in CompNeuroPy). */
  readonly monDict: MonDict;
  readonly network: Network;
  /** Engine monitors by compartment name (CompNeuroPy's `mon`). */
  readonly mon: Record<string, Monitor> = {};
  /** Start/stop bookkeeping of the current chunk by compartment name. */
  timings: Record<string, CompartmentTiming> = {};
  private readonly entries: MonDictEntry[];
  private readonly stores = new Map<string, SampleBlocks>();
  private readonly lastDrain = new Map<string, number>();
  /** The first step at which some compartment is due to drain (onStep checks only this per step). */
  private drainDue = -Infinity;
  private readonly log: (message: string) => void;
  private recordings: Recordings = [];
  private recordingTimes: RecordingTimesChunk[] = [];
  private alreadyGotRecordings = false;
  private alreadyGotRecordingTimes = false;
  private getRecordingsResetCall = false;
  private warnedAfterGet = false;
  private inOwnReset = false;
  /** Last step seen by the drain recorder, to notice the time going back. */
  private lastStep: number;
  private readonly drain: Recorder;
  private readonly hub: MonitorsStreamHub;
  private readonly writer: RecordingWriter | undefined;

  constructor(monDict: MonDict = {}, options: CompNeuroMonitorsOptions = {}) {
    if (options === null || typeof options !== 'object') throw new Error('CompNeuroMonitors: options must be an object { network, log, recordTo, batchSteps }');
    for (const k of Object.keys(options)) {
      if (!['network', 'log', 'recordTo', 'batchSteps'].includes(k)) throw new Error(`CompNeuroMonitors: unknown option "${k}"; expected network, log, recordTo or batchSteps`);
    }
    const batchSteps = options.batchSteps ?? 1000;
    if (!Number.isInteger(batchSteps) || batchSteps < 1) throw new Error(`CompNeuroMonitors: batchSteps must be a positive integer number of steps, got ${String(options.batchSteps)}`);
    const sink = options.recordTo === undefined ? undefined : toByteSink(options.recordTo);
    this.network = options.network ?? currentNetwork();
    this.log = options.log ?? ((m: string) => console.log(m));
    this.entries = parseMonDict(monDict, this.network);
    this.monDict = monDict;
    const dt = this.network.dt;
    for (const e of this.entries) {
      if (e.defaultProjectionPeriod) {
        this.log(`WARNING CompNeuroMonitors: no period provided for projection ${e.compartment}, period set to ${e.period} ms`);
      }
      // whole steps (int(k*dt/dt) can fall to k-1) on a grid from step 0, as CompNeuroPy's timing arithmetic assumes
      const m = new Monitor(e.object, e.variables, { start: false, periodSteps: e.periodSteps, gridOrigin: 0 });
      this.mon[e.compartment] = m;
      this.stores.set(e.compartment, new SampleBlocks());
      this.noteDrain(e.compartment, this.network.currentStep);
    }
    this.lastStep = this.network.currentStep - 1;
    this.hub = new MonitorsStreamHub({ mon: this.mon, compartments: this.compartments, chunkIndex: () => this.recordings.length });
    this.writer = sink === undefined ? undefined : new RecordingWriter(
      this.network,
      this.entries.map((e) => ({ name: e.compartment, monitor: this.mon[e.compartment]!, periodSteps: e.periodSteps, variables: e.variables })),
      sink,
      () => this.recordings.length,
      batchSteps,
      (tap) => this.hub.deferring(tap),
    );
    this.drain = {
      recordTargets: () => {},
      targetsDue: () => false,
      record: (step: number) => this.onStep(step),
      clearData: () => this.onNetworkClear(),
      // drains the engine monitors' buffers; reads no population
      reads: () => [],
    };
    this.network.addRecorder(this.drain);
    this.initInternals(true);
  }

  /** Compartment names in monDict order. */
  get compartments(): string[] {
    return this.entries.map((e) => e.compartment);
  }

  /**
   * Start (or resume) recording of the given compartments, default all. Running compartments
   * are left alone, so a repeated start adds no period.
   *
   * @example
   * ```ts
   * mon.start();               // all
   * mon.start(['my_pop1']);    // one
   * ```
   */
  start(compartmentList?: readonly string[] | string): void {
    const explicit = compartmentList !== undefined && compartmentList !== null;
    const step = this.network.currentStep;
    for (const c of this.compartmentList('start', compartmentList)) {
      const t = this.timings[c]!;
      const m = this.mon[c]!;
      if (t.currentlyPaused) {
        if (t.start.length > 0) m.resume();
        else m.start();
      } else if (explicit) {
        this.log(`WARNING CompNeuroMonitors.start: ${c} is already recording; it keeps recording in the same period`);
      }
      t.currentlyPaused = false;
      if (t.start.length <= t.stop.length) t.start.push(step);
    }
  }

  /**
   * Pause recording of the given compartments, default all. A period of zero length (pause
   * right after start) is removed.
   *
   * @example
   * ```ts
   * mon.pause(['my_pop1']);
   * ```
   */
  pause(compartmentList?: readonly string[] | string): void {
    const list = this.compartmentList('pause', compartmentList);
    this.hub.withHeldErrors(() => this.pauseList(list));
  }

  private pauseList(list: string[]): void {
    const step = this.network.currentStep;
    this.flushStreams(list);
    for (const c of list) {
      const t = this.timings[c]!;
      this.drainOne(this.entry(c)); // keep the engine buffer small across pauses
      this.mon[c]!.pause();
      t.currentlyPaused = true;
      if (t.stop.length < t.start.length) t.stop.push(step);
      if (t.stop.length === t.start.length && t.stop.length > 0 && t.stop[t.stop.length - 1] === t.start[t.start.length - 1]) {
        t.stop.pop();
        t.start.pop();
      }
    }
  }

  /**
   * End the current chunk (it is stored if it has recordings) and optionally reset the model.
   * Compartments keep their running/paused state into the new chunk; running ones start their
   * first period at 0 (`model` true) or at the current time.
   *
   * @example
   * ```ts
   * mon.reset({ model: false });           // new chunk, time continues
   * mon.reset({ parameters: false });      // model reset that keeps changed parameters
   * ```
   */
  reset(options: CompNeuroMonitorsResetOptions = {}): void {
    if (options === null || typeof options !== 'object') throw new Error('CompNeuroMonitors.reset: expected an options object');
    for (const k of Object.keys(options)) {
      if (!RESET_KEYS.includes(k)) throw new Error(`CompNeuroMonitors.reset: unknown option "${k}"; expected ${RESET_KEYS.join(', ')}`);
    }
    this.hub.withHeldErrors(() => this.resetChunk(options));
  }

  private resetChunk(options: CompNeuroMonitorsResetOptions): void {
    const { populations = true, projections = false, synapses = false, monitors = true, model = true, parameters = true } = options;
    this.getRecordingsResetCall = true;
    try {
      this.getRecordings();
      this.getRecordingTimes();
    } finally {
      this.getRecordingsResetCall = false;
    }
    this.alreadyGotRecordings = false;
    this.alreadyGotRecordingTimes = false;
    this.dropResidualSamples();

    const step = this.network.currentStep;
    for (const t of Object.values(this.timings)) {
      t.start = [];
      t.stop = [];
      if (!t.currentlyPaused) t.start.push(model ? 0 : step);
    }

    if (model) {
      const saved = parameters === false ? this.saveParameters() : undefined;
      this.inOwnReset = true;
      try {
        this.network.reset({ populations, projections, synapses, monitors });
      } finally {
        this.inOwnReset = false;
      }
      if (saved) restoreParameters(saved);
      for (const c of this.compartments) this.noteDrain(c, this.network.currentStep);
      this.lastStep = this.network.currentStep - 1;
    }
  }

  /**
   * Index the current chunk will get, if any compartment is recording; otherwise null.
   *
   * @example
   * ```ts
   * mon.currentChunk(); // 0 while recording the first chunk
   * ```
   */
  currentChunk(): number | null {
    return Object.values(this.timings).some((t) => !t.currentlyPaused) ? this.recordings.length : null;
  }

  /**
   * The recordings of all chunks (the internal list itself). The current chunk is added once,
   * if it has recordings; call it after the simulation (or use {@link getRecordingsAndClear}).
   *
   * @example
   * ```ts
   * const recordings = mon.getRecordings();
   * recordings[0]['my_pop1;v'].shape; // [200, 1]
   * ```
   */
  getRecordings(): Recordings {
    return this.hub.withHeldErrors(() => this.storeChunk());
  }

  private storeChunk(): Recordings {
    this.flushStreams();
    const temp = this.tempTimings();
    if (anyRecordings(temp) && !this.alreadyGotRecordings) {
      const chunk = this.getMonitors(temp);
      this.recordings.push(chunk);
      this.alreadyGotRecordings = true;
      this.hub.chunkStored({ chunk: this.recordings.length - 1, recordings: chunk, times: temp });
    }
    if (!this.getRecordingsResetCall && this.recordings.length === 0) {
      this.log('WARNING get_recordings: no recordings available, empty list returned. Maybe forgot start()?');
    }
    return this.recordings;
  }

  /**
   * The recording times of all chunks (a {@link RecordingTimes} over the internal list).
   *
   * @example
   * ```ts
   * mon.getRecordingTimes().timeLims({ chunk: 0, compartment: 'my_pop1' }); // [100, 698]
   * ```
   */
  getRecordingTimes(): RecordingTimes {
    const temp = this.tempTimings();
    if (anyRecordings(temp) && !this.alreadyGotRecordingTimes) this.recordingTimes.push(temp);
    this.alreadyGotRecordingTimes = true;
    if (!this.getRecordingsResetCall && this.recordingTimes.length === 0) {
      this.log('WARNING get_recording_times: no recordings available, empty list returned. Maybe forgot start()?');
    }
    return new RecordingTimes(this.recordingTimes);
  }

  /**
   * Recordings and recording times so far, then back to the initial state: everything paused,
   * no chunks. Recording continues only after a new `start()`.
   *
   * @example
   * ```ts
   * const [recordings1, recordingTimes1] = mon.getRecordingsAndClear();
   * ```
   */
  getRecordingsAndClear(): [Recordings, RecordingTimes] {
    return this.hub.withHeldErrors(() => {
      const recordings = this.getRecordings();
      const times = this.getRecordingTimes();
      this.initInternals(false);
      return [recordings, times];
    });
  }

  /**
   * The recorded samples as they are recorded, per compartment in blocks of at most `every`
   * steps (all its variables but `spike` side by side). A block also ends when the compartment
   * pauses, when a chunk ends (`reset()`, `getRecordings()`) and when a run ends (`simulate()`,
   * a simulation Observable completing or being unsubscribed). However the simulation is driven,
   * the blocks of a chunk concatenated equal `getRecordings()[chunk]['c;v']`, bit for bit;
   * subscribing or not never changes the recordings. Without a subscriber nothing is copied.
   * Samples this object drops (see the class deviations) were emitted all the same. A subscriber
   * that throws stops the run with a {@link StreamSubscriberError} naming the stream; what was
   * recorded stays.
   *
   * @example
   * ```ts
   * mon.samples$({ every: 100 }).subscribe((b) => console.log(b.compartment, b.t[0], b.values.v.data));
   * ```
   */
  samples$(options?: SamplesOptions): Observable<SampleBlock> {
    return this.hub.samples$(options);
  }

  /**
   * The recorded spikes as they happen: one array of {@link SpikeEvent}s per step with spikes
   * (all compartments recording `spike`, or the given ones), in step order. Collected, they
   * equal the spike dicts of `getRecordings()`.
   *
   * @example
   * ```ts
   * mon.spikes$().subscribe((events) => console.log(events.map((e) => `${e.population}[${e.rank}] at ${e.t} ms`)));
   * ```
   */
  spikes$(compartments?: readonly string[]): Observable<SpikeEvent[]> {
    return this.hub.spikes$(compartments);
  }

  /**
   * Each chunk when it is stored (`getRecordings()`, `reset()`, `getRecordingsAndClear()`),
   * with its index and recording times.
   *
   * @example
   * ```ts
   * mon.chunks$().subscribe(({ chunk, recordings, times }) => save(chunk, recordings));
   * ```
   */
  chunks$(): Observable<RecordingChunkEvent> {
    return this.hub.chunks$();
  }

  /**
   * With `recordTo`: write what is pending and the end of the stream, and close the sink (the
   * file is then complete). Recording stops writing; errors of the sink arrive here too.
   *
   * @example
   * ```ts
   * await mon.closeRecording();
   * ```
   */
  async closeRecording(): Promise<void> {
    if (this.writer === undefined) throw new Error('CompNeuroMonitors.closeRecording: these monitors record to memory (no recordTo option)');
    await this.writer.close();
  }

  // --- internals ---

  /** Deliver the pending stream blocks and write the pending sink batches (of `list`, default all). */
  private flushStreams(list?: readonly string[]): void {
    this.hub?.flush(list);
    const w = this.writer;
    if (w !== undefined) this.hub.guarded(() => w.flush(list));
  }

  private initInternals(initCall: boolean): void {
    if (!initCall) this.pauseList(this.compartments);
    this.dropResidualSamples();
    this.timings = {};
    for (const e of this.entries) this.timings[e.compartment] = { currentlyPaused: true, start: [], stop: [] };
    this.recordings = [];
    this.recordingTimes = [];
    this.alreadyGotRecordings = false;
    this.alreadyGotRecordingTimes = false;
    this.getRecordingsResetCall = false;
  }

  private entry(c: string): MonDictEntry {
    return this.entries.find((e) => e.compartment === c)!;
  }

  private compartmentList(fn: string, list: readonly string[] | string | undefined | null): string[] {
    if (list === undefined || list === null) return this.compartments;
    const arr = typeof list === 'string' ? [list] : list;
    if (!Array.isArray(arr)) throw new Error(`CompNeuroMonitors.${fn}: compartmentList must be a list of compartment names`);
    const out: string[] = [];
    for (const c of arr) {
      if (!(c in this.timings)) {
        throw new Error(`CompNeuroMonitors.${fn}: "${String(c)}" is not monitored; compartments: ${this.compartments.join(', ') || '(none)'}`);
      }
      if (!out.includes(c)) out.push(c);
    }
    return out;
  }

  /**
   * `_get_temp_timings`: closes still open periods at the current step (mutating the
   * bookkeeping, as CompNeuroPy does) and computes every compartment's period limits.
   */
  private tempTimings(): RecordingTimesChunk {
    const step = this.network.currentStep;
    const out: RecordingTimesChunk = {};
    for (const e of this.entries) {
      const t = this.timings[e.compartment]!;
      if (t.start.length > t.stop.length) t.stop.push(step);
      out[e.compartment] = compartmentTimesFromSteps({ start: t.start, stop: t.stop, periodSteps: e.periodSteps, dt: this.network.dt });
    }
    return out;
  }

  /** `_get_monitors`: one chunk dict, emptying the sample stores. */
  private getMonitors(times: RecordingTimesChunk): RecordingChunk {
    const chunk: Record<string, RecordingValue> = {};
    for (const e of this.entries) {
      const c = e.compartment;
      this.drainOne(e);
      const store = this.stores.get(c)!;
      chunk[`${c};period`] = e.period;
      chunk[e.kind === 'population' ? `${c};parameter_dict` : `${c};parameters`] = parameterDict(e.object);
      const idx = times[c]!.stop.idx;
      const expected = idx.length > 0 ? idx[idx.length - 1]! + 1 : 0;
      for (const v of e.variables) {
        if (this.writer !== undefined) continue; // samples and spikes are in the sink
        if (v === 'spike' || v === 'axon_spike') {
          chunk[`${c};${v}`] = store.takeSpikes(e.object.recordedRanks?.() ?? [], v);
          continue;
        }
        const arr = store.take(v, e.object.recordShape(v));
        if (arr.length !== expected) {
          this.log(`WARNING CompNeuroMonitors: ${c};${v} has ${arr.length} samples but its recording times give ${expected} (was the network reset outside CompNeuroMonitors.reset()?)`);
        }
        chunk[`${c};${v}`] = arr;
      }
    }
    chunk.dt = this.network.dt;
    return chunk as RecordingChunk;
  }

  /** Move what the engine monitor holds into the sample blocks (the engine buffer is emptied). */
  private drainOne(e: MonDictEntry): void {
    const m = this.mon[e.compartment]!;
    const store = this.stores.get(e.compartment)!;
    const arrayVars = e.variables.filter((v) => v !== 'spike' && v !== 'axon_spike');
    if (this.writer !== undefined) {
      // with recordTo the samples went to the sink through the writer's taps: only empty the engine buffers
      m.discard();
      this.noteDrain(e.compartment, this.network.currentStep);
      return;
    }
    if (arrayVars.length > 0) {
      const got = m.get(arrayVars);
      for (const v of arrayVars) store.add(v, (got[v] as RecordedArray).data);
    }
    for (const v of ['spike', 'axon_spike']) if (e.variables.includes(v)) store.addSpikes(m.get(v) as SpikeDict, v);
    this.noteDrain(e.compartment, this.network.currentStep);
  }

  /** Data of a chunk that is not stored: dropped so that it cannot leak into the next chunk. */
  private dropResidualSamples(): void {
    this.flushStreams();
    for (const e of this.entries) {
      this.drainOne(e);
      this.stores.get(e.compartment)!.clear();
    }
    this.warnedAfterGet = false;
  }

  /** Records that a compartment drained at `step`, and when the next drain is due. */
  private noteDrain(compartment: string, step: number): void {
    this.lastDrain.set(compartment, step);
    let due = Infinity;
    for (const e of this.entries) {
      const last = this.lastDrain.get(e.compartment);
      due = Math.min(due, last === undefined ? -Infinity : last + DRAIN_SAMPLES * e.periodSteps);
    }
    this.drainDue = due;
  }

  /** Called by the network after the monitors recorded a step. */
  private onStep(step: number): void {
    if (step <= this.lastStep) {
      // time went back without mon.reset() (reset({ monitors: false }), setTime): the periods so
      // far cannot be matched to samples any more. The engine already took this step's sample,
      // so the new periods start after it.
      this.restartChunk(step + 1, 'the time went back (reset or setTime) outside CompNeuroMonitors.reset()');
    }
    this.lastStep = step;
    this.hub.stepEnded(step);
    if (step >= this.drainDue) {
      for (const e of this.entries) {
        if (step - this.lastDrain.get(e.compartment)! >= DRAIN_SAMPLES * e.periodSteps) this.drainOne(e);
      }
    }
    if ((this.alreadyGotRecordings || this.alreadyGotRecordingTimes) && !this.warnedAfterGet && this.currentChunk() !== null) {
      this.warnedAfterGet = true;
      this.log(
        'WARNING CompNeuroMonitors: recording continues after getRecordings()/getRecordingTimes() in the same chunk; ' +
          'these samples will not be returned. Call reset() for a new chunk or use getRecordingsAndClear().',
      );
    }
  }

  /** A global reset with monitors: true that did not come from {@link reset}. */
  private onNetworkClear(): void {
    if (this.inOwnReset) return;
    this.restartChunk(0, 'the network was reset outside CompNeuroMonitors.reset()');
  }

  /**
   * The engine lost (or can no longer place) the samples of the current chunk: drop them and
   * restart the running compartments' periods at `step`, with a warning if anything was lost.
   */
  private restartChunk(step: number, why: string): void {
    this.flushStreams();
    let had = this.currentChunk() !== null;
    for (const e of this.entries) {
      this.drainOne(e);
      const s = this.stores.get(e.compartment)!;
      if (!s.empty || this.timings[e.compartment]!.start.length > 0) had = true;
      s.clear();
      this.noteDrain(e.compartment, step);
    }
    this.lastStep = step - 1;
    for (const t of Object.values(this.timings)) {
      t.start = t.currentlyPaused ? [] : [step];
      t.stop = [];
    }
    if (had) this.log(`WARNING CompNeuroMonitors: ${why}; the samples recorded so far in this chunk are lost. Use mon.reset() to end a chunk.`);
  }

  private saveParameters(): [object, Record<string, unknown>][] {
    const out: [object, Record<string, unknown>][] = [];
    for (const p of [...this.network.populationsList, ...this.network.projectionsList]) {
      const d = parameterDict(p as unknown as Recordable);
      if (Object.keys(d).length > 0) out.push([p, d]);
    }
    return out;
  }
}


/** `{name: value}` for every parameter (`pop.parameters`, `proj.parameters`) at this moment. */
function parameterDict(obj: unknown): ParameterDict {
  const o = obj as { parameters?: readonly string[]; get?: (n: string) => unknown } & Record<string, unknown>;
  if (!o || !Array.isArray(o.parameters)) return {};
  const out: ParameterDict = {};
  for (const n of o.parameters) {
    out[n] = (typeof o.get === 'function' ? o.get(n) : o[n]) as number | Float64Array;
  }
  return out;
}

function restoreParameters(saved: [object, Record<string, unknown>][]): void {
  for (const [obj, values] of saved) {
    const o = obj as { set?: (v: Record<string, unknown>) => void } & Record<string, unknown>;
    if (typeof o.set === 'function') o.set(values);
    else Object.assign(o, values);
  }
}
