import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lgamma } from '../../../src/engine/random/lgamma.js';

const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/random/libm.json', import.meta.url)), 'utf8'),
) as Record<string, number[]>;

describe('engine/random/lgamma (glibc fdlibm lgamma, x > 0)', () => {
  it('matches glibc on 4000 inputs in (0, 2001]', () => {
    const x = ref.lgamma_x!;
    const y = ref.lgamma_y!;
    let bad = 0;
    for (let i = 0; i < x.length; i++) if (!Object.is(lgamma(x[i]!), y[i])) bad++;
    expect(bad).to.equal(0);
  });
  it('exact points: lgamma(1) = lgamma(2) = 0, lgamma(0.5) = log(sqrt(pi))', () => {
    expect(lgamma(1)).to.equal(0);
    expect(lgamma(2)).to.equal(0);
    expect(lgamma(0.5)).to.be.closeTo(0.5723649429247001, 1e-15);
  });
  it('rejects x <= 0 (negative branch not ported)', () => {
    expect(() => lgamma(-1.5)).to.throw(/x must be > 0/);
  });
});
