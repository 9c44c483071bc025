// Fitting and runners: CMA-ES overhead per generation, and candidates evaluated per second in the
// run_opt_neuron_from_neuron fit (CompNeuroPy's example: lambda_ = 6 candidates per generation):
// serial (one population of 6 neurons per generation, as CompNeuroPy) vs the local worker pool
// (one thread per core; each generation split in one chunk of 6/threads neurons per thread, one
// message each) vs two queue workers (one job per worker per generation), in interleaved runs of
// the whole fit (CMA included) with the same seed, whose candidates and losses must be identical.
// Then what bounds the split: one generation's simulation costs nearly as much for 3 neurons as
// for 6. Last, independent generations (restarts, repeated losses) through the batched runners,
// the pool of one thread per core against a pool of one thread, with the process's CPU time.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { BenchRow } from './bench-utils.js';
import { median, timeMs } from './bench-utils.js';
import { benchRedis } from './redis-server.js';
import { CmaStrategy } from '../src/fit/cma-strategy.js';
import { OptNeuron } from '../src/fit/opt-neuron.js';
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

/** Median and range. */
interface Stat {
  median: number;
  min: number;
  max: number;
}
const stat = (xs: number[]): Stat => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const range = (r: Stat, digits = 0) => `${r.min.toFixed(digits)}-${r.max.toFixed(digits)}`;

/** Console output of the fits' set-up (OptNeuron prints its checks) is not bench output. */
async function quiet<T>(fn: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}

/** One seeded fit through a runner: candidates per second from its first to its last generation. */
async function fitRate(runner: 'serial' | Runner, seed: number, maxEvals: number, splitGeneration: 'auto' | boolean = 'auto', lambda?: number) {
  return quiet(async () => {
    const { problem } = await import('../examples/opt-neuron/run-opt-neuron-from-neuron.js');
    // process CPU time (all threads) at each generation's progress report: from the first to the
    // last generation, as the rate (the results file and logbook figure excluded)
    const cpu: number[] = [];
    const progress = {
      next: () => {
        const u = process.cpuUsage();
        cpu.push(u.user + u.system);
      },
    };
    const opt = new OptNeuron({ ...problem, method: 'deap', seed, module: problemModule, runner, displayProgressBar: progress, splitGeneration, cmaParamsDict: lambda ? { lambda_: lambda } : undefined });
    const fit = await opt.run({ maxEvals, resultsFileName: 'bench-fit', deapPlotFile: 'bench-fit.png' });
    const h = opt.lossHistory;
    const last = opt.splitDecisions.at(-1);
    const split = last === undefined ? 'none (threads not ready)' : `${last.split ? 'split' : 'calling thread'}${last.reason === 'short' ? ' (too short to probe)' : ''}`;
    // the timed window (reports 1..n follow generations), kept whole for measurements that add
    // several fits; rate and CPU per generation follow from it
    const window = { candidates: (h.length - 1) * opt.popsize, seconds: h.at(-1)![1] - h[0]![1], cpuMs: (cpu.at(-1)! - cpu[1]!) / 1000, generations: cpu.length - 2 };
    const rate = window.candidates / window.seconds;
    const cpuMs = window.cpuMs / window.generations;
    return { rate, generations: h.length, candidates: fit.deap_pop, losses: h.map((x) => x[0]), best: [fit.a, fit.b, fit.loss], split, cpuMs, window };
  });
}

function generations(count: number): number[][][] {
  const rs = new NumpyRandomState(1);
  return Array.from({ length: count }, () => Array.from({ length: 6 }, () => [rs.uniform(-50, 100) as number, rs.uniform(-50, 150) as number]));
}

/** Candidates per second of independent whole generations (popsize 6 each) through a runner. */
async function independentRate(runner: Runner, gens: number[][][], reps: number, cpuMs?: number[]): Promise<number[]> {
  const job = { module: evaluatorModule, setup: { problemModule, exportName: 'problem', popsize: 6 } };
  const tasks = gens.map((g) => Float64Array.from(g.flat()));
  const rates: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    // CPU time of the whole process (all threads: main, pool, V8's compiler and GC helpers)
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await evaluateAll(runner, job, tasks);
    rates.push((gens.length * 6) / ((performance.now() - t0) / 1000));
    const c = process.cpuUsage(c0);
    cpuMs?.push((c.user + c.system) / 1000 / gens.length);
  }
  return rates;
}

