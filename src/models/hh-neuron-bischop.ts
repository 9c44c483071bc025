import { Neuron } from '../language/neuron.js';
import { BISCHOP_STRINGS } from './hh-strings.js';
import { HH_INSTANTIATED, hhNeuronOptions } from './hh-neuron-base.js';

/**
 * CompNeuroPy's class `HHneuronBischop`: the Hodgkin-Huxley model of a striatal fast-spiking
 * interneuron of Bischop et al. (2012), Front. Mol. Neurosci. 5:78 (ANNarchy name
 * `H_and_H_Bischop`). Spikes on the upward crossing of `v_t` = 30 mV; no reset, no refractory
 * period. Every variable starts at 0 except `v` (-68 mV). All parameters are population-wide
 * except `I_app` (pA).
 *
 * Named `...Class` because the name `HHneuronBischop` is taken by the default instance (ANNarchy
 * accepts a class where a neuron is expected and instantiates it; CompNeuroPy's full models pass
 * the class).
 *
 * @example
 * ```ts
 * const pop = new Population(1, new HHneuronBischopClass(), 'HH_Bischop');
 * ```
 */
export class HHneuronBischopClass extends Neuron {
  /** The reporting list shared by all Hodgkin-Huxley-like classes ({@link HH_INSTANTIATED}). */
  static readonly instantiated: boolean[] = HH_INSTANTIATED;

  constructor() {
    super(hhNeuronOptions({
      parameters: BISCHOP_STRINGS.parametersBase,
      equations: BISCHOP_STRINGS.equationsBase + BISCHOP_STRINGS.membraneBase,
      name: 'H_and_H_Bischop',
      description: 'Hodgkin Huxley neuron model for striatal FSI from Bischop et al. (2012).',
    }));
    HH_INSTANTIATED.push(true);
  }
}

/**
 * CompNeuroPy's `HHneuronBischopSyn` (ANNarchy name `H_and_H_Bischop_syn`): {@link HHneuronBischopClass}
 * plus conductance-based AMPA/GABA input. Extra population parameters tau_ampa = tau_gaba = 10 ms,
 * E_ampa = 0, E_gaba = -90 mV; `dg_ampa/dt`, `dg_gaba/dt` come first and the membrane equation
 * gets `- neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba))`.
 *
 * @example
 * ```ts
 * const pop = new Population(10, new HHneuronBischopSyn(), 'HH_Bischop_syn');
 * ```
 */
export class HHneuronBischopSyn extends Neuron {
  /** The reporting list shared by all Hodgkin-Huxley-like classes ({@link HH_INSTANTIATED}). */
  static readonly instantiated: boolean[] = HH_INSTANTIATED;

  constructor() {
    super(hhNeuronOptions({
      parameters: BISCHOP_STRINGS.parametersConductance,
      equations: BISCHOP_STRINGS.equationsConductance + BISCHOP_STRINGS.membraneConductance,
      name: 'H_and_H_Bischop_syn',
      description: `
                Hodgkin Huxley neuron model for striatal FSI from Bischop et al. (2012)
                with conductance-based synapses/currents for AMPA and GABA.
            `,
    }));
    HH_INSTANTIATED.push(true);
  }
}

/**
 * CompNeuroPy's module-level instance `H_and_H_Bischop` (`HHneuronBischop()`).
 *
 * @example
 * ```ts
 * const pop = new Population(1, hAndHBischop, 'HH_Bischop');
 * ```
 */
export const hAndHBischop = new HHneuronBischopClass();

/**
 * CompNeuroPy's module-level instance `H_and_H_Bischop_syn` (`HHneuronBischopSyn()`).
 *
 * @example
 * ```ts
 * const pop = new Population(1, hAndHBischopSyn, 'HH_Bischop_syn');
 * ```
 */
export const hAndHBischopSyn = new HHneuronBischopSyn();

/**
 * The Bischop et al. (2012) neuron ready to pass to a population: the same object as
 * {@link hAndHBischop}. It stands where CompNeuroPy writes the class `HHneuronBischop`
 * (`ann.Population(1, neuron=HHneuronBischop, name="HH_Bischop")`, which ANNarchy instantiates);
 * `new HHneuronBischopClass()` builds a fresh one.
 *
 * @example
 * ```ts
 * const pop = new Population(1, HHneuronBischop, 'HH_Bischop');
 * ```
 */
export const HHneuronBischop: HHneuronBischopClass = hAndHBischop;
