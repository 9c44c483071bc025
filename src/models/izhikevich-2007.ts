import { Neuron } from '../language/neuron.js';
import { fmt, popFlag, resolveOptions } from './model-options.js';
import {
  DV_DEFAULT, I_BASE_NOISE, I_SYN, SYN_DEFAULT, SYN_NOISY, getEquationIzhikevich2007, setInit,
} from './izhikevich-2007-template.js';

/*
 * CompNeuroPy's Izhikevich (2007)-like neurons (`izhikevich_2007_like_nm.py`), after
 * Izhikevich, E. M. (2007), Dynamical Systems in Neuroscience, MIT Press. Every class has
 * spike `v >= v_peak`, reset `v = c; u = u + d`, and the options `paramsForPop` (model
 * parameters get `: population`; I_app and the noise rates stay per-neuron) and `init`
 * (initial values of variables, see setInit).
 */

const SPIKE = 'v >= v_peak';
const RESET = `
                v = c
                u = u + d
            `;
const ROOT_FUNC = `
                root_func(x,y)=((abs(x))**(1/y))/((x+1e-20)/(abs(x)+ 1e-20))
            `;

/**
 * Options of {@link Izhikevich2007} (CompNeuroPy keyword arguments and defaults).
 *
 * @example
 * ```ts
 * new Izhikevich2007({ a: 0.03, I_app: 70, paramsForPop: true, init: { v: -60 } } satisfies Izhikevich2007Options);
 * ```
 */
export interface Izhikevich2007Options {
  /** Membrane capacitance (pF). Default 100. */
  C?: number;
  /** Scaling of the quadratic term (pS/mV). Default 0.7. */
  k?: number;
  /** Resting potential (mV). Default -60. */
  v_r?: number;
  /** Instantaneous threshold potential (mV). Default -40. */
  v_t?: number;
  /** Time scale of the recovery variable u (1/ms). Default 0.03. */
  a?: number;
  /** Sensitivity of u to v (nS). Default -2. */
  b?: number;
  /** After-spike reset value of v (mV). Default -50. */
  c?: number;
  /** After-spike increment of u (pA). Default 100. */
  d?: number;
  /** Spike cut-off (mV). Default 35. */
  v_peak?: number;
  /** Applied current (pA, per-neuron). Default 0. */
  I_app?: number;
  /** If true the model parameters are population-wide. Default false. */
  paramsForPop?: boolean;
  /** Initial values of variables, e.g. `{ v: -60 }`. Unknown names print a warning. Default {}. */
  init?: Record<string, number>;
}

const REGULAR = {
  C: 100, k: 0.7, v_r: -60, v_t: -40, a: 0.03, b: -2, c: -50, d: 100, v_peak: 35, I_app: 0,
};
const OPTIONS_TAIL = { paramsForPop: false, init: {} as Record<string, number> };

/** The parameter block shared by Izhikevich2007, Izhikevich2007RecCur and Izhikevich2007VoltageClamp. */
function regularParameters(o: Required<Izhikevich2007Options>): string {
  const p = popFlag(o.paramsForPop);
  return `
            C      = ${fmt(o.C)} ${p} # pF
            k      = ${fmt(o.k)} ${p} # pS * mV**-1
            v_r    = ${fmt(o.v_r)} ${p} # mV
            v_t    = ${fmt(o.v_t)} ${p} # mV
            a      = ${fmt(o.a)} ${p} # ms**-1
            b      = ${fmt(o.b)} ${p} # nS
            c      = ${fmt(o.c)} ${p} # mV
            d      = ${fmt(o.d)} ${p} # pA
            v_peak = ${fmt(o.v_peak)} ${p} # mV
            I_app  = ${fmt(o.I_app)} # pA
        `;
}

/**
 * CompNeuroPy's `Izhikevich2007` (ANNarchy name `Izhikevich2007`; no default instance):
 * `I_v = I_app`, `C * dv/dt = k*(v - v_r)*(v - v_t) - u + I_v`, `du/dt = a*(b*(v - v_r) - u)`.
 * Without `init`, v and u start at 0.
 *
 * @example
 * ```ts
 * const n = new Izhikevich2007({ a: 0.03, I_app: 70, init: { v: -60 } });
 * const pop = new Population(1, n, 'izh');
 * ```
 */
