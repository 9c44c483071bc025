/**
 * A playground fit without the DOM (the fit worker runs it; Node tests run the same code): the
 * target trace (a CSV, or another model of the library under the page's protocol), one
 * {@link ExperimentRun} per individual with the page's parameter values and the individual's
 * fitted ones, the RMSE of the recorded variable against the target ({@link traceRmse}), and the
 * {@link DeapCma} that the exported script builds with the same options, so the same seed gives
 * the same best parameters.
 */
import { DeapCma, type PopulationEvaluator } from '../../fit/deap-cma.js';
import { traceRmse } from '../../fit/trace-rmse.js';
import { parseTraceCsv, type Trace } from '../../fit/trace-csv.js';
import { compileModel, ExperimentRun } from './experiment-run.js';
import { presetByName, neuronPresets } from './presets.js';
import { protocolAttribute } from './protocols.js';
import type { FitState } from './fit-state.js';
import type { PlaygroundState } from './state.js';

/** Run an experiment to its end; the recorded variable of its one neuron. */
function wholeTrace(run: ExperimentRun): Float64Array {
  const parts: Float64Array[] = [];
  while (!run.done) parts.push(run.advance(1e9).values);
  return concat(parts);
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}

/**
 * One individual's simulation, run in slices (the worker yields between them so a stop arrives).
 *
 * @example
 * ```ts
 * const r = problem.individual([12, -52]);
 * while (!r.advance(20_000)); const loss = problem.loss(r.trace());
 * ```
 */
export class IndividualRun {
  private readonly parts: Float64Array[] = [];

  constructor(readonly run: ExperimentRun) {}

  /** Up to `maxSteps` more steps; true once the run is complete. */
  advance(maxSteps: number): boolean {
    if (!this.run.done) this.parts.push(this.run.advance(maxSteps).values);
    return this.run.done;
  }

  /** The recorded variable so far (all of it once {@link advance} returned true). */
  trace(): Float64Array {
    return concat(this.parts);
  }
}

/**
 * The fit of a page state (`state.fit` set): checks everything before the first generation and
 * throws with what is wrong (a fitted name that is not a parameter, one the protocol drives, a
 * sweep, an unknown target model, a malformed CSV with its line).
 *
 * @example
 * ```ts
 * const problem = new FitProblem(state);
 * const best = await problem.deapCma(problem.evaluateSync).run(); // best.tau, best.best_fitness
 * ```
 */
export class FitProblem {
  readonly fit: FitState;
  readonly names: string[];
  readonly lower: number[];
  readonly upper: number[];
  /** Sampling period of the recorded variable (ms). */
  readonly periodMs: number;
  /** The target trace (time in ms). */
  readonly target: Trace;

  constructor(readonly state: PlaygroundState) {
    if (!state.fit) throw new Error('fit: choose at least one parameter to fit');
    const fit = state.fit;
    this.fit = fit;
    if (state.sweep.n !== 1) throw new Error(`fit: the experiment has ${state.sweep.n} neurons (sweep); a fit simulates one neuron per parameter set: set "neurons (sweep)" to 1`);
    const { info } = compileModel(state.source, state.name, state.dt);
    const driven = protocolAttribute(state.protocol);
    for (const p of fit.params) {
      if (!info.parameters.some((q) => q.name === p.name)) throw new Error(`fit: model "${state.name}" has no parameter "${p.name}"; parameters: ${info.parameters.map((q) => q.name).join(', ')}`);
      if (p.name === driven) throw new Error(`fit: "${p.name}" is driven by the protocol; it cannot be fitted (choose another parameter or protocol "none")`);
      if (!(p.lower < p.upper)) throw new Error(`fit: bounds of "${p.name}": lower ${p.lower} must be below upper ${p.upper}`);
    }
    this.names = fit.params.map((p) => p.name);
    this.lower = fit.params.map((p) => p.lower);
    this.upper = fit.params.map((p) => p.upper);
    this.periodMs = state.periodSteps * state.dt;
    if (fit.target.kind === 'csv') {
      this.target = parseTraceCsv(fit.target.csv, { file: fit.target.file });
    } else {
      const preset = presetByName(fit.target.name);
      if (!preset) throw new Error(`fit: there is no model "${fit.target.name}" to fit to; models: ${neuronPresets().map((p) => p.name).join(', ')}`);
      let run: ExperimentRun;
      try {
        run = new ExperimentRun({ ...this.targetState(preset.source, preset.name) });
      } catch (e) {
        throw new Error(`fit: target model "${preset.name}": ${e instanceof Error ? e.message : String(e)}`);
      }
      const value = wholeTrace(run);
      this.target = { time: Float64Array.from(value, (_, j) => j * this.periodMs), value };
    }
    // the Monitor samples steps 0, periodSteps, 2 periodSteps, ... before totalSteps
    const lastSample = (Math.ceil(this.individual(this.lower).run.totalSteps / state.periodSteps) - 1) * this.periodMs;
    const lastTarget = this.target.time[this.target.time.length - 1]!;
    if (lastTarget > lastSample + 1e-9 * this.periodMs) {
      throw new Error(`fit: the target runs to ${lastTarget} ms, the experiment's trace to ${lastSample} ms: set the duration to at least ${lastTarget + this.periodMs} ms`);
    }
    if (this.target.time[0]! < 0) throw new Error(`fit: the target starts at ${this.target.time[0]} ms; its times must be from 0 (the start of the simulation)`);
  }

  /** The page's experiment with another model and its own parameter values (the model target). */
  private targetState(source: string, name: string): PlaygroundState {
    const { fit: _fit, ...rest } = this.state;
    return { ...rest, source, name, params: {} };
  }

  /**
   * The experiment of one individual (fitted values in the order of `fit.params`), not yet run.
   *
   * @example
   * ```ts
   * const r = problem.individual([10, -50]); while (!r.advance(1e9));
   * ```
   */
  individual(values: readonly number[]): IndividualRun {
    const params = { ...this.state.params };
    this.names.forEach((n, i) => (params[n] = values[i]!));
    const { fit: _fit, ...rest } = this.state;
    return new IndividualRun(new ExperimentRun({ ...rest, params }));
  }

  /** RMSE of a model trace against the target. */
  loss(trace: Float64Array): number {
    return traceRmse(this.target, trace, this.periodMs);
  }

  /**
   * Every individual simulated in turn, no yielding (Node, tests).
   *
   * @example
   * ```ts
   * await problem.deapCma(problem.evaluateSync).run();
   * ```
   */
  readonly evaluateSync: PopulationEvaluator = (pop) =>
    pop.map((x) => {
      const r = this.individual(x);
      while (!r.advance(1e9));
      return this.loss(r.trace());
    });

  /**
   * The DeapCma of this fit (the options the exported script writes: bounds, names, seed,
   * generations; CompNeuroPy's defaults otherwise: start in the middle of the bounds, sigma 0.25).
   *
   * @example
   * ```ts
   * problem.deapCma(evaluate).run$().subscribe((g) => draw(g));
   * ```
   */
  deapCma(evaluateFunction: PopulationEvaluator): DeapCma {
    return new DeapCma({
      lower: this.lower,
      upper: this.upper,
      paramNames: this.names,
      evaluateFunction,
      maxEvals: this.fit.generations,
      seed: this.fit.seed,
      displayProgressBar: false,
    });
  }
}
