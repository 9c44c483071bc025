import { Synapse } from '../../language/synapse.js';
import { pyFloat } from '../../language/python-float.js';
import { resolveOptions } from '../model-options.js';

/*
 * ANNarchy 4.7.3's built-in synapse models (ANNarchy/models/Synapses.py), each a Synapse whose
 * description strings equal the ones ANNarchy builds, whitespace included, with the values
 * written as Python's `%s` writes floats. (The model equations are data; no ANNarchy code is used.)
 */

const p = pyFloat;

/** Options of {@link Hebb}: ANNarchy's keyword arguments and defaults. */
export interface HebbOptions {
  /** Default 0.01. */
  eta?: number;
}

const HEBB_DEFAULTS = { eta: 0.01 };

/**
 * Rate-coded Hebbian learning: `dw/dt = eta * pre.r * post.r` (w >= 0).
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * new Projection(pre, post, 'exc', new Hebb({ eta: 0.01 }));
 * ```
 */
export class Hebb extends Synapse {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<HebbOptions>> = HEBB_DEFAULTS;

  constructor(opts: HebbOptions = {}) {
    const o = resolveOptions('Hebb', opts, HEBB_DEFAULTS);
    super({
      parameters: `
            eta = ${p(o.eta)} : projection
        `,
      equations: `
            dw/dt = eta * pre.r * post.r : min=0.0, explicit 
        `,
      name: 'Hebbian Plasticity',
      description: 'Simple Hebbian learning rule',
    });
  }
}

/** Options of {@link Oja}: ANNarchy's keyword arguments and defaults. */
export interface OjaOptions {
  /** Default 0.01. */
  eta?: number;
  /** Default 1.0. */
  alpha?: number;
}

const OJA_DEFAULTS = { eta: 0.01, alpha: 1.0 };

/**
 * Rate-coded Oja rule: Hebbian learning with weight decay `alpha * post.r^2 * w` (w >= 0).
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * new Projection(pre, post, 'exc', new Oja({ eta: 0.01 }));
 * ```
 */
export class Oja extends Synapse {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<OjaOptions>> = OJA_DEFAULTS;

  constructor(opts: OjaOptions = {}) {
    const o = resolveOptions('Oja', opts, OJA_DEFAULTS);
    super({
      parameters: `
            eta = ${p(o.eta)} : projection
            alpha = ${p(o.alpha)} : projection
        `,
      equations: `
            dw/dt = eta * ( pre.r * post.r - alpha * post.r^2 * w ) : min=0.0, explicit 
        `,
      name: 'Oja plasticity',
      description: 'Regularized Hebbian learning rule.',
    });
  }
}

/** Options of {@link IBCM}: ANNarchy's keyword arguments and defaults. */
export interface IBCMOptions {
  /** Default 0.01. */
  eta?: number;
  /** Default 2000.0. */
  tau?: number;
}

const IBCM_DEFAULTS = { eta: 0.01, tau: 2000.0 };

/**
 * Rate-coded IBCM rule (Intrator and Cooper 1992) with a sliding threshold `theta` per post neuron.
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * new Projection(pre, post, 'exc', new IBCM({ eta: 0.01 }));
 * ```
 */
export class IBCM extends Synapse {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<IBCMOptions>> = IBCM_DEFAULTS;

  constructor(opts: IBCMOptions = {}) {
    const o = resolveOptions('IBCM', opts, IBCM_DEFAULTS);
    super({
      parameters: `
            eta = ${p(o.eta)} : projection
            tau = ${p(o.tau)} : projection
        `,
      equations: `
            tau * dtheta/dt + theta = post.r^2 : postsynaptic, exponential
            dw/dt = eta * post.r * (post.r - theta) * pre.r : min=0.0, explicit
        `,
      name: 'IBCM',
      description: 'Intrator and Cooper (1992) learning rule.',
    });
  }
}

/** Options of {@link STP}: ANNarchy's keyword arguments and defaults. */
export interface STPOptions {
  /** Default 100.0. */
  tau_rec?: number;
  /** Default 0.01. */
  tau_facil?: number;
  /** Default 0.5. */
  U?: number;
}

const STP_DEFAULTS = { tau_rec: 100.0, tau_facil: 0.01, U: 0.5 };

/**
 * Spiking short-term plasticity (Tsodyks-Markram): event-driven depression `x` and facilitation `u`.
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * new Projection(pre, post, 'exc', new STP({ tau_rec: 100.0 }));
 * ```
 */
export class STP extends Synapse {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<STPOptions>> = STP_DEFAULTS;

  constructor(opts: STPOptions = {}) {
    const o = resolveOptions('STP', opts, STP_DEFAULTS);
    if (o.tau_facil <= 0.0) throw new Error('STP: tau_facil must be positive. Choose a very small value if you have to, or derive a new synapse.');
    super({
      parameters: `
            tau_rec = ${p(o.tau_rec)} : projection
            tau_facil = ${p(o.tau_facil)} : projection
            U = ${p(o.U)}
        `,
      equations: `
            dx/dt = (1 - x)/tau_rec : init = 1.0, event-driven
            du/dt = (U - u)/tau_facil : init = ${p(o.U)}, event-driven   
        `,
      preSpike: `
            g_target += w * u * x
            x *= (1 - u)
            u += U * (1 - u)
        `,
      name: 'Short-term plasticity',
      description: 'Synapse exhibiting short-term facilitation and depression, implemented using the model of Tsodyks, Markram et al.',
    });
  }
}

/** Options of {@link STDP}: ANNarchy's keyword arguments and defaults. */
export interface STDPOptions {
  /** Default 20.0. */
  tau_plus?: number;
  /** Default 20.0. */
  tau_minus?: number;
  /** Default 0.01. */
  A_plus?: number;
  /** Default 0.01. */
  A_minus?: number;
  /** Default 0.0. */
  w_min?: number;
  /** Default 1.0. */
  w_max?: number;
}

const STDP_DEFAULTS = { tau_plus: 20.0, tau_minus: 20.0, A_plus: 0.01, A_minus: 0.01, w_min: 0.0, w_max: 1.0 };

/**
 * Spiking spike-timing dependent plasticity with event-driven traces `x` (pre) and `y` (post).
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * new Projection(pre, post, 'exc', new STDP({ tau_plus: 20.0 }));
 * ```
 */
export class STDP extends Synapse {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<STDPOptions>> = STDP_DEFAULTS;

  constructor(opts: STDPOptions = {}) {
    const o = resolveOptions('STDP', opts, STDP_DEFAULTS);
    super({
      parameters: `
            tau_plus = ${p(o.tau_plus)} : projection
            tau_minus = ${p(o.tau_minus)} : projection
            A_plus = ${p(o.A_plus)} : projection
            A_minus = ${p(o.A_minus)} : projection
            w_min = ${p(o.w_min)} : projection
            w_max = ${p(o.w_max)} : projection
        `,
      equations: `
            tau_plus  * dx/dt = -x : event-driven
            tau_minus * dy/dt = -y : event-driven
        `,
      preSpike: `
            g_target += w
            x += A_plus * w_max
            w = clip(w + y, w_min , w_max)
        `,
      postSpike: `
            y -= A_minus * w_max
            w = clip(w + x, w_min , w_max)
        `,
      name: 'Spike-timing dependent plasticity',
      description: 'Synapse exhibiting spike-timing dependent plasticity.',
    });
  }
}
