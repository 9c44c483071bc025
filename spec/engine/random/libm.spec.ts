import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fma, glibcExp, glibcLog, glibcPow } from '../../../src/engine/random/libm.js';

// glibc 2.36 values printed by spec/fixtures/random/generate-libm.c
const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/random/libm.json', import.meta.url)), 'utf8'),
) as Record<string, number[]>;

function countMismatches(f: (i: number) => number, expected: number[]): number {
  let bad = 0;
  for (let i = 0; i < expected.length; i++) if (!Object.is(f(i), expected[i])) bad++;
  return bad;
}

describe('engine/random/libm (glibc-identical log/exp/pow)', () => {
  it('log matches glibc on 4000 inputs (near 1, subnormal, huge)', () => {
    const x = ref.log_x!;
    expect(countMismatches((i) => glibcLog(x[i]!), ref.log_y!)).to.equal(0);
  });
  it('exp matches glibc on 4000 inputs (incl. the under/overflow special path)', () => {
    const x = ref.exp_x!;
    expect(countMismatches((i) => glibcExp(x[i]!), ref.exp_y!)).to.equal(0);
  });
  it('pow matches glibc on 4000 inputs', () => {
    const x = ref.pow_x!;
    const y = ref.pow_y!;
    expect(countMismatches((i) => glibcPow(x[i]!, y[i]!), ref.pow_z!)).to.equal(0);
  });
  it('is needed: V8 Math.log differs from glibc on some of these inputs', () => {
    const x = ref.log_x!;
    expect(countMismatches((i) => Math.log(x[i]!), ref.log_y!)).to.be.greaterThan(0);
  });
  it('special values', () => {
    expect(glibcLog(1)).to.equal(0);
    expect(glibcLog(0)).to.equal(-Infinity);
    expect(glibcLog(-1)).to.be.NaN;
    expect(glibcLog(Infinity)).to.equal(Infinity);
    expect(glibcExp(0)).to.equal(1);
    expect(glibcExp(-Infinity)).to.equal(0);
    expect(glibcExp(710)).to.equal(Infinity);
    expect(glibcPow(2, 10)).to.equal(1024);
    expect(glibcPow(0, 2)).to.equal(0);
  });
  it('fma rounds once: 0.1*10 - 1 gives the representation error of 0.1', () => {
    // 0.1 = 0x1.999999999999ap-4, so 0.1*10 = 1 + 2^-54 exactly
    expect(fma(0.1, 10, -1)).to.equal(2 ** -54);
    expect(0.1 * 10 - 1).to.equal(0);
  });
});
