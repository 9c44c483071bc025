/**
 * CompNeuroPy's `DeapCma` (extra_functions.py, 1.0.4): CMA-ES (`deap.cma.Strategy`) over
 * parameters scaled to [0, 1] by their bounds, a hall of fame of the best individual, a logbook
 * of loss statistics per generation. `run()` returns CompNeuroPy's dict; `run$()` is the same
 * optimisation as an Observable of generations (unsubscribing stops it).
 */
import { Observable, lastValueFrom, defaultIfEmpty, last } from 'rxjs';
import { NumpyRandomState } from '../engine/random/numpy-legacy.js';
import { checkProgressOption, progressInfo, progressReporter, type ProgressOption } from '../engine/progress.js';
import { CmaStrategy, checkCmaParams, type CmaStrategyParams } from './cma-strategy.js';
import { writeFitFigure } from './figure-writer.js';
import { Logbook, lossStatistics, type LogbookRecord } from './logbook.js';
import { logbookPlotSpec } from './logbook-plot.js';
import { getWarmStartMgd, type SourceSolution } from './warm-start.js';

/** A loss per individual: `[(loss,), ...]` as in DEAP, or plain numbers. */
export type PopulationLosses = ReadonlyArray<number | readonly [number]>;

/** Evaluates a whole population (parameters in real units, one array per individual). */
export type PopulationEvaluator = (population: number[][]) => PopulationLosses | Promise<PopulationLosses>;

/** Options of {@link DeapCma} (CompNeuroPy's keyword arguments in camelCase). */
export interface DeapCmaOptions {
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  evaluateFunction: PopulationEvaluator;
  /** Generations of `run()` unless given there. */
  maxEvals?: number;
  /** Start point in real units; default the middle of the bounds. */
  p0?: ArrayLike<number>;
  /** Initial sigma in scaled units (fraction of each range); default 0.25. */
  sig0?: number;
  paramNames?: readonly string[];
  learnRateFactor?: number;
  dampingFactor?: number;
  verbose?: boolean;
  plotFile?: string;
  cmaParamsDict?: CmaStrategyParams;
  /** (parameters in real units, loss) pairs: the start distribution is estimated from them. */
  sourceSolutions?: readonly SourceSolution[];
  hardBounds?: boolean;
  /**
   * `true` (default): the environment's progress reporter, the same as `simulate(ms, { progress:
   * true })` uses (a terminal bar in Node, nothing in a browser); `false`; or a reporter such
   * as an RxJS `Subject<ProgressInfo>` (one report per generation, `unit: 'gen'`, `detail` the
   * best loss).
   */
  displayProgressBar?: ProgressOption;
  /** Seed of the numpy legacy generator behind the samples (numpy's global state in Python). */
  seed?: number;
  rng?: NumpyRandomState;
}

/** An individual of the last population: scaled parameters and loss (DEAP's `deap_pop`). */
export interface DeapIndividual {
  readonly x: number[];
  readonly fitness: number;
}

/** One generation, as `run$()` emits it. */
export interface DeapCmaGeneration extends LogbookRecord {
  /** The generation's individuals in real units and their losses. */
  readonly population: number[][];
  readonly losses: number[];
  /** Best so far (hall of fame), real units. */
  readonly best: number[];
  readonly bestFitness: number;
}

/** `run()`'s result: the best value per parameter name plus CompNeuroPy's extra keys. */
export type DeapCmaResult = Record<string, number> & {
  logbook: Logbook;
  deap_pop: DeapIndividual[];
  best_fitness: number;
};

/** Options of `run()` / `run$()`. */
export interface DeapCmaRunOptions {
  maxEvals?: number;
  verbose?: boolean;
  plotFile?: string;
}

function numbers(v: ArrayLike<number> | undefined, name: string, n?: number): number[] {
  if (!v || typeof v.length !== 'number') throw new Error(`DeapCma: ${name} must be a list of numbers`);
  const a = Array.from(v);
  if (n !== undefined && a.length !== n) throw new Error(`DeapCma: ${name} has ${a.length} values, expected ${n} (one per parameter)`);
  a.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`DeapCma: ${name}[${i}] must be a finite number, got ${String(x)}`);
  });
  return a;
}

/** numpy's str() of a small float array (8 decimals, trailing zeros dropped, padded). */
function npStr(a: ArrayLike<number>): string {
  const s = Array.from(a, (x) => {
    const t = x.toFixed(8).replace(/0+$/, '');
    return t.endsWith('.') ? t : t;
  });
  const w = Math.max(...s.map((x) => x.length));
  return `[${s.map((x) => x.padEnd(w)).join(' ')}]`;
}

