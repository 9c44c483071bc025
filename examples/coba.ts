/**
 * Port of ANNarchy 4.7.3's `examples/vogels_abbott/COBA.py` (Vogels & Abbott 2005): 4000
 * conductance-based LIF neurons, 3200 excitatory and 800 inhibitory, 2 % random connectivity,
 * 1 s at dt 0.1 ms. Prints the mean firing rate and the excitatory/inhibitory ISI statistics
 * (the original plots them with matplotlib).
 *
 * `Pe = P[:3200]` is a view onto `P`, so ANNarchy 4.7.3 draws self-synapses in both projections
 * like any other pair (its connectors exclude them only when pre and post are the same object);
 * compneuro-rx follows that rule, so the connectivity for a seed is ANNarchy's.
 *
 * Run: `npx tsx examples/coba.ts [duration_ms] [seed]`.
 */
import { fileURLToPath } from 'node:url';
import { Neuron } from '../src/language/neuron.js';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { Monitor } from '../src/engine/monitor.js';
import { clear, compile, setup, simulate } from '../src/engine/global-functions.js';
import { Normal } from '../src/engine/random/random-distribution.js';
/** ANNarchy's spike dict: rank -> spike steps. */
type SpikeDict = Record<number, number[]>;

/** The COBA neuron, ANNarchy's strings unchanged. */
export const COBA = new Neuron({
  parameters: `
        El = -60.0          : population
        Vr = -60.0          : population
        Erev_exc = 0.0      : population
        Erev_inh = -80.0    : population
        Vt = -50.0          : population
        tau = 20.0          : population
        tau_exc = 5.0       : population
        tau_inh = 10.0      : population
        I = 20.0            : population
    `,
  equations: `
        tau * dv/dt = (El - v) + g_exc * (Erev_exc - v) + g_inh * (Erev_inh - v ) + I

        tau_exc * dg_exc/dt = - g_exc
        tau_inh * dg_inh/dt = - g_inh
    `,
  spike: 'v > Vt',
  reset: 'v = Vr',
  refractory: 5.0,
});

/** What {@link main} computed, for checking. */
export interface CobaResult {
  P: Population;
  Ce: Projection;
  Ci: Projection;
  spikes: SpikeDict;
  /** Spikes per neuron per second of simulated time (the original prints `len(t) / 4000.` after 1 s). */
  meanRate: number;
  excIsi: number[];
  inhIsi: number[];
}

/** Build, compile and simulate the network; `print` receives the output lines. */
export function main(duration = 1000.0, seed?: number, print: (line: string) => void = console.log): CobaResult {
  clear();
  setup(seed === undefined ? { dt: 0.1 } : { dt: 0.1, seed });

  const P = new Population(4000, COBA);
  const Pe = P.slice(0, 3200);
  const Pi = P.slice(3200);
  P.v = new Normal(-55.0, 5.0);
  P.g_exc = new Normal(4.0, 1.5);
  P.g_inh = new Normal(20.0, 12.0);

  const Ce = new Projection(Pe, P, 'exc');
  Ce.connectFixedProbability({ weights: 0.6, probability: 0.02 });
  const Ci = new Projection(Pi, P, 'inh');
  Ci.connectFixedProbability({ weights: 6.7, probability: 0.02 });

  compile();

  const m = new Monitor(P, ['spike']);
  const t0 = performance.now();
  simulate(duration);
  print(`Simulating ${duration / 1000} seconds of the network took ${((performance.now() - t0) / 1000).toFixed(3)} seconds.`);
  const data = m.get('spike') as SpikeDict;

  const { times } = m.rasterPlot(data);
  const meanRate = times.length / 4000 / (duration / 1000);
  print(`Mean firing rate in the population: ${meanRate}Hz`);

  const excIsi = m.interSpikeInterval(data, { ranks: Pe.ranks }) as number[];
  const inhIsi = m.interSpikeInterval(data, { ranks: Pi.ranks }) as number[];
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / Math.max(1, a.length);
  print(`excitatory ISIs: ${excIsi.length}, mean ${mean(excIsi).toFixed(2)} ms`);
  print(`inhibitory ISIs: ${inhIsi.length}, mean ${mean(inhIsi).toFixed(2)} ms`);
  const excCv = m.coefficientOfVariation(data, { ranks: Pe.ranks }) as number[];
  const inhCv = m.coefficientOfVariation(data, { ranks: Pi.ranks }) as number[];
  print(`ISI CV: excitatory mean ${mean(excCv).toFixed(3)}, inhibitory mean ${mean(inhCv).toFixed(3)}`);
  return { P, Ce, Ci, spikes: data, meanRate, excIsi, inhIsi };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv[2] ? Number(process.argv[2]) : 1000.0, process.argv[3] ? Number(process.argv[3]) : undefined);
}
