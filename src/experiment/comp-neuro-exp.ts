import { currentNetwork } from '../engine/magic-network.js';
import type { RecordingTimes } from '../monitors/recording-times.js';
import type { Recordings } from '../monitors/recordings.js';
import { deepCopy } from './deep-copy.js';
import { getAllParameters, setAllParameters } from './model-functions.js';
import { applyModelState, captureModelState, type ModelState } from './model-state.js';

/**
 * What an experiment needs of its monitors (a CompNeuroMonitors).
 *
 * @example
 * ```ts
 * const m: ExperimentMonitors = new CompNeuroMonitors({ HH_Bischop: ['v'] });
 * new CompNeuroExp(m);
 * ```
 */
export interface ExperimentMonitors {
  readonly monDict: Record<string, readonly string[] | string>;
  /** Starts recording (all compartments, or the named ones). */
  start(compartments?: string[]): void;
  /** Resets the network as CompNeuroPy's `reset()` with these switches. */
  reset(opts: { populations?: boolean; projections?: boolean; synapses?: boolean; monitors?: boolean; model?: boolean; parameters?: boolean }): void;
  /** Returns the recordings and recording times so far and starts a new chunk. */
  getRecordingsAndClear(): [Recordings, RecordingTimes];
}

/**
 * Options of {@link CompNeuroExp.reset} (CompNeuroPy keywords).
 *
 * @example
 * ```ts
 * const o: ExperimentResetOptions = { parameters: false };   // keep parameters, reset variables
 * exp.reset(o);
 * ```
 */
export interface ExperimentResetOptions {
  populations?: boolean;
  projections?: boolean;
  synapses?: boolean;
  /** Reset the network (state and time); false only opens a new monitor chunk. */
  model?: boolean;
  /** Apply the stored model state after the reset. */
  modelState?: boolean;
  /** false keeps the current parameter values. */
  parameters?: boolean;
}

/**
 * The results of an experiment run (CompNeuroPy's `_ResultsCl`).
 *
 * @example
 * ```ts
 * const r = exp.run();
 * r.recordings[0]['HH_Bischop;v']; r.recordingTimes.timeLims({ chunk: 0 }); r.data.sim;
 * ```
 */
export class ExperimentResults<D extends Record<string, unknown> = Record<string, unknown>> {
  constructor(
    readonly recordings: Recordings,
    readonly recordingTimes: RecordingTimes | undefined,
    /** The monitors' mon_dict (the same object, as in CompNeuroPy). */
    readonly monDict: Record<string, readonly string[] | string>,
    /** A deep copy of the experiment's data at the time of `results()`. */
    readonly data: D,
  ) {}
}

/**
 * Base class of experiments (CompNeuroPy's `CompNeuroExp`): subclass it and implement `run()`,
 * which resets, starts the monitors, simulates and returns `this.results()`.
 *
 * @example
 * ```ts
 * class MyExp extends CompNeuroExp {
 *   run() {
 *     this.reset();
 *     this.monitors!.start();
 *     simRamp.run();
 *     return this.results();
 *   }
 * }
 * ```
 */
export class CompNeuroExp<D extends Record<string, unknown> = Record<string, unknown>> {
  monitors: ExperimentMonitors | undefined;
  /** Free-form data stored during a run; `results()` returns a deep copy. */
  data: D = {} as D;
  private _modelState: ModelState | undefined;

  constructor(monitors?: ExperimentMonitors) {
    this.monitors = monitors;
  }

  /** The stored model state (immutable), if any. */
  get modelState(): ModelState | undefined {
    return this._modelState;
  }

  /**
   * Store every attribute of the listed compartments; `reset()` then restores this state
   * instead of the compile state. Unknown names throw `Compartment X not found in model`.
   */
  storeModelState(compartmentList: readonly string[]): void {
    if (!Array.isArray(compartmentList)) throw new Error('storeModelState: expected a list of population/projection names');
    this._modelState = captureModelState(compartmentList);
  }

  /** Use a snapshot made elsewhere (e.g. derived with `deriveModelState`). */
  setModelState(state: ModelState | undefined): void {
    this._modelState = state;
  }

  /** Forget the stored state: `reset()` goes back to the compile state. */
  resetModelState(): void {
    this._modelState = undefined;
  }

  /**
   * Reset the model and monitors (CompNeuroPy semantics, compneuropy-semantics §1): a new
   * monitor chunk, the network reset (unless `model: false`), parameters kept when
   * `parameters: false`, then the stored state applied (variables only with `parameters: false`).
   */
  reset(opts: ExperimentResetOptions = {}): void {
    const known = ['populations', 'projections', 'synapses', 'model', 'modelState', 'parameters'];
    for (const k of Object.keys(opts)) if (!known.includes(k)) throw new Error(`CompNeuroExp.reset: unknown option "${k}"; expected ${known.join(', ')}`);
    let { projections = false } = opts;
    const { populations = true, synapses = false, model = true, modelState = true, parameters = true } = opts;
    if (synapses && !projections) {
      console.log('Warning: synapses=True and projections=False, projections are automatically set to True!');
      projections = true;
    }
    if (this.monitors) {
      this.monitors.reset({ populations, projections, synapses, monitors: true, model, parameters });
      if (modelState && this._modelState && model) {
        applyModelState(this._modelState, { parameters, populations, projections });
      }
    } else if (model) {
      const saved = parameters ? undefined : getAllParameters();
      currentNetwork().reset({ populations, projections, synapses, monitors: true });
      if (saved) setAllParameters(saved);
      // CompNeuroPy's no-monitor path ignores the populations/projections flags here (quirk §14.8)
      if (modelState && this._modelState) applyModelState(this._modelState, { parameters });
    }
  }

  /** Collect recordings (clearing the monitors) and a deep copy of `data`. */
  results(): ExperimentResults<D> {
    if (this.monitors) {
      const [recordings, recordingTimes] = this.monitors.getRecordingsAndClear();
      return new ExperimentResults(recordings, recordingTimes, this.monitors.monDict, deepCopy(this.data));
    }
    return new ExperimentResults([], undefined, {}, deepCopy(this.data));
  }

  /** Implemented by subclasses: run the experiment and return `this.results()`. */
  run(..._args: unknown[]): unknown {
    throw new Error(`${this.constructor.name}.run() is not implemented: define run() in your CompNeuroExp subclass (reset, start monitors, simulate, return this.results())`);
  }
}
