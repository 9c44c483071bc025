import { defer, EMPTY, isObservable, Observable, tap, type SchedulerLike } from 'rxjs';
import type { Network } from '../engine/network.js';
import { currentNetwork } from '../engine/magic-network.js';
import { runSync, simulate$, withProtocol } from '../stream/simulate.js';
import type { SimulationFrame } from '../stream/simulation-frame.js';
import { checkKwargs, type SimulationFunction } from '../stream/simulation-function.js';
import type { Protocol } from '../stream/protocol.js';
import type { RequirementClass } from './requirements.js';
import { SimInfo } from './sim-info.js';
import { progressReporter, type ProgressOption } from '../engine/progress.js';
import { progressTap } from '../stream/progress-tap.js';

/**
 * A requirement: the class plus its arguments; string values `"simulation_kwargs.X[.path]"` link to the kwargs of the run.
 *
 * @example
 * ```ts
 * const r: Requirement = { req: ReqPopHasAttr, pop: 'HH_Bischop', attr: 'I_app' };
 * new CompNeuroSim({ simulationFunction: currentStep, requirements: [r] });
 * ```
 */
export type Requirement = { req: RequirementClass } & Record<string, unknown>;

/**
 * What CompNeuroSim needs from a monitor object (CompNeuroMonitors).
 *
 * @example
 * ```ts
 * const c: ChunkSource = monitors;   // a CompNeuroMonitors
 * new CompNeuroSim({ simulationFunction: currentStep, monitorObject: c });
 * ```
 */
export interface ChunkSource {
  /** Index of the chunk being recorded, or null before the monitors start. */
  currentChunk(): number | null;
}

/**
 * Options of {@link CompNeuroSim} (CompNeuroPy's constructor keywords in camelCase).
 *
 * @example
 * ```ts
 * const o: CompNeuroSimOptions = { simulationFunction: currentStep, simulationKwargs: { pop: 'HH_Bischop', a2: 50 } };
 * new CompNeuroSim(o);
 * ```
 */
export interface CompNeuroSimOptions<K extends Record<string, unknown> = Record<string, any>> {
  /** Runs the simulation: called with the kwargs object (or nothing); may return an Observable of frames. */
  simulationFunction: SimulationFunction;
  /** Kwargs of every run (kept by reference, as CompNeuroPy). */
  simulationKwargs?: K;
  /** Default "simulation" becomes "simulation<N>", N = CompNeuroSims created so far. */
  name?: string;
  description?: string;
  requirements?: Requirement[];
  /** Print a warning the first time run() overrides kwargs of a simulation with requirements (default false). */
  kwargsWarning?: boolean;
  /** Monitors whose current chunk is stored per run. */
  monitorObject?: ChunkSource;
  /** Network whose time is stored (default: the global network at run time). */
  network?: Network;
}

/**
 * Options of {@link CompNeuroSim.run$}.
 *
 * @example
 * ```ts
 * const o: RunStreamOptions = { scheduler: asyncScheduler, chunk: 10000 };
 * simRamp.run$({}, o).subscribe();
 * ```
 */
export interface RunStreamOptions {
  /** Run in chunks on this scheduler (built-in protocol functions only). */
  scheduler?: SchedulerLike;
  /** Steps per chunk (default 1000). */
  chunk?: number;
  /**
   * Report progress: `true` draws a terminal bar in Node; an Observer-like reporter (an RxJS
   * Subject) receives it anywhere. Built-in protocol functions report over their whole run;
   * other functions report each `simulate()` they call.
   */
  progress?: ProgressOption;
}

const PREFIX = ['simulation_kwargs', 'simulationKwargs'];

/**
 * CompNeuroPy's `CompNeuroSim`: a simulation function with its kwargs, requirements and a record
 * of every run (start/end time, kwargs, returned info, monitor chunk), read with
 * {@link CompNeuroSim.simulationInfo}. `run()` is synchronous; `run$()` is the same run as a cold
 * Observable of frames (built-in protocol functions stream every step; other functions run
 * inside `subscribe`, or stream the Observable they return).
 *
 * Choices: kwargs a function does not take (when it declares `kwargSpec`, as all built-ins do)
 * raise Python's TypeError before anything is recorded (CompNeuroPy records kwargs and start
 * first); a bare `"simulation_kwargs"` requirement argument gets a copy of the kwargs, not the
 * dict itself.
 *
 * @example
 * ```ts
 * const simRamp = new CompNeuroSim({ simulationFunction: currentRamp, simulationKwargs: { pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 50 } });
 * simRamp.run();
 * simRamp.run({ a1: 50 });          // overrides for this run
 * simRamp.simulationInfo().end;     // [1000, 2000]
 * simRamp.run$().pipe(sampleTime(100)).subscribe(draw);
 * ```
 */
export class CompNeuroSim<K extends Record<string, unknown> = Record<string, any>> {
  /** Names of every CompNeuroSim created in this process (CompNeuroPy's class list). */
  static readonly initializedSimulations: string[] = [];

