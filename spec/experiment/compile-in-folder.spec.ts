import { expect } from 'chai';
import { compileInFolder } from '../../src/experiment/compile-in-folder.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { RecordingTimes, recordingTimesCl } from '../../src/monitors/recording-times.js';
import { SimInfo, simulationInfoCl } from '../../src/experiment/sim-info.js';
import * as api from '../../src/browser.js';

describe('experiment/compile-in-folder and old names', () => {
  it('compiles the given network; the folder name must be a string', () => {
    const net = new Network();
    const pop = new Population(2, new Neuron({ equations: 'dr/dt = -r' }), { network: net });
    compileInFolder('my_folder', { net });
    expect(pop.$kernels).to.not.equal(undefined);
    expect(() => compileInFolder('' as string, { net })).to.throw(/non-empty string/);
  });

  it('recordingTimesCl and simulationInfoCl are the classes, exported', () => {
    expect(recordingTimesCl).to.equal(RecordingTimes);
    expect(simulationInfoCl).to.equal(SimInfo);
    expect(api.recordingTimesCl).to.equal(RecordingTimes);
    expect(api.simulationInfoCl).to.equal(SimInfo);
    expect(api.compileInFolder).to.equal(compileInFolder);
  });
});
