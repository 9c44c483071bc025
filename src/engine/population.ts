import { blockCount } from './threads/worker-source.js';
import { Neuron } from '../language/neuron.js';
import { asModelErrors } from '../language/model-error.js';
import { symbolicScope } from '../language/bounded-symbolic.js';
import { resourceLimits } from './resource-limits.js';
import type { NeuronIR } from '../language/description.js';
import type { PopulationKernel, PopulationKernelState } from '../language/kernel-state.js';
import { CONSTANTS } from '../language/constant.js';
import { generatePopulationKernels, type PopulationKernels } from '../language/population-codegen.js';
import { deriveAnalysis } from '../language/analysis-cache.js';
import { coerce, flattenGeometry, toValues, type AttributeInput } from './attribute-value.js';
import type { Network } from './network.js';
import { currentNetwork } from './magic-network.js';
import { RandomDraws } from './random-draws.js';
import { attachModelFunctions } from './model-functions.js';
import { PopulationView } from './population-view.js';
import { IndividualNeuron } from './individual-neuron.js';
import { compileStopCondition, type StopCondition } from './stop-condition.js';
import { KernelHeap } from './kernel-heap.js';
import { fastRecord } from './fast-record.js';
import type { ParallelUpdate } from './threads/parallel-update.js';
import { UNSTORED_TRANSIENTS_FROM, UnstoredTransients } from './unstored-transients.js';
import { warnOnce } from './warn-once.js';
import { attributeAccessor } from './attribute-accessor.js';
import { GlobalOperations } from './global-operations.js';
import { rejectUnknownAttributes } from './strict-attributes.js';
import type { GlobalOperation } from '../language/expression.js';
import { wasmSimdSupported } from '../language/wasm/wasm-module.js';
import { populationCreated } from './first-population.js';

/**
 * A population's shape: a size or the size along each dimension (row-major ranks).
 *
 * @example
 * ```ts
 * const g: Geometry = [10, 10];
 * new Population(g, LIF, 'grid');   // 100 neurons
 * ```
 */
export type Geometry = number | readonly number[];

/**
 * Options of {@link Population} besides geometry and neuron.
 *
 * @example
 * ```ts
 * const o: PopulationOptions = { name: 'exc', stopCondition: 'v > -50 : any' };
 * new Population(100, LIF, o);
 * ```
 */
export interface PopulationOptions {
  name?: string;
  /** Condition used by `simulateUntil` (`"expr : any"` or `": all"`). */
  stopCondition?: string;
  /** The network to add it to (default: the global network, as in ANNarchy). */
  network?: Network;
}

/**
 * What is known of an attribute (parameter or variable) of a population.
 *
 * @example
 * ```ts
 * const m: AttrMeta = pop.attributeMeta('v');   // { kind: 'variable', local: true, type: 'double' }
 * ```
 */
export interface AttrMeta {
  kind: 'parameter' | 'variable';
  local: boolean;
  type: 'double' | 'int' | 'bool';
}

/**
 * A population of neurons of one model (ANNarchy's `Population`). Attributes are properties:
 * per-neuron ones read as a copy (`Float64Array`), population-wide ones as numbers; a scalar
 * written to a per-neuron attribute is broadcast. Values set before `compile()` are the state
 * `reset()` returns to.
 *
 * @example
 * ```ts
 * setup({ dt: 0.01 });
 * const pop = new Population(1, HHneuronBischop, 'HH_Bischop');
 * pop.E_L = -90;            // population-wide parameter
 * pop.set({ v: -70 });      // per-neuron variable, broadcast
 * compile();
 * simulate(100);
 * pop.v;                    // Float64Array [ ... ]
 * ```
 */
export class Population {
  /** Attribute access by name (`pop.v`, `pop.E_L = -90`). */
  [attribute: string]: any;

  readonly id: number;
  readonly name: string;
  /** The neuron model (ANNarchy `pop.neuron_type`). */
  readonly neuronType: Neuron;
  readonly geometry: readonly number[];
  readonly size: number;
  readonly network: Network;
  readonly stopCondition: string | undefined;
  /** The analysed neuron description. */
  readonly $ir: NeuronIR;
  /** Names of the parameters. */
  readonly parameters: readonly string[];
  /** Names of the variables (including `r` and implicit `g_<target>` of spiking neurons). */
  readonly variables: readonly string[];
  /** Targets of incoming projections this model reads (`exc` for `g_exc` or `sum(exc)`). */
  readonly targets: readonly string[];
  /** Values set before compile (or the model's), restored by `reset()`; one number for a per-neuron attribute all neurons share. */
  readonly init: Map<string, Float64Array | number> = new Map();
  /** Live state after compile. */
  $state: PopulationKernelState | undefined;
  $kernels: PopulationKernels | undefined;
  /** Bound per-step kernels (after compile). */
  $updateKernel: PopulationKernel | undefined;
  $spikeKernel: PopulationKernel | undefined;
  /**
   * Update that skips storing the transient variables (`kernels.transient`); the network runs
   * it for steps after which nobody reads them ({@link Network.simulate}, all but the last step).
   */
  $leanUpdateKernel: PopulationKernel | undefined;
  /** The `sum(target)` inputs the network zeroes at the start of each step (rate-coded). */
  $sumArrays: Float64Array[] = [];
  /**
   * The update bound at compile; populations with their own update (SpikeSourceArray, ...)
   * replace {@link Population.$updateKernel} and are never split over kernel threads.
   * @internal
   */
  $boundUpdate: PopulationKernel | undefined;
  /** Bytes of one thread's scratch region in the WebAssembly memory (16-byte aligned). @internal */
  $scratchStride = 0;
  /** The update split over kernel threads (`setup({ numThreads })`), set by the network at compile. @internal */
  $parallel: ParallelUpdate | undefined;
  /** Set by the network while it runs {@link Population.$leanUpdateKernel}. */
  $leanNow = false;
  /** Per-neuron variables other objects read during a run: always stored. */
  private readonly $keepStored = new Set<string>();
  /** Transient variables nothing reads: no per-neuron array (see {@link UnstoredTransients}). */
  private $unstored: UnstoredTransients | undefined;
  /**
   * The state arrays were just allocated, so they hold zeros: the first reset skips writing
   * zeros, and what no step writes (`r` of a neuron without rate, the refractory counters of a
   * neuron without refractory period) stays in never-touched memory.
   */
  private $freshState = false;
  /** WebAssembly state: the reserved (never touched) slots of the unstored transients. */
  private $transientSlots: { heap: KernelHeap; handles: Map<string, number> } | undefined;
  /** Input arrays of projection targets the neuron does not use (zeroed at reset). */
  private readonly $extraInputs = new Set<string>();
  private $compiledMethod = 'explicit';
  /** Refractory period in ms per neuron (from the model or `pop.refractory = ...`). */
  private $refractoryMs: Float64Array | number | undefined;
  private readonly $meta = new Map<string, AttrMeta>();
  /** Disabled populations are skipped in every phase of a step. */
  enabled = true;
  /**
   * `mean(r)`, `max(v)`, ... over this population, read by its neuron or by synapses
   * (`mean(pre.r)`): the network recomputes them after every step's neuron updates.
   */
  readonly $globalOperations = new GlobalOperations();
  private $draws: RandomDraws | undefined;
  private $stopFn: StopCondition | undefined;
  /** Mean-rate window in steps (`computeFiringRate`), 0 = off. */
  private $frWindowSteps = 0;
  private $frRate = 0;
  private $frHistory: number[][] = [];
  private $hasRefractoryCode = false;

