import { expect } from 'chai';
import { brentq, findXBound } from '../../../src/experiment/extra/find-x-bound.js';

describe('experiment/extra/find-x-bound', () => {
  it('brentq finds roots as scipy does', () => {
    // scipy.optimize.brentq: 1.4142135623731364 and 2.094551481542327
    expect(brentq((x) => x * x - 2, 0, 2)).to.be.closeTo(1.4142135623731364, 2e-12);
    expect(brentq((x) => x ** 3 - 2 * x - 5, 2, 3)).to.be.closeTo(2.094551481542327, 2e-12);
    expect(() => brentq((x) => x * x + 1, 0, 1)).to.throw(/different signs/);
  });

  it('equal / greater / less bounds of y = x^2 reaching 2 from x0 = 0', () => {
    const y = (x: number) => x * x;
    expect(findXBound(y, 0, 2) as number).to.be.closeTo(Math.SQRT2, 1e-9);
    const g = findXBound(y, 0, 2, { boundType: 'greater' }) as number;
    expect(y(g)).to.be.at.least(2);
    expect(y(g) - 2).to.be.below(1e-4);
    const l = findXBound(y, 0, 2, { boundType: 'less' }) as number;
    expect(y(l)).to.be.at.most(2);
    expect(2 - y(l)).to.be.below(1e-4);
  });

  it('returns (x0, x0) when already at the bound; logs; names what cannot be reached', () => {
    const log: string[] = [];
    expect(findXBound((x) => x, 3, 3, { log: (t) => log.push(t) })).to.deep.equal([3, 3]);
    expect(log).to.deep.equal(['Warning: The initial value is already equal to y_bound.']);
    expect(() => findXBound((x) => 1 - 1 / (1 + x), 0, 2)).to.throw('y_bound cannot be reached, the function saturates below y_bound.');
    expect(() => findXBound((x) => x, 0, 1, { boundType: 'above' as 'equal' })).to.throw(/bound_type should be/);
  });
});
