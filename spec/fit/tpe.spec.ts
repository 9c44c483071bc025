import { expect } from 'chai';
import { tpeMinimize } from '../../src/fit/tpe.js';

const f = (x: number[]) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2;
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;

describe('fit/tpe (hyperopt tpe.suggest defaults)', () => {
  it('beats random search with the same budget (median over 9 seeds) and stays in the bounds', async () => {
    const tpe: number[] = [];
    const random: number[] = [];
    for (let seed = 0; seed < 9; seed++) {
      const r = await tpeMinimize(f, { lower: [-50, -50], upper: [100, 150], maxEvals: 150, seed });
      expect(r.trials.every((t) => t.x[0]! >= -50 && t.x[0]! <= 100 && t.x[1]! >= -50 && t.x[1]! <= 150)).to.equal(true);
      tpe.push(r.bestLoss);
      // with 150 start-up jobs TPE is random search
      random.push((await tpeMinimize(f, { lower: [-50, -50], upper: [100, 150], maxEvals: 150, seed, nStartupJobs: 150 })).bestLoss);
    }
    expect(median(tpe)).to.be.below(median(random) / 3);
  });

  it('reports a NaN loss naming the trial', async () => {
    await tpeMinimize(() => NaN, { lower: [0], upper: [1], maxEvals: 3, seed: 0 }).then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.match(/loss of trial 0 .* is NaN/));
  });
});