export class Izhikevich2007 extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007Options = {}) {
    const o = resolveOptions<Required<Izhikevich2007Options>>('Izhikevich2007', opts, { ...REGULAR, ...OPTIONS_TAIL });
    super({
      parameters: regularParameters(o),
      equations: setInit(getEquationIzhikevich2007(), o.init),
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007',
      description: 'Neuron model equations from Izhikevich (2007).',
    });
    Izhikevich2007.instantiated.push(true);
  }
}

/**
 * CompNeuroPy's `Izhikevich2007RecCur` (ANNarchy name `Izhikevich2007_record_currents`):
 * {@link Izhikevich2007} plus recordable currents `I_u = -u`, `I_k = k*(v - v_r)*(v - v_t)`,
 * `I_a = I_app`.
 *
 * @example
 * ```ts
 * const pop = new Population(1, new Izhikevich2007RecCur({ I_app: 50 }), 'izh');
 * ```
 */
export class Izhikevich2007RecCur extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007Options = {}) {
    const o = resolveOptions<Required<Izhikevich2007Options>>('Izhikevich2007RecCur', opts, { ...REGULAR, ...OPTIONS_TAIL });
    const affix = `
            I_u = -u
            I_k = k*(v - v_r)*(v - v_t)
            I_a = I_app
        `;
    super({
      parameters: regularParameters(o),
      equations: setInit(getEquationIzhikevich2007({ affix }), o.init),
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007_record_currents',
      description: `
                Neuron model equations from Izhikevich (2007) with separate
                currents to record.
            `,
    });
    Izhikevich2007RecCur.instantiated.push(true);
  }
}

/**
 * CompNeuroPy's `Izhikevich2007VoltageClamp` (ANNarchy name `Izhikevich2007_voltage_clamp`):
 * `C * dv/dt = 0`, so v keeps the value it is given, and `I_inf = k*(v - v_r)*(v - v_t) - u + I_v`
 * is the current the clamp cancels. u still evolves.
 *
 * @example
 * ```ts
 * const pop = new Population(1, new Izhikevich2007VoltageClamp({ init: { v: -50 } }), 'clamp');
 * ```
 */
export class Izhikevich2007VoltageClamp extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007Options = {}) {
    const o = resolveOptions<Required<Izhikevich2007Options>>('Izhikevich2007VoltageClamp', opts, { ...REGULAR, ...OPTIONS_TAIL });
    super({
      parameters: regularParameters(o),
      equations: setInit(getEquationIzhikevich2007({ dv: '0', affix: `I_inf = ${DV_DEFAULT}` }), o.init),
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007_voltage_clamp',
      description: `
                Neuron model equations from Izhikevich (2007) with voltage clamp
                to record I_inf.
            `,
    });
    Izhikevich2007VoltageClamp.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2007Syn}: {@link Izhikevich2007Options} plus the conductance synapses.
 *
 * @example
 * ```ts
 * new Izhikevich2007Syn({ tau_ampa: 5, E_gaba: -80 } satisfies Izhikevich2007SynOptions);
 * ```
 */
export interface Izhikevich2007SynOptions extends Izhikevich2007Options {
  /** AMPA time constant (ms). Default 10. */
  tau_ampa?: number;
  /** GABA time constant (ms). Default 10. */
  tau_gaba?: number;
  /** AMPA reversal potential (mV). Default 0. */
  E_ampa?: number;
  /** GABA reversal potential (mV). Default -90. */
  E_gaba?: number;
}

const SYN_PARAMS = { tau_ampa: 10, tau_gaba: 10, E_ampa: 0, E_gaba: -90 };

/**
 * CompNeuroPy's `Izhikevich2007Syn` (ANNarchy name `Izhikevich2007_syn`): conductance-based
 * AMPA/GABA input, `I_v = I_app - neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba))`.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new Izhikevich2007Syn({ tau_ampa: 5 }), 'str');
 * ```
 */
