import { expect } from 'chai';
import { concat, lastValueFrom, map, toArray } from 'rxjs';
import { currentStep, currentStep$ } from '../../operators/current-step.js';
import { currentRamp$ } from '../../operators/current-ramp.js';
import { simulate$, runSync } from '../../src/stream/simulate.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { testNetwork } from '../stream/test-network.js';
import { inputsPerStep } from './protocol-helpers.js';

describe('operators/currentStep', () => {
  it('a1 for t1, a2 for t2, I_app restored; info { duration, currentArr }', () => {
    const { net, pops } = testNetwork(['a']);
    pops[0]!.I_app = -1;
    const info = currentStep({ pop: pops[0]!, t1: 0.3, t2: 0.2, a1: 1, a2: 5 });
    expect(net.getCurrentStep()).to.equal(5);
    expect(info.duration).to.equal(0.5);
    expect(Array.from(info.currentArr)).to.deep.equal([1, 1, 1, 5, 5]);
    expect((pops[0]!.v as Float64Array)[0]).to.be.closeTo(0.1 * (3 * 1 + 2 * 5), 1e-12);
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([-1, -1]);
  });

  it("uses CompNeuroPy's defaults t1 = t2 = 500, a1 = 0, a2 = 100 (seed example: 50000 zeros, 50000 fifties)", () => {
    const { net, pops } = testNetwork(['a'], 0.01);
    const info = currentStep({ pop: pops[0]!, a2: 50 });
    expect(net.getCurrentStep()).to.equal(100000);
    expect(info.duration).to.equal(1000);
    expect(info.currentArr.length).to.equal(100000);
    expect(info.currentArr[49999]).to.equal(0);
    expect(info.currentArr[50000]).to.equal(50);
    expect((pops[0]!.v as Float64Array)[0]).to.be.closeTo(0.01 * 50 * 50000, 1e-6);
  });

  it('composes: two protocols on two populations in one run, then a free run', async () => {
    const { net } = testNetwork(['a', 'b']);
    net.getPopulation('a').I_app = 9;
    net.getPopulation('b').I_app = 8;
    const both = await lastValueFrom(
      simulate$(0.7, { network: net }).pipe(
        currentStep$({ pop: 'a', t1: 0.2, t2: 0.2, a1: 1, a2: 2 }),
        currentRamp$({ pop: 'b', a0: 10, a1: 30, dur: 0.4, n: 2 }),
        map((f) => [(f.network.getPopulation('a').inp as Float64Array)[0], (f.network.getPopulation('b').inp as Float64Array)[0]]),
        toArray(),
      ),
    );
    expect(both).to.deep.equal([[1, 10], [1, 10], [2, 30], [2, 30], [9, 8], [9, 8], [9, 8]]);
    // (0.6/3)/0.1 is 1.9999999999999998 in doubles: CompNeuroPy's exact check rejects it, and so do we
    expect(() => runSync(simulate$(undefined, { network: net }).pipe(currentRamp$({ pop: 'b', a0: 10, a1: 30, dur: 0.6, n: 3 })))).to.throw('current duration = 0.19999999999999998, timestep = 0.1!');
  });

  it('composes sequentially: a protocol followed by a free run with concat', async () => {
    const { net } = testNetwork(['a']);
    net.getPopulation('a').I_app = 4;
    const inp = await lastValueFrom(
      concat(simulate$(undefined, { network: net }).pipe(currentStep$({ pop: 'a', t1: 0.1, t2: 0.1, a1: 1, a2: 2 })), simulate$(0.2, { network: net })).pipe(
        map((f) => (f.network.getPopulation('a').inp as Float64Array)[0]),
        toArray(),
      ),
    );
    expect(inp).to.deep.equal([1, 2, 4, 4]);
  });

  it('rejects a population without I_app, a negative or non-multiple-of-dt duration, before any step', async () => {
    const { net } = testNetwork(['a']);
    new Population(1, new Neuron({ parameters: 'tau = 10', equations: 'r = 1' }), { name: 'plain', network: net });
    net.compile();
    expect(() => currentStep({ pop: net.getPopulation('plain') })).to.throw('currentStep: population "plain" has no attribute "I_app"; attributes: tau, r');
    expect(() => currentStep({ pop: net.getPopulation('a'), t1: -5 })).to.throw('currentStep: t1 must be a non-negative duration in ms, got -5');
    expect(() => currentStep({ pop: net.getPopulation('a'), t1: 0.15 })).to.throw('currentStep: t1 = 0.15 ms is not a multiple of the time step dt = 0.1 ms');
    expect(() => currentStep({ pop: net.getPopulation('a'), a1: NaN })).to.throw('currentStep: a1 must be a finite number, got NaN');
    expect(net.getCurrentStep()).to.equal(0);
    expect(await inputsPerStep(net, 'a', 0.1)).to.deep.equal([0]);
  });
});
