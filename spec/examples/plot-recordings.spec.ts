import { expect } from 'chai';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, pngSize, runExample, tempDir } from './run-example.js';

describe('examples/plot-recordings (CompNeuroPy plot_recordings.py)', function () {
  this.timeout(300000);
  it('plots both chunks saved by run-and-monitor-simulations at CompNeuroPy\'s size, files under 2 MB', () => {
    const dir = tempDir();
    try {
      runExample('run-and-monitor-simulations', dir);
      expect(runExample('plot-recordings', dir)).to.equal(fixture('plot_recordings_console.txt'));
      for (const chunk of [0, 1]) {
        const file = join(dir, 'run_and_monitor_simulations', `my_two_poissons_chunk_${chunk}.png`);
        // shape (3, 5): figsize (6.4*5, 4.8*3) inches at dpi 300
        expect(pngSize(file)).to.deep.equal([9600, 4320]);
        expect(statSync(file).size).to.be.below(2e6);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
