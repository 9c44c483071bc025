/**
 * Issue 18's target: every description of up to 10,000 characters compiles or fails with a
 * ModelError in under 1 s. Rows: the worst cases found (nested exp in an event-driven ODE, a
 * 20-conductance implicit ODE, a 2000-term sum, 200 coupled implicit ODEs), and the slowest of
 * a fast-check sample of generated descriptions grown towards 10,000 characters.
 */
import fc from 'fast-check';
import { Neuron, type NeuronOptions } from '../src/language/neuron.js';
import { Synapse } from '../src/language/synapse.js';
import { validNeuron, generatedNeuron } from '../fuzz/arbitraries.js';
import { median, type BenchRow } from './bench-utils.js';

/** Wall time (ms) to analyse and generate `make()`'s kernels, whether it compiles or throws. */
function compileMs(make: () => { kernelSource(): unknown }): number {
  const t0 = performance.now();
  try {
    make().kernelSource();
  } catch {
    // a ModelError is an answer too
  }
  return performance.now() - t0;
}

/** Median over `reps` fresh compiles (a fresh Neuron each time: analysis is cached per instance). */
function row(name: string, make: () => { kernelSource(): unknown }, reps: number): BenchRow {
  compileMs(make);
  const ts = Array.from({ length: reps }, () => compileMs(make));
  return { name, median: median(ts), unit: 'ms', note: `range ${Math.min(...ts).toFixed(0)}-${Math.max(...ts).toFixed(0)}; target < 1000` };
}

/** A description grown from generated statements to about `chars` characters. */
function grown(seed: NeuronOptions, extra: string[], chars: number): NeuronOptions {
  let eqs = seed.equations ?? '';
  for (let k = 0; eqs.length < chars && k < extra.length; k++) eqs += `\nw${k} = ${extra[k]}`;
  return { ...seed, equations: eqs.slice(0, chars) };
}

export function hostileCompileRows(reps = 3, samples = 60): BenchRow[] {
  let nested = 'x';
  for (let k = 0; k < 20; k++) nested = `exp(${nested})`;
  const g = Array.from({ length: 20 }, (_, k) => k);
  const conductances = {
    parameters: `${g.map((k) => `g${k} = 0.1\n E${k} = ${k - 80}`).join('\n')}\n C = 1`,
    equations: `C * dv/dt = ${g.map((k) => `g${k}*(E${k} - v)`).join(' + ')} : implicit`,
    spike: 'v > 0',
  };
  const coupled = Array.from({ length: 200 }, (_, k) => `tau * dx${k}/dt = ${k > 0 ? `x${k - 1}` : '1'} - x${k} : implicit`).join('\n');
  const rows: BenchRow[] = [
    row('compile: exp nested 20 deep, event-driven (refused)', () => new Synapse({ parameters: 'tau = 10', equations: `tau * dx/dt = -x + ${nested} : event-driven`, preSpike: 'g_target += w' }), reps),
    row('compile: implicit ODE with 20 conductance terms', () => new Neuron(conductances), reps),
    row('compile: 2000-term sum (refused)', () => new Neuron({ equations: `dv/dt = ${Array(2000).fill('v').join(' + ')}`, spike: 'v > 1' }), reps),
    row('compile: 200 coupled implicit ODEs, 7.7k chars (refused)', () => new Neuron({ parameters: 'tau = 10', equations: coupled, spike: 'x0 > 1' }), reps),
  ];
  // generated descriptions grown towards 10,000 characters: the slowest one counts
  const seeds = fc.sample(fc.oneof(validNeuron, generatedNeuron), { numRuns: samples, seed: 18 });
  const extra = fc.sample(fc.string({ minLength: 0, maxLength: 1 }).chain(() => fc.constantFrom('v', 'tau * 2', 'exp(-v / tau)', 'ite(v > 0, 1, 0)')), { numRuns: 2000, seed: 18 });
  const times = seeds.map((s) => compileMs(() => new Neuron(grown(s, extra, 10_000))));
  rows.push({ name: `compile: ${samples} generated descriptions of ~10,000 chars (slowest)`, median: Math.max(...times), unit: 'ms', note: `median ${median(times).toFixed(0)}; target < 1000` });
  return rows;
}

if (process.argv[1]?.endsWith('hostile-compile.ts')) {
  const { printTable } = await import('./bench-utils.js');
  printTable(hostileCompileRows());
}
