import { RecordedArray } from './recorded-array.js';
import type { SpikeDict } from './spike-dict.js';
import { GrowableBuffer } from './growable-buffer.js';
import { SpikeLog } from './spike-log.js';
import type { Network } from './network.js';
import type { Recorder } from './step-participant.js';
import {
  coefficientOfVariation, histogram, interSpikeInterval, meanFr, populationRate, rasterPlot, smoothedRate, type HistogramOptions,
} from './spike-analysis.js';

/**
 * What a monitor can record from: a population, a view of one, or a projection. Values of one
 * sample are written into `out` starting at `offset` (`width` values).
 *
 * @example
 * ```ts
 * const r: Recordable = pop;   // populations, views and projections can be monitored
 * new Monitor(r, ['v']);
 * ```
 */
export interface Recordable {
  readonly name: string;
  readonly network: Network;
  /** Values per sample of a variable (neurons, or synapses). */
  recordWidth(variable: string): number;
  /** Shape of one sample (e.g. `[n]` or `[post, pre]`). */
  recordShape(variable: string): number[];
  /** Throws a clear error if the variable cannot be recorded. */
  checkRecordable(variable: string): void;
  /** True for inputs recorded before the update (`g_target`, `sum(target)`). */
  isTarget(variable: string): boolean;
  /** Copies the current values of `variable` into `out` at `offset`. */
  readInto(variable: string, out: Float64Array, offset: number): void;
  /** Ranks (within the recorded set) that spiked in the last step, or undefined if not spiking. */
  spikedRanks?(): Iterable<number>;
  /**
   * The last step's spike list of a whole population, read in place with {@link $spikedCount}
   * (no allocation per step); ranks then equal neuron indices.
   */
  $spikedList?(): Int32Array;
  /** How many entries of {@link $spikedList} are this step's spikes. */
  $spikedCount?(): number;
  /** Ranks that emitted an axonal spike in the last step (neurons with `axonSpike`). */
  axonSpikedRanks?(): Iterable<number>;
  /** Ranks reported in spike dicts. */
  recordedRanks?(): number[];
  /**
   * A version of which arrays {@link $recordArray} returns (populations): while it stays, a
   * monitor copies from the array it got instead of calling `readInto` every sample.
   */
  readonly $layout?: number;
  /** The array `readInto` copies whole for `variable`, or undefined if it does something else. */
  $recordArray?(variable: string): Float64Array | undefined;
}

/**
 * Start and stop steps of the recording periods of one variable; `null`: still recording.
 *
 * @example
 * ```ts
 * const t: MonitorTimes = m.times('v').v!; // { start: [0, 8], stop: [5, 10] }
 * ```
 */
export interface MonitorTimes {
  start: number[];
  stop: (number | null)[];
}

/**
 * What a layer above the engine hooks into a monitor (the stream layer's `samples$`, `spikes$`,
 * `chunks$`): told after recorded steps and before recorded data leaves the monitor. The engine
 * knows nothing of who listens; without taps a step costs one field test. A tap that only needs
 * the samples at some steps says so with {@link MonitorTap.wake}, so that a step in between costs
 * the monitor two comparisons and no call.
 *
 * @example
 * ```ts
 * monitor.addTap({ recorded: (step, sampled) => { if (sampled) console.log('sample at step', step); }, closing: () => {} });
 * ```
 */
export interface MonitorTap {
  /** After the monitor recorded step `step`: its samples if `sampled` (read them with `sampleBuffer`), its spikes. */
  recorded(step: number, sampled: boolean): void;
  /**
   * Read after each call of {@link recorded}: the next step at which this tap must be called
   * (undefined: the next step). Before it the monitor calls the taps only at a sample that does
   * not follow the last one by one period (a gap: a pause, the time going back or jumping) and at
   * the first step after a tap was added, the variables or the period changed or `wakeTaps()` was
   * called; the samples it skipped are `lastSampleStep` and the period steps before it. A tap
   * must bear being called at any other step too (another tap's wake).
   */
  readonly wake?: number;
  /**
   * Before data of `variables` leaves the monitor: handed out by `get()` (`taken`, the values
   * returned) or dropped (`taken` undefined: `reset()`, `stop()`, a network reset).
   */
  closing(variables: readonly string[], taken: Readonly<Record<string, RecordedArray | SpikeDict>> | undefined): void;
  /** A simulation run ended (`network.endRun()`, called by `simulate()` and simulation Observables). */
  runEnded?(): void;
}

