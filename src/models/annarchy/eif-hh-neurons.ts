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

/** Options of {@link EIF_cond_exp_isfa_ista}: ANNarchy's keyword arguments and defaults. */
export interface EIF_cond_exp_isfa_istaOptions {
  /** Default -70.6. */
  v_rest?: number;
  /** Default 0.281. */
  cm?: number;
  /** Default 9.3667. */
  tau_m?: number;
  /** Default 0.1. */
  tau_refrac?: number;
  /** Default 5.0. */
  tau_syn_E?: number;
  /** Default 5.0. */
  tau_syn_I?: number;
  /** Default 0.0. */
  e_rev_E?: number;
  /** Default -80.0. */
  e_rev_I?: number;
  /** Default 144.0. */
  tau_w?: number;
  /** Default 4.0. */
  a?: number;
  /** Default 0.0805. */
  b?: number;
  /** Default 0.0. */
  i_offset?: number;
  /** Default 2.0. */
  delta_T?: number;
  /** Default -50.4. */
  v_thresh?: number;
  /** Default -70.6. */
  v_reset?: number;
  /** Default -40.0. */
  v_spike?: number;
}

const EIF_COND_EXP_ISFA_ISTA_DEFAULTS = { v_rest: -70.6, cm: 0.281, tau_m: 9.3667, tau_refrac: 0.1, tau_syn_E: 5.0, tau_syn_I: 5.0, e_rev_E: 0.0, e_rev_I: -80.0, tau_w: 144.0, a: 4.0, b: 0.0805, i_offset: 0.0, delta_T: 2.0, v_thresh: -50.4, v_reset: -70.6, v_spike: -40.0 };

/**
 * Adaptive exponential integrate-and-fire neuron (AdEx) with exponential conductances (PyNN `EIF_cond_exp_isfa_ista`).
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new EIF_cond_exp_isfa_ista({ i_offset: 0.5 }));
 * ```
 */
export class EIF_cond_exp_isfa_ista extends Neuron {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<EIF_cond_exp_isfa_istaOptions>> = EIF_COND_EXP_ISFA_ISTA_DEFAULTS;

  constructor(opts: EIF_cond_exp_isfa_istaOptions = {}) {
    const o = resolveOptions('EIF_cond_exp_isfa_ista', opts, EIF_COND_EXP_ISFA_ISTA_DEFAULTS);
    super({
      parameters: `
            v_rest     = ${p(o.v_rest)}
            cm         = ${p(o.cm)}
            tau_m      = ${p(o.tau_m)}
            tau_refrac = ${p(o.tau_refrac)}
            tau_syn_E  = ${p(o.tau_syn_E)}
            tau_syn_I  = ${p(o.tau_syn_I)}
            e_rev_E    = ${p(o.e_rev_E)}
            e_rev_I    = ${p(o.e_rev_I)}
            tau_w      = ${p(o.tau_w)}
            a          = ${p(o.a)}
            b          = ${p(o.b)}
            i_offset   = ${p(o.i_offset)}
            delta_T    = ${p(o.delta_T)}
            v_thresh   = ${p(o.v_thresh)}
            v_reset    = ${p(o.v_reset)}
            v_spike    = ${p(o.v_spike)}
        `,
      equations: `    
            I = g_exc * (e_rev_E - v) + g_inh * (e_rev_I - v) + i_offset

            tau_m * dv/dt = (v_rest - v +  delta_T * exp((v-v_thresh)/delta_T)) + tau_m/cm*(I - w) : init=${p(o.v_reset)}

            tau_w * dw/dt = a * (v - v_rest) / 1000.0 - w 

            tau_syn_E * dg_exc/dt = - g_exc : exponential
            tau_syn_I * dg_inh/dt = - g_inh : exponential
        `,
      spike: `
            v > v_spike
        `,
      reset: `
            v = v_reset
            w += b
        `,
      refractory: 'tau_refrac',
      name: 'Adaptive exponential Integrate-and-Fire',
      description: 'Exponential integrate-and-fire neuron with spike triggered and sub-threshold adaptation currents (isfa, ista reps.).',
    });
  }
}

