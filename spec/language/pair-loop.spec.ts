import { expect } from 'chai';
import { pairLoop } from '../../src/language/pair-loop.js';

// v[i] += 2 i, then neurons with v > 5 are listed in order and reset to 0
const compute = ['let $$v = $v[i];', 'let __e1000;', '{ const __x = i;', '  __e1000 = 2 * __x; }', '$$v += __e1000;'];
const ordered = ['if ($$v > 5) {', '  $$v = 0;', '  __spiked[__ns++] = i;', '}', '$v[i] = $$v;'];
const run = (lines: string[], v: number[]) => {
  const f = new Function('$v', '__n', `const __spiked = []; let __ns = 0;\n${lines.join('\n')}\nreturn __spiked;`) as (v: Float64Array, n: number) => number[];
  const arr = Float64Array.from(v);
  return { spiked: f(arr, arr.length), v: Array.from(arr) };
};

describe('language: pairLoop', () => {
  it('runs two neurons per iteration with the results of one at a time, odd sizes included', () => {
    const lines = pairLoop(compute, ordered, '__n');
    expect(lines).to.include('  const i$1 = i + 1;');
    expect(lines).to.include('  let $$v$1 = $v[i$1];');
    expect(lines).to.include('    __e1000$1 = 2 * __x; }');
    // v = [1, 1, 1, 1, 1] + 2 i = [1, 3, 5, 7, 9]: 7 and 9 spike
    expect(run(lines, [1, 1, 1, 1, 1])).to.deep.equal({ spiked: [3, 4], v: [1, 3, 5, 0, 0] });
    // [9, 1, 9, 1] + 2 i = [9, 3, 13, 7]: all but neuron 1 spike
    expect(run(lines, [9, 1, 9, 1])).to.deep.equal({ spiked: [0, 2, 3], v: [0, 3, 0, 0] });
  });

  it('keeps spikes in rank order within a pair (neuron i before i + 1)', () => {
    expect(run(pairLoop(compute, ordered, '__n'), [6, 6]).spiked).to.deep.equal([0, 1]);
  });

  it('falls back to one neuron per iteration when a statement declares another name', () => {
    const lines = pairLoop(['const k = 2;', 'let $$v = $v[i] * k;'], ['$v[i] = $$v;'], '__n');
    expect(lines[0]).to.equal('for (let i = 0; i < __n; i++) {');
    expect(run(lines, [1, 2, 3]).v).to.deep.equal([2, 4, 6]);
  });

  it('writes the single-neuron loop only when pairs is false (a population of one neuron), with the same results', () => {
    const lines = pairLoop(compute, ordered, '__n', false);
    expect(lines[0]).to.equal('for (let i = 0; i < __n; i++) {');
    expect(lines.join('\n')).to.not.include('i$1');
    expect(run(lines, [1, 1, 1, 1, 1])).to.deep.equal(run(pairLoop(compute, ordered, '__n'), [1, 1, 1, 1, 1]));
  });
});