/** `out.set(src, off)`; a loop for a few neurons, where TypedArray#set costs more than it copies. */
function copyInto(src: Float64Array, out: Float64Array, off: number): void {
  if (src.length <= 16) for (let i = 0; i < src.length; i++) out[off + i] = src[i]!;
  else out.set(src, off);
}

/**
 * Options of {@link Monitor}.
 *
 * @example
 * ```ts
 * const o: MonitorOptions = { period: 1.0, start: true };
 * new Monitor(pop, ['v'], o);
 * ```
 */
export interface MonitorOptions {
  /** Sampling period in ms (default dt); `int(period/dt)` steps. */
  period?: number;
  /** Sampling period in whole steps (instead of `period`, avoiding `int(k*dt/dt) = k-1`). */
  periodSteps?: number;
  /** Offset within the period in ms. */
  periodOffset?: number;
  /**
   * Step the sampling grid counts from (samples at `origin + n*period`). Default: ANNarchy's
   * creation step modulo the period. CompNeuroPy's timing arithmetic assumes 0.
   */
  gridOrigin?: number;
  /** Start recording now (or at compile if created before). Default true. */
  start?: boolean;
}

/**
 * ANNarchy's `Monitor`: records variables of a population (or view, projection) every
 * `period` ms after the update of a step (inputs `g_x`/`sum(x)` before it) and spikes every step.
 *
 * @example
 * ```ts
 * const m = new Monitor(pop, ['v', 'spike'], { period: 1.0 });
 * simulate(100);
 * const v = m.get('v');        // RecordedArray [100, pop.size]
 * const spikes = m.get('spike'); // { 0: [steps...], 1: [...] }
 * ```
 */
export class Monitor implements Recorder {
  readonly object: Recordable;
  readonly network: Network;
  private vars: string[];
  private periodSteps: number;
  private periodOffsetSteps: number;
  private offset = 0;
  private fixedOrigin = false;
  private active = false;
  private startWhenCompiled: boolean;
  private buffers = new Map<string, GrowableBuffer>();
  private readonly spikes: SpikeLog;
  private readonly axonSpikes: SpikeLog;
  private stopped = false;
  /**
   * ANNarchy's `_recorded_variables`: start/stop steps of the periods of the current window
   * (`stop` null while recording). `get()` without keep starts a new window.
   */
  private recorded = new Map<string, MonitorTimes>();
  /** ANNarchy's `_last_recorded_variables`: the window the last `get()` returned, what `times()` reports. */
  private lastRecorded = new Map<string, MonitorTimes>();
  /** Hooks of the stream layer (undefined while nobody listens, so the step tests one field). */
  private taps: MonitorTap[] | undefined;
  /** True while `reset()` empties the monitor through `get()`: the taps were told it drops the data. */
  private dropping = false;
  /** While taps listen: the first step at which they are called again (see {@link MonitorTap.wake}). */
  private tapWake = -Infinity;
  /** While taps listen: steps of the last sample and of the one before it (-Infinity: none seen). */
  private lastSample = -Infinity;
  private previousSample = -Infinity;

