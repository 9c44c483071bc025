import { expect } from 'chai';
import { addFunction, functions, GLOBAL_FUNCTIONS } from '../../src/language/global-functions.js';
import { Constant, getConstant, listConstants } from '../../src/language/constant.js';
import { clear } from '../../src/engine/global-functions.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { ModelError } from '../../src/language/model-error.js';

describe('language: addFunction / functions, getConstant / listConstants (ANNarchy add_function, functions, get_constant, list_constants)', () => {
  beforeEach(() => clear());
  after(() => clear());

  it('a global function is usable in models created afterwards and callable from TypeScript', () => {
    addFunction('sigm(x, a) = 1.0 / (1.0 + exp(-a * x))\n twice(x) = 2 * x');
    const net = new Network({ dt: 1.0 });
    const pop = new Population(2, new Neuron({ parameters: 'v = 0.0', equations: 'r = twice(sigm(v, 2.0))', name: 'uses global' }), { network: net });
    pop.v = Float64Array.from([0, 1]);
    net.simulate(1);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([2 * (1.0 / (1.0 + Math.exp(-0))), 2 * (1.0 / (1.0 + Math.exp(-2.0 * 1)))]);
    expect(functions('twice')(3)).to.equal(6);
    expect(Array.from(functions('sigm')([0, 1], 2.0) as Float64Array)).to.deep.equal([0.5, 1.0 / (1.0 + Math.exp(-2.0))]);
    expect(() => functions('nope')).to.throw(/no global function "nope"; defined: sigm, twice/);
    expect(() => functions('twice')(1, 2)).to.throw(/takes 1 argument/);
  });

  it('a model\'s own function of the same name wins; redefinition and unknown calls are refused without adding anything', () => {
    addFunction('f(x) = x + 1');
    const n = new Neuron({ parameters: 'v = 1.0', equations: 'r = f(v)', functions: 'f(x) = x + 100', name: 'own f' });
    const net = new Network({ dt: 1.0 });
    const pop = new Population(1, n, { network: net });
    net.simulate(1);
    expect(pop.r).to.deep.equal(Float64Array.from([101]));
    expect(() => addFunction('f(x) = 2 * x')).to.throw(/"f" is already defined/);
    expect(() => addFunction('g(x) = x\n h(x) = nothere(x)')).to.throw(ModelError, /unknown function "nothere\(\)"/);
    expect(GLOBAL_FUNCTIONS.map((g) => g.name)).to.deep.equal(['f']);
    clear();
    expect(GLOBAL_FUNCTIONS).to.have.length(0);
  });

  it('getConstant returns the Constant, listConstants its names in creation order', () => {
    new Constant('tau_a', 10);
    new Constant('b0', 2);
    expect(getConstant('tau_a').value).to.equal(10);
    expect(listConstants()).to.deep.equal(['tau_a', 'b0']);
    expect(() => getConstant('x')).to.throw(/no constant "x"; defined: tau_a, b0/);
  });
});