/**
 * CMA-ES optimisation of bounded parameters (CompNeuroPy `DeapCma`).
 *
 * @example
 * ```ts
 * const cma = new DeapCma({
 *   lower: [-10, -10, 0], upper: [10, 15, 5],
 *   evaluateFunction: (pop) => pop.map(([a, b, c]) => [(a - 3) ** 2 + (b - 7) ** 2 + (c + 2) ** 2] as [number]),
 * });
 * const best = await cma.run({ maxEvals: 1000 });   // best.param0 ~ 3, best.best_fitness ~ 0
 * ```
 */
export class DeapCma {
  readonly lower: number[];
  readonly upper: number[];
  readonly evaluateFunction: PopulationEvaluator;
  readonly maxEvals: number | undefined;
  readonly paramNames: readonly string[] | undefined;
  readonly verbose: boolean;
  readonly plotFile: string | undefined;
  readonly hardBounds: boolean;
  readonly displayProgressBar: ProgressOption;
  readonly strategy: CmaStrategy;
  /** The hall of fame (one individual, scaled), as CompNeuroPy's `deap_dict["hof"]`. */
  hof: DeapIndividual | undefined;
  private readonly bestPerGen: number[][] = [];

  constructor(options: DeapCmaOptions) {
    if (!options || typeof options !== 'object') throw new Error('DeapCma: expected an options object { lower, upper, evaluateFunction, ... }');
    const known = ['lower', 'upper', 'evaluateFunction', 'maxEvals', 'p0', 'sig0', 'paramNames', 'learnRateFactor', 'dampingFactor', 'verbose', 'plotFile', 'cmaParamsDict', 'sourceSolutions', 'hardBounds', 'displayProgressBar', 'seed', 'rng'];
    for (const k of Object.keys(options)) if (!known.includes(k)) throw new Error(`DeapCma: unknown option "${k}"; expected ${known.join(', ')}`);
    this.lower = numbers(options.lower, 'lower');
    const n = this.lower.length;
    if (n === 0) throw new Error('DeapCma: lower and upper must give at least one parameter');
    this.upper = numbers(options.upper, 'upper', n);
    for (let i = 0; i < n; i++) {
      const name = options.paramNames?.[i] ?? `param${i}`;
      if (!(this.lower[i]! < this.upper[i]!)) throw new Error(`DeapCma: bounds of "${name}" (parameter ${i}): lower ${this.lower[i]} must be below upper ${this.upper[i]}`);
    }
    if (typeof options.evaluateFunction !== 'function') throw new Error('DeapCma: evaluateFunction must be a function of the population returning one loss per individual');
    if (options.paramNames !== undefined && (!Array.isArray(options.paramNames) || options.paramNames.length !== n)) {
      throw new Error(`DeapCma: paramNames must list ${n} names (one per bound)`);
    }
    if (options.maxEvals !== undefined && (!Number.isInteger(options.maxEvals) || options.maxEvals < 0)) throw new Error(`DeapCma: maxEvals must be a non-negative integer, got ${String(options.maxEvals)}`);
    this.evaluateFunction = options.evaluateFunction;
    this.maxEvals = options.maxEvals;
    this.paramNames = options.paramNames;
    this.verbose = options.verbose ?? false;
    this.plotFile = options.plotFile;
    this.hardBounds = options.hardBounds ?? false;
    checkProgressOption(options.displayProgressBar, 'DeapCma: displayProgressBar');
    this.displayProgressBar = options.displayProgressBar ?? true;
    const learnRateFactor = options.learnRateFactor ?? 1;
    const dampingFactor = options.dampingFactor ?? 1;
    const cmaParams: CmaStrategyParams = { ...(options.cmaParamsDict ?? {}) };
    checkCmaParams(cmaParams as Record<string, unknown>, n, 'DeapCma: cmaParamsDict');
    const rng = options.rng ?? new NumpyRandomState(options.seed ?? Math.floor(Math.random() * 2 ** 32));

    let centroid: number[];
    let sigma: number;
    const sources = options.sourceSolutions ?? [];
    if (sources.length > 0) {
      const scaled = sources.map(([x, loss], k) => [this.scale(numbers(x, `sourceSolutions[${k}] parameters`, n)), loss] as const);
      const warm = getWarmStartMgd(scaled, 1);
      centroid = Array.from(warm.mean);
      sigma = warm.sigma;
      cmaParams.cmatrix = warm.cov;
      if (this.hardBounds) centroid = centroid.map((c) => Math.min(1, Math.max(0, c)));
    } else {
      const p0 = options.p0 === undefined ? undefined : numbers(options.p0, 'p0', n);
      // CompNeuroPy clips the real p0 to the scaled bounds [0, 1]; clipping to the real bounds is what it means
      centroid = p0 === undefined ? new Array<number>(n).fill(0.5) : this.scale(this.hardBounds ? p0.map((v, i) => Math.min(this.upper[i]!, Math.max(this.lower[i]!, v))) : p0);
      sigma = options.sig0 ?? 0.25;
    }
    this.strategy = new CmaStrategy(centroid, sigma, { ...cmaParams, rng });
    if (this.verbose) {
      console.log(`Starting optimization with:\ncentroid: ${npStr(this.invScale(this.strategy.centroid))}, (scaled: ${npStr(this.strategy.centroid)})\nsigma: ${npStr(this.invScale(this.lower.map(() => this.strategy.sigma), true))}, (scaled: ${this.strategy.sigma})`);
    }
    this.strategy.ccov1 *= learnRateFactor;
    this.strategy.ccovmu *= learnRateFactor;
    this.strategy.damps *= dampingFactor;
    if (this.verbose) {
      const s = this.strategy;
      console.log(`lambda (The number of children to produce at each generation): ${s.lambda_}`);
      console.log(`mu (The number of parents to keep from the lambda children): ${s.mu}`);
      console.log(`weights: ${npStr(s.weights)}`);
      console.log(`mueff: ${s.mueff}`);
      console.log(`ccum (Cumulation constant for covariance matrix.): ${s.cc}`);
      console.log(`cs (Cumulation constant for step-size): ${s.cs}`);
      console.log(`ccov1 (Learning rate for rank-one update): ${s.ccov1}`);
      console.log(`ccovmu (Learning rate for rank-mu update): ${s.ccovmu}`);
      console.log(`damps (Damping for step-size): ${s.damps}`);
    }
  }

