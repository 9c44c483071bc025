import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadVariables, saveVariables } from '../../src/io/save-variables.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';
import { RecordingTimes } from '../../src/monitors/recording-times.js';
import { SimInfo } from '../../src/experiment/sim-info.js';

function hasNumpy(): boolean {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('io/save-variables', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cnp-save-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const recordings = [{ dt: 0.1, 'pop;v': new RecordedArray(new Float64Array([1, 2, NaN, 4, 5, 6]), [3, 2]), 'pop;spike': { 0: [1, 5], 1: [] }, 'pop;period': 0.1 }];
  const times = new RecordingTimes([{ pop: { start: { ms: [0], idx: [0] }, stop: { ms: [0.2], idx: [2] } } }]);
  const info = new SimInfo('sim0', 'a ramp', 'currentRamp', [0], [1000], [{ da: 2.5, current_arr: new Float64Array([0, 2.5]) }], [{ pop: 'p', a0: 0 }], [0]);

  it('round-trips recordings, RecordingTimes, SimInfo, numbers and strings', () => {
    saveVariables([recordings, times, info, -Infinity, 'text'], ['recordings', 'recording_times', 'sim_info', 'x', 's'], dir);
    const d = loadVariables(['recordings', 'recording_times', 'sim_info', 'x', 's'], dir + '/');
    const r = (d.recordings as typeof recordings)[0]!;
    expect(r['pop;v']).to.be.instanceOf(RecordedArray);
    expect(r['pop;v'].shape).to.deep.equal([3, 2]);
    expect(Array.from(r['pop;v'].data)).to.deep.equal([1, 2, NaN, 4, 5, 6]);
    expect(r['pop;spike']).to.deep.equal({ 0: [1, 5], 1: [] });
    expect(r.dt).to.equal(0.1);
    expect(d.recording_times).to.be.instanceOf(RecordingTimes);
    expect((d.recording_times as RecordingTimes).timeLims()).to.deep.equal([0, 0.2]);
    const si = d.sim_info as SimInfo;
    expect(si).to.be.instanceOf(SimInfo);
    expect([si.name, si.simulationFunction, si.start, si.end, si.kwargs, si.monitorChunk]).to.deep.equal(['sim0', 'currentRamp', [0], [1000], [{ pop: 'p', a0: 0 }], [0]]);
    expect(Array.from((si.info[0] as { current_arr: Float64Array }).current_arr)).to.deep.equal([0, 2.5]);
    expect(d.x).to.equal(-Infinity);
    expect(d.s).to.equal('text');
    expect(existsSync(join(dir, 's.npz'))).to.equal(false);
  });

  it('writes .npz entries numpy reads byte for byte (header of numpy 2 np.save)', () => {
    saveVariables([new Float64Array([1.5, 2])], ['a'], dir);
    const json = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(json).to.deep.equal({ __ndarray__: 'arr_0' });
    // the .npy inside: magic, version 1.0, header padded to 64 bytes, then little-endian doubles
    const npz = readFileSync(join(dir, 'a.npz'));
    const at = npz.indexOf(Buffer.from('\x93NUMPY', 'latin1'));
    const npy = npz.subarray(at, at + 64 + 16);
    expect(npy.subarray(0, 8).toString('latin1')).to.equal('\x93NUMPY\x01\x00');
    expect(npy.readUInt16LE(8) + 10).to.equal(64);
    expect(npy.subarray(10, 64).toString('latin1').trimEnd()).to.equal("{'descr':'<f8','fortran_order':False,'shape':(2,)}");
    expect(npy.readDoubleLE(64)).to.equal(1.5);
  });

  it('Python (json + numpy, examples/python/load_variables.py) reads what was saved', function () {
    if (!hasNumpy()) this.skip();
    saveVariables([recordings, info], ['recordings', 'sim_info'], dir);
    const out = execFileSync('python3', ['examples/python/load_variables.py', dir, 'recordings', 'sim_info'], { encoding: 'utf8' });
    expect(out).to.contain("'pop;v': array([[ 1.,  2.],\n       [nan,  4.],\n       [ 5.,  6.]])");
    expect(out).to.contain("'pop;spike': {0: [1, 5], 1: []}");
    expect(out).to.contain("'__class__': 'SimInfo', 'name': 'sim0'");
    expect(out).to.contain("'current_arr': array([0. , 2.5])");
  });

  it('bad input: missing and corrupt files are named; unsavable values write nothing', () => {
    expect(() => loadVariables(['nope'], dir)).to.throw(`file "${join(dir, 'nope.json')}" does not exist`);
    writeFileSync(join(dir, 'bad.json'), '{"a": ');
    expect(() => loadVariables(['bad'], dir)).to.throw(`"${join(dir, 'bad.json')}" is not valid JSON`);
    writeFileSync(join(dir, 'arr.json'), '{"__ndarray__": "arr_0"}');
    writeFileSync(join(dir, 'arr.npz'), 'not a zip');
    expect(() => loadVariables(['arr'], dir)).to.throw(`"${join(dir, 'arr.npz')}" is not a readable .npz file`);
    saveVariables([1], ['keep'], dir);
    expect(() => saveVariables([2, { f: () => 1 }], ['keep', 'fn'], dir)).to.throw('saveVariables: "fn".f is a function');
    expect(loadVariables(['keep'], dir).keep).to.equal(1); // nothing half-applied
    expect(() => saveVariables([1, 2], ['a'], dir)).to.throw('2 variables but 1 names');
    expect(() => saveVariables([1], ['../x'], dir)).to.throw(/file name without folders/);
  });
});
