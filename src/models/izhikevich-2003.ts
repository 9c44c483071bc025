import { Neuron } from '../language/neuron.js';
import { fmt, resolveOptions } from './model-options.js';

/*
 * CompNeuroPy's Izhikevich (2003)-like neurons (`izhikevich_2003_like_nm.py`), after
 * Izhikevich, E. M. (2003), IEEE Trans. Neural Netw. 14(6):1569-1572. All have
 * `du/dt = a * (b * v - u)`, reset `v = c; u = u + d`, no init on v (v starts at 0). a, b, c, d,
 * n2/n1/n0, tau_*, E_*, increase_noise and nonlin are population-wide; I_app, rates_noise,
 * freq, amp and base_* are per-neuron.
 */

const SPIKE = `
                v >= 30
            `;
const RESET = `
                v = c
                u = u + d
            `;
const NONLIN_FUNCTION = `
                f(x,y)=((abs(x))**(1/y))/((x+1e-20)/(abs(x)+ 1e-20))
            `;

const BASE = { a: 0, b: 0, c: 0, d: 0 };
const SYN = { tau_ampa: 1, tau_gaba: 1, E_ampa: 0, E_gaba: 0, I_app: 0 };
const QUAD = { n2: 0, n1: 0, n0: 0 };

/**
 * Options of {@link Izhikevich2003FixedNoisyAmpa} (all default 0 except tau_ampa = tau_gaba = 1).
 *
 * @example
 * ```ts
 * new Izhikevich2003FixedNoisyAmpa({ a: 0.02, b: 0.2, c: -65, d: 8, rates_noise: 100, increase_noise: 1 } satisfies Izhikevich2003FixedNoisyAmpaOptions);
 * ```
 */
export interface Izhikevich2003FixedNoisyAmpaOptions {
  /** Time scale of the recovery variable u. */
  a?: number;
  /** Sensitivity of u to v. */
  b?: number;
  /** After-spike reset value of v. */
  c?: number;
  /** After-spike increment of u. */
  d?: number;
  /** AMPA conductance time constant (ms). */
  tau_ampa?: number;
  /** GABA conductance time constant (ms). */
  tau_gaba?: number;
  /** AMPA reversal potential (mV). */
  E_ampa?: number;
  /** GABA reversal potential (mV). */
  E_gaba?: number;
  /** Applied current (per-neuron). */
  I_app?: number;
  /** Jump of g_ampa per noise event. */
  increase_noise?: number;
  /** Rate of the Poisson noise events in Hz (per-neuron). */
  rates_noise?: number;
}

/**
 * CompNeuroPy's `Izhikevich2003FixedNoisyAmpa` (ANNarchy name `Izhikevich2003_fixed_noisy_AMPA`):
 * `dv/dt = 0.04 * v * v + 5 * v + 140 - u + I_app` plus rectified AMPA/GABA conductances, with
 * Poisson noise on g_ampa (probability `rates_noise*dt/1000` per step of a jump by
 * `increase_noise`). Spike `v >= 30`.
 *
 * @example
 * ```ts
 * const n = new Izhikevich2003FixedNoisyAmpa({ a: 0.02, b: 0.2, c: -65, d: 8, I_app: 10 });
 * ```
 */