export class Izhikevich2007Syn extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007SynOptions = {}) {
    const o = resolveOptions<Required<Izhikevich2007SynOptions>>('Izhikevich2007Syn', opts, { ...REGULAR, ...SYN_PARAMS, ...OPTIONS_TAIL });
    const p = popFlag(o.paramsForPop);
    super({
      parameters: `
            C      = ${fmt(o.C)} ${p}
            k      = ${fmt(o.k)} ${p}
            v_r    = ${fmt(o.v_r)} ${p}
            v_t    = ${fmt(o.v_t)} ${p}
            a      = ${fmt(o.a)} ${p}
            b      = ${fmt(o.b)} ${p}
            c      = ${fmt(o.c)} ${p}
            d      = ${fmt(o.d)} ${p}
            v_peak = ${fmt(o.v_peak)} ${p}
            I_app  = ${fmt(o.I_app)} # pA
            tau_ampa = ${fmt(o.tau_ampa)} ${p}
            tau_gaba = ${fmt(o.tau_gaba)} ${p}
            E_ampa   = ${fmt(o.E_ampa)} ${p}
            E_gaba   = ${fmt(o.E_gaba)} ${p}
        `,
      equations: setInit(getEquationIzhikevich2007({ syn: SYN_DEFAULT, i_v: `I_app ${I_SYN}` }), o.init),
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007_syn',
      description: `
                Neuron model equations from Izhikevich (2007) with conductance-based
                AMPA and GABA synapses/currents.
            `,
    });
    Izhikevich2007Syn.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2007NoisyAmpa}.
 *
 * @example
 * ```ts
 * new Izhikevich2007NoisyAmpa({ increase_noise: 5, rates_noise: 100 } satisfies Izhikevich2007NoisyAmpaOptions);
 * ```
 */
export interface Izhikevich2007NoisyAmpaOptions extends Izhikevich2007SynOptions {
  /** Jump of g_ampa per noise event (follows paramsForPop). Default 0. */
  increase_noise?: number;
  /** Rate of the noise events in Hz (per-neuron). Default 0. */
  rates_noise?: number;
}

/**
 * CompNeuroPy's `Izhikevich2007NoisyAmpa` (ANNarchy name `Izhikevich2007_noisy_AMPA`):
 * {@link Izhikevich2007Syn} with Poisson noise on g_ampa (rate `rates_noise` Hz, jump
 * `increase_noise`).
 *
 * @example
 * ```ts
 * const pop = new Population(100, new Izhikevich2007NoisyAmpa({ increase_noise: 5, rates_noise: 100 }), 'str_d1');
 * ```
 */
export class Izhikevich2007NoisyAmpa extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007NoisyAmpaOptions = {}) {
    const o = resolveOptions<Required<Izhikevich2007NoisyAmpaOptions>>('Izhikevich2007NoisyAmpa', opts, {
      ...REGULAR, ...SYN_PARAMS, increase_noise: 0, rates_noise: 0, ...OPTIONS_TAIL,
    });
    const p = popFlag(o.paramsForPop);
    super({
      parameters: `
            C              = ${fmt(o.C)} ${p}
            k              = ${fmt(o.k)} ${p}
            v_r            = ${fmt(o.v_r)} ${p}
            v_t            = ${fmt(o.v_t)} ${p}
            a              = ${fmt(o.a)} ${p}
            b              = ${fmt(o.b)} ${p}
            c              = ${fmt(o.c)} ${p}
            d              = ${fmt(o.d)} ${p}
            v_peak         = ${fmt(o.v_peak)} ${p}
            tau_ampa       = ${fmt(o.tau_ampa)} ${p}
            tau_gaba       = ${fmt(o.tau_gaba)} ${p}
            E_ampa         = ${fmt(o.E_ampa)} ${p}
            E_gaba         = ${fmt(o.E_gaba)} ${p}
            I_app          = ${fmt(o.I_app)} # pA
            increase_noise = ${fmt(o.increase_noise)} ${p}
            rates_noise    = ${fmt(o.rates_noise)}
        `,
      equations: setInit(getEquationIzhikevich2007({ syn: SYN_NOISY, i_v: `I_app ${I_SYN}` }), o.init),
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007_noisy_AMPA',
      description: `
                Standard neuron model from Izhikevich (2007) with additional
                conductance based synapses for AMPA and GABA currents with noise
                in AMPA conductance.
            `,
    });
    Izhikevich2007NoisyAmpa.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2007NoisyBase}.
 *
 * @example
 * ```ts
 * new Izhikevich2007NoisyBase({ base_mean: 50, base_noise: 10, rate_base_noise: 100 } satisfies Izhikevich2007NoisyBaseOptions);
 * ```
 */
