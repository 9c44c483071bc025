/**
 * The simulation side of OptNeuron: builds the fitted neuron model (a population of `popsize`
 * neurons, one candidate each) once, computes the target results from a target neuron model if
 * given, and evaluates candidates by running the user's experiment (CompNeuroPy `_simulator`).
 * The same class runs in this thread and in runner workers.
 */
import { setup } from '../engine/global-functions.js';
import { getPopulation } from '../engine/global-functions.js';
import { Population } from '../engine/population.js';
import type { Neuron } from '../language/neuron.js';
import { CompNeuroModel, cnpClear } from '../experiment/comp-neuro-model.js';
import { ExperimentResults, type CompNeuroExp } from '../experiment/comp-neuro-exp.js';
import { CompNeuroMonitors } from '../monitors/comp-neuro-monitors.js';
import { RecordedArray } from '../monitors/recorded-array.js';
import type { RecordingChunk, Recordings } from '../monitors/recordings.js';
import { parseVariablesBounds, resolveValues, type ParsedBounds, type VariableBound } from './variables-bounds.js';

/** A loss: a number, or a list that is summed. */
export type LossValue = number | readonly number[];

/** What OptNeuron fits (the parts a worker needs to rebuild it). */
export interface OptNeuronProblem<Soll = unknown> {
  /** A CompNeuroExp subclass whose `run(popName)` returns `this.results()`. */
  experiment: new (monitors?: CompNeuroMonitors) => CompNeuroExp;
  /** CompNeuroPy's `get_loss_function(results_ist, results_soll)`: the loss of one neuron's results. */
  getLossFunction: (resultsIst: ExperimentResults, resultsSoll: Soll) => LossValue;
  variablesBounds: Record<string, VariableBound>;
  neuronModel: Neuron;
  resultsSoll?: Soll;
  targetNeuronModel?: Neuron;
  /** ms; default 1. */
  timeStep?: number;
  recordingPeriod?: number;
  record?: string[];
  numRepLoss?: number;
}

/** The evaluation of a set of candidates, one per neuron. */
export interface SimulatorOutput {
  /** Per neuron: the (mean over repetitions of the) summed loss. */
  loss: number[];
  /** Per neuron: the loss function's value(s) (last repetition). */
  allLoss: LossValue[];
  /** Per neuron: std over repetitions (null with one repetition, as CompNeuroPy's None). */
  std: (number | null)[];
  results: ExperimentResults;
}

/**
 * CompNeuroPy `_get_results_of_single_neuron`: the recordings of neuron i as neuron 0.
 *
 * @example
 * ```ts
 * const third = resultsOfSingleNeuron(results, 2, popsize); // as if neuron 2 had run alone
 * ```
 */
export function resultsOfSingleNeuron(results: ExperimentResults, i: number, popsize: number): ExperimentResults {
  if (popsize === 1) return results;
  return resultsOfNeurons(results, i + 1, popsize)[i]!;
}

/** How `_get_results_of_single_neuron` treats a recording key (decided once per key and chunk). */
type KeyKind = 'keep' | 'spike' | 'parameters' | 'column';

function keyKind(key: string, v: unknown): KeyKind {
  if (key.includes('target')) return 'keep';
  if (key.includes('spike')) return 'spike';
  if (key.includes('parameter_dict')) return 'parameters';
  if (v instanceof RecordedArray && !key.includes('period') && key !== 'dt') return 'column';
  return 'keep';
}

/**
 * {@link resultsOfSingleNeuron} for neurons 0 to count-1 at once: each recorded array is
 * transposed once into one buffer of which every neuron gets its own column (a disjoint
 * subarray, `RecordedArray.columns`), instead of one allocation per neuron and array in every
 * evaluation of a fit.
 *
 * @example
 * ```ts
 * const [first, second] = resultsOfNeurons(results, 2, popsize);
 * ```
 */
