import { expect } from 'chai';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, pngSize, runExample, tempDir } from './run-example.js';

describe('examples/dbs-stimulator-simple (CompNeuroPy dbs_stimulator_simple.py)', function () {
  this.timeout(300000);
  it('prints the compile and "Generate fig" lines of docs/examples/dbs.md and writes the figure', () => {
    const dir = tempDir();
    try {
      expect(runExample('dbs-stimulator-simple', dir)).to.equal(fixture('dbs_stimulator_simple_console.txt'));
      // shape (2, 1): figsize (6.4, 9.6) inches at dpi 300
      expect(pngSize(join(dir, 'dbs_stimulator_simple.png'))).to.deep.equal([1920, 2880]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('examples/dbs-stimulator (CompNeuroPy dbs_stimulator.py, run by its test_dbs.py)', function () {
  this.timeout(900000);
  it('finds the effects of CompNeuroPy\'s tables in all 14 conditions of both models, prints docs/examples/dbs.md\'s lines, writes 42 figures', () => {
    const dir = tempDir();
    try {
      // the example throws (and the run fails) if an effect differs from CompNeuroPy's expected tables
      expect(runExample('dbs-stimulator', dir)).to.equal(fixture('dbs_stimulator_console.txt'));
      const spiking = readdirSync(join(dir, 'DBS_spiking_figure')).sort();
      const rate = readdirSync(join(dir, 'DBS_rate_figure')).sort();
      expect(spiking).to.have.length(28);
      expect(rate).to.deep.equal(Array.from({ length: 14 }, (_, i) => `activity_trial_${i}.png`).sort());
      // shape (3, 2): figsize (12.8, 14.4) inches at dpi 300
      expect(pngSize(join(dir, 'DBS_rate_figure', 'activity_trial_0.png'))).to.deep.equal([3840, 4320]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