  readonly name: string;
  readonly description: string;
  readonly simulationFunction: SimulationFunction;
  readonly simulationKwargs: K | undefined;
  readonly requirements: Requirement[];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly info: unknown[] = [];
  readonly kwargs: (Record<string, unknown> | undefined)[] = [];
  readonly monitorObject: ChunkSource | undefined;
  readonly monitorChunk: (number | null)[] | null;
  private warned: boolean;
  private readonly network: Network | undefined;

  constructor(opts: CompNeuroSimOptions<K>) {
    if (opts === null || typeof opts !== 'object') throw new Error('CompNeuroSim: expected an options object { simulationFunction, simulationKwargs, name, description, requirements, kwargsWarning, monitorObject }');
    const known = ['simulationFunction', 'simulationKwargs', 'name', 'description', 'requirements', 'kwargsWarning', 'monitorObject', 'network'];
    for (const k of Object.keys(opts)) if (!known.includes(k)) throw new Error(`CompNeuroSim: unknown option "${k}"; expected ${known.join(', ')}`);
    const { simulationFunction, simulationKwargs, name = 'simulation', description = '', requirements, kwargsWarning = false, monitorObject, network } = opts;
    if (typeof simulationFunction !== 'function') throw new Error('CompNeuroSim: simulationFunction must be a function (e.g. currentRamp)');
    if (simulationKwargs !== undefined && (simulationKwargs === null || typeof simulationKwargs !== 'object')) throw new Error('CompNeuroSim: simulationKwargs must be an object of keyword arguments');
    if (typeof name !== 'string') throw new Error('CompNeuroSim: name must be a string');
    if (requirements !== undefined && (!Array.isArray(requirements) || requirements.some((r) => r === null || typeof r !== 'object' || typeof r.req !== 'function'))) {
      throw new Error('CompNeuroSim: requirements must be a list of { req: RequirementClass, ...arguments }');
    }
    if (monitorObject !== undefined && typeof monitorObject.currentChunk !== 'function') throw new Error('CompNeuroSim: monitorObject must have currentChunk() (a CompNeuroMonitors)');
    this.name = name === 'simulation' ? `simulation${CompNeuroSim.initializedSimulations.length}` : name;
    CompNeuroSim.initializedSimulations.push(this.name);
    this.description = description;
    this.simulationFunction = simulationFunction;
    this.simulationKwargs = simulationKwargs;
    this.requirements = requirements ?? [];
    this.warned = !kwargsWarning;
    this.monitorObject = monitorObject;
    this.monitorChunk = monitorObject !== undefined ? [] : null;
    this.network = network;
    // As CompNeuroPy: the requirements must hold already (the model exists).
    this.testReq(simulationKwargs);
  }

  private get net(): Network {
    return this.network ?? currentNetwork();
  }

  /** Effective kwargs of a run: the initial object itself, or a merged copy with the overrides. */
  private effectiveKwargs(overrides: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    if (overrides === undefined || overrides === null) return this.simulationKwargs;
    if (typeof overrides !== 'object') throw new Error(`CompNeuroSim "${this.name}".run: overrides must be an object of kwargs`);
    const tmp = this.simulationKwargs !== undefined ? { ...this.simulationKwargs, ...overrides } : overrides;
    if (!this.warned && this.requirements.length > 0) {
      console.log(`\nWARNING! run ${this.name} changed simulation kwargs, initial requirements may no longer be fulfilled!\n`);
      this.warned = true;
    }
    return tmp;
  }

  /** CompNeuroPy's `_test_req`: run every requirement with arguments linked to the kwargs. */
  private testReq(simulationKwargs: Record<string, unknown> | undefined): void {
    const kwargs = simulationKwargs ?? this.simulationKwargs ?? {};
    for (const req of this.requirements) {
      const keys = Object.keys(req).filter((k) => k !== 'req');
      if (keys.length === 0) {
        new req.req().run();
        continue;
      }
      let reqKwargs: Record<string, unknown> = {};
      for (const k of keys) reqKwargs[k] = req[k];
      for (const key of keys) {
        const val = req[key];
        if (typeof val !== 'string') continue;
        const parts = val.split('.');
        if (!PREFIX.includes(parts[0]!)) continue;
        if (parts.length === 1) {
          reqKwargs = { ...kwargs };
        } else {
          let v: unknown = kwargs[parts[1]!];
          if (!(parts[1]! in kwargs)) throw new Error(`CompNeuroSim "${this.name}": requirement argument "${key}" links to "${val}", but the simulation kwargs have no "${parts[1]}"`);
          for (const p of parts.slice(2)) {
            if (v === null || v === undefined) throw new Error(`CompNeuroSim "${this.name}": requirement argument "${key}": cannot read "${p}" of ${String(v)} in "${val}"`);
            v = (v as Record<string, unknown>)[p];
          }
          reqKwargs[key] = v;
        }
      }
      new req.req(reqKwargs).run();
    }
  }

