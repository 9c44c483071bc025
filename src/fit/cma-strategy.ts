/**
 * DEAP's `deap.cma.Strategy` (Hansen's (mu/mu_w, lambda)-CMA-ES as DEAP 1.4 implements it):
 * the same defaults, the same update order, the same sampling
 * `centroid + sigma * (Z @ BD.T)` with `Z = numpy.random.standard_normal((lambda_, N))` drawn
 * from numpy's legacy generator ({@link NumpyRandomState}, row by row as numpy fills it).
 *
 * No maintained CMA-ES exists on npm. The eigendecomposition is numpy's `eigh` as LAPACK
 * computes it (`eigh` of ./lapack-eigh.ts): with the same eigenvector signs and order every
 * generation samples DEAP's points, not only the first (spec/fit/cma-strategy.spec.ts follows
 * seeded DEAP runs for 60-120 generations to 1e-10; README, differences from CompNeuroPy).
 */
import type * as MlMatrix from 'ml-matrix';
import type { Matrix } from 'ml-matrix';
import { lazyModule } from '../language/lazy-module.js';
import { eigh as lapackEigh } from './lapack-eigh.js';

// loaded on first use: ml-matrix costs ~40 ms of every `import 'compneuro-rx'` otherwise
const mlMatrix = lazyModule('ml-matrix', (require) => require('ml-matrix') as typeof MlMatrix);
import { NumpyRandomState } from '../engine/random/numpy-legacy.js';
// Python's math.log/exp and numpy's log/exp call glibc: its algorithms keep the constants bit-identical
import { glibcExp, glibcLog } from '../engine/random/libm.js';

/** DEAP's `cma.Strategy` keyword parameters (the names of `cma_params_dict`). */
export interface CmaStrategyParams {
  /** Children per generation; default `int(4 + 3 * log(N))`. */
  lambda_?: number;
  /** Parents; default `int(lambda_ / 2)`. */
  mu?: number;
  /** Initial covariance matrix; default identity. */
  cmatrix?: ArrayLike<ArrayLike<number>>;
  weights?: 'superlinear' | 'linear' | 'equal';
  cs?: number;
  damps?: number;
  ccum?: number;
  ccov1?: number;
  ccovmu?: number;
}

/** Options of {@link CmaStrategy}: DEAP's parameters plus the random generator. */
export interface CmaStrategyOptions extends CmaStrategyParams {
  /** numpy legacy generator for the samples (numpy's global `np.random` in DEAP). */
  rng?: NumpyRandomState;
  /** Seed of a new generator when `rng` is not given (`np.random.seed(seed)`); default from the clock. */
  seed?: number;
}

const PARAM_KEYS = ['lambda_', 'mu', 'cmatrix', 'weights', 'cs', 'damps', 'ccum', 'ccov1', 'ccovmu'];

/** An evaluated individual handed to {@link CmaStrategy.update}: its parameters and loss (minimised). */
export interface EvaluatedIndividual {
  readonly x: ArrayLike<number>;
  readonly loss: number;
}

/**
 * Validates `cma_params_dict` keys and values, naming the culprit.
 *
 * @example
 * ```ts
 * checkCmaParams({ lambda_: 10 }, 3);   // ok
 * ```
 */
