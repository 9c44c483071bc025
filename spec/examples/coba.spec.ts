import { expect } from 'chai';
import { main } from '../../examples/coba.js';
import { clear } from '../../src/engine/global-functions.js';

describe('examples/coba.ts (ANNarchy\'s COBA example)', function () {
  this.timeout(120000);
  after(() => clear());

  it('builds P[:3200] -> P and P[3200:] -> P with self-synapses drawn like any other pair, and runs', () => {
    const lines: string[] = [];
    const r = main(100, 42, (l) => lines.push(l));
    // 2 % of 4000 x 3200 and 4000 x 800 pairs; a binomial count within 5 standard deviations
    const within = (n: number, pairs: number) => Math.abs(n - pairs * 0.02) < 5 * Math.sqrt(pairs * 0.02 * 0.98);
    expect(within(r.Ce.nbSynapses, 4000 * 3200)).to.equal(true);
    expect(within(r.Ci.nbSynapses, 4000 * 800)).to.equal(true);
    // self-synapses: post neuron r < 3200 receiving from pre rank r (expected 3200 * 0.02 = 64)
    const selfCount = (proj: typeof r.Ce) => {
      const pre = proj.preRanks as number[][];
      return (proj.postRanks as number[]).filter((post, i) => pre[i]!.includes(post)).length;
    };
    const selfE = selfCount(r.Ce);
    const selfI = selfCount(r.Ci);
    expect(selfE).to.be.greaterThan(64 - 5 * 8).and.lessThan(64 + 5 * 8);
    expect(selfI).to.be.greaterThan(0);
    expect(lines[1]).to.match(/^Mean firing rate in the population: [0-9.]+Hz$/);
    expect(r.meanRate).to.be.greaterThan(1);
    expect(Object.keys(r.spikes)).to.have.length(4000);
  });
});
