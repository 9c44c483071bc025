/**
 * CompNeuroPy's `OptNeuron` (opt_neuron.py, 1.0.4): fits the parameters of one neuron model to
 * data (`resultsSoll`) or to another neuron model (`targetNeuronModel`) within a user's
 * experiment. Method "deap" (CMA-ES through DeapCma) evaluates a whole generation as one
 * population of popsize neurons in one simulation; "hyperopt" uses TPE. With `module` (a module
 * exporting the problem), generations are split over a runner's workers (a local worker pool by
 * default, or a BullMQ queue). Node only: it writes the results file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { NumpyRandomState } from '../engine/random/numpy-legacy.js';
import { createRunner } from '../run/create-runner.js';
import { evaluateAll, type EvaluationJob, type Runner } from '../run/runner.js';
import { siblingModule } from '../run/module-url.js';
import { moduleSpecifier } from '../run/evaluator-cache.js';
import type { CmaStrategyParams } from './cma-strategy.js';
import { DeapCma, type DeapCmaResult } from './deap-cma.js';
import type { ExperimentResults } from '../experiment/comp-neuro-exp.js';
import { OptNeuronSimulator, resultsOfSingleNeuron, type LossValue, type OptNeuronProblem } from './opt-neuron-simulator.js';
import { problemOf, splitGeneration, type OptNeuronEvaluatorSetup } from './opt-neuron-evaluator.js';
import { tpeMinimize } from './tpe.js';
import { SplitChooser, type SplitDecision } from './split-chooser.js';
import type { PoolSession, PoolSessionOptions } from '../run/pool-session.js';
import { Subject } from 'rxjs';
import { checkProgressOption, progressInfo, progressReporter, type ProgressOption } from '../engine/progress.js';
import { evaluateExpression } from './variables-bounds.js';
import type { SourceSolution } from './warm-start.js';

/** Whether `module` (a URL or path) is the script this process runs (its entry point). */
function isRunningScript(module: string): boolean {
  const script = process.argv[1];
  return isMainThread && script !== undefined && moduleSpecifier(module) === pathToFileURL(resolve(script)).href;
}

/** A runner that can open a shared-memory session (the local pool); `fit/` does not import pools. */
interface SessionRunner extends Runner {
  openSession(job: EvaluationJob, options: PoolSessionOptions): Promise<PoolSession>;
}

/** Options of {@link OptNeuron}: the problem plus CompNeuroPy's other keywords and the runner. */
export interface OptNeuronOptions<Soll = unknown> extends OptNeuronProblem<Soll> {
  compileFolderName?: string;
  method?: 'deap' | 'hyperopt' | 'sbi' | 'bads';
  cmaParamsDict?: CmaStrategyParams;
  sourceSolutions?: readonly SourceSolution[];
  verbose?: boolean;
  /** Seed of the numpy legacy generator (p0, CMA samples, TPE); default from the clock. */
  seed?: number;
  /**
   * A module (file URL or path) exporting this problem, so that workers can rebuild it. `run()`
   * imports it once in the calling thread first (a missing export fails at once), unless it is
   * the script being run, which may await its own fit at top level.
   */
  module?: string;
  /** Its export name; default `problem`. */
  exportName?: string;
  /**
   * Where generations are evaluated: `'serial'` (this thread, CompNeuroPy's single population),
   * `'local'` (worker pool, the default when `module` is given), `'queue'` (BullMQ, needs
   * `redis`), or a {@link Runner}.
   */
  runner?: 'serial' | 'local' | 'queue' | Runner;
  redis?: string;
  queue?: string;
  /**
   * Whether a generation is split over the runner's workers: `'auto'` (default) times the first
   * generations both ways on a `'local'` pool and keeps the faster, a split only when it takes at
   * most 85 % of the calling thread's time (a light model's generation costs less than handing it
   * to threads), re-checking within ~5% of the run; a fit with fewer than 120 generations or
   * under ~1 s of work left is not split and starts no threads. `true` forces the split, `false`
   * evaluates in the calling thread. Other runners (queue) always split under `'auto'`. The
   * losses are the same either way; decisions are in `splitDecisions`.
   */
  splitGeneration?: 'auto' | boolean;
  /**
   * Progress of the fit (generations for "deap", trials for "hyperopt"): `true` (default) the
   * environment's reporter (the terminal bar of `simulate(ms, { progress: true })` in Node),
   * `false`, or a reporter such as an RxJS `Subject<ProgressInfo>`.
   */
  displayProgressBar?: ProgressOption;
}

