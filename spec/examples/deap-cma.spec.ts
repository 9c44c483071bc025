import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../examples/deap-cma.js';

// CompNeuroPy's docs/examples/deap_cma.md: the minimal run ends at (3, 7, -2) with loss 0.0; the
// hard-bounded run (c in [0, 5]) ends at a = 3, b = 7, c = 0.0 with loss 4.0.
describe('examples/deap-cma (CompNeuroPy deap_cma.py)', function () {
  this.timeout(120000);
  it('ends at the example\'s optima and writes the logbook figure', async () => {
    const cwd = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'deap-cma-'));
    const log = console.log;
    const lines: string[] = [];
    console.log = (...a: unknown[]) => lines.push(a.join(' '));
    process.chdir(dir);
    try {
      const { deapCmaResult: r1, deapCmaOptionalResult: r2 } = await main();
      expect(Object.keys(r1)).to.deep.equal(['param0', 'param1', 'param2', 'logbook', 'deap_pop', 'best_fitness']);
      expect(Object.keys(r2)).to.deep.equal(['a', 'b', 'c', 'logbook', 'deap_pop', 'best_fitness']);
      expect(r1.param0).to.be.closeTo(3, 1e-6);
      expect(r1.param1).to.be.closeTo(7, 1e-6);
      expect(r1.param2).to.be.closeTo(-2, 1e-6);
      expect(r1.best_fitness).to.be.below(1e-12);
      expect(r2.a).to.be.closeTo(3, 1e-6);
      expect(r2.b).to.be.closeTo(7, 1e-6);
      expect(r2.c).to.equal(0);
      expect(r2.best_fitness).to.be.closeTo(4, 1e-9);
      // both stop early (min(diagD) < 1e-5) well before 1000 generations, as in the docs (238 and 166)
      expect(r1.logbook.length).to.be.within(50, 999);
      expect(r2.logbook.length).to.be.within(50, 999);
      const png = readFileSync(join(dir, 'logbook_optional.png'));
      expect(png.subarray(1, 4).toString()).to.equal('PNG');
      expect(existsSync(join(dir, 'logbook_optional.png'))).to.equal(true);
      // verbose prints the strategy constants (N = 3: lambda 7, mu 3)
      expect(lines).to.include('lambda (The number of children to produce at each generation): 7');
      expect(lines).to.include('mu (The number of parents to keep from the lambda children): 3');
      expect(lines.some((l) => l.startsWith('Starting optimization with:'))).to.equal(true);
    } finally {
      console.log = log;
      process.chdir(cwd);
    }
  });
});
