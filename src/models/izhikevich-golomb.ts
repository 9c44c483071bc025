import { Neuron } from '../language/neuron.js';
import { fmt, popFlag, resolveOptions } from './model-options.js';
import { DV_DEFAULT, I_BASE_NOISE, I_SYN, SYN_DEFAULT, getEquationIzhikevich2007, setInit } from './izhikevich-2007-template.js';

/**
 * Options of {@link IzhikevichGolomb} (the fitted constants are not options).
 *
 * @example
 * ```ts
 * new IzhikevichGolomb({ I_app: 1, init: { v: -70 } } satisfies IzhikevichGolombOptions);
 * ```
 */
export interface IzhikevichGolombOptions {
  /** Applied current (per-neuron). Default 0. */
  I_app?: number;
  /** AMPA time constant (ms). Default 10. */
  tau_ampa?: number;
  /** GABA time constant (ms). Default 10. */
  tau_gaba?: number;
  /** AMPA reversal potential (mV). Default 0. */
  E_ampa?: number;
  /** GABA reversal potential (mV); also drives the after-spike current. Default -90. */
  E_gaba?: number;
  /** Mean of the baseline current. Default 0. */
  base_mean?: number;
  /** Standard deviation of the baseline offset. Default 0. */
  base_noise?: number;
  /** Rate in Hz at which the offset is redrawn. Default 0. */
  rate_base_noise?: number;
  /** If true tau_ampa, tau_gaba, E_ampa, E_gaba are population-wide. Default false. */
  paramsForPop?: boolean;
  /** Initial values of variables, e.g. `{ v: -70 }`. Default {}. */
  init?: Record<string, number>;
}

/**
 * CompNeuroPy's `IzhikevichGolomb` (ANNarchy name `IzhikevichGolomb`; no default instance): an
 * Izhikevich (2007)-like neuron fitted to the striatal FSI of Golomb et al. (2007) / Corbit et
 * al. (2016), with an after-spike hyperpolarisation `uu` (`duu/dt = -a_uu*uu`, reset
 * `uu = uu + dd`, current `- pos(uu*(v - E_gaba))`) and an inductive slow current
 * (`ds/dt = a_s*(I_v - s)`, `dn/dt = a_n*(b_n*(I_v - s) - n)`, current `- pos(n)`), input
 * `I_v = a_I*(I_app + syn + I_base)`. The fitted constants are per-neuron parameters.
 *
 * @example
 * ```ts
 * const pop = new Population(1, new IzhikevichGolomb({ I_app: 1, init: { v: -70 } }), 'fsi');
 * ```
 */
export class IzhikevichGolomb extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: IzhikevichGolombOptions = {}) {
    const o = resolveOptions<Required<IzhikevichGolombOptions>>('IzhikevichGolomb', opts, {
      I_app: 0, tau_ampa: 10, tau_gaba: 10, E_ampa: 0, E_gaba: -90, base_mean: 0, base_noise: 0, rate_base_noise: 0,
      paramsForPop: false, init: {},
    });
    const p = popFlag(o.paramsForPop);
    const affix = `
            duu/dt    = -a_uu*uu
            ds/dt     = a_s*(I_v - s)
            dn/dt     = a_n*(b_n*(I_v - s) - n)
        `;
    super({
      parameters: `
            ### base parameters
            C               = 100
            k               = 2.3422021975590845
            v_r             = -70
            v_t             = -50
            a               = 0.4077132173988824
            b               = 37.027824808742196
            c               = -50
            d               = 0
            v_peak          = 0
            ### after-spike current parameters
            a_uu            = 0.4077132173988824
            dd              = 819.0218598481788
            ### slow currents parameters
            a_s             = 0.19087175635342485
            a_n             = 0.008987424013380247
            b_n             = 2.9609600149723434
            ### input current
            I_app           = ${fmt(o.I_app)}
            ### synaptic current parameters
            tau_ampa        = ${fmt(o.tau_ampa)} ${p}
            tau_gaba        = ${fmt(o.tau_gaba)} ${p}
            E_ampa          = ${fmt(o.E_ampa)} ${p}
            E_gaba          = ${fmt(o.E_gaba)} ${p}
            ### input current scaling
            a_I             = 223.0822501641062
            ### baseline current parameters
            base_mean       = ${fmt(o.base_mean)}
            base_noise      = ${fmt(o.base_noise)}
            rate_base_noise = ${fmt(o.rate_base_noise)}
        `,
      equations: setInit(getEquationIzhikevich2007({
        syn: SYN_DEFAULT,
        i_v: `a_I*(I_app ${I_SYN} + I_base)`,
        dv: `${DV_DEFAULT} - pos(uu*(v - E_gaba)) - pos(n)`,
        prefix: I_BASE_NOISE,
        affix,
      }), o.init),
      spike: 'v >= v_peak',
      reset: `
                v = c
                u = u + d
                uu = uu + dd
            `,
      name: 'IzhikevichGolomb',
      description: `
                Izhikevich (2007)-like neuron model fitted to the FSI neuron model
                from Golomb et al. (2007) and Corbit et al. (2016).
            `,
    });
    IzhikevichGolomb.instantiated.push(true);
  }
}
