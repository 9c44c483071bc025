import { Neuron } from '../language/neuron.js';
import { CORBIT_STRINGS } from './hh-strings.js';
import { HH_INSTANTIATED, hhNeuronOptions } from './hh-neuron-base.js';

/**
 * CompNeuroPy's `HHneuronCorbit` (ANNarchy name `H_and_H_Corbit`): the striatal FSI of Corbit et
 * al. (2016), J. Neurosci. 36:11, with instantaneous Na activation and ODEs for h_Na, n_Kv3,
 * m_Kv1, h_Kv1 (started at their resting values). Parameters are per-neuron (CompNeuroPy
 * comments out their `: population`), but `I_app` is population-wide. Spikes on the upward
 * crossing of `v_t` = 0 mV; `v` starts at -70.03810532250634 mV.
 *
 * @example
 * ```ts
 * const pop = new Population(1, new HHneuronCorbit(), 'HH_Corbit');
 * pop.I_app = 5; // one value for the whole population
 * ```
 */
export class HHneuronCorbit extends Neuron {
  /** The reporting list shared by all Hodgkin-Huxley-like classes ({@link HH_INSTANTIATED}). */
  static readonly instantiated: boolean[] = HH_INSTANTIATED;

  constructor() {
    super(hhNeuronOptions({
      parameters: CORBIT_STRINGS.parametersBase,
      equations: CORBIT_STRINGS.equationsBase + CORBIT_STRINGS.membraneBase,
      name: 'H_and_H_Corbit',
      description: 'Hodgkin Huxley neuron model for striatal FSI from Corbit et al. (2016).',
    }));
    HH_INSTANTIATED.push(true);
  }
}

/**
 * CompNeuroPy's `HHneuronCorbitVoltageClamp` (ANNarchy name `H_and_H_Corbit_voltage_clamp`):
 * {@link HHneuronCorbit} with `C_m * dv/dt = 0`, so `v` keeps whatever value it is given, and
 * `I_inf = -I_L - I_Na - I_Kv3 - I_Kv1 + I_app`, the current the clamp has to cancel.
 *
 * @example
 * ```ts
 * const pop = new Population(1, new HHneuronCorbitVoltageClamp(), 'clamp');
 * pop.v = -50; // held there; record I_inf
 * ```
 */
export class HHneuronCorbitVoltageClamp extends Neuron {
  /** The reporting list shared by all Hodgkin-Huxley-like classes ({@link HH_INSTANTIATED}). */
  static readonly instantiated: boolean[] = HH_INSTANTIATED;

  constructor() {
    super(hhNeuronOptions({
      parameters: CORBIT_STRINGS.parametersBase,
      equations: CORBIT_STRINGS.equationsBase + CORBIT_STRINGS.membraneVoltageClamp,
      name: 'H_and_H_Corbit_voltage_clamp',
      description: `
                Hodgkin Huxley neuron model for striatal FSI from Corbit et al. (2016)
                with voltage clamp.
            `,
    }));
    HH_INSTANTIATED.push(true);
  }
}

/**
 * CompNeuroPy's `HHneuronCorbitSyn` (ANNarchy name `H_and_H_Corbit_syn`): {@link HHneuronCorbit}
 * plus conductance-based AMPA/GABA input (tau_ampa = tau_gaba = 10 ms, E_ampa = 0,
 * E_gaba = -90 mV, population-wide, declared before the Corbit parameters).
 *
 * @example
 * ```ts
 * const pop = new Population(1, new HHneuronCorbitSyn(), 'HH_Corbit_syn');
 * ```
 */
export class HHneuronCorbitSyn extends Neuron {
  /** The reporting list shared by all Hodgkin-Huxley-like classes ({@link HH_INSTANTIATED}). */
  static readonly instantiated: boolean[] = HH_INSTANTIATED;

  constructor() {
    super(hhNeuronOptions({
      parameters: CORBIT_STRINGS.parametersConductance,
      equations: CORBIT_STRINGS.equationsConductance + CORBIT_STRINGS.membraneConductance,
      name: 'H_and_H_Corbit_syn',
      description: `
                Hodgkin Huxley neuron model for striatal FSI from Corbit et al. (2016)
                with conductance-based synapses/currents for AMPA and GABA.
            `,
    }));
    HH_INSTANTIATED.push(true);
  }
}

/**
 * CompNeuroPy's module-level instance `H_and_H_Corbit` (`HHneuronCorbit()`).
 *
 * @example
 * ```ts
 * const pop = new Population(1, hAndHCorbit, 'HH_Corbit');
 * ```
 */
export const hAndHCorbit = new HHneuronCorbit();

/**
 * CompNeuroPy's module-level instance `H_and_H_Corbit_syn` (`HHneuronCorbitSyn()`).
 *
 * @example
 * ```ts
 * const pop = new Population(1, hAndHCorbitSyn, 'HH_Corbit_syn');
 * ```
 */
export const hAndHCorbitSyn = new HHneuronCorbitSyn();

/**
 * CompNeuroPy's module-level instance `H_and_H_Corbit_voltage_clamp` (`HHneuronCorbitVoltageClamp()`).
 *
 * @example
 * ```ts
 * const pop = new Population(1, hAndHCorbitVoltageClamp, 'clamp');
 * ```
 */
export const hAndHCorbitVoltageClamp = new HHneuronCorbitVoltageClamp();
