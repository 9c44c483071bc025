import { expect } from 'chai';
import { Neuron } from '../../src/language/neuron.js';
import { Population } from '../../src/engine/population.js';
import { clear, compile, getPopulation, reset, setup, simulate } from '../../src/engine/global-functions.js';
import { currentNetwork } from '../../src/engine/magic-network.js';
import type { Recordable } from '../../src/engine/monitor.js';
import { CompNeuroMonitors } from '../../src/monitors/comp-neuro-monitors.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { RecordingChunk } from '../../src/monitors/recordings.js';

/** x = t: every recorded sample carries the time of its step, so data checks are by hand. */
const Clock = () => new Neuron({ equations: 'x = t\n r = x', name: 'Clock' });
/**
 * Spiking: dv/dt = g (g = 1), spike at v >= 1, reset v = 0, x = t. With dt = 0.25, v after the
 * update of step s is 0.25 * ((s mod 4) + 1), so it spikes at steps 3, 7, 11, ... (4m + 3).
 */
const Ticker = () =>
  new Neuron({ parameters: 'g = 1', equations: 'dv/dt = g\n x = t', spike: 'v >= 1', reset: 'v = 0', name: 'Ticker' });

const arr = (chunk: RecordingChunk, key: string) => chunk[key] as RecordedArray;
const col = (chunk: RecordingChunk, key: string, n = 0) => Array.from(arr(chunk, key).column(n));

function logger() {
  const lines: string[] = [];
  return { lines, log: (m: string) => lines.push(m) };
}

