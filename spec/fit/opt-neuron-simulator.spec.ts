import { expect } from 'chai';
import { ExperimentResults } from '../../src/experiment/comp-neuro-exp.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { RecordingChunk } from '../../src/monitors/recordings.js';
import { resultsOfNeurons, resultsOfSingleNeuron } from '../../src/fit/opt-neuron-simulator.js';

describe('fit/opt-neuron-simulator (CompNeuroPy _get_results_of_single_neuron)', () => {
  // 2 samples of 3 neurons, as a monitor of a population of popsize 3 returns them
  const chunk = () => ({
    'pop;r': new RecordedArray(Float64Array.of(1, 2, 3, 4, 5, 6), [2, 3]),
    'pop;spike': { 0: [1], 1: [2, 3], 2: [] },
    'pop;parameter_dict': { a: Float64Array.of(10, 20, 30), b: 7 },
    'pop;period': new RecordedArray(Float64Array.of(1), [1]),
    'pop;target': new RecordedArray(Float64Array.of(9, 9), [2]),
  }) as unknown as RecordingChunk;
  const data = { population_name: 'pop' };
  const results = new ExperimentResults([chunk(), chunk()], undefined, {}, data);

  it('gives neuron i its own column, spikes and parameters as neuron 0, and keeps the rest', () => {
    const all = resultsOfNeurons(results, 3, 3);
    expect(all).to.have.length(3);
    for (const [i, column] of [[1, 4], [2, 5], [3, 6]].entries()) {
      for (const [c, rec] of all[i]!.recordings.entries()) {
        const r = rec['pop;r'] as RecordedArray;
        expect(r.shape).to.deep.equal([2, 1]);
        expect(Array.from(r.column(0))).to.deep.equal(column);
        expect(rec['pop;spike']).to.deep.equal({ 0: [[1], [2, 3], []][i] });
        expect(rec['pop;parameter_dict']).to.deep.equal({ a: Float64Array.of(10 * (i + 1)), b: Float64Array.of(7) });
        expect(rec['pop;period']).to.equal(results.recordings[c]!['pop;period']);
        expect(rec['pop;target']).to.equal(results.recordings[c]!['pop;target']);
      }
      expect(all[i]!.data).to.equal(data);
    }
  });

  it('the neurons\' columns do not share values: writing one leaves the others and the source alone', () => {
    const [a, b] = resultsOfNeurons(results, 2, 3);
    (a!.recordings[0]!['pop;r'] as RecordedArray).data.fill(-1);
    expect(Array.from((b!.recordings[0]!['pop;r'] as RecordedArray).data)).to.deep.equal([2, 5]);
    expect(Array.from((results.recordings[0]!['pop;r'] as RecordedArray).data)).to.deep.equal([1, 2, 3, 4, 5, 6]);
  });

  it('resultsOfSingleNeuron is one of them; a population of 1 keeps the results; a rank past the recorded neurons throws', () => {
    expect(Array.from((resultsOfSingleNeuron(results, 2, 3).recordings[1]!['pop;r'] as RecordedArray).data)).to.deep.equal([3, 6]);
    expect(resultsOfSingleNeuron(results, 0, 1)).to.equal(results);
    expect(() => resultsOfNeurons(results, 4, 4)).to.throw(RangeError, 'column 3 out of range [0, 3)');
  });
});