  constructor(obj: Recordable, variables: string | string[] = [], opts: MonitorOptions = {}) {
    if (!obj || typeof (obj as Recordable).readInto !== 'function') throw new Error('Monitor: the first argument must be a Population, PopulationView or Projection');
    this.object = obj;
    this.network = obj.network;
    this.spikes = new SpikeLog(`Monitor on "${obj.name}", variable "spike"`);
    this.axonSpikes = new SpikeLog(`Monitor on "${obj.name}", variable "axon_spike"`);
    this.vars = typeof variables === 'string' ? [variables] : [...variables];
    for (const v of this.vars) this.checkVar(v);
    const dt = this.network.dt;
    const period = opts.period ?? dt;
    if (typeof period !== 'number' || !(period >= dt - 1e-12)) throw new Error(`Monitor on "${obj.name}": period must be at least dt (${dt} ms), got ${String(period)}`);
    if (opts.periodSteps !== undefined && (!Number.isInteger(opts.periodSteps) || opts.periodSteps < 1)) {
      throw new Error(`Monitor on "${obj.name}": periodSteps must be a positive integer, got ${String(opts.periodSteps)}`);
    }
    this.periodSteps = opts.periodSteps ?? Math.max(1, Math.trunc(period / dt));
    if (opts.periodOffset !== undefined && (typeof opts.periodOffset !== 'number' || !Number.isFinite(opts.periodOffset))) {
      throw new Error(`Monitor on "${obj.name}": periodOffset must be a number of ms in [0, period), got ${String(opts.periodOffset)}`);
    }
    this.periodOffsetSteps = Math.trunc((opts.periodOffset ?? 0) / dt);
    if (this.periodOffsetSteps < 0 || this.periodOffsetSteps >= this.periodSteps) throw new Error(`Monitor on "${obj.name}": periodOffset must be in [0, period)`);
    this.fixedOrigin = opts.gridOrigin !== undefined;
    this.offset = opts.gridOrigin ?? this.network.currentStep % this.periodSteps;
    this.startWhenCompiled = opts.start ?? true;
    this.network.addRecorder(this);
  }

  private checkVar(v: string): void {
    if (v === 'spike' && !this.object.spikedRanks) throw new Error(`Monitor on "${this.object.name}": "spike" can only be recorded from spiking populations`);
    if (v === 'axon_spike') {
      // recorded apart from the spikes, as in ANNarchy
      if (!this.object.axonSpikedRanks) throw new Error(`Monitor on "${this.object.name}": "axon_spike" can only be recorded from populations whose neuron has an axonSpike condition`);
    }
    this.object.checkRecordable(v);
  }

  /** Recorded variable names. */
  get variables(): string[] {
    return [...this.vars];
  }

  /** The variables of `population` this monitor reads (it records a population or a view of it). */
  reads(population: object): readonly string[] {
    const o = this.object as Recordable & { population?: object };
    return o === population || o.population === population ? this.vars : [];
  }

  /** Sampling period in ms. */
  get period(): number {
    return this.periodSteps * this.network.dt;
  }

  /** Sampling period in steps. @example m.periodStepCount; // 10 for period 1.0 at dt 0.1 */
  get periodStepCount(): number {
    return this.periodSteps;
  }

  /**
   * While taps listen: the step of the last sample (-Infinity before the first one a tap saw).
   * @example
   * ```ts
   * m.lastSampleStep; // 41 after the sample of step 41
   * ```
   */
  get lastSampleStep(): number {
    return this.lastSample;
  }

  /** While taps listen: the step of the sample before the last one (see {@link lastSampleStep}). @example m.previousSampleStep; */
  get previousSampleStep(): number {
    return this.previousSample;
  }

  /**
   * The network compiled (or this monitor was created after compile): as ANNarchy's
   * `_init_monitoring`, the sampling grid starts here, every variable's timing starts at this
   * step, and recording starts unless the monitor was created with `start: false`.
   */
  onCompile(step: number): void {
    if (!this.fixedOrigin) this.offset = step % this.periodSteps;
    for (const v of this.vars) this.addVariable(v);
    if (this.startWhenCompiled) this.active = true;
  }

  /**
   * Start recording (ANNarchy `start(variables, period)`). Variables given are added and their
   * timing restarts now; without variables the timings are left as they are, so a monitor
   * created with `start: false` reports the compile step as its start, as 4.7.3 does.
   * `period` (ms) restarts the sampling grid at the current step.
   */
  start(variables?: string | string[], period?: number): void {
    this.assertNotStopped();
    if (variables !== undefined) {
      const vs = typeof variables === 'string' ? [variables] : variables;
      for (const v of vs) this.checkVar(v);
      for (const v of vs) {
        if (!this.vars.includes(v)) this.vars.push(v);
        this.addVariable(v);
      }
      this.plan = undefined;
      // the new variables are stored from now on, as for a monitor added after compile
      this.network.$storeWhatItReads(this);
    }
    if (period !== undefined) {
      if (!(period >= this.network.dt - 1e-12)) throw new Error(`Monitor on "${this.object.name}": period must be at least dt`);
      this.periodSteps = Math.max(1, Math.trunc(period / this.network.dt));
      this.offset = this.network.currentStep;
    }
    // taps see the new variables or period at the next step
    this.tapWake = -Infinity;
    this.active = true;
  }