export interface Izhikevich2007NoisyBaseOptions extends Izhikevich2007SynOptions {
  /** Mean of the baseline current (per-neuron). Default 0. */
  base_mean?: number;
  /** Standard deviation of the baseline offset (per-neuron). Default 0. */
  base_noise?: number;
  /** Rate in Hz at which the offset is redrawn (per-neuron). Default 0. */
  rate_base_noise?: number;
}

/**
 * CompNeuroPy's `Izhikevich2007NoisyBase` (ANNarchy name `Izhikevich2007_noisy_base`):
 * {@link Izhikevich2007Syn} plus a noisy baseline current, `I_v = I_app + syn + I_base` with
 * `I_base = base_mean + offset_base`, the offset redrawn at rate `rate_base_noise`.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new Izhikevich2007NoisyBase({ base_mean: 50, base_noise: 10, rate_base_noise: 100 }), 'str');
 * ```
 */
export class Izhikevich2007NoisyBase extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007NoisyBaseOptions = {}) {
    const o = resolveOptions<Required<Izhikevich2007NoisyBaseOptions>>('Izhikevich2007NoisyBase', opts, {
      ...REGULAR, ...SYN_PARAMS, base_mean: 0, base_noise: 0, rate_base_noise: 0, ...OPTIONS_TAIL,
    });
    const p = popFlag(o.paramsForPop);
    super({
      parameters: `
            C              = ${fmt(o.C)} ${p}
            k              = ${fmt(o.k)} ${p}
            v_r            = ${fmt(o.v_r)} ${p}
            v_t            = ${fmt(o.v_t)} ${p}
            a              = ${fmt(o.a)} ${p}
            b              = ${fmt(o.b)} ${p}
            c              = ${fmt(o.c)} ${p}
            d              = ${fmt(o.d)} ${p}
            v_peak         = ${fmt(o.v_peak)} ${p}
            tau_ampa       = ${fmt(o.tau_ampa)} ${p}
            tau_gaba       = ${fmt(o.tau_gaba)} ${p}
            E_ampa         = ${fmt(o.E_ampa)} ${p}
            E_gaba         = ${fmt(o.E_gaba)} ${p}
            I_app          = ${fmt(o.I_app)} # pA
            base_mean      = ${fmt(o.base_mean)}
            base_noise     = ${fmt(o.base_noise)}
            rate_base_noise = ${fmt(o.rate_base_noise)}
        `,
      equations: setInit(getEquationIzhikevich2007({ syn: SYN_DEFAULT, i_v: `I_app ${I_SYN} + I_base`, prefix: I_BASE_NOISE }), o.init),
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007_noisy_base',
      description: `
                Standard neuron model from Izhikevich (2007) with additional
                conductance based synapses for AMPA and GABA currents and noisy
                baseline current.
            `,
    });
    Izhikevich2007NoisyBase.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2007FsiNoisyAmpa} (fast-spiking defaults).
 *
 * @example
 * ```ts
 * new Izhikevich2007FsiNoisyAmpa({ v_b: -55 } satisfies Izhikevich2007FsiNoisyAmpaOptions);
 * ```
 */
export interface Izhikevich2007FsiNoisyAmpaOptions extends Izhikevich2007NoisyAmpaOptions {
  /** Threshold of the cubic u nullcline (mV). Default -55. */
  v_b?: number;
}

const FSI = {
  C: 20, k: 1, v_r: -55, v_t: -40, a: 0.1, b: -2, c: -50, d: 2, v_peak: 25, I_app: 0,
  tau_ampa: 2, tau_gaba: 5, E_ampa: 0, E_gaba: -80,
};

/**
 * CompNeuroPy's `Izhikevich2007FsiNoisyAmpa` (ANNarchy name `Izhikevich2007_FSI_noisy_AMPA`):
 * fast-spiking interneuron with noisy AMPA input and
 * `du/dt = if v<v_b: -a * u else: a * (b * (v - v_b)**3 - u)`. Defaults C=20, k=1, v_r=-55,
 * v_t=-40, v_b=-55, a=0.1, b=-2, c=-50, d=2, v_peak=25, tau_ampa=2, tau_gaba=5, E_ampa=0,
 * E_gaba=-80.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new Izhikevich2007FsiNoisyAmpa({ rates_noise: 100, increase_noise: 1 }), 'str_fsi');
 * ```
 */