  /** Real units -> [0, 1]. */
  scale(x: ArrayLike<number>): number[] {
    return Array.from(x, (v, i) => (v - this.lower[i]!) / (this.upper[i]! - this.lower[i]!));
  }

  /** [0, 1] -> real units (`diff`: a width, without the offset). */
  invScale(x: ArrayLike<number>, diff = false): number[] {
    return Array.from(x, (v, i) => v * (this.upper[i]! - this.lower[i]!) + (diff ? 0 : this.lower[i]!));
  }

  private name(i: number): string {
    return this.paramNames?.[i] ?? `param${i}`;
  }

  /** Checks and unpacks the evaluate function's answer; a NaN or missing loss names the individual. */
  private losses(answer: PopulationLosses, gen: number, real: number[][]): number[] {
    if (!answer || typeof answer.length !== 'number') throw new Error(`DeapCma: evaluateFunction must return one loss per individual (a list), got ${String(answer)}`);
    if (answer.length !== real.length) throw new Error(`DeapCma: evaluateFunction returned ${answer.length} losses for ${real.length} individuals (generation ${gen})`);
    return Array.from(answer, (l, i) => {
      const v = Array.isArray(l) ? l[0] : l;
      if (typeof v !== 'number' || Number.isNaN(v)) {
        const params = real[i]!.map((p, j) => `${this.name(j)}=${p}`).join(', ');
        throw new Error(`DeapCma: evaluateFunction returned ${String(v)} for individual ${i} of generation ${gen} (${params}); expected a number`);
      }
      return v;
    });
  }