  constructor(geometry: Geometry, neuron: Neuron, nameOrOptions?: string | PopulationOptions) {
    const opts: PopulationOptions = typeof nameOrOptions === 'string' ? { name: nameOrOptions } : (nameOrOptions ?? {});
    if (typeof geometry !== 'number' && !Array.isArray(geometry)) {
      throw new Error(`Population: geometry must be a positive integer or a list of positive integers, got ${geometry === null ? 'null' : typeof geometry === 'object' ? JSON.stringify(geometry) : String(geometry)}`);
    }
    const geom = typeof geometry === 'number' ? [geometry] : [...geometry];
    if (geom.length === 0 || geom.some((g) => !Number.isInteger(g) || g < 1)) {
      throw new Error(`Population: geometry must be a positive integer or a list of positive integers, got ${JSON.stringify(geometry)}`);
    }
    const size = geom.reduce((a, b) => a * b, 1);
    if (size > resourceLimits().populationSize) {
      throw new Error(`Population: geometry ${JSON.stringify(geometry)} has ${size} neurons, more than the limit of ${resourceLimits().populationSize} (setResourceLimits({ populationSize }))`);
    }
    if (!(neuron instanceof Neuron)) throw new Error(`Population: "neuron" must be a Neuron (new Neuron({ ... })), got ${neuron === null ? 'null' : typeof neuron}`);
    this.network = opts.network ?? currentNetwork();
    this.id = this.network.nextId('population');
    this.name = opts.name ?? `pop${this.id}`;
    this.network.assertFreeName(this.name);
    this.neuronType = neuron;
    this.geometry = Object.freeze(geom);
    this.size = geom.reduce((a, b) => a * b, 1);
    this.stopCondition = opts.stopCondition;
    populationCreated();
    this.$ir = neuron.analyse();
    this.parameters = Object.freeze(this.$ir.parameters.map((p) => p.name));
    this.variables = Object.freeze(this.$ir.variables.map((v) => v.name));
    this.targets = Object.freeze([...this.$ir.targets]);
    for (const p of this.$ir.parameters) {
      this.$meta.set(p.name, { kind: 'parameter', local: p.locality !== 'global', type: p.type });
      this.init.set(p.name, p.init);
    }
    for (const v of this.$ir.variables) {
      this.$meta.set(v.name, { kind: 'variable', local: v.locality !== 'global', type: v.type });
      this.init.set(v.name, v.init);
    }
    if (typeof this.$ir.refractory === 'number') this.$refractoryMs = this.$ir.refractory;
    for (const name of this.$meta.keys()) {
      // a name of a Population member (`state`, `size`, ...) stays valid in the model, as in
      // ANNarchy; the member keeps the property, the attribute is read and written by get/set
      if (name in this) {
        console.warn(`Warning: Population "${this.name}": attribute "${name}" has the name of a Population member; use pop.get('${name}') and pop.set({ ${name}: ... }) for it`);
        continue;
      }
      Object.defineProperty(this, name, attributeAccessor(name));
    }
    attachModelFunctions(this, this.$ir.functions, this.$ir.name, `Population "${this.name}"`, this.$ir);
    this.network.addPopulation(this);
  }

  /** Parameter and variable names. */
  get attributes(): string[] {
    return [...this.parameters, ...this.variables];
  }

  /** True once the network compiled this population. */
  get compiled(): boolean {
    return this.$state !== undefined;
  }

  /** Whether the model is spiking. */
  get spiking(): boolean {
    return this.$ir.spiking;
  }

  /** Parameter/variable info (locality, type) of an attribute; throws listing the valid names. */
  $attributeMeta(name: string): AttrMeta {
    return this.$metaOf(name);
  }

  /**
   * Write already validated values of a per-neuron attribute at some ranks (views, single
   * neurons): into the live state after compile, else into the compile-state `init`.
   */
  $writeRanks(name: string, ranks: readonly number[], v: Float64Array | number): void {
    const m = this.$metaOf(name);
    if (!m.local) throw new Error(`Population "${this.name}": "${name}" is population-wide and cannot be set for a subset of neurons`);
    if (this.$state && this.$unstored?.has(name)) {
      const cur = this.$transientValues(name);
      for (let k = 0; k < ranks.length; k++) cur[ranks[k]!] = coerce(typeof v === 'number' ? v : v[k]!, m.type);
      this.$unstored.write(name, this.network.currentStep, cur);
      return;
    }
    const arr = this.$state ? this.$state.local[name]! : this.$initArray(name);
    for (let k = 0; k < ranks.length; k++) arr[ranks[k]!] = coerce(typeof v === 'number' ? v : v[k]!, m.type);
  }

  /** Current values of an unstored transient (a new array; see {@link UnstoredTransients}). */
  private $transientValues(name: string): Float64Array {
    const step = this.network.currentStep;
    // ANNarchy would give the last step's values: never differ silently
    if (!this.$unstored!.isPending(name, step)) {
      warnOnce(`Population ${this.name}: '${name}' is not stored per neuron (a transient in a population of `
        + `${UNSTORED_TRANSIENTS_FROM} neurons or more that nothing reads during runs), so reading it gives the values `
        + `computed from the current state, not the last step's as in ANNarchy; record it or call `
        + `requireStored(['${name}']) before simulating to get ANNarchy's values`);
    }
    return this.$unstored!.values(name, this.network.currentStep, this.$state!, this.$kernels!.update);
  }