export class Izhikevich2007FsiNoisyAmpa extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007FsiNoisyAmpaOptions = {}) {
    const o = resolveOptions<Required<Izhikevich2007FsiNoisyAmpaOptions>>('Izhikevich2007FsiNoisyAmpa', opts, {
      ...FSI, v_b: -55, increase_noise: 0, rates_noise: 0, ...OPTIONS_TAIL,
    });
    const p = popFlag(o.paramsForPop);
    super({
      parameters: `
            C              = ${fmt(o.C)} ${p}
            k              = ${fmt(o.k)} ${p}
            v_r            = ${fmt(o.v_r)} ${p}
            v_t            = ${fmt(o.v_t)} ${p}
            v_b            = ${fmt(o.v_b)} ${p}
            a              = ${fmt(o.a)} ${p}
            b              = ${fmt(o.b)} ${p}
            c              = ${fmt(o.c)} ${p}
            d              = ${fmt(o.d)} ${p}
            v_peak         = ${fmt(o.v_peak)} ${p}
            tau_ampa       = ${fmt(o.tau_ampa)} ${p}
            tau_gaba       = ${fmt(o.tau_gaba)} ${p}
            E_ampa         = ${fmt(o.E_ampa)} ${p}
            E_gaba         = ${fmt(o.E_gaba)} ${p}
            I_app          = ${fmt(o.I_app)} # pA
            increase_noise = ${fmt(o.increase_noise)} ${p}
            rates_noise    = ${fmt(o.rates_noise)}
        `,
      equations: setInit(getEquationIzhikevich2007({
        syn: SYN_NOISY, i_v: `I_app ${I_SYN}`, du: 'if v<v_b: -a * u else: a * (b * (v - v_b)**3 - u)',
      }), o.init),
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007_FSI_noisy_AMPA',
      description: `
                Standard neuron model from Izhikevich (2007) with additional
                conductance based synapses for AMPA and GABA currents with noise
                in AMPA conductance.
            `,
    });
    Izhikevich2007FsiNoisyAmpa.instantiated.push(true);
  }
}

/** The slow-current options of the Corbit FSI variants. */
interface CorbitSlowOptions {
  /** Sensitivity of n to `pos(u)**0.1 - s`. Default 0.1. */
  b_n?: number;
  /** Time scale of the slow current s. Default 0.1. */
  a_s?: number;
  /** Time scale of the slow current n. Default 0.1. */
  a_n?: number;
  /** Root applied to the input current by `root_func`. Default 0.1. */
  nonlin?: number;
}

/**
 * Options of {@link Izhikevich2007CorbitFsiNoisyAmpa}.
 *
 * @example
 * ```ts
 * new Izhikevich2007CorbitFsiNoisyAmpa({ nonlin: 0.1, a_s: 0.05 } satisfies Izhikevich2007CorbitFsiNoisyAmpaOptions);
 * ```
 */
export interface Izhikevich2007CorbitFsiNoisyAmpaOptions extends Izhikevich2007NoisyAmpaOptions, CorbitSlowOptions {}

/**
 * Options of {@link Izhikevich2007CorbitFsiNoisyBase}.
 *
 * @example
 * ```ts
 * new Izhikevich2007CorbitFsiNoisyBase({ base_mean: 10, b_n: 0.2 } satisfies Izhikevich2007CorbitFsiNoisyBaseOptions);
 * ```
 */
export interface Izhikevich2007CorbitFsiNoisyBaseOptions extends Izhikevich2007NoisyBaseOptions, CorbitSlowOptions {}

const CORBIT_AFFIX = `
            ds/dt     = a_s*(pos(u)**0.1 - s)
            dn/dt     = a_n*(b_n*(pos(u)**0.1-s) - n)
        `;

