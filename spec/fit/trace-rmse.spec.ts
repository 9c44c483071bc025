import { expect } from 'chai';
import { traceRmse } from '../../src/fit/trace-rmse.js';

describe('fit/trace-rmse', () => {
  const target = (time: number[], value: number[]) => ({ time: Float64Array.from(time), value: Float64Array.from(value) });

  it('is 0 on the model grid itself and the RMSE of the differences otherwise', () => {
    const model = Float64Array.of(0, 1, 4, 9);
    expect(traceRmse(target([0, 1, 2, 3], [0, 1, 4, 9]), model, 1)).to.equal(0);
    // differences 1, -1, 2, 0 -> sqrt(6 / 4)
    expect(traceRmse(target([0, 1, 2, 3], [-1, 2, 2, 9]), model, 1)).to.equal(Math.sqrt(6 / 4));
  });

  it('interpolates the model linearly between its samples', () => {
    // model v(t) = 2 t sampled every 0.5 ms; target on another grid of the same line
    const model = Float64Array.from({ length: 9 }, (_, j) => 2 * j * 0.5);
    expect(traceRmse(target([0.1, 0.7, 1.3, 3.95], [0.2, 1.4, 2.6, 7.9]), model, 0.5)).to.be.closeTo(0, 1e-14);
    // halfway between 1 and 4 is 2.5: error 0.5 at one point of one
    expect(traceRmse(target([1.5], [3]), Float64Array.of(0, 1, 4), 1)).to.equal(0.5);
  });

  it('refuses target times outside the model trace and makes a diverging model lose (Infinity)', () => {
    expect(() => traceRmse(target([0, 3.5], [0, 0]), Float64Array.of(0, 1, 2, 3), 1)).to.throw("traceRmse: the target's sample 1 at 3.5 ms lies outside the model's trace (0 to 3 ms)");
    expect(() => traceRmse(target([-1, 0], [0, 0]), Float64Array.of(0, 1), 1)).to.throw('at -1 ms lies outside');
    expect(traceRmse(target([0, 1], [0, 0]), Float64Array.of(0, NaN), 1)).to.equal(Infinity);
    expect(traceRmse(target([0, 1], [0, 0]), Float64Array.of(0, Infinity), 1)).to.equal(Infinity);
  });
});
