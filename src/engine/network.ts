import { callbacksOf, simulateWithCallbacks } from './callbacks.js';
import type { NumericalMethod } from '../language/description.js';
import type { Population } from './population.js';
import type { Recorder, StepParticipant } from './step-participant.js';
import { MT19937 } from './random/mt19937.js';
import { NumpyRandomState } from './random/numpy-legacy.js';
import { warnOnce } from './warn-once.js';
import { ThreadPool } from './threads/thread-pool.js';
import { ParallelUpdate } from './threads/parallel-update.js';
import { progressReporter, runWithProgress, type ProgressOption } from './progress.js';
import { compileStepFunction, type StepFunction } from './step-function.js';

/**
 * Options of {@link Network.setup} (ANNarchy's `setup()` keywords in camelCase).
 *
 * @example
 * ```ts
 * const o: SetupOptions = { dt: 0.1, seed: 42, backend: 'auto' };
 * setup(o);
 * ```
 */
export interface SetupOptions {
  /** Time step in ms (ANNarchy's default 1.0). */
  dt?: number;
  /** Seed of all random numbers; -1 (default) seeds from the clock. */
  seed?: number;
  /** Default numerical method for ODEs without a method flag. */
  method?: NumericalMethod;
  /** Accepted for compatibility; only 'double' is supported. */
  precision?: 'double';
  /**
   * Threads that share the neuron updates of large populations (ANNarchy's `num_threads`,
   * default 1): each population of at least `numThreads * minNeuronsPerThread` neurons is split
   * into equal neuron ranges, one per thread, over shared memory. Results are bit-identical to
   * one thread. Needs the Node entry (worker threads) or the browser entry in a
   * cross-origin-isolated page (Web Workers); fixed after `compile()`.
   */
  numThreads?: number;
  /**
   * Neurons each thread must get before a population is split (not in ANNarchy; default 2048):
   * below that, waking the threads costs more than they save, so small networks run on one
   * thread whatever `numThreads` says.
   */
  minNeuronsPerThread?: number;
  /**
   * Where neuron updates run (not in ANNarchy): `'auto'` (default) WebAssembly SIMD for every
   * population whose update compiles to it, JavaScript for the others; `'wasm'` the same but an
   * error for a population that cannot; `'js'` JavaScript only. Results are bit-identical.
   */
  backend?: 'auto' | 'wasm' | 'js';
  /**
   * Opt-in rewrites that change results in the last bits (not in ANNarchy; Brian2's default
   * `-ffast-math` makes similar ones): divisions of neuron equations by population-wide values,
   * `dt` or number literals become multiplications by a reciprocal computed once per step.
   * Default false: every number as ANNarchy computes it.
   */
  fastMath?: boolean;
  /**
   * Print ANNarchy's console line of a bare `compile()` (`Compiling ...  OK `) and one-time
   * warnings about suspicious values (default true; not in ANNarchy, whose `setup` has no such
   * switch). Compiles inside `CompNeuroModel` are silent either way, as in CompNeuroPy.
   */
  verbose?: boolean;
  /**
   * Allow synapses to be removed and added while the network runs (ANNarchy's
   * `structural_plasticity`, default false): `Dendrite.pruneSynapse(s)`, `createSynapse(s)`.
   */
  structuralPlasticity?: boolean;
}

/**
 * Options of {@link Network.simulate}.
 *
 * @example
 * ```ts
 * const o: NetworkSimulateOptions = { progress: true };
 * net.simulate(1000, o);
 * ```
 */
export interface NetworkSimulateOptions {
  /**
   * Report progress: `true` shows a terminal progress bar in Node (simulated time, percentage,
   * ETA); a reporter object (`next(info)`, e.g. an RxJS Subject) receives the progress anywhere.
   */
  progress?: ProgressOption;
  /** Run the callbacks declared with `every()` (default true, ANNarchy's `callbacks=True`). */
  callbacks?: boolean;
}

/**
 * Options of {@link Network.reset}.
 *
 * @example
 * ```ts
 * const o: ResetOptions = { populations: true, projections: true, monitors: true };
 * reset(o);
 * ```
 */
export interface ResetOptions {
  populations?: boolean;
  projections?: boolean;
  synapses?: boolean;
  monitors?: boolean;
}

