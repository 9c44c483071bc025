import { expect } from 'chai';
import { IzhikevichGolomb } from '../../src/models/izhikevich-golomb.js';
import { compiled, defaults, localities, spikeSteps } from './helpers.js';

const at0 = (x: unknown) => (x as Float64Array)[0]!;
const DD = 819.0218598481788;
const A_UU = 0.4077132173988824;

describe('models: IzhikevichGolomb (compneuropy-semantics §8.4)', () => {
  it('has the fitted constants (per-neuron) and the options', () => {
    const n = new IzhikevichGolomb({ I_app: 2, paramsForPop: true });
    expect(n.name).to.equal('IzhikevichGolomb');
    expect(defaults(n)).to.include({
      C: 100, k: 2.3422021975590845, v_r: -70, v_t: -50, a: 0.4077132173988824, b: 37.027824808742196, c: -50, d: 0,
      v_peak: 0, a_uu: A_UU, dd: DD, a_I: 223.0822501641062, I_app: 2, E_gaba: -90,
    });
    expect(localities(n)).to.include({ C: 'local', a_I: 'local', I_app: 'local', tau_ampa: 'global', E_gaba: 'global', base_mean: 'local' });
    expect(localities(new IzhikevichGolomb())).to.include({ tau_ampa: 'local' });
  });

  it('spike resets v = c and adds dd to uu, which then decays with a_uu (hand-computed)', () => {
    const { net, pop } = compiled(new IzhikevichGolomb({ init: { v: 5 } }), 1, 0.1);
    expect(spikeSteps(net, pop, 1)[0]).to.deep.equal([0]);
    expect(at0(pop.v)).to.equal(-50);
    expect(at0(pop.uu)).to.be.closeTo(DD, 1e-9);
    net.step();
    expect(at0(pop.uu)).to.be.closeTo(DD * (1 - 0.1 * A_UU), 1e-9);
  });

  it('I_v = a_I*(I_app + syn + I_base) and the slow current s follows I_v (hand-computed)', () => {
    const { net, pop } = compiled(new IzhikevichGolomb({ I_app: 0.01, base_mean: 0.02, init: { v: -70 } }), 1, 0.1);
    net.step();
    const iv = 223.0822501641062 * 0.03;
    expect(at0(pop.I_v)).to.be.closeTo(iv, 1e-9);
    expect(at0(pop.s)).to.be.closeTo(0.1 * 0.19087175635342485 * iv, 1e-12);
    expect(at0(pop.n)).to.be.closeTo(0.1 * 0.008987424013380247 * 2.9609600149723434 * iv, 1e-12);
  });

  it('rests at v_r without input', () => {
    const { net, pop } = compiled(new IzhikevichGolomb({ init: { v: -70 } }), 1, 0.1);
    expect(spikeSteps(net, pop, 5000)[0]).to.deep.equal([]);
    expect(at0(pop.v)).to.equal(-70);
  });
});