  /** The live array of a per-neuron attribute, or the current values of an unstored transient. */
  private $localValues(name: string): Float64Array {
    return this.$unstored?.has(name) ? this.$transientValues(name) : this.$state!.local[name]!;
  }

  /** Read a per-neuron attribute at some ranks (or the population-wide number). */
  $readRanks(name: string, ranks: readonly number[]): Float64Array | number {
    const m = this.$metaOf(name);
    if (!m.local) return this.$state ? this.$state.global[name]! : (this.init.get(name) as number);
    const arr = this.$state ? this.$localValues(name) : this.init.get(name)!;
    if (typeof arr === 'number') return new Float64Array(ranks.length).fill(arr);
    const out = new Float64Array(ranks.length);
    for (let k = 0; k < ranks.length; k++) out[k] = arr[ranks[k]!]!;
    return out;
  }

  /**
   * The compile-state values of a per-neuron attribute as an array of its own. `init` keeps one
   * number while all neurons share it: a second array per attribute would double the memory of
   * a large population (reset() restores from here).
   */
  private $initArray(name: string): Float64Array {
    const v = this.init.get(name)!;
    if (typeof v !== 'number') return v;
    const arr = new Float64Array(this.size).fill(v);
    this.init.set(name, arr);
    return arr;
  }

  /** All ranks `0 .. size-1` (ANNarchy `pop.ranks`). */
  get ranks(): number[] {
    return Array.from({ length: this.size }, (_, i) => i);
  }

  /** The population itself (so populations and views can be used alike as endpoints). */
  get population(): Population {
    return this;
  }

  /** Number of dimensions of the geometry. */
  get dimension(): number {
    return this.geometry.length;
  }

  /** First dimension of the geometry. */
  get width(): number {
    return this.geometry[0]!;
  }

  /** Second dimension (1 for 1-D populations). */
  get height(): number {
    return this.geometry[1] ?? 1;
  }

  /** Third dimension (1 for 1-D and 2-D populations). */
  get depth(): number {
    return this.geometry[2] ?? 1;
  }

  /**
   * A view of ranks `start <= rank < stop` with `step` (Python slice semantics: negative
   * indices count from the end, `stop` undefined means the end): ANNarchy `pop[a:b:c]`.
   *
   * @example
   * ```ts
   * pop.slice(0, 10);      // ranks 0..9
   * pop.slice(-5);         // the last 5
   * pop.slice(0, 10, 2);   // 0, 2, 4, 6, 8
   * ```
   */
  slice(start?: number, stop?: number, step = 1): PopulationView {
    return new PopulationView(this, sliceIndices(this.size, start, stop, step, `Population "${this.name}".slice`));
  }

  /**
   * A view of the given ranks, in the order given (ANNarchy `pop[[1, 5, 7]]`).
   *
   * @example
   * ```ts
   * const v = pop.view([1, 5, 7]);
   * v.v = -70;
   * ```
   */
  view(ranks: readonly number[]): PopulationView {
    return new PopulationView(this, ranks);
  }

  /**
   * Multi-dimensional selection as `pop[x, :]` / `pop[:, 2:5]`: one selector per axis, a
   * coordinate, `null` for the whole axis or `[start, stop, step?]`. All coordinates -> an
   * {@link IndividualNeuron}; otherwise a view with ranks in C order.
   *
   * @example
   * ```ts
   * const grid = new Population([4, 5], LIF);
   * grid.at(1, null);       // row 1: ranks 5..9
   * grid.at(null, [2, 5]);  // columns 2..4 of every row
   * grid.at(1, 2);          // IndividualNeuron of rank 7
   * ```
   */
  at(...selectors: (number | null | readonly [number?, number?, number?])[]): PopulationView | IndividualNeuron {
    const where = `Population "${this.name}".at`;
    if (selectors.length !== this.geometry.length) throw new Error(`${where}: expected ${this.geometry.length} selectors (one per dimension), got ${selectors.length}`);
    if (selectors.every((s) => typeof s === 'number')) return this.neuron(selectors as number[]);
    const axes = selectors.map((s, k) => {
      const n = this.geometry[k]!;
      if (s === null) return Array.from({ length: n }, (_, i) => i);
      if (typeof s === 'number') {
        const c = s < 0 ? s + n : s;
        if (!Number.isInteger(c) || c < 0 || c >= n) throw new RangeError(`${where}: coordinate ${s} out of range on axis ${k} (size ${n})`);
        return [c];
      }
      if (!Array.isArray(s)) throw new Error(`${where}: a selector is a number, null or [start, stop, step], got ${JSON.stringify(s)}`);
      return sliceIndices(n, s[0], s[1], s[2] ?? 1, where);
    });
    const ranks: number[] = [];
    const rec = (k: number, acc: number) => {
      if (k === axes.length) {
        ranks.push(acc);
        return;
      }
      for (const c of axes[k]!) rec(k + 1, acc * this.geometry[k]! + c);
    };
    rec(0, 0);
    return new PopulationView(this, ranks, axes.map((x) => x.length));
  }

  /**
   * One neuron as an attribute proxy (ANNarchy `pop.neuron(rank)` / `pop.neuron(x, y)`).
   *
   * @example
   * ```ts
   * const n = pop.neuron(3);
   * n.v = -70;
   * n.v; // -70
   * ```
   */
  neuron(rankOrCoordinates: number | readonly number[], ...more: number[]): IndividualNeuron {
    let rank: number;
    if (typeof rankOrCoordinates === 'number' && more.length > 0) rank = this.rankFromCoordinates([rankOrCoordinates, ...more]);
    else if (typeof rankOrCoordinates === 'number') {
      rank = rankOrCoordinates;
      if (!Number.isInteger(rank) || rank < 0 || rank >= this.size) throw new RangeError(`Population "${this.name}".neuron: rank ${rank} out of range [0, ${this.size})`);
    } else rank = this.rankFromCoordinates(rankOrCoordinates);
    return new IndividualNeuron(this, rank);
  }

