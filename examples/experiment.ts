// Port of CompNeuroPy's docs/examples/experiment.md ("Define Experiments"): combine
// simulations, model and recordings in an experiment, run it twice and plot the results.
// Run with `npm start`; the figures are written to the working directory.
import { pathToFileURL } from 'node:url';
import {
  CompNeuroExp,
  CompNeuroSim,
  CompNeuroMonitors,
  CompNeuroModel,
  currentStep,
  currentRamp,
  PlotRecordings,
  HHmodelBischop,
  dt,
  setup,
  getPopulation,
  pyPrint,
  type ExperimentResults,
} from '../src/index.js';

/// combine both simulations and recordings in an experiment
export class MyExp extends CompNeuroExp {
  /**
   * Define an experiment by inheriting from CompNeuroExp.
   *
   * CompNeuroExp provides the attributes:
   *
   *     monitors (CompNeuroMonitors):
   *         a CompNeuroMonitors object to do recordings, define during init otherwise
   *         undefined
   *     data (object):
   *         an object for storing any optional data
   *
   * and the functions:
   *     reset():
   *         resets the model and monitors
   *     results():
   *         returns a results object
   *     storeModelState():
   *         stores the state of the model used for reset
   *     resetModelState():
   *         resets the stored model state
   */
  model: CompNeuroModel;
  simStep: CompNeuroSim;
  simRamp: CompNeuroSim;

  /**
   * Initialize the experiment and additionally store the model and simulations.
   */
  constructor({ model, simStep, simRamp, monitors }: {
    model: CompNeuroModel;
    simStep: CompNeuroSim;
    simRamp: CompNeuroSim;
    monitors: CompNeuroMonitors;
  }) {
    super(monitors);
    this.model = model;
    this.simStep = simStep;
    this.simRamp = simRamp;
  }

  /**
   * Do the simulations and recordings.
   *
   * To use the CompNeuroExp class, you need to define a run function which
   * does the simulations and recordings. The run function should return the
   * results object which can be obtained by calling this.results().
   *
   * E_L: leak reversal potential of the population, which is set at the beginning
   * of the experiment run. Default: -68 mV
   */
  override run(E_L = -68.0): ExperimentResults {
    /// call reset at the beginning of the experiment to ensure that the model
    /// is in the same state at the beginning of each experiment run
    /// we stored the state that the membrane potential is -90 before (see below)
    /// this can be seen in the results plots
    this.reset();

    /// also always start the monitors, they are stopped automatically at the end
    this.monitors!.start();

    /// set the leak reversal potential of the population, be aware that this
    /// will be undone by the reset function if you don't set the parameters
    /// argument to false
    getPopulation(this.model.populations[0]!).E_L = E_L;

    /// SIMULATION START
    this.simRamp.run();
    /// if you want to reset the model, you should use the objects reset()
    /// it's the same as the ANNarchy reset + it resets the CompNeuroMonitors
    /// creating a new chunk, optionally not changing the parameters (but still the
    /// dynamic variables)
    this.reset({ parameters: false });
    this.simStep.run();
    /// SIMULATION END

    /// optional: store anything you want in the data object, for example information
    /// about the simulations
    this.data.sim = [this.simRamp.simulationInfo(), this.simStep.simulationInfo()];
    this.data.population_name = this.model.populations[0];
    this.data.time_step = dt();

    /// return results using this.results()
    return this.results();
  }
}

/** The script part (Python's `if __name__ == "__main__":` block); returns both runs' results. */
export function main(): { resultsRun1: ExperimentResults; resultsRun2: ExperimentResults } {
  /// create and compile a model
  setup({ dt: 0.01 });
  const model = new HHmodelBischop();

  /// define recordings before experiment
  const monitors = new CompNeuroMonitors({ [model.populations[0]!]: ['v'] });

  /// define some simulations e.g. using CompNeuroSim
  /// in the experiment we 1st conduct a ramp simulation
  const simRamp = new CompNeuroSim({
    simulationFunction: currentRamp,
    simulationKwargs: {
      pop: model.populations[0]!,
      a0: 0,
      a1: 100,
      dur: 1000,
      n: 50,
    },
  });
  /// and 2nd a step simulation
  const simStep = new CompNeuroSim({
    simulationFunction: currentStep,
    simulationKwargs: {
      pop: model.populations[0]!,
      t1: 500,
      t2: 500,
      a1: 0,
      a2: 50,
    },
  });

  /// init and run the experiment
  const myExp = new MyExp({ monitors, model, simStep, simRamp });

  /// demonstration of the storeModelState function
  /// the current state of the model is the compilation state, e.g. v should be -68
  console.log(`Compilation state v = ${pyPrint(getPopulation(model.populations[0]!).v)}`);
  /// the reset function of CompNeuroExp resets to the compilation state by default
  /// but you can also store the state of model compartments and reset to this state
  /// here for example we store that the membrane potential is -90
  getPopulation(model.populations[0]!).v = -90.0;
  myExp.storeModelState(model.populations);

  /// one use case is to run an experiment multiple times e.g. with different
  /// parameters
  const resultsRun1 = myExp.run();
  const resultsRun2 = myExp.run(-90.0);

  /// plot of the membrane potential from the first and second chunk using results
  /// experiment run 1
  new PlotRecordings({
    figname: 'example_experiment_sim_ramp.png',
    recordings: resultsRun1.recordings,
    recordingTimes: resultsRun1.recordingTimes!,
    chunk: 0,
    shape: [1, 1],
    plan: {
      position: [1],
      compartment: [resultsRun1.data.population_name as string],
      variable: ['v'],
      format: ['line'],
    },
  });
  new PlotRecordings({
    figname: 'example_experiment_sim_step.png',
    recordings: resultsRun1.recordings,
    recordingTimes: resultsRun1.recordingTimes!,
    chunk: 1,
    shape: [1, 1],
    plan: {
      position: [1],
      compartment: [resultsRun1.data.population_name as string],
      variable: ['v'],
      format: ['line'],
    },
  });
  /// experiment run 2
  new PlotRecordings({
    figname: 'example_experiment2_sim_ramp.png',
    recordings: resultsRun2.recordings,
    recordingTimes: resultsRun2.recordingTimes!,
    chunk: 0,
    shape: [1, 1],
    plan: {
      position: [1],
      compartment: [resultsRun2.data.population_name as string],
      variable: ['v'],
      format: ['line'],
    },
  });
  new PlotRecordings({
    figname: 'example_experiment2_sim_step.png',
    recordings: resultsRun2.recordings,
    recordingTimes: resultsRun2.recordingTimes!,
    chunk: 1,
    shape: [1, 1],
    plan: {
      position: [1],
      compartment: [resultsRun2.data.population_name as string],
      variable: ['v'],
      format: ['line'],
    },
  });

  /// print data and monDict from results
  console.log('\nrun1:');
  console.log('    data:');
  for (const [key, value] of Object.entries(resultsRun1.data)) console.log(`        ${key}:`, pyPrint(value));
  console.log('    mon_dict:');
  for (const [key, value] of Object.entries(resultsRun1.monDict)) console.log(`        ${key}:`, pyPrint(value));
  console.log('\nrun2:');
  console.log('    data:');
  for (const [key, value] of Object.entries(resultsRun2.data)) console.log(`        ${key}:`, pyPrint(value));
  console.log('    mon_dict:');
  for (const [key, value] of Object.entries(resultsRun2.monDict)) console.log(`        ${key}:`, pyPrint(value));

  return { resultsRun1, resultsRun2 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
