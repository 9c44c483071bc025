import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { TimedPoissonPopulation } from '../../../src/engine/special/timed-poisson-population.js';
import { HomogeneousCorrelatedSpikeTrains, rectify } from '../../../src/engine/special/homogeneous-correlated-spike-trains.js';
import erf from '@stdlib/math-base-special-erf';

type SpikeDict = Record<number, number[]>;

describe('engine/special: TimedPoissonPopulation and HomogeneousCorrelatedSpikeTrains (ANNarchy 4.7.3 SpecificPopulation.py)', () => {
  it('TimedPoissonPopulation: ANNarchy\'s neuron strings; proba follows the schedule (steps int(ms/dt)), cycles with period, restarts at reset', () => {
    const net = new Network({ dt: 1.0, seed: 1 });
    // p = (1000/dt) * U(0,1) <= 1000: rate 0 never fires, rate 1e6 always does
    const pop = new TimedPoissonPopulation(3, { rates: [0, 1e6, [0, 1e6, 0]], schedule: [0, 5, 7], period: 10, network: net });
    expect(pop.neuronType.parameters).to.equal('\n            proba = 1.0\n            ');
    expect(pop.neuronType.equations).to.equal('\n            p = Uniform(0.0, 1.0) * 1000.0 / dt\n            ');
    expect(pop.neuronType.spike).to.equal('\n            p < proba\n            ');
    const m = new Monitor(pop, ['spike']);
    net.simulate(14);
    const s = m.get('spike') as SpikeDict;
    expect(s[0]).to.deep.equal([5, 6]);
    expect(s[1]).to.deep.equal([5, 6, 7, 8, 9]);
    expect(s[2]).to.deep.equal([5, 6]);
    net.reset();
    net.simulate(6);
    expect((m.get('spike') as SpikeDict)[1]).to.deep.equal([5]);
    expect(() => new TimedPoissonPopulation(2, { rates: [1, 2], schedule: [0], network: net })).to.throw(/first axis of the rates \(2\) must be the same length as the schedule \(1\)/);
  });

  it('rectify: the rectified Gaussian of (mu, sigma) has the requested mean rate and standard deviation sqrt(corr*rate/(2 tau/1000))', () => {
    for (const [rate, corr, tau] of [[10, 0.3, 10], [20, 0.05, 5], [5, 0.9, 20]] as const) {
      const [mu, sigma] = rectify(rate, corr, tau);
      const a = 1 + erf(mu / (sigma * Math.SQRT2));
      const mur = sigma / Math.sqrt(2 * Math.PI) * Math.exp(-0.5 * (mu / sigma) ** 2) + 0.5 * mu * a;
      const sigmar = Math.sqrt((mu - mur) * mur + 0.5 * sigma ** 2 * a);
      expect(mur).to.be.closeTo(rate, 1e-6 * rate);
      expect(sigmar / mur).to.be.closeTo(Math.sqrt(corr * rate / (2 * tau / 1000)) / rate, 1e-6);
    }
    expect(rectify(10, 0, 10)).to.deep.equal([10, 0]);
  });

  it('HomogeneousCorrelatedSpikeTrains: strings with the corrected mu/sigma, and the mean rate over 200 neurons x 5 s is the requested one', () => {
    const net = new Network({ dt: 1.0, seed: 3 });
    const pop = new HomogeneousCorrelatedSpikeTrains(200, { rates: 20, corr: 0.0, tau: 10, network: net });
    expect(pop.neuronType.parameters).to.equal('\n                tau = 10.0 : population\n                mu = 20.0 : population\n                sigma = 0.0 : population\n            ');
    expect(pop.neuronType.equations).to.equal('\n                x += dt*(mu - x)/tau + sqrt(dt/tau) * sigma * Normal(0., 1.) : population, init=20.0\n                p = Uniform(0.0, 1.0) * 1000.0 / dt\n            ');
    const m = new Monitor(pop, ['spike']);
    net.simulate(5000);
    const n = Object.values(m.get('spike') as SpikeDict).reduce((a, l) => a + l.length, 0);
    // Poisson count with mean 200 * 5 * 20 = 20000: within 5 standard deviations
    expect(Math.abs(n - 20000)).to.be.lessThan(5 * Math.sqrt(20000));
    const corr = new HomogeneousCorrelatedSpikeTrains(10, { rates: [10, 30], corr: 0.2, tau: 10, schedule: [0, 100], network: net });
    expect(corr.muList).to.have.length(2);
    expect(() => new HomogeneousCorrelatedSpikeTrains(2, { rates: 1, corr: 0, tau: 1, refractory: 2 } as never)).to.throw(/unknown option "refractory" \(a refractory period is not supported\)/);
  });
});
