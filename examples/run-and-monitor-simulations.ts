// Port of CompNeuroPy's examples/run_and_monitor_simulations.py
// (docs/examples/run_and_monitor_simulations.md): how to use CompNeuroSim to define
// simulations, with simulation functions, requirements and the simulation information object.
// It uses "myModel" from examples/create-model.ts and saves the recorded data used by
// examples/plot-recordings.ts (folder run_and_monitor_simulations/).
// Run: `npm start -- examples/run-and-monitor-simulations.ts`.
import { isMain } from './is-main.js';
import {
  CompNeuroMonitors, CompNeuroSim, ReqPopHasAttr, saveVariables, CompNeuroModel,
  simulate, getPopulation, Population, Neuron, Projection, Synapse, Uniform, pyPrint, pyFloat,
} from '../src/index.js';
import { myModel } from './create-model.js';

/// CompNeuroSim is a class to define simulations
/// It requires a simulation function, which we will define here:
/** Sets the rates variable of the population popName and simulates duration ms. */
export function setRates({ popName, rates = 0.0, duration = 0.0 }: { popName: string; rates?: number; duration?: number }): void {
  /// set rates and simulate
  getPopulation(popName).rates = rates;
  simulate(duration);
}

/// Also create a second more complex simulation function
/**
 * Increase the rates variable of population(s): nrSteps steps of timeStep ms, each rateStep
 * higher, starting from the current rates of each population.
 */
export function increaseRates({ pop_name, rate_step = 0.0, time_step = 0.0, nr_steps = 0 }: {
  pop_name: string | string[];
  rate_step?: number;
  time_step?: number;
  nr_steps?: number;
}): { duration: number; d_rates: number } {
  /// convert single pop into list
  const popNameList = Array.isArray(pop_name) ? pop_name : [pop_name];
  /// define initial value for rates for each pop (assume all neurons have same rates)
  const startRateArr = popNameList.map((name) => (getPopulation(name).rates as Float64Array)[0]!);
  /// simulate all steps
  for (let step = 0; step < nr_steps; step++) {
    /// calculate rates for each pop
    const ratesArr = startRateArr.map((r) => step * rate_step + r);
    /// set rates variable of all populations
    popNameList.forEach((popName, popIdx) => setRates({ popName, rates: ratesArr[popIdx]!, duration: 0 })); // use already defined simulation setRates
    /// then simulate step
    setRates({ popName: popNameList[0]!, rates: ratesArr[0]!, duration: time_step });
  }
  /// simulation functions can return some information which may be helpful later
  /// the simulation arguments do not need to be returned, since they are accessible
  /// through the CompNeuroSim object anyway (see below)
  return { duration: time_step * nr_steps, d_rates: rate_step * nr_steps };
}

/// see below why we need this function
/** Create a simple population and a projection with decaying weights. */
export function extendModel(model: Pick<CompNeuroModel, 'populations'>): void {
  /// create a simple population for later use
  new Population(1, new Neuron({ equations: 'r=0' }), 'simple_pop');
  /// create a projection with decaying weights to demonstrate recording of projection
  const proj = new Projection(
    model.populations[0]!,
    model.populations[1]!,
    'ampa',
    new Synapse({ parameters: 'tau=500', equations: 'dw/dt=-w/tau' }),
    'ampa_proj',
  );
  proj.connectAllToAll({ weights: new Uniform(1.0, 2.0) });
}

export function main(): number {
  /// create and compile the model from example create-model.ts
  myModel.create({ doCompile: false });
  /// extend the model to demonstrate the functionality of CompNeuroSim requirements
  /// (see below) and the recording of projections (recorded data will be used in
  /// example plot-recordings.ts)
  extendModel(myModel);
  myModel.compile();

  /// Define Monitors, recording p and spike from both model populations with periods
  /// of 10 ms and 15 ms and the weights of the ampa projection with period of 10 ms
  const monitorDictionary = {
    [`${myModel.populations[0]};10`]: ['p', 'spike'],
    [`${myModel.populations[1]};15`]: ['p', 'spike'],
    'ampa_proj;10': ['w'],
  };
  const mon = new CompNeuroMonitors(monitorDictionary);

  /// Now use CompNeuroSim to define a simulation. Use the previously defined
  /// simulation functions and define their arguments as kwargs object. Give the
  /// simulation a name and description and you can also define requirements for the
  /// simulation. Here, for example, we require that the populations contain the
  /// attribute 'rates'. The arguments of the requirements can be inherited from the
  /// simulation kwargs by using the syntax 'simulation_kwargs.<kwarg_name>'.
  /// The monitor object is also given to the simulation, so that the simulation
  /// runs can be automatically associated with the monitor recording chunks.
  const increaseRatesPop = new CompNeuroSim({
    simulationFunction: increaseRates,
    simulationKwargs: { pop_name: myModel.populations[0]!, rate_step: 10, time_step: 100, nr_steps: 15 },
    name: 'increase_rates_pop',
    description: 'increase rates variable of pop',
    requirements: [{ req: ReqPopHasAttr, pop: 'simulation_kwargs.pop_name', attr: 'rates' }],
    monitorObject: mon,
  });

  /// Now let's use this simulation
  /// Simulate 500 ms without recordings and then run the simulation
  simulate(500);
  mon.start();
  increaseRatesPop.run();

  /// resetting monitors and model, creating new recording chunk
  mon.reset();

  /// again simulate 700 ms without recording
  /// then run the simulation with different simulation kwargs (for all populations)
  mon.pause();
  simulate(700);
  mon.start();
  increaseRatesPop.run({ pop_name: myModel.populations });
  simulate(500);

  /// now again change the pop_name kwarg but use the simple_pop population without
  /// the required attribute 'rates'
  /// this will raise an error
  try {
    increaseRatesPop.run({ pop_name: 'simple_pop' });
  } catch (e) {
    console.log('\n###############################################');
    console.log("Running simulation with population not containing attribute 'rates' causes the following error:");
    console.log((e as Error).message);
    console.log('###############################################\n');
  }

  /// get recordings and recording times from the CompNeuroMonitors object
  const recordings = mon.getRecordings();
  const recordingTimes = mon.getRecordingTimes();

  /// get the simulation information object from the CompNeuroSim object
  const increaseRatesPopInfo = increaseRatesPop.simulationInfo();

  /// save the recordings, recording times and simulation information
  saveVariables(
    [recordings, recordingTimes, increaseRatesPopInfo],
    ['recordings', 'recording_times', 'increase_rates_pop_info'],
    'run_and_monitor_simulations',
  );

  /// print the information contained in the simulation information object
  console.log('\nA simulation object contains:');
  console.log('name\n', increaseRatesPopInfo.name);
  console.log('\ndescription\n', increaseRatesPopInfo.description);
  // start/end are ANNarchy's get_time() values, Python floats
  console.log('\nstart (for each run)\n', `[${increaseRatesPopInfo.start.map(pyFloat).join(', ')}]`);
  console.log('\nend (for each run)\n', `[${increaseRatesPopInfo.end.map(pyFloat).join(', ')}]`);
  console.log('\ninfo (for each run)\n', pyPrint(increaseRatesPopInfo.info));
  console.log('\nkwargs (for each run)\n', pyPrint(increaseRatesPopInfo.kwargs));
  console.log('\nmonitor chunk (for each run)\n', pyPrint(increaseRatesPopInfo.monitorChunk));
  return 1;
}

if (isMain('run-and-monitor-simulations')) main();
