import { Neuron } from '../language/neuron.js';
import { fmt, resolveOptions } from './model-options.js';

/**
 * Options of {@link IntegratorNeuron} (CompNeuroPy keyword arguments).
 *
 * @example
 * ```ts
 * const o: IntegratorNeuronOptions = { tau: 5, threshold: 2 };
 * new IntegratorNeuron(o);
 * ```
 */
export interface IntegratorNeuronOptions {
  /** Time constant in ms of the decay of g_ampa. Default 1. */
  tau?: number;
  /** Value g_ampa has to reach for a spike. Default 1. */
  threshold?: number;
}

/**
 * CompNeuroPy's `IntegratorNeuron` (ANNarchy name `integrator_neuron`): `g_ampa` rises with
 * incoming spikes (target `ampa`) and decays with `tau`; when it reaches `threshold` the neuron
 * spikes and `decision` (initially -1) becomes `neuron_id`. Meant for
 * `stopCondition: 'decision>=0 : any'`. `tau`, `threshold` are population-wide, `neuron_id`
 * per-neuron (set it yourself).
 *
 * @example
 * ```ts
 * const integ = new Population(10, new IntegratorNeuron({ tau: 1, threshold: 1 }),
 *   { name: 'integrator_neurons', stopCondition: 'decision>=0 : any' });
 * integ.neuron_id = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
 * ```
 */
export class IntegratorNeuron extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: IntegratorNeuronOptions = {}) {
    const o = resolveOptions('IntegratorNeuron', opts, { tau: 1, threshold: 1 });
    super({
      parameters: `
            tau = ${fmt(o.tau)} : population
            threshold = ${fmt(o.threshold)} : population
            neuron_id = 0
        `,
      equations: `
                dg_ampa/dt = - g_ampa / tau
                ddecision/dt = 0 : init = -1
            `,
      spike: `
                g_ampa >= threshold
            `,
      reset: `
                decision = neuron_id
            `,
      name: 'integrator_neuron',
      description: `
                Integrator Neuron, which integrates incoming spikes with value g_ampa
                and emits a spike when reaching a threshold. After spike decision
                changes, which can be used as for stop condition`,
    });
    IntegratorNeuron.instantiated.push(true);
  }
}

/**
 * Options of {@link IntegratorNeuronSimple}.
 *
 * @example
 * ```ts
 * new IntegratorNeuronSimple({ tau: 5 } satisfies IntegratorNeuronSimpleOptions);
 * ```
 */
export interface IntegratorNeuronSimpleOptions {
  /** Time constant in ms of the decay of g_ampa. Default 1. */
  tau?: number;
}

/**
 * CompNeuroPy's `IntegratorNeuronSimple` (ANNarchy name `integrator_neuron_simple`): a
 * rate-coded neuron (`r = 0`) whose `g_ampa` integrates incoming spikes and decays with `tau`;
 * use it in a stop condition such as `'g_ampa>=5 : any'`.
 *
 * @example
 * ```ts
 * const integ = new Population(10, new IntegratorNeuronSimple({ tau: 1 }),
 *   { name: 'integrator_neurons', stopCondition: 'g_ampa>=5 : any' });
 * ```
 */
export class IntegratorNeuronSimple extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: IntegratorNeuronSimpleOptions = {}) {
    const o = resolveOptions('IntegratorNeuronSimple', opts, { tau: 1 });
    super({
      parameters: `
            tau = ${fmt(o.tau)} : population
            neuron_id = 0
        `,
      equations: `
                dg_ampa/dt = - g_ampa / tau
                r = 0
            `,
      name: 'integrator_neuron_simple',
      description: `
                Integrator Neuron, which integrates incoming spikes with value g_ampa,
                which can be used as a stop condition
            `,
    });
    IntegratorNeuronSimple.instantiated.push(true);
  }
}

/**
 * Options of {@link PoissonNeuron}.
 *
 * @example
 * ```ts
 * new PoissonNeuron({ rates: 20 } satisfies PoissonNeuronOptions);
 * ```
 */
export interface PoissonNeuronOptions {
  /** Mean firing rate in Hz (per-neuron parameter). Default 0. */
  rates?: number;
}

/**
 * CompNeuroPy's `PoissonNeuron` (ANNarchy name `poisson_neuron`): fires with probability
 * `rates*dt/1000` per step (`p = Uniform(0.0, 1.0) * 1000.0 / dt`, spike `p <= rates`,
 * reset `p = 0.0`). `rates` is per-neuron.
 *
 * @example
 * ```ts
 * const inp = new Population(100, new PoissonNeuron({ rates: 20 }), 'input');
 * ```
 */
export class PoissonNeuron extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: PoissonNeuronOptions = {}) {
    const o = resolveOptions('PoissonNeuron', opts, { rates: 0 });
    super({
      parameters: `
            rates = ${fmt(o.rates)}
        `,
      equations: `
                p = Uniform(0.0, 1.0) * 1000.0 / dt
            `,
      spike: `
                p <= rates
            `,
      reset: `
                p = 0.0
            `,
      name: 'poisson_neuron',
      description: `
                Poisson neuron whose rate can be specified and is reached instantaneous.
            `,
    });
    PoissonNeuron.instantiated.push(true);
  }
}

/**
 * Options of {@link PoissonNeuronUpDown}.
 *
 * @example
 * ```ts
 * new PoissonNeuronUpDown({ rates: 40, tau_up: 10, tau_down: 50 } satisfies PoissonNeuronUpDownOptions);
 * ```
 */
