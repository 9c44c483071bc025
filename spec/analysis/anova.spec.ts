import { expect } from 'chai';
import { fdrBh, groupBy, levene, oneWayAnova, pairwiseTTests, welchAnova } from '../../src/analysis/anova.js';

// The worked one-way ANOVA example of Wikipedia's "One-way analysis of variance" article:
// three groups of six, SSB = 84, SSW = 68, df 2 and 15, F = 9.26 (> F_crit 3.68).
const a1 = [6, 8, 4, 5, 3, 4];
const a2 = [8, 12, 9, 11, 6, 8];
const a3 = [13, 9, 11, 8, 7, 12];
const df = { y: [...a1, ...a2, ...a3], g: [...a1.map(() => 'a1'), ...a2.map(() => 'a2'), ...a3.map(() => 'a3')] };

describe('analysis/anova', () => {
  it('one-way ANOVA of the published worked example', () => {
    const [between, within] = oneWayAnova(groupBy(df, 'y', 'g'), 'g');
    expect(between!.SS).to.be.closeTo(84, 1e-12);
    expect(within!.SS).to.be.closeTo(68, 1e-12);
    expect([between!.DF, within!.DF]).to.deep.equal([2, 15]);
    expect(between!.MS).to.be.closeTo(42, 1e-12);
    expect(within!.MS).to.be.closeTo(68 / 15, 1e-12);
    expect(between!.F).to.be.closeTo(9.264705882352942, 1e-12);
    expect(between!['p-unc']).to.be.closeTo(0.0023987773293929083, 1e-12); // scipy.stats.f_oneway
    expect(between!.np2).to.be.closeTo(84 / 152, 1e-12);
  });

  it('Levene (median), Welch ANOVA and pairwise t-tests agree with scipy', () => {
    const g = groupBy(df, 'y', 'g');
    const lev = levene(g);
    expect(lev.W).to.be.closeTo(0.5084745762711866, 1e-12); // scipy.stats.levene
    expect(lev.pval).to.be.closeTo(0.6114148271689199, 1e-9);
    expect(lev.equal_var).to.equal(true);
    const w = welchAnova(g, 'g')[0]!;
    expect(w.F).to.be.closeTo(9.939050243799024, 1e-9); // scipy.stats.f_oneway(equal_var=False)
    expect(w['p-unc']).to.be.closeTo(0.004337776053275159, 1e-9);
    const pw = pairwiseTTests(g, 'g');
    expect(pw.map((r) => [r.A, r.B])).to.deep.equal([['a1', 'a2'], ['a1', 'a3'], ['a2', 'a3']]);
    expect(pw[0]!.T).to.be.closeTo(-3.464101615137755, 1e-12); // scipy.stats.ttest_ind
    expect(pw[0]!['p-unc']).to.be.closeTo(0.0060808479270885365, 1e-9);
    expect(pw.map((r) => r['p-corr'])).to.deep.equal(fdrBh(pw.map((r) => r['p-unc'])));
    expect(pw[0]!['p-corr']).to.be.closeTo(0.00912127, 1e-8); // scipy.stats.false_discovery_control
  });

  it('Welch t-test when group sizes differ', () => {
    const pw = pairwiseTTests(groupBy({ y: [...a1, 13, 9, 11, 8, 7, 12, 15], g: [...a1.map(() => 'a'), ...Array(7).fill('b')] }, 'y', 'g'));
    expect(pw[0]!.T).to.be.closeTo(-4.369562765191716, 1e-12); // ttest_ind(equal_var=False)
    expect(pw[0]!.dof).to.be.closeTo(10.165207375594264, 1e-9);
    expect(pw[0]!['p-unc']).to.be.closeTo(0.0013468197003620292, 1e-9);
  });

  it('bad input names the column or group', () => {
    expect(() => groupBy(df, 'z', 'g')).to.throw(/no column "z"/);
    expect(() => oneWayAnova(new Map([['a', [1, 2]]]))).to.throw(/at least 2 groups/);
    expect(() => welchAnova(new Map([['a', [1, 2]], ['b', [3]]]))).to.throw(/group "b" has 1 values/);
  });
});