  /** Stop recording, keeping the data: the current period of every variable stops now. */
  pause(): void {
    this.assertNotStopped();
    const now = this.network.currentStep;
    for (const v of this.vars) {
      const r = this.timing(v);
      r.stop[r.stop.length - 1] = now;
    }
    this.active = false;
  }

  /** Continue recording after `pause()`: a new period starts now. */
  resume(): void {
    this.assertNotStopped();
    const now = this.network.currentStep;
    for (const v of this.vars) {
      const r = this.timing(v);
      r.start.push(now);
      r.stop.push(null);
    }
    this.active = true;
  }

  /** Stop and forget this monitor; its data is lost. */
  stop(): void {
    this.active = false;
    this.stopped = true;
    const error = this.tellClosing(this.vars, undefined);
    this.dropData();
    this.network.removeRecorder(this);
    if (error !== undefined) throw error;
  }

  /**
   * Drop the data and restart the timings at the current step (ANNarchy `Monitor.reset()`:
   * `times()` then gives `stop: [null]` until the next `get()`). A global `reset()` calls it
   * after setting the time to 0.
   */
  reset(): void {
    const error = this.tellClosing(this.vars, undefined);
    this.dropping = true;
    try {
      for (const v of this.vars) {
        this.get(v);
        this.addVariable(v);
      }
    } finally {
      this.dropping = false;
    }
    this.dropData();
    if (error !== undefined) throw error;
  }

  /**
   * Drop the recorded samples and spikes without handing them out and without touching the
   * timings (the taps are told first): for a caller that streamed them elsewhere, such as
   * CompNeuroMonitors writing to a sink.
   *
   * @example
   * ```ts
   * m.discard();
   * ```
   */
  discard(): void {
    const error = this.tellClosing(this.vars, undefined);
    this.dropData();
    if (error !== undefined) throw error;
  }

  /**
   * Tell the taps that data leaves; returns the first error a tap threw (a stream subscriber),
   * for the caller to throw once its own work is done, so that nothing is half-applied.
   */
  private tellClosing(variables: readonly string[], taken: Record<string, RecordedArray | SpikeDict> | undefined): unknown {
    if (this.taps === undefined || this.dropping) return undefined;
    let error: unknown;
    for (const t of [...this.taps]) {
      try {
        t.closing(variables, taken);
      } catch (e) {
        error ??= e;
      }
    }
    return error;
  }

  /** True while recording. */
  get recording(): boolean {
    return this.active;
  }

  private assertNotStopped(): void {
    if (this.stopped) throw new Error(`Monitor on "${this.object.name}" was stopped; create a new one`);
  }

  /** ANNarchy's `_add_variable`: the timing of `v` (current and last window) starts now. */
  private addVariable(v: string): void {
    const now = this.network.currentStep;
    this.recorded.set(v, { start: [now], stop: [null] });
    this.lastRecorded.set(v, { start: [now], stop: [null] });
  }

  /** The current window of `v` (a monitor that never compiled starts it at the current step). */
  private timing(v: string): MonitorTimes {
    if (!this.recorded.has(v)) this.addVariable(v);
    return this.recorded.get(v)!;
  }

  /** Global `reset()` with `monitors: true`: {@link Monitor.reset}. */
  clearData(): void {
    if (!this.stopped) this.reset();
  }

  private dropData(): void {
    for (const b of this.buffers.values()) b.clear();
    this.spikes.clear();
    this.axonSpikes.clear();
  }

  /**
   * Per-variable recording plan, rebuilt when the variables change (keeps lookups out of the
   * step); `source` is the array a sample copies whole, valid while the object's `$layout` is
   * `layout` (-1: not looked up yet).
   */
  private plan: { name: string; width: number; target: boolean; buffer: GrowableBuffer; source: Float64Array | undefined; layout: number }[] | undefined;
  private hasTargets = false;
  private recordsSpikes = false;
  private recordsAxonSpikes = false;

