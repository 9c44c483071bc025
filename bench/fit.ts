// Fitting and runners: CMA-ES overhead per generation, and candidates evaluated per second on the
// run_opt_neuron_from_neuron fit: serial (one population of lambda_ = 6 neurons per generation,
// as CompNeuroPy) vs the local worker pool (2 threads, a generation split in 2) vs two queue workers.
import { spawn, type ChildProcess } from 'node:child_process';
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

/** Candidates per second through a runner: `split` halves each generation (one CMA run waits for
 * both halves); otherwise whole generations (popsize 6) are independent tasks, as restarts or
 * repeated losses are. */
async function runnerRate(runner: Runner, gens: number[][][], split: boolean): Promise<number> {
  const popsize = split ? 3 : 6;
  const job = { module: evaluatorModule, setup: { problemModule, exportName: 'problem', popsize } };
  const tasks = (g: number[][]) => (split ? [g.slice(0, 3), g.slice(3)] : [g]);
  await evaluateAll(runner, job, [...tasks(gens[0]!), ...tasks(gens[1]!)]); // build in every worker first
  const rates: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    if (split) for (const g of gens) await evaluateAll(runner, job, tasks(g));
    else await evaluateAll(runner, job, gens);
    rates.push((gens.length * 6) / ((performance.now() - t0) / 1000));
  }
  return median(rates);
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
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    for (const g of gens) sim.evaluate(g);
    serialRates.push((gens.length * 6) / ((performance.now() - t0) / 1000));
  }
  const serial = median(serialRates);
  const rows: BenchRow[] = [{ name: 'opt_neuron_from_neuron: candidates per second, serial', median: serial, unit: '1/s', note: 'one population of 6 neurons per generation' }];
  const pool = new LocalPoolRunner({ threads: 2 });
  try {
    const whole = await runnerRate(pool, gens, false);
    rows.push({ name: 'opt_neuron_from_neuron: candidates per second, local pool (2 threads), independent generations', median: whole, unit: '1/s', note: `x${(whole / serial).toFixed(2)} of serial; target >= 1.8x on 2 idle cores` });
    const split = await runnerRate(pool, gens, true);
    rows.push({ name: 'opt_neuron_from_neuron: candidates per second, local pool (2 threads), one CMA run, generation split', median: split, unit: '1/s', note: `x${(split / serial).toFixed(2)} of serial (a step costs the same for 3 or 6 rate neurons)` });
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
  const runner = new QueueRunner({ redis, queue });
  try {
    const rate = await runnerRate(runner, gens, false);
    rows.push({ name: 'opt_neuron_from_neuron: candidates per second, 2 queue workers', median: rate, unit: '1/s', note: `x${(rate / serial).toFixed(2)} of serial, independent generations` });
  } finally {
    await runner.close();
    for (const w of workers) w.kill('SIGTERM');
  }
  return rows;
}