/**
 * A named participant (projection) of a network.
 *
 * @example
 * ```ts
 * const p: NamedParticipant = getProjection('pre_post');
 * p.name;
 * ```
 */
export interface NamedParticipant extends StepParticipant {
  readonly name: string;
}

const METHODS = ['explicit', 'implicit', 'semiimplicit', 'exponential', 'midpoint', 'rk4', 'exact'];

/**
 * A network of populations, projections and monitors with ANNarchy 4.7.3's step order
 * (annarchy-semantics §2.1). Plain synchronous code: `step()` advances one time step.
 *
 * @example
 * ```ts
 * const net = new Network({ dt: 0.1 });
 * const pop = new Population(10, LIF, { name: 'exc', network: net });
 * net.compile();
 * net.simulate(100);   // ceil(100 / 0.1) = 1000 steps
 * net.getTime();       // 100
 * ```
 */
export class Network {
  private _dt = 1.0;
  seed = -1;
  method: NumericalMethod = 'explicit';
  /** See {@link SetupOptions.backend}. */
  backend: 'auto' | 'wasm' | 'js' = 'auto';
  /** See {@link SetupOptions.fastMath}. */
  fastMath = false;
  /** See {@link SetupOptions.verbose}. */
  verbose = true;
  /** See {@link SetupOptions.numThreads}. */
  numThreads = 1;
  /** See {@link SetupOptions.minNeuronsPerThread}. */
  minNeuronsPerThread = 2048;
  /**
   * Options every new network starts from before its own (e.g. `{ numThreads: 2 }` to run a
   * whole test suite with threads); empty by default.
   */
  static defaults: SetupOptions = {};
  private threads: ThreadPool | undefined;
  /**
   * Progress reporting of `simulate()` calls that give no `progress` option (CompNeuroSim sets it
   * while a simulation function runs); default none.
   */
  progress: ProgressOption | undefined;
  /** Integer step counter `t` (ANNarchy's current step). */
  currentStep = 0;
  readonly populationsList: Population[] = [];
  readonly projectionsList: NamedParticipant[] = [];
  readonly recorders: Recorder[] = [];
  private compiledObjects = new Set<object>();
  /** Something was added since the last compile (cached so step() does not rescan). */
  private dirty = true;
  /**
   * The step generated for the current make-up (see {@link compileStepFunction}); undefined
   * until the next step builds it after a compile or a change of the recorders, null when the
   * generic step runs (kernel threads, or too many participants).
   */
  private stepFn: StepFunction | null | undefined;
  /**
   * Random generators: `rng` is the C++ `std::mt19937` of equation draws (`Uniform(...)` in
   * equations), `numpyRng` numpy's legacy global generator (RandomDistribution objects,
   * connectivity). Both are reseeded by `setup({ seed })`; unseeded they start from the clock.
   */
  rng: MT19937 = new MT19937(Date.now() % 2 ** 31);
  numpyRng: NumpyRandomState = new NumpyRandomState(Math.floor(Math.random() * 2 ** 31));
  /** Called with each new seed so the random layer can re-create its generators. */
  onSeed: ((seed: number) => void) | undefined;

  constructor(opts: SetupOptions = {}) {
    this.setup({ ...Network.defaults, ...opts });
  }

  /** `setup({ structuralPlasticity })`: synapses may be pruned and created (ANNarchy `structural_plasticity`). */
  structuralPlasticity = false;

  /** Time step in ms. */
  get dt(): number {
    return this._dt;
  }

