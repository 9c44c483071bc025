import { expect } from 'chai';
import { RNG } from '../../../src/experiment/extra/rng.js';

describe('experiment/extra/rng', () => {
  it('reset() returns to the state of the original seed (numpy RandomState stream)', () => {
    const r = new RNG(1234);
    const a = r.rng.randomSample(5);
    const b = r.rng.randomSample(5);
    expect(Array.from(a)).to.not.deep.equal(Array.from(b));
    r.reset();
    expect(Array.from(r.rng.randomSample(5))).to.deep.equal(Array.from(a));
    // numpy: np.random.RandomState(1234).random_sample() = 0.1915194503788923
    expect(new RNG(1234).rng.randomSample()).to.equal(0.1915194503788923);
    expect(() => new RNG(-1)).to.throw(/non-negative integer/);
  });
});
