import { expect } from 'chai';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadVariables } from '../../src/io/save-variables.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';
import { RecordingTimes } from '../../src/monitors/recording-times.js';
import { SimInfo } from '../../src/experiment/sim-info.js';
import { fixture, runExample, tempDir } from './run-example.js';

describe('examples/run-and-monitor-simulations (CompNeuroPy run_and_monitor_simulations.py)', function () {
  this.timeout(120000);
  let dir: string;
  let out: string;
  before(() => {
    dir = tempDir();
    out = runExample('run-and-monitor-simulations', dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the documented output: the requirement error and the SimInfo values', () => {
    expect(out).to.equal(fixture('run_and_monitor_simulations_console.txt'));
  });

  it('saves recordings, recording times and the SimInfo (JSON + .npz) for plot-recordings', () => {
    const folder = join(dir, 'run_and_monitor_simulations');
    for (const f of ['recordings.json', 'recordings.npz', 'recording_times.json', 'increase_rates_pop_info.json']) {
      expect(existsSync(join(folder, f)), f).to.equal(true);
    }
    const d = loadVariables(['recordings', 'recording_times', 'increase_rates_pop_info'], folder);
    const rec = d.recordings as Record<string, unknown>[];
    expect(rec).to.have.length(2);
    // chunk 0: 1500 ms recorded at 10 ms (first_poisson) and 15 ms (second_poisson): 150 / 100 samples of 3 neurons
    expect((rec[0]!['first_poisson;p'] as RecordedArray).shape).to.deep.equal([150, 3]);
    expect((rec[0]!['second_poisson;p'] as RecordedArray).shape).to.deep.equal([100, 3]);
    expect((rec[0]!['ampa_proj;w'] as RecordedArray).shape).to.deep.equal([150, 3, 3]);
    const rt = d.recording_times as RecordingTimes;
    expect(rt).to.be.instanceOf(RecordingTimes);
    expect(rt.timeLims({ chunk: 0, compartment: 'first_poisson' })).to.deep.equal([500, 1990]);
    const info = d.increase_rates_pop_info as SimInfo;
    expect(info).to.be.instanceOf(SimInfo);
    expect([info.start, info.end, info.monitorChunk]).to.deep.equal([[500, 700], [2000, 2200], [0, 1]]);
  });
});
