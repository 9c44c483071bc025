import { Observable, concat, defer, EMPTY, isObservable, of, filter, map } from 'rxjs';
import type { SimulationFrame } from '../stream/simulation-frame.js';
import { ProducerObservable } from '../stream/producer-observable.js';
import type { RunStreamOptions } from './comp-neuro-sim.js';
import type { CompNeuroExp, ExperimentResetOptions, ExperimentResults } from './comp-neuro-exp.js';

/**
 * One stage of an experiment pipeline: runs when reached; may return the frames it simulates.
 *
 * @example
 * ```ts
 * const stage: ExperimentStage = { name: 'log', run: (exp) => { console.log(exp.data); } };
 * experiment$(exp, [stage]);
 * ```
 */
export interface ExperimentStage<E extends CompNeuroExp = CompNeuroExp> {
  readonly name: string;
  /** Runs the stage; returns the frames it simulates, if any. */
  run(exp: E): Observable<SimulationFrame> | void;
  /** Steps the stage will simulate, if known before it runs (for progress percentages). */
  steps?(exp: E): number | undefined;
}

/**
 * What an experiment pipeline emits.
 *
 * @example
 * ```ts
 * experiment$(exp, stages).subscribe((e: ExperimentEvent) => { if (e.type === 'results') console.log(e.results); });
 * ```
 */
export type ExperimentEvent =
  | { type: 'stage'; index: number; stage: string }
  | {
      type: 'progress';
      index: number;
      stage: string;
      step: number;
      t: number;
      /** Steps simulated so far by the whole pipeline, the pipeline's total, 0-100. */
      done: number;
      total: number;
      percent: number;
    }
  | { type: 'results'; results: ExperimentResults };

/**
 * Options of {@link experiment$}.
 *
 * @example
 * ```ts
 * const o: ExperimentPipelineOptions = { progressEvery: 10000 };
 * experiment$(exp, stages, o);
 * ```
 */
export interface ExperimentPipelineOptions {
  /** Emit a progress event every `progressEvery` simulated steps (default 1000). */
  progressEvery?: number;
}

/**
 * `exp.reset(opts)` as a stage.
 *
 * @example
 * ```ts
 * experiment$(exp, [resetStage(), startMonitorsStage(), simulationStage(simRamp)]);
 * ```
 */
export function resetStage(opts: ExperimentResetOptions = {}): ExperimentStage {
  return { name: 'reset', run: (exp) => exp.reset(opts) };
}

/**
 * `exp.monitors.start(compartments)` as a stage.
 *
 * @example
 * ```ts
 * experiment$(exp, [startMonitorsStage(['HH_Bischop']), simulationStage(simRamp)]);
 * ```
 */
export function startMonitorsStage(compartments?: string[]): ExperimentStage {
  return {
    name: 'start monitors',
    run: (exp) => {
      if (!exp.monitors) throw new Error('startMonitorsStage: the experiment has no monitors');
      exp.monitors.start(compartments);
    },
  };
}

/**
 * A CompNeuroSim run (its `run$()`, streaming every step) as a stage.
 *
 * @example
 * ```ts
 * experiment$(exp, [resetStage(), simulationStage(simRamp, { a1: 200 })]);
 * ```
 */
export function simulationStage(
  sim: {
    readonly name: string;
    run$(overrides?: Record<string, unknown>, options?: RunStreamOptions): Observable<SimulationFrame>;
    plannedSteps?(overrides?: Record<string, unknown>): number | undefined;
  },
  overrides?: Record<string, unknown>,
  options?: RunStreamOptions,
): ExperimentStage {
  return { name: sim.name, run: () => sim.run$(overrides, options), steps: () => sim.plannedSteps?.(overrides) };
}

/**
 * Any synchronous action (set a parameter, store data) as a stage.
 *
 * @example
 * ```ts
 * experiment$(exp, [actionStage('raise I', () => { getPopulation('HH_Bischop').I_app = 10; })]);
 * ```
 */
export function actionStage<E extends CompNeuroExp>(name: string, action: (exp: E) => void): ExperimentStage<E> {
  return { name, run: (exp) => action(exp) };
}

/**
 * An experiment as a cold Observable: the stages run in order when subscribed (reset, start the
 * monitors, simulations, ...), emitting a `stage` event as each begins and `progress` events
 * while simulations run, and completing with one `results` event (`exp.results()`).
 * Unsubscribing stops the running simulation before its next step.
 *
 * @example
 * ```ts
 * experiment$(myExp, [
 *   resetStage(),
 *   startMonitorsStage(),
 *   actionStage('set E_L', () => { getPopulation('HH_Bischop').E_L = -68; }),
 *   simulationStage(simRamp),
 *   resetStage({ parameters: false }),
 *   simulationStage(simStep),
 * ]).subscribe((e) => { if (e.type === 'results') plot(e.results); });
 * ```
 */
export function experiment$<E extends CompNeuroExp>(
  exp: E,
  stages: readonly ExperimentStage<E>[],
  opts: ExperimentPipelineOptions = {},
): Observable<ExperimentEvent> {
  const every = opts.progressEvery ?? 1000;
  if (!Number.isInteger(every) || every < 1) throw new Error(`experiment$: progressEvery must be a positive integer, got ${String(every)}`);
  stages.forEach((s, i) => {
    if (!s || typeof s.run !== 'function' || typeof s.name !== 'string') throw new Error(`experiment$: stage ${i} must be { name, run(exp) }`);
  });
  // a ProducerObservable: an exception of the consumer of the events reaches the running
  // simulate$, which stops and restores its protocols (issue 18 item 7)
  return new ProducerObservable<ExperimentEvent>((subscriber) => defer(() => {
    // the total is taken when the pipeline starts (a protocol's steps depend on dt); a stage
    // that cannot tell adds nothing, and its steps count once they run
    let total = 0;
    for (const s of stages) total += s.steps?.(exp) ?? 0;
    let done = 0;
    let last: { index: number; stage: string; step: number; t: number } = { index: -1, stage: '', step: 0, t: 0 };
    type ProgressEvent = Extract<ExperimentEvent, { type: 'progress' }>;
    const progress = (p: typeof last): ProgressEvent => ({
      type: 'progress', ...p, done, total: Math.max(total, done), percent: total > 0 ? Math.min(100, (100 * done) / total) : 0,
    });
    const parts = stages.map((s, index) => defer(() => {
      const started = of<ExperimentEvent>({ type: 'stage', index, stage: s.name });
      return concat(started, defer(() => {
        const out = s.run(exp);
        if (!isObservable(out)) return EMPTY;
        let n = 0;
        return out.pipe(
          filter((f) => {
            done++;
            last = { index, stage: s.name, step: f.step, t: f.t };
            return ++n % every === 0;
          }),
          map(() => progress(last)),
        );
      }));
    }));
    const finished = defer(() => {
      const end: ExperimentEvent = { ...progress(last), total: done, percent: 100 };
      const results: ExperimentEvent = { type: 'results', results: exp.results() };
      return of(end, results);
    });
    return concat(...parts, finished);
  }).subscribe(subscriber));
}
