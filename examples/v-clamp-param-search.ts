// VClampParamSearch (CompNeuroPy extra_functions.VClampParamSearch; CompNeuroPy has no example
// of it, this one is ours): find the parameters of the Izhikevich (2007) equations from the
// voltage-clamp currents of an Izhikevich2007 neuron whose parameters we know, and compare.
// Run with `npx tsx examples/v-clamp-param-search.ts`; it writes v_clamp_search/results.json,
// the logbook figure and the data figure (doPlot) into the working directory.
import { Izhikevich2007, VClampParamSearch } from '../src/index.js';
import { isMain } from './is-main.js';

/// the "unknown" neuron: a regular spiking Izhikevich (2007) neuron with other parameters
const known = { C: 50, k: 0.5, v_r: -65, v_t: -45, a: 0.05, b: 1.5 };
export const neuronModel = new Izhikevich2007(known);

export function main(options: { m?: number; n?: number; maxEvals?: number; seed?: number } = {}): VClampParamSearch {
  /// search the parameters of the default equations (Izhikevich 2007):
  ///   C*dv/dt = k*(v - v_r)*(v - v_t) - u
  ///   du/dt = a*(b*(v - v_r) - u)
  /// m initial voltages x n voltage steps between -90 and -40 mV
  const search = new VClampParamSearch({
    neuronModel,
    m: options.m ?? 10,
    n: options.n ?? 10,
    maxEvals: options.maxEvals ?? 100,
    doPlot: true,
    resultsFile: 'v_clamp_search/results',
    plotFile: 'v_clamp_search/plot.png',
    seed: options.seed ?? 1,
  });

  /// the currents only depend on k/C, b/C, v_t and v_r (a drops out of the steady state)
  const p = search.pOpt as Record<string, number>;
  console.log('optimized parameters:', search.pOpt);
  console.log(`v_r: ${p.v_r!.toFixed(3)} (true ${known.v_r})`);
  console.log(`v_t: ${p.v_t!.toFixed(3)} (true ${known.v_t})`);
  console.log(`k/C: ${(p.k! / p.C!).toFixed(5)} (true ${known.k / known.C})`);
  console.log(`b/C: ${(p.b! / p.C!).toFixed(5)} (true ${known.b / known.C})`);
  console.log(`a: ${search.pOpt.a} (not determined by the currents)`);
  return search;
}

if (isMain('v-clamp-param-search')) main();
