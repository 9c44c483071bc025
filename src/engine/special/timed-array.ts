import { Neuron } from '../../language/neuron.js';
import type { Network } from '../network.js';
import { ScheduledPopulation } from './scheduled-population.js';

/**
 * Options of {@link TimedArray}.
 *
 * @example
 * ```ts
 * const o: TimedArrayOptions = { schedule: 100, period: -1 };
 * new TimedArray([[0, 1], [1, 0]], o);
 * ```
 */
export interface TimedArrayOptions {
  /** One time in ms per row, or a spacing (row k at `schedule * k`); 0 (default) means every step. */
  schedule?: number | readonly number[];
  /** Cycle length in ms (`-1`, the default: no cycling). */
  period?: number;
  name?: string;
  network?: Network;
}

/**
 * Rows of rates: each row a flat array (1-D) or nested arrays (the geometry, C order).
 *
 * @example
 * ```ts
 * const rates: TimedArrayRates = [[0, 10], [10, 0]];   // one row per schedule point
 * new TimedArray(rates);
 * ```
 */
export type TimedArrayRates = readonly (number | readonly unknown[])[] | readonly (readonly unknown[])[];

const TIMED_ARRAY = new Neuron({ parameters: '', equations: 'r = 0.0', name: 'Timed Array', description: 'Timed array source.' });

function shapeOf(x: unknown, where: string): number[] {
  if (typeof x === 'number') return [];
  if (!Array.isArray(x) && !ArrayBuffer.isView(x)) throw new Error(`${where}: expected numbers or arrays of numbers`);
  const a = x as ArrayLike<unknown>;
  if (a.length === 0) throw new Error(`${where}: empty array`);
  const inner = shapeOf(a[0], where);
  for (let k = 1; k < a.length; k++) {
    if (JSON.stringify(shapeOf(a[k], where)) !== JSON.stringify(inner)) throw new Error(`${where}: ragged array (all rows need the same shape)`);
  }
  return [a.length, ...inner];
}

function flatten(x: unknown, out: number[], where: string): void {
  if (typeof x === 'number') {
    if (Number.isNaN(x)) throw new Error(`${where}: NaN in rates`);
    out.push(x);
    return;
  }
  for (const e of Array.from(x as ArrayLike<unknown>)) flatten(e, out, where);
}

/**
 * Rate-coded input replaying rows of rates (ANNarchy 4.7.3 `TimedArray`): `r` is set to row k
 * in the step where the internal counter `_t` equals the schedule time of row k, converted with
 * `int(ms / dt)`, and kept until the next one. After the last row `r` keeps its value unless
 * `period` (ms, `int(period/dt)` steps) makes the schedule cycle. `reset()` restarts the counter
 * and sets `r` to 0 until the first scheduled row (compile sets `r` to the first row).
 *
 * @example
 * ```ts
 * const inp = new TimedArray([[1, 0, 0], [0, 1, 0], [0, 0, 1]], { schedule: 10 }); // 3 neurons
 * compile();
 * simulate(30);     // r = [1,0,0] for 10 ms, then [0,1,0], then [0,0,1]
 * ```
 */
export class TimedArray extends ScheduledPopulation {
  private rows: Float64Array[];
  private scheduleMs: number[];
  private periodMs: number;

  constructor(rates: TimedArrayRates, opts: TimedArrayOptions = {}) {
    const where = 'TimedArray';
    const shape = shapeOf(rates, `${where}: rates`);
    if (shape.length < 2) throw new Error(`${where}: rates must be a list of rows (first axis = time), each with one value per neuron`);
    const geometry = shape.slice(1);
    const known = ['schedule', 'period', 'name', 'network'];
    for (const k of Object.keys(opts)) if (!known.includes(k)) throw new Error(`${where}: unknown option "${k}"; expected ${known.join(', ')}`);
    super(geometry, TIMED_ARRAY, { name: opts.name, network: opts.network });
    this.rows = TimedArray.toRows(rates, this.size);
    const nRows = this.rows.length;
    let schedule = opts.schedule ?? 0;
    if (typeof schedule === 'number') {
      if (!Number.isFinite(schedule)) throw new Error(`${where}: schedule must be a number of ms or a list of times`);
      // ANNarchy: schedule <= 0 means every step; times are float(schedule * i)
      const every = schedule <= 0 ? this.network.dt : schedule;
      schedule = Array.from({ length: nRows }, (_, i) => every * i);
    }
    if (!Array.isArray(schedule) || schedule.some((x) => typeof x !== 'number' || !Number.isFinite(x))) throw new Error(`${where}: schedule must be a number of ms or a list of times in ms`);
    if (schedule.length > nRows) throw new Error(`${where}: the schedule (${schedule.length} times) cannot be longer than the rates (${nRows} rows)`);
    if (schedule.length === 0) throw new Error(`${where}: the schedule is empty`);
    this.scheduleMs = [...schedule];
    const period = opts.period ?? -1;
    if (typeof period !== 'number' || !Number.isFinite(period)) throw new Error(`${where}: period must be a number of ms (-1: no cycling)`);
    this.periodMs = period;
  }