export class Izhikevich2003FixedNoisyAmpa extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2003FixedNoisyAmpaOptions = {}) {
    const o = resolveOptions('Izhikevich2003FixedNoisyAmpa', opts, { ...BASE, ...SYN, increase_noise: 0, rates_noise: 0 });
    super({
      parameters: `
            a              = ${fmt(o.a)} : population
            b              = ${fmt(o.b)} : population
            c              = ${fmt(o.c)} : population
            d              = ${fmt(o.d)} : population
            tau_ampa       = ${fmt(o.tau_ampa)} : population
            tau_gaba       = ${fmt(o.tau_gaba)} : population
            E_ampa         = ${fmt(o.E_ampa)} : population
            E_gaba         = ${fmt(o.E_gaba)} : population
            I_app          = ${fmt(o.I_app)}
            increase_noise = ${fmt(o.increase_noise)} : population
            rates_noise    = ${fmt(o.rates_noise)}
        `,
      equations: `
                dg_ampa/dt = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rates_noise, -g_ampa/tau_ampa, -g_ampa/tau_ampa + increase_noise/dt)
                dg_gaba/dt = -g_gaba / tau_gaba
                dv/dt      = 0.04 * v * v + 5 * v + 140 - u + I_app - neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba))
                du/dt      = a * (b * v - u)
            `,
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2003_fixed_noisy_AMPA',
      description: `
                Standard neuron model from Izhikevich (2003) with additional
                conductance-based synapses for AMPA and GABA currents with noise in AMPA
                conductance.
            `,
    });
    Izhikevich2003FixedNoisyAmpa.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2003NoisyAmpa}: those of the fixed model plus the quadratic factors.
 *
 * @example
 * ```ts
 * new Izhikevich2003NoisyAmpa({ n2: 0.04, n1: 5, n0: 140 } satisfies Izhikevich2003NoisyAmpaOptions);
 * ```
 */
export interface Izhikevich2003NoisyAmpaOptions extends Izhikevich2003FixedNoisyAmpaOptions {
  /** Factor of v² in dv/dt. Default 0. */
  n2?: number;
  /** Factor of v in dv/dt. Default 0. */
  n1?: number;
  /** Constant term of dv/dt. Default 0. */
  n0?: number;
}

/**
 * CompNeuroPy's `Izhikevich2003NoisyAmpa` (ANNarchy name `Izhikevich2003_noisy_AMPA`): like
 * {@link Izhikevich2003FixedNoisyAmpa} but `dv/dt = n2 * v * v + n1 * v + n0 - u + ...`.
 *
 * Not to be confused with the instance {@link izhikevich2003NoisyAMPA}, which CompNeuroPy
 * builds from the *fixed* class.
 *
 * @example
 * ```ts
 * const n = new Izhikevich2003NoisyAmpa({ a: 0.02, b: 0.2, c: -65, d: 8, n2: 0.04, n1: 5, n0: 140 });
 * ```
 */
export class Izhikevich2003NoisyAmpa extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2003NoisyAmpaOptions = {}) {
    const o = resolveOptions('Izhikevich2003NoisyAmpa', opts, { ...BASE, ...QUAD, ...SYN, increase_noise: 0, rates_noise: 0 });
    super({
      parameters: `
            a              = ${fmt(o.a)} : population
            b              = ${fmt(o.b)} : population
            c              = ${fmt(o.c)} : population
            d              = ${fmt(o.d)} : population
            n2             = ${fmt(o.n2)} : population
            n1             = ${fmt(o.n1)} : population
            n0             = ${fmt(o.n0)} : population
            tau_ampa       = ${fmt(o.tau_ampa)} : population
            tau_gaba       = ${fmt(o.tau_gaba)} : population
            E_ampa         = ${fmt(o.E_ampa)} : population
            E_gaba         = ${fmt(o.E_gaba)} : population
            I_app          = ${fmt(o.I_app)}
            increase_noise = ${fmt(o.increase_noise)} : population
            rates_noise    = ${fmt(o.rates_noise)}
        `,
      equations: `
                dg_ampa/dt = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rates_noise, -g_ampa/tau_ampa, -g_ampa/tau_ampa + increase_noise/dt)
                dg_gaba/dt = -g_gaba / tau_gaba
                dv/dt      = n2 * v * v + n1 * v + n0 - u + I_app - neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba))
                du/dt      = a * (b * v - u)
            `,
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2003_noisy_AMPA',
      description: `
                Neuron model from Izhikevich (2003). With additional conductance based
                synapses for AMPA and GABA currents with noise in AMPA conductance.
            `,
    });
    Izhikevich2003NoisyAmpa.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2003NoisyAmpaNonlin}.
 *
 * @example
 * ```ts
 * new Izhikevich2003NoisyAmpaNonlin({ nonlin: 2 } satisfies Izhikevich2003NoisyAmpaNonlinOptions);
 * ```
 */
