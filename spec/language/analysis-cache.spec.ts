import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neuron, type NeuronOptions } from '../../src/language/neuron.js';
import { ModelError } from '../../src/language/model-error.js';
import { Constant, clearConstants } from '../../src/language/constant.js';
import { analysisCacheDir, analysisCacheStats, resetAnalysisCache, MAX_ENTRIES, MAX_ENTRY_BYTES } from '../../src/language/analysis-cache.js';
import { decodeValue, encodeValue } from '../../src/language/ir-codec.js';
import { assemblePopulationKernels, generatePopulationKernels, populationKernelParts } from '../../src/language/population-codegen.js';
import { math } from '../../src/language/math.js';
import { HHneuronBischopClass } from '../../src/models/hh-neuron-bischop.js';
import { Izhikevich2003NoisyAmpa } from '../../src/models/izhikevich-2003.js';
import { IF_cond_alpha, HH_cond_exp } from '../../src/models/annarchy/index.js';
import { LeakyIntegrator } from '../../src/models/annarchy/neurons.js';
import { PoissonNeuronSin } from '../../src/models/artificial-neurons.js';
import { Synapse, type SynapseOptions } from '../../src/language/synapse.js';
import { Hebb, IBCM, Oja, STDP, STP } from '../../src/models/annarchy/synapses.js';
import { FactorSynapse } from '../../src/models/factor-synapse.js';

const OPTION_KEYS = ['parameters', 'equations', 'spike', 'reset', 'refractory', 'functions', 'axonSpike', 'axonReset', 'name'] as const;
const optionsOf = (n: Neuron): NeuronOptions => Object.fromEntries(OPTION_KEYS.map((k) => [k, n[k]])) as NeuronOptions;

// every feature of the neuron language: functions, randoms, bounds, int/bool flags, global
// operations, refractory by name, axonal spikes, a conditional, constants, -0 and tiny values
const kitchenSink = (name: string): NeuronOptions => ({
  name,
  parameters: `
    tau = 10.0 : population
    v_rest = -0.0
    tiny = 1e-300
    n_max = 3 : int
    on = True : bool
    ref = 2.0
  `,
  functions: 'sig(x, k) = 1.0 / (1.0 + exp(-x / k))',
  equations: `
    I = if on: sig(v - v_rest, 2.0) + Normal(0.0, 1.0) * tiny else: Uniform(-1.0, 1.0)
    tau * dv/dt = v_rest - v + I + g_exc - mean(v) : init = -0.0, min = -100.0, max = 50.0
    du/dt = (v - u) / c_tau : exponential
    count = count + 1 : int, init = 0
  `,
  spike: 'v > -50.0',
  reset: 'v = v_rest\n u += 1.0',
  refractory: 'ref',
  axonSpike: 'v > -55.0',
  axonReset: 'u += 0.5',
});

// the cache outlives a test run: models that must miss it get names of their own
const RUN = `${process.pid}-${Date.now()}`;