export function resultsOfNeurons(results: ExperimentResults, count: number, popsize: number): ExperimentResults[] {
  if (popsize === 1) return Array.from({ length: count }, () => results);
  const perNeuron: RecordingChunk[][] = Array.from({ length: count }, () => []);
  for (const chunk of results.recordings) {
    const outs: Record<string, unknown>[] = Array.from({ length: count }, () => ({}));
    for (const key of Object.keys(chunk)) {
      const v = (chunk as Record<string, unknown>)[key];
      switch (keyKind(key, v)) {
        case 'spike':
          for (let i = 0; i < count; i++) outs[i]![key] = { 0: (v as Record<number, number[]>)[i] ?? [] };
          break;
        case 'parameters': {
          const entries = Object.entries(v as Record<string, number | Float64Array>);
          for (let i = 0; i < count; i++) outs[i]![key] = Object.fromEntries(entries.map(([p, pv]) => [p, Float64Array.of(typeof pv === 'number' ? pv : pv[i]!)]));
          break;
        }
        case 'column': {
          const a = v as RecordedArray;
          if (count > a.rowSize) throw new RangeError(`RecordedArray.column: column ${a.rowSize} out of range [0, ${a.rowSize})`);
          const cols = a.columns(count);
          for (let i = 0; i < count; i++) outs[i]![key] = new RecordedArray(cols[i]!, [a.length, 1]);
          break;
        }
        default:
          for (let i = 0; i < count; i++) outs[i]![key] = v;
      }
    }
    for (let i = 0; i < count; i++) perNeuron[i]!.push(outs[i] as RecordingChunk);
  }
  return perNeuron.map((recordings) => new ExperimentResults(recordings, results.recordingTimes, results.monDict, results.data));
}

/**
 * Builds the model of a problem for `popsize` candidates and evaluates them.
 *
 * @example
 * ```ts
 * const sim = new OptNeuronSimulator(problem, 6);
 * sim.evaluate([[0.1, 0.2, ...], [1, 1, ...]]).loss;   // fitted variables x neurons
 * ```
 */
export class OptNeuronSimulator {
  readonly bounds: ParsedBounds;
  readonly popName = 'model_neuron';
  readonly targetName = 'target_model_neuron';
  resultsSoll: unknown;
  private experimentInstance!: CompNeuroExp;
  private readonly numRep: number;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the target data is whatever the user passes
  private readonly verbose: boolean;

  constructor(readonly problem: OptNeuronProblem<any>, readonly popsize: number, opts: { check?: boolean; log?: (m: string) => void; verbose?: boolean } = {}) {
    this.verbose = opts.verbose ?? false;
    this.bounds = parseVariablesBounds(problem.variablesBounds);
    const hasSoll = problem.resultsSoll !== undefined && problem.resultsSoll !== null;
    const hasTarget = problem.targetNeuronModel !== undefined && problem.targetNeuronModel !== null;
    if (!hasSoll && !hasTarget) throw new Error('OptNeuron: Error: Either provide results_soll or target_neuron_model');
    if (hasSoll && hasTarget) throw new Error('OptNeuron: Error: Either provide results_soll or target_neuron_model, not both');
    if (typeof problem.experiment !== 'function') throw new Error('OptNeuron: experiment must be a CompNeuroExp subclass');
    if (typeof problem.getLossFunction !== 'function') throw new Error('OptNeuron: getLossFunction must be a function (resultsIst, resultsSoll) => loss');
    this.numRep = problem.numRepLoss ?? 1;
    this.resultsSoll = problem.resultsSoll;
    cnpClear();
    setup({ dt: problem.timeStep ?? 1.0 });
    this.build(hasTarget);
    if (opts.check !== false) this.testVariables(opts.log ?? ((m) => console.log(m)));
    if (hasTarget) {
      // the target runs with its own parameters; then only the fitted model is rebuilt
      this.resultsSoll = this.runExperiment(this.targetName);
      cnpClear();
      setup({ dt: problem.timeStep ?? 1.0 });
      this.build(false);
    }
  }

  private build(withTarget: boolean): void {
    // CompNeuroPy builds under suppress_stdout unless verbose
    const log = console.log;
    if (!this.verbose) console.log = () => {};
    try {
      this.buildQuiet(withTarget);
    } finally {
      console.log = log;
    }
  }

  private buildQuiet(withTarget: boolean): void {
    const p = this.problem;
    const raw = ({ neuron, name, size }: { neuron: Neuron; name: string; size: number }) => {
      new Population(size, neuron, name);
    };
    const model = new CompNeuroModel({ modelCreationFunction: raw, modelKwargs: { neuron: p.neuronModel, name: this.popName, size: this.popsize }, name: withTarget ? 'standard_model' : 'single_model', doCompile: !withTarget });
    const pops = [model.populations[0]!];
    if (withTarget) {
      const target = new CompNeuroModel({ modelCreationFunction: raw, modelKwargs: { neuron: p.targetNeuronModel!, name: this.targetName, size: 1 }, name: 'target_model' });
      pops.push(target.populations[0]!);
    }
    const record = p.record ?? [];
    const period = p.recordingPeriod !== undefined && (!record.includes('spike') || record.length > 1) ? `;${p.recordingPeriod}` : '';
    const monitors = record.length > 0 ? new CompNeuroMonitors(Object.fromEntries(pops.map((n) => [`${n}${period}`, record])), { log: () => {} }) : undefined;
    this.experimentInstance = new p.experiment(monitors);
  }