  private buildPlan() {
    this.plan = this.vars.filter((v) => v !== 'spike' && v !== 'axon_spike').map((name) => {
      const width = this.object.recordWidth(name);
      let buffer = this.buffers.get(name);
      if (!buffer) this.buffers.set(name, (buffer = new GrowableBuffer(width * 1024, `Monitor on "${this.object.name}", variable "${name}"`)));
      return { name, width, target: this.object.isTarget(name), buffer, source: undefined as Float64Array | undefined, layout: -1 };
    });
    this.hasTargets = this.plan.some((p) => p.target);
    this.recordsSpikes = this.vars.includes('spike');
    this.recordsAxonSpikes = this.vars.includes('axon_spike');
    return this.plan;
  }

  private sample(targets: boolean): void {
    const plan = this.plan ?? this.buildPlan();
    const o = this.object;
    const layout = o.$layout;
    for (let k = 0; k < plan.length; k++) {
      const p = plan[k]!;
      if (p.target !== targets) continue;
      const off = p.buffer.reserve(p.width);
      const out = p.buffer.raw;
      if (layout !== undefined) {
        // a population: copy from its array directly (looked up again only when it changed)
        if (p.layout !== layout) {
          p.source = o.$recordArray!(p.name);
          p.layout = layout;
        }
        const src = p.source;
        if (src !== undefined) {
          copyInto(src, out, off);
          continue;
        }
      }
      o.readInto(p.name, out, off);
    }
  }

  private due(step: number): boolean {
    // every step: no division (a period of one step has offset 0)
    return this.periodSteps === 1 || (step - this.offset) % this.periodSteps === this.periodOffsetSteps;
  }

  recordTargets(step: number): void {
    if (this.targetsDue(step)) this.sample(true);
  }

  /** Whether {@link Monitor.recordTargets} samples at `step` (the network asks before). @internal */
  targetsDue(step: number): boolean {
    if (this.plan === undefined) this.buildPlan();
    return this.active && this.hasTargets && this.due(step);
  }

  record(step: number): void {
    if (!this.active) return;
    const sampled = this.due(step);
    if (sampled) this.sample(false);
    if (this.recordsAxonSpikes) this.axonSpikes.append(step, this.object.axonSpikedRanks!());
    if (this.recordsSpikes) {
      const o = this.object;
      if (o.$spikedList !== undefined) this.spikes.appendList(step, o.$spikedList(), o.$spikedCount!());
      else this.spikes.append(step, o.spikedRanks!());
    }
    if (this.taps === undefined) return;
    if (sampled) {
      // a sample one period after the last one continues the taps' blocks; any other is a gap
      if (step !== this.lastSample + this.periodSteps) this.tapWake = -Infinity;
      this.previousSample = this.lastSample;
      this.lastSample = step;
    }
    if (step >= this.tapWake) this.callTaps(step, sampled);
  }

  private callTaps(step: number, sampled: boolean): void {
    const taps = this.taps!;
    let wake = Infinity;
    for (let k = 0; k < taps.length; k++) {
      const t = taps[k]!;
      t.recorded(step, sampled);
      const w = t.wake;
      wake = Math.min(wake, w === undefined ? step + 1 : w);
    }
    this.tapWake = wake;
  }

  /** Called by `network.endRun()` when a simulation run ended. */
  runEnded(): void {
    if (this.taps !== undefined) for (const t of [...this.taps]) t.runEnded?.();
  }

  /**
   * Hook a {@link MonitorTap} into this monitor (the stream layer does; see `samples$`).
   *
   * @example
   * ```ts
   * m.addTap({ recorded: (step, sampled) => {}, closing: () => {} });
   * ```
   */
  addTap(tap: MonitorTap): void {
    (this.taps ??= []).push(tap);
    this.tapWake = -Infinity;
  }

  /**
   * Call the taps at the next recorded step, whatever their {@link MonitorTap.wake} said: for a
   * tap whose state changed between its calls (a block it handed on when a run ended).
   *
   * @example
   * ```ts
   * m.wakeTaps();
   * ```
   */
  wakeTaps(): void {
    this.tapWake = -Infinity;
  }

  /** Remove a tap added with {@link addTap}. @example m.removeTap(tap); */
  removeTap(tap: MonitorTap): void {
    if (this.taps === undefined) return;
    const k = this.taps.indexOf(tap);
    if (k >= 0) this.taps.splice(k, 1);
    if (this.taps.length === 0) this.taps = undefined;
  }

