import { expect } from 'chai';
import { take, toArray, lastValueFrom } from 'rxjs';
import { DeapCma } from '../../src/fit/deap-cma.js';
import { NumpyRandomState } from '../../src/engine/random/numpy-legacy.js';

const quad = (pop: number[][]) => pop.map(([a, b]) => [(a! - 1) ** 2 + (b! + 2) ** 2] as [number]);

describe('fit/deap-cma (CompNeuroPy DeapCma)', () => {
  it('scales to [0, 1]: the first generation is 0.5 + 0.25 z in scaled units (numpy draws), evaluated in real units', async () => {
    const seen: number[][][] = [];
    const cma = new DeapCma({ lower: [-10, 0], upper: [10, 4], evaluateFunction: (p) => { seen.push(p); return quad(p); }, seed: 0, displayProgressBar: false });
    expect(cma.strategy.lambda_).to.equal(Math.trunc(4 + 3 * Math.log(2)));
    await cma.run({ maxEvals: 1 });
    const z = new NumpyRandomState(0).standardNormal(2 * cma.strategy.lambda_);
    seen[0]!.forEach((x, k) => {
      expect(x[0]).to.equal((0.5 + 0.25 * z[2 * k]!) * 20 - 10);
      expect(x[1]).to.equal((0.5 + 0.25 * z[2 * k + 1]!) * 4 + 0);
    });
  });

  it('finds the optimum; logbook rows hold numpy statistics of each generation; best_fitness is the hall of fame', async () => {
    const gens: { losses: number[]; avg: number; std: number; min: number; max: number; bestFitness: number }[] = [];
    const cma = new DeapCma({ lower: [-5, -5], upper: [5, 5], evaluateFunction: quad, seed: 3, displayProgressBar: false });
    cma.run$({ maxEvals: 60 }).subscribe((g) => gens.push(g));
    const cma2 = new DeapCma({ lower: [-5, -5], upper: [5, 5], evaluateFunction: quad, seed: 3, displayProgressBar: false });
    const best = await cma2.run({ maxEvals: 60 });
    expect(best.param0).to.be.closeTo(1, 1e-4);
    expect(best.param1).to.be.closeTo(-2, 1e-4);
    // same seed, same run: run$ and run agree
    expect(best.logbook.select('min')).to.deep.equal(gens.map((g) => g.min));
    const g = gens[4]!;
    const mean = g.losses.reduce((a, b) => a + b, 0) / g.losses.length;
    expect(g.avg).to.be.closeTo(mean, 1e-12);
    expect(g.std).to.be.closeTo(Math.sqrt(g.losses.reduce((a, b) => a + (b - mean) ** 2, 0) / g.losses.length), 1e-12);
    expect(best.best_fitness).to.equal(Math.min(...gens.map((x) => x.min)));
    expect(best.deap_pop.map((i) => i.fitness)).to.deep.equal([...best.deap_pop.map((i) => i.fitness)].sort((a, b) => a - b));
  });

  it('run$ stops when unsubscribed; an async evaluate function works the same', async () => {
    let calls = 0;
    const cma = new DeapCma({ lower: [0, 0], upper: [1, 1], evaluateFunction: (p) => { calls++; return quad(p); }, seed: 1, displayProgressBar: false });
    const first = await lastValueFrom(cma.run$({ maxEvals: 500 }).pipe(take(5), toArray()));
    expect(first.map((g) => g.gen)).to.deep.equal([0, 1, 2, 3, 4]);
    expect(calls).to.equal(5);
    const sync = await new DeapCma({ lower: [-5, -5], upper: [5, 5], evaluateFunction: quad, seed: 9, displayProgressBar: false }).run({ maxEvals: 30 });
    const asyncRun = await new DeapCma({ lower: [-5, -5], upper: [5, 5], evaluateFunction: async (p) => quad(p), seed: 9, displayProgressBar: false }).run({ maxEvals: 30 });
    expect(asyncRun.logbook.records).to.deep.equal(sync.logbook.records);
  });

  it('bad input names the culprit', async () => {
    expect(() => new DeapCma({ lower: [0, 5], upper: [1, 2], evaluateFunction: quad, paramNames: ['a', 'b'] })).to.throw(/bounds of "b" \(parameter 1\): lower 5 must be below upper 2/);
    expect(() => new DeapCma({ lower: [0], upper: [1, 2], evaluateFunction: quad })).to.throw(/upper has 2 values, expected 1/);
    expect(() => new DeapCma({ lower: [0], upper: [1], evaluateFunction: quad, cmaParamsDict: { lambda: 4 } as never })).to.throw(/unknown parameter "lambda"/);
    expect(() => new DeapCma({ lower: [0], upper: [1], evaluateFunction: quad, sigma: 1 } as never)).to.throw(/unknown option "sigma"/);
    const nan = new DeapCma({ lower: [0, 0], upper: [1, 1], evaluateFunction: (p) => p.map((_, i) => [i === 2 ? NaN : 1] as [number]), paramNames: ['a', 'b'], seed: 0, displayProgressBar: false });
    await nan.run({ maxEvals: 3 }).then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.match(/returned NaN for individual 2 of generation 0 \(a=.*, b=.*\)/));
    const throwing = new DeapCma({ lower: [0], upper: [1], evaluateFunction: () => { throw new Error('simulation diverged'); }, displayProgressBar: false });
    await throwing.run({ maxEvals: 3 }).then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.equal('simulation diverged'));
    const short = new DeapCma({ lower: [0], upper: [1], evaluateFunction: () => [[1]], displayProgressBar: false });
    await short.run({ maxEvals: 1 }).then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.match(/returned 1 losses for \d+ individuals/));
    await new DeapCma({ lower: [0], upper: [1], evaluateFunction: quad }).run().then(() => expect.fail('should throw'), (e: Error) => expect(e.message).to.match(/maxEvals must be given/));
  });
});
