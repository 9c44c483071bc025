// Convolution and Pooling (ANNarchy's convolution extension): time per post neuron and step,
// and heap growth per step (target 0: the kernels allocate nothing).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Convolution } from '../src/engine/special/convolution.js';
import { Pooling } from '../src/engine/special/pooling.js';
import { Neuron } from '../src/language/neuron.js';
import { median, type BenchRow } from './bench-utils.js';

const INPUT = new Neuron({ parameters: 'baseline = 0.5', equations: 'r = baseline' });
const OUTPUT = new Neuron({ equations: 'r = sum(exc)' });

/** An n x n input, a 3x3 convolution (delayed or not) onto n x n, a 2x2 max-pooling onto n/2 x n/2. */
function network(n: number, delays: number): Network {
  const net = new Network({ dt: 1 });
  const inp = new Population([n, n], INPUT, { network: net });
  inp.baseline = Float64Array.from({ length: n * n }, (_, k) => (k % 17) / 17);
  const edges = new Population([n, n], OUTPUT, { network: net });
  const pooled = new Population([n / 2, n / 2], OUTPUT, { network: net });
  new Convolution(inp, edges, 'exc').connectFilter([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], { delays });
  new Pooling(inp, pooled, 'exc').connectPooling();
  net.compile();
  return net;
}

/** ns per post neuron and step of the step-2 kernel alone (median of `reps`). */
function nsPerPostNeuron(kind: 'conv' | 'pool', reps: number): number {
  const net = network(100, 0);
  const proj = net.projectionsList[kind === 'conv' ? 0 : 1] as Convolution | Pooling;
  const n = proj.post.size;
  for (let k = 0; k < 200; k++) proj.$computeInputs(k);
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    // CPU time of this process: the machine is shared, wall time counts the other processes too
    const t0 = process.cpuUsage();
    for (let k = 0; k < 500; k++) proj.$computeInputs(k);
    const used = process.cpuUsage(t0);
    out.push(((used.user + used.system) * 1e3) / (500 * n));
  }
  return median(out);
}

/**
 * heapUsed growth per step of a 20x20 network with a delayed convolution, from step 5e4 to 5.5e5
 * (64 MB young space: no GC in between; one-off allocations happen before). Needs --expose-gc.
 */
function heapProbe(): { bytesPerStep: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('needs node --expose-gc');
  const net = network(20, 5);
  for (let k = 0; k < 50_000; k++) net.step();
  gc();
  const at = process.memoryUsage().heapUsed;
  for (let k = 0; k < 500_000; k++) net.step();
  return { bytesPerStep: (process.memoryUsage().heapUsed - at) / 500_000 };
}

/** Rows of `npm run bench`. */
export function convolutionRows(reps = 5): BenchRow[] {
  const rows: BenchRow[] = [
    { name: 'Convolution 3x3, 100x100 -> 100x100 (sum, padding 0)', median: nsPerPostNeuron('conv', reps), unit: 'ns/post-neuron-step', note: '9 psp per neuron' },
    { name: 'Pooling max 2x2, 100x100 -> 50x50', median: nsPerPostNeuron('pool', reps), unit: 'ns/post-neuron-step', note: '4 psp per neuron' },
  ];
  const r = spawnSync(process.execPath, ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64', '--import', 'tsx', fileURLToPath(import.meta.url), '--heap-probe'], { encoding: 'utf8' });
  const last = r.stdout?.trim().split('\n').pop() ?? '';
  let bytes = NaN;
  try {
    bytes = (JSON.parse(last) as { bytesPerStep: number }).bytesPerStep;
  } catch {
    bytes = NaN;
  }
  rows.push({ name: 'heap per step (Convolution with delays + Pooling, 20x20, 5e5 steps)', median: bytes, unit: 'B/step', note: Number.isNaN(bytes) ? `probe failed: ${(r.stderr || last).slice(0, 160)}` : 'target 0' });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--heap-probe')) console.log(JSON.stringify(heapProbe()));
  else if (process.argv.includes('--speed')) console.log(nsPerPostNeuron('conv', 5), nsPerPostNeuron('pool', 5));
  else for (const row of convolutionRows()) console.log(row);
}