  /**
   * The buffer a variable's samples are appended to (valid up to `length`; replaced when it
   * grows, emptied when data leaves): taps read the samples of a block from it.
   *
   * @example
   * ```ts
   * const b = m.sampleBuffer('v'); // b.raw[b.length - width .. b.length) is the last sample
   * ```
   */
  sampleBuffer(variable: string): { readonly raw: Float64Array; readonly length: number } | undefined {
    return this.buffers.get(variable);
  }

  /** Number of recorded variables (they are only ever added, so a change means new ones). */
  get variableCount(): number {
    return this.vars.length;
  }

  /**
   * The data recorded so far of one variable, copied, without taking it (unlike `get()`, no
   * effect on the recording windows).
   *
   * @example
   * ```ts
   * m.peek('v').shape; // [samples, n]
   * ```
   */
  peek(variable: string): RecordedArray | SpikeDict {
    if (!this.vars.includes(variable)) throw new Error(`Monitor on "${this.object.name}": "${variable}" is not recorded; recorded: ${this.vars.join(', ')}`);
    if (variable === 'spike' || variable === 'axon_spike') {
      const events = variable === 'spike' ? this.spikes : this.axonSpikes;
      return events.toDict(this.object.recordedRanks?.() ?? []);
    }
    const b = this.buffers.get(variable);
    const data = b ? b.toArray() : new Float64Array(0);
    return new RecordedArray(data, [data.length / this.object.recordWidth(variable), ...this.object.recordShape(variable)]);
  }

  /**
   * The recorded data: one variable -> its samples (`[samples, ...shape]`) or the spike dict;
   * several (or none given: all) -> an object. Clears the data unless `keep` is true.
   */
  get(variables: string, opts?: { keep?: boolean }): RecordedArray | SpikeDict;
  get(variables?: string[], opts?: { keep?: boolean }): Record<string, RecordedArray | SpikeDict>;
  get(variables?: string | string[], opts: { keep?: boolean } = {}): RecordedArray | SpikeDict | Record<string, RecordedArray | SpikeDict> {
    const single = typeof variables === 'string';
    const names = variables === undefined ? this.vars : single ? [variables] : variables;
    for (const v of names) {
      if (!this.vars.includes(v)) throw new Error(`Monitor on "${this.object.name}": "${v}" is not recorded; recorded: ${this.vars.join(', ')}`);
    }
    const out: Record<string, RecordedArray | SpikeDict> = {};
    for (const v of names) {
      const now = this.network.currentStep;
      // ANNarchy: the window ends now and becomes the one times() reports (the same lists: with
      // keep, later pauses and resumes still show there); without keep a new window starts
      const r = this.timing(v);
      r.stop[r.stop.length - 1] = now;
      this.lastRecorded.set(v, r);
      if (!opts.keep) this.recorded.set(v, { start: [now], stop: [null] });
      out[v] = this.peek(v);
    }
    if (!opts.keep) {
      // the taps see the data before it goes
      const error = this.tellClosing(names, out);
      for (const v of names) {
        if (v === 'spike') this.spikes.clear();
        else if (v === 'axon_spike') this.axonSpikes.clear();
        else this.buffers.get(v)?.clear();
      }
      if (error !== undefined) throw error;
    }
    return single ? out[variables as string]! : out;
  }

  /**
   * Start and stop steps of the periods of the data the last `get()` returned (ANNarchy 4.7.3:
   * steps, although documented as ms; "call it after get()"). Before any `get()`, and after
   * `reset()`, the window is still open: `stop` is `[null]`.
   *
   * @example
   * ```ts
   * simulate(5); m.pause(); simulate(3); m.resume(); simulate(2);
   * m.get('v');
   * m.times(); // { v: { start: [0, 8], stop: [5, 10] } }
   * ```
   */
  times(variables?: string | string[]): Record<string, MonitorTimes> {
    const names = variables === undefined ? this.vars : typeof variables === 'string' ? [variables] : variables;
    const out: Record<string, MonitorTimes> = {};
    for (const v of names) {
      if (!this.vars.includes(v)) throw new Error(`Monitor on "${this.object.name}".times: "${v}" is not recorded; recorded: ${this.vars.join(', ')}`);
      const l = this.lastRecorded.get(v) ?? { start: [this.network.currentStep], stop: [null] };
      out[v] = { start: [...l.start], stop: [...l.stop] };
    }
    return out;
  }