export interface Izhikevich2003NoisyAmpaNonlinOptions extends Izhikevich2003NoisyAmpaOptions {
  /** Root taken of the input current: f(I, nonlin) ≈ sign(I)·|I|^(1/nonlin). Default 1. */
  nonlin?: number;
}

/**
 * CompNeuroPy's `Izhikevich2003NoisyAmpaNonlin` (ANNarchy name `Izhikevich2003_noisy_AMPA_nonlin`):
 * {@link Izhikevich2003NoisyAmpa} with `I = I_app + syn` entering dv/dt as `f(I,nonlin)`,
 * `f(x,y)=((abs(x))**(1/y))/((x+1e-20)/(abs(x)+ 1e-20))`.
 *
 * @example
 * ```ts
 * const n = new Izhikevich2003NoisyAmpaNonlin({ n2: 0.04, n1: 5, n0: 140, nonlin: 2 });
 * ```
 */
export class Izhikevich2003NoisyAmpaNonlin extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2003NoisyAmpaNonlinOptions = {}) {
    const o = resolveOptions('Izhikevich2003NoisyAmpaNonlin', opts, { ...BASE, ...QUAD, ...SYN, increase_noise: 0, rates_noise: 0, nonlin: 1 });
    super({
      parameters: `
            a              = ${fmt(o.a)} : population
            b              = ${fmt(o.b)} : population
            c              = ${fmt(o.c)} : population
            d              = ${fmt(o.d)} : population
            n2             = ${fmt(o.n2)} : population
            n1             = ${fmt(o.n1)} : population
            n0             = ${fmt(o.n0)} : population
            tau_ampa       = ${fmt(o.tau_ampa)} : population
            tau_gaba       = ${fmt(o.tau_gaba)} : population
            E_ampa         = ${fmt(o.E_ampa)} : population
            E_gaba         = ${fmt(o.E_gaba)} : population
            I_app          = ${fmt(o.I_app)}
            increase_noise = ${fmt(o.increase_noise)} : population
            rates_noise    = ${fmt(o.rates_noise)}
            nonlin         = ${fmt(o.nonlin)} : population
        `,
      equations: `
                dg_ampa/dt = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rates_noise, -g_ampa/tau_ampa, -g_ampa/tau_ampa + increase_noise/dt)
                dg_gaba/dt = -g_gaba / tau_gaba
                I = I_app - neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba))
                dv/dt      = n2 * v * v + n1 * v + n0 - u + f(I,nonlin)
                du/dt      = a * (b * v - u)
            `,
      spike: SPIKE,
      reset: RESET,
      functions: NONLIN_FUNCTION,
      name: 'Izhikevich2003_noisy_AMPA_nonlin',
      description: `
                Neuron model from Izhikevich (2003). With additional conductance based
                synapses for AMPA and GABA currents with noise in AMPA conductance.
                With nonlinear function for external current.
            `,
    });
    Izhikevich2003NoisyAmpaNonlin.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2003NoisyAmpaOscillating}.
 *
 * @example
 * ```ts
 * new Izhikevich2003NoisyAmpaOscillating({ freq: 20, amp: 6 } satisfies Izhikevich2003NoisyAmpaOscillatingOptions);
 * ```
 */
export interface Izhikevich2003NoisyAmpaOscillatingOptions extends Izhikevich2003NoisyAmpaOptions {
  /** Frequency of the oscillating current in Hz (per-neuron). Default 0. */
  freq?: number;
  /** Amplitude of the oscillating current (per-neuron). Default 6. */
  amp?: number;
}

/**
 * CompNeuroPy's `Izhikevich2003NoisyAmpaOscillating` (ANNarchy name
 * `Izhikevich2003_noisy_AMPA_oscillating`): {@link Izhikevich2003NoisyAmpa} plus
 * `osc = amp * sin(t * 2 * pi * (freq / 1000))` in dv/dt (osc is the first equation).
 *
 * @example
 * ```ts
 * const n = new Izhikevich2003NoisyAmpaOscillating({ n2: 0.04, n1: 5, n0: 140, freq: 20, amp: 6 });
 * ```
 */
