import { toValues, type AttributeInput } from './attribute-value.js';
import type { Network } from './network.js';
import type { Population } from './population.js';
import { attributeAccessor } from './attribute-accessor.js';
import { rejectUnknownAttributes } from './strict-attributes.js';

/**
 * A subset of a population's neurons (ANNarchy's `PopulationView`, from `pop.slice(a, b)`,
 * `pop.view([...])` or `pop.at(x, null)`). Attributes read as a `Float64Array` over the selected
 * ranks (population-wide ones as the shared number); writes take a scalar or one value per
 * selected neuron; population-wide attributes cannot be written through a view. Views can be
 * monitored and used as projection endpoints (`population` and `ranks`).
 *
 * @example
 * ```ts
 * const exc = pop.slice(0, 80);
 * exc.v = -70;                    // broadcast to ranks 0..79
 * exc.set({ I: new Float64Array(80).fill(1) });
 * const m = new Monitor(exc, 'spike');
 * const both = pop.view([0, 1]).add(pop.view([5]));  // union: ranks 0, 1, 5
 * ```
 */
export class PopulationView {
  /** Attribute access by name (`view.v`, `view.v = -70`). */
  [attribute: string]: any;

  readonly population: Population;
  /** Selected ranks of the population, in view order. */
  readonly ranks: readonly number[];
  readonly size: number;
  readonly geometry: readonly number[];

  constructor(population: Population, ranks: readonly number[], geometry?: readonly number[]) {
    if (!Array.isArray(ranks) && !(ranks as unknown instanceof Int32Array)) throw new Error(`PopulationView: ranks must be an array of integers`);
    if (ranks.length === 0) throw new Error(`PopulationView of "${population.name}": the selection is empty`);
    for (const r of ranks) {
      if (!Number.isInteger(r) || r < 0 || r >= population.size) throw new RangeError(`PopulationView of "${population.name}": rank ${String(r)} out of range [0, ${population.size})`);
    }
    this.population = population;
    this.ranks = Object.freeze([...ranks]);
    this.size = ranks.length;
    this.geometry = Object.freeze(geometry ? [...geometry] : [ranks.length]);
    for (const name of population.attributes) {
      if (name in this) continue;
      Object.defineProperty(this, name, attributeAccessor(name));
    }
  }

  get name(): string {
    return this.population.name;
  }

  get network(): Network {
    return this.population.network;
  }

  get spiking(): boolean {
    return this.population.spiking;
  }

  get attributes(): string[] {
    return this.population.attributes;
  }

  /** Values of an attribute for the selected neurons (or the population-wide number). */
  get(name: string): Float64Array | number;
  get(names: string[]): Record<string, Float64Array | number>;
  get(name: string | string[]): Float64Array | number | Record<string, Float64Array | number> {
    if (Array.isArray(name)) return Object.fromEntries(name.map((n) => [n, this.get(n)]));
    return this.population.$readRanks(name, this.ranks);
  }

  /** Write attributes of the selected neurons; every value is checked before any is written. */
  set(values: Record<string, AttributeInput>): void {
    if (values === null || typeof values !== 'object') throw new Error(`PopulationView of "${this.name}".set: expected an object { attribute: value }`);
    const prepared: [string, Float64Array | number][] = [];
    for (const [name, input] of Object.entries(values)) {
      const m = this.population.$attributeMeta(name);
      const where = `PopulationView of "${this.name}", attribute "${name}"`;
      if (!m.local) throw new Error(`${where}: population-wide attributes cannot be set from a view; set pop.${name} on the population`);
      prepared.push([name, toValues(input, this.size, where, this.network.numpyRng)]);
    }
    for (const [name, v] of prepared) this.population.$writeRanks(name, this.ranks, v);
  }

  /**
   * Union with another view of the same population (ANNarchy `view1 + view2`). Ranks come out
   * ascending (Python's `set` iterates small integers in that order).
   */
  add(other: PopulationView | Population | { population: Population; rank: number }): PopulationView {
    const otherPop = other.population;
    if (otherPop !== this.population) throw new Error(`PopulationView.add: both views must belong to the same population ("${this.name}" vs "${otherPop.name}")`);
    const otherRanks = 'rank' in other && typeof other.rank === 'number' ? [other.rank] : (other as PopulationView).ranks;
    const set = new Set<number>([...this.ranks, ...otherRanks]);
    return new PopulationView(this.population, [...set].sort((a, b) => a - b));
  }

  /** One neuron of the view by its position in the view. */
  neuron(index: number) {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`PopulationView of "${this.name}".neuron: index ${index} out of range [0, ${this.size})`);
    return this.population.neuron(this.ranks[index]!);
  }

  /** Ranks of the view that spiked in the last step (population ranks). */
  get spike(): number[] {
    return [...this.spikedRanks()];
  }

  // --- Recordable (monitors) ---

  /** Values per sample: one for a population-wide variable, as for the population. */
  recordWidth(variable?: string): number {
    return variable !== undefined && this.recordShape(variable).length === 0 ? 1 : this.size;
  }

  /** Shape of one recorded sample: the view's geometry, or `[]` for a population-wide variable. */
  recordShape(variable?: string): number[] {
    return variable !== undefined && this.population.recordShape(variable).length === 0 ? [] : [...this.geometry];
  }

  /** Throws a clear error if `variable` cannot be recorded (as for the population). */
  checkRecordable(variable: string): void {
    this.population.checkRecordable(variable);
  }

  /** True for inputs recorded before the update (`g_target`, `sum(target)`). */
  isTarget(variable: string): boolean {
    return this.population.isTarget(variable);
  }

  /** Copies the current values of `variable` for the view's ranks into `out` at `offset`. */
  readInto(variable: string, out: Float64Array, offset: number): void {
    const S = this.population.$state!;
    const m = /^sum\((\w*)\)$/.exec(variable.replace(/\s+/g, ''));
    const arr = S.local[variable] ?? (m ? S.local[`_sum_${m[1] || '_all'}`] : undefined);
    const ranks = this.ranks;
    if (arr) for (let k = 0; k < ranks.length; k++) out[offset + k] = arr[ranks[k]!]!;
    else out[offset] = S.global[variable] ?? 0;
  }

  private $member: Uint8Array | undefined;

  /** Ranks of the view's neurons that spiked in the last step. */
  *spikedRanks(): Iterable<number> {
    const S = this.population.$state;
    if (!S) return;
    if (!this.$member) {
      this.$member = new Uint8Array(this.population.size);
      for (const r of this.ranks) this.$member[r] = 1;
    }
    for (let k = 0; k < S.nSpiked; k++) {
      const r = S.spiked[k]!;
      if (this.$member[r]) yield r;
    }
  }

  /** Ranks reported in spike dicts: the view's ranks. */
  recordedRanks(): number[] {
    return [...this.ranks];
  }

  /** E.g. `PopulationView of exc (10 neurons)`. */
  toString(): string {
    return `PopulationView of ${this.name} (${this.size} neurons)`;
  }
}

// `view.Iapp = 5` (for I_app) throws instead of creating a property nobody reads
rejectUnknownAttributes(PopulationView, (view, name) => `PopulationView of "${view.name}" has no attribute "${name}"; attributes: ${view.attributes.join(', ')}`);
