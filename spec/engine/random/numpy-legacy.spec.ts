import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NumpyRandomState } from '../../../src/engine/random/numpy-legacy.js';

// Reference draws printed by spec/fixtures/random/generate.py (numpy legacy RandomState).
const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/random/numpy.json', import.meta.url)), 'utf8'),
) as Record<string, unknown>;

function firstMismatch(actual: ArrayLike<number>, expected: readonly number[]): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} != ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) return `index ${i}: ${actual[i]} != ${expected[i]}`;
  }
  return null;
}

function cat(...parts: ArrayLike<number>[]): number[] {
  return parts.flatMap((p) => Array.from(p));
}

function repeat(n: number, f: () => ArrayLike<number>): number[] {
  return cat(...Array.from({ length: n }, f));
}

const CASES: Record<string, (rs: NumpyRandomState) => ArrayLike<number>> = {
  'uniform(0,1)': (rs) => rs.uniform(0, 1, 2000),
  'uniform(-3.5,7.25)': (rs) => rs.uniform(-3.5, 7.25, 2000),
  'uniform(5,2)': (rs) => rs.uniform(5, 2, 500),
  'normal(0,1)': (rs) => rs.normal(0, 1, 2001),
  'normal(-65,2.5)': (rs) => rs.normal(-65, 2.5, 2001),
  'normal(0,1)x3_split': (rs) => repeat(667, () => rs.normal(0, 1, 3)),
  'lognormal(0.5,0.75)': (rs) => rs.lognormal(0.5, 0.75, 2001),
  'exponential(2)': (rs) => rs.exponential(2.0, 2000),
  'exponential(0.1)': (rs) => rs.exponential(0.1, 2000),
  'gamma(2.5,1.5)': (rs) => rs.gamma(2.5, 1.5, 2000),
  'gamma(0.4,2)': (rs) => rs.gamma(0.4, 2.0, 2000),
  'gamma(1,1)': (rs) => rs.gamma(1.0, 1.0, 2000),
  'gamma(0,1)': (rs) => rs.gamma(0.0, 1.0, 10),
  'standard_gamma(5)': (rs) => rs.standardGamma(5.0, 2000),
  'randint(0,10)': (rs) => rs.randint(0, 10, 2000),
  'randint(-5,6)': (rs) => rs.randint(-5, 6, 2000),
  'randint(0,1025)': (rs) => rs.randint(0, 1025, 2000),
  'randint(0,4294967296)': (rs) => rs.randint(0, 2 ** 32, 2000),
  'randint(-3000000000,7000000000)': (rs) => rs.randint(-3000000000, 7000000000, 2000),
  'randint(7,8)': (rs) => rs.randint(7, 8, 20),
  'random_integers(1,6)': (rs) => rs.randomIntegers(1, 6, 2000),
  'binomial(10,0.3)': (rs) => rs.binomial(10, 0.3, 2000),
  'binomial(20,0.9)': (rs) => rs.binomial(20, 0.9, 2000),
  'binomial(100,0.5)': (rs) => rs.binomial(100, 0.5, 2000),
  'binomial(1000,0.03)': (rs) => rs.binomial(1000, 0.03, 2000),
  'binomial(50,0.85)': (rs) => rs.binomial(50, 0.85, 2000),
  'binomial(5,0)': (rs) => rs.binomial(5, 0.0, 10),
  'binomial(5,1)': (rs) => rs.binomial(5, 1.0, 10),
  'binomial(mixed)': (rs) =>
    cat(
      rs.binomial(40, 0.5, 3),
      rs.binomial(40, 0.2, 3),
      rs.binomial(40, 0.5, 3),
      rs.binomial(3, 0.5, 3),
      rs.binomial(40, 0.5, 3),
    ),
  'permutation(10)': (rs) => repeat(100, () => rs.permutation(10)),
  'permutation(1000)': (rs) => rs.permutation(1000),
  'choice(100,10,noreplace)': (rs) => repeat(100, () => rs.choice(100, 10, false)),
  'choice(arange(5,25),7,noreplace)': (rs) =>
    repeat(100, () => rs.choice(Array.from({ length: 20 }, (_, i) => i + 5), 7, false)),
  'choice(50,20,replace)': (rs) => rs.choice(50, 20, true),
  'random(n)<p': (rs) => repeat(50, () => Array.from(rs.random(37), (u) => (u < 0.2 ? 1 : 0))),
};

describe('engine/random/numpy-legacy (RandomState bit-exact)', () => {
  it('RandomState(42).random_sample() == 0.3745401188473625', () => {
    expect(new NumpyRandomState(42).randomSample()).to.equal(0.3745401188473625);
  });

  for (const seed of [0, 42, 1234]) {
    const s = `seed=${seed}`;
    it(`raw 32-bit outputs and random_sample (2000 each), ${s}`, () => {
      let rs = new NumpyRandomState(seed);
      const u = Array.from({ length: 2000 }, () => rs.nextUint32());
      expect(firstMismatch(u, ref[`uint32/${s}`] as number[])).to.equal(null);
      rs = new NumpyRandomState(seed);
      expect(firstMismatch(rs.randomSample(2000), ref[`random_sample/${s}`] as number[])).to.equal(null);
      rs = new NumpyRandomState(seed);
      const scalars = [...Array.from({ length: 5 }, () => rs.randomSample()), rs.nextUint32()];
      expect(firstMismatch(scalars, ref[`random_sample_scalars/${s}`] as number[])).to.equal(null);
    });

    for (const [name, fn] of Object.entries(CASES)) {
      it(`${name}, ${s}, then the next raw output`, () => {
        const rs = new NumpyRandomState(seed);
        const got = [...Array.from(fn(rs)), rs.nextUint32()];
        expect(firstMismatch(got, ref[`${name}/${s}`] as number[])).to.equal(null);
      });
    }

    it(`get_state after 3 normals (pos, gauss cache), ${s}`, () => {
      const rs = new NumpyRandomState(seed);
      rs.normal(0, 1, 3);
      const st = rs.getState();
      const e = ref[`state_after_3_normals/${s}`] as { key_head: number[]; pos: number; has_gauss: number; gauss: number };
      expect(Array.from(st.key.slice(0, 5))).to.deep.equal(e.key_head);
      expect(st.pos).to.equal(e.pos);
      expect(st.hasGauss).to.equal(e.has_gauss === 1);
      expect(st.gauss).to.equal(e.gauss);
      // restoring replays the same stream, cache included
      const next = rs.normal(0, 1, 5);
      rs.setState(st);
      expect(Array.from(rs.normal(0, 1, 5))).to.deep.equal(Array.from(next));
    });
  }

  it('rejects bad arguments like numpy', () => {
    const rs = new NumpyRandomState(1);
    expect(() => new NumpyRandomState(-1)).to.throw(/between 0 and 2\*\*32 - 1/);
    expect(() => rs.normal(0, -1, 3)).to.throw(/scale must be >= 0/);
    expect(() => rs.randint(5, 5)).to.throw(/low >= high/);
    expect(() => rs.choice(5, 6, false)).to.throw(/larger sample than population/);
    expect(() => rs.binomial(10, 1.5)).to.throw(/p must be in \[0, 1\]/);
    expect(() => rs.uniform(0, 1, -2)).to.throw(/size must be a non-negative integer/);
  });
});