export function checkCmaParams(params: Record<string, unknown>, dim: number, who = 'cma.Strategy'): void {
  for (const [k, v] of Object.entries(params)) {
    if (k === 'rng' || k === 'seed') continue;
    if (!PARAM_KEYS.includes(k)) throw new Error(`${who}: unknown parameter "${k}"; expected one of ${PARAM_KEYS.join(', ')}`);
    if (k === 'weights') {
      if (!['superlinear', 'linear', 'equal'].includes(v as string)) throw new Error(`${who}: Unknown weights : ${String(v)} (expected "superlinear", "linear" or "equal")`);
    } else if (k === 'cmatrix') {
      const m = v as ArrayLike<ArrayLike<number>>;
      if (!m || m.length !== dim || Array.from(m).some((r) => !r || r.length !== dim)) throw new Error(`${who}: cmatrix must be a ${dim}x${dim} matrix`);
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${who}: parameter "${k}" must be a finite number, got ${String(v)}`);
    } else if ((k === 'lambda_' || k === 'mu') && (!Number.isInteger(v) || v < 1)) {
      throw new Error(`${who}: parameter "${k}" must be a positive integer, got ${v}`);
    }
  }
}

/** Eigendecomposition as DEAP uses it: eigenvalues ascending (stable argsort), `diagD = sqrt`. */
function eigh(C: Matrix): { diagD: Float64Array; B: Matrix; cond: number } {
  const { values: vals, vectors } = lapackEigh(C.to2DArray());
  const n = vals.length;
  const vecs = { get: (i: number, j: number) => vectors[i + j * n]! };
  // numpy's argsort sorts arrays this small by insertion sort: stable
  const indx = Array.from({ length: n }, (_, i) => i).sort((a, b) => vals[a]! - vals[b]! || a - b);
  const diagD = new Float64Array(n);
  const B = new (mlMatrix().Matrix)(n, n);
  for (let j = 0; j < n; j++) {
    diagD[j] = vals[indx[j]!]! ** 0.5;
    for (let i = 0; i < n; i++) B.set(i, j, vecs.get(i, indx[j]!));
  }
  return { diagD, B, cond: vals[indx[n - 1]!]! / vals[indx[0]!]! };
}

/**
 * CMA-ES strategy (`deap.cma.Strategy`): `generate()` asks for lambda candidates, `update()`
 * tells their losses (minimisation, DEAP's `FitnessMin`).
 *
 * @example
 * ```ts
 * const s = new CmaStrategy([0.5, 0.5, 0.5], 0.25, { seed: 0 });
 * for (let g = 0; g < 100; g++) {
 *   const pop = s.generate();
 *   s.update(pop.map((x) => ({ x, loss: x.reduce((a, v) => a + v * v, 0) })));
 * }
 * ```
 */
export class CmaStrategy {
  readonly params: CmaStrategyParams;
  readonly dim: number;
  readonly rng: NumpyRandomState;
  centroid: Float64Array;
  sigma: number;
  pc: Float64Array;
  ps: Float64Array;
  readonly chiN: number;
  C: Matrix;
  diagD: Float64Array;
  B: Matrix;
  BD: Matrix;
  cond: number;
  lambda_: number;
  updateCount = 0;
  mu = 0;
  weights = new Float64Array(0);
  mueff = 0;
  cc = 0;
  cs = 0;
  ccov1 = 0;
  ccovmu = 0;
  damps = 0;

  constructor(centroid: ArrayLike<number>, sigma: number, options: CmaStrategyOptions = {}) {
    if (!centroid || centroid.length < 1) throw new Error('cma.Strategy: centroid must be a non-empty list of numbers');
    for (let i = 0; i < centroid.length; i++) {
      if (typeof centroid[i] !== 'number' || !Number.isFinite(centroid[i])) throw new Error(`cma.Strategy: centroid[${i}] must be a finite number, got ${String(centroid[i])}`);
    }
    if (typeof sigma !== 'number' || !(sigma > 0) || !Number.isFinite(sigma)) throw new Error(`cma.Strategy: sigma must be a positive number, got ${String(sigma)}`);
    const { rng, seed, ...params } = options;
    this.dim = centroid.length;
    checkCmaParams(params as Record<string, unknown>, this.dim);
    this.params = params;
    this.rng = rng ?? new NumpyRandomState(seed ?? Math.floor(Math.random() * 2 ** 32));
    this.centroid = Float64Array.from(centroid);
    this.sigma = sigma;
    this.pc = new Float64Array(this.dim);
    this.ps = new Float64Array(this.dim);
    const n = this.dim;
    this.chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n ** 2));
    this.C = params.cmatrix ? new (mlMatrix().Matrix)(Array.from(params.cmatrix, (r) => Array.from(r))) : mlMatrix().Matrix.eye(n);
    const { diagD, B, cond } = eigh(this.C);
    this.diagD = diagD;
    this.B = B;
    this.BD = CmaStrategy.scaleColumns(B, diagD);
    this.cond = cond;
    this.lambda_ = params.lambda_ ?? Math.trunc(4 + 3 * glibcLog(n));
    this.computeParams(params);
  }

  private static scaleColumns(B: Matrix, d: Float64Array): Matrix {
    const out = B.clone();
    for (let i = 0; i < B.rows; i++) for (let j = 0; j < B.columns; j++) out.set(i, j, B.get(i, j) * d[j]!);
    return out;
  }

  /**
   * lambda_ new candidates: `centroid + sigma * (Z @ BD.T)`, Z drawn row by row.
   *
   * @example
   * ```ts
   * const pop = strategy.generate();   // lambda_ arrays of dim numbers
   * ```
   */
  generate(): number[][] {
    const n = this.dim;
    const z = this.rng.standardNormal(this.lambda_ * n);
    const out: number[][] = [];
    for (let k = 0; k < this.lambda_; k++) {
      const x = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += z[k * n + j]! * this.BD.get(i, j);
        x[i] = this.centroid[i]! + this.sigma * s;
      }
      out.push(x);
    }
    return out;
  }

  /**
   * Update mean, evolution paths, covariance and step size from evaluated candidates
   * (sorted by loss, stable, as DEAP sorts by fitness).
   *
   * @example
   * ```ts
   * strategy.update(pop.map((x) => ({ x, loss: f(x) })));
   * ```
   */
  update(population: readonly EvaluatedIndividual[]): void {
    const n = this.dim;
    if (population.length < this.mu) throw new Error(`cma.Strategy.update: got ${population.length} individuals, need at least mu = ${this.mu}`);
    population.forEach((ind, i) => {
      if (!ind || !ind.x || ind.x.length !== n) throw new Error(`cma.Strategy.update: individual ${i} must have ${n} parameters`);
      if (typeof ind.loss !== 'number' || Number.isNaN(ind.loss)) throw new Error(`cma.Strategy.update: individual ${i} has loss ${String(ind.loss)} (expected a number, not NaN)`);
    });
    const sorted = population.map((ind, i) => ({ ind, i })).sort((a, b) => a.ind.loss - b.ind.loss || a.i - b.i).map((e) => e.ind);
    const best = sorted.slice(0, this.mu);

    const old = this.centroid;
    const centroid = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < this.mu; k++) s += this.weights[k]! * best[k]!.x[j]!;
      centroid[j] = s;
    }
    this.centroid = centroid;
    const cDiff = new Float64Array(n);
    for (let j = 0; j < n; j++) cDiff[j] = centroid[j]! - old[j]!;

    // ps = (1 - cs) ps + sqrt(cs (2 - cs) mueff) / sigma * B (1/diagD * (B^T c_diff))
    const btc = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += this.B.get(i, j) * cDiff[i]!;
      btc[j] = (1 / this.diagD[j]!) * s;
    }
    const fs = Math.sqrt(this.cs * (2 - this.cs) * this.mueff) / this.sigma;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += this.B.get(i, j) * btc[j]!;
      this.ps[i] = (1 - this.cs) * this.ps[i]! + fs * s;
    }
    // numpy.linalg.norm: sqrt(x . x)
    let psSq = 0;
    for (let i = 0; i < n; i++) psSq += this.ps[i]! * this.ps[i]!;
    const psNorm = Math.sqrt(psSq);
    const hsig = psNorm / Math.sqrt(1 - (1 - this.cs) ** (2 * (this.updateCount + 1))) / this.chiN < 1.4 + 2 / (n + 1) ? 1 : 0;
    this.updateCount += 1;

    const fc = (hsig * Math.sqrt(this.cc * (2 - this.cc) * this.mueff)) / this.sigma;
    for (let i = 0; i < n; i++) this.pc[i] = (1 - this.cc) * this.pc[i]! + fc * cDiff[i]!;

    // C = a C + ccov1 pc pc^T + ccovmu (w * artmp^T) artmp / sigma^2, symmetric by construction
    const a = 1 - this.ccov1 - this.ccovmu + (1 - hsig) * this.ccov1 * this.cc * (2 - this.cc);
    const C = new (mlMatrix().Matrix)(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let rankMu = 0;
        for (let k = 0; k < this.mu; k++) rankMu += this.weights[k]! * (best[k]!.x[i]! - old[i]!) * (best[k]!.x[j]! - old[j]!);
        const v = a * this.C.get(i, j) + this.ccov1 * (this.pc[i]! * this.pc[j]!) + (this.ccovmu * rankMu) / this.sigma ** 2;
        C.set(i, j, v);
        C.set(j, i, v);
      }
    }
    this.C = C;
    this.sigma *= glibcExp(((psNorm / this.chiN - 1) * this.cs) / this.damps);

    const { diagD, B, cond } = eigh(this.C);
    this.cond = cond;
    this.diagD = diagD;
    this.B = B;
    this.BD = CmaStrategy.scaleColumns(B, diagD);
  }

  /**
   * Parameters depending on lambda_ (DEAP's `computeParams`); call again after changing lambda_.
   *
   * @example
   * ```ts
   * strategy.lambda_ = 20; strategy.computeParams(strategy.params);
   * ```
   */
  computeParams(params: CmaStrategyParams): void {
    const n = this.dim;
    this.mu = params.mu ?? Math.trunc(this.lambda_ / 2);
    const rweights = params.weights ?? 'superlinear';
    const w = new Float64Array(this.mu);
    for (let i = 0; i < this.mu; i++) {
      if (rweights === 'superlinear') w[i] = glibcLog(this.mu + 0.5) - glibcLog(i + 1);
      else if (rweights === 'linear') w[i] = this.mu + 0.5 - (i + 1);
      else w[i] = 1;
    }
    // Python's sum(): left to right
    let sum = 0;
    for (const v of w) sum += v;
    for (let i = 0; i < this.mu; i++) w[i] = w[i]! / sum;
    this.weights = w;
    let sq = 0;
    for (const v of w) sq += v ** 2;
    this.mueff = 1 / sq;
    this.cc = params.ccum ?? 4 / (n + 4);
    this.cs = params.cs ?? (this.mueff + 2) / (n + this.mueff + 3);
    this.ccov1 = params.ccov1 ?? 2 / ((n + 1.3) ** 2 + this.mueff);
    this.ccovmu = params.ccovmu ?? (2 * (this.mueff - 2 + 1 / this.mueff)) / ((n + 2) ** 2 + this.mueff);
    this.ccovmu = Math.min(1 - this.ccov1, this.ccovmu);
    this.damps = 1 + 2 * Math.max(0, Math.sqrt((this.mueff - 1) / (n + 1)) - 1) + this.cs;
    this.damps = params.damps ?? this.damps;
  }
}