  /** Configure dt, seed and the default method (ANNarchy `setup()`); unknown keys are errors. */
  setup(opts: SetupOptions = {}): void {
    if (opts === null || typeof opts !== 'object') throw new Error('setup: expected an options object { dt, seed, method }');
    for (const k of Object.keys(opts)) {
      if (!['dt', 'seed', 'method', 'precision', 'numThreads', 'minNeuronsPerThread', 'backend', 'fastMath', 'verbose', 'structuralPlasticity'].includes(k)) {
        throw new Error(`setup: unknown option "${k}"; expected dt, seed, method, precision, numThreads, minNeuronsPerThread, backend, fastMath, verbose or structuralPlasticity`);
      }
    }
    if (opts.structuralPlasticity !== undefined) {
      if (typeof opts.structuralPlasticity !== 'boolean') throw new Error(`setup: structuralPlasticity must be true or false, got ${String(opts.structuralPlasticity)}`);
      this.structuralPlasticity = opts.structuralPlasticity;
    }
    if (opts.dt !== undefined) {
      if (typeof opts.dt !== 'number' || !(opts.dt > 0) || !Number.isFinite(opts.dt)) throw new Error(`setup: dt must be a positive number of ms, got ${String(opts.dt)}`);
      if (this.compiledObjects.size > 0 && opts.dt !== this._dt) throw new Error('setup: dt cannot change after compile()');
      this._dt = opts.dt;
    }
    if (opts.verbose !== undefined) {
      if (typeof opts.verbose !== 'boolean') throw new Error(`setup: verbose must be true or false, got ${String(opts.verbose)}`);
      this.verbose = opts.verbose;
    }
    if (opts.dt !== undefined && opts.dt < 1e-3 && this.verbose) {
      warnOnce(`setup: dt = ${opts.dt} ms looks like a time step in seconds; times are in milliseconds as in ANNarchy (dt = ${opts.dt * 1000} for ${opts.dt} s)`);
    }
    if (opts.method !== undefined) {
      if (!METHODS.includes(opts.method)) throw new Error(`setup: unknown method "${opts.method}"; expected one of ${METHODS.join(', ')}`);
      this.method = opts.method;
    }
    if (opts.backend !== undefined) {
      if (!['auto', 'wasm', 'js'].includes(opts.backend)) throw new Error(`setup: backend must be 'auto', 'wasm' or 'js', got ${String(opts.backend)}`);
      if (this.compiledObjects.size > 0 && opts.backend !== this.backend) throw new Error('setup: backend cannot change after compile()');
      this.backend = opts.backend;
    }
    if (opts.fastMath !== undefined) {
      if (typeof opts.fastMath !== 'boolean') throw new Error(`setup: fastMath must be true or false, got ${String(opts.fastMath)}`);
      if (this.compiledObjects.size > 0 && opts.fastMath !== this.fastMath) throw new Error('setup: fastMath cannot change after compile()');
      this.fastMath = opts.fastMath;
    }
    if (opts.precision !== undefined && opts.precision !== 'double') throw new Error(`setup: precision "${String(opts.precision)}" is not supported; only 'double'`);
    if (opts.numThreads !== undefined) {
      if (!Number.isInteger(opts.numThreads) || opts.numThreads < 1 || opts.numThreads > 256) throw new Error(`setup: numThreads must be an integer from 1 to 256, got ${String(opts.numThreads)}`);
      if (this.compiledObjects.size > 0 && opts.numThreads !== this.numThreads) throw new Error('setup: numThreads cannot change after compile()');
      this.numThreads = opts.numThreads;
    }
    if (opts.minNeuronsPerThread !== undefined) {
      if (!Number.isInteger(opts.minNeuronsPerThread) || opts.minNeuronsPerThread < 1) throw new Error(`setup: minNeuronsPerThread must be a positive integer, got ${String(opts.minNeuronsPerThread)}`);
      if (this.compiledObjects.size > 0 && opts.minNeuronsPerThread !== this.minNeuronsPerThread) throw new Error('setup: minNeuronsPerThread cannot change after compile()');
      this.minNeuronsPerThread = opts.minNeuronsPerThread;
    }
    if (opts.seed !== undefined) this.setSeed(opts.seed, 'setup');
  }

  /** Reseed the random generators (ANNarchy `set_seed`); `caller` names the call in the error. */
  setSeed(seed: number, caller = 'setSeed'): void {
    if (!Number.isInteger(seed)) throw new Error(`${caller}: seed must be an integer, got ${String(seed)}`);
    this.seed = seed;
    // ANNarchy: C++ std::mt19937(seed) and np.random.seed(seed)
    this.rng = new MT19937(seed);
    if (seed >= 0) this.numpyRng = new NumpyRandomState(seed);
    this.onSeed?.(seed);
  }

