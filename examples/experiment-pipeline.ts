// The seed experiment (examples/experiment.ts) composed as an Observable pipeline: the stages
// run when subscribed, progress is reported while the simulations run, and the last event
// carries the results. Run with `npx tsx examples/experiment-pipeline.ts`.
import { pathToFileURL } from 'node:url';
import { asyncScheduler } from 'rxjs';
import {
  CompNeuroExp,
  CompNeuroSim,
  CompNeuroMonitors,
  currentStep,
  currentRamp,
  HHmodelBischop,
  setup,
  getPopulation,
  experiment$,
  resetStage,
  startMonitorsStage,
  simulationStage,
  actionStage,
  type ExperimentEvent,
  type RecordedArray,
} from '../src/index.js';

/** Build the model, monitors and simulations and return the experiment's event stream. */
export function pipeline(opts: { E_L?: number; scheduler?: typeof asyncScheduler } = {}) {
  setup({ dt: 0.01 });
  const model = new HHmodelBischop();
  const pop = model.populations[0]!;
  const monitors = new CompNeuroMonitors({ [pop]: ['v'] });
  const stream = opts.scheduler ? { scheduler: opts.scheduler, chunk: 10000 } : undefined;
  const simRamp = new CompNeuroSim({ simulationFunction: currentRamp, simulationKwargs: { pop, a0: 0, a1: 100, dur: 1000, n: 50 } });
  const simStep = new CompNeuroSim({ simulationFunction: currentStep, simulationKwargs: { pop, t1: 500, t2: 500, a1: 0, a2: 50 } });
  const exp = new CompNeuroExp(monitors);
  getPopulation(pop).v = -90.0;
  exp.storeModelState(model.populations);
  return experiment$(exp, [
    resetStage(),
    startMonitorsStage(),
    actionStage('set E_L', () => { getPopulation(pop).E_L = opts.E_L ?? -68.0; }),
    simulationStage(simRamp, undefined, stream),
    resetStage({ parameters: false }),
    simulationStage(simStep, undefined, stream),
  ], { progressEvery: 25000 });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // asyncScheduler: the simulations yield to the event loop every 10000 steps
  pipeline({ scheduler: asyncScheduler }).subscribe((e: ExperimentEvent) => {
    if (e.type === 'stage') console.log(`stage ${e.index}: ${e.stage}`);
    else if (e.type === 'progress') console.log(`  ${e.stage}: t = ${e.t.toFixed(2)} ms`);
    else {
      for (const [k, chunk] of e.results.recordings.entries()) {
        const v = chunk['HH_Bischop;v'] as RecordedArray;
        console.log(`chunk ${k}: v ${JSON.stringify(v.shape)}, last ${v.data[v.data.length - 1]!.toFixed(3)} mV`);
      }
    }
  });
}
