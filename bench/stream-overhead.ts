/**
 * Cost of the reactive path: the seed example's four simulations (one HH_Bischop neuron,
 * dt 0.01, 4 x 100000 steps, v recorded every step) through CompNeuroSim + protocols +
 * simulate$ versus a raw `network.step()` loop; and the heap retained over 1e6 steps of
 * `simulate$` (frames are short-lived; the hot path allocates nothing else per step).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Monitor } from '../src/engine/monitor.js';
import { HHneuronBischop } from '../src/models/hh-neuron-bischop.js';
import { CompNeuroSim } from '../src/experiment/comp-neuro-sim.js';
import { currentRamp } from '../operators/current-ramp.js';
import { currentStep } from '../operators/current-step.js';
import { simulate$ } from '../src/stream/simulate.js';
import { median, type BenchRow } from './bench-utils.js';



function seedModel(): { net: Network; pop: Population; mon: Monitor } {
  const net = new Network({ dt: 0.01, seed: 1 });
  const pop = new Population(1, HHneuronBischop, { name: 'HH_Bischop', network: net });
  net.compile();
  const mon = new Monitor(pop, ['v']);
  return { net, pop, mon };
}

/** Reset as the seed experiment does: time 0, compile state, then the stored v = -90. */
function resetToSnapshot(net: Network, pop: Population, keepParameters: boolean): void {
  const E_L = pop.E_L as number;
  net.reset({ monitors: false });
  if (keepParameters) pop.E_L = E_L;
  pop.v = -90;
}

function rawRun(net: Network, pop: Population): void {
  const steps = (n: number) => {
    for (let k = 0; k < n; k++) net.step();
  };
  for (const E_L of [-68, -90]) {
    resetToSnapshot(net, pop, false);
    pop.E_L = E_L;
    const prev = pop.I_app as Float64Array;
    let amp = 0;
    const da = 100 / 49;
    for (let s = 0; s < 50; s++) {
      pop.I_app = amp;
      steps(2000);
      amp += da;
    }
    pop.I_app = prev;
    resetToSnapshot(net, pop, true);
    pop.I_app = 0;
    steps(50000);
    pop.I_app = 50;
    steps(50000);
    pop.I_app = prev;
  }
}

function reactiveRun(net: Network, pop: Population, simRamp: CompNeuroSim, simStep: CompNeuroSim): void {
  for (const E_L of [-68, -90]) {
    resetToSnapshot(net, pop, false);
    pop.E_L = E_L;
    simRamp.run();
    resetToSnapshot(net, pop, true);
    simStep.run();
  }
}

function timeIt(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0);
}

function getGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/**
 * Rows: raw and reactive ns per step of the seed example's four simulations, the overhead in
 * percent (target <= 25 %), and the heap retained after 1e6 steps of `simulate$`.
 *
 * @example
 * ```ts
 * for (const r of streamOverhead()) console.log(r.name, r.median, r.unit);
 * ```
 */
export function streamOverhead(opts: { repeats?: number; heapSteps?: number } = {}): BenchRow[] {
  const repeats = opts.repeats ?? 5;
  const heapSteps = opts.heapSteps ?? 1_000_000;
  const STEPS = 400000;

  const raw = seedModel();
  const rx = seedModel();
  const simRamp = new CompNeuroSim({ simulationFunction: currentRamp, simulationKwargs: { pop: rx.pop, a0: 0, a1: 100, dur: 1000, n: 50 }, name: 'bench_ramp' });
  const simStep = new CompNeuroSim({ simulationFunction: currentStep, simulationKwargs: { pop: rx.pop, t1: 500, t2: 500, a1: 0, a2: 50 }, name: 'bench_step' });

  const rawNs: number[] = [];
  const rxNs: number[] = [];
  const ratios: number[] = [];
  rawRun(raw.net, raw.pop); // warm-up (JIT)
  reactiveRun(rx.net, rx.pop, simRamp, simStep);
  for (let r = 0; r < repeats; r++) {
    raw.net.reset({ monitors: true });
    rx.net.reset({ monitors: true });
    // alternate the order so neither path always runs on a warmer machine
    const a = r % 2 === 0 ? timeIt(() => rawRun(raw.net, raw.pop)) : 0;
    const b = timeIt(() => reactiveRun(rx.net, rx.pop, simRamp, simStep));
    const c = r % 2 === 1 ? timeIt(() => rawRun(raw.net, raw.pop)) : a;
    rawNs.push(c / STEPS);
    rxNs.push(b / STEPS);
    ratios.push(b / c);
  }
  // same numbers on both paths
  const vRaw = raw.mon.get('v') as { data: Float64Array };
  const vRx = rx.mon.get('v') as { data: Float64Array };
  let same = vRaw.data.length === vRx.data.length;
  for (let k = 0; same && k < vRaw.data.length; k++) same = vRaw.data[k] === vRx.data[k];

  // Heap retained over 1e6 steps of simulate$ (no monitor, whose buffers grow by design).
  const gc = getGc();
  const h = seedModel();
  h.mon.pause?.();
  h.net.removeRecorder(h.mon);
  h.pop.I_app = 10;
  simulate$(10, { network: h.net }).subscribe();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let frames = 0;
  simulate$(heapSteps * 0.01, { network: h.net }).subscribe(() => frames++);
  gc?.();
  const after = process.memoryUsage().heapUsed;

  return [
    { name: 'stream: seed example, raw network.step() loop', median: median(rawNs), unit: 'ns/step', note: `4 x 100000 steps, 1 HH_Bischop neuron, v recorded; ${repeats} repeats` },
    { name: 'stream: seed example, CompNeuroSim + protocols + simulate$', median: median(rxNs), unit: 'ns/step', note: `identical v traces: ${same ? 'yes' : 'NO'}` },
    { name: 'stream: reactive overhead', median: (median(ratios) - 1) * 100, unit: '%', note: 'target <= 25 %' },
    { name: 'stream: heap retained over 1e6 simulate$ steps', median: (after - before) / frames, unit: 'bytes/step', note: `${frames} frames, ${after - before} bytes in total${gc ? ' after gc' : ' (no gc available: upper bound)'}` },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of streamOverhead()) console.log(`${r.name.padEnd(62)} ${r.median.toFixed(2).padStart(10)} ${r.unit.padEnd(10)} ${r.note}`);
}
