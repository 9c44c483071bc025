import { Neuron } from '../../language/neuron.js';
import { pyFloat } from '../../language/python-float.js';
import { resolveOptions } from '../model-options.js';

/*
 * More of ANNarchy 4.7.3's built-in neuron models (ANNarchy/models/Neurons.py; see neurons.ts), each a Neuron whose
 * description strings equal the ones ANNarchy builds, whitespace included, with the values
 * written as Python's `%s` writes floats. Python keyword arguments become one options object;
 * an unknown option is an error naming it. (The model equations are data; ANNarchy is GPL,
 * no code of it is used.)
 */

const p = pyFloat;

/** Options of {@link IF_curr_exp}: ANNarchy's keyword arguments and defaults. */
export interface IF_curr_expOptions {
  /** Default -65.0. */
  v_rest?: number;
  /** Default 1.0. */
  cm?: number;
  /** Default 20.0. */
  tau_m?: number;
  /** Default 0.0. */
  tau_refrac?: number;
  /** Default 5.0. */
  tau_syn_E?: number;
  /** Default 5.0. */
  tau_syn_I?: number;
  /** Default -50.0. */
  v_thresh?: number;
  /** Default -65.0. */
  v_reset?: number;
  /** Default 0.0. */
  i_offset?: number;
}

const IF_CURR_EXP_DEFAULTS = { v_rest: -65.0, cm: 1.0, tau_m: 20.0, tau_refrac: 0.0, tau_syn_E: 5.0, tau_syn_I: 5.0, v_thresh: -50.0, v_reset: -65.0, i_offset: 0.0 };

/**
 * Leaky integrate-and-fire neuron with exponentially decaying post-synaptic currents (PyNN `IF_curr_exp`).
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new IF_curr_exp({ i_offset: 0.5 }));
 * ```
 */
export class IF_curr_exp extends Neuron {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<IF_curr_expOptions>> = IF_CURR_EXP_DEFAULTS;

  constructor(opts: IF_curr_expOptions = {}) {
    const o = resolveOptions('IF_curr_exp', opts, IF_CURR_EXP_DEFAULTS);
    super({
      parameters: `
            v_rest = ${p(o.v_rest)}
            cm  = ${p(o.cm)}
            tau_m  = ${p(o.tau_m)}
            tau_refrac = ${p(o.tau_refrac)}
            tau_syn_E = ${p(o.tau_syn_E)}
            tau_syn_I = ${p(o.tau_syn_I)}
            v_thresh = ${p(o.v_thresh)}
            v_reset = ${p(o.v_reset)}
            i_offset = ${p(o.i_offset)}
        `,
      equations: `    
            cm * dv/dt = cm/tau_m*(v_rest -v)   + g_exc - g_inh + i_offset : exponential, init=${p(o.v_reset)}
            tau_syn_E * dg_exc/dt = - g_exc : exponential
            tau_syn_I * dg_inh/dt = - g_inh : exponential
        `,
      spike: `
            v > v_thresh
        `,
      reset: `
            v = v_reset
        `,
      refractory: 'tau_refrac',
      name: 'Integrate-and-Fire',
      description: 'Leaky integrate-and-fire model with fixed threshold and decaying-exponential post-synaptic current.',
    });
  }
}

/** Options of {@link IF_cond_exp}: ANNarchy's keyword arguments and defaults. */
export interface IF_cond_expOptions {
  /** Default -65.0. */
  v_rest?: number;
  /** Default 1.0. */
  cm?: number;
  /** Default 20.0. */
  tau_m?: number;
  /** Default 0.0. */
  tau_refrac?: number;
  /** Default 5.0. */
  tau_syn_E?: number;
  /** Default 5.0. */
  tau_syn_I?: number;
  /** Default 0.0. */
  e_rev_E?: number;
  /** Default -70.0. */
  e_rev_I?: number;
  /** Default -50.0. */
  v_thresh?: number;
  /** Default -65.0. */
  v_reset?: number;
  /** Default 0.0. */
  i_offset?: number;
}

const IF_COND_EXP_DEFAULTS = { v_rest: -65.0, cm: 1.0, tau_m: 20.0, tau_refrac: 0.0, tau_syn_E: 5.0, tau_syn_I: 5.0, e_rev_E: 0.0, e_rev_I: -70.0, v_thresh: -50.0, v_reset: -65.0, i_offset: 0.0 };

/**
 * Leaky integrate-and-fire neuron with exponentially decaying post-synaptic conductances (PyNN `IF_cond_exp`).
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new IF_cond_exp({ i_offset: 0.5 }));
 * ```
 */
export class IF_cond_exp extends Neuron {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<IF_cond_expOptions>> = IF_COND_EXP_DEFAULTS;

