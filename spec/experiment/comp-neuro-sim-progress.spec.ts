import { expect } from 'chai';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import type { ProgressInfo } from '../../src/engine/progress.js';
import { setup, simulate } from '../../src/engine/global-functions.js';
import { CompNeuroSim } from '../../src/experiment/comp-neuro-sim.js';
import { cnpClear } from '../../src/experiment/comp-neuro-model.js';
import { currentStep } from '../../operators/current-step.js';

const lif = () => new Neuron({ parameters: 'tau = 10.0\nI_app = 0.0', equations: 'tau * dv/dt = -v + I_app', spike: 'v > 1.0', reset: 'v = 0.0', name: 'lif' });

describe('experiment: CompNeuroSim progress', () => {
  afterEach(() => cnpClear());

  it('CompNeuroSim.run(kwargs, { progress }) reports one whole protocol run (built-in functions)', () => {
    setup({ dt: 0.1 });
    new Population(1, lif(), 'p');
    const infos: ProgressInfo[] = [];
    let completed = 0;
    const sim = new CompNeuroSim({ simulationFunction: currentStep, simulationKwargs: { pop: 'p', t1: 20, t2: 30, a1: 0, a2: 2 } });
    expect(sim.plannedSteps()).to.equal(500);
    sim.run(undefined, { progress: { next: (i) => infos.push(i), complete: () => completed++ } });
    expect(infos[infos.length - 1]).to.include({ done: 500, total: 500, percent: 100 });
    expect(completed).to.equal(1);
    expect(sim.simulationInfo().end).to.deep.equal([50]);
  });

  it('CompNeuroSim.run of a plain function reports each simulate() into one reporter, completed once', () => {
    setup({ dt: 0.1 });
    new Population(1, lif(), 'p');
    const totals: number[] = [];
    let completed = 0;
    const sim = new CompNeuroSim({ simulationFunction: () => { simulate(10); simulate(20); } });
    sim.run(undefined, { progress: { next: (i) => { if (i.percent === 100) totals.push(i.total); }, complete: () => completed++ } });
    expect(totals).to.deep.equal([100, 200]);
    expect(completed).to.equal(1);
  });
});
