import { expect } from 'chai';
import { suppressStdout } from '../../src/io/suppress-stdout.js';

describe('io/suppress-stdout', () => {
  it('discards console.log and process.stdout.write inside, restores them after (also on throw)', () => {
    const written: string[] = [];
    const origWrite = process.stdout.write;
    process.stdout.write = ((s: string) => (written.push(s), true)) as typeof process.stdout.write;
    try {
      const r = suppressStdout(() => {
        console.log('hidden');
        process.stdout.write('hidden too');
        return 5;
      });
      expect(r).to.equal(5);
      expect(written).to.deep.equal([]);
      expect(() => suppressStdout(() => {
        throw new Error('boom');
      })).to.throw('boom');
      process.stdout.write('visible');
      expect(written).to.deep.equal(['visible']);
    } finally {
      process.stdout.write = origWrite;
    }
  });
});
