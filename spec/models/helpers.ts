import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import type { Neuron } from '../../src/language/neuron.js';

/** A compiled population of `n` neurons of `model` in its own network. */
export function compiled(model: Neuron, n = 1, dt = 0.1, setBefore: Record<string, number | number[]> = {}): { net: Network; pop: Population } {
  const net = new Network({ dt });
  const pop = new Population(n, model, { network: net });
  for (const [k, v] of Object.entries(setBefore)) pop[k] = v;
  net.compile();
  return { net, pop };
}

/** Spike steps of every neuron over `steps` steps. */
export function spikeSteps(net: Network, pop: Population, steps: number): number[][] {
  const out: number[][] = Array.from({ length: pop.size }, () => []);
  for (let s = 0; s < steps; s++) {
    net.step();
    for (const r of pop.spike) out[r]!.push(s);
  }
  return out;
}

/** Locality of each parameter of a model, by name. */
export function localities(model: Neuron): Record<string, string> {
  return Object.fromEntries(model.analyse().parameters.map((p) => [p.name, p.locality]));
}

/** Parameter defaults of a model, by name. */
export function defaults(model: Neuron): Record<string, number> {
  return Object.fromEntries(model.analyse().parameters.map((p) => [p.name, p.init as number]));
}
