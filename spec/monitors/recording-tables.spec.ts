import { expect } from 'chai';
import { Neuron } from '../../src/language/neuron.js';
import { Population } from '../../src/engine/population.js';
import { clear, compile, setup, simulate } from '../../src/engine/global-functions.js';
import { CompNeuroMonitors } from '../../src/monitors/comp-neuro-monitors.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';
import {
  recordingsTable,
  recordingsWideTable,
  spikesTable,
  tableFromArrowIPC,
  tableToArrowIPC,
} from '../../src/monitors/recording-tables.js';

/** x = t + 10*rank: the value says its time and neuron. dv/dt = 1, spike at v >= 1 (steps 4m+3). */
const Tagged = new Neuron({
  parameters: 'rank = 0',
  equations: 'dv/dt = 1\n x = t + 10*rank',
  spike: 'v >= 1',
  reset: 'v = 0',
});

function record() {
  clear();
  setup({ dt: 0.25 });
  const p = new Population(2, Tagged, 'p');
  p.rank = [0, 1];
  compile();
  const mon = new CompNeuroMonitors({ 'p;0.5': ['x', 'spike'] }); // P = 2 steps
  mon.start();
  simulate(1); // steps 0..3: samples 0, 2
  mon.pause();
  simulate(0.5);
  mon.start();
  simulate(0.5); // steps 6, 7: sample 6
  mon.reset(); // chunk 1 from t = 0
  simulate(1); // samples 0, 2
  return { recordings: mon.getRecordings(), times: mon.getRecordingTimes() };
}

describe('monitors/recording-tables', () => {
  it('long form: chunk, compartment, variable, period, time, neuron, value (hand-computed rows)', () => {
    const { recordings, times } = record();
    const t = recordingsTable(recordings, times);
    expect(t.columnNames()).to.deep.equal(['chunk', 'compartment', 'variable', 'period', 'time', 'neuron', 'value']);
    expect(t.numRows()).to.equal((3 + 2) * 2);
    expect(t.objects()).to.deep.equal([
      { chunk: 0, compartment: 'p', variable: 'x', period: 0, time: 0, neuron: 0, value: 0 },
      { chunk: 0, compartment: 'p', variable: 'x', period: 0, time: 0, neuron: 1, value: 10 },
      { chunk: 0, compartment: 'p', variable: 'x', period: 0, time: 0.5, neuron: 0, value: 0.5 },
      { chunk: 0, compartment: 'p', variable: 'x', period: 0, time: 0.5, neuron: 1, value: 10.5 },
      { chunk: 0, compartment: 'p', variable: 'x', period: 1, time: 1.5, neuron: 0, value: 1.5 },
      { chunk: 0, compartment: 'p', variable: 'x', period: 1, time: 1.5, neuron: 1, value: 11.5 },
      { chunk: 1, compartment: 'p', variable: 'x', period: 0, time: 0, neuron: 0, value: 0 },
      { chunk: 1, compartment: 'p', variable: 'x', period: 0, time: 0, neuron: 1, value: 10 },
      { chunk: 1, compartment: 'p', variable: 'x', period: 0, time: 0.5, neuron: 0, value: 0.5 },
      { chunk: 1, compartment: 'p', variable: 'x', period: 0, time: 0.5, neuron: 1, value: 10.5 },
    ]);
  });

  it('one chunk of one variable shares the recorded Float64Array (zero-copy)', () => {
    const { recordings, times } = record();
    const t = recordingsTable(recordings, times, { chunk: 1 });
    expect(t.column('value')).to.equal((recordings[1]!['p;x'] as RecordedArray).data);
  });

  it('wide form: one row per sample, one column per neuron', () => {
    const { recordings, times } = record();
    const w = recordingsWideTable(recordings, times, { compartment: 'p' });
    expect(w.columnNames()).to.deep.equal(['chunk', 'period', 'time', 'x;0', 'x;1']);
    expect(Array.from(w.array('time'))).to.deep.equal([0, 0.5, 1.5, 0, 0.5]);
    expect(Array.from(w.array('period'))).to.deep.equal([0, 0, 1, 0, 0]);
    expect(Array.from(w.array('x;1'))).to.deep.equal([10, 10.5, 11.5, 10, 10.5]);
  });

  it('spikes: chunk, compartment, neuron, step, time', () => {
    const { recordings } = record();
    // chunk 0 records [0, 4) and [6, 8): spike steps 3 and 7; chunk 1 [0, 4): step 3
    expect(spikesTable(recordings).objects()).to.deep.equal([
      { chunk: 0, compartment: 'p', neuron: 0, step: 3, time: 0.75 },
      { chunk: 0, compartment: 'p', neuron: 0, step: 7, time: 1.75 },
      { chunk: 0, compartment: 'p', neuron: 1, step: 3, time: 0.75 },
      { chunk: 0, compartment: 'p', neuron: 1, step: 7, time: 1.75 },
      { chunk: 1, compartment: 'p', neuron: 0, step: 3, time: 0.75 },
      { chunk: 1, compartment: 'p', neuron: 1, step: 3, time: 0.75 },
    ]);
  });

  it('Arrow IPC round trip keeps names, types and values', () => {
    const { recordings, times } = record();
    const t = recordingsTable(recordings, times);
    const bytes = tableToArrowIPC(t);
    expect(bytes).to.be.instanceOf(Uint8Array);
    const back = tableFromArrowIPC(bytes);
    expect(back.columnNames()).to.deep.equal(t.columnNames());
    expect(back.objects()).to.deep.equal(t.objects());
    expect((back.column('value') as unknown as { toArray(): unknown }).toArray()).to.be.instanceOf(Float64Array);
  });

  it('names missing chunks and compartments with what exists', () => {
    const { recordings, times } = record();
    expect(() => recordingsTable(recordings, times, { chunk: 2 })).to.throw(/chunk 2 does not exist; chunks: 0..1/);
    expect(() => recordingsTable(recordings, times, { compartment: 'q' })).to.throw(/no recorded array of compartment "q"; compartments: p/);
    expect(() => spikesTable(recordings, { chunk: 5 })).to.throw(/chunk 5 does not exist; chunks: 0..1/);
  });
});