/** Options of {@link OptNeuron.run}. */
export interface OptNeuronRunOptions {
  maxEvals: number;
  resultsFileName?: string;
  sbiPlotFile?: string;
  deapPlotFile?: string;
  verbose?: boolean;
}

/** What `run()` returns: the fitted values by name plus CompNeuroPy's extra keys. */
export type OptNeuronResult = Record<string, unknown> & {
  loss: number;
  all_loss: LossValue;
  std: number | null;
  results: ExperimentResults;
  results_soll: unknown;
  parameters: Record<string, number>;
};

const KNOWN = ['experiment', 'getLossFunction', 'variablesBounds', 'neuronModel', 'resultsSoll', 'targetNeuronModel', 'timeStep', 'recordingPeriod', 'record', 'numRepLoss', 'compileFolderName', 'method', 'prior', 'fvSpace', 'cmaParamsDict', 'badsParamsDict', 'sourceSolutions', 'variablesBoundsGuess', 'verbose', 'seed', 'module', 'exportName', 'runner', 'redis', 'queue', 'splitGeneration', 'displayProgressBar'];

/**
 * Fit a neuron model (CompNeuroPy `OptNeuron`).
 *
 * @example
 * ```ts
 * const opt = new OptNeuron({ experiment: MyExp, getLossFunction: getLoss, variablesBounds: { a: [-50, 100], b: [-50, 150] },
 *   neuronModel: myNeuron, resultsSoll: data, timeStep: 1, method: 'deap', record: ['r'] });
 * const fit = await opt.run({ maxEvals: 100, resultsFileName: 'best_from_data' });
 * ```
 */
export class OptNeuron<Soll = unknown> {
  private static current: OptNeuronSimulator | undefined;
  readonly options: OptNeuronOptions<Soll>;
  readonly method: 'deap' | 'hyperopt';
  readonly popsize: number;
  readonly fittingVariablesNameList: string[];
  /** [best loss of the evaluation, seconds since the start] per evaluation. */
  lossHistory: [number, number][] = [];
  results: OptNeuronResult | undefined;
  /** Where generations were evaluated: each choice of split vs calling thread, as it was made. */
  splitDecisions: SplitDecision[] = [];
  /** The same decisions as they happen. */
  readonly splitDecisions$ = new Subject<SplitDecision>();
  private chooser: SplitChooser | undefined;
  private session: Promise<PoolSession> | undefined;
  private sessionReady: PoolSession | undefined;
  private readonly rng: NumpyRandomState;
  private readonly deapCma: DeapCma | undefined;
  private simulator: OptNeuronSimulator;
  private runner: Runner | undefined;
  private readonly ownsRunner: boolean;
  private startTime = globalThis.performance.now();
  /** At most how many generations of this run remain (CMA-ES may stop early at convergence). */
  private generationsLeft = Infinity;