/** Options of {@link EIF_cond_alpha_isfa_ista}: the same as {@link EIF_cond_exp_isfa_ista}'s. */
export type EIF_cond_alpha_isfa_istaOptions = EIF_cond_exp_isfa_istaOptions;

/**
 * Adaptive exponential integrate-and-fire neuron (AdEx) with alpha conductances (PyNN `EIF_cond_alpha_isfa_ista`).
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new EIF_cond_alpha_isfa_ista({ i_offset: 0.5 }));
 * ```
 */
export class EIF_cond_alpha_isfa_ista extends Neuron {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<EIF_cond_alpha_isfa_istaOptions>> = EIF_COND_EXP_ISFA_ISTA_DEFAULTS;

  constructor(opts: EIF_cond_alpha_isfa_istaOptions = {}) {
    const o = resolveOptions('EIF_cond_alpha_isfa_ista', opts, EIF_COND_EXP_ISFA_ISTA_DEFAULTS);
    super({
      parameters: `
            v_rest     = ${p(o.v_rest)}
            cm         = ${p(o.cm)}
            tau_m      = ${p(o.tau_m)}
            tau_refrac = ${p(o.tau_refrac)}
            tau_syn_E  = ${p(o.tau_syn_E)}
            tau_syn_I  = ${p(o.tau_syn_I)}
            e_rev_E    = ${p(o.e_rev_E)}
            e_rev_I    = ${p(o.e_rev_I)}
            tau_w      = ${p(o.tau_w)}
            a          = ${p(o.a)}
            b          = ${p(o.b)}
            i_offset   = ${p(o.i_offset)}
            delta_T    = ${p(o.delta_T)}
            v_thresh   = ${p(o.v_thresh)}
            v_reset    = ${p(o.v_reset)}
            v_spike    = ${p(o.v_spike)}
        `,
      equations: `    

            gmax_exc = exp((tau_syn_E - dt/2.0)/tau_syn_E)
            gmax_inh = exp((tau_syn_I - dt/2.0)/tau_syn_I)
            
            I = alpha_exc * (e_rev_E - v) + alpha_inh * (e_rev_I - v) + i_offset

            tau_m * dv/dt = (v_rest - v +  delta_T * exp((v-v_thresh)/delta_T)) + tau_m/cm*(I - w) : init=${p(o.v_reset)}

            tau_w * dw/dt = a * (v - v_rest) / 1000.0 - w 

            tau_syn_E * dg_exc/dt = - g_exc : exponential
            tau_syn_I * dg_inh/dt = - g_inh : exponential
            tau_syn_E * dalpha_exc/dt = gmax_exc * g_exc - alpha_exc  : exponential
            tau_syn_I * dalpha_inh/dt = gmax_inh * g_inh - alpha_inh  : exponential
        `,
      spike: `
            v > v_spike
        `,
      reset: `
            v = v_reset
            w += b
        `,
      refractory: 'tau_refrac',
      name: 'Adaptive exponential Integrate-and-Fire',
      description: 'Exponential integrate-and-fire neuron with spike triggered and sub-threshold adaptation conductances (isfa, ista reps.).',
    });
  }
}

/** Options of {@link HH_cond_exp}: ANNarchy's keyword arguments and defaults. */
export interface HH_cond_expOptions {
  /** Default 20.0. */
  gbar_Na?: number;
  /** Default 6.0. */
  gbar_K?: number;
  /** Default 0.01. */
  gleak?: number;
  /** Default 0.2. */
  cm?: number;
  /** Default -63.0. */
  v_offset?: number;
  /** Default 50.0. */
  e_rev_Na?: number;
  /** Default -90.0. */
  e_rev_K?: number;
  /** Default -65.0. */
  e_rev_leak?: number;
  /** Default 0.0. */
  e_rev_E?: number;
  /** Default -80.0. */
  e_rev_I?: number;
  /** Default 0.2. */
  tau_syn_E?: number;
  /** Default 2.0. */
  tau_syn_I?: number;
  /** Default 0.0. */
  i_offset?: number;
  /** Default 0.0. */
  v_thresh?: number;
}

