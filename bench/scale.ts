// Large networks: construction time and memory (max RSS), each measured in a fresh child process
// so that one case's heap does not inflate the next one's resident set.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { Normal } from '../src/engine/random/random-distribution.js';
import { HHneuronBischop } from '../src/models/hh-neuron-bischop.js';
import { COBA } from './coba.js';
import { median, type BenchRow } from './bench-utils.js';

/** What a child reports. */
interface ChildResult {
  /** Seconds from `new Network` to the end of `compile()` (wall, and CPU of the process). */
  buildWall: number;
  buildCpu: number;
  synapses: number;
  neurons: number;
  /** Max resident set of the child, bytes. */
  maxRss: number;
}

/** COBA with n neurons (80 % excitatory), p = 0.02 (the construction and memory cases). */
function buildCoba(n: number, projections: boolean): { net: Network; synapses: () => number } {
  const net = new Network({ dt: 0.1, seed: 42 });
  const P = new Population(n, COBA, { network: net });
  P.v = new Normal(-55.0, 5.0);
  P.g_exc = new Normal(4.0, 1.5);
  P.g_inh = new Normal(20.0, 12.0);
  const projs: Projection[] = [];
  if (projections) {
    projs.push(new Projection(P.slice(0, n * 0.8), P, 'exc').connectFixedProbability({ weights: 0.6, probability: 0.02 }));
    projs.push(new Projection(P.slice(n * 0.8, n), P, 'inh').connectFixedProbability({ weights: 6.7, probability: 0.02 }));
  }
  return { net, synapses: () => projs.reduce((a, p) => a + p.nbSynapses, 0) };
}

/** One case, run in this process: build, compile, simulate `ms`, report. */
function runCase(name: string): ChildResult {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let neurons = 0;
  let net: Network;
  let synapses = () => 0;
  if (name === 'baseline') {
    net = new Network({ dt: 0.1 });
  } else if (name.startsWith('coba')) {
    neurons = 16000;
    ({ net, synapses } = buildCoba(neurons, name === 'coba'));
  } else if (name === 'hh') {
    neurons = 1e6;
    net = new Network({ dt: 0.01 });
    const pop = new Population(neurons, HHneuronBischop, { network: net });
    pop.I_app = 50;
  } else throw new Error(`bench/scale: unknown case ${name}`);
  net.compile();
  const c = process.cpuUsage(c0);
  const buildWall = (performance.now() - t0) / 1000;
  if (neurons > 0) net.simulate(name === 'hh' ? 0.1 : 10);
  return { buildWall, buildCpu: (c.user + c.system) / 1e6, synapses: synapses(), neurons, maxRss: process.resourceUsage().maxRSS * 1024 };
}

function inChild(bundle: string, name: string): ChildResult | string {
  const r = spawnSync(process.execPath, [bundle, '--case', name], { encoding: 'utf8' });
  const last = r.stdout?.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as ChildResult;
  } catch {
    return `bench/scale ${name} failed: ${(r.stderr || r.error?.message || last).slice(0, 200)}`;
  }
}

const MB = 1024 * 1024;
const range = (xs: number[], f: (x: number) => string) => `${f(Math.min(...xs))}-${f(Math.max(...xs))}`;

/** Rows: COBA 16000 construction; max RSS of COBA 16000 and 1e6 HH_Bischop; bytes per neuron and synapse. */
export function scaleRows(repeats = 3): BenchRow[] {
  const runs: Record<string, ChildResult[]> = { baseline: [], coba: [], cobaNeurons: [], hh: [] };
  const failed: string[] = [];
  // the children run this file bundled with plain node: tsx's loader thread and transform cache
  // would add ~60 MB to every resident set
  // inside the package: modules loaded at run time (mathjs) resolve from its node_modules
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'bench-scale-'));
  const bundle = join(dir, 'scale.mjs');
  try {
    // some bundled CommonJS modules call require(): give the ESM bundle one
    const banner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";
    buildSync({ entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error', banner: { js: banner } });
    // interleaved, so that a busy spell of the machine spreads over all cases
    for (let k = 0; k < repeats; k++) {
      for (const name of Object.keys(runs)) {
        const r = inChild(bundle, name);
        if (typeof r === 'string') failed.push(r);
        else runs[name]!.push(r);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed.length > 0) return [{ name: 'large networks (construction, memory)', median: NaN, unit: '', note: failed[0]! }];
  const med = (name: string, f: (r: ChildResult) => number) => median(runs[name]!.map(f));
  const rss = (name: string) => med(name, (r) => r.maxRss);
  const coba = runs.coba!;
  const synapses = coba[0]!.synapses;
  const base = rss('baseline');
  return [
    {
      name: `COBA 16000 neurons, p = 0.02 (${(synapses / 1e6).toFixed(2)}M synapses): network built and compiled`,
      median: med('coba', (r) => r.buildWall),
      unit: 's',
      note: `target <= 1.5 (wall; range ${range(coba.map((r) => r.buildWall), (x) => x.toFixed(2))}, CPU ${med('coba', (r) => r.buildCpu).toFixed(2)} s); Brian2 1-2 s for its whole binary`,
    },
    { name: 'max RSS, COBA 16000 built, compiled, 10 ms simulated', median: rss('coba') / MB, unit: 'MB', note: `target <= 200 (range ${range(coba.map((r) => r.maxRss / MB), (x) => x.toFixed(0))}); Node with the library loaded ${(base / MB).toFixed(0)} MB` },
    { name: 'max RSS, 1e6 HH_Bischop neurons compiled, 0.1 ms simulated', median: rss('hh') / MB, unit: 'MB', note: `target <= 200 (range ${range(runs.hh!.map((r) => r.maxRss / MB), (x) => x.toFixed(0))}); Brian2 103 MB` },
    { name: 'memory per HH_Bischop neuron (1e6 neurons, RSS above the loaded library)', median: (rss('hh') - base) / 1e6, unit: 'B', note: 'Brian2 ~100 B (103 MB max RSS for 1e6 neurons, with its runtime); transients nothing reads have no array' },
    { name: 'memory per synapse (COBA 16000 minus the same neurons without projections)', median: (rss('coba') - rss('cobaNeurons')) / synapses, unit: 'B', note: 'pre rank, weight and inverse index per synapse; Brian2: COBA 4000 (~320k synapses) 15 MB max RSS in all, < 47 B per synapse' },
  ];
}

// child mode: node <bundle of this file> --case <name>
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--case');
  if (at > 0) console.log(JSON.stringify(runCase(process.argv[at + 1]!)));
}
