import { expect } from 'chai';
import { Subject, take, toArray, lastValueFrom } from 'rxjs';
import { setDefaultProgressReporter, type ProgressInfo } from '../../src/engine/progress.js';
import { DeapCma } from '../../src/fit/deap-cma.js';
import { NumpyRandomState } from '../../src/engine/random/numpy-legacy.js';

const quad = (pop: number[][]) => pop.map(([a, b]) => [(a! - 1) ** 2 + (b! + 2) ** 2] as [number]);

describe('fit/deap-cma (CompNeuroPy DeapCma)', () => {
  it('reports progress through the engine\'s ProgressReporter: one report per generation with the best loss, then complete', async () => {
    const progress = new Subject<ProgressInfo>();
    const seen: ProgressInfo[] = [];
    let completed = 0;
    progress.subscribe({ next: (p) => seen.push(p), complete: () => completed++ });
    const cma = new DeapCma({ lower: [-5, -5], upper: [5, 5], evaluateFunction: quad, seed: 2, displayProgressBar: progress });
    const best = await cma.run({ maxEvals: 12 });
    expect(seen.map((p) => p.done)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(seen.every((p) => p.total === 12 && p.unit === 'gen')).to.equal(true);
    expect(seen.at(-1)!.percent).to.equal(100);
    expect(seen.at(-1)!.detail).to.equal(`best loss: ${best.best_fitness.toFixed(5)}`);
    expect(completed).to.equal(1);
  });

  it('displayProgressBar: true asks the environment\'s default reporter (the terminal bar in Node) labelled DeapCma; false shows none', async () => {
    const labels: (string | undefined)[] = [];
    let reports = 0;
    let completes = 0;
    setDefaultProgressReporter((label) => {
      labels.push(label);
      return { next: () => reports++, complete: () => completes++ };
    });
    try {
      await new DeapCma({ lower: [0, 0], upper: [1, 1], evaluateFunction: quad, seed: 1 }).run({ maxEvals: 3 });
      expect(labels).to.deep.equal(['DeapCma']);
      expect([reports, completes]).to.deep.equal([4, 1]);
      await new DeapCma({ lower: [0, 0], upper: [1, 1], evaluateFunction: quad, seed: 1, displayProgressBar: false }).run({ maxEvals: 3 });
      expect(labels.length).to.equal(1);
      // unsubscribing early closes the bar once
      const cma = new DeapCma({ lower: [0, 0], upper: [1, 1], evaluateFunction: quad, seed: 1 });
      await lastValueFrom(cma.run$({ maxEvals: 50 }).pipe(take(2), toArray()));
      expect(completes).to.equal(2);
    } finally {
      setDefaultProgressReporter(undefined);
    }
    expect(() => new DeapCma({ lower: [0], upper: [1], evaluateFunction: quad, displayProgressBar: 'yes' as never })).to.throw(/DeapCma: displayProgressBar: progress must be true, false or an object with next\(info\)/);
  });

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