  constructor(options: OptNeuronOptions<Soll>) {
    if (!options || typeof options !== 'object') throw new Error('OptNeuron: expected an options object { experiment, getLossFunction, variablesBounds, neuronModel, ... }');
    for (const k of Object.keys(options)) if (!KNOWN.includes(k)) throw new Error(`OptNeuron: unknown option "${k}"; expected ${KNOWN.join(', ')}`);
    const method = options.method ?? 'deap';
    if (method === 'sbi' || method === 'bads') {
      throw new Error(`OptNeuron: method "${method}" is not available in compneuro-rx (${method === 'sbi' ? 'sbi needs PyTorch' : 'PyBADS is Python only'}); use method "deap" (CMA-ES) or "hyperopt" (TPE)`);
    }
    if (method !== 'deap' && method !== 'hyperopt') throw new Error(`OptNeuron: method should be 'hyperopt', 'sbi', 'deap', or 'bads', got "${String(method)}"`);
    if ((options as { fvSpace?: unknown }).fvSpace !== undefined) throw new Error('OptNeuron: fvSpace (a custom hyperopt space) is not supported; hyperopt uses uniform spaces between the variablesBounds');
    checkProgressOption(options.displayProgressBar, 'OptNeuron: displayProgressBar');
    const sg = options.splitGeneration;
    if (sg !== undefined && sg !== 'auto' && typeof sg !== 'boolean') throw new Error(`OptNeuron: splitGeneration must be 'auto', true or false, got ${JSON.stringify(sg)}`);
    this.options = options;
    this.method = method;
    console.log('OptNeuron: Initialize OptNeuron... do not create anything with ANNarchy before!');
    this.rng = new NumpyRandomState(options.seed ?? Math.floor(Math.random() * 2 ** 32));
    // a first simulator (one neuron) checks the problem and parses the bounds
    this.simulator = new OptNeuronSimulator(options, 1, { check: true });
    OptNeuron.current = this.simulator;
    const b = this.simulator.bounds;
    this.fittingVariablesNameList = b.fitNames;
    if (method === 'deap') {
      // CompNeuroPy: p0 = np.random.uniform(min, max) per fitted variable
      const p0 = b.fitNames.map((_, j) => this.rng.uniform(b.lower[j]!, b.upper[j]!) as number);
      this.deapCma = new DeapCma({
        maxEvals: 0, lower: b.lower, upper: b.upper, evaluateFunction: (pop) => this.evaluatePopulation(pop), p0, paramNames: b.fitNames,
        learnRateFactor: 1, dampingFactor: 1, verbose: false, cmaParamsDict: options.cmaParamsDict ?? {}, sourceSolutions: options.sourceSolutions ?? [],
        rng: this.rng, displayProgressBar: options.displayProgressBar ?? true,
      });
      this.popsize = this.deapCma.strategy.lambda_;
    } else {
      this.popsize = 1;
    }
    if (options.verbose) console.log('OptNeuron: popsize:', this.popsize);
    const r = options.runner ?? (options.module ? 'local' : 'serial');
    this.ownsRunner = typeof r === 'string';
    if (r !== 'serial') {
      if (!options.module) throw new Error(`OptNeuron: runner "${typeof r === 'string' ? r : r.kind}" needs "module", a module exporting the problem (export name "${options.exportName ?? 'problem'}") that workers import`);
      this.runner = typeof r === 'string' ? createRunner(r, { redis: options.redis, queue: options.queue }, 'OptNeuron') : r;
    }
    // the fitted population: popsize neurons (CompNeuroPy's one simulation per generation)
    this.simulator = this.buildSimulator();
    try {
      this.simulator.evaluate([b.first]);
    } catch (e) {
      throw new Error(`OptNeuron: The get_loss_function, experiment and neuron model(s) are not compatible: ${(e as Error).message}`);
    }
    console.log('checking neuron_models, experiment, get_loss...Done\n');
  }

  private buildSimulator(): OptNeuronSimulator {
    const sim = new OptNeuronSimulator(this.options, this.popsize, { check: false });
    OptNeuron.current = sim;
    return sim;
  }

  /** The engine's network is global: another OptNeuron may have replaced this one's model. */
  private ensureSimulator(): OptNeuronSimulator {
    if (OptNeuron.current !== this.simulator) this.simulator = this.buildSimulator();
    return this.simulator;
  }