export class Izhikevich2003NoisyAmpaOscillating extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2003NoisyAmpaOscillatingOptions = {}) {
    const o = resolveOptions('Izhikevich2003NoisyAmpaOscillating', opts, { ...BASE, ...QUAD, ...SYN, increase_noise: 0, rates_noise: 0, freq: 0, amp: 6 });
    super({
      parameters: `
            a              = ${fmt(o.a)} : population
            b              = ${fmt(o.b)} : population
            c              = ${fmt(o.c)} : population
            d              = ${fmt(o.d)} : population
            n2             = ${fmt(o.n2)} : population
            n1             = ${fmt(o.n1)} : population
            n0             = ${fmt(o.n0)} : population
            tau_ampa       = ${fmt(o.tau_ampa)} : population
            tau_gaba       = ${fmt(o.tau_gaba)} : population
            E_ampa         = ${fmt(o.E_ampa)} : population
            E_gaba         = ${fmt(o.E_gaba)} : population
            I_app          = ${fmt(o.I_app)}
            increase_noise = ${fmt(o.increase_noise)} : population
            rates_noise    = ${fmt(o.rates_noise)}
            freq           = ${fmt(o.freq)}
            amp            = ${fmt(o.amp)}
        `,
      equations: `
                osc        = amp * sin(t * 2 * pi * (freq / 1000))
                dg_ampa/dt = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rates_noise, -g_ampa/tau_ampa, -g_ampa/tau_ampa + increase_noise/dt)
                dg_gaba/dt = -g_gaba / tau_gaba
                dv/dt      = n2 * v * v + n1 * v + n0 - u + I_app - neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba)) + osc
                du/dt      = a * (b * v - u)
            `,
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2003_noisy_AMPA_oscillating',
      description: `
                Neuron model from Izhikevich (2003). With additional conductance based
                synapses for AMPA and GABA currents with noise in AMPA conductance.
                With additional oscillation term.
            `,
    });
    Izhikevich2003NoisyAmpaOscillating.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2003NoisyBase}.
 *
 * @example
 * ```ts
 * new Izhikevich2003NoisyBase({ base_mean: 5, base_noise: 2, rate_base_noise: 100 } satisfies Izhikevich2003NoisyBaseOptions);
 * ```
 */
export interface Izhikevich2003NoisyBaseOptions {
  a?: number;
  b?: number;
  c?: number;
  d?: number;
  n2?: number;
  n1?: number;
  n0?: number;
  tau_ampa?: number;
  tau_gaba?: number;
  E_ampa?: number;
  E_gaba?: number;
  I_app?: number;
  /** Mean of the baseline current (per-neuron). Default 0. */
  base_mean?: number;
  /** Standard deviation of the baseline offset (per-neuron). Default 0. */
  base_noise?: number;
  /** Rate in Hz at which the offset is redrawn (per-neuron). Default 0. */
  rate_base_noise?: number;
}

/**
 * CompNeuroPy's `Izhikevich2003NoisyBase` (ANNarchy name `Izhikevich2003_noisy_I`): plain
 * conductance decay, and a baseline current `I_base = base_mean + offset_base` whose offset is
 * redrawn from `Normal(0, 1) * base_noise` at rate `rate_base_noise`.
 *
 * @example
 * ```ts
 * const n = new Izhikevich2003NoisyBase({ n2: 0.04, n1: 5, n0: 140, base_mean: 5, base_noise: 2, rate_base_noise: 100 });
 * ```
 */
