/**
 * A network exercising every kind of run state (equation noise, Poisson input, uniform and
 * per-synapse delays, refractoriness, STDP, a delayed rate projection, a TimedArray), used by
 * save-load.spec.ts in this process and in child processes (`npx tsx continuation-network.ts`).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { PoissonPopulation } from '../../src/engine/special/poisson-population.js';
import { TimedArray } from '../../src/engine/special/timed-array.js';
import { Normal, Uniform } from '../../src/engine/random/random-distribution.js';
import { IF_cond_exp } from '../../src/models/annarchy/if-neurons.js';
import { STDP } from '../../src/models/annarchy/synapses.js';
import { save, load } from '../../src/io/save-load.js';
import { captureNetworkState } from '../../src/engine/network-state.js';

export function buildNetwork(seed: number): Network {
  const net = new Network({ dt: 0.1, seed });
  const noisy = new Population(40, new Neuron({
    parameters: 'tau = 10.0 : population\n I = 1.2',
    equations: 'tau * dv/dt = -v + I + g_exc + 0.5 * Normal(0.0, 1.0)\n tau * dg_exc/dt = -g_exc',
    spike: 'v > 1.0', reset: 'v = 0.0', refractory: 2.0, name: 'noisy LIF',
  }), { name: 'noisy', network: net });
  noisy.v = new Uniform(0.0, 1.0);
  const poisson = new PoissonPopulation(30, { rates: 80, name: 'poisson', network: net });
  const cond = new Population(20, new IF_cond_exp({ tau_refrac: 1.0 }), { name: 'cond', network: net });
  const rates = new TimedArray([[0.1, 0.2], [0.5, 0.4], [0.9, 0.0]], { schedule: 5.0, period: 20.0, name: 'timed', network: net });
  const rateOut = new Population(3, new Neuron({ equations: 'tau * dr/dt + r = sum(exc)', parameters: 'tau = 5.0', name: 'rate out' }), { name: 'rate_out', network: net });
  new Projection(poisson, noisy, 'exc', undefined, { name: 'p2n', network: net }).connectFixedProbability({ probability: 0.3, weights: new Uniform(0.05, 0.2), delays: new Uniform(0.1, 3.0) });
  new Projection(noisy, cond, 'exc', new STDP({ w_max: 0.5 }), { name: 'n2c', network: net }).connectFixedNumberPre({ number: 8, weights: 0.2, delays: 1.5 });
  new Projection(poisson, cond, 'inh', undefined, { name: 'p2c', network: net }).connectAllToAll({ weights: new Normal(0.01, 0.002) });
  new Projection(rates, rateOut, 'exc', undefined, { name: 't2r', network: net }).connectAllToAll({ weights: 1.0, delays: 2.0 });
  net.compile();
  return net;
}

/** Every array and scalar of the state, as JSON-able numbers (bit patterns kept via hex for doubles). */
export function fingerprint(net: Network): Record<string, string[]> {
  const s = captureNetworkState(net);
  const out: Record<string, string[]> = { meta: [JSON.stringify({ ...s.meta, numpy: s.meta.numpy })] };
  for (const [k, a] of Object.entries(s.arrays)) {
    const f = a instanceof Float64Array ? new Float64Array(a) : Float64Array.from(a as ArrayLike<number>);
    const u = new BigUint64Array(f.buffer);
    out[k] = Array.from(u, (x) => x.toString(16));
  }
  return out;
}

// child process: `phase1 <file> <N>` saves after N ms; `phase2 <file> <M> <out> <seed>` loads, simulates M ms, writes the fingerprint
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [phase, file, ms, out, seed] = process.argv.slice(2);
  if (phase === 'phase1') {
    const net = buildNetwork(1234);
    net.simulate(Number(ms));
    save(file!, { network: net });
  } else {
    const net = buildNetwork(Number(seed));
    load(file!, { network: net });
    net.simulate(Number(ms));
    writeFileSync(out!, JSON.stringify(fingerprint(net)));
  }
}
