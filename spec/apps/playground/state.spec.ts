import { expect } from 'chai';
import { decodeState, defaultState, encodeState, validateState } from '../../../src/apps/playground/state.js';
import { makeProtocol, protocolAttribute, protocolCall, PROTOCOLS } from '../../../src/apps/playground/protocols.js';
import { neuronPresets, presetByName } from '../../../src/apps/playground/presets.js';
import { compileModel } from '../../../src/apps/playground/experiment-run.js';

describe('playground state, protocols and presets', function () {
  this.timeout(60_000);
  it('a state survives the URL: encode then decode gives it back, unicode included', () => {
    const s = defaultState('equations:\n    dv/dt = -v # τ = 1 ms, “quoted”', 'decay');
    s.params = { tau: 3.5 };
    s.sweep = { attr: 'I_app', from: -1.5, to: 2e3, n: 7 };
    const hash = `#${encodeState(s)}`;
    expect(hash).to.match(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeState(hash)).to.deep.equal(s);
    expect(decodeState('#other=1')).to.equal(undefined);
  });

  it('a damaged or hand-edited link fails with the field and what was expected', () => {
    const s = defaultState('equations:\n dv/dt = -v', 'decay');
    expect(() => decodeState('#s=%%%')).to.throw('playground state: the link is damaged (not base64url)');
    expect(() => validateState({ ...s, dt: 0 })).to.throw('playground state: dt must be a positive number of ms (at most 10), got 0');
    expect(() => validateState({ ...s, extra: 1 })).to.throw('playground state: unknown field "extra"');
    expect(() => validateState({ ...s, protocol: { kind: 'currentStep', values: { a3: 1 } } })).to.throw('protocol.values must be keyed by t1, t2, a1, a2, got "a3"');
    expect(() => validateState({ ...s, sweep: { attr: '', from: 0, to: 1, n: 4 } })).to.throw('sweep.attr must be the attribute swept across the neurons');
    expect(() => validateState({ ...s, params: { x: 'big' } })).to.throw('params.x must be a finite number, got "big"');
  });

  it('maps each page protocol to the library protocol with the same options', () => {
    for (const kind of Object.keys(PROTOCOLS) as (keyof typeof PROTOCOLS)[]) {
      const p = { kind, values: {}, attr: 'E_L' };
      const proto = makeProtocol(p, 'pop');
      if (kind === 'none') expect(proto).to.equal(undefined);
      else expect(proto!.name).to.equal(kind);
    }
    expect(makeProtocol({ kind: 'currentRamp', values: { a0: 0, a1: 100, dur: 1000, n: 50 } }, 'pop')!.info(0.01)).to.include({ da: 100 / 49, durStim: 20 });
    expect(protocolAttribute({ kind: 'attrRamp', values: {}, attr: 'E_L' })).to.equal('E_L');
    expect(protocolAttribute({ kind: 'currentStim', values: {} })).to.equal('I_app');
    expect(protocolCall({ kind: 'currentStim', values: { t: 100, a: 20 } }, 'pop')).to.deep.equal({ name: 'currentStim$', code: 'currentStim$({ pop: "pop", t: 100, a: 20 })' });
    expect(() => makeProtocol({ kind: 'currentRamp', values: { n: 2.5 } }, 'pop')).to.throw('protocol currentRamp: n must be an integer, got 2.5');
  });

  it('offers every neuron of the library, HH_Bischop first, each compiling from its editor text', () => {
    const names = neuronPresets().map((p) => p.name);
    expect(names.slice(0, 3)).to.deep.equal(['H_and_H_Bischop', 'Izhikevich2007', 'LIF']);
    for (const n of ['H_and_H_Corbit', 'Izhikevich2007_noisy_AMPA', 'Izhikevich2003_noisy_AMPA', 'integrator_neuron', 'poisson_neuron']) expect(names).to.include(n);
    expect(new Set(names).size).to.equal(names.length);
    for (const p of neuronPresets()) {
      const { info } = compileModel(p.source, p.name, 0.1);
      expect(info.parameters.length + info.variables.length, p.name).to.be.greaterThan(0);
    }
    expect(compileModel(presetByName('Izhikevich2007')!.source, 'Izhikevich2007', 0.1).info.spiking).to.equal(true);
  });
});