export class Izhikevich2003NoisyBase extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2003NoisyBaseOptions = {}) {
    const o = resolveOptions('Izhikevich2003NoisyBase', opts, { ...BASE, ...QUAD, ...SYN, base_mean: 0, base_noise: 0, rate_base_noise: 0 });
    super({
      parameters: `
            a               = ${fmt(o.a)} : population
            b               = ${fmt(o.b)} : population
            c               = ${fmt(o.c)} : population
            d               = ${fmt(o.d)} : population
            n2              = ${fmt(o.n2)} : population
            n1              = ${fmt(o.n1)} : population
            n0              = ${fmt(o.n0)} : population
            tau_ampa        = ${fmt(o.tau_ampa)} : population
            tau_gaba        = ${fmt(o.tau_gaba)} : population
            E_ampa          = ${fmt(o.E_ampa)} : population
            E_gaba          = ${fmt(o.E_gaba)} : population
            I_app           = ${fmt(o.I_app)}
            base_mean       = ${fmt(o.base_mean)}
            base_noise      = ${fmt(o.base_noise)}
            rate_base_noise = ${fmt(o.rate_base_noise)}
        `,
      equations: `
                dg_ampa/dt  = -g_ampa/tau_ampa
                dg_gaba/dt  = -g_gaba / tau_gaba
                offset_base = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rate_base_noise, offset_base, Normal(0, 1) * base_noise)
                I_base      = base_mean + offset_base
                I           = I_app - neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba)) + I_base
                dv/dt       = n2 * v * v + n1 * v + n0 - u + I
                du/dt       = a * (b * v - u)
            `,
      spike: SPIKE,
      reset: RESET,
      name: 'Izhikevich2003_noisy_I',
      description: `
                Neuron model from Izhikevich (2003). With additional conductance based
                synapses for AMPA and GABA currents and a noisy baseline current.
            `,
    });
    Izhikevich2003NoisyBase.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2003NoisyBaseNonlin}.
 *
 * @example
 * ```ts
 * new Izhikevich2003NoisyBaseNonlin({ nonlin: 2, base_mean: 5 } satisfies Izhikevich2003NoisyBaseNonlinOptions);
 * ```
 */
export interface Izhikevich2003NoisyBaseNonlinOptions extends Izhikevich2003NoisyBaseOptions {
  /** Root taken of the synaptic + applied current. Default 1. */
  nonlin?: number;
}

/**
 * CompNeuroPy's `Izhikevich2003NoisyBaseNonlin` (ANNarchy name `Izhikevich2003_noisy_I_nonlin`):
 * {@link Izhikevich2003NoisyBase} with `dv/dt = ... - u + f(I,nonlin) + I_base`, where
 * `I = I_app + syn` (the baseline current is not passed through f).
 *
 * @example
 * ```ts
 * const n = new Izhikevich2003NoisyBaseNonlin({ n2: 0.04, n1: 5, n0: 140, nonlin: 2 });
 * ```
 */
export class Izhikevich2003NoisyBaseNonlin extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2003NoisyBaseNonlinOptions = {}) {
    const o = resolveOptions('Izhikevich2003NoisyBaseNonlin', opts, { ...BASE, ...QUAD, ...SYN, base_mean: 0, base_noise: 0, rate_base_noise: 0, nonlin: 1 });
    super({
      parameters: `
            a               = ${fmt(o.a)} : population
            b               = ${fmt(o.b)} : population
            c               = ${fmt(o.c)} : population
            d               = ${fmt(o.d)} : population
            n2              = ${fmt(o.n2)} : population
            n1              = ${fmt(o.n1)} : population
            n0              = ${fmt(o.n0)} : population
            tau_ampa        = ${fmt(o.tau_ampa)} : population
            tau_gaba        = ${fmt(o.tau_gaba)} : population
            E_ampa          = ${fmt(o.E_ampa)} : population
            E_gaba          = ${fmt(o.E_gaba)} : population
            I_app           = ${fmt(o.I_app)}
            base_mean       = ${fmt(o.base_mean)}
            base_noise      = ${fmt(o.base_noise)}
            rate_base_noise = ${fmt(o.rate_base_noise)}
            nonlin          = ${fmt(o.nonlin)} : population
        `,
      equations: `
                dg_ampa/dt  = -g_ampa/tau_ampa
                dg_gaba/dt  = -g_gaba / tau_gaba
                offset_base = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rate_base_noise, offset_base, Normal(0, 1) * base_noise)
                I_base      = base_mean + offset_base
                I           = I_app - neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba))
                dv/dt       = n2 * v * v + n1 * v + n0 - u + f(I,nonlin) + I_base
                du/dt       = a * (b * v - u)
            `,
      spike: SPIKE,
      reset: RESET,
      functions: NONLIN_FUNCTION,
      name: 'Izhikevich2003_noisy_I_nonlin',
      description: `
                Neuron model from Izhikevich (2003). With additional conductance based
                synapses for AMPA and GABA currents and a noisy baseline current.
                With nonlinear function for external current.
            `,
    });
    Izhikevich2003NoisyBaseNonlin.instantiated.push(true);
  }
}

