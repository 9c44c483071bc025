// Port of CompNeuroPy's examples/opt_neuron/run_opt_neuron_from_neuron.py (MIT, Copyright (c)
// 2022 Oliver Maith): fit an ANNarchy neuron model to the dynamics of another neuron model in
// a specific experiment. The experiment and variables bounds come from the other example.
// Run with `npx tsx examples/opt-neuron/run-opt-neuron-from-neuron.ts [serial|local]`.
import { pathToFileURL } from 'node:url';
import { rmse, OptNeuron, Neuron, type ExperimentResults, type OptNeuronProblem, type RecordedArray, type Runner } from '../../src/index.js';

/// import the experiment and variables_bounds
import { MyExp, variablesBounds, myNeuron as simpleNeuron } from './run-opt-neuron-from-data.js';

/// for this example we want to fit a simple neuron model to replicate the dynamics of a
/// more complex neuron model, the simple model is imported from the other example
/// 'run_opt_neuron_from_data.py' and the complex model is defined here
export const complexNeuron = new Neuron({
  parameters: `
        I_app = 0
        m0 = 1
        m1 = 2
        m2 = 3
        n0 = 1
        n1 = 0
        n2 = -1
    `,
  equations: `
        r = m0*I_app + n0 + m1*I_app + n1 + m2*I_app + n2
    `,
});

/// Next, the OptNeuron class needs a function to calculate the loss.
export function getLoss(resultsIst: ExperimentResults, resultsSoll: ExperimentResults): number[] {
  /// get the recordings and other important things from the results_ist and results_soll
  const recIst = resultsIst.recordings;
  const popIst = resultsIst.data.population_name as string;
  const recSoll = resultsSoll.recordings;
  const popSoll = resultsSoll.data.population_name as string;

  /// the get_loss function should always calculate the loss for neuron rank 0! For
  /// both, the target and the optimized neuron model.
  const neuron = 0;

  /// get the data for calculating the loss from the recordings of the
  /// target neuron model
  const vSoll0 = (recSoll[0]![`${popSoll};r`] as RecordedArray).column(neuron);
  const vSoll1 = (recSoll[1]![`${popSoll};r`] as RecordedArray).column(neuron);

  /// get the data for calculating the loss from the recordings of the
  /// optimized neuron model
  const vIst0 = (recIst[0]![`${popIst};r`] as RecordedArray).column(neuron);
  const vIst1 = (recIst[1]![`${popIst};r`] as RecordedArray).column(neuron);

  /// calculate the loss, e.g. the root mean squared error
  const rmse1 = rmse(vSoll0, vIst0);
  const rmse2 = rmse(vSoll1, vIst1);

  /// return the loss, one can return a singel value or a list of values which will
  /// be summed during the optimization
  return [rmse1, rmse2];
}

/// the problem as one object, so that worker threads can import it (compneuro-rx runners)
export const problem: OptNeuronProblem<ExperimentResults> = {
  experiment: MyExp,
  getLossFunction: getLoss,
  variablesBounds,
  neuronModel: simpleNeuron,
  targetNeuronModel: complexNeuron,
  timeStep: 1,
  record: ['r'],
};

export async function main(options: { seed?: number; runner?: 'serial' | 'local' | Runner; maxEvals?: number; resultsFileName?: string; splitGeneration?: 'auto' | boolean } = {}) {
  /// define optimization
  const opt = new OptNeuron({
    ...problem,
    compileFolderName: 'annarchy_opt_neuron_example_from_neuron',
    method: 'deap',
    seed: options.seed,
    module: import.meta.url,
    runner: options.runner ?? 'local',
    splitGeneration: options.splitGeneration,
  });

  /// run the optimization, define how often the experiment should be repeated
  const fit = await opt.run({ maxEvals: options.maxEvals ?? 100, resultsFileName: options.resultsFileName ?? 'best_from_neuron' });

  /// print optimized parameters, we should get around a=6 and b=0
  console.log('a', fit.a);
  console.log('b', fit.b);
  console.log(Object.keys(fit));
  return { fit, opt };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main({ runner: (process.argv[2] as 'serial' | 'local' | undefined) ?? 'local' });
