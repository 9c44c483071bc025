// `npx tsx bench/coba-floor.ts`: how close COBA's neuron update is to what this CPU allows.
// Its three divisions per neuron (`(...) / tau`, `g_exc / tau_exc`, `g_inh / tau_inh`) must stay
// divisions (bit-identical to ANNarchy), and f64x2.div has one divider behind it: a loop doing
// only those divisions (loads, divisions, stores, compiled by the same SIMD generator) is the
// floor the update cannot go below. The fastMath row (divisions by population constants made
// multiplications) shows what the rest of the update costs. All three run interleaved, CPU time.
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { Normal } from '../src/engine/random/random-distribution.js';
import { planSimdLoop } from '../src/language/wasm/simd-loop.js';
import { median, printTable, type BenchRow } from './bench-utils.js';
import { COBA } from './coba.js';

const N = 4000;
const CALLS = 200;

/** Update kernel of a COBA network's population after 200 ms of network activity (state restored before each timing). */
function cobaUpdate(fastMath: boolean): () => void {
  const net = new Network({ dt: 0.1, seed: 42, backend: 'wasm', fastMath });
  const P = new Population(N, COBA, { network: net });
  P.v = new Normal(-55.0, 5.0);
  P.g_exc = new Normal(4.0, 1.5);
  P.g_inh = new Normal(20.0, 12.0);
  new Projection(P.slice(0, 3200), P, 'exc').connectFixedProbability({ weights: 0.6, probability: 0.02 });
  new Projection(P.slice(3200, N), P, 'inh').connectFixedProbability({ weights: 6.7, probability: 0.02 });
  net.compile();
  net.simulate(200);
  const simd = (P.$updateKernel as { simd?: { ready: boolean; full: (n: number) => number } } | undefined)?.simd;
  if (!simd?.ready) throw new Error('coba-floor: the COBA update does not run in WebAssembly here');
  const names = ['v', 'g_exc', 'g_inh'] as const;
  const arrays = names.map((x) => P[x] as Float64Array);
  const saved = arrays.map((a) => Float64Array.from(a));
  const full = simd.full;
  return () => {
    arrays.forEach((a, k) => a.set(saved[k]!));
    for (let c = 0; c < CALLS; c++) full(N);
  };
}

/** The same three divisions per neuron alone: `o[i] = x[i] / tau` for three arrays. */
function divisionsOnly(): () => void {
  const names = ['$v', '$ge', '$gi', '$ov', '$oe', '$oi'];
  const plan = planSimdLoop([{ name: 'full', lines: ['$ov[i] = $v[i] / $tau;', '$oe[i] = $ge[i] / $tau_exc;', '$oi[i] = $gi[i] / $tau_inh;'] }], {
    arrays: Object.fromEntries(names.map((x) => [x, 'f64' as const])),
    helpers: '',
  });
  const bytesPer = 8 * N + 64;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((names.length * bytesPer + 8 * plan.scalars.length) / 65536) + 1 });
  const bases = Object.fromEntries(names.map((x, k) => [x, k * bytesPer]));
  const params = names.length * bytesPer;
  const module = new WebAssembly.Module(plan.emit({ bases, table: 0, params }));
  const full = (new WebAssembly.Instance(module, { e: { m: memory } }).exports as { full: (n: number) => number }).full;
  const values: Record<string, number> = { $tau: 20, $tau_exc: 5, $tau_inh: 10 };
  new Float64Array(memory.buffer, params, plan.scalars.length).set(plan.scalars.map((s) => values[s]!));
  // conductance-like values (no subnormals: they divide at another speed)
  for (const x of ['$v', '$ge', '$gi']) new Float64Array(memory.buffer, bases[x]!, N).forEach((_, i, a) => (a[i] = -60 + (i % 97) * 0.37));
  return () => {
    for (let c = 0; c < CALLS; c++) full(N);
  };
}

/** ns per neuron-step of each function, interleaved, CPU time; also the ratios to the last one. */
function interleaved(fns: (() => void)[], reps: number): number[][] {
  const out = fns.map(() => [] as number[]);
  for (const f of fns) f(); // warm-up: TurboFan's code installed
  for (let r = 0; r < reps; r++) {
    fns.forEach((f, k) => {
      const c0 = process.cpuUsage();
      f();
      const c = process.cpuUsage(c0);
      out[k]!.push(((c.user + c.system) * 1e3) / (CALLS * N));
    });
  }
  return out;
}

const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;
const [exact, fast, floor] = interleaved([cobaUpdate(false), cobaUpdate(true), divisionsOnly()], 21);
const ratio = exact!.map((x, k) => x / floor![k]!);
const rows: BenchRow[] = [
  { name: 'COBA neuron update alone, 4000 neurons (WebAssembly, called directly)', median: median(exact!), unit: 'ns/neuron-step', note: `range ${range(exact!)}; ${median(ratio).toFixed(2)}x the floor below (per-rep ratios ${range(ratio)})` },
  { name: 'the same with fastMath (divisions by population constants multiplied: last bits differ)', median: median(fast!), unit: 'ns/neuron-step', note: `range ${range(fast!)}` },
  { name: 'floor: its 3 divisions per neuron alone (f64x2, loads + stores, same generator)', median: median(floor!), unit: 'ns/neuron-step', note: `range ${range(floor!)}` },
];
printTable(rows);