  /** Throws if a population or projection already has this name. */
  assertFreeName(name: string): void {
    if (this.populationsList.some((p) => p.name === name) || this.projectionsList.some((p) => p.name === name)) {
      throw new Error(`the name "${name}" is already used by a population or projection of this network`);
    }
  }

  private created = { population: 0, projection: 0 };

  /** Creation index of the next population or projection (default names `pop<id>`, `proj<id>` stay unique after a removal). */
  nextId(kind: 'population' | 'projection'): number {
    return this.created[kind]++;
  }

  /**
   * Take a population that is not compiled yet out of the network (e.g. after its compile
   * failed). Its projections and monitors must be removed first.
   *
   * @example
   * ```ts
   * try { net.compile(); } catch { net.removePopulation(bad); }
   * ```
   */
  removePopulation(pop: Population | string): void {
    const p = typeof pop === 'string' ? this.getPopulation(pop) : pop;
    const k = this.populationsList.indexOf(p);
    if (k < 0) throw new Error(`removePopulation: ${p && typeof p === 'object' ? `population "${(p as Population).name}"` : String(pop)} is not in this network`);
    if (this.compiledObjects.has(p)) throw new Error(`removePopulation: population "${p.name}" is compiled; only populations not compiled yet can be removed`);
    const users = this.projectionsList.filter((x) => (x as { pre?: unknown }).pre === p || (x as { post?: unknown }).post === p);
    if (users.length > 0) throw new Error(`removePopulation: population "${p.name}" is used by projection(s) ${users.map((x) => `"${x.name}"`).join(', ')}; remove them first`);
    if (this.recorders.some((r) => (r as { object?: unknown }).object === p)) throw new Error(`removePopulation: population "${p.name}" is recorded by a monitor; remove the monitor first`);
    this.populationsList.splice(k, 1);
    this.updateDirty();
  }

  /**
   * Take a projection that is not compiled yet out of the network (e.g. after its compile
   * failed).
   *
   * @example
   * ```ts
   * net.removeProjection(proj);
   * ```
   */
  removeProjection(proj: NamedParticipant | string): void {
    const p = typeof proj === 'string' ? this.getProjection(proj) : proj;
    const k = this.projectionsList.indexOf(p);
    if (k < 0) throw new Error(`removeProjection: ${p && typeof p === 'object' ? `projection "${p.name}"` : String(proj)} is not in this network`);
    if (this.compiledObjects.has(p)) throw new Error(`removeProjection: projection "${p.name}" is compiled; only projections not compiled yet can be removed`);
    if (this.recorders.some((r) => (r as { object?: unknown }).object === p)) throw new Error(`removeProjection: projection "${p.name}" is recorded by a monitor; remove the monitor first`);
    this.projectionsList.splice(k, 1);
    this.updateDirty();
  }

  private updateDirty(): void {
    this.stepFn = undefined;
    this.dirty = this.populationsList.some((p) => !this.compiledObjects.has(p)) || this.projectionsList.some((p) => !this.compiledObjects.has(p));
  }

  /** Adds a population (its constructor calls this; it is compiled by the next `compile()`). */
  addPopulation(pop: Population): void {
    this.populationsList.push(pop);
    this.dirty = true;
  }

  /** Adds a projection (its constructor calls this; it is compiled by the next `compile()`). */
  addProjection(proj: NamedParticipant): void {
    this.assertFreeName(proj.name);
    this.projectionsList.push(proj);
    this.dirty = true;
  }

  /** Adds a recorder (a monitor) called in every step. */
  addRecorder(rec: Recorder): void {
    this.recorders.push(rec);
    this.stepFn = undefined;
    if (this.compiled) {
      // transients it reads get their arrays now (before compile, the populations ask at compile)
      this.$storeWhatItReads(rec);
      rec.onCompile?.(this.currentStep);
    }
  }

  /**
   * Makes every compiled population keep per neuron what `rec` reads of it (transient variables
   * may otherwise have no array, or not be stored by the lean update): for a recorder added after
   * compile, or one that starts recording more variables.
   * @internal
   */
  $storeWhatItReads(rec: Recorder): void {
    for (const p of this.populationsList) if (p.$state) p.$requireStored(rec.reads ? rec.reads(p) : p.variables);
  }