  /** Iterate over the neurons (ANNarchy `for n in pop`). */
  *[Symbol.iterator](): IterableIterator<IndividualNeuron> {
    for (let i = 0; i < this.size; i++) yield new IndividualNeuron(this, i);
  }

  /** Normalised coordinates in [0, 1] per dimension (`x / (W - 1)`, 0 for an axis of size 1). */
  normalizedCoordinatesFromRank(rank: number): number[] {
    return this.coordinatesFromRank(rank).map((c, k) => (this.geometry[k]! > 1 ? c / (this.geometry[k]! - 1) : 0));
  }

  private $metaOf(name: string): AttrMeta {
    const m = this.$meta.get(name);
    if (!m) throw new Error(`Population "${this.name}" has no attribute "${name}"; attributes: ${this.attributes.join(', ')}`);
    return m;
  }

  /**
   * Read an attribute: a copy of the per-neuron values, or the population-wide number.
   * With a list of names, an object of values.
   */
  get(name: string): Float64Array | number;
  get(names: string[]): Record<string, Float64Array | number>;
  get(name: string | string[]): Float64Array | number | Record<string, Float64Array | number> {
    if (Array.isArray(name)) return Object.fromEntries(name.map((n) => [n, this.get(n)]));
    const m = this.$metaOf(name);
    if (this.$state) return m.local ? (this.$unstored?.has(name) ? this.$transientValues(name) : this.$state.local[name]!.slice()) : this.$state.global[name]!;
    const v = this.init.get(name)!;
    if (typeof v === 'number') return m.local ? new Float64Array(this.size).fill(v) : v;
    return v.slice();
  }

  /**
   * Write attributes. Every value is checked before any is written, so a bad value leaves
   * the population unchanged.
   */
  set(values: Record<string, AttributeInput>): void {
    if (values === null || typeof values !== 'object') throw new Error(`Population "${this.name}".set: expected an object { attribute: value }`);
    const prepared: [string, AttrMeta, Float64Array | number][] = [];
    for (const [name, input] of Object.entries(values)) {
      const m = this.$metaOf(name);
      const where = `Population "${this.name}", attribute "${name}"`;
      let v = toValues(flattenGeometry(input, this.geometry, where), this.size, where, this.network.numpyRng);
      if (!m.local && typeof v !== 'number') {
        const arr = v;
        if (arr.every((x) => x === arr[0])) v = arr[0]!;
        else throw new Error(`${where} is population-wide: expected one number, got ${arr.length} different values`);
      }
      prepared.push([name, m, v]);
    }
    for (const [name, m, v] of prepared) {
      if (m.local) {
        if (!this.$state && typeof v === 'number') {
          this.init.set(name, coerce(v, m.type));
          continue;
        }
        const unstored = this.$state !== undefined && this.$unstored?.has(name) === true;
        const arr = unstored ? new Float64Array(this.size) : this.$state ? this.$state.local[name]! : this.$initArray(name);
        if (typeof v === 'number') arr.fill(coerce(v, m.type));
        else for (let i = 0; i < arr.length; i++) arr[i] = coerce(v[i]!, m.type);
        if (unstored) this.$unstored!.write(name, this.network.currentStep, arr);
      } else if (this.$state) this.$state.global[name] = coerce(v as number, m.type);
      else this.init.set(name, coerce(v as number, m.type));
    }
  }

  /** Refractory period in ms (number, or per-neuron values). */
  get refractory(): Float64Array | number | string | undefined {
    if (typeof this.$ir.refractory === 'string') return this.$ir.refractory;
    return typeof this.$refractoryMs === 'number' || this.$refractoryMs === undefined ? this.$refractoryMs : this.$refractoryMs.slice();
  }

  set refractory(value: AttributeInput) {
    if (!this.$ir.spiking) throw new Error(`Population "${this.name}": refractory needs a spiking neuron`);
    if (this.$state && !this.$hasRefractoryCode) throw new Error(`Population "${this.name}": the model has no refractory period; set pop.refractory before compile() or give refractory in the Neuron`);
    const v = toValues(value, this.size, `Population "${this.name}", refractory`, this.network.numpyRng);
    this.$refractoryMs = v;
    if (this.$state) this.$applyRefractorySteps();
  }

  private $applyRefractorySteps(zeroed = false): void {
    const S = this.$state!;
    const r = this.$refractoryMs;
    const dt = this.network.dt;
    // int(refractory / dt), truncated as numpy's astype(int): int(0.3/0.1) = 2
    if (r === undefined) {
      if (!zeroed) S.refSteps.fill(0);
    } else for (let i = 0; i < this.size; i++) S.refSteps[i] = Math.trunc((typeof r === 'number' ? r : r[i]!) / dt);
  }

  /** Ranks that spiked in the last step. */
  get spike(): number[] {
    if (!this.$state) return [];
    return Array.from(this.$state.spiked.subarray(0, this.$state.nSpiked));
  }

  /**
   * Where the update runs: `'wasm'` (the per-neuron loop in WebAssembly SIMD, bit-identical)
   * or `'js'`; undefined before compile. `setup({ backend })` chooses; `'auto'` takes WebAssembly
   * wherever the model's loop compiles to it, for 2 neurons and more. In a browser a large
   * module compiles asynchronously: `'js'` until it is ready (same numbers either way).
   *
   * @example
   * ```ts
   * compile();
   * pop.backend; // 'wasm'
   * ```
   */
  get backend(): 'wasm' | 'js' | undefined {
    if (!this.$state) return undefined;
    // a browser may still be compiling the module: until then the JavaScript loop runs
    return (this.$updateKernel as { simd?: { ready: boolean } } | undefined)?.simd?.ready ? 'wasm' : 'js';
  }

  /** The model's IR with refractory code (a period set on the population, not in the model). */
  private $refractoryIr(): NeuronIR {
    return deriveAnalysis(this.$ir, { ...this.$ir, refractory: 0 }, 'refractory 0');
  }

  /** The kernels of `ir` as this population compiles them (its method, stored variables, fast math, size). */
  private $generateKernels(ir: NeuronIR): PopulationKernels {
    // a single neuron never runs the paired loop: it gets the single-neuron one only
    return generatePopulationKernels(ir, { method: this.$compiledMethod as never, keep: this.$keepStored, fastMath: this.network.fastMath, pairs: this.size > 1 });
  }

