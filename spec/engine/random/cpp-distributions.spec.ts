import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MT19937 } from '../../../src/engine/random/mt19937.js';
import {
  CppSamplerSet,
  CppNormalDistribution,
  CppUniformIntDistribution,
  createCppDistribution,
  generateCanonical,
  type CppDistributionKind,
} from '../../../src/engine/random/cpp-distributions.js';

// Reference draws printed by spec/fixtures/random/generate.cpp (g++ 12.2, libstdc++, glibc 2.36).
const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/random/cpp.json', import.meta.url)), 'utf8'),
) as Record<string, number[]>;

function firstMismatch(actual: ArrayLike<number>, expected: readonly number[]): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} != ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) return `index ${i}: ${actual[i]} != ${expected[i]}`;
  }
  return null;
}

const KINDS: Record<string, [CppDistributionKind, number[]]> = {
  'uniform(0,1)': ['Uniform', [0, 1]],
  'uniform(-3.5,7.25)': ['Uniform', [-3.5, 7.25]],
  'normal(0,1)': ['Normal', [0, 1]],
  'normal(-65,2.5)': ['Normal', [-65, 2.5]],
  'lognormal(0.5,0.75)': ['LogNormal', [0.5, 0.75]],
  'exponential(2)': ['Exponential', [2]],
  'exponential(0.1)': ['Exponential', [0.1]],
  'gamma(2.5,1.5)': ['Gamma', [2.5, 1.5]],
  'gamma(0.4,2)': ['Gamma', [0.4, 2]],
  'gamma(1,1)': ['Gamma', [1, 1]],
  'uniform_int(0,9)': ['DiscreteUniform', [0, 9]],
  'uniform_int(-5,5)': ['DiscreteUniform', [-5, 5]],
  'uniform_int(0,2147483647)': ['DiscreteUniform', [0, 2147483647]],
  'uniform_int(-2000000000,2000000000)': ['DiscreteUniform', [-2000000000, 2000000000]],
  'uniform_int(-2147483648,2147483647)': ['DiscreteUniform', [-2147483648, 2147483647]],
  'uniform_int(3,3)': ['DiscreteUniform', [3, 3]],
  'binomial(10,0.3)': ['Binomial', [10, 0.3]],
  'binomial(20,0.9)': ['Binomial', [20, 0.9]],
  'binomial(100,0.5)': ['Binomial', [100, 0.5]],
  'binomial(1000,0.03)': ['Binomial', [1000, 0.03]],
  'binomial(50,0.85)': ['Binomial', [50, 0.85]],
};

describe('engine/random/cpp-distributions (libstdc++ 12 bit-exact)', () => {
  for (const seed of [0, 42, 1234]) {
    it(`generate_canonical<double,53> matches 2000 draws, seed ${seed}`, () => {
      const rng = new MT19937(seed);
      const got = Array.from({ length: 2000 }, () => generateCanonical(rng));
      expect(firstMismatch(got, ref[`canonical/seed=${seed}`]!)).to.equal(null);
    });

    for (const [name, [kind, args]] of Object.entries(KINDS)) {
      for (const per of [3, 2000]) {
        const steps = per === 2000 ? 1 : Math.floor(2000 / per);
        const key = `${name}/seed=${seed}/steps=${steps}/per=${per}`;
        it(`${key}: fresh object per step, then the next engine output`, () => {
          const expected = ref[key]!;
          expect(expected, key).to.be.an('array');
          const rng = new MT19937(seed);
          const set = new CppSamplerSet(rng, [{ kind, args }]);
          const got: number[] = [];
          for (let s = 0; s < steps; s++) {
            set.beginStep();
            for (let k = 0; k < per; k++) got.push(set.sample(0));
          }
          got.push(rng.nextUint32()); // checks the number of engine outputs consumed
          expect(firstMismatch(got, expected)).to.equal(null);
        });
      }
    }
  }

  it('drops the normal cache on reset (a fresh C++ object), keeps it otherwise', () => {
    const a = new MT19937(7);
    const d = new CppNormalDistribution(0, 1);
    d.sample(a);
    const cached = d.sample(a); // served from the cache: no engine output consumed
    const b = new MT19937(7);
    const e = new CppNormalDistribution(0, 1);
    e.sample(b);
    e.reset();
    const fresh = e.sample(b); // new polar pair
    expect(fresh).to.not.equal(cached);
    expect(a.nextUint32()).to.not.equal(b.nextUint32());
  });

  it('rejects bad arguments with clear errors', () => {
    expect(() => createCppDistribution('Normal', [0, -1])).to.throw(/stddev must be > 0/);
    expect(() => createCppDistribution('Exponential', [1, 2])).to.throw(/takes 1 argument/);
    expect(() => new CppUniformIntDistribution(5, 1)).to.throw(/a <= b/);
    expect(() => createCppDistribution('Binomial', [10, 1.5])).to.throw(/p must be in \[0, 1\]/);
    expect(() => createCppDistribution('Uniform', [0, NaN])).to.throw(/b must be a finite number/);
  });
});
