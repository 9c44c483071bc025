import { Neuron } from '../language/neuron.js';
import type { NeuronIR } from '../language/description.js';
import type { PopulationKernel, PopulationKernelState } from '../language/kernel-state.js';
import { CONSTANTS } from '../language/constant.js';
import { generatePopulationKernels, type PopulationKernels } from '../language/population-codegen.js';
import { coerce, toValues, type AttributeInput } from './attribute-value.js';
import type { Network } from './network.js';
import { currentNetwork } from './magic-network.js';

/** A population's shape: a size or the size along each dimension (row-major ranks). */
export type Geometry = number | readonly number[];

/** Options of {@link Population} besides geometry and neuron. */
export interface PopulationOptions {
  name?: string;
  /** Condition used by `simulateUntil` (`"expr : any"` or `": all"`). */
  stopCondition?: string;
  /** The network to add it to (default: the global network, as in ANNarchy). */
  network?: Network;
}

interface AttrMeta {
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
  readonly neuron: Neuron;
  readonly geometry: readonly number[];
  readonly size: number;
  readonly network: Network;
  readonly stopCondition: string | undefined;
  /** The analysed neuron description. */
  readonly ir: NeuronIR;
  /** Names of the parameters. */
  readonly parameters: readonly string[];
  /** Names of the variables (including `r` and implicit `g_<target>` of spiking neurons). */
  readonly variables: readonly string[];
  /** Targets of incoming projections this model reads (`exc` for `g_exc` or `sum(exc)`). */
  readonly targets: readonly string[];
  /** Values set before compile (or the model's), restored by `reset()`. */
  readonly init: Map<string, Float64Array | number> = new Map();
  /** Live state after compile. */
  state: PopulationKernelState | undefined;
  kernels: PopulationKernels | undefined;
  /** Bound per-step kernels (after compile). */
  updateKernel: PopulationKernel | undefined;
  spikeKernel: PopulationKernel | undefined;
  /** Refractory period in ms per neuron (from the model or `pop.refractory = ...`). */
  private refractoryMs: Float64Array | number | undefined;
  private readonly meta = new Map<string, AttrMeta>();
  /** Disabled populations are skipped in every phase of a step. */
  enabled = true;

  constructor(geometry: Geometry, neuron: Neuron, nameOrOptions?: string | PopulationOptions) {
    const opts: PopulationOptions = typeof nameOrOptions === 'string' ? { name: nameOrOptions } : (nameOrOptions ?? {});
    const geom = typeof geometry === 'number' ? [geometry] : [...geometry];
    if (geom.length === 0 || geom.some((g) => !Number.isInteger(g) || g < 1)) {
      throw new Error(`Population: geometry must be a positive integer or a list of positive integers, got ${JSON.stringify(geometry)}`);
    }
    if (!(neuron instanceof Neuron)) throw new Error('Population: "neuron" must be a Neuron (new Neuron({ ... }))');
    this.network = opts.network ?? currentNetwork();
    this.id = this.network.populationsList.length;
    this.name = opts.name ?? `pop${this.id}`;
    this.network.assertFreeName(this.name);
    this.neuron = neuron;
    this.geometry = Object.freeze(geom);
    this.size = geom.reduce((a, b) => a * b, 1);
    this.stopCondition = opts.stopCondition;
    this.ir = neuron.analyse();
    this.parameters = Object.freeze(this.ir.parameters.map((p) => p.name));
    this.variables = Object.freeze(this.ir.variables.map((v) => v.name));
    this.targets = Object.freeze([...this.ir.targets]);
    for (const p of this.ir.parameters) {
      this.meta.set(p.name, { kind: 'parameter', local: p.locality !== 'global', type: p.type });
      this.init.set(p.name, p.locality === 'global' ? p.init : new Float64Array(this.size).fill(p.init));
    }
    for (const v of this.ir.variables) {
      this.meta.set(v.name, { kind: 'variable', local: v.locality !== 'global', type: v.type });
      this.init.set(v.name, v.locality === 'global' ? v.init : new Float64Array(this.size).fill(v.init));
    }
    if (typeof this.ir.refractory === 'number') this.refractoryMs = this.ir.refractory;
    for (const name of this.meta.keys()) {
      if (name in this) throw new Error(`Population "${this.name}": attribute "${name}" clashes with a Population member; rename it in the model`);
      Object.defineProperty(this, name, {
        get: () => this.get(name),
        set: (v: AttributeInput) => this.set({ [name]: v }),
        enumerable: false,
        configurable: false,
      });
    }
    this.network.addPopulation(this);
  }

