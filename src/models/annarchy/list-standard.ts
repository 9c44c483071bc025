import { EIF_cond_alpha_isfa_ista, EIF_cond_exp_isfa_ista, HH_cond_exp } from './eif-hh-neurons.js';
import { IF_cond_alpha, IF_cond_exp, IF_curr_alpha, IF_curr_exp } from './if-neurons.js';
import { Izhikevich, LeakyIntegrator } from './neurons.js';
import { Hebb, IBCM, Oja, STDP, STP } from './synapses.js';

/**
 * The built-in neuron classes, in ANNarchy 4.7.3's order (`list_standard_neurons()`).
 *
 * @example
 * ```ts
 * listStandardNeurons().map((m) => m.name);   // ['LeakyIntegrator', 'Izhikevich', ...]
 * ```
 */
export function listStandardNeurons() {
  return [LeakyIntegrator, Izhikevich, IF_curr_exp, IF_cond_exp, IF_curr_alpha, IF_cond_alpha, HH_cond_exp, EIF_cond_alpha_isfa_ista, EIF_cond_exp_isfa_ista];
}

/**
 * The built-in synapse classes, in ANNarchy 4.7.3's order (`list_standard_synapses()`).
 *
 * @example
 * ```ts
 * listStandardSynapses().map((m) => m.name);   // ['STP', 'STDP', 'Hebb', 'Oja', 'IBCM']
 * ```
 */
export function listStandardSynapses() {
  return [STP, STDP, Hebb, Oja, IBCM];
}
