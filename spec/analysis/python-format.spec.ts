import { expect } from 'chai';
import { pyFloat, pyList, pyTuple, sci } from '../../src/analysis/python-format.js';

describe('plot/py-format', () => {
  it('formats like Python repr', () => {
    expect(pyFloat(0)).to.equal('0.0');
    expect(pyFloat(999.99)).to.equal('999.99');
    expect(pyFloat(1e-5)).to.equal('1e-05');
    expect(pyFloat(1.5e20)).to.equal('1.5e+20');
    expect(pyList(['a', 'b'])).to.equal("['a', 'b']");
    expect(pyList([1, 2])).to.equal('[1, 2]');
    expect(pyTuple([1, 1])).to.equal('(1, 1)');
  });
  it('sci as CompNeuroPy documents it', () => {
    expect(sci(0.0001)).to.equal('1.0e-4');
    expect(sci(1.77)).to.equal('1.8');
    expect(sci(1.77e-5)).to.equal('1.8e-5');
    expect(sci(177.22)).to.equal('177.2');
    expect(sci(-65)).to.equal('-65.0');
    expect(sci(0)).to.equal('0.0');
  });
});