  /** Parameter and variable names. */
  get attributes(): string[] {
    return [...this.parameters, ...this.variables];
  }

  /** True once the network compiled this population. */
  get compiled(): boolean {
    return this.state !== undefined;
  }

  /** Whether the model is spiking. */
  get spiking(): boolean {
    return this.ir.spiking;
  }

  private metaOf(name: string): AttrMeta {
    const m = this.meta.get(name);
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
    const m = this.metaOf(name);
    if (this.state) return m.local ? this.state.local[name]!.slice() : this.state.global[name]!;
    const v = this.init.get(name)!;
    return typeof v === 'number' ? v : v.slice();
  }

  /**
   * Write attributes. Every value is checked before any is written, so a bad value leaves
   * the population unchanged.
   */
  set(values: Record<string, AttributeInput>): void {
    if (values === null || typeof values !== 'object') throw new Error(`Population "${this.name}".set: expected an object { attribute: value }`);
    const prepared: [string, AttrMeta, Float64Array | number][] = [];
    for (const [name, input] of Object.entries(values)) {
      const m = this.metaOf(name);
      const where = `Population "${this.name}", attribute "${name}"`;
      let v = toValues(input, this.size, where, this.network.numpyRng);
      if (!m.local && typeof v !== 'number') {
        const arr = v;
        if (arr.every((x) => x === arr[0])) v = arr[0]!;
        else throw new Error(`${where} is population-wide: expected one number, got ${arr.length} different values`);
      }
      prepared.push([name, m, v]);
    }
    for (const [name, m, v] of prepared) {
      const target = this.state ? (m.local ? this.state.local[name]! : undefined) : (this.init.get(name) as Float64Array | number);
      if (m.local) {
        const arr = (this.state ? target : this.init.get(name)) as Float64Array;
        if (typeof v === 'number') arr.fill(coerce(v, m.type));
        else for (let i = 0; i < arr.length; i++) arr[i] = coerce(v[i]!, m.type);
      } else if (this.state) this.state.global[name] = coerce(v as number, m.type);
      else this.init.set(name, coerce(v as number, m.type));
    }
  }

  /** Refractory period in ms (number, or per-neuron values). */
  get refractory(): Float64Array | number | string | undefined {
    if (typeof this.ir.refractory === 'string') return this.ir.refractory;
    return typeof this.refractoryMs === 'number' || this.refractoryMs === undefined ? this.refractoryMs : this.refractoryMs.slice();
  }

  set refractory(value: AttributeInput) {
    if (!this.ir.spiking) throw new Error(`Population "${this.name}": refractory needs a spiking neuron`);
    const v = toValues(value, this.size, `Population "${this.name}", refractory`, this.network.numpyRng);
    this.refractoryMs = v;
    if (this.state) this.applyRefractorySteps();
  }

  private applyRefractorySteps(): void {
    const S = this.state!;
    const r = this.refractoryMs;
    const dt = this.network.dt;
    // int(refractory / dt), truncated as numpy's astype(int): int(0.3/0.1) = 2
    for (let i = 0; i < this.size; i++) S.refSteps[i] = r === undefined ? 0 : Math.trunc((typeof r === 'number' ? r : r[i]!) / dt);
  }

