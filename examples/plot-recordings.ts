// Port of CompNeuroPy's examples/plot_recordings.py (docs/examples/plot_recordings.md): how
// to plot recordings (from CompNeuroMonitors) with PlotRecordings, in every format for spiking
// and non-spiking data (populations and projections).
// It loads the data saved by examples/run-and-monitor-simulations.ts (run that first).
// Run: `npm start -- examples/plot-recordings.ts`.
import { loadVariables, PlotRecordings, type Recordings, type RecordingTimes } from '../src/index.js';
import { isMain } from './is-main.js';

export function main(): number {
  const loadedDict = loadVariables(['recordings', 'recording_times', 'increase_rates_pop_info'], 'run_and_monitor_simulations/');

  /// define what should be plotted in which subplot, here 14 subplots are defined to
  /// demonstrate the different plotting formats for spiking and non-spiking variables
  const planDict = {
    position: [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14],
    compartment: [
      'first_poisson', 'first_poisson', 'first_poisson', 'first_poisson', 'first_poisson',
      'second_poisson', 'second_poisson', 'second_poisson', 'second_poisson',
      'ampa_proj', 'ampa_proj', 'ampa_proj', 'ampa_proj',
    ],
    variable: ['spike', 'spike', 'spike', 'spike', 'spike', 'p', 'p', 'p', 'p', 'w', 'w', 'w', 'w'],
    format: [
      'raster', 'mean', 'hybrid', 'interspike', 'cv',
      'line', 'line_mean', 'matrix', 'matrix_mean',
      'line', 'line_mean', 'matrix', 'matrix_mean',
    ],
  };

  /// plot first and second chunk
  new PlotRecordings({
    figname: 'run_and_monitor_simulations/my_two_poissons_chunk_0.png',
    recordings: loadedDict.recordings as Recordings,
    recordingTimes: loadedDict.recording_times as RecordingTimes,
    shape: [3, 5],
    plan: planDict,
  });
  new PlotRecordings({
    figname: 'run_and_monitor_simulations/my_two_poissons_chunk_1.png',
    recordings: loadedDict.recordings as Recordings,
    recordingTimes: loadedDict.recording_times as RecordingTimes,
    shape: [3, 5],
    plan: planDict,
    chunk: 1,
  });
  return 1;
}

if (isMain('plot-recordings')) main();
