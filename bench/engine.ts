import { spawnSync } from 'node:child_process';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { PoissonPopulation } from '../src/engine/special/poisson-population.js';
import { Uniform } from '../src/engine/random/random-distribution.js';
import { Neuron } from '../src/language/neuron.js';
import { generatePopulationKernels } from '../src/language/population-codegen.js';
import { clearSimdPlanCache } from '../src/language/wasm/simd-loop.js';
import { HHneuronBischop } from '../src/models/hh-neuron-bischop.js';
import { median, type BenchRow } from './bench-utils.js';

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

const RateNeuron = new Neuron({
  parameters: 'tau = 10.0 : population\n B = 0.5',
  equations: 'tau * dr/dt = B - r + sum(exc) : min=0.0',
  name: 'rate',
});

/**
 * Median CPU time (user + system) of `fn` in ms, after warming up. CPU time rather than wall
 * time: the bench machine is shared, and time slices lost to other processes are not ours.
 */
function cpuMs(fn: () => void, reps = 7): number {
  // warm up for at least 0.5 s: one run can end before TurboFan's optimised kernel is installed
  const warm = performance.now();
  do fn(); while (performance.now() - warm < 500);
  const ts: number[] = [];
  for (let k = 0; k < reps; k++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    ts.push((c.user + c.system) / 1000);
  }
  return median(ts);
}

/** ns per neuron-step simulating `ms` of a population of `n` neurons without monitors. */
function nsPerNeuronStep(neuron: Neuron, n: number, dt: number, ms: number, init?: (p: Population) => void, backend: 'wasm' | 'js' = 'wasm', fastMath = false): number {
  const net = new Network({ dt, backend, fastMath });
  const pop = new Population(n, neuron, { network: net });
  init?.(pop);
  net.compile();
  const steps = net.stepsFor(ms);
  const t = cpuMs(() => net.simulate(ms));
  return (t * 1e6) / (steps * n);
}

/** Result of {@link heapProbe}. */
interface HeapProbe {
  steps: number;
  /** Bytes allocated per step: heapUsed growth from step 5e4 to 5.5e5 (64 MB young space: no GC in between). */
  bytesPerStep: number;
  /** Scavenges (young-generation GCs) during all the steps: any allocation per step triggers them. */
  gcs: number;
  /** heapUsed growth that survives a full GC (leaks). */
  retainedBytes: number;
}

// conductance LIF receiving spikes (for the projections of the heap probe)
const CondLIF = new Neuron({
  parameters: 'tau = 10.0 : population\n tau_e = 5.0 : population\n I = 16.0',
  equations: 'tau * dv/dt = -65.0 - v + I + g_exc : init=-65.0\n tau_e * dg_exc/dt = -g_exc',
  spike: 'v > -50.0',
  reset: 'v = -65.0',
  refractory: 2.0,
  name: 'CondLIF',
});

/**
 * Heap use around 1e6 steps of a small network: HH_Bischop x 10, Izhikevich x 100 with
 * resets, a spiking network (conductance LIF x 200, projections without delay, with 1 ms, with
 * per-synapse delays,
 * Poisson input), rate-coded populations x 100 with a projection and a noisy population. Needs `global.gc` (node --expose-gc).
 */
async function heapProbe(steps = 1_000_000): Promise<HeapProbe> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('heapProbe needs node --expose-gc');
  const net = new Network({ dt: 0.01 });
  const hh = new Population(10, HHneuronBischop, { network: net });
  new Population(100, Izhikevich, { network: net });
  const rate = new Population(100, RateNeuron, { network: net });
  new Projection(rate, new Population(100, RateNeuron, { network: net }), 'exc').connectFixedProbability({ weights: 0.1, probability: 0.1 });
  const lif = new Population(200, CondLIF, { network: net });
  lif.I = new Float64Array(200).map((_, i) => 15 + i / 20);
  new Projection(lif, lif, 'exc').connectFixedProbability({ weights: 0.5, probability: 0.1 });
  new Projection(lif, lif, 'exc').connectFixedProbability({ weights: 0.5, probability: 0.1, delays: 1.0 });
  new Projection(lif, lif, 'exc').connectFixedProbability({ weights: 0.2, probability: 0.1, delays: new Uniform(0.1, 2.0) });
  // random draws: Poisson spikes, a noise term
  new Projection(new PoissonPopulation(100, { rates: 20, network: net }), lif, 'exc').connectFixedProbability({ weights: 0.2, probability: 0.1 });
  new Population(100, new Neuron({ parameters: 'sigma = 1.0 : population', equations: 'dv/dt = -v + Normal(0, sigma)\n r = v', name: 'noisy' }), { network: net });
  net.compile();
  hh.I_app = 50;
  for (let k = 0; k < 20_000; k++) net.step(); // optimise the kernels first
  let gcs = 0;
  // minor GCs only: V8's memory reducer may run a full GC on an idle timer
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (((e as { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MINOR) gcs++;
  });
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  obs.observe({ entryTypes: ['gc'] });
  // slope between 1e4 and 1.1e5 steps: one-off allocations (optimised code, feedback) are not per step
  const probe = 50_000;
  for (let k = 0; k < probe; k++) net.step();
  const at1 = process.memoryUsage().heapUsed;
  for (let k = 0; k < 10 * probe; k++) net.step();
  const bytesPerStep = (process.memoryUsage().heapUsed - at1) / (10 * probe);
  for (let k = 11 * probe; k < steps; k++) net.step();
  await new Promise((r) => setTimeout(r, 10)); // gc entries arrive asynchronously
  obs.disconnect();
  gc();
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  return { steps, bytesPerStep, gcs, retainedBytes: retained };
}

