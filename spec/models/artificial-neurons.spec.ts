import { expect } from 'chai';
import {
  IntegratorNeuron, IntegratorNeuronSimple, PoissonNeuron, PoissonNeuronSin, PoissonNeuronUpDown,
  integratorNeuron, integratorNeuronSimple, poissonNeuron, poissonNeuronSin, poissonNeuronUpDown,
} from '../../src/models/artificial-neurons.js';
import { compiled, defaults, localities, spikeSteps } from './helpers.js';

/**
 * Random draws in equations (`Uniform(0.0, 1.0)`) come with branch `popfeat`. Without them
 * every draw reads 0, so a PoissonNeuron with rates = 0 fires (p = 0 <= 0) in its first step.
 */
function equationDrawsAvailable(): boolean {
  const { net, pop } = compiled(new PoissonNeuron({ rates: 0 }), 10, 0.1);
  net.step();
  return pop.spike.length === 0;
}

describe('models: artificial neurons (compneuropy-semantics §8.1)', () => {
  it('has the ANNarchy names, parameters and default instances', () => {
    expect([integratorNeuron, integratorNeuronSimple, poissonNeuron, poissonNeuronUpDown, poissonNeuronSin].map((n) => n.name)).to.deep.equal([
      'integrator_neuron', 'integrator_neuron_simple', 'poisson_neuron', 'poisson_neuron_up_down', 'poisson_neuron_sin',
    ]);
    expect(localities(integratorNeuron)).to.deep.equal({ tau: 'global', threshold: 'global', neuron_id: 'local' });
    expect(defaults(integratorNeuron)).to.deep.equal({ tau: 1, threshold: 1, neuron_id: 0 });
    expect(localities(integratorNeuronSimple)).to.deep.equal({ tau: 'global', neuron_id: 'local' });
    expect(integratorNeuronSimple.spiking).to.equal(false);
    expect(defaults(new PoissonNeuron({ rates: 7 }))).to.deep.equal({ rates: 7 });
    expect(defaults(new PoissonNeuronUpDown({ tau_up: 3 }))).to.deep.equal({ rates: 0, tau_up: 3, tau_down: 1 });
    expect(localities(poissonNeuronUpDown)).to.deep.equal({ rates: 'local', tau_up: 'local', tau_down: 'local' });
    expect(defaults(new PoissonNeuronSin({ base: 5 }))).to.deep.equal({ amplitude: 0, base: 5, frequency: 0, phase: 0 });
    expect(integratorNeuron.analyse().variables.find((v) => v.name === 'decision')!.init).to.equal(-1);
  });

  it('IntegratorNeuron: g_ampa decays by explicit Euler and a neuron reaching threshold sets decision = neuron_id', () => {
    const { net, pop } = compiled(new IntegratorNeuron({ tau: 1, threshold: 1 }), 2, 0.1, { g_ampa: [2, 0.5], neuron_id: [3, 7] });
    const spikes = spikeSteps(net, pop, 10);
    // g_n = g_0 * 0.9^n; neuron 0 is >= 1 while n <= 6 (2*0.9^6 = 1.0629, 2*0.9^7 = 0.9566)
    expect(spikes).to.deep.equal([[0, 1, 2, 3, 4, 5], []]);
    expect(Array.from(pop.decision as Float64Array)).to.deep.equal([3, -1]);
    const g = pop.g_ampa as Float64Array;
    expect(g[0]).to.be.closeTo(2 * 0.9 ** 10, 1e-12);
    expect(g[1]).to.be.closeTo(0.5 * 0.9 ** 10, 1e-12);
  });

  it('IntegratorNeuronSimple: rate-coded, r = 0, g_ampa decays with tau', () => {
    const { net, pop } = compiled(new IntegratorNeuronSimple({ tau: 2 }), 1, 0.1, { g_ampa: 4 });
    for (let k = 0; k < 3; k++) net.step();
    expect((pop.g_ampa as Float64Array)[0]).to.be.closeTo(4 * 0.95 ** 3, 1e-12);
    expect((pop.r as Float64Array)[0]).to.equal(0);
  });

  it('PoissonNeuronUpDown: act approaches rates with tau_up when rising and tau_down when falling', () => {
    const { net, pop } = compiled(new PoissonNeuronUpDown({ rates: 100, tau_up: 10, tau_down: 50 }), 1, 0.1);
    net.step();
    expect((pop.act as Float64Array)[0]).to.be.closeTo(1, 1e-12); // 0 + 0.1 * 100/10
    net.step();
    expect((pop.act as Float64Array)[0]).to.be.closeTo(1 + 0.1 * 99 / 10, 1e-12);
    pop.rates = 0;
    net.step();
    expect((pop.act as Float64Array)[0]).to.be.closeTo(1.99 - 0.1 * 1.99 / 50, 1e-12);
  });

  it('PoissonNeuronSin: rates = amplitude*sin(2*pi*frequency*(t/1000 - phase)) + base at t = step*dt', () => {
    const { net, pop } = compiled(new PoissonNeuronSin({ amplitude: 10, base: 20, frequency: 250 }), 1, 1);
    net.step();
    expect((pop.rates as Float64Array)[0]).to.be.closeTo(20, 1e-12); // t = 0
    net.step();
    expect((pop.rates as Float64Array)[0]).to.be.closeTo(30, 1e-12); // t = 1 ms: sin(pi/2)
    net.step();
    expect((pop.rates as Float64Array)[0]).to.be.closeTo(20, 1e-12); // t = 2 ms: sin(pi)
  });

  it('PoissonNeuron with rates = 100 Hz fires about rates*T/1000 spikes per neuron (needs random draws in equations: branch popfeat; pending without)', function () {
    if (!equationDrawsAvailable()) {
      // PENDING until branch popfeat (random draws in equations) is merged
      this.skip();
    }
    const n = 1000;
    const { net, pop } = compiled(new PoissonNeuron({ rates: 100 }), n, 0.1);
    let total = 0;
    for (let k = 0; k < 10000; k++) {
      net.step();
      total += pop.spike.length;
    }
    // expected 100 spikes/neuron in 1000 ms; sd of the total = sqrt(n*steps*p*(1-p)) = 314.6
    expect(Math.abs(total - 100 * n)).to.be.below(5 * 314.6);
    expect(Array.from(pop.p as Float64Array).every((x) => x >= 0 && x < 10000)).to.equal(true);
  });

  it('compiles and steps every model and default instance', () => {
    for (const m of [integratorNeuron, integratorNeuronSimple, poissonNeuron, poissonNeuronUpDown, poissonNeuronSin]) {
      const { net, pop } = compiled(m, 3, 0.1);
      net.step();
      expect(pop.size, m.name).to.equal(3);
    }
  });

  it('rejects unknown and ill-typed options with the option named', () => {
    expect(() => new PoissonNeuron({ rate: 5 } as never)).to.throw(/PoissonNeuron: unknown option "rate"/);
    expect(() => new IntegratorNeuron({ tau: Number.NaN })).to.throw(/IntegratorNeuron: option "tau" must be a finite number/);
    expect(() => new PoissonNeuronSin({ amplitude: '3' as never })).to.throw(/"amplitude" must be a finite number/);
  });
});
