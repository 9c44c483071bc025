/**
 * ANNarchy 4.7.3's Python-side random distributions (`ANNarchy/core/Random.py`), used to
 * initialise attributes (`pop.v = Normal(-60, 5)`) and projection weights/delays. In 4.7.3 they
 * draw from numpy's legacy global generator, here an explicit {@link NumpyRandomState}.
 * Values are clipped exactly as ANNarchy does: `data[data < min] = min`, then
 * `data[data > max] = max`.
 */
import type { NumpyRandomState } from './numpy-legacy.js';
import { RANDOM_DISTRIBUTIONS } from '../../language/builtin-functions.js';

/** Number of arguments of each distribution when used inside equations (`distributions_arguments`). */
export const distributionsArguments: Readonly<Record<string, number>> = Object.freeze({ ...RANDOM_DISTRIBUTIONS });

/** The C++ class each equation-side distribution maps to (`distributions_equivalents`). */
export const distributionsEquivalents: Readonly<Record<string, string>> = Object.freeze({
  Uniform: 'std::uniform_real_distribution< %(float_prec)s >',
  DiscreteUniform: 'std::uniform_int_distribution<int>',
  Normal: 'std::normal_distribution< %(float_prec)s >',
  LogNormal: 'std::lognormal_distribution< %(float_prec)s >',
  Exponential: 'std::exponential_distribution< %(float_prec)s >',
  Gamma: 'std::gamma_distribution< %(float_prec)s >',
  Binomial: 'std::binomial_distribution<int>',
});

/** Names of the available distributions (`available_distributions`). */
export const availableDistributions: readonly string[] = Object.freeze(Object.keys(distributionsArguments));

/**
 * Optional clipping bounds (Python keyword arguments `min=`, `max=`).
 *
 * @example
 * ```ts
 * const o: BoundsOptions = { min: 0, max: 1 };
 * new Normal(0.5, 0.2, o);
 * ```
 */
export interface BoundsOptions {
  readonly min?: number | null;
  readonly max?: number | null;
}

/**
 * A shape as numpy takes it: a length or a tuple of dimensions (values are returned flat).
 *
 * @example
 * ```ts
 * const s: Shape = [10, 2];
 * new Uniform(0, 1).getValues(s, new NumpyRandomState(42));
 * ```
 */
export type Shape = number | readonly number[];

function shapeSize(shape: Shape, where: string): number {
  const dims = typeof shape === 'number' ? [shape] : shape;
  let n = 1;
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0) {
      throw new Error(`${where}: shape must be a non-negative integer or a list of them, got ${JSON.stringify(shape)}`);
    }
    n *= d;
  }
  return n;
}

function checkArg(cls: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new Error(`${cls}: ${name} must be a number, got ${String(v)}`);
  }
  return v;
}

function optBound(cls: string, name: string, v: number | null | undefined): number | null {
  if (v === undefined || v === null) return null;
  return checkArg(cls, name, v);
}

/** Accepts Python's positional `(min, max)` or an options object `{ min, max }`. */
function parseBounds(
  cls: string,
  minOrOptions: number | null | BoundsOptions | undefined,
  max: number | null | undefined,
): [number | null, number | null] {
  if (minOrOptions !== null && typeof minOrOptions === 'object') {
    return [optBound(cls, 'min', minOrOptions.min), optBound(cls, 'max', minOrOptions.max)];
  }
  return [optBound(cls, 'min', minOrOptions), optBound(cls, 'max', max)];
}

function clip(data: Float64Array, min: number | null, max: number | null): Float64Array {
  if (min !== null) for (let i = 0; i < data.length; i++) if (data[i]! < min) data[i] = min;
  if (max !== null) for (let i = 0; i < data.length; i++) if (data[i]! > max) data[i] = max;
  return data;
}

function fmt(v: number | null): string {
  return String(v);
}

/**
 * Base class of ANNarchy's random distributions.
 *
 * @example
 * const d: RandomDistribution = new Uniform(0, 1);
 * d.getValues(10, new NumpyRandomState(42));
 */
export abstract class RandomDistribution {
  /** Draws `prod(shape)` values (flat, C order) from the numpy legacy generator. */
  abstract getValues(shape: Shape, rng: NumpyRandomState): Float64Array;

  /** `get_list_values(size)`: the values as a plain array. @example d.getListValues(3, rng); */
  getListValues(size: number, rng: NumpyRandomState): number[] {
    return Array.from(this.getValues(size, rng));
  }

  /** `get_value()`: one value (`get_values(1)[0]`). @example d.getValue(rng); */
  getValue(rng: NumpyRandomState): number {
    return this.getValues(1, rng)[0]!;
  }

  /** `keywords()`: the available distribution names. @example d.keywords(); */
  keywords(): readonly string[] {
    return availableDistributions;
  }

  /** LaTeX form used by ANNarchy's report. @example new Uniform(0, 1).latex(); // '$\\mathcal{U}$(0, 1)' */
  latex(): string {
    return '?';
  }