  /** Everything before the first step: kwargs, requirements, signature; then the record of the run's start. */
  private begin(overrides: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    const tmp = this.effectiveKwargs(overrides);
    this.testReq(tmp);
    const spec = this.simulationFunction.kwargSpec;
    if (spec) checkKwargs(this.simulationFunction.name, spec, tmp);
    this.kwargs.push(tmp);
    if (this.monitorObject !== undefined) this.monitorChunk!.push(this.monitorObject.currentChunk());
    this.start.push(this.net.getTime());
    return tmp;
  }

  /**
   * Steps a run with these overrides will simulate, when the function is a built-in protocol
   * (known before it runs); undefined for other functions. Records nothing.
   *
   * @example
   * ```ts
   * simRamp.plannedSteps(); // 100000 for a 1000 ms ramp at dt = 0.01
   * ```
   */
  plannedSteps(overrides?: Record<string, unknown>): number | undefined {
    const fn = this.simulationFunction as SimulationFunction & { protocol?: (k: unknown) => Protocol };
    if (typeof fn.protocol !== 'function') return undefined;
    const p = fn.protocol(this.effectiveKwargs(overrides));
    return p.bind(p.network ?? this.net).steps;
  }

  /**
   * Run the simulation function once with the initial kwargs updated by `overrides`, recording
   * start/end time, kwargs, monitor chunk and the returned info. Requirement and kwargs errors
   * are thrown before anything runs or is recorded.
   *
   * @example
   * ```ts
   * simStep.run({ a2: 10 });
   * ```
   */
  run(overrides?: Record<string, unknown>, options: { progress?: ProgressOption } = {}): void {
    if (options?.progress) {
      runSync(this.run$(overrides, { progress: options.progress }));
      return;
    }
    const tmp = this.begin(overrides);
    let result = tmp !== undefined ? this.simulationFunction(tmp) : this.simulationFunction();
    if (isObservable(result)) {
      runSync(result);
      result = undefined;
    }
    this.info.push(result);
    this.end.push(this.net.getTime());
  }

  /**
   * The run as a cold Observable: subscribing checks the requirements and kwargs (errors arrive
   * before any step), records the start, emits the frames and records info and end at completion.
   *
   * @example
   * ```ts
   * simRamp.run$(undefined, { scheduler: asyncScheduler }).pipe(bufferCount(1000)).subscribe(plot);
   * ```
   */
  run$(overrides?: Record<string, unknown>, options: RunStreamOptions = {}): Observable<SimulationFrame> {
    // defer + operators (not a hand-made Observable around an inner subscribe): the inner
    // subscriber is linked to the outer one at once, so a synchronous run stops on unsubscribe
    return defer(() => {
      const fn = this.simulationFunction as SimulationFunction & { protocol?: (k: unknown) => Protocol };
      const tmp = this.begin(overrides);
      const finish = (info: unknown) => {
        this.info.push(info);
        this.end.push(this.net.getTime());
      };
      const { progress, ...simOptions } = options;
      const reporter = progressReporter(progress, `CompNeuroSim "${this.name}"`);
      if (typeof fn.protocol === 'function') {
        const p = fn.protocol(tmp);
        const network = p.network ?? this.net;
        const run = simulate$(undefined, { network, ...simOptions }).pipe(withProtocol(p), tap({ complete: () => finish(p.info(network.dt)) }));
        return reporter ? run.pipe(progressTap(reporter, p.bind(network).steps)) : run;
      }
      // each simulate() the function calls reports: a bar of its own each (progress: true), or
      // into the one reporter, which completes when the function returns
      const before = this.net.progress;
      if (reporter) this.net.progress = progress === true ? true : { next: (info) => reporter.next(info) };
      let result: unknown;
      try {
        result = tmp !== undefined ? fn(tmp) : fn();
      } finally {
        this.net.progress = before;
        if (reporter && progress !== true) reporter.complete?.();
      }
      if (isObservable(result)) return (result as Observable<SimulationFrame>).pipe(tap({ complete: () => finish(undefined) }));
      finish(result);
      return EMPTY;
    });
  }

  /** The record of all runs as a {@link SimInfo} (sharing this simulation's lists, as CompNeuroPy). */
  simulationInfo(): SimInfo {
    return new SimInfo(this.name, this.description, this.simulationFunction.name, this.start, this.end, this.info, this.kwargs, this.monitorChunk);
  }

  /**
   * Deprecated in CompNeuroPy (only for `currentStep`); prints its warning and delegates to
   * {@link SimInfo.getCurrentArr}.
   */
  getCurrentArr(dt: number, flat = false): Float64Array[] | Float64Array {
    if (!['currentStep', 'current_step'].includes(this.simulationFunction.name)) throw new Error('ERROR get_current_arr: Simulation has to be "currentStep"!');
    console.log('WARNING get_current_arr function will only be available in SimInfo soon.');
    return flat ? this.simulationInfo().getCurrentArr(dt, true) : this.simulationInfo().getCurrentArr(dt);
  }
}