/**
 * Options of {@link Izhikevich2003NoisyBaseSNR}.
 *
 * @example
 * ```ts
 * new Izhikevich2003NoisyBaseSNR({ snr_target: 4, tau_power: 100 } satisfies Izhikevich2003NoisyBaseSNROptions);
 * ```
 */
export interface Izhikevich2003NoisyBaseSNROptions {
  a?: number;
  b?: number;
  c?: number;
  d?: number;
  n2?: number;
  n1?: number;
  n0?: number;
  tau_ampa?: number;
  tau_gaba?: number;
  E_ampa?: number;
  E_gaba?: number;
  I_app?: number;
  /** Constant baseline current. Default 0. */
  I_base?: number;
  /** Scale of the noise current. Default 1. */
  noise?: number;
  /** Time constant (ms) of the running power of the signal current. Default 1. */
  tau_power?: number;
  /** Target signal-to-noise ratio. Default 1. */
  snr_target?: number;
  /** Rate in Hz at which the noise value is redrawn. Default 0. */
  rate_noise?: number;
}

/**
 * CompNeuroPy's `Izhikevich2003NoisyBaseSNR` (ANNarchy name `Izhikevich2003_noisy_I_snr`; no
 * default instance): noise scaled to a target signal-to-noise ratio,
 * `I = I_signal + I_noise * sqrt(power_I_signal/snr_target)`, v clipped to [-100, 0] and spike
 * `v >= 0`.
 *
 * RECONSTRUCTED, not verbatim: the stored CompNeuroPy source has no copy of this class; the
 * strings follow compneuropy-semantics §8.3 (names, defaults, equations, flags). Parameter
 * localities (a..E_gaba, noise, tau_power, snr_target population-wide; I_app, I_base,
 * rate_noise per-neuron) and the exact equation text follow the file's other classes and are
 * a best guess.
 *
 * @example
 * ```ts
 * const n = new Izhikevich2003NoisyBaseSNR({ a: 0.005, b: 0.585, c: -65, d: 4, n2: 0.04, n1: 5, n0: 140, snr_target: 4 });
 * ```
 */