  /** Build kernels and state from the compile-state values (called by the network). */
  $compileInto(method: string): void {
    // a refractory period set on the population (not in the model) also needs the refractory code
    const ir = this.$ir.refractory === undefined && this.$refractoryMs !== undefined ? this.$refractoryIr() : this.$ir;
    this.$compiledMethod = method;
    for (const g of this.$ir.globalOps ?? []) {
      this.$globalOperations.add(g.op, g.variable);
      this.$keepStored.add(g.variable);
    }
    // what recorders and the stop condition read is stored every step
    for (const r of this.network.recorders) for (const v of r.reads ? r.reads(this) : this.variables) this.$keepStored.add(v);
    if (this.stopCondition !== undefined) for (const v of this.variables) if (new RegExp(`(?<![\\w.])${v}(?!\\w)`).test(this.stopCondition)) this.$keepStored.add(v);
    this.$kernels = asModelErrors(ir.name, () => symbolicScope(() => this.$generateKernels(ir)));
    this.$hasRefractoryCode = ir.refractory !== undefined;
    this.$unstored = this.$generatedUpdate && this.size >= UNSTORED_TRANSIENTS_FROM && this.$kernels.transient.length > 0
      ? new UnstoredTransients(this.$kernels.transient, this.size) : undefined;
    this.$state = this.$createState();
    this.$layout++;
    this.$freshState = true;
    this.$globalOperations.initialise(this.$state);
    this.$bindKernels();
    const draws = new RandomDraws(this.$ir, this.name);
    this.$draws = draws.empty ? undefined : draws;
    if (this.stopCondition !== undefined) this.$stopFn = compileStopCondition(this.stopCondition, this.$ir, this.name);
    this.$resetState();
  }

