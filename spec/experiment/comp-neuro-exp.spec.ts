import { expect } from 'chai';
import { CompNeuroExp } from '../../src/experiment/comp-neuro-exp.js';
import { cnpClear } from '../../src/experiment/comp-neuro-model.js';
import { CompNeuroMonitors } from '../../src/monitors/comp-neuro-monitors.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { compile, simulate, getTime, setup } from '../../src/engine/global-functions.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';

// x grows by `rate` per ms (dt 1): x after k steps from x0 is x0 + k*rate
const Grower = new Neuron({ parameters: 'rate = 1.0 : population\n r = 0', equations: 'dx/dt = rate', name: 'grower' });

class Exp extends CompNeuroExp {}

function setupPop(): Population {
  cnpClear();
  setup({ dt: 1.0 });
  const p = new Population(1, Grower, 'pop');
  compile();
  return p;
}

function quiet<T>(fn: () => T): [T, string[]] {
  const out: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => { out.push(a.map(String).join(' ')); };
  try { return [fn(), out]; } finally { console.log = log; }
}

describe('experiment: CompNeuroExp (compneuropy-semantics §1)', () => {
  after(() => cnpClear());

  it('reset() resets time and state, then applies the stored state (all attributes)', () => {
    const p = setupPop();
    const exp = new Exp(new CompNeuroMonitors({ pop: ['x'] }));
    p.x = 5;
    p.rate = 2;
    exp.storeModelState(['pop']);
    p.rate = 3;
    simulate(4);
    exp.reset();
    expect(getTime()).to.equal(0);
    expect(Array.from(p.x)).to.deep.equal([5]);
    expect(p.rate).to.equal(2); // the stored parameter, not the compile value 1
  });

  it('reset({ parameters: false }) keeps current parameters and restores only stored variables', () => {
    const p = setupPop();
    const exp = new Exp(new CompNeuroMonitors({ pop: ['x'] }));
    p.x = 5;
    exp.storeModelState(['pop']);
    p.rate = 7;
    simulate(3);
    exp.reset({ parameters: false });
    expect(p.rate).to.equal(7);
    expect(Array.from(p.x)).to.deep.equal([5]);
  });

  it('reset({ model: false }) only opens a new chunk: time and state continue', () => {
    const p = setupPop();
    const mon = new CompNeuroMonitors({ pop: ['x'] });
    const exp = new Exp(mon);
    mon.start();
    simulate(3);
    exp.reset({ model: false });
    expect(getTime()).to.equal(3);
    expect(Array.from(p.x)).to.deep.equal([3]);
    simulate(2);
    const r = exp.results();
    expect(r.recordings).to.have.length(2);
    expect(Array.from((r.recordings[1]!['pop;x'] as RecordedArray).data)).to.deep.equal([4, 5]);
    expect(r.recordingTimes!.timeLims({ chunk: 1 })).to.deep.equal([3, 4]);
  });

  it('reset({ synapses: true }) without projections warns and resets projections too', () => {
    setupPop();
    const exp = new Exp(new CompNeuroMonitors({ pop: ['x'] }));
    const [, out] = quiet(() => exp.reset({ synapses: true }));
    expect(out).to.include('Warning: synapses=True and projections=False, projections are automatically set to True!');
  });

  it('without monitors: reset works on the network; model=false does nothing; results() is empty', () => {
    const p = setupPop();
    const exp = new Exp();
    simulate(3);
    exp.reset({ model: false });
    expect(getTime()).to.equal(3);
    p.rate = 4;
    exp.reset({ parameters: false });
    expect(getTime()).to.equal(0);
    expect(p.rate).to.equal(4);
    expect(Array.from(p.x)).to.deep.equal([0]);
    const r = exp.results();
    expect(r.recordings).to.deep.equal([]);
    expect(r.recordingTimes).to.equal(undefined);
    expect(r.monDict).to.deep.equal({});
  });

  it('results() deep-copies data, and the monitors are cleared and paused', () => {
    setupPop();
    const mon = new CompNeuroMonitors({ pop: ['x'] });
    const exp = new Exp(mon);
    exp.data.list = [1, 2];
    mon.start();
    simulate(2);
    const r = exp.results();
    (exp.data.list as number[]).push(3);
    expect(r.data.list).to.deep.equal([1, 2]);
    expect(r.monDict).to.equal(mon.monDict);
    expect(mon.currentChunk()).to.equal(null);
  });

  it('bad input: unknown compartment, run() not implemented', () => {
    setupPop();
    const exp = new Exp();
    expect(() => exp.storeModelState(['nope'])).to.throw('Compartment nope not found in model');
    expect(() => exp.run()).to.throw(/Exp.run\(\) is not implemented/);
  });

  it('resetModelState() goes back to the compile state', () => {
    const p = setupPop();
    const exp = new Exp();
    p.x = 9;
    exp.storeModelState(['pop']);
    exp.resetModelState();
    exp.reset();
    expect(Array.from(p.x)).to.deep.equal([0]);
  });
});
