/**
 * `cmaes.get_warm_start_mgd` (the `cmaes` package, MIT, CyberAgent; Nomura et al. 2021,
 * arXiv:2012.06932): the mean, step size and covariance of a promising Gaussian estimated from
 * the best solutions of a source task. DeapCma calls it with gamma = 1.
 */
import type * as MlMatrix from 'ml-matrix';
import { lazyModule } from '../language/lazy-module.js';

// loaded on first use, not with the package
const mlMatrix = lazyModule('ml-matrix', (require) => require('ml-matrix') as typeof MlMatrix);

/** A source solution: parameters (scaled) and their loss. */
export type SourceSolution = readonly [ArrayLike<number>, number];

/**
 * Warm-start distribution from source solutions.
 *
 * @example
 * ```ts
 * const { mean, sigma, cov } = getWarmStartMgd([[[0.1, 0.2], 1.5], [[0.3, 0.1], 0.7]], 1);
 * ```
 */
export function getWarmStartMgd(sourceSolutions: readonly SourceSolution[], gamma = 0.1, alpha = 0.1): { mean: Float64Array; sigma: number; cov: number[][] } {
  if (!(gamma > 0 && gamma <= 1)) throw new Error('get_warm_start_mgd: gamma should be in (0, 1]');
  if (sourceSolutions.length === 0) throw new Error('get_warm_start_mgd: solutions should contain one or more items.');
  const sorted = sourceSolutions.map((s, i) => ({ s, i })).sort((a, b) => a.s[1] - b.s[1] || a.i - b.i).map((e) => e.s);
  const gammaN = Math.floor(sorted.length * gamma);
  if (gammaN < 1) throw new Error('get_warm_start_mgd: One or more solutions must be selected from a source task');
  const dim = sorted[0]![0].length;
  const top = sorted.slice(0, gammaN).map((s, k) => {
    if (s[0].length !== dim) throw new Error(`get_warm_start_mgd: source solution ${k} has ${s[0].length} parameters, expected ${dim}`);
    return Array.from(s[0]);
  });
  const { Matrix, determinant } = mlMatrix();
  const cov = Matrix.zeros(dim, dim);
  const mean = new Float64Array(dim);
  for (const x of top) {
    for (let i = 0; i < dim; i++) {
      mean[i] = mean[i]! + x[i]!;
      for (let j = 0; j < dim; j++) cov.set(i, j, cov.get(i, j) + x[i]! * x[j]!);
    }
  }
  for (let i = 0; i < dim; i++) mean[i] = mean[i]! / gammaN;
  // Sigma = alpha^2 I + E[x x^T] - mu mu^T
  const Sigma = new Matrix(dim, dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) {
    Sigma.set(i, j, (i === j ? alpha ** 2 : 0) + cov.get(i, j) / gammaN - mean[i]! * mean[j]!);
  }
  const det = determinant(Sigma);
  const sigma = Math.pow(det, 1 / 2 / dim);
  const scale = Math.pow(det, 1 / dim);
  return { mean, sigma, cov: Sigma.to2DArray().map((r) => r.map((v) => v / scale)) };
}
