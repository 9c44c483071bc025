/**
 * Tree-structured Parzen Estimator over independent uniform parameters, after hyperopt's
 * `tpe.suggest` defaults (Bergstra et al. 2011): 20 random start-up trials, gamma 0.25,
 * 24 candidates drawn from the good-trials density l(x), the one maximising l(x)/g(x) chosen,
 * adaptive Parzen windows with the uniform prior as one component. Written here because no
 * maintained npm package implements TPE (npm's `hyperparameters` has random and grid search only).
 */
import { NumpyRandomState } from '../engine/random/numpy-legacy.js';

/** Options of {@link tpeMinimize}. */
export interface TpeOptions {
  lower: readonly number[];
  upper: readonly number[];
  maxEvals: number;
  rng?: NumpyRandomState;
  seed?: number;
  nStartupJobs?: number;
  gamma?: number;
  nEiCandidates?: number;
}

interface Parzen {
  mus: number[];
  sigmas: number[];
  weights: number[];
}

/** hyperopt's adaptive Parzen estimator for one uniform dimension (prior at the centre). */
function parzen(obs: number[], lo: number, hi: number): Parzen {
  const priorMu = 0.5 * (lo + hi);
  const priorSigma = hi - lo;
  const mus = [...obs, priorMu].sort((a, b) => a - b);
  // hyperopt: the larger neighbour distance; the two ends use their one neighbour
  const sigmas = mus.map((m, i) => {
    if (mus.length === 1) return priorSigma;
    if (i === 0) return mus[1]! - m;
    if (i === mus.length - 1) return m - mus[i - 1]!;
    return Math.max(m - mus[i - 1]!, mus[i + 1]! - m);
  });
  const minSigma = priorSigma / Math.min(100, 1 + mus.length);
  const priorPos = mus.indexOf(priorMu);
  const clipped = mus.map((_, i) => (i === priorPos ? priorSigma : Math.min(priorSigma, Math.max(minSigma, sigmas[i]!))));
  const w = mus.map(() => 1 / mus.length);
  return { mus, sigmas: clipped, weights: w };
}

const SQRT2 = Math.SQRT2;
function erf(x: number): number {
  // Numerical Recipes' erfc approximation (relative error < 1.2e-7): enough to rank candidates
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y = 1 - t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? y : -y;
}
const cdf = (x: number, mu: number, s: number) => 0.5 * (1 + erf((x - mu) / (s * SQRT2)));

/** log density of the truncated Gaussian mixture at x. */
function logPdf(p: Parzen, x: number, lo: number, hi: number): number {
  let d = 0;
  for (let i = 0; i < p.mus.length; i++) {
    const mu = p.mus[i]!;
    const s = p.sigmas[i]!;
    const mass = cdf(hi, mu, s) - cdf(lo, mu, s);
    d += (p.weights[i]! * Math.exp(-0.5 * ((x - mu) / s) ** 2)) / (s * Math.sqrt(2 * Math.PI) * mass);
  }
  return Math.log(d);
}

function sample(p: Parzen, lo: number, hi: number, rng: NumpyRandomState): number {
  const u = rng.randomSample() as number;
  let acc = 0;
  let k = p.mus.length - 1;
  for (let i = 0; i < p.mus.length; i++) {
    acc += p.weights[i]!;
    if (u < acc) {
      k = i;
      break;
    }
  }
  for (;;) {
    const x = (p.mus[k]! + p.sigmas[k]! * (rng.standardNormal() as number));
    if (x >= lo && x <= hi) return x;
  }
}

/**
 * Minimises `f` over the box with TPE; `f` may be asynchronous.
 *
 * @example
 * ```ts
 * const { best } = await tpeMinimize((x) => (x[0] - 1) ** 2, { lower: [-5], upper: [5], maxEvals: 100, seed: 0 });
 * ```
 */
export async function tpeMinimize(
  f: (x: number[]) => number | Promise<number>,
  options: TpeOptions,
): Promise<{ best: number[]; bestLoss: number; trials: { x: number[]; loss: number }[] }> {
  const { lower, upper, maxEvals } = options;
  const rng = options.rng ?? new NumpyRandomState(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const nStartup = options.nStartupJobs ?? 20;
  const gamma = options.gamma ?? 0.25;
  const nCand = options.nEiCandidates ?? 24;
  const d = lower.length;
  const trials: { x: number[]; loss: number }[] = [];
  for (let t = 0; t < maxEvals; t++) {
    let x: number[];
    if (trials.length < nStartup) {
      x = lower.map((lo, j) => lo + (upper[j]! - lo) * (rng.randomSample() as number));
    } else {
      const sorted = [...trials].sort((a, b) => a.loss - b.loss);
      const nBelow = Math.min(Math.ceil(gamma * Math.sqrt(trials.length)), 25);
      const below = sorted.slice(0, nBelow);
      const above = sorted.slice(nBelow);
      x = [];
      for (let j = 0; j < d; j++) {
        const lo = lower[j]!;
        const hi = upper[j]!;
        const l = parzen(below.map((b) => b.x[j]!), lo, hi);
        const g = parzen(above.map((b) => b.x[j]!), lo, hi);
        let bestX = lo;
        let bestScore = -Infinity;
        for (let c = 0; c < nCand; c++) {
          const xc = sample(l, lo, hi, rng);
          const score = logPdf(l, xc, lo, hi) - logPdf(g, xc, lo, hi);
          if (score > bestScore) {
            bestScore = score;
            bestX = xc;
          }
        }
        x.push(bestX);
      }
    }
    const loss = await f(x);
    if (typeof loss !== 'number' || Number.isNaN(loss)) throw new Error(`hyperopt (TPE): the loss of trial ${t} (${x.join(', ')}) is ${String(loss)}, expected a number`);
    trials.push({ x, loss });
  }
  const best = trials.reduce((a, b) => (b.loss < a.loss ? b : a));
  return { best: best.x, bestLoss: best.loss, trials };
}