  constructor(opts: IF_cond_expOptions = {}) {
    const o = resolveOptions('IF_cond_exp', opts, IF_COND_EXP_DEFAULTS);
    super({
      parameters: `
            v_rest = ${p(o.v_rest)}
            cm  = ${p(o.cm)}
            tau_m  = ${p(o.tau_m)}
            tau_refrac = ${p(o.tau_refrac)}
            tau_syn_E = ${p(o.tau_syn_E)}
            tau_syn_I = ${p(o.tau_syn_I)}
            v_thresh = ${p(o.v_thresh)}
            v_reset = ${p(o.v_reset)}
            i_offset = ${p(o.i_offset)}
            e_rev_E = ${p(o.e_rev_E)} 
            e_rev_I = ${p(o.e_rev_I)}
        `,
      equations: `    
            cm * dv/dt = cm/tau_m*(v_rest -v)   + g_exc * (e_rev_E - v) + g_inh * (e_rev_I - v) + i_offset : exponential, init=${p(o.v_reset)}
            tau_syn_E * dg_exc/dt = - g_exc : exponential
            tau_syn_I * dg_inh/dt = - g_inh : exponential
        `,
      spike: `
            v > v_thresh
        `,
      reset: `
            v = v_reset
        `,
      refractory: 'tau_refrac',
      name: 'Integrate-and-Fire',
      description: 'Leaky integrate-and-fire model with fixed threshold and decaying-exponential post-synaptic conductances.',
    });
  }
}

/** Options of {@link IF_curr_alpha}: the same as {@link IF_curr_exp}'s. */
export type IF_curr_alphaOptions = IF_curr_expOptions;

/**
 * Leaky integrate-and-fire neuron with alpha-shaped post-synaptic currents (PyNN `IF_curr_alpha`).
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new IF_curr_alpha({ i_offset: 0.5 }));
 * ```
 */
export class IF_curr_alpha extends Neuron {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<IF_curr_alphaOptions>> = IF_CURR_EXP_DEFAULTS;

  constructor(opts: IF_curr_alphaOptions = {}) {
    const o = resolveOptions('IF_curr_alpha', opts, IF_CURR_EXP_DEFAULTS);
    super({
      parameters: `
            v_rest = ${p(o.v_rest)}
            cm  = ${p(o.cm)}
            tau_m  = ${p(o.tau_m)}
            tau_refrac = ${p(o.tau_refrac)}
            tau_syn_E = ${p(o.tau_syn_E)}
            tau_syn_I = ${p(o.tau_syn_I)}
            v_thresh = ${p(o.v_thresh)}
            v_reset = ${p(o.v_reset)}
            i_offset = ${p(o.i_offset)}
        `,
      equations: `  
            gmax_exc = exp((tau_syn_E - dt/2.0)/tau_syn_E)
            gmax_inh = exp((tau_syn_I - dt/2.0)/tau_syn_I)  
            cm * dv/dt = cm/tau_m*(v_rest -v)   + alpha_exc - alpha_inh + i_offset : exponential, init=${p(o.v_reset)}
            tau_syn_E * dg_exc/dt = - g_exc : exponential
            tau_syn_I * dg_inh/dt = - g_inh : exponential
            tau_syn_E * dalpha_exc/dt = gmax_exc * g_exc - alpha_exc  : exponential
            tau_syn_I * dalpha_inh/dt = gmax_inh * g_inh - alpha_inh  : exponential
        `,
      spike: `
            v > v_thresh
        `,
      reset: `
            v = v_reset
        `,
      refractory: 'tau_refrac',
      name: 'Integrate-and-Fire',
      description: 'Leaky integrate-and-fire model with fixed threshold and alpha post-synaptic currents.',
    });
  }
}

/** Options of {@link IF_cond_alpha}: the same as {@link IF_cond_exp}'s. */
export type IF_cond_alphaOptions = IF_cond_expOptions;

/**
 * Leaky integrate-and-fire neuron with alpha-shaped post-synaptic conductances (PyNN `IF_cond_alpha`).
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new IF_cond_alpha({ i_offset: 0.5 }));
 * ```
 */
export class IF_cond_alpha extends Neuron {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<IF_cond_alphaOptions>> = IF_COND_EXP_DEFAULTS;

  constructor(opts: IF_cond_alphaOptions = {}) {
    const o = resolveOptions('IF_cond_alpha', opts, IF_COND_EXP_DEFAULTS);
    super({
      parameters: `
            v_rest = ${p(o.v_rest)}
            cm  = ${p(o.cm)}
            tau_m  = ${p(o.tau_m)}
            tau_refrac = ${p(o.tau_refrac)}
            tau_syn_E = ${p(o.tau_syn_E)}
            tau_syn_I = ${p(o.tau_syn_I)}
            v_thresh = ${p(o.v_thresh)}
            v_reset = ${p(o.v_reset)}
            i_offset = ${p(o.i_offset)}
            e_rev_E = ${p(o.e_rev_E)} 
            e_rev_I = ${p(o.e_rev_I)}
        `,
      equations: `    
            gmax_exc = exp((tau_syn_E - dt/2.0)/tau_syn_E)
            gmax_inh = exp((tau_syn_I - dt/2.0)/tau_syn_I)
            cm * dv/dt = cm/tau_m*(v_rest -v)   + alpha_exc * (e_rev_E - v) + alpha_inh * (e_rev_I - v) + i_offset : exponential, init=${p(o.v_reset)}
            tau_syn_E * dg_exc/dt = - g_exc : exponential
            tau_syn_I * dg_inh/dt = - g_inh : exponential
            tau_syn_E * dalpha_exc/dt = gmax_exc * g_exc - alpha_exc  : exponential
            tau_syn_I * dalpha_inh/dt = gmax_inh * g_inh - alpha_inh  : exponential
        `,
      spike: `
            v > v_thresh
        `,
      reset: `
            v = v_reset
        `,
      refractory: 'tau_refrac',
      name: 'Integrate-and-Fire',
      description: 'Leaky integrate-and-fire model with fixed threshold and alpha post-synaptic conductances.',
    });
  }
}