  /**
   * The kernel state with every array allocated: in one WebAssembly memory when the update runs
   * in WebAssembly, as plain typed arrays otherwise.
   */
  private $createState(): PopulationKernelState {
    const kernels = this.$kernels!;
    const backend = this.network.backend;
    // 'auto' keeps JavaScript for a single neuron (the SIMD loop would compute a padding lane
    // too); its WebAssembly kernels are then never planned (population-codegen.ts)
    const wantsWasm = backend === 'wasm' || (backend === 'auto' && this.size >= 2);
    const wasm = wantsWasm ? kernels.wasm : undefined;
    if (backend === 'wasm' && !wasm) {
      throw new Error(`Population "${this.name}": setup({ backend: 'wasm' }) but its update cannot run in WebAssembly (${kernels.wasmUnsupported ?? 'no SIMD support in this JavaScript engine'}); use backend 'auto' or 'js'`);
    }
    if (backend === 'wasm' && !wasmSimdSupported()) throw new Error(`Population "${this.name}": setup({ backend: 'wasm' }) but this JavaScript engine has no WebAssembly SIMD`);
    // WebAssembly kernels need every state array in one memory; JavaScript kernels use them as well.
    let heap = wasm && wasmSimdSupported() ? new KernelHeap() : undefined;
    const plan: [string, 'f64' | 'i32' | 'u8'][] = [];
    const f64 = (key: string) => plan.push([key, 'f64']);
    // an unstored transient gets address space in the WebAssembly memory only (its pages are
    // never touched unless something starts reading it), no array in JavaScript
    for (const [name, m] of this.$meta) if (m.local) f64(`${this.$unstored?.has(name) ? 'transient' : 'local'}:${name}`);
    if (!this.$ir.spiking) {
      for (const t of this.$ir.targets) f64(`local:_sum_${t}`);
      f64('local:_sum__all');
    }
    for (const r of this.$ir.randoms) if (r.locality !== 'global') f64(`rand:${r.name}`);
    f64('lastSpike');
    plan.push(['refRemaining', 'i32'], ['refSteps', 'i32'], ['inRef', 'u8'], ['spiked', 'i32']);
    const handles = plan.map(([, kind]) => heap?.reserve(kind, this.size) ?? -1);
    // split over kernel threads (setup({ numThreads })): shared memory, one scratch region per
    // block of a step (a thread and the calling thread may run two blocks of one rank at once)
    const ranks = this.network.threadsFor(this.size);
    this.$scratchStride = wasm ? Math.ceil(wasm.scratchBytes / 16) * 16 : 0;
    const buffer = (bytes: number) => (ranks > 1 ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    try {
      heap?.allocate(ranks > 1 ? blockCount(ranks) * this.$scratchStride : wasm!.scratchBytes, ranks > 1);
    } catch (e) {
      // a WebAssembly memory holds at most 4 GiB (and the engine may refuse less)
      if (!(e instanceof RangeError) || backend === 'wasm') {
        throw new Error(`Population "${this.name}": its state (${this.size} neurons) does not fit in one WebAssembly memory (${(e as Error).message}); use setup({ backend: 'auto' }) or 'js'`);
      }
      heap = undefined;
    }
    const slots = new Map<string, number>();
    const arrays = new Map<string, Float64Array | Int32Array | Uint8Array>();
    plan.forEach(([key, kind], k) => {
      if (key.startsWith('transient:')) slots.set(key.slice(10), handles[k]!);
      else arrays.set(key, heap ? heap.view(handles[k]!, kind) : kind === 'f64' ? new Float64Array(buffer(8 * this.size)) : kind === 'i32' ? new Int32Array(buffer(4 * this.size)) : new Uint8Array(buffer(this.size)));
    });
    this.$transientSlots = heap ? { heap, handles: slots } : undefined;
    const local: Record<string, Float64Array> = {};
    const rands: [string, Float64Array | number][] = [];
    for (const [key, a] of arrays) {
      if (key.startsWith('local:')) local[key.slice(6)] = a as Float64Array;
      if (key.startsWith('rand:')) rands.push([key.slice(5), a as Float64Array]);
    }
    for (const r of this.$ir.randoms) if (r.locality === 'global') rands.push([r.name, 0]);
    // read by name at every step of the kernels: kept out of V8's dictionary mode (fast-record.ts)
    const global = fastRecord([...this.$meta].filter(([, m]) => !m.local).map(([name]): [string, number] => [name, 0]));
    const rand = fastRecord(rands);
    return {
      size: this.size,
      dt: this.network.dt,
      local,
      global,
      rand,
      lastSpike: arrays.get('lastSpike') as Float64Array,
      refRemaining: arrays.get('refRemaining') as Int32Array,
      refSteps: arrays.get('refSteps') as Int32Array,
      inRef: arrays.get('inRef') as Uint8Array,
      spiked: arrays.get('spiked') as Int32Array,
      nSpiked: 0,
      ...(this.$ir.axonSpike ? { axonal: new Int32Array(this.size), nAxonal: 0 } : {}),
      ...(heap ? { heap: { memory: heap.memory, scratch: heap.scratch, ...(heap.shared ? { shared: true } : {}), reserved: Object.fromEntries([...slots].map(([n, h]) => [n, heap!.offset(h)])) } } : {}),
    };
  }

  private $bindKernels(): void {
    const k = this.$kernels!, S = this.$state!;
    const w = S.heap ? k.wasm : undefined;
    this.$bindUpdate(w);
    this.$spikeKernel = k.spikeGather?.(S, CONSTANTS);
  }

  /**
   * The updates: with unstored transients the lean one only; otherwise the full one, and the
   * lean one for steps after which nobody reads the transients.
   */
  private $bindUpdate(w: PopulationKernels['wasm']): void {
    const k = this.$kernels!, S = this.$state!;
    const lean = (w ? w.updateLean : k.updateLean)?.(S, CONSTANTS);
    const unstored = this.$unstored !== undefined && this.$unstored.names.size > 0;
    this.$updateKernel = this.$boundUpdate = unstored ? lean! : (w?.update ?? k.update)(S, CONSTANTS);
    this.$leanUpdateKernel = unstored ? undefined : lean;
  }

  /** Populations whose update is the generated one; the others (spike sources, timed arrays) keep every array. */
  protected get $generatedUpdate(): boolean {
    return true;
  }

  /** Gives an unstored transient its array, filled with its current values. */
  private $materialize(name: string): void {
    const S = this.$state!, u = this.$unstored!;
    const values = u.values(name, this.network.currentStep, S, this.$kernels!.update);
    const slot = this.$transientSlots?.handles.get(name);
    const arr = slot !== undefined ? this.$transientSlots!.heap.view(slot, 'f64') : new Float64Array(this.size);
    arr.set(values);
    S.local[name] = arr;
    this.$layout++;
    u.delete(name);
  }

  /**
   * Called by objects that read per-neuron variables during a run (a projection's
   * `pre.x`/`post.x`): the kernels then store them every step, also in the lean update.
   */
  $requireStored(names: Iterable<string>): void {
    let regenerate = false;
    for (const n of names) {
      this.$keepStored.add(n);
      if (this.$kernels?.transient.includes(n)) regenerate = true;
      if (this.$state && this.$unstored?.has(n)) this.$materialize(n);
    }
    // subclasses with their own update (SpikeSourceArray, TimedArray) have no lean one
    if (!regenerate || !this.$state || (!this.$leanUpdateKernel && !this.$unstored)) return;
    const ir = this.$hasRefractoryCode && this.$ir.refractory === undefined ? this.$refractoryIr() : this.$ir;
    const before = this.$kernels;
    this.$kernels = this.$generateKernels(ir);
    // the scratch region was sized for the first kernels: a larger need keeps JavaScript
    const w = this.$state.heap && this.$kernels.wasm && before?.wasm && this.$kernels.wasm.scratchBytes <= before.wasm.scratchBytes ? this.$kernels.wasm : undefined;
    this.$bindUpdate(w);
  }

  /**
   * Compute `op(variable)` over this population every step from now on (a synapse reading
   * `mean(pre.r)`); returns its key in `state.global`. Throws unless `variable` is a per-neuron
   * attribute, as ANNarchy's parser does.
   */
  $addGlobalOperation(op: GlobalOperation, variable: string): string {
    const m = this.$meta.get(variable);
    if (!m || !m.local) {
      throw new Error(`Population "${this.name}": ${op}(${variable}) needs a per-neuron attribute; ${m ? `"${variable}" is population-wide` : `there is no attribute "${variable}"`} (per-neuron attributes: ${[...this.$meta].filter(([, x]) => x.local).map(([n]) => n).join(', ')})`);
    }
    const key = this.$globalOperations.add(op, variable);
    this.$requireStored([variable]);
    if (this.$state) this.$globalOperations.initialise(this.$state);
    return key;
  }

  /** Step 4 of a step: this step's random draws (annarchy-semantics §2.5), from `network.rng`. */
  $drawRandoms(_step: number): void {
    if (this.$draws && this.$state) this.$draws.draw(this.$state, this.network.rng);
  }

  /** Called by the network after the spike kernel: mean firing rate bookkeeping (§2.9). */
  $afterSpikes(step: number): void {
    if (this.$frWindowSteps <= 0) return;
    const S = this.$state!;
    const hist = this.$frHistory;
    for (let k = 0; k < S.nSpiked; k++) hist[S.spiked[k]!]!.push(step);
    const r = S.local.r!;
    const limit = step - this.$frWindowSteps;
    for (let i = 0; i < this.size; i++) {
      const h = hist[i]!;
      let drop = 0;
      while (drop < h.length && h[drop]! <= limit) drop++;
      if (drop > 0) h.splice(0, drop);
      r[i] = this.$frRate * h.length;
    }
  }

  /**
   * Let a spiking population compute its mean firing rate `r` (Hz) over a sliding window of
   * `window` ms (ANNarchy `compute_firing_rate`): spikes of the last `int(window/dt)` steps,
   * `r = (1000 / window) * count`, updated every step after the spike test. Without it `r` stays 0.
   *
   * @example
   * ```ts
   * pop.computeFiringRate(100);
   * simulate(500);
   * pop.r; // Hz per neuron
   * ```
   */
  computeFiringRate(window: number): void {
    if (!this.spiking) throw new Error(`Population "${this.name}": computeFiringRate() needs a spiking neuron (rate-coded populations have their own r)`);
    if (typeof window !== 'number' || !Number.isFinite(window)) throw new Error(`Population "${this.name}".computeFiringRate: window must be a number of ms, got ${String(window)}`);
    // ANNarchy ignores a window <= 0
    if (window > 0) {
      this.$frWindowSteps = Math.trunc(window / this.network.dt);
      this.$frRate = 1000 / window;
      if (this.$frHistory.length === 0) this.$frHistory = Array.from({ length: this.size }, () => []);
    }
  }

  /** True if this population's `stopCondition` holds now (`: any` / `: all` over the neurons). */
  $stopConditionMet(): boolean {
    if (this.stopCondition === undefined) throw new Error(`Population "${this.name}" has no stopCondition; give one in the options: new Population(n, neuron, { stopCondition: 'v > 0 : any' })`);
    if (!this.$state) throw new Error(`Population "${this.name}": stopConditionMet() needs compile()`);
    if (!this.$stopFn) this.$stopFn = compileStopCondition(this.stopCondition, this.$ir, this.name);
    return this.$stopFn(this.$state, this.network.currentStep * this.network.dt, this.network.dt);
  }

  /**
   * Time of each neuron's last spike in ms (`t_last`; -10000 steps * dt before any spike).
   *
   * @example
   * ```ts
   * pop.t_last; // Float64Array
   * ```
   */
  get t_last(): Float64Array {
    if (!this.spiking) throw new Error(`Population "${this.name}": t_last exists only in spiking populations`);
    const dt = this.network.dt;
    if (!this.$state) return new Float64Array(this.size).fill(-10000 * dt);
    return this.$state.lastSpike.map((s) => s * dt);
  }

  /**
   * The input of a target (ANNarchy `pop.sum('exc')`): rate-coded `sum(exc)` of this step,
   * spiking the conductance `g_exc`.
   *
   * @example
   * ```ts
   * pop.sum('exc'); // Float64Array
   * ```
   */
  sum(target: string): Float64Array {
    if (typeof target !== 'string') throw new Error(`Population "${this.name}".sum: target must be a string`);
    if (this.spiking) {
      if (!this.targets.includes(target)) throw new Error(`Population "${this.name}".sum: no target "${target}"; targets: ${this.targets.join(', ') || '(none)'}`);
      return this.get(`g_${target}`) as Float64Array;
    }
    if (!this.$state) return new Float64Array(this.size);
    const key = `_sum_${target || '_all'}`;
    const arr = this.$state.local[key];
    // ANNarchy returns zeros for a target no equation reads
    return arr ? arr.slice() : new Float64Array(this.size);
  }

  /**
   * Allocate the input array of a projection target the neuron does not use (`g_foo`, `_sum_foo`),
   * zeroed at reset; called by projections at compile.
   */
  $addInputArray(key: string): void {
    const S = this.$state;
    if (!S) throw new Error(`Population "${this.name}": compile it before adding the input "${key}"`);
    if (!S.local[key]) {
      S.local[key] = new Float64Array(this.size);
      this.$layout++;
    }
    this.$extraInputs.add(key);
  }

  /** Restore compile-state values and clear spiking state (ANNarchy `pop.reset()`). */
  $resetState(): void {
    const S = this.$state;
    if (!S) return;
    this.$unstored?.reset(this.network.currentStep, (name) => this.init.get(name)!);
    const fresh = this.$freshState;
    this.$freshState = false;
    for (const [name, m] of this.$meta) {
      const v = this.init.get(name)!;
      if (!m.local) S.global[name] = v as number;
      else if (this.$unstored?.has(name)) continue;
      else if (typeof v !== 'number') S.local[name]!.set(v);
      else if (!(fresh && Object.is(v, 0))) S.local[name]!.fill(v);
    }
    for (const k of Object.keys(S.local)) if (k.startsWith('_sum_')) S.local[k]!.fill(0);
    for (const k of this.$extraInputs) S.local[k]!.fill(0);
    S.lastSpike.fill(-10000);
    if (!fresh) S.refRemaining.fill(0);
    // read only by refractory kernels
    if (this.$hasRefractoryCode) S.inRef.fill(1);
    S.nSpiked = 0;
    if (S.nAxonal !== undefined) S.nAxonal = 0;
    this.$applyRefractorySteps(fresh);
    for (const h of this.$frHistory) h.length = 0;
  }

  /**
   * Run state outside `state` (enabled flag, mean-rate windows; special populations add their
   * counters), as JSON, for saving a network (src/engine/network-state.ts).
   */
  $saveRuntime(): Record<string, unknown> {
    return { enabled: this.enabled, frWindowSteps: this.$frWindowSteps, frRate: this.$frRate, frHistory: this.$frHistory.map((h) => [...h]) };
  }

  /** Restore {@link Population.$saveRuntime} (the caller checked the file). */
  $loadRuntime(r: Record<string, unknown>): void {
    this.enabled = r.enabled as boolean;
    this.$frWindowSteps = r.frWindowSteps as number;
    this.$frRate = r.frRate as number;
    this.$frHistory = (r.frHistory as number[][]).map((h) => [...h]);
  }

  /** ANNarchy's `pop.reset()`: values back to the compile state, spikes and refractoriness cleared. */
  reset(): void {
    this.$resetState();
  }

  /** Rank of a coordinate (row-major, C order). */
  rankFromCoordinates(coord: readonly number[]): number {
    if (coord.length !== this.geometry.length) throw new Error(`Population "${this.name}": coordinates need ${this.geometry.length} values, got ${coord.length}`);
    let r = 0;
    for (let k = 0; k < coord.length; k++) {
      const c = coord[k]!;
      const n = this.geometry[k]!;
      if (!Number.isInteger(c) || c < 0 || c >= n) throw new RangeError(`Population "${this.name}": coordinate ${c} out of range [0, ${n}) on axis ${k}`);
      r = r * n + c;
    }
    return r;
  }

  /** Coordinates of a rank (row-major, C order). */
  coordinatesFromRank(rank: number): number[] {
    if (!Number.isInteger(rank) || rank < 0 || rank >= this.size) throw new RangeError(`Population "${this.name}": rank ${rank} out of range [0, ${this.size})`);
    const out = new Array<number>(this.geometry.length);
    let r = rank;
    for (let k = this.geometry.length - 1; k >= 0; k--) {
      out[k] = r % this.geometry[k]!;
      r = Math.floor(r / this.geometry[k]!);
    }
    return out;
  }

  /** Disable: skipped in all update phases until `enable()`. */
  disable(): void {
    this.enabled = false;
  }

  /** Enable again after `disable()` (ANNarchy's `enable()`). */
  enable(): void {
    this.enabled = true;
  }

  // --- Recordable (monitors) ---

  /** Internal name of a recordable variable: `sum(exc)` is stored as `_sum_exc`. */
  private $recordKey(variable: string): string {
    const m = /^sum\((\w*)\)$/.exec(variable.replace(/\s+/g, ''));
    return m ? `_sum_${m[1] || '_all'}` : variable;
  }

  /** Values per sample: one for a population-wide variable (ANNarchy records it as `[samples]`). */
  recordWidth(variable?: string): number {
    return variable !== undefined && this.$meta.get(variable)?.local === false ? 1 : this.size;
  }

  /** Shape of one recorded sample: `[size]`, or `[]` for a population-wide variable. */
  recordShape(variable?: string): number[] {
    return variable !== undefined && this.$meta.get(variable)?.local === false ? [] : [this.size];
  }

  /** Throws a clear error naming the population if `variable` cannot be recorded. */
  checkRecordable(variable: string): void {
    if (variable === 'spike') {
      if (!this.spiking) throw new Error(`Population "${this.name}": "spike" can only be recorded from spiking populations`);
      return;
    }
    if (variable === 'axon_spike') {
      if (!this.$ir.axonSpike) throw new Error(`Population "${this.name}": "axon_spike" can only be recorded when the neuron has an axonSpike condition`);
      return;
    }
    const key = this.$recordKey(variable);
    if (key.startsWith('_sum_')) {
      if (this.spiking) throw new Error(`Population "${this.name}": "${variable}" exists only in rate-coded populations; record g_<target> instead`);
      return;
    }
    if (this.parameters.includes(variable)) {
      throw new Error(`Population "${this.name}": "${variable}" is a parameter; only variables can be recorded (${this.variables.join(', ')})`);
    }
    if (!this.variables.includes(variable)) {
      throw new Error(`Population "${this.name}" has no variable "${variable}"; recordable: ${[...this.variables, ...(this.spiking ? ['spike'] : [])].join(', ')}`);
    }
  }

  /** True for inputs recorded before the update (`g_target`, `sum(target)`). */
  isTarget(variable: string): boolean {
    const key = this.$recordKey(variable);
    if (key.startsWith('_sum_')) return true;
    const m = /^g_(\w+)$/.exec(key);
    return this.spiking && m !== null && this.targets.includes(m[1]!);
  }

  /**
   * Counts the changes of which array `state.local` holds for a name (compile, a transient given
   * its array, an input added): monitors keep the arrays they copy from
   * ({@link Population.$recordArray}) until it changes, instead of looking them up every step.
   * Whatever replaces an array in `state.local` must increment it.
   * @internal
   */
  $layout = 0;

  /**
   * The array {@link readInto} copies whole for `variable` (valid while {@link $layout} stays),
   * or undefined for a population-wide one.
   * @internal
   */
  $recordArray(variable: string): Float64Array | undefined {
    const S = this.$state!;
    return S.local[variable] ?? S.local[this.$recordKey(variable)];
  }

  /** Copies the current values of `variable` into `out` at `offset` (used by monitors). */
  readInto(variable: string, out: Float64Array, offset: number): void {
    const S = this.$state!;
    const arr = this.$recordArray(variable);
    if (arr) {
      // a loop for a few neurons: TypedArray#set costs more than it copies there
      if (arr.length <= 16) for (let i = 0; i < arr.length; i++) out[offset + i] = arr[i]!;
      else out.set(arr, offset);
    } else out[offset] = S.global[variable]!;
  }

  /** Ranks of the neurons that spiked in the last step. */
  spikedRanks(): Iterable<number> {
    const S = this.$state!;
    return S.spiked.subarray(0, S.nSpiked);
  }

  /** The spike list of the last step, valid up to {@link $spikedCount} (monitors read it in place). */
  $spikedList(): Int32Array {
    return this.$state!.spiked;
  }

  /** Number of spikes in the last step. */
  $spikedCount(): number {
    return this.$state!.nSpiked;
  }

  /** Axonal spikes of the last step (ranks); none unless the neuron has `axonSpike`. */
  axonSpikedRanks(): Iterable<number> {
    const S = this.$state!;
    return S.axonal ? S.axonal.subarray(0, S.nAxonal) : [];
  }

  /** Ranks reported in spike dicts: all neurons. */
  recordedRanks(): number[] {
    return Array.from({ length: this.size }, (_, i) => i);
  }

  /** E.g. `Population exc (1000 × LIF)`. */
  toString(): string {
    return `Population ${this.name} (${this.size} × ${this.neuronType.name})`;
  }
}

// `pop.Iapp = 5` (for I_app) throws instead of creating a property nobody reads
rejectUnknownAttributes(Population, (pop, name) => `Population "${pop.name}" has no attribute "${name}"; attributes: ${pop.attributes.join(', ')}`);

/**
 * Python's `range(size)[start:stop:step]`: negative indices count from the end, out-of-range
 * bounds are clipped, `stop` undefined means the end (or the start for a negative step).
 *
 * @example
 * ```ts
 * sliceIndices(10, -3);        // [7, 8, 9]
 * sliceIndices(10, 8, 2, -2);  // [8, 6, 4]
 * ```
 */
export function sliceIndices(size: number, start: number | undefined, stop: number | undefined, step: number, where = 'slice'): number[] {
  if (!Number.isInteger(step) || step === 0) throw new Error(`${where}: step must be a non-zero integer, got ${String(step)}`);
  for (const [k, v] of [['start', start], ['stop', stop]] as const) {
    if (v !== undefined && v !== null && !Number.isInteger(v)) throw new Error(`${where}: ${k} must be an integer, got ${String(v)}`);
  }
  const norm = (v: number | undefined, dflt: number, lo: number, hi: number) => {
    if (v === undefined || v === null) return dflt;
    const x = v < 0 ? v + size : v;
    return Math.min(Math.max(x, lo), hi);
  };
  const out: number[] = [];
  if (step > 0) {
    const a = norm(start, 0, 0, size);
    const b = norm(stop, size, 0, size);
    for (let i = a; i < b; i += step) out.push(i);
  } else {
    const a = norm(start, size - 1, -1, size - 1);
    const b = norm(stop, -1, -1, size - 1);
    for (let i = a; i > b; i += step) out.push(i);
  }
  return out;
}
