import { Neuron } from '../../language/neuron.js';
import type { Network } from '../network.js';
import type { Geometry } from '../population.js';
import { ScheduledPopulation } from './scheduled-population.js';

/** Options of {@link TimedPoissonPopulation} (ANNarchy's keyword arguments). */
export interface TimedPoissonPopulationOptions {
  /** One rate (Hz) per schedule time, or per schedule time one rate per neuron. */
  rates: readonly (number | readonly number[])[];
  /** Times in ms at which the rates change. */
  schedule: readonly number[];
  /** Cycle length in ms (-1, the default: no cycling). */
  period?: number;
  name?: string;
  network?: Network;
}

/** The neuron ANNarchy 4.7.3 builds for a TimedPoissonPopulation (strings unchanged). */
function timedPoissonNeuron(): Neuron {
  return new Neuron({
    parameters: `
            proba = 1.0
            `,
    equations: `
            p = Uniform(0.0, 1.0) * 1000.0 / dt
            `,
    spike: `
            p < proba
            `,
    name: 'TimedPoisson',
    description: 'Spiking neuron following a Poisson distribution.',
  });
}

/**
 * Poisson spike sources whose rates follow a schedule (ANNarchy 4.7.3 `TimedPoissonPopulation`):
 * in the step where the internal counter reaches a schedule time (`int(ms/dt)` steps) `proba`
 * becomes that block's rates; each neuron spikes when `(1000.0/dt) * U(0,1) < proba`, the
 * uniform numbers drawn from the equation generator as ANNarchy draws them. `period` cycles the
 * schedule; `reset()` restarts it (times become relative to that call).
 *
 * @example
 * ```ts
 * const inp = new TimedPoissonPopulation(100, { rates: [10, 20, 100, 20, 5], schedule: [0, 100, 200, 500, 600], period: 1000 });
 * ```
 */
export class TimedPoissonPopulation extends ScheduledPopulation {
  private rows: Float64Array[];
  private scheduleMs: number[];
  private periodMs: number;

  constructor(geometry: Geometry, o: TimedPoissonPopulationOptions) {
    const where = 'TimedPoissonPopulation';
    if (o === null || typeof o !== 'object') throw new Error(`${where}: expected an options object { rates, schedule, period }`);
    for (const k of Object.keys(o)) if (!['rates', 'schedule', 'period', 'name', 'network'].includes(k)) throw new Error(`${where}: unknown option "${k}"; expected rates, schedule, period, name or network`);
    super(geometry, timedPoissonNeuron(), { name: o.name, network: o.network });
    this.scheduleMs = TimedPoissonPopulation.checkSchedule(o.schedule);
    this.rows = this.toRows(o.rates, this.scheduleMs.length);
    this.periodMs = TimedPoissonPopulation.checkPeriod(o.period ?? -1);
  }

  private static checkSchedule(s: unknown): number[] {
    if (!Array.isArray(s) || s.length === 0 || s.some((x) => typeof x !== 'number' || !Number.isFinite(x))) throw new Error('TimedPoissonPopulation: schedule must be a non-empty list of times in ms');
    return [...s] as number[];
  }

  private static checkPeriod(p: unknown): number {
    if (typeof p !== 'number' || !Number.isFinite(p)) throw new Error('TimedPoissonPopulation: period must be a number of ms (-1: no cycling)');
    return p;
  }

  private toRows(rates: unknown, n: number): Float64Array[] {
    const where = 'TimedPoissonPopulation';
    if (!Array.isArray(rates)) throw new Error(`${where}: rates must be a list (one entry per schedule time)`);
    if (rates.length !== n) throw new Error(`${where}: the first axis of the rates (${rates.length}) must be the same length as the schedule (${n})`);
    return rates.map((row: unknown, k) => {
      if (typeof row === 'number') {
        if (!Number.isFinite(row)) throw new Error(`${where}: rate ${k} is not a finite number`);
        return new Float64Array(this.size).fill(row);
      }
      const flat = (Array.isArray(row) ? (row as unknown[]).flat(Infinity) : []) as unknown[];
      if (flat.length !== this.size || flat.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
        throw new Error(`${where}: rates[${k}] must be one number or ${this.size} numbers (one per neuron)`);
      }
      return Float64Array.from(flat as number[]);
    });
  }

  /** Rates per schedule time, one value per neuron. */
  get rates(): Float64Array[] {
    return this.rows.map((r) => r.slice());
  }

  set rates(value: readonly (number | readonly number[])[]) {
    this.rows = this.toRows(value, this.scheduleMs.length);
  }

  /** Schedule times in ms (after compile: on the step grid). */
  get schedule(): number[] {
    return this.$state ? this.cursor.steps.map((s) => s * this.network.dt) : [...this.scheduleMs];
  }

  set schedule(value: readonly number[]) {
    const s = TimedPoissonPopulation.checkSchedule(value);
    if (s.length !== this.rows.length) throw new Error(`TimedPoissonPopulation: the schedule (${s.length} times) must match the rates (${this.rows.length} rows)`);
    this.scheduleMs = s;
    if (this.$state) this.cursor.set(s, this.periodMs, this.network.dt);
  }

  /** Cycle length in ms (-1: none). */
  get period(): number {
    return this.$state ? this.cursor.period * this.network.dt : this.periodMs;
  }

  set period(value: number) {
    this.periodMs = TimedPoissonPopulation.checkPeriod(value);
    if (this.$state) this.cursor.set(this.scheduleMs, this.periodMs, this.network.dt);
  }

  override $compileInto(method: string): void {
    super.$compileInto(method);
    const S = this.$state!;
    this.cursor.set(this.scheduleMs, this.periodMs, this.network.dt);
    this.cursor.restart();
    const proba = S.local.proba!, p = S.local.p!;
    const rand = S.rand[this.$ir.randoms[0]!.name] as Float64Array;
    const n = this.size;
    // ANNarchy's update_variables template replaces the generated update: schedule, then
    // p[i] = step * rand_0[i] with step = 1000.0/dt (not the equation's order), then spike_gather
    this.$leanUpdateKernel = undefined;
    this.$spikeKernel = undefined;
    this.$updateKernel = (t: number) => {
      const b = this.cursor.advance();
      if (b >= 0) proba.set(this.rows[b]!);
      const step = 1000.0 / S.dt;
      for (let i = 0; i < n; i++) p[i] = step * rand[i]!;
      this.gatherSpikes(t, p, proba);
    };
  }
}
