import { expect } from 'chai';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, pngSize, runExample, tempDir } from './run-example.js';

describe('examples/monitor-recordings with figures (CompNeuroPy monitor_recordings.py)', function () {
  this.timeout(300000);
  it('prints the documented block and the six "Generate fig" lines with their warnings, writes the figures', () => {
    const dir = tempDir();
    try {
      expect(runExample('monitor-recordings', dir)).to.equal(fixture('monitor_recordings_console.txt'));
      const figs = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
      expect(figs).to.deep.equal([
        'monitor_recordings_1_chunk0.png', 'monitor_recordings_1_chunk1.png', 'monitor_recordings_1_chunk2.png',
        'monitor_recordings_2_chunk0.png', 'monitor_recordings_2_chunk1.png', 'monitor_recordings_3_chunk0.png',
      ]);
      // shape (2, 2): figsize (12.8, 9.6) inches at dpi 300
      for (const f of figs) expect(pngSize(join(dir, f))).to.deep.equal([3840, 2880]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