  /** Removes a recorder added with `addRecorder`. */
  removeRecorder(rec: Recorder): void {
    const k = this.recorders.indexOf(rec);
    if (k >= 0) this.recorders.splice(k, 1);
    this.stepFn = undefined;
  }

  /** True once `compile()` ran (objects added later are compiled by the next `compile()`). */
  get compiled(): boolean {
    return !this.dirty;
  }

  /**
   * Generate and compile the kernels of every population and projection not compiled yet, and
   * capture the compile state that `reset()` returns to. Takes milliseconds.
   */
  compile(): void {
    const first = this.compiledObjects.size === 0;
    if (first && this.seed === -1) this.setSeed(Date.now() % 2 ** 31);
    // all or nothing: if one object fails, none of this call's objects counts as compiled (the
    // network stays as it was; remove or fix the failing object and compile again)
    const added: object[] = [];
    try {
      for (const p of this.populationsList) {
        if (this.compiledObjects.has(p)) continue;
        p.$compileInto(this.method);
        // before the projections compile: they share their arrays with split post populations
        this.splitOverThreads(p);
        this.compiledObjects.add(p);
        added.push(p);
      }
      for (const p of this.projectionsList) {
        if (this.compiledObjects.has(p)) continue;
        p.compile?.(this);
        this.compiledObjects.add(p);
        added.push(p);
      }
    } catch (e) {
      for (const o of added) this.compiledObjects.delete(o);
      throw e;
    }
    // projections may have added `_sum_<target>` arrays to their post-synaptic populations
    for (const p of this.populationsList) {
      const L = p.$state!.local;
      p.$sumArrays = p.spiking ? [] : Object.keys(L).filter((k) => k.startsWith('_sum_')).map((k) => L[k]!);
    }
    const pool = this.threads;
    if (pool) for (const p of added) (p as { $splitDelivery?: (pool: ThreadPool) => void }).$splitDelivery?.(pool);
    this.dirty = false;
    this.stepFn = undefined;
    if (first) for (const r of this.recorders) r.onCompile?.(this.currentStep);
  }

  /** One simulation step in ANNarchy's order (annarchy-semantics §2.1). */
  step(): void {
    if (this.dirty) this.compile();
    // the step generated for this network's make-up (same order), else the generic one
    const f = this.stepFn === undefined ? this.buildStep() : this.stepFn;
    if (f !== null) f(this.currentStep);
    else this.genericStep();
  }

  private buildStep(): StepFunction | null {
    return (this.stepFn = this.threads === undefined ? compileStepFunction(this) ?? null : null);
  }

