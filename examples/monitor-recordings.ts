/**
 * Port of CompNeuroPy's `examples/monitor_recordings.py` (docs/examples/monitor_recordings.md):
 * starting, pausing and resetting CompNeuroMonitors, creating chunks and periods, and printing
 * the time and index limits and array sizes of all recordings.
 *
 * Run: `npm start -- examples/monitor-recordings.ts`: prints the block and writes the six
 * PlotRecordings figures `monitor_recordings_<n>_chunk<c>.png` into the working directory.
 */
import { join } from 'node:path';
import { Izhikevich2007 } from '../src/models/izhikevich-2007.js';
import { PlotRecordings } from '../src/plot/plot-recordings.js';
import { isMain } from './is-main.js';
import { Population } from '../src/engine/population.js';
import { clear, compile, setup, simulate } from '../src/engine/global-functions.js';
import { CompNeuroMonitors } from '../src/monitors/comp-neuro-monitors.js';
import type { RecordedArray } from '../src/monitors/recorded-array.js';
import type { RecordingTimes } from '../src/monitors/recording-times.js';
import type { Recordings } from '../src/monitors/recordings.js';

/** What {@link main} recorded, for checking. */
export interface MonitorRecordingsResult {
  recordings: [Recordings, Recordings, Recordings];
  recordingTimes: [RecordingTimes, RecordingTimes, RecordingTimes];
}

/** Python's repr of a float that is a whole number: `100.0`. */
function pyFloat(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/** Options of {@link main}: whether and where the figures are written, where their console text goes. */
export interface MonitorRecordingsOptions {
  figures?: boolean;
  figDir?: string;
  log?: (text: string) => void;
}

export function main(print: (line: string) => void = console.log, options: MonitorRecordingsOptions = {}): MonitorRecordingsResult {
  const { figures = true, figDir = '.', log } = options;
  clear();
  // setup ANNarchy timestep
  setup({ dt: 0.1 });

  // first we create two populations, each consist of 1 neuron
  new Population(1, new Izhikevich2007({ I_app: 0 }), 'my_pop1');
  new Population(1, new Izhikevich2007({ I_app: 52 }), 'my_pop2');

  // compile
  compile();

  // after compilation we can define the monitors using the monitor_dictionary
  // for my_pop1 we use a recording period of 2 ms
  // for my_pop2 we do not give a recording period, therefore record every timestep
  const monitorDictionary = { 'my_pop1;2': ['v', 'spike'], my_pop2: ['v'] };
  const mon = new CompNeuroMonitors(monitorDictionary, { log: print });

  // starting/pausing all monitors: simulate for 100 ms [0, 100]
  simulate(100);
  // start all monitors and simulate for 100 ms [100, 200]
  mon.start();
  simulate(100);
  // pause all monitors and simulate for 100 ms [200, 300]
  mon.pause();
  simulate(100);

  // starting single monitors: start only my_pop1, simulate for 100 ms [300, 400]
  mon.start(['my_pop1']);
  simulate(100);
  // start all monitors and simulate for 100 ms [400, 500]
  mon.start();
  simulate(100);

  // pausing single monitors: pause my_pop1 and simulate for 100 ms [500, 600]
  mon.pause(['my_pop1']);
  simulate(100);
  // start all monitors and simulate for 100 ms [600, 700]
  mon.start();
  simulate(100);

  // chunking by reset: reset WITHOUT model, new chunk, time continues [700, 800] not recorded
  mon.reset({ model: false });
  mon.pause();
  simulate(100);
  // start all monitors and simulate for 700 ms [800, 1500]
  mon.start();
  simulate(700);

  // reset WITH model: new chunk, time back to 0; do not record [0, 100]
  mon.reset({ model: true });
  mon.pause();
  simulate(100);
  // start all monitors and simulate for 700 ms [100, 800]
  mon.start();
  simulate(700);

  // getting recordings DURING SIMULATION: recordings1 has 3 chunks; the monitors are back to
  // their initial state (nothing recorded, not started)
  const [recordings1, recordingTimes1] = mon.getRecordingsAndClear();

  // time continues at 800 ms: simulate [800, 900] unrecorded, then record [900, 1000]
  simulate(100);
  mon.start();
  simulate(100);

  // reset monitors and model: new chunk, record [0, 100]
  mon.reset({ model: true });
  simulate(100);

  // recordings2 has 2 chunks
  const [recordings2, recordingTimes2] = mon.getRecordingsAndClear();

  // start and directly reset the model (an empty period, no chunk), record [0, 100]
  mon.start();
  mon.reset({ model: true });
  simulate(100);

  // get recordings the normal way: recordings3 has 1 chunk [0, 100]
  const recordings3 = mon.getRecordings();
  const recordingTimes3 = mon.getRecordingTimes();

  // print the idx and time lims of the recordings and the sizes of the recorded arrays
  print('#################### ALL RECORDINGS INFO ####################');
  const recordingsList = [recordings1, recordings2, recordings3];
  const allTimesList = [recordingTimes1.all(), recordingTimes2.all(), recordingTimes3.all()];
  allTimesList.forEach((allTimes, allTimesIdx) => {
    print(`recordings${allTimesIdx + 1}`);
    for (let chunk = 0; chunk < allTimes.length; chunk++) {
      print(`\tchunk: ${chunk}`);
      for (const popName of ['my_pop1', 'my_pop2']) {
        print(`\t\tpop_name: ${popName}`);
        const shape = (recordingsList[allTimesIdx]![chunk]![`${popName};v`] as RecordedArray).shape;
        print(`\t\trecording_array_size: (${shape.join(', ')})`);
        for (const timePoint of ['start', 'stop'] as const) {
          print(`\t\t\ttime_point: ${timePoint}`);
          for (const unit of ['ms', 'idx'] as const) {
            print(`\t\t\t\tunit: ${unit}`);
            const values = allTimes[chunk]![popName]![timePoint][unit];
            for (let period = 0; period < values.length; period++) {
              print(`\t\t\t\t\tperiod ${period}: ${unit === 'ms' ? pyFloat(values[period]!) : values[period]}`);
            }
          }
        }
      }
    }
  });
  print('#############################################################');

  // plot recordings 1 (3 chunks), 2 (2 chunks) and 3 (1 chunk), each chunk in one figure
  const plan = {
    position: [1, 2, 3],
    compartment: ['my_pop1', 'my_pop2', 'my_pop1'],
    variable: ['v', 'v', 'spike'],
    format: ['line', 'line', 'raster'],
  };
  const recordingTimesList = [recordingTimes1, recordingTimes2, recordingTimes3];
  if (figures) {
    recordingsList.forEach((recordings, k) => {
      for (let chunk = 0; chunk < recordings.length; chunk++) {
        // using PlotRecordings which plots the recordings of one chunk
        new PlotRecordings({
          figname: join(figDir, `monitor_recordings_${k + 1}_chunk${chunk}.png`),
          recordings,
          recordingTimes: recordingTimesList[k]!,
          shape: [2, 2],
          plan,
          chunk,
          log,
        });
      }
    });
  }

  return {
    recordings: [recordings1, recordings2, recordings3],
    recordingTimes: [recordingTimes1, recordingTimes2, recordingTimes3],
  };
}

if (isMain('monitor-recordings')) main();
