import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fixedProbability } from '../../../src/engine/connectors/fixed-probability.js';
import { fixedNumberPre } from '../../../src/engine/connectors/fixed-number-pre.js';
import { fixedNumberPost } from '../../../src/engine/connectors/fixed-number-post.js';
import { allToAll } from '../../../src/engine/connectors/all-to-all.js';
import type { ConnectorEndpoint, LILConnectivity } from '../../../src/engine/connectors/lil-connectivity.js';
import { isCSR, type CSRConnectivity } from '../../../src/engine/connectors/csr-connectivity.js';
import { ReplayRng, TestUniform } from '../projection/helpers.js';
import { NumpyRandomState } from '../../../src/engine/random/numpy-legacy.js';
import { Uniform } from '../../../src/engine/random/random-distribution.js';

// numpy 2.4 legacy RandomState draws in ANNarchy 4.7.3's connector order (spec/fixtures/connectors_numpy.py)
const fx = JSON.parse(readFileSync(new URL('../../fixtures/connectors_numpy.json', import.meta.url), 'utf8')) as {
  cases: { name: string; seed: number; args: (number | boolean)[]; calls: unknown[]; lil: { postRanks: number[]; preRanks: number[][]; w: number[][]; d: number[][] } }[];
};
const caseOf = (name: string) => fx.cases.find((c) => c.name === name)!;

function endpoints(nPre: number, nPost: number, same: boolean): [ConnectorEndpoint, ConnectorEndpoint] {
  const a = {};
  const pre = { size: nPre, geometry: [nPre], ranks: Array.from({ length: nPre }, (_, i) => i), population: a };
  const post = { size: nPost, geometry: [nPost], ranks: Array.from({ length: nPost }, (_, i) => i), population: same ? a : {} };
  return [pre, post];
}

/** The rows of a CSR connectivity as lists (a number for all synapses broadcast to each row). */
function rows(c: CSRConnectivity): { postRanks: number[]; preRanks: number[][]; w: number[][]; delays: number[][] } {
  const row = (i: number) => Array.from({ length: c.rowPtr[i + 1]! - c.rowPtr[i]! }, (_, j) => c.rowPtr[i]! + j);
  const val = (v: Float64Array | number, i: number) => row(i).map((k) => (typeof v === 'number' ? v : v[k]!));
  const ids = Array.from(c.postRanks, (_, i) => i);
  return { postRanks: Array.from(c.postRanks), preRanks: ids.map((i) => row(i).map((k) => c.preRanks[k]!)), w: ids.map((i) => val(c.w, i)), delays: ids.map((i) => val(c.delays, i)) };
}

function expectLil(conn: LILConnectivity | CSRConnectivity, ref: { postRanks: number[]; preRanks: number[][]; w: number[][]; d: number[][] }) {
  const lil = isCSR(conn) ? rows(conn) : conn;
  expect(lil.postRanks).to.deep.equal(ref.postRanks);
  expect(lil.preRanks).to.deep.equal(ref.preRanks);
  expect(lil.w).to.deep.equal(ref.w);
  expect(lil.delays).to.deep.equal(ref.d);
}

describe('engine/connectors: random patterns in ANNarchy draw order (numpy legacy fixture)', () => {
  for (const name of ['fixedProbability', 'fixedProbabilitySelf']) {
    it(`${name}: random(nPre) < p per post neuron, then weights, then delays`, () => {
      const c = caseOf(name);
      const [nPre, nPost, p, same] = c.args as [number, number, number, boolean];
      const rng = new ReplayRng(c.calls as never[]);
      const lil = fixedProbability(...endpoints(nPre, nPost, same), { probability: p, weights: new TestUniform(0, 1), delays: new TestUniform(1, 3) }, rng);
      expectLil(lil, c.lil);
      expect(rng.done).to.equal(true);
      if (same) rows(lil).postRanks.forEach((r, i) => expect(rows(lil).preRanks[i]).to.not.include(r));
    });
  }

  for (const name of ['fixedNumberPre', 'fixedNumberPreSelf']) {
    it(`${name}: choice without replacement (redrawn on self), sorted, then weights`, () => {
      const c = caseOf(name);
      const [nPre, nPost, number, same] = c.args as [number, number, number, boolean];
      const rng = new ReplayRng(c.calls as never[]);
      const lil = fixedNumberPre(...endpoints(nPre, nPost, same), { number, weights: new TestUniform(0.5, 1.5), delays: 2.0 }, rng);
      expectLil(lil, c.lil);
      expect(rng.done).to.equal(true);
    });
  }

  for (const name of ['fixedNumberPost', 'fixedNumberPostSelf']) {
    it(`${name}: choice of post neurons per pre neuron, then weights per post neuron`, () => {
      const c = caseOf(name);
      const [nPre, nPost, number, same] = c.args as [number, number, number, boolean];
      const rng = new ReplayRng(c.calls as never[]);
      const lil = fixedNumberPost(...endpoints(nPre, nPost, same), { number, weights: new TestUniform(0, 2), delays: 0 }, rng);
      expectLil(lil, c.lil);
      expect(rng.done).to.equal(true);
    });
  }

  it('allToAll with random weights and delays draws weights then delays per post neuron', () => {
    const c = caseOf('allToAllSelf');
    const [nPre, nPost, same] = c.args as [number, number, boolean];
    const rng = new ReplayRng(c.calls as never[]);
    const lil = allToAll(...endpoints(nPre, nPost, same), { weights: new TestUniform(1, 2), delays: new TestUniform(0, 10) }, rng);
    expectLil(lil, c.lil);
  });

  it('the real seeded generator (np.random.seed) and Uniform reproduce every fixture case', () => {
    const conn: Record<string, (c: (typeof fx.cases)[number], rng: NumpyRandomState) => LILConnectivity | CSRConnectivity> = {
      fixedProbability: (c, rng) => fixedProbability(...endpoints(c.args[0] as number, c.args[1] as number, c.args[3] as boolean), { probability: c.args[2] as number, weights: new Uniform(0, 1), delays: new Uniform(1, 3) }, rng),
      fixedNumberPre: (c, rng) => fixedNumberPre(...endpoints(c.args[0] as number, c.args[1] as number, c.args[3] as boolean), { number: c.args[2] as number, weights: new Uniform(0.5, 1.5), delays: 2.0 }, rng),
      fixedNumberPost: (c, rng) => fixedNumberPost(...endpoints(c.args[0] as number, c.args[1] as number, c.args[3] as boolean), { number: c.args[2] as number, weights: new Uniform(0, 2), delays: 0 }, rng),
      allToAll: (c, rng) => allToAll(...endpoints(c.args[0] as number, c.args[1] as number, c.args[2] as boolean), { weights: new Uniform(1, 2), delays: new Uniform(0, 10) }, rng),
    };
    for (const c of fx.cases) {
      const kind = Object.keys(conn).find((k) => c.name.startsWith(k))!;
      expectLil(conn[kind]!(c, new NumpyRandomState(c.seed)), c.lil);
    }
  });

  it('rejects impossible numbers with clear errors', () => {
    const rng = new ReplayRng([]);
    expect(() => fixedNumberPre(...endpoints(3, 3, false), { number: 4, weights: 1 }, rng)).to.throw(/exceeds the size/);
    expect(() => fixedNumberPre(...endpoints(3, 3, true), { number: 3, weights: 1 }, rng)).to.throw(/allowSelfConnections/);
    expect(() => fixedNumberPost(...endpoints(3, 3, false), { number: -1, weights: 1 }, rng)).to.throw(/non-negative integer/);
  });
});
