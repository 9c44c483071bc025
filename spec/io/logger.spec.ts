import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { Logger } from '../../src/io/logger.js';
import { captureLog, inTempDir } from './helpers.js';

class Fitter {
  run(): void {
    new Logger().log('fitting');
    new Logger().log('still fitting');
  }
}

function prepare(): void {
  new Logger().log('line 1\nline 2');
}

describe('io/logger', () => {
  afterEach(() => Logger.reset());

  it('is a singleton writing to the first file, with the call stack above each new block', () => {
    inTempDir(() => {
      const logger = new Logger('log.txt');
      expect(new Logger('other.txt')).to.equal(logger);
      prepare();
      new Fitter().run();
      const text = readFileSync('log.txt', 'utf8');
      const lines = text.split('\n');
      expect(lines[0]).to.equal('Logger file:');
      expect(text).to.contain('    line 1\n    line 2\n');
      expect(text).to.match(/\n\[[^\]]*prepare\]:\n    line 1/);
      // the same stack twice: the second block has no header
      expect(text).to.match(/\n\[[^\]]*Fitter\.run\]:\n    fitting\n    still fitting\n$/);
    });
  });

  it('without a file only prints when verbose', () => {
    const r = captureLog(() => {
      new Logger().log('quiet');
      new Logger().log('loud', true);
    });
    expect(r.printed).to.deep.equal(['loud']);
  });
});
