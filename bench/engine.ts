import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Neuron } from '../src/language/neuron.js';
import { generatePopulationKernels } from '../src/language/population-codegen.js';
import { HHneuronBischop } from '../src/models/hh-neuron-bischop.js';
import { median, timeMs, type BenchRow } from './bench-utils.js';

const LIF = new Neuron({
  parameters: 'tau = 10.0 : population\n v_rest = -65.0 : population\n v_thresh = -50.0 : population\n I = 20.0 : population',
  equations: 'tau * dv/dt = v_rest - v + I : init=-65.0',
  spike: 'v > v_thresh',
  reset: 'v = v_rest',
  name: 'LIF',
});

const Izhikevich = new Neuron({
  parameters: 'a = 0.02 : population\n b = 0.2 : population\n c = -65.0 : population\n d = 8.0 : population\n I = 10.0',
  equations: 'dv/dt = 0.04*v^2 + 5.0*v + 140.0 - u + I : init=-65.0\n du/dt = a*(b*v - u) : init=-13.0',
  spike: 'v >= 30.0',
  reset: 'v = c\n u += d',
  name: 'Izhikevich',
});

/** ns per neuron-step simulating `ms` of a population of `n` neurons without monitors. */
function nsPerNeuronStep(neuron: Neuron, n: number, dt: number, ms: number, init?: (p: Population) => void): number {
  const net = new Network({ dt });
  const pop = new Population(n, neuron, { network: net });
  init?.(pop);
  net.compile();
  const steps = net.stepsFor(ms);
  const t = timeMs(() => net.simulate(ms), 3);
  return (t * 1e6) / (steps * n);
}

/** Compile time (analysis + code generation) of a model, ms. */
function compileMs(neuron: () => Neuron): number {
  const ts: number[] = [];
  for (let k = 0; k < 7; k++) {
    const nrn = neuron();
    const t0 = performance.now();
    generatePopulationKernels(nrn.analyse());
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** Engine rows of the bench table. */
export function engineRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  rows.push({
    name: 'compile HH_Bischop (analyse + generate)',
    median: compileMs(() => new (HHneuronBischop.constructor as typeof Neuron)({ parameters: HHneuronBischop.parameters, equations: HHneuronBischop.equations, spike: HHneuronBischop.spike, name: 'hh' })),
    unit: 'ms',
    note: 'target < 50; ANNarchy 15-35 s',
  });
  rows.push({ name: 'compile LIF', median: compileMs(() => new Neuron({ parameters: LIF.parameters, equations: LIF.equations, spike: LIF.spike, reset: LIF.reset })), unit: 'ms' });
  for (const n of [1, 1000, 10000]) {
    rows.push({
      name: `HH_Bischop N=${n}, I_app=50, dt 0.01`,
      median: nsPerNeuronStep(HHneuronBischop, n, 0.01, n === 1 ? 1000 : n === 1000 ? 100 : 20, (p) => { p.I_app = 50; }),
      unit: 'ns/neuron-step',
      note: n === 10000 ? 'target <= 100; ANNarchy 106, Brian2 46' : '',
    });
  }
  rows.push({ name: 'LIF N=100000, dt 0.1', median: nsPerNeuronStep(LIF, 100000, 0.1, 100), unit: 'ns/neuron-step', note: 'target <= 1.5; ANNarchy 0.7' });
  rows.push({ name: 'Izhikevich N=10000, dt 0.1', median: nsPerNeuronStep(Izhikevich, 10000, 0.1, 200), unit: 'ns/neuron-step' });
  return rows;
}
