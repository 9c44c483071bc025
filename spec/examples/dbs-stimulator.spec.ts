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
  it('finds the effects of CompNeuroPy\'s tables in all 14 conditions of both models and prints the compile warnings of docs/examples/dbs.md', () => {
    const dir = tempDir();
    try {
      // the example throws (and the run fails) if an effect differs from CompNeuroPy's expected tables.
      // Without figures (42 figures take minutes): the console is the docs' minus the figure lines;
      // the run with figures printed the whole of dbs_stimulator_console.txt (checked by hand).
      const docs = fixture('dbs_stimulator_console.txt');
      const warnings = docs.split(/\n(?=\nWARNING during compile)/).map((b) => b.split('\nGenerate fig')[0]!.replace(/\n*$/, '\n\n'));
      expect(warnings.map((w) => w.split('\n')[1])).to.deep.equal([
        'WARNING during compile of model dbs_test_spiking_dbs: There are initialized models which are not created, thus not compiled! models:',
        'WARNING during compile of model dbs_test_rate-coded_dbs: There are initialized models which are not created, thus not compiled! models:',
      ]);
      expect(runExample('dbs-stimulator', dir, ['--no-figures'])).to.equal(warnings.join(''));
      expect(readdirSync(dir)).to.deep.equal([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
