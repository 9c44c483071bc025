/**
 * One playground experiment on the engine, run in slices: a population of the editor's neuron
 * (one neuron per sweep value), the page's parameter values, the protocol from the first step, a
 * Monitor recording the plotted variable and the spikes. The Web Worker calls
 * {@link ExperimentRun.advance} until done, yielding between slices so messages (parameter
 * changes, stop) arrive at the next step. No DOM: the same code runs in Node tests.
 */
import { Network } from '../../engine/network.js';
import { Population } from '../../engine/population.js';
import { Monitor } from '../../engine/monitor.js';
import { Neuron } from '../../language/neuron.js';
import type { BoundProtocol } from '../../stream/protocol.js';
import type { RecordedArray } from '../../monitors/recorded-array.js';
import type { SpikeDict } from '../../monitors/recordings.js';
import { neuronOptions, parseSections } from './sections.js';
import { makeProtocol, protocolAttribute } from './protocols.js';
import type { PlaygroundState } from './state.js';

/**
 * What the page shows of a compiled model: its parameters (with the model's values) and
 * variables, and whether it spikes.
 *
 * @example
 * ```ts
 * compileModel(source, 'LIF', 0.01).info.parameters[0]; // { name: 'tau', value: 10, local: false }
 * ```
 */
export interface ModelInfo {
  parameters: { name: string; value: number; local: boolean }[];
  variables: string[];
  spiking: boolean;
}

/**
 * The population name of a model name: the name with anything but letters, digits and `_`
 * replaced by `_`.
 *
 * @example
 * ```ts
 * populationName('H_and_H_Bischop'); // 'H_and_H_Bischop'
 * ```
 */
export function populationName(modelName: string): string {
  const s = modelName.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(s) ? s : `pop_${s}`;
}

/**
 * Compile the editor text into a neuron on a throw-away one-neuron network (so code generation
 * errors show too) and describe it. Throws the {@link SectionError} or `ModelError` to show.
 *
 * @example
 * ```ts
 * const { neuron, info } = compileModel('equations:\n    dv/dt = -v', 'decay', 0.1);
 * ```
 */
export function compileModel(source: string, name: string, dt: number): { neuron: Neuron; info: ModelInfo } {
  const key = JSON.stringify([source, name, dt]);
  if (lastCompiled?.key === key) return lastCompiled.result;
  const neuron = new Neuron(neuronOptions(parseSections(source), name));
  // JavaScript kernels only: the check needs the errors, not the WebAssembly loop (same errors).
  // Quiet: the page shows what matters; a console line per keystroke would not help.
  const network = new Network({ dt, backend: 'js', verbose: false });
  const pop = new Population(1, neuron, { name: populationName(name), network });
  network.compile();
  const result = { neuron, info: describePopulation(pop) };
  lastCompiled = { key, result };
  return result;
}

// The last model compiled: the editor's check and the run that follows it share one analysis
// (a Neuron analyses its strings once; HH_Bischop takes ~100 ms).
let lastCompiled: { key: string; result: { neuron: Neuron; info: ModelInfo } } | undefined;

function describePopulation(pop: Population): ModelInfo {
  const parameters: ModelInfo['parameters'] = [];
  const variables: string[] = [];
  for (const a of pop.attributes) {
    const meta = pop.$attributeMeta(a);
    if (meta.kind === 'parameter') {
      const v = pop.get(a) as number | Float64Array;
      parameters.push({ name: a, value: typeof v === 'number' ? v : v[0]!, local: meta.local });
    } else variables.push(a);
  }
  return { parameters, variables, spiking: pop.spiking };
}

/**
 * numpy's `linspace(from, to, n)`: `from + i * step` with the last value exactly `to`.
 *
 * @example
 * ```ts
 * linspace(0, 100, 5); // Float64Array [0, 25, 50, 75, 100]
 * ```
 */
export function linspace(from: number, to: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const step = n > 1 ? (to - from) / (n - 1) : 0;
  for (let i = 0; i < n; i++) out[i] = from + i * step;
  if (n > 1) out[n - 1] = to;
  return out;
}

/**
 * New data of one slice: the samples of the recorded variable (`values[s * n + i]` for sample
 * `firstSample + s`, neuron `i`; sample `j` is at `j * periodSteps * dt` ms) and the spikes
 * (rank, step) since the previous slice.
 *
 * @example
 * ```ts
 * const c = run.advance(1000); c.samples; // samples in c.values
 * ```
 */
export interface RunChunk {
  firstSample: number;
  samples: number;
  values: Float64Array;
  spikeRanks: Int32Array;
  spikeSteps: Int32Array;
  /** Steps done after the slice. */
  step: number;
}

/**
 * A playground experiment ready to run (see the module comment). Building it checks everything
 * (model, parameters, sweep, protocol, recorded variable) before the first step: it throws, and
 * nothing runs, on any error.
 *
 * @example
 * ```ts
 * const run = new ExperimentRun(state);
 * while (!run.done) post(run.advance(5000));
 * run.finish();
 * ```
 */
export class ExperimentRun {
  readonly network: Network;
  readonly pop: Population;
  readonly monitor: Monitor;
  readonly totalSteps: number;
  readonly info: ModelInfo;
  /** The sweep values per neuron (undefined without a sweep). */
  readonly sweepValues: Float64Array | undefined;
  /** The attribute the protocol drives (its slider must not move during the run). */
  readonly protocolAttr: string | undefined;
  private readonly bound: BoundProtocol | undefined;
  private k = 0;
  private samplesOut = 0;
  private finished = false;

