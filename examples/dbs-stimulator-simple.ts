/**
 * Port of CompNeuroPy's `examples/dbs_stimulator_simple.py` (docs/examples/dbs.md): a
 * DBSstimulator that only depolarises half of a population, created with `autoImplement`, with
 * the references to the populations updated afterwards. 1000 ms without DBS, 1000 ms with DBS,
 * 1000 ms without; the membrane potentials of both populations are plotted.
 *
 * Run: `npm start -- examples/dbs-stimulator-simple.ts`: prints the compile line and
 * `Generate fig dbs_stimulator_simple.png... Done`, writes the figure into the working directory.
 */
import { Population } from '../src/engine/population.js';
import { compile, setup, simulate } from '../src/engine/global-functions.js';
import { Izhikevich } from '../src/models/annarchy/index.js';
import { DBSstimulator } from '../src/dbs/dbs-stimulator.js';
import { CompNeuroMonitors } from '../src/monitors/comp-neuro-monitors.js';
import { PlotRecordings } from '../src/plot/plot-recordings.js';
import { isMain } from './is-main.js';

/** Runs the example; returns what the checks of its spec need. */
export function main(): { dbs: DBSstimulator; population1: Population; population2: Population } {
  setup({ dt: 0.1 });

  // create populations
  let population1 = new Population(10, new Izhikevich(), 'my_pop1');
  let population2 = new Population(10, new Izhikevich(), 'my_pop2');

  // create DBS stimulator
  const dbs = new DBSstimulator({
    stimulatedPopulation: population1,
    populationProportion: 0.5,
    dbsDepolarization: 30,
    autoImplement: true,
  });

  // if you work with names of populations/projections everything will work, but if you
  // want to work with pointers you have to update them after calling the DBSstimulator
  [population1, population2] = dbs.updatePointers([population1, population2]) as Population[];

  // compile network
  compile();

  // create monitors
  const monitors = new CompNeuroMonitors({ my_pop1: 'v', my_pop2: 'v' });
  monitors.start();

  // run simulation
  // 1000 ms without dbs
  simulate(1000);
  // 1000 ms with dbs
  dbs.on();
  simulate(1000);
  // 1000 ms without dbs
  dbs.off();
  simulate(1000);

  // plot recordings
  new PlotRecordings({
    figname: 'dbs_stimulator_simple.png',
    recordings: monitors.getRecordings(),
    recordingTimes: monitors.getRecordingTimes(),
    chunk: 0,
    shape: [2, 1],
    plan: {
      position: [1, 2],
      compartment: ['my_pop1', 'my_pop2'],
      variable: ['v', 'v'],
      format: ['matrix', 'matrix'],
    },
  });
  return { dbs, population1: population1!, population2: population2! };
}

if (isMain('dbs-stimulator-simple')) main();
