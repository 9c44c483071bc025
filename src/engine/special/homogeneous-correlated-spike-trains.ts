import { lazyModule } from '../../language/lazy-module.js';

// @stdlib's erf pulls in a few dozen tiny packages: loaded when this population is first built
const erfModule = lazyModule('@stdlib/math-base-special-erf', (require) => require('@stdlib/math-base-special-erf') as (x: number) => number);
const erf = (x: number): number => erfModule()(x);
import { Neuron } from '../../language/neuron.js';
import { pyFloat } from '../../language/python-float.js';
import type { Network } from '../network.js';
import type { Geometry } from '../population.js';
import { ScheduledPopulation } from './scheduled-population.js';

/** Options of {@link HomogeneousCorrelatedSpikeTrains} (ANNarchy's keyword arguments). */
export interface HomogeneousCorrelatedSpikeTrainsOptions {
  /** Rate in Hz, or one rate per schedule time. */
  rates: number | readonly number[];
  /** Total correlation strength in [0, 1], or one per schedule time. */
  corr: number | readonly number[];
  /** Correlation time constant in ms. */
  tau: number;
  /** Times in ms at which rates and corr change (needs lists of rates). */
  schedule?: readonly number[];
  /** Cycle length in ms (-1, the default: no cycling). */
  period?: number;
  name?: string;
  network?: Network;
}

const SQRT_2PI = (2.0 * Math.PI) ** 0.5;

/** Mean and standard deviation of a rectified Gaussian (Brian's formula, used by ANNarchy). */
function rectifiedGaussian(mu: number, sigma: number): [number, number] {
  const a = 1.0 + erf(mu / (sigma * (2 ** 0.5)));
  const mur = (sigma / SQRT_2PI) * Math.exp(-0.5 * (mu / sigma) ** 2) + 0.5 * mu * a;
  const sigmar = ((mu - mur) * mur + 0.5 * sigma ** 2 * a) ** 0.5;
  return [mur, sigmar];
}

/**
 * `scipy.optimize.newton(f, x0)` without a derivative: the secant method as scipy implements it
 * (second point `x0*(1+1e-4) ± 1e-4`, the better point kept last, stop when a step moves less
 * than 1.48e-8, at most 50 iterations).
 */
function secant(f: (x: number) => number, x0: number): number {
  const tol = 1.48e-8;
  let p0 = x0;
  let p1 = x0 >= 0 ? x0 * (1 + 1e-4) + 1e-4 : x0 * (1 + 1e-4) - 1e-4;
  let q0 = f(p0);
  let q1 = f(p1);
  if (Math.abs(q1) < Math.abs(q0)) [p0, p1, q0, q1] = [p1, p0, q1, q0];
  for (let itr = 0; itr < 50; itr++) {
    let p: number;
    if (q1 === q0) return (p1 + p0) / 2.0;
    if (Math.abs(q1) > Math.abs(q0)) p = (-q0 / q1 * p1 + p0) / (1 - q0 / q1);
    else p = (-q1 / q0 * p0 + p1) / (1 - q1 / q0);
    if (Math.abs(p - p1) <= tol) return p;
    [p0, q0] = [p1, q1];
    p1 = p;
    q1 = f(p1);
  }
  throw new Error(`HomogeneousCorrelatedSpikeTrains: the correction of mu and sigma did not converge (after 50 secant iterations from ${x0})`);
}

/**
 * ANNarchy's `_rectify(mu, corr, tau)`: mu and sigma of the Ornstein-Uhlenbeck rate such that,
 * rectified, its mean is `rate` and its variance gives the correlation `corr`.
 *
 * @example
 * ```ts
 * const [mu, sigma] = rectify(10, 0.3, 10);
 * ```
 */
export function rectify(rate: number, corr: number, tau: number): [number, number] {
  const mur = rate;
  const sigmar = (corr * rate / (2.0 * tau / 1000.0)) ** 0.5;
  if (sigmar === 0 * sigmar) return [mur, sigmar];
  const x0 = mur / sigmar;
  const f = (x: number) => {
    const [m, s] = rectifiedGaussian(x, 1.0);
    return m / s - x0;
  };
  const y = secant(f, x0 * 1.1);
  const newSigma = mur / (Math.exp(-0.5 * y ** 2) / SQRT_2PI + 0.5 * y * (1.0 + erf(y * (2 ** -0.5))));
  return [y * newSigma, newSigma];
}

/**
 * Homogeneous correlated spike trains (ANNarchy 4.7.3 `HomogeneousCorrelatedSpikeTrains`,
 * after Brette 2009): a population-wide Ornstein-Uhlenbeck rate `x` (`mu`, `sigma` corrected by
 * {@link rectify}) drives Poisson spikes `p < x`; with a `schedule`, `rates` and `corr` are lists
 * and mu/sigma switch at those times. The neuron strings are ANNarchy's; the update uses
 * ANNarchy's own arithmetic (`x += dt*(mu - x)/tau + rand_0*sigma*sqrt(dt/tau)`,
 * `p = (1000.0/dt) * rand_1`).
 *
 * @example
 * ```ts
 * const pop = new HomogeneousCorrelatedSpikeTrains(200, { rates: 10, corr: 0.3, tau: 10 });
 * ```
 */