  /** CompNeuroPy `_test_variables`: warns about attributes the bounds do not set, and bounds the neuron lacks. */
  private testVariables(log: (m: string) => void): void {
    const names = [...Object.keys(this.bounds.constants), ...this.bounds.fitNames];
    const attrs = getPopulation(this.popName).attributes.filter((a) => !names.includes(a));
    const missing = names.filter((n) => !getPopulation(this.popName).attributes.includes(n));
    if (attrs.length > 0) log(`OptNeuron: WARNING: attributes [${attrs.map((a) => `'${a}'`).join(', ')}] are not used/initialized.`);
    if (missing.length > 0) log(`OptNeuron: WARNING: The neuron_model does not contain parameters [${missing.map((a) => `'${a}'`).join(', ')}] !`);
  }

  private runExperiment(pop: string): ExperimentResults {
    const exp = this.experimentInstance;
    exp.storeModelState([pop]);
    const results = exp.run(pop);
    exp.reset();
    if (!(results instanceof ExperimentResults)) throw new Error(`OptNeuron: ${this.problem.experiment.name}.run(population_name) must return this.results(), got ${String(results)}`);
    return results;
  }

  /**
   * Evaluates candidates (one per neuron; fewer than popsize are padded with the last).
   * Throws naming the candidate when the loss function throws or gives NaN.
   */
  evaluate(candidates: readonly (readonly number[])[]): SimulatorOutput {
    const n = this.popsize;
    if (candidates.length < 1 || candidates.length > n) throw new Error(`OptNeuron: ${candidates.length} candidates for a population of ${n} neurons`);
    const padded = Array.from({ length: n }, (_, i) => candidates[Math.min(i, candidates.length - 1)]!);
    const k = this.bounds.fitNames.length;
    padded.forEach((c, i) => {
      if (c.length !== k) throw new Error(`OptNeuron: candidate ${i} has ${c.length} values, expected ${k} (${this.bounds.fitNames.join(', ')})`);
    });
    const values = resolveValues(this.bounds, this.bounds.fitNames.map((_, j) => padded.map((c) => c[j]!)), n);
    const pop = getPopulation(this.popName);
    const attributes = new Set(pop.attributes);
    const reps: number[][] = [];
    let allLoss: LossValue[] = [];
    let results!: ExperimentResults;
    for (let r = 0; r < this.numRep; r++) {
      for (const [name, v] of Object.entries(values)) {
        if (attributes.has(name)) (pop as unknown as Record<string, unknown>)[name] = n === 1 ? v[0] : v;
      }
      results = this.runExperiment(this.popName);
      const single = resultsOfNeurons(results, candidates.length, n);
      allLoss = [];
      const losses: number[] = [];
      for (let i = 0; i < candidates.length; i++) {
        let l: LossValue;
        const params = () => this.bounds.fitNames.map((f, j) => `${f}=${candidates[i]![j]}`).join(', ');
        try {
          l = this.problem.getLossFunction(single[i]!, this.resultsSoll);
        } catch (e) {
          throw new Error(`OptNeuron: get_loss_function threw for candidate ${i} (${params()}): ${(e as Error).message}`);
        }
        const sum = typeof l === 'number' ? l : Array.isArray(l) ? l.reduce((a: number, b: number) => a + b, 0) : NaN;
        if (Number.isNaN(sum)) throw new Error(`OptNeuron: get_loss_function returned ${JSON.stringify(l)} (NaN) for candidate ${i} (${params()})`);
        allLoss.push(l);
        losses.push(sum);
      }
      reps.push(losses);
    }
    const loss = reps[0]!.map((_, i) => reps.reduce((a, r) => a + r[i]!, 0) / reps.length);
    const std = loss.map((m, i) => (reps.length > 1 ? Math.sqrt(reps.reduce((a, r) => a + (r[i]! - m) ** 2, 0) / reps.length) : null));
    return { loss, allLoss, std, results };
  }
}
