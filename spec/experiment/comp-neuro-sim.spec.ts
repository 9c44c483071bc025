import { expect } from 'chai';
import { asyncScheduler, count, lastValueFrom } from 'rxjs';
import { CompNeuroSim } from '../../src/experiment/comp-neuro-sim.js';
import { ReqPopHasAttr } from '../../src/experiment/requirements.js';
import { SimInfo } from '../../src/experiment/sim-info.js';
import { currentRamp } from '../../operators/current-ramp.js';
import { currentStep } from '../../operators/current-step.js';
import { currentStim } from '../../operators/current-stim.js';
import { clear, setup, compile, simulate, reset, getPopulation } from '../../src/engine/global-functions.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { Integrator } from '../stream/test-network.js';

const RateNeuron = new Neuron({ parameters: 'tau = 10', equations: 'rates = rates\n r = rates', name: 'rate' });

describe('experiment/CompNeuroSim', () => {
  afterEach(() => clear());

  it('seed example: auto names, runs, SimInfo fields, lists shared with the simulation (§14.9)', () => {
    setup({ dt: 0.1 });
    new Population(1, Integrator, 'HH_Bischop');
    compile();
    const n0 = CompNeuroSim.initializedSimulations.length;
    const rampKwargs = { pop: 'HH_Bischop', a0: 0, a1: 100, dur: 100, n: 50 };
    const simRamp = new CompNeuroSim({ simulationFunction: currentRamp, simulationKwargs: rampKwargs });
    const simStep = new CompNeuroSim({ simulationFunction: currentStep, simulationKwargs: { pop: 'HH_Bischop', t1: 50, t2: 50, a1: 0, a2: 50 } });
    expect(simRamp.name).to.equal(`simulation${n0}`);
    expect(simStep.name).to.equal(`simulation${n0 + 1}`);
    simRamp.run();
    reset();
    simStep.run();
    const infoRamp = simRamp.simulationInfo();
    expect(infoRamp).to.be.instanceOf(SimInfo);
    expect(infoRamp.name).to.equal(`simulation${n0}`);
    expect(infoRamp.description).to.equal('');
    expect(infoRamp.simulationFunction).to.equal('currentRamp');
    expect(infoRamp.start).to.deep.equal([0]);
    expect(infoRamp.end).to.deep.equal([100]);
    expect(infoRamp.kwargs[0]).to.equal(rampKwargs); // the initial object itself
    expect(infoRamp.monitorChunk).to.equal(null);
    const ri = infoRamp.info[0] as { da: number; durStim: number; currentArr: Float64Array };
    expect(ri.da).to.equal(2.0408163265306123);
    expect(ri.durStim).to.equal(2);
    expect(ri.currentArr.length).to.equal(1000);
    expect((simStep.simulationInfo().info[0] as { duration: number }).duration).to.equal(100);
    // a second run grows the lists of the info taken before
    reset();
    simRamp.run({ a1: 49 });
    expect(infoRamp.start).to.deep.equal([0, 0]);
    expect(infoRamp.kwargs[1]).to.deep.equal({ ...rampKwargs, a1: 49 });
    expect(infoRamp.kwargs[1]).to.not.equal(rampKwargs);
    expect((infoRamp.info[1] as { da: number }).da).to.equal(1);
  });

  it('run_and_monitor_simulations: start/end/info/kwargs/monitor chunk and the failing requirement (§12)', () => {
    setup({ dt: 1 });
    const first = new Population(2, RateNeuron, 'first_poisson');
    new Population(2, RateNeuron, 'second_poisson');
    new Population(1, new Neuron({ equations: 'r = 0' }), 'simple_pop');
    compile();
    let chunk = 0;
    const mon = { currentChunk: () => chunk };
    // the example's simulation function, in TS
    const increaseRates = ({ popName, rateStep = 0, timeStep = 0, nrSteps = 0 }: { popName: string | string[]; rateStep?: number; timeStep?: number; nrSteps?: number }) => {
      const names = Array.isArray(popName) ? popName : [popName];
      const startRates = names.map((n) => (getPopulation(n).rates as Float64Array)[0]!);
      for (let step = 0; step < nrSteps; step++) {
        names.forEach((n, i) => (getPopulation(n).rates = step * rateStep + startRates[i]!));
        simulate(timeStep);
      }
      return { duration: timeStep * nrSteps, dRates: rateStep * nrSteps };
    };
    const kwargs = { popName: 'first_poisson', rateStep: 10, timeStep: 100, nrSteps: 15 };
    const sim = new CompNeuroSim({
      simulationFunction: increaseRates,
      simulationKwargs: kwargs,
      name: 'increase_rates_pop',
      description: 'increase rates variable of pop',
      requirements: [{ req: ReqPopHasAttr, pop: 'simulation_kwargs.popName', attr: 'rates' }],
      monitorObject: mon,
    });
    simulate(500);
    sim.run();
    expect((first.rates as Float64Array)[0]).to.equal(140);
    reset();
    chunk = 1;
    simulate(700);
    sim.run({ popName: ['first_poisson', 'second_poisson'] });
    simulate(500);
    expect(() => sim.run({ popName: 'simple_pop' })).to.throw('Population simple_pop does not contain attribute rates!\n');
    const info = sim.simulationInfo();
    expect(info.name).to.equal('increase_rates_pop');
    expect(info.description).to.equal('increase rates variable of pop');
    expect(info.start).to.deep.equal([500, 700]);
    expect(info.end).to.deep.equal([2000, 2200]);
    expect(info.info).to.deep.equal([{ duration: 1500, dRates: 150 }, { duration: 1500, dRates: 150 }]);
    expect(info.kwargs).to.deep.equal([kwargs, { popName: ['first_poisson', 'second_poisson'], rateStep: 10, timeStep: 100, nrSteps: 15 }]);
    expect(info.monitorChunk).to.deep.equal([0, 1]);
  });

  it('kwargsWarning prints once when overrides meet requirements', () => {
    setup({ dt: 1 });
    new Population(1, RateNeuron, 'p');
    compile();
    const logs: string[] = [];
    const orig = console.log;
    console.log = (...a: unknown[]) => logs.push(a.join(' '));
    try {
      const sim = new CompNeuroSim({ simulationFunction: () => undefined, simulationKwargs: {}, name: 'warned', requirements: [{ req: ReqPopHasAttr, pop: 'p', attr: 'rates' }], kwargsWarning: true });
      sim.run({ x: 1 });
      sim.run({ x: 2 });
    } finally {
      console.log = orig;
    }
    expect(logs).to.deep.equal(['\nWARNING! run warned changed simulation kwargs, initial requirements may no longer be fulfilled!\n']);
  });

  it('links requirement arguments through attribute paths ("simulation_kwargs.X.attr")', () => {
    setup({ dt: 1 });
    const pop = new Population(1, RateNeuron, 'p');
    compile();
    const model = { populations: ['p'] };
    const sim = new CompNeuroSim({ simulationFunction: () => 1, simulationKwargs: { model }, requirements: [{ req: ReqPopHasAttr, pop: 'simulation_kwargs.model.populations', attr: ['rates', 'tau'] }] });
    sim.run();
    expect(() => sim.run({ model: { populations: ['p', 'nope'] } })).to.throw('no population named "nope"');
    expect(() => new CompNeuroSim({ simulationFunction: () => 1, simulationKwargs: { pop }, requirements: [{ req: ReqPopHasAttr, pop: 'simulation_kwargs.pop', attr: 'I_app' }] })).to.throw('Population p does not contain attribute I_app!\n');
    expect(sim.info).to.deep.equal([1]);
  });

  it('kwargs the function does not take raise TypeError before anything runs or is recorded', () => {
    setup({ dt: 0.1 });
    new Population(1, Integrator, 'HH_Bischop');
    compile();
    const sim = new CompNeuroSim({ simulationFunction: currentStep, simulationKwargs: { pop: 'HH_Bischop', t1: 1, t2: 1, a1: 0, a2: 5 } });
    expect(() => sim.run({ amp: 3 })).to.throw(TypeError, "currentStep() got an unexpected keyword argument 'amp'");
    expect(() => sim.run({ t1: 0.05 })).to.throw('currentStep: t1 = 0.05 ms is not a multiple of the time step dt = 0.1 ms');
    expect(sim.kwargs.length).to.equal(1); // the second error is found by the protocol, after the run was recorded
    expect(sim.start).to.deep.equal([0]);
    expect(sim.info).to.deep.equal([]);
    expect(() => new CompNeuroSim({ simulationFunction: currentStep, nme: 'x' } as never)).to.throw('CompNeuroSim: unknown option "nme"');
  });

  it('run$ streams every step of a built-in protocol and records info and end at completion', async () => {
    setup({ dt: 0.1 });
    const pop = new Population(1, Integrator, 'HH_Bischop');
    compile();
    const sim = new CompNeuroSim({ simulationFunction: currentStep, simulationKwargs: { pop: 'HH_Bischop', t1: 1, t2: 2, a1: 1, a2: 2 } });
    const obs = sim.run$();
    expect(sim.start).to.deep.equal([]); // cold
    const frames = await lastValueFrom(obs.pipe(count()));
    expect(frames).to.equal(30);
    expect(sim.end).to.deep.equal([3]); // 30 * 0.1 is exactly 3 in doubles
    expect((sim.info[0] as { duration: number }).duration).to.equal(3);
    expect((pop.v as Float64Array)[0]).to.be.closeTo(0.1 * (10 * 1 + 20 * 2), 1e-12);
    // chunked on a scheduler: same record
    const n = await lastValueFrom(sim.run$(undefined, { scheduler: asyncScheduler, chunk: 7 }).pipe(count()));
    expect(n).to.equal(30);
    expect(sim.start).to.deep.equal([0, 3]);
    expect(sim.end.length).to.equal(2);
  });

  it('SimInfo.getCurrentArr for currentStep, currentStim and currentRamp', () => {
    setup({ dt: 0.1 });
    new Population(1, Integrator, 'HH_Bischop');
    compile();
    const step = new CompNeuroSim({ simulationFunction: currentStep, simulationKwargs: { pop: 'HH_Bischop', t1: 0.2, t2: 0.1, a1: 1, a2: 2 } });
    step.run();
    step.run({ t1: 0 });
    expect(step.simulationInfo().getCurrentArr(0.1).map((a) => Array.from(a))).to.deep.equal([[1, 1, 2], [2]]);
    expect(Array.from(step.simulationInfo().getCurrentArr(0.1, true))).to.deep.equal([1, 1, 2, 2]);
    const stim = new CompNeuroSim({ simulationFunction: currentStim, simulationKwargs: { pop: 'HH_Bischop', t: 0.2, a: 3 } });
    stim.run();
    stim.run({ t: 0 });
    expect(stim.simulationInfo().getCurrentArr(0.1).map((a) => Array.from(a))).to.deep.equal([[3, 3]]);
    const ramp = new CompNeuroSim({ simulationFunction: currentRamp, simulationKwargs: { pop: 'HH_Bischop', a0: 1, a1: 2, dur: 0.4, n: 2 } });
    ramp.run();
    expect(Array.from(ramp.simulationInfo().getCurrentArr(0.1)[0]!)).to.deep.equal([1, 1, 2, 2]);
    const noDefaults = new CompNeuroSim({ simulationFunction: currentStim, simulationKwargs: { pop: 'HH_Bischop', t: 0.1 } });
    noDefaults.run();
    expect(() => noDefaults.simulationInfo().getCurrentArr(0.1)).to.throw('the kwargs of run 0 have no number "a"');
    expect(() => new CompNeuroSim({ simulationFunction: () => 1 }).simulationInfo().getCurrentArr(0.1)).to.throw('ERROR get_current_arr');
  });
});
