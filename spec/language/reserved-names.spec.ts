import { expect } from 'chai';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { ModelError } from '../../src/language/model-error.js';
import { RESERVED_ATTRIBUTE_NAMES } from '../../src/language/reserved-names.js';

function modelError(make: () => unknown): ModelError {
  try {
    make();
  } catch (e) {
    expect(e, `${(e as Error).name}: ${(e as Error).message}`).to.be.instanceOf(ModelError);
    return e as ModelError;
  }
  expect.fail('no error thrown');
}

describe('language: reserved attribute names (issue 18 item 3, issue 20 item 4)', () => {
  // issue 18's list: each is refused as a parameter and as a variable, naming model, section, line and symbol
  for (const name of ['size', 'name', 'population', 'init', 'constructor', '__proto__', 'toString']) {
    it(`"${name}" is refused as a parameter and as a variable with a ModelError saying it is reserved`, () => {
      const p = modelError(() => new Neuron({ name: 'Res', parameters: `tau = 10\n${name} = 1`, equations: 'tau*dv/dt = -v' }).analyse());
      expect(p.model).to.equal('Res');
      expect(p.section).to.equal('parameters');
      expect(p.line).to.equal(2);
      expect(p.symbol).to.equal(name);
      expect(p.problem).to.match(new RegExp(`"${name.replace(/\W/g, '\\$&')}" is reserved and cannot be a parameter`));
      const v = modelError(() => new Neuron({ name: 'ResVar', equations: `dv/dt = -v\n${name} = v` }).analyse());
      expect([v.model, v.section, v.line, v.symbol]).to.deep.equal(['ResVar', 'equations', 2, name]);
      expect(v.problem).to.match(/is reserved/);
      const s = modelError(() => new Synapse({ name: 'ResSyn', parameters: `${name} = 1 : projection`, psp: 'w * pre.r' }).analyse('rate'));
      expect([s.model, s.section, s.line, s.symbol]).to.deep.equal(['ResSyn', 'parameters', 1, name]);
    });
  }

  it("every name of ANNarchy 4.7.3's generator/Sanity.py reserved_variables and parser functions_dict is refused", () => {
    // copied from ANNarchy 4.7.3 (Sanity.py: "is a reserved variable name"; ParserTemplate.py: "is a reserved keyword in ANNarchy")
    const annarchy = ['t', 'dt', 't_pre', 't_post', 't_last', 'last_spike', 'rk_post', 'rk_pre', 'i', 'j', 'active', 'refractory', 'size',
      'pos', 'positive', 'neg', 'negative', 'modulo', 'fabs', 'ite', 'clip', 'True', 'False', 'power'];
    for (const name of annarchy) {
      const e = modelError(() => new Neuron({ name: 'A', parameters: `${name} = 1`, equations: 'dv/dt = -v' }).analyse());
      expect(e.symbol, name).to.equal(name);
      expect(e.problem, name).to.match(/reserved/);
    }
    // and no more than those, issue 18's and the JavaScript object members
    for (const name of RESERVED_ATTRIBUTE_NAMES.keys()) expect([...annarchy, 'name', 'population', 'init']).to.include(name);
  });

  it('names ANNarchy accepts are accepted: state, network, enabled, kernels, ir, meta, geometry', () => {
    for (const name of ['state', 'network', 'enabled', 'kernels', 'ir', 'meta', 'geometry']) {
      const ir = new Neuron({ parameters: `${name} = 2`, equations: `r = ${name}` }).analyse();
      expect(ir.parameters.map((p) => p.name)).to.deep.equal([name]);
    }
  });
});
