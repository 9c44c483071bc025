// Port of CompNeuroPy's examples/opt_neuron/run_opt_neuron_from_data.py (MIT, Copyright (c)
// 2022 Oliver Maith): how to use the OptNeuron class to fit an ANNarchy neuron model to some
// experimental data. Run with `npx tsx examples/opt-neuron/run-opt-neuron-from-data.ts`.
import { pathToFileURL } from 'node:url';
import {
  CompNeuroExp, CompNeuroSim, currentStep, rmse, OptNeuron, Neuron, dt,
  type ExperimentResults, type OptNeuronProblem, type RecordedArray,
} from '../../src/index.js';

/// in this example we want to fit an ANNarchy neuron model to some data (which ca be
/// somehow obtained by simulating the neuron and recording variables) for this example,
/// we have the following simple neuron model, you must not use the :population flag
/// for the parameters!
export const myNeuron = new Neuron({
  parameters: `
        I_app = 0
        a = 0
        b = 0
    `,
  equations: `
        r = a*I_app + b
    `,
});

/// Now we need some "experimental data" which will be provided to the OptNeuron class
/// with the argument results_soll.
/**
 * Return experimental data: two recordings of the rate r of a single neuron from two different
 * current step experiments. Both have length = 1000 ms and after 500 ms the current is changed.
 */
export function getExperimentalData(): { resultsSoll: Float64Array[]; timeStep: number } {
  const rArr = [new Float64Array(1000), new Float64Array(1000)];
  /// first recording
  rArr[0]!.fill(2, 0, 500);
  rArr[0]!.fill(6, 500);
  /// second recording
  rArr[1]!.fill(2, 0, 500);
  rArr[1]!.fill(10, 500);
  /// time step in ms
  const timeStep = 1;
  return { resultsSoll: rArr, timeStep };
}

/// We know how our experimental data was obtained. This is what we have to define as an
/// CompNeuroExp for the OptNeuron class.
export class MyExp extends CompNeuroExp {
  /**
   * Do the simulations and recordings. For OptNeuron, run() gets the name of the population
   * OptNeuron creates (one or many neurons of the fitted model).
   */
  override run(populationName: string): ExperimentResults {
    /// you have to start monitors within the run function, otherwise nothing will
    /// be recorded
    this.monitors!.start();

    /// do simulations and recordings using the provided CompNeuroMonitors object
    const simStep = new CompNeuroSim({
      simulationFunction: currentStep,
      simulationKwargs: { pop: populationName, t1: 500, t2: 500, a1: 0, a2: 5 },
      kwargsWarning: false,
      name: 'test',
      monitorObject: this.monitors as never,
    });

    /// run the simulation
    simStep.run();
    /// Here we reset the model and monitors, creating a new chunk for the next sim
    this.reset();
    simStep.run({ a2: 10 });

    /// optional: store anything you want in the data dict
    this.data.sim = simStep.simulationInfo();
    this.data.population_name = populationName;
    this.data.time_step = dt();

    /// return results, use the object's this.results()
    return this.results();
  }
}

/// Next, the OptNeuron class needs a function to calculate the loss.
export function getLoss(resultsIst: ExperimentResults, resultsSoll: Float64Array[]): number[] {
  /// get the recordings and other important things for calculating the loss from
  /// results_ist
  const recIst = resultsIst.recordings;
  const popIst = resultsIst.data.population_name as string;

  /// the get_loss function should always calculate the loss for neuron rank 0!
  const neuron = 0;

  /// get the data for calculating the loss from the results_soll
  const rTarget0 = resultsSoll[0]!;
  const rTarget1 = resultsSoll[1]!;

  /// get the data for calculating the loss from the recordings of the
  /// optimized neuron model
  const rIst0 = (recIst[0]![`${popIst};r`] as RecordedArray).column(neuron);
  const rIst1 = (recIst[1]![`${popIst};r`] as RecordedArray).column(neuron);

  /// calculate the loss, e.g. the root mean squared error
  const rmse1 = rmse(rTarget0, rIst0);
  const rmse2 = rmse(rTarget1, rIst1);

  /// return the loss, one can return a singel value or a list of values which will
  /// be summed during the optimization
  return [rmse1, rmse2];
}

/// now we need to define which variables should be optimized and between which bounds
export const variablesBounds = { a: [-50, 100], b: [-50, 150] } as Record<string, [number, number]>;

/// the problem as one object, so that worker threads can import it (compneuro-rx runners)
const experimentalData = getExperimentalData();
export const problem: OptNeuronProblem<Float64Array[]> = {
  experiment: MyExp,
  getLossFunction: getLoss,
  variablesBounds,
  neuronModel: myNeuron,
  resultsSoll: experimentalData.resultsSoll,
  timeStep: experimentalData.timeStep,
  record: ['r'],
};

export async function main(options: { seed?: number; runner?: 'serial' | 'local' } = {}) {
  /// intitialize optimization
  const opt = new OptNeuron({
    ...problem,
    compileFolderName: 'annarchy_opt_neuron_example_from_data',
    method: 'deap',
    seed: options.seed,
    module: import.meta.url,
    runner: options.runner ?? 'serial',
  });

  /// run the optimization, define how often the experiment should be repeated
  const fit = await opt.run({ maxEvals: 100, resultsFileName: 'best_from_data' });

  /// print optimized parameters, we should get around a=0.8 and b=2
  console.log('a', fit.a);
  console.log('b', fit.b);
  console.log(Object.keys(fit));
  return fit;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