/**
 * CompNeuroPy's `Izhikevich2007CorbitFsiNoisyAmpa` (ANNarchy name
 * `Izhikevich2007_Corbit_FSI_noisy_AMPA`): FSI defaults, noisy AMPA input,
 * `I_v = root_func(I_app + syn, nonlin) - n` and slow currents `ds/dt = a_s*(pos(u)**0.1 - s)`,
 * `dn/dt = a_n*(b_n*(pos(u)**0.1-s) - n)` fitted to the FSI of Corbit et al. (2016).
 *
 * @example
 * ```ts
 * const pop = new Population(100, new Izhikevich2007CorbitFsiNoisyAmpa({ nonlin: 0.1 }), 'str_fsi');
 * ```
 */
export class Izhikevich2007CorbitFsiNoisyAmpa extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007CorbitFsiNoisyAmpaOptions = {}) {
    const o = resolveOptions<Required<Izhikevich2007CorbitFsiNoisyAmpaOptions>>('Izhikevich2007CorbitFsiNoisyAmpa', opts, {
      ...FSI, b_n: 0.1, a_s: 0.1, a_n: 0.1, nonlin: 0.1, increase_noise: 0, rates_noise: 0, ...OPTIONS_TAIL,
    });
    const p = popFlag(o.paramsForPop);
    super({
      parameters: `
            C              = ${fmt(o.C)} ${p}
            k              = ${fmt(o.k)} ${p}
            b_n            = ${fmt(o.b_n)} ${p}
            a_s            = ${fmt(o.a_s)} ${p}
            a_n            = ${fmt(o.a_n)} ${p}
            v_r            = ${fmt(o.v_r)} ${p}
            v_t            = ${fmt(o.v_t)} ${p}
            a              = ${fmt(o.a)} ${p}
            b              = ${fmt(o.b)} ${p}
            c              = ${fmt(o.c)} ${p}
            d              = ${fmt(o.d)} ${p}
            v_peak         = ${fmt(o.v_peak)} ${p}
            nonlin         = ${fmt(o.nonlin)} ${p}
            tau_ampa       = ${fmt(o.tau_ampa)} ${p}
            tau_gaba       = ${fmt(o.tau_gaba)} ${p}
            E_ampa         = ${fmt(o.E_ampa)} ${p}
            E_gaba         = ${fmt(o.E_gaba)} ${p}
            I_app          = ${fmt(o.I_app)} # pA
            increase_noise = ${fmt(o.increase_noise)} ${p}
            rates_noise    = ${fmt(o.rates_noise)}
        `,
      equations: setInit(getEquationIzhikevich2007({ syn: SYN_NOISY, i_v: `root_func(I_app ${I_SYN}, nonlin) - n`, affix: CORBIT_AFFIX }), o.init),
      functions: ROOT_FUNC,
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007_Corbit_FSI_noisy_AMPA',
      description: `
                Standard neuron model from Izhikevich (2007) with additional
                conductance based synapses for AMPA and GABA currents with noise
                in AMPA conductance. Additional slow currents were added to fit
                the striatal FSI neuron model from Corbit et al. (2016).
            `,
    });
    Izhikevich2007CorbitFsiNoisyAmpa.instantiated.push(true);
  }
}

/**
 * CompNeuroPy's `Izhikevich2007CorbitFsiNoisyBase` (ANNarchy name
 * `Izhikevich2007_Corbit_FSI_noisy_base`): {@link Izhikevich2007CorbitFsiNoisyAmpa} with plain
 * conductance decay and a noisy baseline current, `I_v = root_func(I_app + syn, nonlin) - n + I_base`.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new Izhikevich2007CorbitFsiNoisyBase({ base_mean: 10 }), 'str_fsi');
 * ```
 */
