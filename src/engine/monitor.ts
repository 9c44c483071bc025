import { RecordedArray } from '../monitors/recorded-array.js';
import type { SpikeDict } from '../monitors/recordings.js';
import { GrowableBuffer } from './growable-buffer.js';
import type { Network } from './network.js';
import type { Recorder } from './step-participant.js';
import {
  coefficientOfVariation, histogram, interSpikeInterval, meanFr, populationRate, rasterPlot, smoothedRate, type HistogramOptions,
} from './spike-analysis.js';

/**
 * What a monitor can record from: a population, a view of one, or a projection. Values of one
 * sample are written into `out` starting at `offset` (`width` values).
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
  readInto(variable: string, out: Float64Array, offset: number): void;
  /** Ranks (within the recorded set) that spiked in the last step, or undefined if not spiking. */
  spikedRanks?(): Iterable<number>;
  /** Ranks reported in spike dicts. */
  recordedRanks?(): number[];
}

/** Options of {@link Monitor}. */
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
  private spikes = new Map<number, number[]>();
  private timesLog = new Map<string, { start: number[]; stop: number[] }>();
  private stopped = false;
  /** Step of the last `get()` without keep per variable (ANNarchy restarts 'start' there). */
  private getMark = new Map<string, number>();
  /** Recording window `[start, stop]` steps at the last `get()` (ANNarchy `_last_recorded_variables`). */
  private lastWindow = new Map<string, { start: number; stop: number }>();

  constructor(obj: Recordable, variables: string | string[] = [], opts: MonitorOptions = {}) {
    if (!obj || typeof (obj as Recordable).readInto !== 'function') throw new Error('Monitor: the first argument must be a Population, PopulationView or Projection');
    this.object = obj;
    this.network = obj.network;
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

  onCompile(step: number): void {
    if (this.startWhenCompiled && !this.active) this.start();
    else if (!this.fixedOrigin) this.offset = step % this.periodSteps;
  }

  /** Start recording (optionally other variables or another period). */
  start(variables?: string | string[], period?: number): void {
    this.assertNotStopped();
    if (variables !== undefined) {
      const vs = typeof variables === 'string' ? [variables] : variables;
      for (const v of vs) this.checkVar(v);
      for (const v of vs) if (!this.vars.includes(v)) this.vars.push(v);
      this.plan = undefined;
    }
    if (period !== undefined) {
      if (!(period >= this.network.dt - 1e-12)) throw new Error(`Monitor on "${this.object.name}": period must be at least dt`);
      this.periodSteps = Math.max(1, Math.trunc(period / this.network.dt));
      this.offset = this.network.currentStep;
    }
    this.active = true;
    for (const v of this.vars) this.log(v).start.push(this.network.currentStep);
  }

  /** Stop recording, keeping the data. */
  pause(): void {
    this.assertNotStopped();
    if (this.active) for (const v of this.vars) this.log(v).stop.push(this.network.currentStep);
    this.active = false;
  }

  /** Continue recording after `pause()`. */
  resume(): void {
    this.assertNotStopped();
    if (!this.active) for (const v of this.vars) this.log(v).start.push(this.network.currentStep);
    this.active = true;
  }

  /** Stop and forget this monitor; its data is lost. */
  stop(): void {
    this.active = false;
    this.stopped = true;
    this.clearData();
    this.network.removeRecorder(this);
  }

  /** Drop the data and restart the timings. */
  reset(): void {
    this.clearData();
    this.timesLog.clear();
    if (this.active) for (const v of this.vars) this.log(v).start.push(this.network.currentStep);
  }

  /** True while recording. */
  get recording(): boolean {
    return this.active;
  }

  private assertNotStopped(): void {
    if (this.stopped) throw new Error(`Monitor on "${this.object.name}" was stopped; create a new one`);
  }

  private log(v: string) {
    let l = this.timesLog.get(v);
    if (!l) this.timesLog.set(v, (l = { start: [], stop: [] }));
    return l;
  }

  clearData(): void {
    for (const b of this.buffers.values()) b.clear();
    this.spikes.clear();
  }

  /** Per-variable recording plan, rebuilt when the variables change (keeps lookups out of the step). */
  private plan: { name: string; width: number; target: boolean; buffer: GrowableBuffer }[] | undefined;
  private hasTargets = false;
  private recordsSpikes = false;

  private buildPlan() {
    this.plan = this.vars.filter((v) => v !== 'spike').map((name) => {
      const width = this.object.recordWidth(name);
      let buffer = this.buffers.get(name);
      if (!buffer) this.buffers.set(name, (buffer = new GrowableBuffer(width * 1024, `Monitor on "${this.object.name}", variable "${name}"`)));
      return { name, width, target: this.object.isTarget(name), buffer };
    });
    this.hasTargets = this.plan.some((p) => p.target);
    this.recordsSpikes = this.vars.includes('spike');
    return this.plan;
  }

  private sample(targets: boolean): void {
    const plan = this.plan ?? this.buildPlan();
    for (let k = 0; k < plan.length; k++) {
      const p = plan[k]!;
      if (p.target !== targets) continue;
      const off = p.buffer.reserve(p.width);
      this.object.readInto(p.name, p.buffer.raw, off);
    }
  }

  private due(step: number): boolean {
    return (step - this.offset) % this.periodSteps === this.periodOffsetSteps;
  }

  recordTargets(step: number): void {
    if (this.plan === undefined) this.buildPlan();
    if (this.active && this.hasTargets && this.due(step)) this.sample(true);
  }

  record(step: number): void {
    if (!this.active) return;
    if (this.due(step)) this.sample(false);
    if (this.recordsSpikes) {
      for (const r of this.object.spikedRanks!()) {
        let l = this.spikes.get(r);
        if (!l) this.spikes.set(r, (l = []));
        l.push(step);
      }
    }
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
      this.lastWindow.set(v, { start: this.windowStart(v), stop: now });
      if (!opts.keep) this.getMark.set(v, now);
      if (v === 'spike') {
        const d: SpikeDict = {};
        for (const r of this.object.recordedRanks?.() ?? []) d[r] = [...(this.spikes.get(r) ?? [])];
        for (const [r, l] of this.spikes) if (!(r in d)) d[r] = [...l];
        out[v] = d;
        if (!opts.keep) this.spikes.clear();
      } else {
        const b = this.buffers.get(v);
        const w = this.object.recordWidth(v);
        const data = b ? b.toArray() : new Float64Array(0);
        out[v] = new RecordedArray(data, [data.length / w, ...this.object.recordShape(v)]);
        if (!opts.keep) b?.clear();
      }
    }
    return single ? out[variables as string]! : out;
  }

  /** Start and stop steps of each recorded variable (steps, as ANNarchy 4.7.3 returns). */
  times(variables?: string | string[]): Record<string, { start: number[]; stop: number[] }> {
    const names = variables === undefined ? this.vars : typeof variables === 'string' ? [variables] : variables;
    const out: Record<string, { start: number[]; stop: number[] }> = {};
    for (const v of names) {
      const l = this.log(v);
      const stop = [...l.stop];
      if (l.start.length > l.stop.length) stop.push(this.network.currentStep);
      out[v] = { start: [...l.start], stop };
    }
    return out;
  }

  private windowStart(v: string): number {
    const l = this.log(v);
    const st = l.start.length > 0 ? l.start[l.start.length - 1]! : 0;
    return Math.max(st, this.getMark.get(v) ?? -Infinity);
  }

  // --- spike helpers (ANNarchy 4.7.3 Monitor methods); without `spikes`, get('spike') is called ---

  private spikeData(spikes: SpikeDict | { spike: SpikeDict } | undefined, what: string): SpikeDict {
    if (!this.vars.includes('spike')) throw new Error(`Monitor on "${this.object.name}".${what}: spike was not recorded`);
    if (spikes === undefined) return this.get('spike') as SpikeDict;
    return 'spike' in spikes && typeof spikes.spike === 'object' && !Array.isArray(spikes.spike) ? (spikes.spike as SpikeDict) : (spikes as SpikeDict);
  }

  /** Recording window `[start, stop]` steps of the spikes at the last `get()`. */
  private spikeWindow(): { start: number; stop: number } {
    return this.lastWindow.get('spike') ?? { start: this.windowStart('spike'), stop: this.network.currentStep };
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
