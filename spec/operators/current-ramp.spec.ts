import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { take } from 'rxjs';
import { currentRamp, currentRamp$, currentRampProtocol } from '../../operators/current-ramp.js';
import { simulate$, runSync } from '../../src/stream/simulate.js';
import { clear, setup, compile, getCurrentStep } from '../../src/engine/global-functions.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { HHneuronBischop } from '../../src/models/hh-neuron-bischop.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import { testNetwork } from '../stream/test-network.js';
import { inputsPerStep } from './protocol-helpers.js';

describe('operators/currentRamp', () => {
  afterEach(() => clear());

  it('injects a0, a0+da, ... for dur/n ms each and restores I_app (every boundary by hand)', async () => {
    const { net, pops } = testNetwork(['a']);
    pops[0]!.I_app = 7;
    // dt 0.1, dur 2, n 4: da = (3 - 0)/3 = 1, durStim = 0.5 ms = 5 steps; then 0.5 ms free run
    const inp = await inputsPerStep(net, 'a', 2.5, currentRamp$({ pop: 'a', a0: 0, a1: 3, dur: 2, n: 4 }));
    expect(inp).to.deep.equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 7, 7, 7, 7, 7]);
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([7, 7]);
    // v = dt * sum of inputs = 0.1 * 65
    expect((pops[0]!.v as Float64Array)[1]).to.be.closeTo(6.5, 1e-12);
  });

  it('returns CompNeuroPy\'s info: da, durStim, currentArr (seed example numbers)', () => {
    const info = currentRampProtocol({ pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 50 }).info(0.01);
    expect(info.da).to.equal(2.0408163265306123);
    expect(info.durStim).to.equal(20);
    expect(info.currentArr.length).to.equal(100000);
    expect(info.currentArr[0]).to.equal(0);
    expect(info.currentArr[1999]).to.equal(0);
    expect(info.currentArr[2000]).to.equal(2.0408163265306123);
    expect(info.currentArr[4000]).to.equal(4.081632653061225);
    expect(info.currentArr[99999]).to.be.closeTo(100, 1e-12);
  });

  it('runs the seed example ramp on the global network and matches ANNarchy 4.7.3', () => {
    const ref = JSON.parse(readFileSync(new URL('../fixtures/hh_bischop_ramp_annarchy.json', import.meta.url), 'utf8')) as { v: number[]; spike_steps: number[] };
    setup({ dt: 0.01, seed: 1 });
    const pop = new Population(1, HHneuronBischop, 'HH_Bischop');
    compile();
    pop.v = -90;
    const mon = new Monitor(pop, ['v']);
    const info = currentRamp({ pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 50 });
    expect(getCurrentStep()).to.equal(100000);
    expect(info.da).to.equal(100 / 49);
    const v = (mon.get('v') as RecordedArray).data;
    let maxDiff = 0;
    for (let k = 0; k < ref.v.length; k++) maxDiff = Math.max(maxDiff, Math.abs(v[k]! - ref.v[k]!));
    expect(maxDiff).to.be.below(1e-6);
    expect((pop.I_app as Float64Array)[0]).to.equal(0);
  });

  it('restores I_app when the run is cut short (take)', () => {
    const { net, pops } = testNetwork(['a']);
    pops[0]!.I_app = 7;
    runSync(simulate$(undefined, { network: net }).pipe(currentRamp$({ pop: 'a', a0: 0, a1: 3, dur: 2, n: 4 }), take(7)));
    expect(net.getCurrentStep()).to.equal(7);
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([7, 7]);
  });

  it("rejects a dur/n that is not a multiple of dt with CompNeuroPy's message, before any step", () => {
    const { net } = testNetwork(['a']);
    let err: Error | undefined;
    simulate$(undefined, { network: net }).pipe(currentRamp$({ pop: 'a', a0: 0, a1: 1, dur: 1.2, n: 4 })).subscribe({ error: (e) => (err = e as Error) });
    // (1.2 / 4) / 0.1 = 2.9999999999999996 in doubles
    expect(err!.message).to.equal(
      'ERROR current_ramp: dur/n should result in a duration (for a single stimulation) which is divisible by the simulation time step (without remainder)\ncurrent duration = 0.3, timestep = 0.1!\n',
    );
    expect(net.getCurrentStep()).to.equal(0);
  });

  it('rejects n < 2, negative durations, unknown populations and kwargs before any step', () => {
    const { net } = testNetwork(['a']);
    const pop = net.getPopulation('a');
    expect(() => currentRamp({ pop, a0: 0, a1: 1, dur: 1, n: 1 })).to.throw('currentRamp: n (number of stimulations) must be an integer >= 2, got 1');
    expect(() => currentRamp({ pop, a0: 0, a1: 1, dur: 1, n: 2.5 })).to.throw('integer >= 2');
    expect(() => currentRamp({ pop, a0: 0, a1: 1, dur: -1, n: 2 })).to.throw('currentRamp: dur must be a non-negative duration in ms, got -1');
    expect(() => currentRamp({ pop, a0: 0, a1: 1, dur: 1, n: 2, b: 3 } as never)).to.throw(TypeError, "currentRamp() got an unexpected keyword argument 'b'");
    expect(() => currentRamp({ pop, a0: 0, a1: 1 } as never)).to.throw(TypeError, "currentRamp() missing 2 required positional arguments: 'dur' and 'n'");
    expect(() => currentRamp({ pop: 'nope', a0: 0, a1: 1, dur: 1, n: 2 })).to.throw('currentRamp: no population named "nope"');
    expect(net.getCurrentStep()).to.equal(0);
  });
});
