import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { anovaBetweenGroups } from '../../src/io/anova-between-groups.js';
import { loadVariables } from '../../src/io/save-variables.js';
import { inTempDir } from './helpers.js';

// Wikipedia's worked one-way ANOVA example (see spec/analysis/anova.spec.ts).
const a1 = [6, 8, 4, 5, 3, 4];
const a2 = [8, 12, 9, 11, 6, 8];
const a3 = [13, 9, 11, 8, 7, 12];
const df = { y: [...a1, ...a2, ...a3], g: [...a1.map(() => 'a1'), ...a2.map(() => 'a2'), ...a3.map(() => 'a3')] };

describe('io/anova-between-groups', () => {
  it('writes the report, the saved tables and the box plot', () => {
    inTempDir(() => {
      const r = anovaBetweenGroups(df, 'y', ['g'], { printFile: 'stats/anova.txt', figPath: 'stats/box.png' });
      expect(r.equalVar.g!.equal_var).to.equal(true);
      expect((r.anova[0] as { F: number }).F).to.be.closeTo(9.264705882352942, 1e-12);
      const text = readFileSync('stats/anova.txt', 'utf8');
      expect(text).to.contain('equal_var g:\n');
      expect(text).to.contain('ANOVA table:\n');
      expect(text).to.contain('Post-hoc tests:\n');
      expect(text).to.match(/0\s+g\s+84\s+2\s+42\.0+\s+9\.26/);
      const saved = loadVariables(['anova_between_groups_equal_var_g', 'anova_between_groups_anova', 'anova_between_groups_post_hoc'], 'stats');
      expect((saved.anova_between_groups_anova as { SS: number }[])[0]!.SS).to.be.closeTo(84, 1e-12);
      expect((saved.anova_between_groups_post_hoc as unknown[]).length).to.equal(3);
      const png = readFileSync('stats/box.png');
      expect(png.readUInt32BE(16)).to.equal(3600); // 12 in x 300 dpi
      expect(png.readUInt32BE(20)).to.equal(2400);
    });
  });

  it('names a missing column before writing anything; one factor only', () => {
    inTempDir(() => {
      expect(() => anovaBetweenGroups(df, 'z', ['g'])).to.throw(/no column "z"/);
      expect(existsSync('anova_between_groups.txt')).to.equal(false);
      expect(() => anovaBetweenGroups(df, 'y', ['g', 'h'])).to.throw(/N-way ANOVA is not supported/);
    });
  });
});
