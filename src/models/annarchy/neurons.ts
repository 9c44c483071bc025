import { Neuron } from '../../language/neuron.js';
import { pyFloat } from '../../language/python-float.js';
import { resolveOptions } from '../model-options.js';

/*
 * ANNarchy 4.7.3's built-in neuron models (ANNarchy/models/Neurons.py), each a Neuron whose
 * description strings equal the ones ANNarchy builds, whitespace included, with the values
 * written as Python's `%s` writes floats. Python keyword arguments become one options object;
 * an unknown option is an error naming it. (The model equations are data; ANNarchy is GPL,
 * no code of it is used.)
 */

const p = pyFloat;

/** Options of {@link LeakyIntegrator}: ANNarchy's keyword arguments and defaults. */
export interface LeakyIntegratorOptions {
  /** Default 10.0. */
  tau?: number;
  /** Default 0.0. */
  B?: number;
  /** Default 0.0. */
  T?: number;
  /** Default sum(exc) - sum(inh). */
  sum?: string;
  /** Additive noise term, e.g. `'Normal(0.0, 1.0)'` (default: none). */
  noise?: string;
}

const LEAKYINTEGRATOR_DEFAULTS = { tau: 10.0, B: 0.0, T: 0.0, sum: 'sum(exc) - sum(inh)', noise: '' };

/**
 * Leaky-integrator rate-coded neuron, optionally noisy: `tau * dv/dt + v = sum + B (+ noise)` (exponential), `r = pos(v - T)`.
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new LeakyIntegrator({ tau: 20.0, noise: 'Normal(0.0, 0.1)' }));
 * ```
 */
export class LeakyIntegrator extends Neuron {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<LeakyIntegratorOptions>> = LEAKYINTEGRATOR_DEFAULTS;

  constructor(opts: LeakyIntegratorOptions = {}) {
    const o = resolveOptions('LeakyIntegrator', opts, LEAKYINTEGRATOR_DEFAULTS);
    if (typeof o.sum !== 'string') throw new Error(`LeakyIntegrator: option "sum" must be a string, got ${typeof o.sum}`);
    if (typeof o.noise !== 'string') throw new Error(`LeakyIntegrator: option "noise" must be a string, got ${typeof o.noise}`);
    const noise = o.noise === '' ? '' : `+ ${o.noise}`;
    super({
      parameters: `
            tau = ${p(o.tau)} : population
            B = ${p(o.B)}
            T = ${p(o.T)} : population
        `,
      equations: `
            tau * dv/dt + v = ${o.sum} + B ${noise} : exponential
            r = pos(v - T)
        `,
      name: 'Leaky-Integrator',
      description: 'Leaky-Integrator with positive transfer function and additive noise.',
    });
  }
}

/** Options of {@link Izhikevich}: ANNarchy's keyword arguments and defaults. */
export interface IzhikevichOptions {
  /** Default 0.02. */
  a?: number;
  /** Default 0.2. */
  b?: number;
  /** Default -65.0. */
  c?: number;
  /** Default 8.0. */
  d?: number;
  /** Default 30.0. */
  v_thresh?: number;
  /** Default 0.0. */
  i_offset?: number;
  /** Default 0.0. */
  noise?: number;
  /** Default 0.0. */
  tau_refrac?: number;
  /** Default g_exc - g_inh. */
  conductance?: string;
}

const IZHIKEVICH_DEFAULTS = { a: 0.02, b: 0.2, c: -65.0, d: 8.0, v_thresh: 30.0, i_offset: 0.0, noise: 0.0, tau_refrac: 0.0, conductance: 'g_exc - g_inh' };

/**
 * Izhikevich quadratic integrate-and-fire neuron with adaptation; `I = conductance + noise * Normal(0, 1) + i_offset`, refractory `tau_refrac`.
 * Defaults as in ANNarchy 4.7.3.
 *
 * @example
 * ```ts
 * const pop = new Population(100, new Izhikevich({ a: 0.02, b: 0.2, c: -65.0, d: 8.0 }));
 * ```
 */
export class Izhikevich extends Neuron {
  /** ANNarchy's default keyword arguments. */
  static readonly defaults: Readonly<Required<IzhikevichOptions>> = IZHIKEVICH_DEFAULTS;

  constructor(opts: IzhikevichOptions = {}) {
    const o = resolveOptions('Izhikevich', opts, IZHIKEVICH_DEFAULTS);
    if (typeof o.conductance !== 'string') throw new Error(`Izhikevich: option "conductance" must be a string, got ${typeof o.conductance}`);
    super({
      parameters: `
            noise = ${p(o.noise)}
            a = ${p(o.a)}
            b = ${p(o.b)}
            c = ${p(o.c)}
            d = ${p(o.d)}
            v_thresh = ${p(o.v_thresh)}
            i_offset = ${p(o.i_offset)}
            tau_refrac = ${p(o.tau_refrac)}
        `,
      equations: `
            I = ${o.conductance} + noise * Normal(0.0, 1.0) + i_offset
            dv/dt = 0.04 * v^2 + 5.0 * v + 140.0 - u + I : init = ${p(o.c)}
            du/dt = a * (b*v - u) : init= ${p(o.b * o.c)}
        `,
      spike: `
            v > v_thresh
        `,
      reset: `
            v = c
            u += d
        `,
      refractory: 'tau_refrac',
      name: 'Izhikevich',
      description: 'Quadratic integrate-and-fire spiking neuron with adaptation.',
    });
  }
}
