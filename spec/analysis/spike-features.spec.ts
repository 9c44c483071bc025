import { expect } from 'chai';
import { getSpikeFeaturesOfChunk, getSpikeFeaturesLossOfChunk } from '../../src/analysis/spike-features.js';
import { RecordingTimes } from '../../src/monitors/recording-times.js';
import type { Recordings } from '../../src/monitors/recordings.js';

function results(spikes: Record<number, number[]>) {
  const recordings = [{ dt: 0.1, 'pop;spike': spikes, 'pop;period': 0.1 }] as unknown as Recordings;
  // one period 0 .. 999.9 ms, idx 0 .. 9999
  const recordingTimes = new RecordingTimes([{ pop: { start: { ms: [0], idx: [0] }, stop: { ms: [999.9], idx: [9999] } } }]);
  return { recordings, recordingTimes, data: { pop_name: 'pop' } };
}

describe('analysis/spike-features', () => {
  it('spike count, times of spikes 1-3 and the last, and ISI CV (std/mean, ddof 0)', () => {
    const f = getSpikeFeaturesOfChunk(0, results({ 0: [100, 300, 600] }));
    expect(f.spike_count).to.equal(3);
    expect(f.time_to_first_spike).to.equal(10);
    expect(f.time_to_second_spike).to.equal(30);
    expect(f.time_to_third_spike).to.equal(60);
    expect(f.time_to_last_spike).to.equal(60);
    expect(f.ISI_CV).to.be.closeTo(5 / 25, 1e-12); // ISIs 20, 30
  });

  it('takes spikes in raster order (neuron by neuron, CompNeuroPy quirk) and None for too few spikes', () => {
    const f = getSpikeFeaturesOfChunk(0, results({ 0: [500], 1: [100] }));
    expect(f.time_to_first_spike).to.equal(50);
    expect(f.time_to_second_spike).to.equal(10);
    expect(f.time_to_third_spike).to.equal(null);
    expect(getSpikeFeaturesOfChunk(0, results({ 0: [] }))).to.deep.equal({
      spike_count: 0, time_to_first_spike: null, time_to_second_spike: null, time_to_third_spike: null, time_to_last_spike: null, ISI_CV: null,
    });
  });

  it('loss: differences scaled by the close values of a 999.9 ms chunk, averaged', () => {
    const r1 = results({ 0: [100, 300, 600] });
    const r2 = results({ 0: [150, 300] });
    // first 5/50, second 0, third missing 999.9/50, last 30/50, count 1/ceil(999.9/200), CV (0.2 - 0)/0.1
    const expected = (0.1 + 0 + 999.9 / 50 + 0.6 + 1 / 5 + 2) / 6;
    expect(getSpikeFeaturesLossOfChunk(0, r1, r2)).to.be.closeTo(expected, 1e-12);
    expect(getSpikeFeaturesLossOfChunk(0, r1, r2, { featureList: ['spike_count'] })).to.be.closeTo(0.2, 1e-15);
    expect(getSpikeFeaturesLossOfChunk(0, r1, r1)).to.equal(0);
  });

  it('names what is missing', () => {
    expect(() => getSpikeFeaturesLossOfChunk(0, results({}), results({}), { featureList: ['AP_width'] })).to.throw("Features not supported: ['AP_width']");
    expect(() => getSpikeFeaturesOfChunk(0, { ...results({}), data: {} })).to.throw(/pop_name/);
    expect(() => getSpikeFeaturesOfChunk(3, results({}))).to.throw(/chunk 3 not available/);
  });
});
