import { expect } from 'chai';
import { parse } from 'acorn';
import { namesOutsideBranches } from '../../../src/language/wasm/names-outside-branches.js';

const names = (src: string) => namesOutsideBranches(parse(src, { ecmaVersion: 2022, sourceType: 'script' }), src);

describe('language/wasm: names read outside branches', () => {
  it('counts statements and if tests, not the bodies of if/else (nested too)', () => {
    const s = names('let x = v[i] * a; if (x > th) { x = c; if (x < lo) x = d; } else { x += e; } w[i] = x;');
    expect([...s].sort()).to.deep.equal(['a', 'i', 'th', 'v', 'w', 'x']);
  });

  it('counts ?: and logical operands (computed for every lane) and member chains by their text', () => {
    const s = names('y[i] = p ? q : __R.__rand_0; if (z) y[i] = __R.__rand_1 + k;');
    expect(s.has('q')).to.equal(true);
    expect(s.has('__R.__rand_0')).to.equal(true);
    expect(s.has('__R.__rand_1')).to.equal(false);
    expect(s.has('k')).to.equal(false);
  });
});
