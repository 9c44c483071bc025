import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import type { ModelFunction } from '../../src/engine/model-functions.js';
import { Constant } from '../../src/language/constant.js';
import { clearConstants } from '../../src/language/constant.js';
import { Neuron } from '../../src/language/neuron.js';

describe('engine: model functions callable on the population (ANNarchy pop.f(x))', () => {
  after(() => clearConstants());
  it('evaluate numbers, arrays element-wise with numbers broadcast, constants, and check the arguments', () => {
    new Constant('k_mf', 3);
    const net = new Network();
    const pop = new Population(2, new Neuron({ equations: 'r = f(sum(exc), 1)', functions: 'f(x, y) = k_mf * x + y^2\n size(x) = x' }), { network: net }) as Population & { f: ModelFunction };
    expect(pop.f(2, 1)).to.equal(7);
    expect(pop.f([0, 1, 2], 2)).to.deep.equal([4, 7, 10]);
    expect(() => pop.f(1)).to.throw(/Population "pop0"\.f: takes 2 argument\(s\) \(x, y\), got 1/);
    expect(() => pop.f([1, 2], [1])).to.throw(/different lengths \(2 and 1\)/);
    // a member keeps its name: size is the population size, not the function
    expect(pop.size).to.equal(2);
  });
});