  /** Losses of a generation (real units), in this thread or split over the runner's workers. */
  private async evaluatePopulation(population: number[][]): Promise<number[]> {
    let loss: number[];
    const runner = this.runner;
    const chooser = runner ? this.splitChooser() : undefined;
    // a generation of another size than popsize (none in CMA-ES) stays in this thread
    const whole = population.length === this.popsize;
    const pool = runner as Partial<SessionRunner> | undefined;
    // a local pool: its threads keep their chunk's model and take each generation through shared
    // memory (a futex wake-up, no message); opened when the chooser first wants it, so that the
    // threads build while this one evaluates. This thread does not take a chunk itself: its network stays
    // the whole population's, so that switching between the ways never rebuilds a model
    const useSession = whole && this.popsize >= (runner?.concurrency ?? 1) && typeof pool?.openSession === 'function' && runner!.concurrency >= 2;
    // a thread that could not build the model is an error, also while this thread evaluates
    if (this.sessionReady?.failed) throw this.sessionReady.failed;
    const split = chooser !== undefined && whole ? chooser.next(!useSession || (this.sessionReady?.ready ?? false), this.generationsLeft) : false;
    // the threads start once a split is forced or about to be probed (a short fit starts none)
    if (useSession && !this.session && chooser?.wantsThreads) this.openSession(pool as SessionRunner, splitGeneration(population, runner!.concurrency).size);
    if (whole) this.generationsLeft--;
    const t0 = globalThis.performance.now();
    if (!split) {
      loss = this.ensureSimulator().evaluate(population).loss;
    } else if (useSession) {
      const { chunks } = splitGeneration(population, runner!.concurrency);
      const parts = await (await this.session!).evaluate(chunks);
      loss = parts.flatMap((p) => Array.from(p));
    } else {
      // one chunk per worker, one message (or queue job) per worker per generation; each worker's
      // network has the chunk's popsize/workers neurons, whose losses equal the serial population's
      const { size, chunks } = splitGeneration(population, runner!.concurrency);
      const parts = await evaluateAll<OptNeuronEvaluatorSetup, Float64Array, ArrayLike<number>>(runner!, this.evaluatorJob(size), chunks);
      loss = parts.flatMap((p) => Array.from(p));
    }
    if (chooser && whole) {
      const decision = chooser.record(split, globalThis.performance.now() - t0);
      if (decision) this.decide(decision);
    }
    this.lossHistory.push([Math.min(...loss), (globalThis.performance.now() - this.startTime) / 1000]);
    return loss;
  }

  /** The job workers build: the problem module for `size` candidates. */
  private evaluatorJob(size: number) {
    const setup: OptNeuronEvaluatorSetup = { problemModule: this.options.module!, exportName: this.options.exportName ?? 'problem', popsize: size };
    return { module: siblingModule(import.meta.url, './opt-neuron-evaluator.js'), setup };
  }

  /** A session on the pool's threads, chunks of `size` candidates. */
  private openSession(pool: SessionRunner, size: number): void {
    const n = this.fittingVariablesNameList.length;
    this.session = pool.openSession(this.evaluatorJob(size), { inputCapacity: size * n, outputCapacity: size });
    this.session.then((s) => (this.sessionReady = s), () => {});
  }

  /** The split chooser of this run: 'auto' measures on local pools; queues always split. */
  private splitChooser(): SplitChooser {
    if (!this.chooser) {
      const option = this.options.splitGeneration ?? 'auto';
      this.chooser = new SplitChooser(option === 'auto' && this.runner!.kind !== 'local' ? true : option);
      const forced = this.chooser.forced();
      if (forced) this.decide(forced);
    }
    return this.chooser;
  }

  private decide(decision: SplitDecision): void {
    this.splitDecisions.push(decision);
    this.splitDecisions$.next(decision);
    if (this.options.verbose) {
      const how = decision.split ? `split over ${this.runner!.concurrency} workers` : 'evaluated in the calling thread';
      console.log(`OptNeuron: from generation ${decision.generation} on, generations are ${how} (${decision.reason}: split ${decision.splitMs.toFixed(3)} ms, calling thread ${decision.callingThreadMs.toFixed(3)} ms)`);
    }
  }

  /**
   * Ends the pool session and the chooser of a run; returns the error of a failed pool thread, and
   * whether the session was left to close by itself.
   */
  private async endSplit(): Promise<{ failure?: Error; abandoned: boolean }> {
    const pending = this.session;
    this.session = undefined;
    this.sessionReady = undefined;
    this.chooser = undefined;
    if (!pending) return { abandoned: false };
    const session = await pending;
    if (!session.ready && !session.failed) {
      // threads still building never evaluated a chunk (a split waits for them): the run does not
      // wait for their builds (seconds for a fit that converged early); they stop once built
      void session.close();
      return { abandoned: true };
    }
    await session.close();
    return { failure: session.failed, abandoned: false };
  }