describe('language/analysis-cache', () => {
  let dir: string;
  const entries = () => readdirSync(dir).filter((f) => f.endsWith('.json'));
  before(() => {
    new Constant('c_tau', 5.0);
    resetAnalysisCache();
    dir = analysisCacheDir()!;
    expect(dir).to.match(/node_modules\/\.cache\/compneuro-rx\/analysis$/);
  });
  after(() => {
    clearConstants();
    delete process.env.COMPNEURO_RX_CODE_CACHE;
  });

  it('round-trips values JSON cannot hold: -0, NaN, ±Infinity, 1e-300, undefined, null prototypes, mathjs trees', () => {
    const v = { a: -0, b: NaN, c: Infinity, d: -Infinity, e: 1e-300, f: undefined, g: Object.assign(Object.create(null), { x: 1 }), h: [math.parse('-0.0 * x ^ 2 + f(y, 1e-300)')] };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(v)))) as typeof v;
    expect(back).to.deep.equal(v);
    expect(Object.is(back.a, -0)).to.equal(true);
    expect(Object.getPrototypeOf(back.g)).to.equal(null);
    expect(back.h[0]!.toString()).to.equal('-0 * x ^ 2 + f(y, 1e-300)');
    expect(() => encodeValue(new Map())).to.throw(/class Map/);
  });

  const models: [string, () => Neuron][] = [
    ['HH_Bischop (spiking, HH)', () => new HHneuronBischopClass()],
    ['Izhikevich 2003 noisy AMPA (randoms, conductances)', () => new Izhikevich2003NoisyAmpa()],
    ['IF_cond_alpha (refractory, alpha conductances)', () => new IF_cond_alpha()],
    ['HH_cond_exp (ANNarchy)', () => new HH_cond_exp()],
    ['LeakyIntegrator (rate-coded, sum())', () => new LeakyIntegrator()],
    ['PoissonNeuronSin (rate of a spiking source)', () => new PoissonNeuronSin()],
    ['a neuron with every feature', () => new Neuron(kitchenSink('every feature'))],
  ];
  for (const [what, make] of models) {
    it(`${what}: the cached analysis and kernels equal fresh ones`, () => {
      process.env.COMPNEURO_RX_CODE_CACHE = '0';
      const model = make();
      const fresh = new Neuron(optionsOf(model)).analyse();
      const freshKernels = { explicit: populationKernelParts(fresh), fast: populationKernelParts(fresh, { method: 'explicit', keep: ['v'], fastMath: true }) };
      delete process.env.COMPNEURO_RX_CODE_CACHE;
      new Neuron(optionsOf(model)).analyse(); // written, if not there yet
      const before = analysisCacheStats();
      const cached = new Neuron(optionsOf(model)).analyse();
      expect(analysisCacheStats().hits).to.equal(before.hits + 1);
      expect(cached).to.deep.equal(fresh);
      for (const [method, opts] of [['explicit', {}], ['fast', { method: 'explicit', keep: new Set(['v']), fastMath: true }]] as const) {
        const parts = freshKernels[method];
        generatePopulationKernels(new Neuron(optionsOf(model)).analyse(), opts); // written
        const h = analysisCacheStats().hits;
        const k = generatePopulationKernels(new Neuron(optionsOf(model)).analyse(), opts);
        expect(analysisCacheStats().hits).to.equal(h + 2); // the analysis and the kernel parts
        const again = assemblePopulationKernels(parts);
        expect(k.source.update).to.equal(again.source.update);
        expect(k.source.updateLean).to.equal(again.source.updateLean);
        expect(k.source.spikeGather).to.equal(again.source.spikeGather);
        expect(k.source.wasmUpdate).to.equal(again.source.wasmUpdate);
        expect(k.transient).to.deep.equal(parts.transient);
      }
    });
  }

  const SYNAPSE_KEYS = ['parameters', 'equations', 'psp', 'operation', 'preSpike', 'postSpike', 'preAxonSpike', 'functions', 'pruning', 'creating', 'name'] as const;
  const synapseOptions = (x: Synapse): SynapseOptions => Object.fromEntries(SYNAPSE_KEYS.map((k) => [k, x[k]])) as SynapseOptions;
  const synapses: [string, () => Synapse, () => Neuron][] = [
    ['STDP (event-driven, pre/post spikes)', () => new STDP(), () => new IF_cond_alpha()],
    ['STP (spiking, continuous equations)', () => new STP(), () => new IF_cond_alpha()],
    ['Hebb (rate-coded)', () => new Hebb(), () => new LeakyIntegrator()],
    ['Oja (rate-coded, min bound)', () => new Oja(), () => new LeakyIntegrator()],
    ['IBCM (rate-coded, postsynaptic variable)', () => new IBCM(), () => new LeakyIntegrator()],
    ['FactorSynapse (CompNeuroPy)', () => new FactorSynapse({ max_trans: 0 }), () => new IF_cond_alpha()],
    ['a synapse with functions, a random, mean(post.r) and structural plasticity', () => new Synapse({
      name: 'every synapse feature',
      parameters: 'tau = 100.0 : projection\n eta = 0.01',
      functions: 'lim(x) = if x > 1.0: 1.0 else: x',
      equations: 'tau * dw/dt = eta * lim(pre.r * post.r) - mean(post.r) * w + Uniform(0.0, 1e-300) : min = -0.0',
      psp: 'w * pre.r',
      operation: 'max',
      pruning: 'w < 0.001 : proba = 0.5',
      creating: 'pre.r * post.r > 0.9 : proba = 0.1, w = 0.5',
    }), () => new LeakyIntegrator()],
  ];
  for (const [what, make, neuron] of synapses) {
    it(`${what}: the cached synapse analysis and kernels equal fresh ones`, () => {
      const options = synapseOptions(make());
      const kernelOptions = { pre: neuron(), post: neuron(), dt: 0.1 };
      process.env.COMPNEURO_RX_CODE_CACHE = '0';
      const fresh = new Synapse(options).analyse();
      const freshSource = new Synapse(options).kernelSource(kernelOptions);
      delete process.env.COMPNEURO_RX_CODE_CACHE;
      new Synapse(options).kernelSource(kernelOptions); // written, if not there yet
      const before = analysisCacheStats();
      const cached = new Synapse(options).analyse();
      expect(analysisCacheStats().hits).to.equal(before.hits + 1);
      expect(cached).to.deep.equal(fresh);
      const source = new Synapse(options).kernelSource(kernelOptions);
      expect(source).to.deep.equal(freshSource);
      expect(Object.keys(source).length).to.be.greaterThan(0);
    });
  }

  it('a model that fails analysis fails again with the same ModelError, and nothing is cached for it', () => {
    const bad = { name: 'bad ' + RUN, parameters: 'tau = 10', equations: 'tau * dv/dt = -v + w_unknown(1)', spike: 'v > 1' };
    const n = entries().length;
    const err = (() => { try { new Neuron(bad).analyse(); } catch (e) { return e as ModelError; } })();
    expect(err).to.be.instanceOf(ModelError);
    const again = (() => { try { new Neuron(bad).analyse(); } catch (e) { return e as ModelError; } })();
    expect(again).to.be.instanceOf(ModelError);
    expect(again!.message).to.equal(err!.message);
    expect({ ...again }).to.deep.equal({ ...err });
    expect(entries().length).to.equal(n);
  });

  it('prints the warnings of an analysis again on a hit', () => {
    const opts = { name: 'warns ' + RUN, parameters: 'g_exc = 1.0', equations: 'dv/dt = -v + g_exc', spike: 'v > 1' };
    const seen: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => seen.push(m);
    const { hits } = analysisCacheStats();
    try {
      new Neuron(opts).analyse();
      new Neuron(opts).analyse();
    } finally {
      console.warn = warn;
    }
    expect(analysisCacheStats().hits).to.equal(hits + 1);
    expect(seen).to.have.length(2);
    expect(seen[1]).to.equal(seen[0]).and.match(/parameter "g_exc" looks like a conductance/);
  });

  it('an edited model text, another name or another Constant value misses the cache', () => {
    const base = { name: 'edit me ' + RUN, parameters: 'tau = 10.0', equations: 'tau * dv/dt = -v + c_tau', spike: 'v > 1', reset: 'v = 0' };
    new Neuron(base).analyse();
    const { hits, misses } = analysisCacheStats();
    expect(new Neuron({ ...base, parameters: 'tau = 10.5' }).analyse().parameters[0]!.init).to.equal(10.5);
    expect(new Neuron({ ...base, name: 'edit me too ' + RUN }).analyse().name).to.equal('edit me too ' + RUN);
    expect(analysisCacheStats()).to.include({ hits, misses: misses + 2 });
    new Neuron(base).analyse();
    expect(analysisCacheStats().hits).to.equal(hits + 1);
  });

  it('ignores a corrupted or foreign entry (and rewrites it)', () => {
    const opts = { name: 'corrupt me ' + RUN, parameters: 'tau = 10.0', equations: 'tau * dv/dt = -v', spike: 'v > 1' };
    const before = new Set(entries());
    const fresh = new Neuron(opts).analyse();
    const [file] = entries().filter((f) => !before.has(f));
    expect(file).to.be.a('string');
    const path = join(dir, file!);
    const good = readFileSync(path, 'utf8');
    for (const text of ['{ not json', JSON.stringify({ ...JSON.parse(good), key: 'another model' }), JSON.stringify({ ...JSON.parse(good), format: 0 }), JSON.stringify({ ...JSON.parse(good), value: { '@': { mathjs: 'NoSuchNode' } } })]) {
      writeFileSync(path, text);
      const { misses } = analysisCacheStats();
      expect(new Neuron(opts).analyse()).to.deep.equal(fresh);
      if (!text.includes('NoSuchNode')) expect(analysisCacheStats().misses).to.equal(misses + 1);
    }
    expect(readFileSync(path, 'utf8')).to.equal(good);
  });

  it('keeps nothing and reads nothing when COMPNEURO_RX_CODE_CACHE=0', () => {
    const opts = { name: 'switched off ' + RUN, parameters: 'tau = 10.0', equations: 'tau * dv/dt = -v', spike: 'v > 1' };
    new Neuron(opts).analyse();
    process.env.COMPNEURO_RX_CODE_CACHE = '0';
    const n = entries().length;
    const before = analysisCacheStats();
    new Neuron(opts).analyse();
    new Neuron({ ...opts, name: 'switched off 2 ' + RUN }).analyse();
    expect(analysisCacheStats()).to.deep.equal(before);
    expect(entries().length).to.equal(n);
    delete process.env.COMPNEURO_RX_CODE_CACHE;
  });

  it(`stays bounded: beyond ${MAX_ENTRIES} entries the oldest are removed`, function () {
    this.timeout(120000);
    const scratch = mkdtempSync(join(tmpdir(), 'analysis-cache-'));
    try {
      // a library in a scratch node_modules: its own cache folder
      const script = join(scratch, 'fill.mts');
      writeFileSync(script, [
        `import { Neuron } from ${JSON.stringify(new URL('../../src/language/neuron.ts', import.meta.url).pathname)};`,
        `import { analysisCacheDir } from ${JSON.stringify(new URL('../../src/language/analysis-cache.ts', import.meta.url).pathname)};`,
        `import { readdirSync } from 'node:fs';`,
        `for (let k = 0; k < ${MAX_ENTRIES + 20}; k++) new Neuron({ name: 'n' + k, parameters: 'tau = ' + k, equations: 'dv/dt = -v / (tau + 1)', spike: 'v > 1' }).analyse();`,
        `console.log(readdirSync(analysisCacheDir()).length);`,
      ].join('\n'));
      const count = Number(execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' }).trim());
      expect(count).to.be.at.most(MAX_ENTRIES);
      expect(count).to.be.at.least(MAX_ENTRIES * 3 / 4);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it(`does not keep an entry above ${MAX_ENTRY_BYTES} bytes`, () => {
    const parameters = Array.from({ length: 3000 }, (_, k) => `a_parameter_with_a_long_name_${k} = ${k}.5`).join('\n');
    const opts = { name: 'huge ' + RUN, parameters, equations: 'dv/dt = -v', spike: 'v > 1' };
    const before = analysisCacheStats();
    expect(new Neuron(opts).analyse().parameters).to.have.length(3000);
    expect(new Neuron(opts).analyse().parameters[2999]!.init).to.equal(2999.5);
    expect(analysisCacheStats()).to.deep.equal({ hits: before.hits, misses: before.misses + 2, writes: before.writes });
  });

  it('a process whose models are all cached never loads mathjs', function () {
    this.timeout(60000);
    const scratch = mkdtempSync(join(tmpdir(), 'analysis-cache-'));
    try {
      const script = join(scratch, 'seed.mts');
      writeFileSync(script, [
        `import { Network } from ${JSON.stringify(new URL('../../src/engine/network.ts', import.meta.url).pathname)};`,
        `import { Population } from ${JSON.stringify(new URL('../../src/engine/population.ts', import.meta.url).pathname)};`,
        `import { HHneuronBischopClass } from ${JSON.stringify(new URL('../../src/models/hh-neuron-bischop.ts', import.meta.url).pathname)};`,
        `import { mathjsLoaded } from ${JSON.stringify(new URL('../../src/language/math.ts', import.meta.url).pathname)};`,
        `import { analysisCacheStats } from ${JSON.stringify(new URL('../../src/language/analysis-cache.ts', import.meta.url).pathname)};`,
        `import { Neuron } from ${JSON.stringify(new URL('../../src/language/neuron.ts', import.meta.url).pathname)};`,
        `import { Constant } from ${JSON.stringify(new URL('../../src/language/constant.ts', import.meta.url).pathname)};`,
        `const net = new Network();`,
        `const pop = new Population(4, new HHneuronBischopClass(), { name: 'HH', network: net });`,
        // functions, random arguments, refractory, axonal spikes: printed from the cache too
        `new Constant('c_tau', 5.0);`,
        `const all = new Population(3, new Neuron(${JSON.stringify(kitchenSink('every feature in a network'))}), { name: 'all', network: net });`,
        // a refractory period set on the population: kernels of a derived analysis
        `const lif = new Population(2, new Neuron({ name: 'LIF', parameters: 'tau = 10.0', equations: 'tau * dv/dt = 2.0 - v', spike: 'v > 1.0', reset: 'v = 0.0' }), { name: 'lif', network: net });`,
        `lif.refractory = 2.0;`,
        `import { Projection } from ${JSON.stringify(new URL('../../src/engine/projection.ts', import.meta.url).pathname)};`,
        `import { STP } from ${JSON.stringify(new URL('../../src/models/annarchy/synapses.ts', import.meta.url).pathname)};`,
        `const proj = new Projection(lif, all, 'exc', new STP());`,
        `proj.connectAllToAll({ weights: 0.5 });`,
        `net.compile();`,
        `net.simulate(5);`,
        `console.log(JSON.stringify({ mathjs: mathjsLoaded(), v: Array.from(pop.get('v')), all: Array.from(all.get('v')), lif: Array.from(lif.get('v')), x: Array.from(proj.get('x') as number[]), sig: all.sig([0, 2], 2), ...analysisCacheStats() }));`,
      ].join('\n'));
      const run = () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' }).trim().split('\n').pop()!);
      const first = run(); // cold or warm, depending on what ran before
      const second = run();
      expect(second).to.include({ mathjs: false, misses: 0 });
      expect(second.hits).to.be.at.least(2);
      expect(second.v).to.deep.equal(first.v);
      expect(second.all).to.deep.equal(first.all);
      expect(second.lif).to.deep.equal(first.lif);
      expect(second.x).to.deep.equal(first.x);
      expect(second.sig).to.deep.equal([0.5, 1 / (1 + Math.exp(-1))]);
      const off = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', env: { ...process.env, COMPNEURO_RX_CODE_CACHE: '0' } }).trim().split('\n').pop()!);
      expect(off).to.include({ mathjs: true, hits: 0 });
      expect(off.v).to.deep.equal(first.v);
      expect(off.all).to.deep.equal(first.all);
      expect(off.lif).to.deep.equal(first.lif);
      expect(off.x).to.deep.equal(first.x);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