  constructor(readonly state: PlaygroundState) {
    const { neuron, info } = compileModel(state.source, state.name, state.dt);
    this.info = info;
    // Quiet (no "Compiling ... OK", no one-time warnings in the worker's console): advance() asks
    // stepsFor() whether a span converts exactly, which would warn when it does not.
    const network = new Network({ dt: state.dt, seed: state.seed, verbose: false });
    const n = state.sweep.n;
    const name = populationName(state.name);
    const pop = new Population(n, neuron, { name, network });
    const where = `model "${state.name}"`;
    const isParam = (a: string): boolean => info.parameters.some((p) => p.name === a);
    for (const [a, v] of Object.entries(state.params)) {
      if (!isParam(a)) throw new Error(`${where}: there is no parameter "${a}" to set; parameters: ${info.parameters.map((p) => p.name).join(', ')}`);
      pop.set({ [a]: v });
    }
    if (n > 1) {
      const a = state.sweep.attr;
      if (!pop.attributes.includes(a)) throw new Error(`sweep: ${where} has no attribute "${a}"; attributes: ${pop.attributes.join(', ')}`);
      if (!pop.$attributeMeta(a).local) throw new Error(`sweep: "${a}" is population-wide (": population"); only per-neuron attributes can differ across neurons`);
      if (a in state.params) throw new Error(`sweep: "${a}" is swept; it cannot also be set as a parameter`);
      this.sweepValues = linspace(state.sweep.from, state.sweep.to, n);
      pop.set({ [a]: this.sweepValues });
    }
    if (!pop.attributes.includes(state.record)) {
      throw new Error(`record: ${where} has no variable "${state.record}"; variables: ${info.variables.join(', ')}`);
    }
    this.protocolAttr = protocolAttribute(state.protocol);
    if (this.protocolAttr !== undefined && n > 1 && this.protocolAttr === state.sweep.attr) {
      throw new Error(`protocol: it drives "${this.protocolAttr}", which the sweep sets per neuron; sweep another attribute or choose protocol "none"`);
    }
    const vars = info.spiking ? [state.record, 'spike'] : [state.record];
    this.monitor = new Monitor(pop, vars, { periodSteps: state.periodSteps, gridOrigin: 0 });
    network.compile();
    this.bound = makeProtocol(state.protocol, name)?.bind(network);
    this.network = network;
    this.pop = pop;
    this.totalSteps = network.stepsFor(state.duration);
  }

  /** Steps done so far. */
  get step(): number {
    return this.k;
  }

  /** True once every step ran. */
  get done(): boolean {
    return this.k >= this.totalSteps;
  }

  /**
   * Run up to `maxSteps` more steps (the protocol applied before each, as `simulate$` with the
   * protocol operator does) and return the new data.
   */
  advance(maxSteps: number): RunChunk {
    const end = Math.min(this.totalSteps, this.k + Math.max(0, Math.floor(maxSteps)));
    const b = this.bound;
    const net = this.network;
    while (this.k < end) {
      // As simulate$ drives a protocol: apply it, then run every step up to its next change.
      let span = end - this.k;
      if (b !== undefined) {
        b.apply(this.k);
        const next = b.nextChange === undefined ? this.k + 1 : Math.floor(b.nextChange(this.k));
        span = Math.min(span, Math.max(1, next - this.k));
      }
      // simulate() runs lean updates (transients stored at the last step only): same numbers,
      // faster; only where span * dt converts back to exactly span steps.
      const ms = span * net.dt;
      if (span > 1 && net.stepsFor(ms) === span) net.simulate(ms);
      else for (let i = 0; i < span; i++) net.step();
      this.k += span;
    }
    if (this.done) this.finish();
    return this.collect();
  }

  private collect(): RunChunk {
    const rec = this.monitor.get(this.state.record) as RecordedArray;
    const n = this.pop.size;
    const samples = rec.data.length / n;
    const firstSample = this.samplesOut;
    this.samplesOut += samples;
    const ranks: number[] = [];
    const steps: number[] = [];
    if (this.info.spiking) {
      const sp = this.monitor.get('spike') as SpikeDict;
      for (const [r, list] of Object.entries(sp)) for (const s of list) {
        ranks.push(Number(r));
        steps.push(s);
      }
    }
    return { firstSample, samples, values: rec.data, spikeRanks: Int32Array.from(ranks), spikeSteps: Int32Array.from(steps), step: this.k };
  }

  /**
   * Set a parameter of every neuron; it applies from the next step. Refused (with the reason)
   * for the attribute the protocol or the sweep drives, and for names that are not parameters.
   */
  setParameter(name: string, value: number): void {
    if (!this.info.parameters.some((p) => p.name === name)) throw new Error(`model "${this.state.name}": there is no parameter "${name}"`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`parameter "${name}": expected a finite number, got ${String(value)}`);
    if (name === this.protocolAttr && !this.finished) throw new Error(`parameter "${name}": the protocol drives it during this run`);
    if (this.sweepValues !== undefined && name === this.state.sweep.attr) throw new Error(`parameter "${name}": the sweep sets it per neuron`);
    this.pop.set({ [name]: value });
  }

  /** End the run: the protocol restores the attributes it changed (idempotent). */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.bound?.restore();
  }
}
