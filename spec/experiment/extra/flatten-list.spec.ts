import { expect } from 'chai';
import { flattenList } from '../../../src/experiment/extra/flatten-list.js';
import { removeKey } from '../../../src/experiment/extra/remove-key.js';

describe('experiment/extra/flatten-list and remove-key', () => {
  it('flattens nested lists; typed arrays stay leaves (numpy arrays in CompNeuroPy)', () => {
    const arr = new Float64Array([1, 2]);
    expect(flattenList([1, [2, [3, [4]]], 'a', arr])).to.deep.equal([1, 2, 3, 4, 'a', arr]);
    expect(() => flattenList('abc' as unknown as unknown[])).to.throw(/must be an array/);
  });

  it('removeKey returns a copy without the key and leaves the original', () => {
    const d = { a: 1, b: 2 };
    expect(removeKey(d, 'a')).to.deep.equal({ b: 2 });
    expect(d).to.deep.equal({ a: 1, b: 2 });
  });
});