export class Izhikevich2007CorbitFsiNoisyBase extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007CorbitFsiNoisyBaseOptions = {}) {
    const o = resolveOptions<Required<Izhikevich2007CorbitFsiNoisyBaseOptions>>('Izhikevich2007CorbitFsiNoisyBase', opts, {
      ...FSI, b_n: 0.1, a_s: 0.1, a_n: 0.1, nonlin: 0.1, base_mean: 0, base_noise: 0, rate_base_noise: 0, ...OPTIONS_TAIL,
    });
    const p = popFlag(o.paramsForPop);
    super({
      parameters: `
            C              = ${fmt(o.C)} ${p}
            k              = ${fmt(o.k)} ${p}
            b_n            = ${fmt(o.b_n)} ${p}
            a_s            = ${fmt(o.a_s)} ${p}
            a_n            = ${fmt(o.a_n)} ${p}
            v_r            = ${fmt(o.v_r)} ${p}
            v_t            = ${fmt(o.v_t)} ${p}
            a              = ${fmt(o.a)} ${p}
            b              = ${fmt(o.b)} ${p}
            c              = ${fmt(o.c)} ${p}
            d              = ${fmt(o.d)} ${p}
            v_peak         = ${fmt(o.v_peak)} ${p}
            nonlin         = ${fmt(o.nonlin)} ${p}
            tau_ampa       = ${fmt(o.tau_ampa)} ${p}
            tau_gaba       = ${fmt(o.tau_gaba)} ${p}
            E_ampa         = ${fmt(o.E_ampa)} ${p}
            E_gaba         = ${fmt(o.E_gaba)} ${p}
            I_app          = ${fmt(o.I_app)} # pA
            base_mean      = ${fmt(o.base_mean)}
            base_noise     = ${fmt(o.base_noise)}
            rate_base_noise = ${fmt(o.rate_base_noise)}
        `,
      equations: setInit(getEquationIzhikevich2007({
        syn: SYN_DEFAULT, i_v: `root_func(I_app ${I_SYN}, nonlin) - n + I_base`, prefix: I_BASE_NOISE, affix: CORBIT_AFFIX,
      }), o.init),
      functions: ROOT_FUNC,
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007_Corbit_FSI_noisy_base',
      description: `
                Standard neuron model from Izhikevich (2007) with additional
                conductance based synapses for AMPA and GABA currents with noise
                in the baseline current. Additional slow currents were added to fit
                the striatal FSI neuron model from Corbit et al. (2016).
            `,
    });
    Izhikevich2007CorbitFsiNoisyBase.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2007NoisyAmpaOscillating}.
 *
 * @example
 * ```ts
 * new Izhikevich2007NoisyAmpaOscillating({ freq: 20, amp: 300 } satisfies Izhikevich2007NoisyAmpaOscillatingOptions);
 * ```
 */
export interface Izhikevich2007NoisyAmpaOscillatingOptions extends Izhikevich2007NoisyAmpaOptions {
  /** Frequency of the oscillating current in Hz (per-neuron). Default 0. */
  freq?: number;
  /** Amplitude of the oscillating current (per-neuron). Default 300. */
  amp?: number;
}

/**
 * CompNeuroPy's `Izhikevich2007NoisyAmpaOscillating` (ANNarchy name
 * `Izhikevich2007_noisy_AMPA_oscillating`): noisy AMPA input plus
 * `osc = amp * sin(t * 2 * pi * (freq  /1000))` (first equation) in `I_v = I_app + syn + osc`.
 * Its defaults are the fast-spiking ones (C=20, k=1, v_r=-55, a=0.1, d=2, v_peak=25,
 * tau_ampa=2, tau_gaba=5, E_gaba=-80), as in CompNeuroPy's source.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new Izhikevich2007NoisyAmpaOscillating({ freq: 20, amp: 300 }), 'str_d1');
 * ```
 */
