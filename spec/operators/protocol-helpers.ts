import { lastValueFrom, map, toArray, type OperatorFunction } from 'rxjs';
import type { Network } from '../../src/engine/network.js';
import { simulate$ } from '../../src/stream/simulate.js';
import type { SimulationFrame } from '../../src/stream/simulation-frame.js';

/** The input (`inp`, = I_app) neuron 0 of `pop` received in each step of the run. */
export async function inputsPerStep(net: Network, pop: string, ms: number | undefined, ...ops: OperatorFunction<SimulationFrame, SimulationFrame>[]): Promise<number[]> {
  let obs = simulate$(ms, { network: net }) as import('rxjs').Observable<SimulationFrame>;
  for (const op of ops) obs = obs.pipe(op);
  return lastValueFrom(obs.pipe(map((f) => (f.network.getPopulation(pop).inp as Float64Array)[0]!), toArray()));
}