const HH_COND_EXP_DEFAULTS = { gbar_Na: 20.0, gbar_K: 6.0, gleak: 0.01, cm: 0.2, v_offset: -63.0, e_rev_Na: 50.0, e_rev_K: -90.0, e_rev_leak: -65.0, e_rev_E: 0.0, e_rev_I: -80.0, tau_syn_E: 0.2, tau_syn_I: 2.0, i_offset: 0.0, v_thresh: 0.0 };

/**
 * Single-compartment Hodgkin-Huxley neuron with exponential conductances (PyNN `HH_cond_exp`); spikes when v crosses v_thresh upwards, no reset.
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new HH_cond_exp({ i_offset: 0.5 }));
 * ```
 */
export class HH_cond_exp extends Neuron {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<HH_cond_expOptions>> = HH_COND_EXP_DEFAULTS;

  constructor(opts: HH_cond_expOptions = {}) {
    const o = resolveOptions('HH_cond_exp', opts, HH_COND_EXP_DEFAULTS);
    super({
      parameters: `
        gbar_Na    = ${p(o.gbar_Na)}   
        gbar_K     = ${p(o.gbar_K)}     
        gleak      = ${p(o.gleak)}      
        cm         = ${p(o.cm)}        
        v_offset   = ${p(o.v_offset)} 
        e_rev_Na   = ${p(o.e_rev_Na)} 
        e_rev_K    = ${p(o.e_rev_K)}   
        e_rev_leak = ${p(o.e_rev_leak)}   
        e_rev_E    = ${p(o.e_rev_E)}    
        e_rev_I    = ${p(o.e_rev_I)}   
        tau_syn_E  = ${p(o.tau_syn_E)} 
        tau_syn_I  = ${p(o.tau_syn_I)} 
        i_offset   = ${p(o.i_offset)}  
        v_thresh   = ${p(o.v_thresh)}  
        `,
      equations: `
            # Previous membrane potential
            prev_v = v

            # Voltage-dependent rate constants
            an = 0.032 * (15.0 - v + v_offset) / (exp((15.0 - v + v_offset)/5.0) - 1.0)
            am = 0.32  * (13.0 - v + v_offset) / (exp((13.0 - v + v_offset)/4.0) - 1.0)
            ah = 0.128 * exp((17.0 - v + v_offset)/18.0) 

            bn = 0.5   * exp ((10.0 - v + v_offset)/40.0)
            bm = 0.28  * (v - v_offset - 40.0) / (exp((v - v_offset - 40.0)/5.0) - 1.0)
            bh = 4.0/(1.0 + exp (( 10.0 - v + v_offset )) )

            # Activation variables
            dn/dt = an * (1.0 - n) - bn * n : init = 0.0, exponential
            dm/dt = am * (1.0 - m) - bm * m : init = 0.0, exponential
            dh/dt = ah * (1.0 - h) - bh * h : init = 1.0, exponential

            # Membrane equation
            cm * dv/dt = gleak*(e_rev_leak -v) + gbar_K * n**4 * (e_rev_K - v) + gbar_Na * m**3 * h * (e_rev_Na - v) 
                + g_exc * (e_rev_E - v) + g_inh * (e_rev_I - v) + i_offset: exponential, init=${p(o.e_rev_leak)}

            # Exponentially-decaying conductances
            tau_syn_E * dg_exc/dt = - g_exc : exponential
            tau_syn_I * dg_inh/dt = - g_inh : exponential
        `,
      spike: `(v > v_thresh) and (prev_v <= v_thresh)`,
      reset: ``,
      name: 'Hodgkin-Huxley',
      description: 'Single-compartment Hodgkin-Huxley-type neuron with transient sodium and delayed-rectifier potassium currents.',
    });
  }
}
