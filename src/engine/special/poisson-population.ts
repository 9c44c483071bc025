import { Neuron } from '../../language/neuron.js';
import type { Network } from '../network.js';
import { Population, type Geometry } from '../population.js';

/**
 * Options of {@link PoissonPopulation}.
 *
 * @example
 * ```ts
 * const o: PoissonPopulationOptions = { rates: 20.0 };
 * new PoissonPopulation(100, o);
 * ```
 */
export interface PoissonPopulationOptions {
  /** Mean rate in Hz: a number, one number per neuron, or an equation of `t` (and `parameters`). */
  rates: number | ArrayLike<number> | string;
  /** Extra parameters usable in a `rates` equation (ANNarchy's `parameters=`). */
  parameters?: string;
  /** Refractory period in ms. */
  refractory?: number;
  name?: string;
  network?: Network;
}

/**
 * A population of Poisson spike sources (ANNarchy 4.7.3 `PoissonPopulation`), built on the same
 * neuron ANNarchy generates: `p = Uniform(0.0, 1.0) * 1000.0 / dt` and spike `p < rates`, i.e. a
 * spike with probability `rates * dt / 1000` per step, drawn from the equation RNG (`std::mt19937`)
 * in the same order as ANNarchy. `rates` is a parameter (number or per-neuron array) or, given
 * as a string, a variable computed every step from that equation.
 *
 * The hybrid form (`target=`, rates from a rate-coded input) is not supported.
 *
 * @example
 * ```ts
 * const inp = new PoissonPopulation(100, { rates: 20 });
 * const osc = new PoissonPopulation(100, { rates: 'amp * (1.0 + sin(2*pi*f*t/1000.0))/2.0', parameters: 'amp = 50.0\nf = 4.0' });
 * inp.rates = 40;  // like any parameter
 * ```
 */
export class PoissonPopulation extends Population {
  constructor(geometry: Geometry, opts: PoissonPopulationOptions) {
    if (opts === null || typeof opts !== 'object' || !('rates' in opts)) {
      throw new Error('PoissonPopulation: give the rates: new PoissonPopulation(geometry, { rates: 10 }) (the hybrid "target" form is not supported)');
    }
    const known = ['rates', 'parameters', 'refractory', 'name', 'network'];
    for (const k of Object.keys(opts)) if (!known.includes(k)) throw new Error(`PoissonPopulation: unknown option "${k}"; expected ${known.join(', ')}`);
    const { rates } = opts;
    let neuron: Neuron;
    const common = { spike: 'p < rates', refractory: opts.refractory, name: 'Poisson', description: 'Spiking neuron with spikes emitted according to a Poisson distribution.' };
    if (typeof rates === 'string') {
      if (rates.trim() === '') throw new Error('PoissonPopulation: the rates equation is empty');
      neuron = new Neuron({ parameters: opts.parameters ?? '', equations: `rates = ${rates}\np = Uniform(0.0, 1.0) * 1000.0 / dt`, ...common });
    } else if (typeof rates === 'number') {
      if (!Number.isFinite(rates)) throw new Error(`PoissonPopulation: rates must be a finite number of Hz, got ${rates}`);
      if (opts.parameters) throw new Error('PoissonPopulation: "parameters" is only used with a rates equation (string)');
      neuron = new Neuron({ parameters: `rates = ${rates}`, equations: 'p = Uniform(0.0, 1.0) * 1000.0 / dt', ...common });
    } else if (rates && typeof (rates as ArrayLike<number>).length === 'number') {
      if (opts.parameters) throw new Error('PoissonPopulation: "parameters" is only used with a rates equation (string)');
      neuron = new Neuron({ parameters: 'rates = 10.0', equations: 'p = Uniform(0.0, 1.0) * 1000.0 / dt', ...common });
    } else {
      throw new Error(`PoissonPopulation: rates must be a number, an array of numbers or an equation string, got ${typeof rates}`);
    }
    super(geometry, neuron, { name: opts.name, network: opts.network });
    if (typeof rates !== 'string' && typeof rates !== 'number') this.set({ rates: rates as ArrayLike<number> });
  }
}