export interface PoissonNeuronUpDownOptions {
  /** Target firing rate in Hz. Default 0. */
  rates?: number;
  /** Time constant in ms while the rate rises. Default 1. */
  tau_up?: number;
  /** Time constant in ms while the rate falls. Default 1. */
  tau_down?: number;
}

/**
 * CompNeuroPy's `PoissonNeuronUpDown` (ANNarchy name `poisson_neuron_up_down`): a Poisson
 * neuron whose actual rate `act` approaches `rates` with `tau_up` (rising) or `tau_down`
 * (falling); spike `p <= act`. All parameters are per-neuron.
 *
 * @example
 * ```ts
 * const cor = new Population(100, new PoissonNeuronUpDown({ rates: 0, tau_up: 10, tau_down: 50 }), 'cor_go');
 * cor.rates = 40; // ramps up with tau_up
 * ```
 */
export class PoissonNeuronUpDown extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: PoissonNeuronUpDownOptions = {}) {
    const o = resolveOptions('PoissonNeuronUpDown', opts, { rates: 0, tau_up: 1, tau_down: 1 });
    super({
      parameters: `
            rates = ${fmt(o.rates)}
            tau_up = ${fmt(o.tau_up)}
            tau_down = ${fmt(o.tau_down)}
        `,
      equations: `
                p = Uniform(0.0, 1.0) * 1000.0 / dt
                dact/dt = if (rates - act) > 0:
                              (rates - act) / tau_up
                          else:
                              (rates - act) / tau_down
            `,
      spike: `
                p <= act
            `,
      reset: `
                p = 0.0
            `,
      name: 'poisson_neuron_up_down',
      description: `Poisson neuron whose rate can be specified and is reached
                with time constants tau_up and tau_down.
            `,
    });
    PoissonNeuronUpDown.instantiated.push(true);
  }
}

/**
 * Options of {@link PoissonNeuronSin}.
 *
 * @example
 * ```ts
 * new PoissonNeuronSin({ amplitude: 10, base: 20, frequency: 5, phase: 0 } satisfies PoissonNeuronSinOptions);
 * ```
 */
export interface PoissonNeuronSinOptions {
  /** Amplitude of the rate's sine (Hz). Default 0. */
  amplitude?: number;
  /** Offset of the rate (Hz). Default 0. */
  base?: number;
  /** Frequency of the sine (Hz). Default 0. */
  frequency?: number;
  /** Phase of the sine (s). Default 0. */
  phase?: number;
}

/**
 * CompNeuroPy's `PoissonNeuronSin` (ANNarchy name `poisson_neuron_sin`): a Poisson neuron with
 * rate `amplitude * sin((2*pi*frequency)*(t/1000-phase)) + base`. All parameters per-neuron.
 *
 * @example
 * ```ts
 * const cor = new Population(100, new PoissonNeuronSin({ amplitude: 10, base: 20, frequency: 5 }), 'cor_go');
 * ```
 */
export class PoissonNeuronSin extends Neuron {
  /** CompNeuroPy's reporting list: one `true` per construction. */
  static readonly instantiated: boolean[] = [];

  constructor(opts: PoissonNeuronSinOptions = {}) {
    const o = resolveOptions('PoissonNeuronSin', opts, { amplitude: 0, base: 0, frequency: 0, phase: 0 });
    super({
      parameters: `
            amplitude = ${fmt(o.amplitude)}
            base = ${fmt(o.base)}
            frequency = ${fmt(o.frequency)}
            phase = ${fmt(o.phase)}
        `,
      equations: `
                rates = amplitude * sin((2*pi*frequency)*(t/1000-phase)) + base
                p     = Uniform(0.0, 1.0) * 1000.0 / dt
            `,
      spike: `
                p <= rates
            `,
      reset: `
                p = 0.0
            `,
      name: 'poisson_neuron_sin',
      description: 'Poisson neuron whose rate varies with a sinus function.',
    });
    PoissonNeuronSin.instantiated.push(true);
  }
}

/**
 * CompNeuroPy's module-level instance `integrator_neuron` (`IntegratorNeuron()`).
 *
 * @example
 * ```ts
 * new Population(1, integratorNeuron, { name: 'integrator_go', stopCondition: 'decision>=0 : any' });
 * ```
 */
export const integratorNeuron = new IntegratorNeuron();

/**
 * CompNeuroPy's module-level instance `integrator_neuron_simple` (`IntegratorNeuronSimple()`).
 *
 * @example
 * ```ts
 * new Population(1, integratorNeuronSimple, 'integrator');
 * ```
 */
export const integratorNeuronSimple = new IntegratorNeuronSimple();

/**
 * CompNeuroPy's module-level instance `poisson_neuron` (`PoissonNeuron()`, rates 0).
 *
 * @example
 * ```ts
 * const inp = new Population(100, poissonNeuron, 'input');
 * inp.rates = 50;
 * ```
 */
export const poissonNeuron = new PoissonNeuron();

/**
 * CompNeuroPy's module-level instance `poisson_neuron_up_down` (`PoissonNeuronUpDown()`).
 *
 * @example
 * ```ts
 * const cor = new Population(100, poissonNeuronUpDown, 'cor_go');
 * ```
 */
export const poissonNeuronUpDown = new PoissonNeuronUpDown();

/**
 * CompNeuroPy's module-level instance `poisson_neuron_sin` (`PoissonNeuronSin()`).
 *
 * @example
 * ```ts
 * const cor = new Population(100, poissonNeuronSin, 'cor_go');
 * ```
 */
export const poissonNeuronSin = new PoissonNeuronSin();
