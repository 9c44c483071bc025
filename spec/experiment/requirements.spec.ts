import { expect } from 'chai';
import { ReqPopHasAttr, reqPopAttr } from '../../src/experiment/requirements.js';
import { clear, compile } from '../../src/engine/global-functions.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';

describe('experiment/ReqPopHasAttr', () => {
  afterEach(() => clear());

  it('passes when every population has every attribute; names the first missing pair otherwise', () => {
    const n = new Neuron({ parameters: 'tau = 10', equations: 'rates = 0\n r = rates' });
    new Population(1, n, 'a');
    const b = new Population(1, new Neuron({ equations: 'r = 0' }), 'b');
    compile();
    new ReqPopHasAttr({ pop: 'a', attr: ['tau', 'rates'] }).run();
    expect(() => new ReqPopHasAttr({ pop: ['a', b], attr: ['tau', 'rates'] }).run()).to.throw('Population b does not contain attribute tau!\n');
    expect(() => new reqPopAttr({ pop: 'c', attr: 'tau' }).run()).to.throw('no population named "c"');
    expect(() => new ReqPopHasAttr({ pop: 'a' } as never)).to.throw('ReqPopHasAttr: expected an options object { pop, attr }');
  });
});
