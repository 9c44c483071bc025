// Port of ANNarchy 4.7.3 tests/Common/test_NumericalMethod.py (model strings and expected values).
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { RecordedArray } from '../../src/engine/recorded-array.js';

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