export class Izhikevich2003NoisyBaseSNR extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: Izhikevich2003NoisyBaseSNROptions = {}) {
    const o = resolveOptions('Izhikevich2003NoisyBaseSNR', opts, {
      ...BASE, ...QUAD, ...SYN, I_base: 0, noise: 1, tau_power: 1, snr_target: 1, rate_noise: 0,
    });
    super({
      parameters: `
            a               = ${fmt(o.a)} : population
            b               = ${fmt(o.b)} : population
            c               = ${fmt(o.c)} : population
            d               = ${fmt(o.d)} : population
            n2              = ${fmt(o.n2)} : population
            n1              = ${fmt(o.n1)} : population
            n0              = ${fmt(o.n0)} : population
            tau_ampa        = ${fmt(o.tau_ampa)} : population
            tau_gaba        = ${fmt(o.tau_gaba)} : population
            E_ampa          = ${fmt(o.E_ampa)} : population
            E_gaba          = ${fmt(o.E_gaba)} : population
            I_app           = ${fmt(o.I_app)}
            I_base          = ${fmt(o.I_base)}
            noise           = ${fmt(o.noise)} : population
            tau_power       = ${fmt(o.tau_power)} : population
            snr_target      = ${fmt(o.snr_target)} : population
            rate_noise      = ${fmt(o.rate_noise)}
        `,
      equations: `
                tau_ampa * dg_ampa/dt = -g_ampa
                tau_gaba * dg_gaba/dt = -g_gaba
                I_noise = noise * ite(Uniform(0.0, 1.0) * 1000.0 / dt > rate_noise, I_noise, Normal(0, 1))
                I_signal = I_base - neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba)) + I_app
                tau_power * dpower_I_signal/dt = I_signal**2 - power_I_signal
                I = I_signal + I_noise * sqrt(power_I_signal/snr_target)
                dv/dt = n2 * v * v + n1 * v + n0 - u + I : min=-100, max=0
                du/dt = a * (b * v - u)
            `,
      spike: `
                v >= 0
            `,
      reset: RESET,
      name: 'Izhikevich2003_noisy_I_snr',
      description: `
                Neuron model from Izhikevich (2003). With additional conductance based
                synapses for AMPA and GABA currents and a noisy current scaled to a
                target signal-to-noise ratio.
            `,
    });
    Izhikevich2003NoisyBaseSNR.instantiated.push(true);
  }
}

/**
 * CompNeuroPy's module-level instance `Izhikevich2003_noisy_AMPA`. Note: CompNeuroPy builds it
 * from the *fixed* class, `Izhikevich2003FixedNoisyAmpa()` (ANNarchy name
 * `Izhikevich2003_fixed_noisy_AMPA`), not from {@link Izhikevich2003NoisyAmpa}.
 *
 * @example
 * ```ts
 * const stn = new Population(100, izhikevich2003NoisyAMPA, 'stn');
 * ```
 */
export const izhikevich2003NoisyAMPA = new Izhikevich2003FixedNoisyAmpa();

/**
 * CompNeuroPy's module-level instance `Izhikevich2003_flexible_noisy_AMPA` (`Izhikevich2003NoisyAmpa()`).
 *
 * @example
 * ```ts
 * const gpe = new Population(100, izhikevich2003FlexibleNoisyAMPA, 'gpe_proto');
 * ```
 */
export const izhikevich2003FlexibleNoisyAMPA = new Izhikevich2003NoisyAmpa();

/**
 * CompNeuroPy's module-level instance `Izhikevich2003_flexible_noisy_AMPA_nonlin` (`Izhikevich2003NoisyAmpaNonlin()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2003FlexibleNoisyAMPANonlin, 'gpe');
 * ```
 */
export const izhikevich2003FlexibleNoisyAMPANonlin = new Izhikevich2003NoisyAmpaNonlin();

/**
 * CompNeuroPy's module-level instance `Izhikevich2003_flexible_noisy_AMPA_oscillating` (`Izhikevich2003NoisyAmpaOscillating()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2003FlexibleNoisyAMPAOscillating, 'gpe_arky');
 * ```
 */
export const izhikevich2003FlexibleNoisyAMPAOscillating = new Izhikevich2003NoisyAmpaOscillating();

/**
 * CompNeuroPy's module-level instance `Izhikevich2003_flexible_noisy_I` (`Izhikevich2003NoisyBase()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2003FlexibleNoisyI, 'snr');
 * ```
 */
export const izhikevich2003FlexibleNoisyI = new Izhikevich2003NoisyBase();

/**
 * CompNeuroPy's module-level instance `Izhikevich2003_flexible_noisy_I_nonlin` (`Izhikevich2003NoisyBaseNonlin()`).
 *
 * @example
 * ```ts
 * new Population(100, izhikevich2003FlexibleNoisyINonlin, 'snr');
 * ```
 */
export const izhikevich2003FlexibleNoisyINonlin = new Izhikevich2003NoisyBaseNonlin();
