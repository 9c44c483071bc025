import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { Neuron } from '../src/language/neuron.js';
import { Normal } from '../src/engine/random/random-distribution.js';
import { Monitor } from '../src/engine/monitor.js';
import { median, type BenchRow } from './bench-utils.js';

// ANNarchy's COBA example (Vogels & Abbott 2005): 4000 conductance LIF neurons, 2% connectivity
export const COBA = new Neuron({
  parameters: `
    El = -60.0 : population
    Vr = -60.0 : population
    Erev_exc = 0.0 : population
    Erev_inh = -80.0 : population
    Vt = -50.0 : population
    tau = 20.0 : population
    tau_exc = 5.0 : population
    tau_inh = 10.0 : population
    I = 20.0 : population`,
  equations: `
    tau * dv/dt = (El - v) + g_exc * (Erev_exc - v) + g_inh * (Erev_inh - v) + I
    tau_exc * dg_exc/dt = - g_exc
    tau_inh * dg_inh/dt = - g_inh`,
  spike: 'v > Vt',
  reset: 'v = Vr',
  refractory: 5.0,
  name: 'COBA',
});

/**
 * Seconds to simulate 1 s of COBA (10000 steps at dt 0.1) after compile, and the mean rate. The
 * first network of a call is timed apart and left out of the median, as the other engine rows
 * leave out their warm-up: its run also optimises the JavaScript step, delivery and monitor code.
 */
export function cobaRows(repeats = 3, backend: 'wasm' | 'js' = 'wasm', fastMath = false): BenchRow[] {
  const times: number[] = [];
  let first = 0;
  let rate = 0;
  for (let k = -1; k < repeats; k++) {
    const net = new Network({ dt: 0.1, seed: 42 + k, backend, fastMath });
    const P = new Population(4000, COBA, { network: net });
    const Pe = P.slice(0, 3200);
    const Pi = P.slice(3200, 4000);
    P.v = new Normal(-55.0, 5.0);
    P.g_exc = new Normal(4.0, 1.5);
    P.g_inh = new Normal(20.0, 12.0);
    new Projection(Pe, P, 'exc').connectFixedProbability({ weights: 0.6, probability: 0.02 });
    new Projection(Pi, P, 'inh').connectFixedProbability({ weights: 6.7, probability: 0.02 });
    const m = new Monitor(P, ['spike']);
    net.compile();
    const t0 = performance.now();
    net.simulate(1000);
    const seconds = (performance.now() - t0) / 1000;
    if (k < 0) first = seconds;
    else times.push(seconds);
    const spikes = m.get('spike') as Record<number, number[]>;
    rate = Object.values(spikes).reduce((a, l) => a + l.length, 0) / 4000;
  }
  const tag = `${backend === 'wasm' ? 'WebAssembly SIMD' : 'JavaScript kernels'}${fastMath ? ', fastMath' : ''}`;
  const spread = `${Math.min(...times).toFixed(3)}-${Math.max(...times).toFixed(3)}`;
  return [{ name: `COBA 4000 neurons, 2% (~320k synapses), 1 s at dt 0.1 (${tag})`, median: median(times), unit: 's', note: `${backend === 'wasm' && !fastMath ? 'target <= 0.16' : "the target is the default's (WebAssembly, no fastMath)"} (range ${spread}; first network of the call, left out: ${first.toFixed(3)}); ANNarchy 0.55, Brian2 0.17; mean rate ${rate.toFixed(1)} Hz (ANNarchy ~19)` }];
}

/** The rows of `npm run bench`: each backend's COBA run with {@link cobaRows}. */
function allCobaRows(repeats: number): BenchRow[] {
  return [...cobaRows(repeats, 'wasm'), ...cobaRows(repeats, 'wasm', true), ...cobaRows(repeats, 'js')];
}

/**
 * The COBA rows measured in a fresh Node process, as a user's script runs the network: in the
 * bench's own process they followed a minute of other rows (their heap, their code) and came out
 * 0.199 and 0.210 s in two whole runs, where four fresh processes just after gave 0.13-0.18 s
 * (2026-12-07).
 */
export function cobaRowsInFreshProcess(repeats = 3): BenchRow[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--json', String(repeats)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench COBA child failed (${r.status}): ${r.stderr}`);
  const rows = JSON.parse(r.stdout.trim().split('\n').pop()!) as BenchRow[];
  return rows.map((row) => ({ ...row, note: `fresh process; ${row.note}` }));
}

// child mode: node --import tsx bench/coba.ts --json <repeats> prints the rows as JSON
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--json') {
  console.log(JSON.stringify(allCobaRows(Number(process.argv[3] ?? 3))));
}