  private static toRows(rates: unknown, size: number): Float64Array[] {
    return Array.from(rates as ArrayLike<unknown>, (row) => {
      const out: number[] = [];
      flatten(row, out, 'TimedArray: rates');
      if (out.length !== size) throw new Error(`TimedArray: every row needs ${size} values, got ${out.length}`);
      return Float64Array.from(out);
    });
  }

  /** The rows of rates (flat per row). */
  get rates(): Float64Array[] {
    return this.rows.map((r) => r.slice());
  }

  /** Replace the rows; after compile `r` is set to the first row at once (ANNarchy `set_buffer`). */
  set rates(value: TimedArrayRates) {
    const rows = TimedArray.toRows(value, this.size);
    if (rows.length < this.scheduleMs.length) throw new Error(`TimedArray: the rates need at least ${this.scheduleMs.length} rows (one per schedule time), got ${rows.length}`);
    this.rows = rows;
    if (this.$state) this.$state.local.r!.set(this.rows[0]!);
  }

  /** Schedule times in ms (after compile: on the step grid, `dt * int(ms/dt)`). */
  get schedule(): number[] {
    return this.$state ? this.cursor.steps.map((s) => s * this.network.dt) : [...this.scheduleMs];
  }

  set schedule(value: readonly number[]) {
    if (!Array.isArray(value) || value.length === 0 || value.some((x) => typeof x !== 'number' || !Number.isFinite(x))) throw new Error('TimedArray: schedule must be a non-empty list of times in ms');
    if (value.length > this.rows.length) throw new Error(`TimedArray: the schedule (${value.length} times) cannot be longer than the rates (${this.rows.length} rows)`);
    this.scheduleMs = [...value];
    if (this.$state) this.cursor.set(this.scheduleMs, this.periodMs, this.network.dt);
  }

  /** Cycle length in ms (-1: none). */
  get period(): number {
    return this.$state ? this.cursor.period * this.network.dt : this.periodMs;
  }

  set period(value: number) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error('TimedArray: period must be a number of ms (-1: no cycling)');
    this.periodMs = value;
    if (this.$state) this.cursor.set(this.scheduleMs, this.periodMs, this.network.dt);
  }

  /**
   * ANNarchy's `update(rates, schedule=0., period=-1)`: new rows, schedule and period at once
   * (omitted options take those defaults, as in 4.7.3). The internal counter keeps running, so
   * the row read next is the one the new schedule places at the current time. Everything is
   * checked before anything changes.
   *
   * @example
   * ```ts
   * inp.update([[0, 1], [1, 0]], { schedule: 2.0 });
   * ```
   */
  update(rates: TimedArrayRates, opts: { schedule?: number | readonly number[]; period?: number } = {}): void {
    const where = `TimedArray "${this.name}".update`;
    for (const k of Object.keys(opts)) if (k !== 'schedule' && k !== 'period') throw new Error(`${where}: unknown option "${k}"; expected schedule, period`);
    const rows = TimedArray.toRows(rates, this.size);
    let schedule = opts.schedule ?? 0;
    if (typeof schedule === 'number') {
      if (!Number.isFinite(schedule)) throw new Error(`${where}: schedule must be a number of ms or a list of times`);
      const every = schedule <= 0 ? this.network.dt : schedule;
      schedule = Array.from({ length: rows.length }, (_, i) => every * i);
    }
    if (!Array.isArray(schedule) || schedule.length === 0 || schedule.some((x) => typeof x !== 'number' || !Number.isFinite(x))) throw new Error(`${where}: schedule must be a number of ms or a non-empty list of times in ms`);
    if (schedule.length > rows.length) throw new Error(`${where}: the schedule (${schedule.length} times) cannot be longer than the rates (${rows.length} rows)`);
    const period = opts.period ?? -1;
    if (typeof period !== 'number' || !Number.isFinite(period)) throw new Error(`${where}: period must be a number of ms (-1: no cycling)`);
    this.scheduleMs = [];
    this.rates = rates;
    this.schedule = schedule;
    this.period = period;
  }

  override $compileInto(method: string): void {
    super.$compileInto(method);
    // np.array(schedule) / dt converted to C int: truncation
    this.cursor.set(this.scheduleMs, this.periodMs, this.network.dt);
    const r = this.$state!.local.r!;
    r.set(this.rows[0]!);
    this.cursor.restart();
    // ANNarchy's update_variables template of TimedArray replaces the generated update
    this.$leanUpdateKernel = undefined;
    this.$updateKernel = () => {
      const b = this.cursor.advance();
      if (b >= 0) r.set(this.rows[b]!);
    };
  }
}
