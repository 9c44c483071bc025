/**
 * The evaluation module runners load for OptNeuron: imports the user's problem module (which
 * exports an {@link OptNeuronProblem}), builds its model once for `popsize` candidates, and
 * returns the losses of each task (a chunk of candidates).
 */
import { importModule, moduleSpecifier } from '../run/evaluator-cache.js';
import { OptNeuronSimulator, type OptNeuronProblem } from './opt-neuron-simulator.js';

/** Setup shipped to workers. */
export interface OptNeuronEvaluatorSetup {
  readonly problemModule: string;
  readonly exportName: string;
  readonly popsize: number;
}

/** Builds the simulator once (per worker) and evaluates chunks of candidates. */
export async function createEvaluator(setup: OptNeuronEvaluatorSetup): Promise<(candidates: number[][]) => number[]> {
  const mod = (await importModule(moduleSpecifier(setup.problemModule))) as Record<string, unknown>;
  const problem = mod[setup.exportName] as OptNeuronProblem | undefined;
  if (!problem || typeof problem !== 'object') throw new Error(`module "${setup.problemModule}" has no OptNeuron problem export "${setup.exportName}"`);
  const sim = new OptNeuronSimulator(problem, setup.popsize, { check: false });
  return (candidates) => sim.evaluate(candidates).loss;
}
