/**
 * ANNarchy 4.7.3's built-in models (`ANNarchy.models`): neurons `LeakyIntegrator`, `Izhikevich`,
 * `IF_curr_exp`, `IF_cond_exp`, `IF_curr_alpha`, `IF_cond_alpha`, `EIF_cond_exp_isfa_ista`,
 * `EIF_cond_alpha_isfa_ista`, `HH_cond_exp`; synapses `Hebb`, `Oja`, `IBCM`, `STP`, `STDP`.
 * Class names are ANNarchy's; keyword arguments become one options object with the same keys.
 *
 * @example
 * ```ts
 * import { Izhikevich, STDP } from 'compneuro-rx';
 * const pop = new Population(1000, new Izhikevich({ a: 0.02, noise: 5.0 }));
 * ```
 * @packageDocumentation
 */
export * from './neurons.js';
export * from './if-neurons.js';
export * from './eif-hh-neurons.js';
export * from './synapses.js';
export * from './list-standard.js';