/** Runs {@link heapProbe} in a child `node --expose-gc` (tsx has no way to pass the flag). */
function heapProbeInChild(): HeapProbe | string {
  const r = spawnSync(process.execPath, ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64', '--import', 'tsx', fileURLToPath(import.meta.url), '--heap-probe'], {
    encoding: 'utf8',
  });
  const last = r.stdout?.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as HeapProbe;
  } catch {
    return `heap probe failed: ${(r.stderr || r.error?.message || last).slice(0, 200)}`;
  }
}

/** Compile time (analysis + code generation) of a model, ms. */
function compileMs(neuron: () => Neuron, cache = true): number {
  const ts: number[] = [];
  for (let k = 0; k < 7; k++) {
    if (!cache) clearSimdPlanCache();
    const nrn = neuron();
    const t0 = performance.now();
    generatePopulationKernels(nrn.analyse());
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** Median ms of `compile()` for a network of 1000 HH_Bischop neurons (WebAssembly backend). */
function networkCompileMs(): number {
  const ts: number[] = [];
  for (let k = 0; k < 7; k++) {
    const net = new Network({ dt: 0.01, backend: 'wasm' });
    new Population(1000, HHneuronBischop, { network: net });
    const t0 = performance.now();
    net.compile();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** Engine rows of the bench table. */
export function engineRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const hh = () => new (HHneuronBischop.constructor as typeof Neuron)({ parameters: HHneuronBischop.parameters, equations: HHneuronBischop.equations, spike: HHneuronBischop.spike, name: 'hh' });
  rows.push({
    name: 'compile HH_Bischop (analyse + generate), WebAssembly plan cleared each time',
    median: compileMs(hh, false),
    unit: 'ms',
    note: 'target < 50; ANNarchy 15-35 s',
  });
  rows.push({
    name: 'compile HH_Bischop again (analyse + generate, the WebAssembly plan cached)',
    median: compileMs(hh),
    unit: 'ms',
    note: 'target < 50',
  });
  rows.push({ name: 'compile LIF', median: compileMs(() => new Neuron({ parameters: LIF.parameters, equations: LIF.equations, spike: LIF.spike, reset: LIF.reset })), unit: 'ms' });
  rows.push({ name: 'compile(): HH_Bischop x 1000 network (kernels + WebAssembly module)', median: networkCompileMs(), unit: 'ms', note: 'target < 50' });
  for (const backend of ['wasm', 'js'] as const) {
    const tag = backend === 'wasm' ? 'WebAssembly SIMD' : 'JavaScript kernels';
    for (const n of [1, 1000, 10000]) {
      rows.push({
        name: `HH_Bischop N=${n}, I_app=50, dt 0.01 (${tag})`,
        median: nsPerNeuronStep(HHneuronBischop, n, 0.01, n === 1 ? 1000 : n === 1000 ? 100 : 20, (p) => { p.I_app = 50; }, backend),
        unit: 'ns/neuron-step',
        note: n === 10000 ? (backend === 'wasm' ? 'target <= 100; ANNarchy 106, Brian2 46' : 'the target is the default backend\'s (row above); ANNarchy 106') : n === 1 && backend === 'wasm' ? "setup() 'auto' takes JavaScript for N=1" : '',
      });
    }
    rows.push({ name: `LIF N=100000, dt 0.1 (${tag})`, median: nsPerNeuronStep(LIF, 100000, 0.1, 100, undefined, backend), unit: 'ns/neuron-step', note: backend === 'wasm' ? 'target <= 1.5; ANNarchy 0.7' : 'the target is the default backend\'s; ANNarchy 0.7' });
    rows.push({ name: `Izhikevich N=10000, dt 0.1 (${tag})`, median: nsPerNeuronStep(Izhikevich, 10000, 0.1, 200, undefined, backend), unit: 'ns/neuron-step', note: backend === 'wasm' ? 'target <= 1.1; Brian2 1.17' : '' });
  }
  rows.push({
    name: 'HH_Bischop N=10000, I_app=50, dt 0.01 (WebAssembly SIMD, fastMath: last bits differ)',
    median: nsPerNeuronStep(HHneuronBischop, 10000, 0.01, 20, (p) => { p.I_app = 50; }, 'wasm', true),
    unit: 'ns/neuron-step',
    note: 'target <= 45 (issue 17); reciprocals of population-wide divisors, time constants 1 / S used as * S, shared reciprocals (19 -> 10 divisions per neuron)',
  });
  const heap = heapProbeInChild();
  if (typeof heap === 'string') {
    rows.push({ name: 'heap per step (small network, 1e6 steps)', median: NaN, unit: 'B/step', note: heap });
  } else {
    rows.push({
      name: `heap per step (HH, Izh, spiking + rate projections, ${heap.steps / 1e6}e6 steps)`,
      median: heap.bytesPerStep,
      unit: 'B/step',
      note: `target 0 (one run; ${heap.gcs} scavenges in ${heap.steps / 1e6}e6 steps; ${(heap.retainedBytes / 1024).toFixed(1)} kB retained after gc)`,
    });
  }
  return rows;
}

// child mode: node --expose-gc --import tsx bench/engine.ts --heap-probe
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--heap-probe')) {
  console.log(JSON.stringify(await heapProbe()));
}
