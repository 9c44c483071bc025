import { expect } from 'chai';
import { fmt, popFlag, resolveOptions } from '../../src/models/model-options.js';

describe('models: keyword-argument handling', () => {
  it('merges options over defaults and ignores undefined values', () => {
    expect(resolveOptions('X', { a: 2, b: undefined }, { a: 1, b: 3, flag: false })).to.deep.equal({ a: 2, b: 3, flag: false });
    expect(resolveOptions('X', undefined, { a: 1 })).to.deep.equal({ a: 1 });
  });

  it('names the class and the option in errors', () => {
    expect(() => resolveOptions('X', { c: 1 } as never, { a: 1 })).to.throw('X: unknown option "c"; expected one of a');
    expect(() => resolveOptions('X', { a: Infinity }, { a: 1 })).to.throw('X: option "a" must be a finite number, got Infinity');
    expect(() => resolveOptions('X', { flag: 1 } as never, { flag: false })).to.throw('X: option "flag" must be a boolean, got number');
    expect(() => resolveOptions('X', 5 as never, { a: 1 })).to.throw(/X: expected an options object/);
    expect(() => resolveOptions('X', { m: 'a' } as never, { m: null })).to.throw(/"m" must be a finite number or null/);
  });

  it('formats numbers for the description text and the population flag', () => {
    expect(fmt(-60)).to.equal('-60');
    expect(fmt(0.0008)).to.equal('0.0008');
    expect(() => fmt(Number.NaN)).to.throw(/finite/);
    expect(popFlag(true)).to.equal(': population');
    expect(popFlag(false)).to.equal('');
  });
});
