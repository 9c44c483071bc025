import { expect } from 'chai';
import { ExperimentRun, linspace, compileModel } from '../../../src/apps/playground/experiment-run.js';
import { presetByName, LIF_EXAMPLE } from '../../../src/apps/playground/presets.js';
import { defaultState, type PlaygroundState } from '../../../src/apps/playground/state.js';
import { TraceStore } from '../../../src/apps/playground/trace-store.js';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { Neuron } from '../../../src/language/neuron.js';
import { simulate$, runSync } from '../../../src/stream/simulate.js';
import { currentStep$ } from '../../../operators/current-step.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';

function lifState(over: Partial<PlaygroundState> = {}): PlaygroundState {
  const s = defaultState(presetByName('LIF')!.source, 'LIF');
  return { ...s, protocol: { kind: 'none', values: {} }, speed: 0, ...over };
}

/** Run to the end in slices of `slice` steps, collecting everything as the page does. */
function runAll(s: PlaygroundState, slice: number): TraceStore {
  const run = new ExperimentRun(s);
  const store = new TraceStore(run.pop.size, s.periodSteps * s.dt);
  while (!run.done) store.append(run.advance(slice));
  return store;
}

describe('playground ExperimentRun (the worker\'s simulation)', function () {
  this.timeout(120_000);

  it('LIF below threshold follows the explicit Euler recursion in closed form', () => {
    // tau dv/dt = v_rest - v + I/C: v_k = v_inf + (v_0 - v_inf) (1 - dt/tau)^k, v_inf = v_rest + I/C.
    const s = lifState({ params: { I_app: 10 }, duration: 50, dt: 0.1, periodSteps: 5 });
    const store = runAll(s, 37);
    expect(store.samples).to.equal(100);
    expect(store.spikeRanks).to.deep.equal([]);
    const v = store.neuron(0);
    for (let j = 0; j < store.samples; j++) {
      // sample j is recorded after the update of step 5j: k = 5j + 1 updates
      const k = 5 * j + 1;
      expect(v[j]).to.be.closeTo(-55 + (-65 - -55) * (1 - 0.1 / 10) ** k, 1e-9);
    }
  });

  it('a sweep of I_app across 21 LIF neurons gives the analytic f-I curve', () => {
    const s = lifState({ sweep: { attr: 'I_app', from: 0, to: 100, n: 21 }, duration: 1000, dt: 0.01 });
    const store = runAll(s, 20_000);
    const rates = store.rates(1000);
    const I = linspace(0, 100, 21);
    for (let i = 0; i < 21; i++) {
      if (I[i]! <= 15) expect(rates[i], `I = ${I[i]}`).to.equal(0); // v_inf = -65 + I <= v_thresh
      else {
        // period = refractory + tau ln(I / (I - 15)); Euler at dt = 0.01 and whole steps: within 2 %
        const f = 1000 / (2 + 10 * Math.log(I[i]! / (I[i]! - 15)));
        expect(rates[i], `I = ${I[i]}`).to.be.closeTo(f, 0.02 * f);
      }
    }
  });

  it('slices of any size give exactly what simulate$ with the protocol operator gives', () => {
    const hh = presetByName('H_and_H_Bischop')!;
    const s: PlaygroundState = {
      ...defaultState(hh.source, hh.name),
      protocol: { kind: 'currentStep', values: { t1: 20, t2: 30, a1: 0, a2: 40 } },
      duration: 60,
      periodSteps: 7,
    };
    const store = runAll(s, 333);
    // the reference: the library's own operator path on a network built by hand
    const net = new Network({ dt: 0.01, seed: 1 });
    const { neuron } = compileModel(hh.source, hh.name, 0.01);
    const pop = new Population(1, new Neuron({ parameters: neuron.parameters, equations: neuron.equations, spike: neuron.spike, name: 'ref' }), { name: 'H_and_H_Bischop', network: net });
    const mon = new Monitor(pop, ['v', 'spike'], { periodSteps: 7, gridOrigin: 0 });
    net.compile();
    runSync(simulate$(60, { network: net }).pipe(currentStep$({ pop: 'H_and_H_Bischop', t1: 20, t2: 30, a1: 0, a2: 40 })));
    const ref = (mon.get('v') as RecordedArray).data;
    expect(store.samples).to.equal(ref.length);
    expect(Array.from(store.neuron(0))).to.deep.equal(Array.from(ref));
    const spikes = mon.get('spike') as Record<number, number[]>;
    expect(store.spikeSteps).to.deep.equal(spikes[0] ?? []);
    expect(store.spikeSteps.length).to.be.greaterThan(0);
  });

  it('a parameter set during the run applies from the next step', () => {
    const s = lifState({ params: { I_app: 5 }, duration: 20, dt: 0.1, periodSteps: 1 });
    const run = new ExperimentRun(s);
    const store = new TraceStore(1, 0.1);
    store.append(run.advance(50));
    run.setParameter('I_app', 12);
    store.append(run.advance(1000));
    // reference: LIF with I_app 5 for 50 steps, then 12
    const net = new Network({ dt: 0.1 });
    const pop = new Population(1, new Neuron({ ...LIF_EXAMPLE, name: 'LIF' }), { name: 'ref', network: net });
    pop.I_app = 5;
    const mon = new Monitor(pop, ['v'], { periodSteps: 1, gridOrigin: 0 });
    net.compile();
    for (let k = 0; k < 50; k++) net.step();
    pop.I_app = 12;
    for (let k = 50; k < 200; k++) net.step();
    expect(Array.from(store.neuron(0))).to.deep.equal(Array.from((mon.get('v') as RecordedArray).data));
    expect(() => run.setParameter('nope', 1)).to.throw('model "LIF": there is no parameter "nope"');
  });

  it('refuses what cannot run, before any step, naming the problem', () => {
    expect(() => new ExperimentRun(lifState({ params: { tauu: 3 } }))).to.throw('model "LIF": there is no parameter "tauu" to set; parameters: tau, C, v_rest, v_thresh, I_app');
    expect(() => new ExperimentRun(lifState({ sweep: { attr: 'tau', from: 1, to: 2, n: 3 } }))).to.throw('sweep: "tau" is population-wide (": population"); only per-neuron attributes can differ across neurons');
    expect(() => new ExperimentRun(lifState({ record: 'w' }))).to.throw('record: model "LIF" has no variable "w"; variables: v');
    expect(() => new ExperimentRun(lifState({ sweep: { attr: 'I_app', from: 0, to: 1, n: 3 }, protocol: { kind: 'currentStim', values: {} } }))).to.throw('protocol: it drives "I_app", which the sweep sets per neuron');
    expect(() => new ExperimentRun(lifState({ protocol: { kind: 'attributeStep', values: {} } }))).to.throw('protocol attributeStep: choose the attribute it drives');
  });
});
