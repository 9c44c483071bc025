import type { Population } from './population.js';
import type { PopulationView } from './population-view.js';
import { rejectUnknownAttributes } from './strict-attributes.js';

/**
 * One neuron of a population as an attribute proxy (ANNarchy's `IndividualNeuron`):
 * `n.v` reads its value (a population-wide attribute reads the shared number), `n.v = x`
 * writes only this neuron. Population-wide attributes cannot be written through it.
 *
 * @example
 * ```ts
 * const n = pop.neuron(2);
 * n.v = -70;
 * n.get('v'); // -70
 * n.rank;     // 2
 * ```
 */
export class IndividualNeuron {
  /** Attribute access by name (`n.v`, `n.v = -70`). */
  [attribute: string]: any;

  readonly population: Population;
  readonly rank: number;

  constructor(population: Population, rank: number) {
    if (!Number.isInteger(rank) || rank < 0 || rank >= population.size) {
      throw new RangeError(`IndividualNeuron: rank ${rank} out of range [0, ${population.size}) of population "${population.name}"`);
    }
    this.population = population;
    this.rank = rank;
    for (const name of population.attributes) {
      if (name in this) continue;
      Object.defineProperty(this, name, {
        get: () => this.get(name),
        set: (v: number) => this.set({ [name]: v }),
        enumerable: true,
      });
    }
  }

  /** Coordinates of this neuron in the population's geometry (C order). */
  get coordinates(): number[] {
    return this.population.coordinatesFromRank(this.rank);
  }

  /**
   * Union with another neuron or view of the same population (ANNarchy `n1 + n2`): a view with
   * the ranks ascending (4.7.3 builds it from a Python `set`, which iterates small ints that way).
   *
   * @example
   * ```ts
   * const v = pop.neuron(9).add(pop.neuron(2)); // PopulationView of ranks 2, 9
   * ```
   */
  add(other: IndividualNeuron | PopulationView): PopulationView {
    if (!other || other.population !== this.population) {
      throw new Error(`IndividualNeuron.add: can only add a neuron or view of the same population "${this.population.name}"`);
    }
    const ranks = other instanceof IndividualNeuron ? [other.rank] : [...other.ranks];
    return this.population.view([...new Set([this.rank, ...ranks])].sort((a, b) => a - b));
  }

  /** Value of an attribute for this neuron. */
  get(name: string): number {
    const v = this.population.$readRanks(name, [this.rank]);
    return typeof v === 'number' ? v : v[0]!;
  }

  /** Write per-neuron attributes of this neuron (each value checked before any is written). */
  set(values: Record<string, number | boolean>): void {
    if (values === null || typeof values !== 'object') throw new Error('IndividualNeuron.set: expected an object { attribute: value }');
    const prepared: [string, number][] = [];
    for (const [name, v] of Object.entries(values)) {
      const m = this.population.$attributeMeta(name);
      const where = `neuron ${this.rank} of population "${this.population.name}", attribute "${name}"`;
      if (!m.local) throw new Error(`${where}: population-wide attributes cannot be set for one neuron; set pop.${name} instead`);
      if (typeof v === 'boolean') prepared.push([name, v ? 1 : 0]);
      else if (typeof v === 'number' && !Number.isNaN(v)) prepared.push([name, v]);
      else throw new Error(`${where}: expected a number, got ${typeof v === 'number' ? 'NaN' : typeof v}`);
    }
    for (const [name, v] of prepared) this.population.$writeRanks(name, [this.rank], v);
  }

  /** Names the population and the rank. */
  toString(): string {
    return `Neuron ${this.rank} of population ${this.population.name}`;
  }
}

// `neuron.Iapp = 5` (for I_app) throws instead of creating a property nobody reads
rejectUnknownAttributes(IndividualNeuron, (n, name) => `neuron ${n.rank} of population "${n.population.name}" has no attribute "${name}"; attributes: ${n.population.attributes.join(', ')}`);
