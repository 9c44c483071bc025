/**
 * CompNeuroPy's model library (`CompNeuroPy.neuron_models`, `CompNeuroPy.synapse_models`) in
 * ANNarchy's description language. The description strings are copied verbatim from CompNeuroPy
 * 1.0.x (MIT License, Copyright (c) 2022 Oliver Maith).
 *
 * Naming: classes keep CompNeuroPy's class names (`Izhikevich2007NoisyAmpa`). Keyword arguments
 * become one options object; those that are model parameters keep their exact names, because
 * they are also the population's attribute names (`v_peak`, `I_app`, `tau_ampa`, `max_trans`),
 * while the control keyword `params_for_pop` is camelCase: `paramsForPop` (the snake spelling is
 * rejected with a hint). `new Izhikevich2007({ v_peak: 30, paramsForPop: true, init: { v: -60 } })`.
 *
 * CompNeuroPy's module-level default instances are exported in lowerCamelCase built
 * mechanically from their snake names: split at `_`, lower-case the first letter of the first piece, upper-case the first
 * letter of every other piece, keep the rest as written. So `Izhikevich2007_noisy_AMPA` ->
 * `izhikevich2007NoisyAMPA`, `H_and_H_Bischop` -> `hAndHBischop`, `integrator_neuron` ->
 * `integratorNeuron`. Beware: `izhikevich2003NoisyAMPA` (CompNeuroPy's `Izhikevich2003_noisy_AMPA`)
 * is an instance of `Izhikevich2003FixedNoisyAmpa`, not of `Izhikevich2003NoisyAmpa`, as in
 * CompNeuroPy. Exception: `HHneuronBischop` is the default Bischop instance (the class is
 * `HHneuronBischopClass`).
 *
 * @example
 * ```ts
 * import { Izhikevich2007, izhikevich2007NoisyAMPA, HHneuronBischop } from 'compneuro-rx';
 * ```
 * @packageDocumentation
 */
export * from './hh-strings.js';
export * from './hh-neuron-base.js';
export * from './hh-neuron-bischop.js';
export * from './hh-neuron-corbit.js';
export * from './artificial-neurons.js';
export * from './izhikevich-2003.js';
export * from './izhikevich-2007-template.js';
export * from './izhikevich-2007.js';
export * from './izhikevich-golomb.js';
export * from './factor-synapse.js';
