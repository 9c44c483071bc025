import { strict as assert } from 'node:assert';
import { markdownTable, targetMet, targetOf } from '../../bench/bench-utils.js';

describe('bench/bench-utils: targets read from the notes', () => {
  it('reads the comparison and the number after "target"', () => {
    assert.deepEqual(targetOf({ name: 'a', median: 1, unit: 's', note: 'target <= 0.16 (range 0.1-0.2); Brian2 0.17' }), { op: '<=', value: 0.16 });
    assert.deepEqual(targetOf({ name: 'a', median: 1, unit: 'x', note: 'interleaved; target >= 1.8x on 2 idle cores' }), { op: '>=', value: 1.8 });
    assert.deepEqual(targetOf({ name: 'a', median: 1, unit: 'ms', note: 'range 4-5; target < 1000' }), { op: '<', value: 1000 });
    assert.equal(targetOf({ name: 'a', median: 1, unit: 'B', note: 'target ~0' }), undefined);
    assert.equal(targetOf({ name: 'a', median: 1, unit: 'B' }), undefined);
  });

  it('says whether the median meets it, and NO for a row that failed to measure', () => {
    assert.equal(targetMet({ name: 'a', median: 0.16, unit: 's', note: 'target <= 0.16' }), 'yes');
    assert.equal(targetMet({ name: 'a', median: 0.161, unit: 's', note: 'target <= 0.16' }), 'NO');
    assert.equal(targetMet({ name: 'a', median: 1.69, unit: 'x', note: 'target >= 1.7' }), 'NO');
    assert.equal(targetMet({ name: 'a', median: 1000, unit: 'ms', note: 'target < 1000' }), 'NO');
    assert.equal(targetMet({ name: 'a', median: NaN, unit: 'x', note: 'target >= 1.7' }), 'NO');
    assert.equal(targetMet({ name: 'a', median: 3, unit: 'x', note: 'no target here' }), '');
  });

  it('writes Markdown with pipes in cells escaped', () => {
    const md = markdownTable([{ name: 'x | y', median: 1.5, unit: 's', note: 'target <= 2' }], 'heading');
    assert.equal(md, 'heading\n\n| benchmark | median | unit | target met | target / comparison |\n|---|---|---|---|---|\n| x \\| y | 1.50 | s | yes | target <= 2 |\n');
  });
});
