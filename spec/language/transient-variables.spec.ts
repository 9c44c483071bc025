import { expect } from 'chai';
import { Neuron } from '../../src/language/neuron.js';
import { generatePopulationKernels } from '../../src/language/population-codegen.js';

const transientOf = (n: Neuron, keep: string[] = []) => generatePopulationKernels(n.analyse(), { keep }).transient.sort();

describe('language: transient variables and the lean update', () => {
  const model = () => new Neuron({
    parameters: 'tau = 10.0',
    equations: `a = 2 * v
      tau * dv/dt = -a + c : init=1
      c = v / 10
      e = a + 1
      f += a`,
    spike: 'v > 100',
    reset: 'v = 0',
    name: 'lean',
  });

  it('is what every step assigns with = before reading: not c (read by the ODE first), v (ODE) or f (+=)', () => {
    expect(transientOf(model())).to.deep.equal(['a', 'e']);
  });

  it('keeps variables named by `keep` (read by projections or stop conditions)', () => {
    expect(transientOf(model(), ['e'])).to.deep.equal(['a']);
  });

  it('keeps what the spike condition and the reset read or write', () => {
    const n = new Neuron({ equations: 'x = 1\n y = 2\n z = 3\n dv/dt = x + y + z', spike: 'x > 0', reset: 'v = y', name: 'spiky' });
    expect(transientOf(n)).to.deep.equal(['z']);
  });

  it('has none with a refractory period (skipped assignments keep their value)', () => {
    const n = new Neuron({ equations: 'x = 1\n dv/dt = x', spike: 'v > 1', reset: 'v = 0', refractory: 2.0, name: 'ref' });
    expect(transientOf(n)).to.deep.equal([]);
    expect(generatePopulationKernels(n.analyse()).updateLean).to.equal(undefined);
  });

  it('the lean source stores only the carried variables and loads no transient', () => {
    const src = generatePopulationKernels(model().analyse()).source;
    expect(src.update).to.contain('$a[i] = $$a;');
    expect(src.updateLean).to.not.contain('$a[i] = $$a;');
    expect(src.updateLean).to.contain('$c[i] = $$c;');
    expect(src.updateLean).to.contain('let $$a = 0;');
    expect(src.updateLean).to.contain('let $$c = $c[i];');
  });
});