describe('monitors/CompNeuroMonitors', () => {
  beforeEach(() => clear());

  describe('periods (start/pause)', () => {
    it('pause and resume in the middle of a period: samples only on multiples of P inside [start, pause)', () => {
      setup({ dt: 0.25 });
      new Population(1, Ticker(), 'p');
      compile();
      const { log, lines } = logger();
      const mon = new CompNeuroMonitors({ 'p;1': ['x', 'spike'] }, { log }); // P = 4 steps
      simulate(3.25); // step 13
      mon.start();
      mon.start(); // running: no second period, no warning for the default list
      simulate(3); // [13, 25): samples at 16, 20, 24
      mon.pause();
      mon.pause(); // paused: nothing added
      simulate(1.75); // step 32
      mon.start();
      simulate(2.5); // [32, 42): samples at 32, 36, 40
      const recordings = mon.getRecordings();
      const times = mon.getRecordingTimes();
      expect(recordings).to.have.length(1);
      expect(col(recordings[0]!, 'p;x')).to.deep.equal([4, 5, 6, 8, 9, 10]);
      expect(times.all()[0]!.p).to.deep.equal({ start: { ms: [4, 8], idx: [0, 3] }, stop: { ms: [6, 10], idx: [2, 5] } });
      expect(times.nbrPeriods()).to.equal(2);
      expect(times.idxLims({ period: 1 })).to.deep.equal([3, 5]);
      // spikes 4m+3 while recording: 15, 19, 23 and 35, 39
      expect(recordings[0]!['p;spike']).to.deep.equal({ 0: [15, 19, 23, 35, 39] });
      expect(lines).to.deep.equal([]);
    });

    it('drops a zero-length period (pause right after start) and pause on a never-started compartment is a no-op', () => {
      setup({ dt: 0.25 });
      new Population(1, Clock(), 'p');
      new Population(1, Clock(), 'q');
      compile();
      const mon = new CompNeuroMonitors({ p: ['x'], q: ['x'] }, { log: () => {} });
      mon.pause(['q']); // CompNeuroPy raises IndexError here
      mon.start(['p']);
      mon.pause(['p']);
      expect(mon.timings.p).to.deep.equal({ currentlyPaused: true, start: [], stop: [] });
      expect(mon.currentChunk()).to.equal(null);
      simulate(1);
      expect(mon.getRecordings()).to.deep.equal([]);
    });

    it('several populations with different periods (1, dt, 0.75 ms) over the same interval', () => {
      setup({ dt: 0.25 });
      for (const n of ['a', 'b', 'c']) new Population(1, Clock(), n);
      compile();
      const mon = new CompNeuroMonitors({ 'a;1': ['x'], b: ['x'], 'c;0.75': ['x'] });
      simulate(0.5); // step 2
      mon.start();
      simulate(3); // [2, 14)
      const [rec, times] = mon.getRecordingsAndClear();
      const c0 = rec[0]!;
      expect(col(c0, 'a;x')).to.deep.equal([1, 2, 3]); // steps 4, 8, 12
      expect(col(c0, 'b;x')).to.deep.equal([0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25]);
      expect(col(c0, 'c;x')).to.deep.equal([0.75, 1.5, 2.25, 3]); // steps 3, 6, 9, 12
      expect([c0['a;period'], c0['b;period'], c0['c;period']]).to.deep.equal([1, 0.25, 0.75]);
      expect(times.all()[0]).to.deep.equal({
        a: { start: { ms: [1], idx: [0] }, stop: { ms: [3], idx: [2] } },
        b: { start: { ms: [0.5], idx: [0] }, stop: { ms: [3.25], idx: [11] } },
        c: { start: { ms: [0.75], idx: [0] }, stop: { ms: [3], idx: [3] } },
      });
    });

    it('period not a multiple of dt: snapped with round(period/dt) (halves to even), sampled on exact steps', () => {
      setup({ dt: 0.1 });
      for (const n of ['p', 'q', 'r']) new Population(1, Clock(), n);
      compile();
      // 0.25/0.1 = 2.5 -> 2 steps; 4.3 -> 43 steps (int(4.3/0.1) would give 42);
      // 0.35/0.1 = 3.4999999999999996 -> 3 steps
      const mon = new CompNeuroMonitors({ 'p;0.25': ['x'], 'q;4.3': ['x'], 'r;0.35': ['x'] });
      mon.start();
      simulate(10); // 100 steps
      const rec = mon.getRecordings()[0]!;
      const times = mon.getRecordingTimes().all()[0]!;
      expect(rec['p;period']).to.equal(0.2);
      expect(rec['q;period']).to.be.closeTo(4.3, 1e-12);
      expect(rec['r;period']).to.be.closeTo(0.3, 1e-12);
      expect(arr(rec, 'p;x').shape).to.deep.equal([50, 1]);
      const q = col(rec, 'q;x');
      expect(q).to.have.length(3);
      [0, 4.3, 8.6].forEach((v, i) => expect(q[i]).to.be.closeTo(v, 1e-9)); // steps 0, 43, 86
      expect(times.q).to.deep.equal({ start: { ms: [0], idx: [0] }, stop: { ms: [8.6], idx: [2] } });
      expect(arr(rec, 'r;x').shape).to.deep.equal([34, 1]); // steps 0, 3, ..., 99
      expect(times.r!.stop).to.deep.equal({ ms: [9.9], idx: [33] });
    });

    it('monitors made after t = 0 still sample on multiples of the period', () => {
      setup({ dt: 0.25 });
      new Population(1, Clock(), 'p');
      compile();
      simulate(0.75); // step 3
      const mon = new CompNeuroMonitors({ 'p;1': ['x'] });
      mon.start();
      simulate(2); // [3, 11): steps 4, 8
      expect(col(mon.getRecordings()[0]!, 'p;x')).to.deep.equal([1, 2]);
      expect(mon.getRecordingTimes().timeLims()).to.deep.equal([1, 2]);
    });

    it('keeps every sample across the drained blocks of a long recording (2 neurons, 5000 samples)', () => {
      setup({ dt: 0.5 });
      new Population(2, Clock(), 'p');
      compile();
      const mon = new CompNeuroMonitors({ p: ['x'] });
      mon.start();
      simulate(1700); // 3400 steps
      mon.pause();
      simulate(10);
      mon.start();
      simulate(800); // 1600 steps
      const a = arr(mon.getRecordings()[0]!, 'p;x');
      expect(a.shape).to.deep.equal([5000, 2]);
      for (let j = 0; j < 5000; j++) {
        const step = j < 3400 ? j : j + 20;
        if (a.get(j, 0) !== step * 0.5 || a.get(j, 1) !== step * 0.5) throw new Error(`sample ${j}: ${a.get(j, 0)}`);
      }
    });
  });

  describe('chunks (reset)', () => {
    it('reset mid-simulation with model: new chunk from t = 0, state back to the compile state', () => {
      setup({ dt: 0.25 });
      new Population(1, Ticker(), 'p');
      compile();
      const mon = new CompNeuroMonitors({ p: ['v', 'x'] });
      mon.start();
      expect(mon.currentChunk()).to.equal(0);
      simulate(0.75); // steps 0..2: v = 0.25, 0.5, 0.75
      mon.reset();
      expect(currentNetwork().currentStep).to.equal(0);
      expect(mon.currentChunk()).to.equal(1);
      simulate(0.5); // v restarts from 0: 0.25, 0.5 (without the reset: 1 -> spike -> 0, 0.25)
      const rec = mon.getRecordings();
      const times = mon.getRecordingTimes();
      expect(rec).to.have.length(2);
      expect(col(rec[0]!, 'p;v')).to.deep.equal([0.25, 0.5, 0.75]);
      expect(col(rec[1]!, 'p;v')).to.deep.equal([0.25, 0.5]);
      expect(col(rec[1]!, 'p;x')).to.deep.equal([0, 0.25]);
      expect(times.all()[1]!.p).to.deep.equal({ start: { ms: [0], idx: [0] }, stop: { ms: [0.25], idx: [1] } });
    });

    it('reset without model: new chunk, time and state continue', () => {
      setup({ dt: 0.25 });
      new Population(1, Ticker(), 'p');
      compile();
      const mon = new CompNeuroMonitors({ p: ['v', 'x'] });
      mon.start();
      simulate(0.5); // steps 0, 1
      mon.reset({ model: false });
      simulate(0.5); // steps 2, 3: v = 0.75, then 1 -> spike -> 0
      const rec = mon.getRecordings();
      expect(col(rec[1]!, 'p;x')).to.deep.equal([0.5, 0.75]);
      expect(col(rec[1]!, 'p;v')).to.deep.equal([0.75, 0]);
      expect(mon.getRecordingTimes().all()[1]!.p).to.deep.equal({ start: { ms: [0.5], idx: [0] }, stop: { ms: [0.75], idx: [1] } });
    });

    it('reset({ parameters: false }) keeps changed parameters, the default resets them', () => {
      setup({ dt: 0.25 });
      const p = new Population(1, Ticker(), 'p');
      compile();
      const mon = new CompNeuroMonitors({ p: ['v'] });
      p.g = 2;
      mon.reset({ parameters: false });
      expect(Array.from(getPopulation('p').g as Float64Array)).to.deep.equal([2]);
      mon.start();
      simulate(0.25); // v = 0.25 * 2
      mon.reset();
      expect(Array.from(p.g as Float64Array)).to.deep.equal([1]);
      simulate(0.5); // chunk 1 with g = 1 again
      const rec = mon.getRecordings();
      // one-sample chunk 0 (v = 0.5) is not stored (quirk §14.3), so chunk 0 is the g = 1 one
      expect(rec).to.have.length(1);
      expect(col(rec[0]!, 'p;v')).to.deep.equal([0.25, 0.5]);
      expect(Array.from((rec[0]!['p;parameter_dict'] as Record<string, Float64Array>).g!)).to.deep.equal([1]);
    });

    it('getRecordingsAndClear returns the chunks so far and starts over, paused', () => {
      setup({ dt: 0.25 });
      new Population(1, Clock(), 'p');
      compile();
      const mon = new CompNeuroMonitors({ p: ['x'] });
      mon.start();
      simulate(0.5);
      const [r1, t1] = mon.getRecordingsAndClear();
      expect(mon.currentChunk()).to.equal(null);
      simulate(0.5); // not recorded
      mon.start();
      simulate(0.75);
      const [r2, t2] = mon.getRecordingsAndClear();
      expect(col(r1[0]!, 'p;x')).to.deep.equal([0, 0.25]);
      expect(t1.timeLims()).to.deep.equal([0, 0.25]);
      expect(col(r2[0]!, 'p;x')).to.deep.equal([1, 1.25, 1.5]);
      expect(t2.all()).to.have.length(1);
      expect(r1).to.not.equal(r2);
    });
  });

  describe('projections (through the Recordable interface)', () => {
    function fakeProjection(name: string) {
      const net = currentNetwork();
      const proj = {
        name,
        network: net,
        parameters: ['w_max'],
        get: (n: string) => (n === 'w_max' ? 5 : NaN),
        recordWidth: () => 6,
        recordShape: () => [2, 3],
        checkRecordable(v: string) {
          if (v !== 'w') throw new Error(`Projection "${name}" has no variable "${v}"; recordable: w`);
        },
        isTarget: () => false,
        readInto(_v: string, out: Float64Array, off: number) {
          for (let i = 0; i < 6; i++) out[off + i] = net.currentStep * 10 + i;
        },
      };
      net.addProjection(proj as never);
      return proj as unknown as Recordable;
    }

    it('records [samples, post, pre] arrays and stores "<proj>;parameters"', () => {
      setup({ dt: 0.25 });
      new Population(1, Clock(), 'p');
      fakeProjection('proj');
      compile();
      const mon = new CompNeuroMonitors({ 'proj;0.5': ['w'] });
      mon.start();
      simulate(1); // steps 0..3, samples at 0 and 2
      const rec = mon.getRecordings()[0]!;
      expect(Object.keys(rec)).to.deep.equal(['proj;period', 'proj;parameters', 'proj;w', 'dt']);
      expect(rec['proj;parameters']).to.deep.equal({ w_max: 5 });
      expect(arr(rec, 'proj;w').shape).to.deep.equal([2, 2, 3]);
      expect(arr(rec, 'proj;w').get(1, 1, 2)).to.equal(25);
    });

    it('warns as CompNeuroPy and uses dt*1000 without a period', () => {
      setup({ dt: 0.25 });
      fakeProjection('proj');
      compile();
      const { log, lines } = logger();
      const mon = new CompNeuroMonitors({ proj: ['w'] }, { log });
      expect(lines).to.deep.equal(['WARNING CompNeuroMonitors: no period provided for projection proj, period set to 250 ms']);
      mon.start();
      simulate(500); // 2000 steps: samples at 0 and 1000
      expect(arr(mon.getRecordings()[0]!, 'proj;w').shape).to.deep.equal([2, 2, 3]);
    });
  });

  describe('bad input', () => {
    beforeEach(() => {
      setup({ dt: 0.1 });
      new Population(1, Ticker(), 'spiky');
      new Population(1, Clock(), 'rate');
      compile();
    });

    it('unknown compartment: lists the populations and projections', () => {
      expect(() => new CompNeuroMonitors({ 'nope;2': ['v'] })).to.throw(/no population or projection named "nope"; populations: spiky, rate; projections: \(none\)/);
    });

    it('unknown variable, parameter, spike of a rate population: list what can be recorded', () => {
      expect(() => new CompNeuroMonitors({ spiky: ['vv'] })).to.throw(/monDict\["spiky"\].*no variable "vv"; recordable: v, x, r, spike/);
      expect(() => new CompNeuroMonitors({ spiky: ['g'] })).to.throw(/"g" is a parameter/);
      expect(() => new CompNeuroMonitors({ rate: ['spike'] })).to.throw(/"spike" can only be recorded from spiking populations/);
      expect(() => new CompNeuroMonitors({ rate: [] })).to.throw(/lists no variables/);
    });

    it('bad periods and keys', () => {
      expect(() => new CompNeuroMonitors({ 'rate;0.05': ['x'] })).to.throw(/period 0.05 ms is below dt \(0.1 ms\)/);
      expect(() => new CompNeuroMonitors({ 'rate;abc': ['x'] })).to.throw(/period "abc" is not a number/);
      expect(() => new CompNeuroMonitors({ 'pop;rate;2': ['x'] })).to.throw(/expected "name" or "name;period"/);
      expect(() => new CompNeuroMonitors({ rate: ['x'], 'rate;2': ['x'] })).to.throw(/"rate" appears in more than one monDict key/);
    });

    it('unknown compartments in start/pause, unknown reset options', () => {
      const mon = new CompNeuroMonitors({ rate: ['x'] });
      expect(() => mon.start(['spiky'])).to.throw(/"spiky" is not monitored; compartments: rate/);
      expect(() => mon.pause(['x'])).to.throw(/"x" is not monitored/);
      expect(() => mon.reset({ modell: true } as never)).to.throw(/unknown option "modell"/);
    });

    it('chunks and periods that do not exist: the message says which exist', () => {
      const mon = new CompNeuroMonitors({ rate: ['x'] });
      mon.start();
      simulate(1);
      const times = mon.getRecordingTimes();
      expect(() => times.timeLims({ chunk: 3 })).to.throw(/chunk "3" not available \(available chunks: 0..0\)/);
      expect(() => times.idxLims({ period: 1 })).to.throw(/period "1" not available .*has 1 period: 0..0/);
    });

    it("starting twice explicitly and getting nothing give CompNeuroPy's warnings", () => {
      const { log, lines } = logger();
      const mon = new CompNeuroMonitors({ rate: ['x'] }, { log });
      expect(mon.getRecordings()).to.deep.equal([]);
      expect(mon.getRecordingTimes().all()).to.deep.equal([]);
      mon.start(['rate']);
      mon.start(['rate']);
      expect(lines).to.deep.equal([
        'WARNING get_recordings: no recordings available, empty list returned. Maybe forgot start()?',
        'WARNING get_recording_times: no recordings available, empty list returned. Maybe forgot start()?',
        'WARNING CompNeuroMonitors.start: rate is already recording; it keeps recording in the same period',
      ]);
      expect(mon.timings.rate!.start).to.deep.equal([0]);
    });

    it('warns instead of silently losing samples: recording after the getters, a global reset', () => {
      const { log, lines } = logger();
      const mon = new CompNeuroMonitors({ rate: ['x'] }, { log });
      mon.start();
      simulate(1);
      mon.getRecordings();
      simulate(1);
      expect(lines).to.have.length(1);
      expect(lines[0]).to.match(/recording continues after getRecordings\(\)/);
      mon.reset({ model: false }); // the chunk ends; its late samples do not leak into chunk 1
      simulate(0.5);
      reset(); // global reset, not through mon.reset(): chunk 1's data so far is lost
      expect(lines[1]).to.match(/network was reset outside CompNeuroMonitors.reset\(\); the samples recorded so far/);
      simulate(0.3); // ceil(0.3/0.1) = 3 steps, recorded from t = 0 on
      const rec = mon.getRecordings();
      expect(rec).to.have.length(2);
      expect(arr(rec[0]!, 'rate;x').shape).to.deep.equal([10, 1]);
      expect(col(rec[1]!, 'rate;x')).to.have.length(3);
      col(rec[1]!, 'rate;x').forEach((v, i) => expect(v).to.be.closeTo(i * 0.1, 1e-12));
      expect(mon.getRecordingTimes().all()[1]!.rate).to.deep.equal({ start: { ms: [0], idx: [0] }, stop: { ms: [0.2], idx: [2] } });
    });

    it('warns when the time goes back without a monitor reset (setTime) and restarts the periods after it', () => {
      const { log, lines } = logger();
      const mon = new CompNeuroMonitors({ rate: ['x'] }, { log });
      mon.start();
      simulate(1);
      currentNetwork().setTime(0.5); // step 5
      simulate(0.5); // steps 5..9; step 5's sample is dropped with the old periods
      expect(lines).to.have.length(1);
      expect(lines[0]).to.match(/time went back/);
      const rec = mon.getRecordings()[0]!;
      col(rec, 'rate;x').forEach((v, i) => expect(v).to.be.closeTo(0.6 + i * 0.1, 1e-12));
      expect(col(rec, 'rate;x')).to.have.length(4);
      expect(mon.getRecordingTimes().all()[0]!.rate).to.deep.equal({ start: { ms: [0.6], idx: [0] }, stop: { ms: [0.9], idx: [3] } });
    });
  });
});