function startWorker(redis: string, queue: string): Promise<ChildProcess> {
  const root = fileURLToPath(new URL('..', import.meta.url)); // resolves tsx
  const cli = fileURLToPath(new URL('../src/run/cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'worker', '--redis', redis, '--queue', queue], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && res(child));
    child.on('exit', (c) => rej(new Error(`bench worker exited with ${c}`)));
  });
}

/** Candidates per second: serial vs local pool vs two queue workers (REDIS_URL or a redis-server started here). */
export async function fitRows(options: { reps?: number; maxEvals?: number } = {}): Promise<BenchRow[]> {
  const reps = options.reps ?? 5;
  const maxEvals = options.maxEvals ?? 100; // generations, as the example
  const load0 = loadavg()[0]!;
  const threads = availableParallelism();
  const cwd = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'bench-fit-'));
  process.chdir(dir); // the fits write their results file and logbook figure
  const pool = new LocalPoolRunner(); // one thread per core, the runner's default
  const redis = await benchRedis();
  const queueName = `bench-${randomUUID()}`;
  let queue: QueueRunner | undefined;
  const workers: ChildProcess[] = [];
  const rows: BenchRow[] = [];
  try {
    if (typeof redis !== 'string') {
      workers.push(...(await Promise.all([startWorker(redis.url, queueName), startWorker(redis.url, queueName)])));
      queue = new QueueRunner({ redis: redis.url, queue: queueName, concurrency: 2 });
    }
    const runners: [string, 'serial' | Runner, 'auto' | boolean][] = [['serial', 'serial', 'auto'], ['pool', pool, 'auto'], ['split', pool, true], ...(queue ? [['queue', queue, 'auto'] as [string, Runner, 'auto']] : [])];
    // warm-up: every worker builds its model (once) and the code is compiled. Each thread is
    // its own V8 isolate, which optimises the whole evaluation path again (about 1 s of TurboFan
    // on V8's helper threads over the first ~1000 evaluations): with a short warm-up the pool's
    // two isolates compile at once, on the cores the evaluations need, and the rows measure that
    const warm = Number(process.env.BENCH_FIT_WARMUP ?? 300);
    for (const [, r, sg] of runners) await fitRate(r, 99, warm, sg);
    const rates: Record<string, number[]> = { serial: [], pool: [], split: [], queue: [] };
    const ratios: Record<string, number[]> = { pool: [], split: [], queue: [] };
    const chosen: string[] = [];
    const cpus: Record<string, number[]> = {};
    const cpuNote = (name: string) => `process CPU ${median(cpus[name]!).toFixed(2)} ms/generation`;
    let identical = true;
    let gens = 0;
    for (let rep = 0; rep < reps; rep++) {
      const seed = 7 + rep;
      const out: Record<string, Awaited<ReturnType<typeof fitRate>>> = {};
      for (const [name, r, sg] of runners) {
        out[name] = await fitRate(r, seed, maxEvals, sg);
        rates[name]!.push(out[name]!.rate);
        (cpus[name] ??= []).push(out[name]!.cpuMs);
      }
      chosen.push(out.pool!.split);
      gens = out.serial!.generations;
      for (const name of Object.keys(out).filter((n) => n !== 'serial')) {
        ratios[name]!.push(out[name]!.rate / out.serial!.rate);
        // timings (rate, CPU, the timed window) differ between runs; everything else must not
        const { rate: _a, split: _c, cpuMs: _e, window: _g, ...a } = out[name]!;
        const { rate: _b, split: _d, cpuMs: _f, window: _h, ...b } = out.serial!;
        identical &&= isDeepStrictEqual(a, b);
      }
    }
    const s = stat(rates.serial!);
    const p = stat(rates.pool!);
    const rp = stat(ratios.pool!);
    const same = identical ? `same candidates, losses and best as serial for ${reps} seeds` : 'RESULTS DIFFER FROM SERIAL';
    rows.push({ name: `opt_neuron_from_neuron fit: candidates per second, serial`, median: s.median, unit: '1/s', note: `CMA + one population of 6 neurons per generation, ${gens} generations; range ${range(s)}; ${cpuNote('serial')}; load ${load0.toFixed(1)}` });
    const sp = stat(rates.split!);
    const rsp = stat(ratios.split!);
    rows.push({ name: `opt_neuron_from_neuron fit: candidates per second, local pool (${threads} threads, default 'auto')`, median: p.median, unit: '1/s', note: `last choice per run: ${chosen.join(', ')}; range ${range(p)}; ${cpuNote('pool')}; ${same}` });
    rows.push({ name: `opt_neuron_from_neuron fit: speed-up, local pool 'auto' / serial`, median: rp.median, unit: 'x', note: `interleaved runs, range ${range(rp, 2)}x; target >= 1 (never slower than serial)` });
    rows.push({ name: `opt_neuron_from_neuron fit: candidates per second, local pool, split forced`, median: sp.median, unit: '1/s', note: `${threads} pool threads, a chunk of ${Math.ceil(6 / threads)} neurons each through shared memory; range ${range(sp)}; ${cpuNote('split')}` });
    rows.push({ name: `opt_neuron_from_neuron fit: speed-up, split forced / serial`, median: rsp.median, unit: 'x', note: `interleaved runs, range ${range(rsp, 2)}x; target >= 1.8x on 2 idle cores (bounded by T(6)/T(3), see below)` });
    if (queue) {
      const q = stat(rates.queue!);
      const rq = stat(ratios.queue!);
      rows.push({ name: 'opt_neuron_from_neuron fit: candidates per second, 2 queue workers', median: q.median, unit: '1/s', note: `one job per worker per generation (Redis${typeof redis !== 'string' && redis.started ? ' started by the bench' : ''}); range ${range(q)}` });
      rows.push({ name: 'opt_neuron_from_neuron fit: speed-up, 2 queue workers / serial', median: rq.median, unit: 'x', note: `interleaved runs, range ${range(rq, 2)}x; both workers on this machine` });
    } else {
      rows.push({ name: 'opt_neuron_from_neuron fit: candidates per second, 2 queue workers', median: NaN, unit: '1/s', note: `skipped: ${redis}` });
    }

    // where the split pays: the same fit with a population of 100 (cmaParamsDict lambda_ 100, as
    // users raise popsize for harder fits). Thread CPU time of one generation, measured at load 8:
    // T(100) 5.1 ms, T(50) 2.4 ms (2.1x), against T(40)/T(20) = 1.8/1.2 ms and T(6)/T(3) = 0.83/0.82 ms
    // CMA-ES converges after ~15 of the 30 generations (~70 ms): one fit is too short a window on
    // a shared machine, so each measurement adds the windows of `fits` fits with different seeds
    const heavy = { lambda: 100, maxEvals: 30, fits: 4 };
    const hr: Record<string, number[]> = { serial: [], split: [], auto: [] };
    const hx: Record<string, number[]> = { split: [], auto: [] };
    const hw: [string, 'serial' | Runner, 'auto' | boolean][] = [['serial', 'serial', 'auto'], ['split', pool, true], ['auto', pool, 'auto']];
    // warm-up: the pool threads' code is optimised for the 50-neuron chunks over several hundred
    // generations (each thread is its own isolate); 20 left a split generation at 3x the CPU
    const heavyWarm = Number(process.env.BENCH_FIT_HEAVY_WARMUP ?? 300);
    for (const [, r, sg] of hw) await fitRate(r, 98, sg === 'auto' ? 20 : heavyWarm, sg, heavy.lambda);
    let heavySame = true;
    const hcpu: Record<string, number[]> = {};
    const heavyChoice: string[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const outs: Record<string, Awaited<ReturnType<typeof fitRate>>[]> = {};
      const rate: Record<string, number> = {};
      for (const [name, r, sg] of hw) {
        const fits = (outs[name] = [] as Awaited<ReturnType<typeof fitRate>>[]);
        for (let j = 0; j < heavy.fits; j++) fits.push(await fitRate(r, 17 + rep * heavy.fits + j, heavy.maxEvals, sg, heavy.lambda));
        const sum = (k: 'candidates' | 'seconds' | 'cpuMs' | 'generations') => fits.reduce((a, f) => a + f.window[k], 0);
        rate[name] = sum('candidates') / sum('seconds');
        hr[name]!.push(rate[name]!);
        (hcpu[name] ??= []).push(sum('cpuMs') / sum('generations'));
      }
      heavyChoice.push(outs.auto!.at(-1)!.split);
      for (const name of ['split', 'auto']) {
        hx[name]!.push(rate[name]! / rate.serial!);
        outs[name]!.forEach((f, j) => {
          heavySame &&= isDeepStrictEqual(f.candidates, outs.serial![j]!.candidates) && isDeepStrictEqual(f.losses, outs.serial![j]!.losses);
        });
      }
    }
    const hs = stat(hr.serial!);
    rows.push({ name: `popsize-100 fit (same problem, lambda_ 100, at most ${heavy.maxEvals} generations): candidates per second, serial`, median: hs.median, unit: '1/s', note: `${heavy.fits} fits per measurement; range ${range(hs)}; process CPU ${median(hcpu.serial!).toFixed(2)} ms/generation; load ${loadavg()[0]!.toFixed(1)}` });
    for (const name of ['split', 'auto']) {
      const x = stat(hx[name]!);
      const r = stat(hr[name]!);
      rows.push({ name: `popsize-100 fit: speed-up, local pool ${name === 'split' ? 'split forced' : "'auto'"} / serial`, median: x.median, unit: 'x', note: `${r.median.toFixed(0)}/s (${range(r)}), CPU ${median(hcpu[name]!).toFixed(2)} ms/generation; interleaved, range ${range(x, 2)}x${name === 'auto' ? `; last choice per run: ${heavyChoice.join(', ')}` : ''}; ${heavySame ? 'same candidates and losses as serial' : 'RESULTS DIFFER FROM SERIAL'}; target >= ${name === 'split' ? '1.8x on 2 idle cores' : '1 (never slower than serial)'}` });
    }

    // what bounds the split: one simulation of the experiment for 1, 3 and 6 neurons
    const { problem } = await import('../examples/opt-neuron/run-opt-neuron-from-neuron.js');
    const g = generations(60);
    const cost: Record<number, number[]> = { 1: [], 3: [], 6: [] };
    for (let rep = 0; rep < reps; rep++) {
      for (const n of [1, 3, 6]) {
        // the engine's network is global: one simulator at a time
        const sim = await quiet(async () => new OptNeuronSimulator(problem, n, { check: false }));
        for (let k = 0; k < 5; k++) sim.evaluate(g[k]!.slice(0, n));
        const t0 = performance.now();
        for (const gen of g) sim.evaluate(gen.slice(0, n));
        cost[n]!.push((performance.now() - t0) / g.length);
      }
    }
    const c = { 1: stat(cost[1]!), 3: stat(cost[3]!), 6: stat(cost[6]!) };
    rows.push({ name: 'one simulation of the experiment (2 x 1000 steps + losses), 1 / 3 / 6 neurons', median: c[6].median, unit: 'ms', note: `6 neurons; 1: ${c[1].median.toFixed(3)} (${range(c[1], 3)}), 3: ${c[3].median.toFixed(3)} (${range(c[3], 3)}), 6: ${range(c[6], 3)}` });
    rows.push({ name: 'ceiling of a generation split in two: T(6 neurons) / T(3 neurons)', median: c[6].median / c[3].median, unit: 'x', note: 'the most a 2-thread split can gain, before messages and CMA' });

    // the cost of handing a generation to the threads: one chunk of 3 candidates each, no work
    const noop = { module: new URL('./noop-evaluator.ts', import.meta.url).href, setup: {} };
    const chunk = () => [Float64Array.of(1, 2, 3, 4, 5, 6), Float64Array.of(1, 2, 3, 4, 5, 6)];
    await evaluateAll(pool, noop, chunk());
    const trips: number[] = [];
    for (let k = 0; k < 300; k++) {
      const t0 = performance.now();
      await evaluateAll(pool, noop, chunk());
      trips.push(performance.now() - t0);
    }
    const rt = stat(trips);
    const session = await pool.openSession(noop, { inputCapacity: 6, outputCapacity: 1 });
    const sessionTrips: number[] = [];
    try {
      for (let k = 0; k < 300; k++) await session.evaluate(chunk());
      for (let k = 0; k < 300; k++) {
        const t0 = performance.now();
        await session.evaluate(chunk());
        sessionTrips.push(performance.now() - t0);
      }
    } finally {
      await session.close();
    }
    const st = stat(sessionTrips);
    rows.push({ name: `local pool session round trip (shared memory, Atomics.wait/notify): a chunk to each of ${threads} threads and back`, median: st.median * 1000, unit: 'µs', note: `300 trips, range ${range({ min: st.min * 1000, max: st.max * 1000, median: 0 })} µs` });
    rows.push({ name: `local pool round trip: a chunk to each of ${threads} threads and back, no evaluation`, median: rt.median * 1000, unit: 'µs', note: `300 trips, range ${range({ min: rt.min * 1000, max: rt.max * 1000, median: 0 })} µs` });

    // independent generations (restarts, repeated losses): batched messages / jobs; the pool
    // against a pool of one thread (both warmed up to the same count of evaluations per thread,
    // interleaved), so that the ratio compares the same code in the same kind of thread
    const serialEval = cost[6]!.map((ms) => 6000 / ms);
    const many = generations(600);
    const one = new LocalPoolRunner({ threads: 1 });
    try {
      // the same count of evaluations per thread before timing (1200 of popsize 6): each thread's
      // isolate is still optimising for about the first thousand
      await independentRate(one, many, 2);
      await independentRate(pool, many, 2 * threads);
      const ip: number[] = [];
      const i1: number[] = [];
      const ratio: number[] = [];
      const cpu1: number[] = [];
      const cpuN: number[] = [];
      for (let rep = 0; rep < reps; rep++) {
        const [a] = await independentRate(one, many, 1, cpu1);
        const [b] = await independentRate(pool, many, 1, cpuN);
        i1.push(a!);
        ip.push(b!);
        ratio.push(b! / a!);
      }
      const sp = stat(ip);
      const s1 = stat(i1);
      const sr = stat(ratio);
      rows.push({ name: `independent generations: candidates per second, local pool (${threads} threads, batched)`, median: sp.median, unit: '1/s', note: `x${(sp.median / median(serialEval)).toFixed(2)} of the serial population (${median(serialEval).toFixed(0)}/s); range ${range(sp)}; 600 generations per run` });
      rows.push({ name: 'independent generations: candidates per second, local pool (1 thread)', median: s1.median, unit: '1/s', note: `range ${range(s1)}` });
      rows.push({ name: `independent generations: speed-up, local pool ${threads} threads / 1 thread`, median: sr.median, unit: 'x', note: `interleaved runs, range ${range(sr, 2)}x; target >= 1.7x on 2 idle cores` });
      // what the wall clock cannot show on a busy machine: whether a second thread makes each
      // generation cost more CPU (if not, the speed-up is bounded by the idle cores alone)
      const c1 = stat(cpu1);
      const cN = stat(cpuN);
      rows.push({ name: `independent generations: process CPU time per generation, 1 thread / ${threads} threads`, median: cN.median, unit: 'ms', note: `${threads} threads: range ${range(cN, 3)}; 1 thread: ${c1.median.toFixed(3)} (${range(c1, 3)}); all threads of the process` });
    } finally {
      await one.close();
    }
    if (queue) {
      const iq = stat(await independentRate(queue, g, reps));
      rows.push({ name: 'independent generations: candidates per second, 2 queue workers (batched jobs)', median: iq.median, unit: '1/s', note: `x${(iq.median / median(serialEval)).toFixed(2)} of the serial population; range ${range(iq)}; load at the end ${loadavg()[0]!.toFixed(1)}` });
    }
  } finally {
    await pool.close();
    await queue?.close();
    for (const w of workers) w.kill('SIGTERM');
    if (typeof redis !== 'string') await redis.stop();
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