  // --- spike helpers (ANNarchy 4.7.3 Monitor methods); without `spikes`, get('spike') is called ---

  private spikeData(spikes: SpikeDict | { spike: SpikeDict } | undefined, what: string): SpikeDict {
    if (!this.vars.includes('spike')) throw new Error(`Monitor on "${this.object.name}".${what}: spike was not recorded`);
    if (spikes === undefined) return this.get('spike') as SpikeDict;
    return 'spike' in spikes && typeof spikes.spike === 'object' && !Array.isArray(spikes.spike) ? (spikes.spike as SpikeDict) : (spikes as SpikeDict);
  }

  /** Recording window `[start, stop]` steps of the spikes at the last `get()` (last period, as ANNarchy). */
  private spikeWindow(): { start: number; stop: number } {
    const l = this.lastRecorded.get('spike') ?? this.timing('spike');
    return { start: l.start[l.start.length - 1]!, stop: l.stop[l.stop.length - 1] ?? this.network.currentStep };
  }

  /**
   * Spike times (ms) and ranks of every recorded spike.
   *
   * @example
   * ```ts
   * const { times, ranks } = m.rasterPlot();
   * ```
   */
  rasterPlot(spikes?: SpikeDict) {
    return rasterPlot(this.spikeData(spikes, 'rasterPlot'), { dt: this.network.dt });
  }

  /** Spike counts per bin (see {@link histogram}). @example m.histogram(undefined, { bins: 10 }); */
  histogram(spikes?: SpikeDict, opts: Omit<HistogramOptions, 'dt'> = {}) {
    return histogram(this.spikeData(spikes, 'histogram'), { ...opts, dt: this.network.dt });
  }

  /** Inter-spike intervals in ms. @example m.interSpikeInterval(spikes); */
  interSpikeInterval(spikes?: SpikeDict, opts: { ranks?: readonly number[]; perNeuron?: boolean } = {}) {
    const data = this.spikeData(spikes, 'interSpikeInterval');
    return opts.perNeuron
      ? interSpikeInterval(data, { ranks: opts.ranks, perNeuron: true, dt: this.network.dt })
      : interSpikeInterval(data, { ranks: opts.ranks, dt: this.network.dt });
  }

  /** ISI coefficients of variation. @example m.coefficientOfVariation(spikes, { perNeuron: true }); */
  coefficientOfVariation(spikes?: SpikeDict, opts: { ranks?: readonly number[]; perNeuron?: boolean } = {}) {
    const data = this.spikeData(spikes, 'coefficientOfVariation');
    return opts.perNeuron
      ? coefficientOfVariation(data, { ranks: opts.ranks, perNeuron: true, dt: this.network.dt })
      : coefficientOfVariation(data, { ranks: opts.ranks, dt: this.network.dt });
  }

  /**
   * Mean firing rate (Hz) over the recording window (steps from the last start/get to the last
   * `get()`) and all recorded neurons.
   *
   * @example
   * ```ts
   * simulate(1000);
   * m.meanFr(); // Hz
   * ```
   */
  meanFr(spikes?: SpikeDict): number {
    const data = this.spikeData(spikes, 'meanFr');
    const { start, stop } = this.spikeWindow();
    const ranks = this.object.recordedRanks?.() ?? Object.keys(data).map(Number);
    let fr = 0;
    for (const r of ranks) fr += (data[r] ?? []).length;
    return fr / ranks.length / (stop - start) / this.network.dt * 1000.0;
  }

  /** Per-neuron instantaneous rate over the recording window. @example m.smoothedRate(undefined, 100); */
  smoothedRate(spikes?: SpikeDict, smooth = 0): Float64Array[] {
    const data = this.spikeData(spikes, 'smoothedRate');
    const { start, stop } = this.spikeWindow();
    return smoothedRate(data, { smooth, dt: this.network.dt, start, stop });
  }

  /** Population rate (Hz per step) over the recording window. @example m.populationRate(undefined, 10); */
  populationRate(spikes?: SpikeDict, smooth = 0): Float64Array {
    const data = this.spikeData(spikes, 'populationRate');
    const { start, stop } = this.spikeWindow();
    return populationRate(data, { smooth, dt: this.network.dt, start, stop });
  }
}