  /**
   * Arguments of the equivalent C++ distribution (`get_cpp_args`); like 4.7.3 only Uniform,
   * Normal, LogNormal and Binomial define it.
   *
   * @example
   * new Normal(0, 1).getCppArgs(); // [0, 1]
   */
  getCppArgs(): number[] {
    throw new Error(`${this.constructor.name}.getCppArgs: not implemented for this distribution (as in ANNarchy 4.7.3)`);
  }
}

/**
 * Uniform distribution between `min` and `max` (`np.random.uniform(min, max, shape)`).
 *
 * @example
 * new Uniform(-1, 1).getValues(5, new NumpyRandomState(0));
 */
export class Uniform extends RandomDistribution {
  readonly min: number;
  readonly max: number;
  constructor(min: number, max: number) {
    super();
    this.min = checkArg('Uniform', 'min', min);
    this.max = checkArg('Uniform', 'max', max);
  }
  getValues(shape: Shape, rng: NumpyRandomState): Float64Array {
    return rng.uniform(this.min, this.max, shapeSize(shape, 'Uniform.getValues'));
  }
  override latex(): string {
    return `$\\mathcal{U}$(${fmt(this.min)}, ${fmt(this.max)})`;
  }
  override getCppArgs(): number[] {
    return [this.min, this.max];
  }
  override toString(): string {
    return `Uniform(${fmt(this.min)}, ${fmt(this.max)})`;
  }
}

/**
 * Discrete uniform integers in [min, max] (`np.random.randint(min, max + 1, shape)`).
 *
 * @example
 * new DiscreteUniform(1, 6).getValues(10, new NumpyRandomState(0));
 */
export class DiscreteUniform extends RandomDistribution {
  readonly min: number;
  readonly max: number;
  constructor(min: number, max: number) {
    super();
    this.min = checkArg('DiscreteUniform', 'min', min);
    this.max = checkArg('DiscreteUniform', 'max', max);
    if (!Number.isInteger(min) || !Number.isInteger(max)) {
      throw new Error(`DiscreteUniform: min and max must be integers, got ${min}, ${max}`);
    }
  }
  getValues(shape: Shape, rng: NumpyRandomState): Float64Array {
    // randint draws from the half-open interval [min, max)
    return rng.randint(this.min, this.max + 1, shapeSize(shape, 'DiscreteUniform.getValues'));
  }
  override latex(): string {
    return `$\\mathcal{U}$(${fmt(this.min)}, ${fmt(this.max)})`;
  }
  override toString(): string {
    return `DiscreteUniform(${fmt(this.min)}, ${fmt(this.max)})`;
  }
}

function boundsText(min: number | null, max: number | null): string {
  return (min !== null ? `, min=${fmt(min)}` : '') + (max !== null ? `, max=${fmt(max)}` : '');
}

/**
 * Normal distribution, optionally clipped (`np.random.normal(mu, sigma, shape)`).
 *
 * @example
 * new Normal(-60, 5, -70, -50).getValues(100, new NumpyRandomState(1));
 * new Normal(0, 1, { min: 0 });
 */
export class Normal extends RandomDistribution {
  readonly mu: number;
  readonly sigma: number;
  readonly min: number | null;
  readonly max: number | null;
  constructor(mu: number, sigma: number, min?: number | null | BoundsOptions, max?: number | null) {
    super();
    this.mu = checkArg('Normal', 'mu', mu);
    this.sigma = checkArg('Normal', 'sigma', sigma);
    if (sigma < 0.0) throw new Error('Normal: the standard deviation sigma should be positive.');
    [this.min, this.max] = parseBounds('Normal', min, max);
  }
  getValues(shape: Shape, rng: NumpyRandomState): Float64Array {
    return clip(rng.normal(this.mu, this.sigma, shapeSize(shape, 'Normal.getValues')), this.min, this.max);
  }
  override latex(): string {
    return `$\\mathcal{N}$(${fmt(this.mu)}, ${fmt(this.sigma)})`;
  }
  override getCppArgs(): number[] {
    return [this.mu, this.sigma];
  }
  override toString(): string {
    return `Normal(${fmt(this.mu)}, ${fmt(this.sigma)}${boundsText(this.min, this.max)})`;
  }
}

/**
 * Log-normal distribution, optionally clipped (`np.random.lognormal(mu, sigma, shape)`).
 *
 * @example
 * new LogNormal(0, 1, { max: 3 }).getValues(10, new NumpyRandomState(1));
 */
