/**
 * The evaluation module runners load for OptNeuron: imports the user's problem module (which
 * exports an {@link OptNeuronProblem}), builds its model once for `popsize` candidates (its
 * share of a generation), and returns the losses of each task: one chunk of candidates as one
 * flat typed array (candidate after candidate), so that a worker gets one small message per
 * generation.
 */
import { importModule, moduleSpecifier } from '../run/evaluator-cache.js';
import { OptNeuronSimulator, type OptNeuronProblem } from './opt-neuron-simulator.js';

/** Setup shipped to workers. */
export interface OptNeuronEvaluatorSetup {
  readonly problemModule: string;
  readonly exportName: string;
  readonly popsize: number;
}

/**
 * A generation cut into one chunk per worker, each chunk flat (`Float64Array`, candidate after
 * candidate): the tasks of {@link createEvaluator}.
 *
 * @example
 * ```ts
 * splitGeneration([[1, 2], [3, 4], [5, 6]], 2); // { size: 2, chunks: [Float64Array [1,2,3,4], Float64Array [5,6]] }
 * ```
 */
export function splitGeneration(population: readonly (readonly number[])[], parts: number): { size: number; chunks: Float64Array[] } {
  const k = Math.max(1, Math.min(parts, population.length));
  const size = Math.ceil(population.length / k);
  const chunks: Float64Array[] = [];
  for (let first = 0; first < population.length; first += size) {
    const rows = population.slice(first, first + size);
    const n = rows[0]!.length;
    const flat = new Float64Array(rows.length * n);
    rows.forEach((x, i) => flat.set(x, i * n));
    chunks.push(flat);
  }
  return { size, chunks };
}

/**
 * The problem a setup names, imported as workers import it; throws naming the module and export.
 *
 * @example
 * ```ts
 * const problem = await problemOf({ problemModule: import.meta.url, exportName: 'problem', popsize: 6 });
 * ```
 */
export async function problemOf(setup: OptNeuronEvaluatorSetup): Promise<OptNeuronProblem> {
  const mod = (await importModule(moduleSpecifier(setup.problemModule))) as Record<string, unknown>;
  const problem = mod[setup.exportName] as OptNeuronProblem | undefined;
  if (!problem || typeof problem !== 'object') throw new Error(`module "${setup.problemModule}" has no OptNeuron problem export "${setup.exportName}"`);
  return problem;
}

/** Builds the simulator once (per worker) and evaluates chunks of candidates. */
export async function createEvaluator(setup: OptNeuronEvaluatorSetup): Promise<(chunk: ArrayLike<number>) => Float64Array> {
  const problem = await problemOf(setup);
  const sim = new OptNeuronSimulator(problem, setup.popsize, { check: false });
  const n = sim.bounds.fitNames.length;
  return (chunk) => {
    if (chunk.length % n !== 0) throw new Error(`OptNeuron: a chunk of ${chunk.length} values is not a whole number of candidates of ${n} values (${sim.bounds.fitNames.join(', ')})`);
    const candidates = Array.from({ length: chunk.length / n }, (_, i) => Array.from({ length: n }, (_, j) => chunk[i * n + j]!));
    return Float64Array.from(sim.evaluate(candidates).loss);
  };
}
