import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { Normal, Uniform } from '../../src/engine/random/random-distribution.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';

// C++ reference: spec/fixtures/random-draws/equation-draws.cpp (std::mt19937(42), libstdc++ 12,
// distribution objects constructed anew every step, globals first, locals interleaved per neuron).
type Row = { g?: number; x: number[]; y: number[] };
const cpp = JSON.parse(readFileSync(new URL('../fixtures/random-draws/equation-draws.json', import.meta.url), 'utf8')) as { local: Row[]; global: Row[] };
// numpy reference: spec/fixtures/random-draws/attribute-draws.py (np.random.seed(42)).
const np = JSON.parse(readFileSync(new URL('../fixtures/random-draws/attribute-draws.json', import.meta.url), 'utf8')) as { v: number[]; u: number[] };

function rows(m: Monitor, name: string): number[][] {
  const a = m.get(name) as RecordedArray;
  const [n, w] = a.shape as [number, number];
  return Array.from({ length: n }, (_, k) => Array.from(a.data.subarray(k * w, (k + 1) * w)));
}

describe('engine: random variables in equations (bitwise against libstdc++)', () => {
  it('x = Uniform(0,1), y = Normal(0,1): 3 neurons, 5 steps, seed 42', () => {
    const net = new Network({ seed: 42 });
    const n = new Neuron({ equations: 'x = Uniform(0.0, 1.0)\ny = Normal(0.0, 1.0)\nr = 0' });
    const pop = new Population(3, n, { network: net });
    const m = new Monitor(pop, ['x', 'y']);
    net.simulate(5);
    expect(rows(m, 'x')).to.deep.equal(cpp.local.map((r) => r.x));
    expect(rows(m, 'y')).to.deep.equal(cpp.local.map((r) => r.y));
    void pop;
  });

  it('draws population-wide random variables first, then per neuron (global arguments)', () => {
    const net = new Network({ seed: 42 });
    const n = new Neuron({
      parameters: 'mu = 0.5 : population\nlo = -1.0 : population',
      equations: 'x = Uniform(lo, 1.0)\ng = Normal(mu, 2.0) : population\ny = Normal(0.0, 1.0)\nr = 0',
    });
    const pop = new Population(3, n, { network: net });
    const m = new Monitor(pop, ['x', 'y']);
    const gs: number[] = [];
    net.compile();
    for (let k = 0; k < 5; k++) {
      net.step();
      gs.push(pop.g as number);
    }
    expect(gs).to.deep.equal(cpp.global.map((r) => r.g));
    expect(rows(m, 'x')).to.deep.equal(cpp.global.map((r) => r.x));
    expect(rows(m, 'y')).to.deep.equal(cpp.global.map((r) => r.y));
  });

  it('a distribution whose arguments change between steps is built anew (lo: -1 -> 0)', () => {
    const net = new Network({ seed: 42 });
    const pop = new Population(200, new Neuron({ parameters: 'lo = -1.0 : population', equations: 'x = Uniform(lo, 1.0)\nr = 0' }), { network: net });
    net.compile();
    net.step();
    expect(Math.min(...(pop.x as Float64Array))).to.be.below(-0.9);
    pop.lo = 0;
    net.step();
    expect(Math.min(...(pop.x as Float64Array))).to.be.at.least(0);
  });

  it('a disabled population draws nothing (the stream is not consumed)', () => {
    const net = new Network({ seed: 42 });
    const n = new Neuron({ equations: 'x = Uniform(0.0, 1.0)\ny = Normal(0.0, 1.0)\nr = 0' });
    const off = new Population(3, n, { network: net });
    const pop = new Population(3, n, { network: net });
    off.disable();
    const m = new Monitor(pop, ['x']);
    net.simulate(2);
    expect(rows(m, 'x')).to.deep.equal(cpp.local.slice(0, 2).map((r) => r.x));
  });

  it('rejects per-neuron arguments with an error naming the symbol', () => {
    const net = new Network({ seed: 1 });
    const n = new Neuron({ parameters: 'a = 1.0', equations: 'x = Uniform(0.0, a)\nr = 0' });
    expect(() => new Population(2, n, { network: net })).to.throw(/equations line 1 "x = Uniform\(0.0, a\)": the arguments of Uniform\(\) must be numbers, global parameters .* got the per-neuron parameter "a"/);
  });
});

describe('engine: attribute assignment with RandomDistribution (numpy legacy stream)', () => {
  it('pop.v = Normal(-60, 5); pop.u = Uniform(0, 1) after setup({ seed: 42 })', () => {
    const net = new Network({ seed: 42 });
    const n = new Neuron({ parameters: 'u = 0.0', equations: 'v = v\nr = 0' });
    const pop = new Population(4, n, { network: net });
    pop.v = new Normal(-60, 5);
    pop.u = new Uniform(0, 1);
    expect(Array.from(pop.v as Float64Array)).to.deep.equal(np.v);
    expect(Array.from(pop.u as Float64Array)).to.deep.equal(np.u);
  });
});