export class Izhikevich2007NoisyAmpaOscillating extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2007NoisyAmpaOscillatingOptions = {}) {
    const o = resolveOptions<Required<Izhikevich2007NoisyAmpaOscillatingOptions>>('Izhikevich2007NoisyAmpaOscillating', opts, {
      ...FSI, increase_noise: 0, rates_noise: 0, freq: 0, amp: 300, ...OPTIONS_TAIL,
    });
    const p = popFlag(o.paramsForPop);
    super({
      parameters: `
            C              = ${fmt(o.C)} ${p}
            k              = ${fmt(o.k)} ${p}
            v_r            = ${fmt(o.v_r)} ${p}
            v_t            = ${fmt(o.v_t)} ${p}
            a              = ${fmt(o.a)} ${p}
            b              = ${fmt(o.b)} ${p}
            c              = ${fmt(o.c)} ${p}
            d              = ${fmt(o.d)} ${p}
            v_peak         = ${fmt(o.v_peak)} ${p}
            tau_ampa       = ${fmt(o.tau_ampa)} ${p}
            tau_gaba       = ${fmt(o.tau_gaba)} ${p}
            E_ampa         = ${fmt(o.E_ampa)} ${p}
            E_gaba         = ${fmt(o.E_gaba)} ${p}
            I_app          = ${fmt(o.I_app)} # pA
            increase_noise = ${fmt(o.increase_noise)} ${p}
            rates_noise    = ${fmt(o.rates_noise)}
            freq           = ${fmt(o.freq)}
            amp            = ${fmt(o.amp)}
        `,
      equations: setInit(getEquationIzhikevich2007({
        syn: SYN_NOISY, i_v: `I_app ${I_SYN} + osc`, prefix: 'osc = amp * sin(t * 2 * pi * (freq  /1000))',
      }), o.init),
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2007_noisy_AMPA_oscillating',
      description: `
                Standard neuron model from Izhikevich (2007) with additional
                conductance based synapses for AMPA and GABA currents with noise
                in AMPA conductance. An additional oscillating current was added
                to the model.
            `,
    });
    Izhikevich2007NoisyAmpaOscillating.instantiated.push(true);
  }
}

/**
 * CompNeuroPy's module-level instance `Izhikevich2007_record_currents` (`Izhikevich2007RecCur()`).
 *
 * @example
 * ```ts
 * new Population(1, izhikevich2007RecordCurrents, 'izh');
 * ```
 */
export const izhikevich2007RecordCurrents = new Izhikevich2007RecCur();

/**
 * CompNeuroPy's module-level instance `Izhikevich2007_voltage_clamp` (`Izhikevich2007VoltageClamp()`).
 *
 * @example
 * ```ts
 * new Population(1, izhikevich2007VoltageClamp, 'clamp');
 * ```
 */
export const izhikevich2007VoltageClamp = new Izhikevich2007VoltageClamp();

/**
 * CompNeuroPy's module-level instance `Izhikevich2007_syn` (`Izhikevich2007Syn()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2007Syn, 'str');
 * ```
 */
export const izhikevich2007Syn = new Izhikevich2007Syn();

/**
 * CompNeuroPy's module-level instance `Izhikevich2007_noisy_AMPA` (`Izhikevich2007NoisyAmpa()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2007NoisyAMPA, 'str_d1');
 * ```
 */
export const izhikevich2007NoisyAMPA = new Izhikevich2007NoisyAmpa();

/**
 * CompNeuroPy's module-level instance `Izhikevich2007_noisy_I` (`Izhikevich2007NoisyBase()`;
 * ANNarchy name `Izhikevich2007_noisy_base`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2007NoisyI, 'str');
 * ```
 */
export const izhikevich2007NoisyI = new Izhikevich2007NoisyBase();

/**
 * CompNeuroPy's module-level instance `Izhikevich2007_fsi_noisy_AMPA` (`Izhikevich2007FsiNoisyAmpa()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2007FsiNoisyAMPA, 'str_fsi');
 * ```
 */
export const izhikevich2007FsiNoisyAMPA = new Izhikevich2007FsiNoisyAmpa();

/**
 * CompNeuroPy's module-level instance `Izhikevich2007_Corbit_FSI_noisy_AMPA` (`Izhikevich2007CorbitFsiNoisyAmpa()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2007CorbitFSINoisyAMPA, 'str_fsi');
 * ```
 */
export const izhikevich2007CorbitFSINoisyAMPA = new Izhikevich2007CorbitFsiNoisyAmpa();

/**
 * CompNeuroPy's module-level instance `Izhikevich2007_Corbit_FSI_noisy_I` (`Izhikevich2007CorbitFsiNoisyBase()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2007CorbitFSINoisyI, 'str_fsi');
 * ```
 */
export const izhikevich2007CorbitFSINoisyI = new Izhikevich2007CorbitFsiNoisyBase();

/**
 * CompNeuroPy's module-level instance `Izhikevich2007_noisy_AMPA_oscillating` (`Izhikevich2007NoisyAmpaOscillating()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2007NoisyAMPAOscillating, 'str_d1');
 * ```
 */
export const izhikevich2007NoisyAMPAOscillating = new Izhikevich2007NoisyAmpaOscillating();