  /**
   * The optimisation as an Observable of generations; subscribing runs it (synchronously when
   * the evaluate function is), unsubscribing stops it after the current evaluation.
   *
   * @example
   * ```ts
   * const sub = cma.run$({ maxEvals: 200 }).subscribe((g) => console.log(g.gen, g.min));
   * ```
   */
  run$(options: DeapCmaRunOptions = {}): Observable<DeapCmaGeneration> {
    const ngen = options.maxEvals ?? this.maxEvals;
    if (ngen === undefined) throw new Error('DeapCma: maxEvals must be given to the constructor or to run()');
    if (!Number.isInteger(ngen) || ngen < 0) throw new Error(`DeapCma: maxEvals must be a non-negative integer, got ${String(ngen)}`);
    const verbose = options.verbose ?? this.verbose;
    return new Observable<DeapCmaGeneration>((sub) => {
      const reporter = verbose ? undefined : progressReporter(this.displayProgressBar, 'DeapCma: displayProgressBar', 'DeapCma');
      const t0 = globalThis.performance.now();
      const report = (done: number, detail?: string) => reporter?.next(progressInfo(done, ngen, NaN, globalThis.performance.now() - t0, { unit: 'gen', detail }));
      let closed = false;
      const closeBar = () => {
        if (!closed) reporter?.complete?.();
        closed = true;
      };
      report(0);
      let stopped = false;
      const fail = (e: unknown) => {
        stopped = true;
        closeBar();
        sub.error(e);
      };
      const finish = () => {
        stopped = true;
        closeBar();
        if (verbose) console.log('Stopping because convergence is reached.');
        sub.complete();
      };
      // returns false when the run ends early (DeapCma's min(diagD) < 1e-5)
      const tell = (gen: number, scaled: number[][], real: number[][], answer: PopulationLosses): boolean => {
        const losses = this.losses(answer, gen, real);
        // DEAP's HallOfFame(1): the first individual, then strict improvements
        for (let i = 0; i < scaled.length; i++) {
          if (!this.hof || losses[i]! < this.hof.fitness) this.hof = { x: [...scaled[i]!], fitness: losses[i]! };
        }
        this.lastPopulation = scaled.map((x, i) => ({ x, fitness: losses[i]! }));
        this.strategy.update(scaled.map((x, i) => ({ x, loss: losses[i]! })));
        this.lastPopulation.sort((a, b) => a.fitness - b.fitness); // DEAP sorts the population in place
        if (Math.min(...this.strategy.diagD) < 1e-5) return false;
        const stats = lossStatistics(losses);
        const record = { gen, nevals: scaled.length, ...stats };
        this.logbook.record(record);
        const best = this.invScale(this.hof!.x);
        this.bestPerGen.push([...this.hof!.x]);
        if (verbose) console.log(`${gen}\t${scaled.length}\t${stats.avg}\t${stats.std}\t${stats.min}\t${stats.max}`);
        report(gen + 1, `best loss: ${this.hof!.fitness.toFixed(5)}`);
        sub.next({ ...record, population: real, losses, best, bestFitness: this.hof!.fitness });
        return true;
      };
      const loop = (gen: number): void => {
        while (!stopped && !sub.closed && gen < ngen) {
          let scaled = this.strategy.generate();
          if (this.hardBounds) scaled = scaled.map((x) => x.map((v) => Math.min(1, Math.max(0, v))));
          const real = scaled.map((x) => this.invScale(x));
          let answer: PopulationLosses | Promise<PopulationLosses>;
          try {
            answer = this.evaluateFunction(real.map((x) => [...x]));
          } catch (e) {
            fail(e);
            return;
          }
          if (answer && typeof (answer as Promise<PopulationLosses>).then === 'function') {
            const g = gen;
            (answer as Promise<PopulationLosses>).then(
              (a) => {
                if (stopped || sub.closed) return;
                try {
                  if (tell(g, scaled, real, a)) loop(g + 1);
                  else finish();
                } catch (e) {
                  fail(e);
                }
              },
              fail,
            );
            return;
          }
          try {
            if (!tell(gen, scaled, real, answer as PopulationLosses)) {
              finish();
              return;
            }
          } catch (e) {
            fail(e);
            return;
          }
          gen++;
        }
        if (!stopped && !sub.closed) finish();
        // a synchronous subscriber that unsubscribed (take(n)) stops the loop through sub.closed
        if (sub.closed) closeBar();
      };
      this.logbook = new Logbook();
      this.bestPerGen.length = 0;
      loop(0);
      return () => {
        if (!stopped) closeBar();
        stopped = true;
      };
    });
  }

  /** Logbook of the last run. */
  logbook = new Logbook();
  /** The last population (scaled, sorted by loss). */
  lastPopulation: DeapIndividual[] = [];

  /**
   * Runs the optimisation for `maxEvals` generations; resolves with the best parameters (real
   * units, by name), `logbook`, `deap_pop` and `best_fitness`; writes `plotFile` if set.
   *
   * @example
   * ```ts
   * const best = await cma.run({ maxEvals: 100, plotFile: 'logbook.png' });
   * ```
   */
  async run(options: DeapCmaRunOptions = {}): Promise<DeapCmaResult> {
    await lastValueFrom(this.run$(options).pipe(last(), defaultIfEmpty(undefined)));
    return this.result(options.plotFile ?? this.plotFile);
  }

  /**
   * What `run()` resolves with, for the last run (e.g. one driven through `run$()`); writes
   * `plotFile` if given.
   *
   * @example
   * ```ts
   * cma.run$({ maxEvals: 50 }).subscribe();   // synchronous evaluate function: done here
   * const best = cma.result('logbook.png');
   * ```
   */
  result(plotFile?: string): DeapCmaResult {
    if (!this.hof) throw new Error('DeapCma: no generation was evaluated (maxEvals = 0)');
    const bestReal = this.invScale(this.hof.x);
    const best: Record<string, unknown> = {};
    bestReal.forEach((v, i) => (best[this.name(i)] = v));
    best.logbook = this.logbook;
    best.deap_pop = this.lastPopulation;
    best.best_fitness = this.hof.fitness;
    if (plotFile !== undefined) {
      const params: Record<string, number[]> = {};
      this.lower.forEach((_, i) => (params[this.name(i)] = this.bestPerGen.map((x) => x[i]!)));
      // figsize (10, 5) inches at 100 px/inch, dpi 300
      writeFitFigure('DeapCma', plotFile, logbookPlotSpec(this.logbook, params), { width: 1000, height: 500, scale: 3 });
    }
    return best as DeapCmaResult;
  }
}