  /** Ranks that spiked in the last step. */
  get spike(): number[] {
    if (!this.state) return [];
    return Array.from(this.state.spiked.subarray(0, this.state.nSpiked));
  }

  /** Build kernels and state from the compile-state values (called by the network). */
  compileInto(method: string): void {
    this.kernels = generatePopulationKernels(this.ir, { method: method as never });
    const local: Record<string, Float64Array> = {};
    const global: Record<string, number> = {};
    for (const [name, m] of this.meta) {
      if (m.local) local[name] = new Float64Array(this.size);
      else global[name] = 0;
    }
    if (!this.ir.spiking) {
      for (const t of this.ir.targets) local[`_sum_${t}`] = new Float64Array(this.size);
      local._sum__all = new Float64Array(this.size);
    }
    this.state = {
      size: this.size,
      local,
      global,
      rand: {},
      lastSpike: new Float64Array(this.size),
      refRemaining: new Int32Array(this.size),
      refSteps: new Int32Array(this.size),
      inRef: new Uint8Array(this.size).fill(1),
      spiked: new Int32Array(this.size),
      nSpiked: 0,
    };
    for (const r of this.ir.randoms) this.state.rand[r.name] = r.locality === 'global' ? 0 : new Float64Array(this.size);
    this.updateKernel = this.kernels.update(this.state, CONSTANTS);
    this.spikeKernel = this.kernels.spikeGather?.(this.state, CONSTANTS);
    this.resetState();
  }

  /** Restore compile-state values and clear spiking state (ANNarchy `pop.reset()`). */
  resetState(): void {
    const S = this.state;
    if (!S) return;
    for (const [name, m] of this.meta) {
      const v = this.init.get(name)!;
      if (m.local) S.local[name]!.set(v as Float64Array);
      else S.global[name] = v as number;
    }
    for (const k of Object.keys(S.local)) if (k.startsWith('_sum_')) S.local[k]!.fill(0);
    S.lastSpike.fill(-10000);
    S.refRemaining.fill(0);
    S.inRef.fill(1);
    S.nSpiked = 0;
    this.applyRefractorySteps();
  }

  /** ANNarchy's `pop.reset()`: values back to the compile state, spikes and refractoriness cleared. */
  reset(): void {
    this.resetState();
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

  enable(): void {
    this.enabled = true;
  }

  // --- Recordable (monitors) ---

  /** Internal name of a recordable variable: `sum(exc)` is stored as `_sum_exc`. */
  private recordKey(variable: string): string {
    const m = /^sum\((\w*)\)$/.exec(variable.replace(/\s+/g, ''));
    return m ? `_sum_${m[1] || '_all'}` : variable;
  }

  recordWidth(): number {
    return this.size;
  }

  recordShape(): number[] {
    return [this.size];
  }

  checkRecordable(variable: string): void {
    if (variable === 'spike') {
      if (!this.spiking) throw new Error(`Population "${this.name}": "spike" can only be recorded from spiking populations`);
      return;
    }
    const key = this.recordKey(variable);
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

  isTarget(variable: string): boolean {
    const key = this.recordKey(variable);
    if (key.startsWith('_sum_')) return true;
    const m = /^g_(\w+)$/.exec(key);
    return this.spiking && m !== null && this.targets.includes(m[1]!);
  }

  readInto(variable: string, out: Float64Array, offset: number): void {
    const S = this.state!;
    const arr = S.local[variable] ?? S.local[this.recordKey(variable)];
    if (arr) {
      if (arr.length === 1) out[offset] = arr[0]!;
      else out.set(arr, offset);
    } else out.fill(S.global[variable]!, offset, offset + this.size);
  }

  spikedRanks(): Iterable<number> {
    const S = this.state!;
    return S.spiked.subarray(0, S.nSpiked);
  }

  recordedRanks(): number[] {
    return Array.from({ length: this.size }, (_, i) => i);
  }

  toString(): string {
    return `Population ${this.name} (${this.size} × ${this.neuron.name})`;
  }
}