export class HomogeneousCorrelatedSpikeTrains extends ScheduledPopulation {
  /** Rates (Hz) per schedule time. */
  readonly rates: readonly number[];
  /** Correlations per schedule time. */
  readonly corr: readonly number[];
  /** Corrected mu and sigma per schedule time. */
  readonly muList: readonly number[];
  readonly sigmaList: readonly number[];
  private readonly scheduleMs: number[];
  private readonly periodMs: number;
  private readonly hasSchedule: boolean;

  constructor(geometry: Geometry, o: HomogeneousCorrelatedSpikeTrainsOptions) {
    const where = 'HomogeneousCorrelatedSpikeTrains';
    if (o === null || typeof o !== 'object') throw new Error(`${where}: expected an options object { rates, corr, tau, schedule, period }`);
    for (const k of Object.keys(o)) {
      if (!['rates', 'corr', 'tau', 'schedule', 'period', 'name', 'network'].includes(k)) {
        throw new Error(`${where}: unknown option "${k}"${k === 'refractory' ? ' (a refractory period is not supported)' : ''}; expected rates, corr, tau, schedule, period, name or network`);
      }
    }
    const num = (x: unknown, what: string) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${where}: ${what} must be a finite number, got ${String(x)}`);
      return x;
    };
    const tau = num(o.tau, 'tau');
    let rates: number[];
    let corr: number[];
    let schedule: number[];
    const hasSchedule = o.schedule !== undefined;
    if (hasSchedule) {
      if (!Array.isArray(o.rates)) throw new Error(`${where}: with a schedule, rates must be a list`);
      rates = o.rates.map((r, k) => num(r, `rates[${k}]`));
      schedule = (o.schedule as unknown[]).map((s, k) => num(s, `schedule[${k}]`));
      if (rates.length !== schedule.length) throw new Error(`${where}: the length of rates (${rates.length}) must be the same as for schedule (${schedule.length})`);
      corr = Array.isArray(o.corr) ? o.corr.map((c, k) => num(c, `corr[${k}]`)) : new Array<number>(rates.length).fill(num(o.corr, 'corr'));
      if (corr.length !== rates.length) throw new Error(`${where}: corr needs one value or ${rates.length} values`);
    } else {
      rates = [num(o.rates, 'rates')];
      corr = [num(o.corr, 'corr')];
      schedule = [0.0];
    }
    const corrected = rates.map((r, k) => rectify(r, corr[k]!, tau));
    const mu = corrected.map((c) => c[0]);
    const sigma = corrected.map((c) => c[1]);
    const neuron = new Neuron({
      parameters: `
                tau = ${pyFloat(tau)} : population
                mu = ${pyFloat(mu[0]!)} : population
                sigma = ${pyFloat(sigma[0]!)} : population
            `,
      equations: `
                x += dt*(mu - x)/tau + sqrt(dt/tau) * sigma * Normal(0., 1.) : population, init=${pyFloat(mu[0]!)}
                p = Uniform(0.0, 1.0) * 1000.0 / dt
            `,
      spike: 'p < x',
      name: 'HomogeneousCorrelated',
      description: 'Homogeneous correlated spike trains.',
    });
    super(geometry, neuron, { name: o.name, network: o.network });
    this.rates = rates;
    this.corr = corr;
    this.muList = mu;
    this.sigmaList = sigma;
    this.scheduleMs = schedule;
    this.periodMs = num(o.period ?? -1, 'period');
    this.hasSchedule = hasSchedule;
  }

  override $compileInto(method: string): void {
    super.$compileInto(method);
    const S = this.$state!;
    this.cursor.set(this.scheduleMs, this.periodMs, this.network.dt);
    this.cursor.restart();
    const normal = this.$ir.randoms.find((r) => r.locality === 'global')!.name;
    const uniform = this.$ir.randoms.find((r) => r.locality !== 'global')!.name;
    const p = S.local.p!;
    const n = this.size;
    this.$leanUpdateKernel = undefined;
    this.$spikeKernel = undefined;
    // ANNarchy's update_variables template replaces the generated update (its arithmetic order)
    this.$updateKernel = (t: number) => {
      const G = S.global;
      if (this.hasSchedule) {
        const b = this.cursor.advance();
        if (b >= 0) {
          G.mu = this.muList[b]!;
          G.sigma = this.sigmaList[b]!;
        }
      }
      const dt = S.dt;
      G.x! += dt * (G.mu! - G.x!) / G.tau! + (S.rand[normal] as number) * G.sigma! * Math.sqrt(dt / G.tau!);
      const step = 1000.0 / dt;
      const rand = S.rand[uniform] as Float64Array;
      for (let i = 0; i < n; i++) p[i] = step * rand[i]!;
      this.gatherSpikes(t, p, G.x!);
    };
  }
}
