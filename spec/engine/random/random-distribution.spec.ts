import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NumpyRandomState } from '../../../src/engine/random/numpy-legacy.js';
import {
  Binomial,
  DiscreteUniform,
  Exponential,
  Gamma,
  LogNormal,
  Normal,
  Uniform,
  availableDistributions,
} from '../../../src/engine/random/random-distribution.js';

// generate.py reproduces ANNarchy 4.7.3's get_values (numpy draw, then min/max clipping)
const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/random/numpy.json', import.meta.url)), 'utf8'),
) as Record<string, number[]>;

describe('engine/random/random-distribution (ANNarchy 4.7.3 core/Random.py)', () => {
  for (const seed of [0, 42, 1234]) {
    const s = `seed=${seed}`;
    const cases: [string, () => { getValues(n: number, rng: NumpyRandomState): Float64Array }, number][] = [
      ['ann_normal(-60,5,min=-65,max=-55)', () => new Normal(-60, 5, -65, -55), 1000],
      ['ann_lognormal(0,1,max=3)', () => new LogNormal(0, 1, { max: 3 }), 1000],
      ['ann_exponential(2,min=0.5)', () => new Exponential(2, { min: 0.5 }), 1000],
      ['ann_gamma(2,0.5,min=0.2,max=2)', () => new Gamma(2, 0.5, { min: 0.2, max: 2 }), 1000],
      ['ann_discrete_uniform(-2,4)', () => new DiscreteUniform(-2, 4), 1000],
      ['uniform(-3.5,7.25)', () => new Uniform(-3.5, 7.25), 2000],
      ['binomial(100,0.5)', () => new Binomial(100, 0.5), 2000],
    ];
    for (const [key, make, n] of cases) {
      it(`${key}: getValues matches numpy + ANNarchy clipping, ${s}`, () => {
        const rng = new NumpyRandomState(seed);
        const got = [...Array.from(make().getValues(n, rng)), rng.nextUint32()];
        expect(got).to.deep.equal(ref[`${key}/${s}`]);
      });
    }
  }

  it('clipping really happens (values pinned at the bounds)', () => {
    const v = new Normal(-60, 5, -65, -55).getValues(1000, new NumpyRandomState(0));
    expect(Math.min(...v)).to.equal(-65);
    expect(Math.max(...v)).to.equal(-55);
    expect(v.filter((x) => x === -65).length).to.be.greaterThan(100); // P(N < -1 sigma) ~ 16%
  });

  it('getValue = getValues(1)[0]; getListValues is a plain array; shapes are flattened', () => {
    const d = new Uniform(0, 1);
    expect(d.getValue(new NumpyRandomState(42))).to.equal(0.3745401188473625);
    const list = d.getListValues(3, new NumpyRandomState(42));
    expect(Array.isArray(list)).to.equal(true);
    expect(list[0]).to.equal(0.3745401188473625);
    expect(d.getValues([2, 3], new NumpyRandomState(1)).length).to.equal(6);
  });

  it('Exponential uses numpy scale semantics (mean = Lambda), as ANNarchy 4.7.3 does', () => {
    const v = new Exponential(2).getValues(20000, new NumpyRandomState(3));
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean).to.be.closeTo(2, 0.06); // 3 standard errors: 2/sqrt(20000)*3 = 0.042
  });

  it('argument checks and messages follow ANNarchy', () => {
    expect(() => new Normal(0, -1)).to.throw('Normal: the standard deviation sigma should be positive.');
    expect(() => new LogNormal(0, -1)).to.throw('LogNormal: the standard deviation sigma should be positive.');
    expect(() => new Exponential(-1)).to.throw('Exponential: the rate parameter Lambda should be positive.');
    expect(() => new Uniform(0, NaN)).to.throw(/max must be a number/);
    expect(() => new DiscreteUniform(5, 1).getValues(3, new NumpyRandomState(0))).to.throw(/low >= high/);
    expect(() => new Uniform(0, 1).getValues(-1, new NumpyRandomState(0))).to.throw(/shape must be/);
    expect(() => new Exponential(1).getCppArgs()).to.throw(/not implemented/);
  });

  it('latex(), toString(), getCppArgs() and keywords()', () => {
    expect(new Uniform(0, 1).latex()).to.equal('$\\mathcal{U}$(0, 1)');
    expect(new Normal(0, 1).latex()).to.equal('$\\mathcal{N}$(0, 1)');
    expect(new LogNormal(0, 1).latex()).to.equal('$\\ln\\mathcal{N}$(0, 1)');
    expect(new Exponential(2).latex()).to.equal('$\\exp$(2)');
    expect(new Gamma(2, 3).latex()).to.equal('$\\Gamma$(2, 3)');
    expect(new Binomial(10, 0.5).latex()).to.equal('$\\mathcal{B}$(10, 0.5)');
    expect(String(new Normal(-60, 5, { min: -70 }))).to.equal('Normal(-60, 5, min=-70)');
    expect(String(new Uniform(-1, 1))).to.equal('Uniform(-1, 1)');
    expect(new Normal(1, 2).getCppArgs()).to.deep.equal([1, 2]);
    expect(new Binomial(10, 0.5).getCppArgs()).to.deep.equal([10, 0.5]);
    expect(new Uniform(0, 1).keywords()).to.deep.equal(availableDistributions);
    expect(availableDistributions).to.deep.equal([
      'Uniform', 'DiscreteUniform', 'Normal', 'LogNormal', 'Exponential', 'Gamma', 'Binomial',
    ]);
  });
});
