// Fitting and runners: CMA-ES overhead per generation, and candidates evaluated per second on the
// run_opt_neuron_from_neuron fit: serial (one population of lambda_ = 6 neurons per generation,
// as CompNeuroPy) vs the local worker pool (one thread per core, each building the model once)
// vs two queue workers; the speed-ups are rows of their own beside the issue's >= 1.8x target.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-utils.js';
import { median, timeMs } from './bench-utils.js';
import { CmaStrategy } from '../src/fit/cma-strategy.js';
import { OptNeuronSimulator } from '../src/fit/opt-neuron-simulator.js';
import { LocalPoolRunner } from '../src/run/local-pool-runner.js';
import { QueueRunner } from '../src/run/queue-runner.js';
import { evaluateAll, type Runner } from '../src/run/runner.js';
import { siblingModule } from '../src/run/module-url.js';
import { NumpyRandomState } from '../src/engine/random/numpy-legacy.js';

const problemModule = new URL('../examples/opt-neuron/run-opt-neuron-from-neuron.ts', import.meta.url).href;
const evaluatorModule = siblingModule(new URL('../src/fit/opt-neuron-evaluator.ts', import.meta.url).href, './opt-neuron-evaluator.js');

/** CMA-ES generate + update per generation (evaluation excluded), µs. */
export function cmaRows(): BenchRow[] {
  return [2, 10, 30].map((n) => {
    const s = new CmaStrategy(new Array(n).fill(0.5), 0.25, { seed: 0 });
    const us = timeMs(() => {
      for (let g = 0; g < 100; g++) {
        const pop = s.generate();
        s.update(pop.map((x) => ({ x, loss: x.reduce((a, v) => a + (v - 0.3) ** 2, 0) })));
      }
    }, 5) * 10; // ms per 100 generations -> µs per generation
    return { name: `CMA-ES overhead per generation, N = ${n} (lambda ${s.lambda_})`, median: us, unit: 'µs', note: 'generate + update, no evaluation' };
  });
}

function generations(count: number): number[][][] {
  const rs = new NumpyRandomState(1);
  return Array.from({ length: count }, () => Array.from({ length: 6 }, () => [(rs.uniform(-50, 100) as number), (rs.uniform(-50, 150) as number)]));
}

/** Median and range of some rates. */
interface Rate {
  median: number;
  min: number;
  max: number;
}
const rate = (xs: number[]): Rate => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const range = (r: Rate) => `${r.min.toFixed(0)}-${r.max.toFixed(0)}/s`;

/** Candidates per second through a runner: `split` cuts each generation in `runner.concurrency`
 * chunks (one CMA run waits for all of them); otherwise whole generations (popsize 6) are
 * independent tasks, as restarts or repeated losses are. */
async function runnerRate(runner: Runner, gens: number[][][], split: boolean): Promise<Rate> {
  const parts = split ? Math.min(6, runner.concurrency) : 1;
  const chunk = Math.ceil(6 / parts);
  const job = { module: evaluatorModule, setup: { problemModule, exportName: 'problem', popsize: chunk } };
  const tasks = (g: number[][]) => (split ? Array.from({ length: Math.ceil(g.length / chunk) }, (_, i) => g.slice(i * chunk, (i + 1) * chunk)) : [g]);
  // every worker builds the model (once) before the clock starts: two tasks per worker in flight
  await evaluateAll(runner, job, Array.from({ length: 2 * runner.concurrency }, (_, i) => tasks(gens[i % gens.length]!)).flat());
  const rates: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    if (split) for (const g of gens) await evaluateAll(runner, job, tasks(g));
    else await evaluateAll(runner, job, gens);
    rates.push((gens.length * 6) / ((performance.now() - t0) / 1000));
  }
  return rate(rates);
}

function startWorker(redis: string, queue: string): Promise<ChildProcess> {
  const cli = fileURLToPath(new URL('../src/run/cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'worker', '--redis', redis, '--queue', queue], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && res(child));
    child.on('exit', (c) => rej(new Error(`bench worker exited with ${c}`)));
  });
}

/** Candidates per second: serial vs local pool vs two queue workers (REDIS_URL). */
export async function fitRows(): Promise<BenchRow[]> {
  const { problem } = await import('../examples/opt-neuron/run-opt-neuron-from-neuron.js');
  const gens = generations(40);
  const log = console.log;
  console.log = () => {};
  const sim = new OptNeuronSimulator(problem, 6, { check: false });
  console.log = log;
  sim.evaluate(gens[0]!);
  const serialRates: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    for (const g of gens) sim.evaluate(g);
    serialRates.push((gens.length * 6) / ((performance.now() - t0) / 1000));
  }
  const serial = rate(serialRates);
  const rows: BenchRow[] = [{ name: 'opt_neuron_from_neuron: candidates per second, serial', median: serial.median, unit: '1/s', note: `one population of 6 neurons per generation; range ${range(serial)}` }];
  const threads = availableParallelism();
  const pool = new LocalPoolRunner(); // one thread per core, the runner's default
  try {
    const whole = await runnerRate(pool, gens, false);
    rows.push({ name: `opt_neuron_from_neuron: candidates per second, local pool (${threads} threads), independent generations`, median: whole.median, unit: '1/s', note: `range ${range(whole)}` });
    rows.push({ name: `opt_neuron_from_neuron: speed-up, local pool (${threads} threads) / serial`, median: whole.median / serial.median, unit: 'x', note: `target >= 1.8x on 2 idle cores; range ${(whole.min / serial.max).toFixed(2)}-${(whole.max / serial.min).toFixed(2)}x` });
    const split = await runnerRate(pool, gens, true);
    rows.push({ name: `opt_neuron_from_neuron: candidates per second, local pool (${threads} threads), one CMA run, generation split`, median: split.median, unit: '1/s', note: `x${(split.median / serial.median).toFixed(2)} of serial (a step costs about the same for 3 or 6 rate neurons); range ${range(split)}` });
  } finally {
    await pool.close();
  }
  const redis = process.env.REDIS_URL;
  if (!redis) {
    rows.push({ name: 'opt_neuron_from_neuron: candidates per second, 2 queue workers', median: NaN, unit: '1/s', note: 'skipped: REDIS_URL unset' });
    return rows;
  }
  const queue = `bench-${randomUUID()}`;
  const workers = await Promise.all([startWorker(redis, queue), startWorker(redis, queue)]);
  const runner = new QueueRunner({ redis, queue, concurrency: 2 });
  try {
    const q = await runnerRate(runner, gens, false);
    rows.push({ name: 'opt_neuron_from_neuron: candidates per second, 2 queue workers', median: q.median, unit: '1/s', note: `independent generations; range ${range(q)}` });
    rows.push({ name: 'opt_neuron_from_neuron: speed-up, 2 queue workers / serial', median: q.median / serial.median, unit: 'x', note: `both workers on this machine (target of the pool: >= 1.8x on 2 idle cores); range ${(q.min / serial.max).toFixed(2)}-${(q.max / serial.min).toFixed(2)}x` });
  } finally {
    await runner.close();
    for (const w of workers) w.kill('SIGTERM');
  }
  return rows;
}
