// Port of ANNarchy 4.7.3 tests/Common/test_NumericalMethod.py (model strings and expected values).
// ANNarchy runs the compile-only classes once per storage format; the project has one sparse
// layout, so each runs once.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { Uniform } from '../../src/engine/random/index.js';
import { RecordedArray } from '../../src/engine/recorded-array.js';

/** The compile-and-run classes: one neuron and one synapse model, 10 neurons all-to-all onto themselves. */
function workSuite(name: string, neuronEquations: string, synapseEquations: string): void {
  describe(name, () => {
    let net: Network;
    before(() => {
      const neuron = new Neuron({ parameters: 'tau = 10.0\nV_l = 1.0', equations: neuronEquations, spike: 'v > 1' });
      const synapse = new Synapse({ parameters: 'tau = 10.0 : projection', equations: synapseEquations });
      net = new Network();
      const pop = new Population(10, neuron, { network: net });
      new Projection(pop, pop, 'exc', synapse).connectAllToAll({ weights: new Uniform(1.0, 2.0) });
      net.compile();
    });
    beforeEach(() => net.reset());
    it('test_work', () => {
      net.simulate(1.0);
      expect(net.getTime()).to.equal(1.0);
    });
  });
}

workSuite('test_Explicit', `
  tau * dv/dt = V_l - v + g_exc
  tau * dg_exc/dt = - g_exc`, 'tau * dw/dt = -w');
workSuite('test_Implicit', 'tau * dv/dt = V_l - v + g_exc : implicit', 'tau * dw/dt = -w : implicit');
workSuite('test_ImplicitCoupled', `
  tau * dv/dt = V_l - v + g_exc : implicit
  tau * dg_exc/dt = - g_exc : implicit`, `
  tau * dw/dt = -w + u : implicit
  tau * du/dt = -u +1 : implicit`);
workSuite('test_Midpoint', 'tau * dv/dt = V_l - v + g_exc : midpoint', 'tau * dw/dt = -w : midpoint');
workSuite('test_MidpointCoupled', `
  tau * dv/dt = V_l - v + g_exc : midpoint
  tau * dg_exc/dt = - g_exc : midpoint`, `
  tau * dw/dt = -w + u : midpoint
  tau * du/dt = -u +1 : midpoint`);
workSuite('test_Exponential', `
  tau * dv/dt = V_l - v + g_exc : exponential
  tau * dg_exc/dt = - g_exc : exponential`, `
  tau * dw/dt = -w + u : exponential
  tau * du/dt = -u +1 : exponential`);

describe('test_Precision', () => {
  const methods = ['explicit', 'implicit', 'midpoint', 'exponential'] as const;
  let net: Network;
  const mons: Record<string, Monitor> = {};
  before(() => {
    net = new Network();
    for (const m of methods) {
      const neuron = new Neuron({
        parameters: 'tau = 10.0\nI = 0.0',
        equations: `
          tau * dv/dt = -v -u + I : ${m}
          tau * du/dt = - u + I : ${m}
          r = pos(v)`,
      });
      mons[m] = new Monitor(new Population(1, neuron, { name: m, network: net }), ['v', 'u']);
    }
    net.compile();
  });
  beforeEach(() => net.reset());

  it('test_precision', () => {
    net.simulate(20.0);
    for (const m of methods) net.getPopulation(m).I = 1.0;
    net.simulate(80);
    const data = methods.map((m) => (mons[m]!.get('v') as RecordedArray).column(0));
    const mean = data[0]!.map((_, i) => data.reduce((s, d) => s + d[i]!, 0) / 4.0);
    for (const d of data) {
      const error = Math.max(...d.map((x, i) => Math.abs(x - mean[i]!)));
      expect(error < 0.05).to.equal(true);
    }
  });
});