export class LogNormal extends RandomDistribution {
  readonly mu: number;
  readonly sigma: number;
  readonly min: number | null;
  readonly max: number | null;
  constructor(mu: number, sigma: number, min?: number | null | BoundsOptions, max?: number | null) {
    super();
    this.mu = checkArg('LogNormal', 'mu', mu);
    this.sigma = checkArg('LogNormal', 'sigma', sigma);
    if (sigma < 0.0) throw new Error('LogNormal: the standard deviation sigma should be positive.');
    [this.min, this.max] = parseBounds('LogNormal', min, max);
  }
  getValues(shape: Shape, rng: NumpyRandomState): Float64Array {
    return clip(rng.lognormal(this.mu, this.sigma, shapeSize(shape, 'LogNormal.getValues')), this.min, this.max);
  }
  override latex(): string {
    return `$\\ln\\mathcal{N}$(${fmt(this.mu)}, ${fmt(this.sigma)})`;
  }
  override getCppArgs(): number[] {
    return [this.mu, this.sigma];
  }
  override toString(): string {
    return `LogNormal(${fmt(this.mu)}, ${fmt(this.sigma)}${boundsText(this.min, this.max)})`;
  }
}

/**
 * Exponential distribution, optionally clipped. As in ANNarchy 4.7.3 the Python side calls
 * `np.random.exponential(Lambda, shape)`, so `Lambda` acts as the *scale* (mean Lambda), while
 * the equation form `Exponential(lambda)` uses the C++ *rate* (mean 1/lambda).
 *
 * @example
 * new Exponential(2.0, { min: 0.5 }).getValues(10, new NumpyRandomState(1)); // mean about 2
 */
export class Exponential extends RandomDistribution {
  readonly Lambda: number;
  readonly min: number | null;
  readonly max: number | null;
  constructor(Lambda: number, min?: number | null | BoundsOptions, max?: number | null) {
    super();
    this.Lambda = checkArg('Exponential', 'Lambda', Lambda);
    if (Lambda < 0.0) throw new Error('Exponential: the rate parameter Lambda should be positive.');
    [this.min, this.max] = parseBounds('Exponential', min, max);
  }
  getValues(shape: Shape, rng: NumpyRandomState): Float64Array {
    return clip(rng.exponential(this.Lambda, shapeSize(shape, 'Exponential.getValues')), this.min, this.max);
  }
  override latex(): string {
    return `$\\exp$(${fmt(this.Lambda)})`;
  }
  override toString(): string {
    return `Exponential(${fmt(this.Lambda)}${boundsText(this.min, this.max)})`;
  }
}

/**
 * Options of {@link Gamma}: clipping bounds, and Python's unused positional `seed`.
 *
 * @example
 * ```ts
 * const o: GammaOptions = { max: 10 };
 * new Gamma(2.0, 1.0, o);
 * ```
 */
export interface GammaOptions extends BoundsOptions {
  /** Accepted and ignored, as in ANNarchy 4.7.3 (`Gamma(alpha, beta=1.0, seed=-1, ...)`). */
  readonly seed?: number;
}

/**
 * Gamma distribution with shape `alpha` and scale `beta`, optionally clipped
 * (`np.random.gamma(alpha, beta, shape)`).
 *
 * @example
 * new Gamma(2.0, 0.5, { min: 0.2, max: 2 }).getValues(10, new NumpyRandomState(1));
 */
export class Gamma extends RandomDistribution {
  readonly alpha: number;
  readonly beta: number;
  readonly min: number | null;
  readonly max: number | null;
  constructor(alpha: number, beta = 1.0, options: GammaOptions = {}) {
    super();
    this.alpha = checkArg('Gamma', 'alpha', alpha);
    this.beta = checkArg('Gamma', 'beta', beta);
    if (options === null || typeof options !== 'object') {
      throw new Error(`Gamma: the third argument must be an options object { min, max, seed }, got ${String(options)}`);
    }
    [this.min, this.max] = parseBounds('Gamma', options, undefined);
  }
  getValues(shape: Shape, rng: NumpyRandomState): Float64Array {
    return clip(rng.gamma(this.alpha, this.beta, shapeSize(shape, 'Gamma.getValues')), this.min, this.max);
  }
  override latex(): string {
    return `$\\Gamma$(${fmt(this.alpha)}, ${fmt(this.beta)})`;
  }
  override toString(): string {
    return `Gamma(${fmt(this.alpha)}, ${fmt(this.beta)}${boundsText(this.min, this.max)})`;
  }
}

/**
 * Binomial distribution: successes over `n` trials of probability `p`
 * (`np.random.binomial(n, p, size=shape)`).
 *
 * @example
 * new Binomial(10, 0.3).getValues(5, new NumpyRandomState(1));
 */
export class Binomial extends RandomDistribution {
  readonly n: number;
  readonly p: number;
  constructor(n: number, p: number) {
    super();
    this.n = checkArg('Binomial', 'n', n);
    this.p = checkArg('Binomial', 'p', p);
  }
  getValues(shape: Shape, rng: NumpyRandomState): Float64Array {
    return rng.binomial(this.n, this.p, shapeSize(shape, 'Binomial.getValues'));
  }
  override latex(): string {
    return `$\\mathcal{B}$(${fmt(this.n)}, ${fmt(this.p)})`;
  }
  override getCppArgs(): number[] {
    return [this.n, this.p];
  }
  override toString(): string {
    return `Binomial(${fmt(this.n)}, ${fmt(this.p)})`;
  }
}
