/**
 * Port of ANNarchy 4.7.3's `examples/izhikevich/Izhikevich.py`: the pulse-coupled network of
 * Izhikevich (2003), "Simple Model of Spiking Neurons", IEEE Trans. Neural Netw. 14(6), built
 * with the built-in `Izhikevich` neuron: 800 excitatory and 200 inhibitory neurons, all-to-all
 * with uniform random weights, noise 5 (exc) / 2 (inh), 1 s at ANNarchy's default dt of 1 ms.
 * Prints what the original plots (spike count, population histogram, one membrane trace).
 *
 * Run: `npx tsx examples/izhikevich-pulse-network.ts [seed]`.
 */
import { fileURLToPath } from 'node:url';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { Monitor } from '../src/engine/monitor.js';
import { clear, compile, setup, simulate } from '../src/engine/global-functions.js';
import { currentNetwork } from '../src/engine/magic-network.js';
import { Uniform } from '../src/engine/random/random-distribution.js';
import { Izhikevich } from '../src/models/annarchy/neurons.js';
import type { RecordedArray } from '../src/monitors/recorded-array.js';

/** ANNarchy's spike dict: rank -> spike steps. */
type SpikeDict = Record<number, number[]>;

/** What {@link main} computed, for checking. */
export interface PulseNetworkResult {
  pop: Population;
  spikes: SpikeDict;
  v: RecordedArray;
  /** Spikes per step (`M.histogram(spikes)`). */
  fr: ArrayLike<number>;
}

/** Build, compile and simulate the network; `print` receives the output lines. */
export function main(duration = 1000.0, seed?: number, print: (line: string) => void = console.log): PulseNetworkResult {
  clear();
  // ANNarchy's default dt of 1 ms (set explicitly: clear() keeps the dt of an earlier setup())
  setup(seed === undefined ? { dt: 1.0 } : { dt: 1.0, seed });
  // Create the excitatory and inhibitory population
  const pop = new Population(1000, new Izhikevich());
  const Exc = pop.slice(0, 800);
  const Inh = pop.slice(800);

  // Set the population parameters (np.random.random draws from numpy's global generator)
  const np = currentNetwork().numpyRng;
  const re = Array.from(np.random(800));
  const ri = Array.from(np.random(200));
  Exc.noise = 5.0;
  Inh.noise = 2.0;
  Exc.a = 0.02;
  Inh.a = ri.map((r) => 0.02 + 0.08 * r);
  Exc.b = 0.2;
  Inh.b = ri.map((r) => 0.25 - 0.05 * r);
  Exc.c = re.map((r) => -65.0 + 15.0 * r ** 2);
  Inh.c = -65.0;
  Exc.d = re.map((r) => 8.0 - 6.0 * r ** 2);
  Inh.d = 2.0;
  Exc.v = -65.0;
  Inh.v = -65.0;
  const times = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a, (x, i) => x * b[i]!);
  Exc.u = times(Exc.v as ArrayLike<number>, Exc.b as ArrayLike<number>);
  Inh.u = times(Inh.v as ArrayLike<number>, Inh.b as ArrayLike<number>);

  // Create the projections
  const excProj = new Projection(Exc, pop, 'exc');
  excProj.connectAllToAll({ weights: new Uniform(0.0, 0.5) });
  const inhProj = new Projection(Inh, pop, 'inh');
  inhProj.connectAllToAll({ weights: new Uniform(0.0, 1.0) });

  compile();

  // Start recording the spikes in the network to produce the plots
  const M = new Monitor(pop, ['spike', 'v']);
  const t0 = performance.now();
  simulate(duration);
  print(`Simulating ${duration / 1000} seconds of the network took ${((performance.now() - t0) / 1000).toFixed(3)} seconds.`);

  // Retrieve the spike recordings and the membrane potential
  const spikes = M.get('spike') as SpikeDict;
  const v = M.get('v') as RecordedArray;
  const { times: t } = M.rasterPlot(spikes);
  const fr = M.histogram(spikes) as ArrayLike<number>;
  print(`${t.length} spikes in ${duration} ms; population histogram over ${fr.length} steps, peak ${Math.max(...Array.from(fr))} spikes per step`);
  const v15 = Array.from({ length: v.shape[0]! }, (_, k) => v.data[k * 1000 + 15]!);
  print(`v of neuron 15: min ${Math.min(...v15).toFixed(2)} mV, max ${Math.max(...v15).toFixed(2)} mV`);
  return { pop, spikes, v, fr };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(1000.0, process.argv[2] ? Number(process.argv[2]) : undefined);