  /** {@link step} with kernel threads: the deferred deliveries are flushed between phases. */
  private genericStep(): void {
    const t = this.currentStep;
    const pops = this.populationsList;
    const projs = this.projectionsList;
    // 1. reset rate sums
    for (let k = 0; k < pops.length; k++) {
      const p = pops[k]!;
      if (!p.enabled) continue;
      const sums = p.$sumArrays;
      // a loop, not fill(0): with fill here the heap bench measured allocation per step
      for (let j = 0; j < sums.length; j++) {
        const s = sums[j]!;
        for (let i = 0; i < s.length; i++) s[i] = 0;
      }
    }
    // indexed loops: the step must not allocate (no iterators, no boxed numbers)
    const recs = this.recorders;
    // kernel threads (setup({ numThreads })): a split delivery is deferred to the command of the
    // post population's update (one barrier per step); whatever may read or write its
    // conductances before that runs the deferred ones first (flush), so that every g element
    // sees the additions of one thread, in its order
    const pool = this.threads;
    // left over by a step that failed: one thread had delivered them at once
    if (pool !== undefined) pool.flush();
    // 2. inputs
    for (let k = 0; k < projs.length; k++) {
      const pr = projs[k]!;
      if (pool !== undefined && pool.pending > 0 && pr.$defersDelivery !== true) pool.flush();
      pr.$computeInputs?.(t);
    }
    // 3. record targets
    if (pool !== undefined && pool.pending > 0) {
      for (let k = 0; k < recs.length; k++) {
        const due = recs[k]!.targetsDue;
        if (due === undefined || due.call(recs[k], t)) {
          pool.flush();
          break;
        }
      }
    }
    for (let k = 0; k < recs.length; k++) recs[k]!.recordTargets(t);
    // 4. random draws
    for (let k = 0; k < pops.length; k++) if (pops[k]!.enabled) pops[k]!.$drawRandoms?.(t);
    for (let k = 0; k < projs.length; k++) projs[k]!.$drawRandoms?.(t);
    // 5. neuron updates, each population fully before the next
    for (let k = 0; k < pops.length; k++) {
      const p = pops[k]!;
      if (!p.enabled) continue;
      // a replaced update (a subclass, a test's probe) runs as it is, on this thread
      if (p.$parallel !== undefined && p.$updateKernel === p.$boundUpdate) p.$parallel.run(t, p.$leanNow);
      else {
        // other populations' updates read only their own variables
        if (p.$parallel !== undefined) pool!.flush();
        (p.$leanNow ? p.$leanUpdateKernel! : p.$updateKernel!)(t);
      }
      // spiking models mostly test spikes inside the update (kernels.spikeFused)
      p.$spikeKernel?.(t);
      if (p.spiking) p.$afterSpikes(t);
    }
    if (pool !== undefined) pool.flush();
    // 6. delays
    for (let k = 0; k < projs.length; k++) projs[k]!.$pushDelays?.(t);
    // 7. global operations (mean(r), ...), over the values after the update
    for (let k = 0; k < pops.length; k++) {
      const p = pops[k]!;
      if (p.enabled && p.$globalOperations.size > 0) p.$globalOperations.update(p.$state!);
    }
    // 8. synapses, 9. post events
    for (let k = 0; k < projs.length; k++) projs[k]!.$updateSynapses?.(t);
    for (let k = 0; k < projs.length; k++) projs[k]!.$postEvents?.(t);
    // 10. structural plasticity: every projection's creating, then every projection's pruning
    if (this.structuralPlasticity) {
      for (let k = 0; k < projs.length; k++) projs[k]!.$structural?.creating(t);
      for (let k = 0; k < projs.length; k++) projs[k]!.$structural?.pruning(t);
    }
    // 11. record; 12. the step is done even if a recorder fails (a stream subscriber that
    // throws): the time then agrees with what the monitors before it recorded
    try {
      for (let k = 0; k < recs.length; k++) recs[k]!.record(t);
    } finally {
      this.currentStep = t + 1;
    }
  }

  /**
   * Threads a population of `size` neurons is split over (`setup({ numThreads })`): 1 unless
   * it has at least `numThreads * minNeuronsPerThread` neurons.
   */
  threadsFor(size: number): number {
    return this.numThreads > 1 && size >= this.numThreads * this.minNeuronsPerThread ? this.numThreads : 1;
  }

  /** Give a compiled population's update to the kernel threads if it is large enough. */
  private splitOverThreads(p: Population): void {
    const S = p.$state;
    // populations with their own update (SpikeSourceArray, ...) or axonal spikes stay on this thread
    p.$parallel = undefined;
    if (!S || this.threadsFor(p.size) === 1 || p.$updateKernel !== p.$boundUpdate || S.axonal !== undefined) return;
    if (S.heap ? !S.heap.shared : !(S.spiked.buffer instanceof SharedArrayBuffer)) return;
    if (this.threads === undefined) {
      this.threads = new ThreadPool(this.numThreads);
      // a flushed delivery is split from 4 synapses per neuron of minNeuronsPerThread (8192 by default)
      this.threads.minSplitEvents = 4 * this.minNeuronsPerThread;
    }
    p.$parallel = new ParallelUpdate(p, this.threads);
  }

  /**
   * Stop the kernel threads of `setup({ numThreads })` (not in ANNarchy). The network cannot run
   * populations split over threads afterwards. Threads never keep a Node process alive, and
   * `clear()` disposes the network it replaces.
   *
   * @example
   * ```ts
   * const net = new Network({ numThreads: 2 });
   * // ... build, compile, simulate
   * net.dispose();
   * ```
   */
  dispose(): void {
    this.threads?.dispose();
  }

  /**
   * Run the spike deliveries deferred to the kernel threads' next command now (before
   * something reads or writes the conductances they add to).
   * @internal
   */
  $flushThreads(): void {
    this.threads?.flush();
  }