  /**
   * Runs the optimisation; returns the fitted values plus `loss`, `all_loss`, `std`, `results`,
   * `results_soll`, `parameters` (and the method's extras), and writes `<resultsFileName>.json`.
   *
   * @example
   * ```ts
   * const fit = await opt.run({ maxEvals: 100, resultsFileName: 'best_from_neuron' });
   * ```
   */
  async run(options: OptNeuronRunOptions): Promise<OptNeuronResult> {
    const { maxEvals, resultsFileName = 'opt_neuron_results/best', deapPlotFile = 'opt_neuron_plots/logbook.png' } = options;
    if (!Number.isInteger(maxEvals) || maxEvals < 1) throw new Error(`OptNeuron.run: maxEvals must be a positive integer, got ${String(maxEvals)}`);
    this.lossHistory = [];
    this.splitDecisions = [];
    this.generationsLeft = this.method === 'deap' ? maxEvals : Infinity;
    this.startTime = globalThis.performance.now();
    let best: Record<string, unknown>;
    let poolFailure: Error | undefined;
    try {
      // a module the workers could not build from fails now, also when no thread is ever started;
      // not the script being run: one that awaits this run at top level would wait for itself
      if (this.runner && this.options.module && !isRunningScript(this.options.module)) {
        await problemOf(this.evaluatorJob(this.popsize).setup).catch((e: Error) => {
          throw new Error(`OptNeuron: option "module": ${e.message}`);
        });
      }
      if (this.method === 'deap') {
        best = (await this.deapCma!.run({ maxEvals, plotFile: deapPlotFile })) as DeapCmaResult;
      } else {
        const b = this.simulator.bounds;
        // hyperopt's fmin shows a bar of trials with the best loss (show_progressbar=True)
        const reporter = progressReporter(this.options.displayProgressBar ?? true, 'OptNeuron: displayProgressBar', 'OptNeuron');
        const t0 = globalThis.performance.now();
        let done = 0;
        let bestLoss = Infinity;
        reporter?.next(progressInfo(0, maxEvals, NaN, 0, { unit: 'trial' }));
        try {
          const r = await tpeMinimize(
            async (x) => {
              const loss = (await this.evaluatePopulation([x]))[0]!;
              bestLoss = Math.min(bestLoss, loss);
              reporter?.next(progressInfo(++done, maxEvals, NaN, globalThis.performance.now() - t0, { unit: 'trial', detail: `best loss: ${bestLoss.toFixed(5)}` }));
              return loss;
            },
            { lower: b.lower, upper: b.upper, maxEvals, rng: this.rng },
          );
          best = Object.fromEntries(b.fitNames.map((n, j) => [n, r.best[j]!]));
        } finally {
          reporter?.complete?.();
        }
      }
    } finally {
      const end = await this.endSplit();
      poolFailure = end.failure;
      if (this.ownsRunner) {
        // an owned pool whose threads are still building closes once they are done
        const closing = this.runner?.close();
        if (end.abandoned) void closing?.catch(() => {});
        else await closing;
        this.runner = undefined;
      }
    }
    // pool threads that could not build the model fail the run even if this thread did all the
    // work meanwhile ('auto' does not wait for their builds): never silently dropped
    if (poolFailure) throw poolFailure;
    // CompNeuroPy `_test_fit`: the best parameters once more, neuron 0
    const sim = this.ensureSimulator();
    const fit = sim.evaluate([this.fittingVariablesNameList.map((n) => best[n] as number)]);
    const out = best as OptNeuronResult;
    out.loss = fit.loss[0]!;
    out.all_loss = fit.allLoss[0]!;
    out.std = fit.std[0]!;
    out.results = resultsOfSingleNeuron(fit.results, 0, this.popsize);
    out.results_soll = sim.resultsSoll;
    out.parameters = this.finalParameters(best);
    this.results = out;
    if (resultsFileName.includes('/')) mkdirSync(dirname(resultsFileName), { recursive: true });
    writeFileSync(`${resultsFileName}.json`, JSON.stringify(Object.fromEntries([...this.fittingVariablesNameList, 'loss'].map((k) => [k, out[k]])), null, 4));
    return out;
  }

  /** CompNeuroPy `_get_final_parameters`: every bounds name with its value, expressions evaluated. */
  private finalParameters(best: Record<string, unknown>): Record<string, number> {
    const out: Record<string, number> = {};
    const bounds = this.options.variablesBounds;
    for (const [name, b] of Object.entries(bounds)) if (Array.isArray(b)) out[name] = best[name] as number;
    for (const [name, b] of Object.entries(bounds)) if (typeof b === 'number') out[name] = b;
    for (const [name, b] of Object.entries(bounds)) if (typeof b === 'string') out[name] = evaluateExpression(b, out);
    return out;
  }
}