  /**
   * Commands the kernel threads ran so far, each one barrier (0 without threads): a debug
   * counter (a step of a split population with its split deliveries is one command).
   * @internal
   */
  get $threadCommands(): number {
    return this.threads?.commands ?? 0;
  }

  /** The kernel threads (`setup({ numThreads })`), once a population was split. @internal */
  get $threadPool(): ThreadPool | undefined {
    return this.threads;
  }

  /**
   * Time and barrier statistics of the kernel threads (`ThreadPool.stats`; empty without
   * threads); `timing` switches the threads' clocks on or off from now on.
   * @internal
   */
  $threadStats(timing?: boolean): ReturnType<ThreadPool['stats']> {
    if (this.threads && timing !== undefined) this.threads.timing = timing;
    return this.threads?.stats() ?? [];
  }

  /** Number of steps `simulate(ms)` runs: `ceil(ms / dt)` in doubles, as ANNarchy. */
  stepsFor(duration: number): number {
    if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
      throw new Error(`simulate: duration must be a non-negative number of ms, got ${String(duration)}`);
    }
    const steps = duration / this._dt;
    const n = Math.ceil(steps);
    if (this.verbose) {
      // ANNarchy rounds up silently: a duration off the dt grid is usually a typo or a unit slip,
      // and one on the grid can still get a step more when the division rounds up in doubles
      const k = Math.round(steps);
      if (Math.abs(steps - k) > 1e-9 * Math.max(1, steps)) {
        warnOnce(`simulate: ${duration} ms is not a multiple of dt = ${this._dt} ms; ${n} steps (${n * this._dt} ms) are simulated`);
      } else if (n !== k) {
        warnOnce(`simulate: ${duration} / ${this._dt} = ${steps} in doubles, so ${n} steps are simulated, not ${k}, as in ANNarchy (ceil)`);
      }
    }
    return n;
  }

  /**
   * Simulate `duration` ms: `ceil(duration/dt)` steps. Compiles first if needed. All steps
   * but the last run each population's lean update where no recorder reads its transient
   * variables: nothing outside the kernels can see them until the run ends, and the last
   * step computes them as usual.
   */
  simulate(duration: number, options: NetworkSimulateOptions = {}): void {
    const n = this.stepsFor(duration);
    if (options === null || typeof options !== 'object') throw new Error(`simulate: options must be an object like { progress: true }, got ${String(options)}`);
    // callbacks declared with every() (ANNarchy: simulate(..., callbacks=True))
    const cb = callbacksOf(this);
    if (options.callbacks !== false && cb.enabled && cb.list.length > 0) {
      if (!this.compiled) this.compile();
      simulateWithCallbacks(this, duration);
      return;
    }
    const reporter = progressReporter(options.progress ?? this.progress, 'simulate');
    if (!this.compiled) this.compile();
    if (reporter) runWithProgress(n, reporter, (k) => this.runSteps(k), () => this.getTime());
    else this.runSteps(n);
    this.endRun();
  }

  /** Exactly `n` steps (compiled network), all but the last with lean updates where nobody reads the transients. */
  runSteps(n: number): void {
    if (n > 1 && this.setLean(true)) {
      try {
        for (let k = 0; k < n - 1; k++) this.step();
      } finally {
        this.setLean(false);
      }
      this.step();
    } else for (let k = 0; k < n; k++) this.step();
  }

  /**
   * Tell the recorders that a simulation run ended (`simulate()`, `simulateUntil()` and the
   * simulation Observables call it), so that monitors streaming in blocks deliver the last one.
   *
   * @example
   * ```ts
   * for (let k = 0; k < 100; k++) net.step();
   * net.endRun();
   * ```
   */
  endRun(): void {
    const recs = this.recorders;
    for (let k = 0; k < recs.length; k++) recs[k]!.runEnded?.();
  }

  /** Switch the populations whose transients nobody reads to their lean update; true if any. */
  private setLean(on: boolean): boolean {
    let any = false;
    for (const p of this.populationsList) {
      p.$leanNow = on && p.$leanUpdateKernel !== undefined && !this.recorders.some((r) => {
        if (!r.reads) return true;
        const vars = r.reads(p);
        return p.$kernels!.transient.some((v) => vars.includes(v));
      });
      any ||= p.$leanNow;
    }
    return any;
  }

  /**
   * Simulate at most `maxDuration` ms (`ceil(maxDuration/dt)` steps), one step at a time, and
   * stop after the first step in which the populations' `stopCondition`s hold, combined with
   * `operator` ('and': all of them, 'or': any). Returns the simulated time in **ms** (ANNarchy
   * 4.7.3 returns `steps / dt`, a bug; this returns `steps * dt`).
   *
   * @example
   * ```ts
   * const pop = new Population(1, neuron, { stopCondition: 'v > -50 : any' });
   * net.compile();
   * const ms = net.simulateUntil(1000, pop); // time until v first exceeded -50 mV
   * ```
   */
  simulateUntil(maxDuration: number, population: Population | Population[], operator: 'and' | 'or' = 'and'): number {
    const n = this.stepsFor(maxDuration);
    const pops = Array.isArray(population) ? population : [population];
    if (pops.length === 0) throw new Error('simulateUntil: give at least one population with a stopCondition');
    if (operator !== 'and' && operator !== 'or') throw new Error(`simulateUntil: operator must be 'and' or 'or', got ${String(operator)}`);
    for (const p of pops) {
      if (!p || p.network !== this) throw new Error('simulateUntil: every population must belong to this network');
      if (p.stopCondition === undefined) throw new Error(`simulateUntil: population "${p.name}" has no stopCondition`);
    }
    if (!this.compiled) this.compile();
    let nb = 0;
    for (let k = 0; k < n; k++) {
      this.step();
      nb++;
      const stop = operator === 'and' ? pops.every((p) => p.$stopConditionMet()) : pops.some((p) => p.$stopConditionMet());
      if (stop) break;
    }
    this.endRun();
    return nb * this._dt;
  }

  /**
   * Reset time to 0 and, by flag, populations (compile-state values), projections, synapses
   * and the monitors' data (ANNarchy `reset()`).
   */
  reset(opts: ResetOptions = {}): void {
    const { populations = true, projections = false, synapses = false, monitors = true } = opts;
    for (const k of Object.keys(opts)) {
      if (!['populations', 'projections', 'synapses', 'monitors'].includes(k)) throw new Error(`reset: unknown option "${k}"; expected populations, projections, synapses or monitors`);
    }
    // ANNarchy sets the time first: monitors restart their timings at step 0
    this.currentStep = 0;
    if (populations) for (const p of this.populationsList) p.$resetState();
    for (const pr of this.projectionsList) pr.reset?.({ populations, projections, synapses });
    if (monitors) for (const r of this.recorders) r.clearData?.();
  }

  /** Current time in ms (`step * dt`). */
  getTime(): number {
    return this.currentStep * this._dt;
  }

  /** Set the time in ms (`int(ms / dt)` steps, truncated as ANNarchy). */
  setTime(ms: number): void {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new Error(`setTime: expected a non-negative number of ms, got ${String(ms)}`);
    this.currentStep = Math.trunc(ms / this._dt);
  }

  /** The current step (ANNarchy's `get_current_step`). */
  getCurrentStep(): number {
    return this.currentStep;
  }

  /** Sets the current step (ANNarchy's `set_current_step`). */
  setCurrentStep(step: number): void {
    if (!Number.isInteger(step) || step < 0) throw new Error(`setCurrentStep: expected a non-negative integer step, got ${String(step)}`);
    this.currentStep = step;
  }

  /** The population with this name; throws (listing the names) if there is none. */
  getPopulation(name: string): Population {
    const p = this.populationsList.find((x) => x.name === name);
    if (!p) throw new Error(`getPopulation: no population named "${name}"; populations: ${this.populationsList.map((x) => x.name).join(', ') || '(none)'}`);
    return p;
  }

  /** The projection with this name; throws (listing the names) if there is none. */
  getProjection(name: string): NamedParticipant {
    const p = this.projectionsList.find((x) => x.name === name);
    if (!p) throw new Error(`getProjection: no projection named "${name}"; projections: ${this.projectionsList.map((x) => x.name).join(', ') || '(none)'}`);
    return p;
  }
}
