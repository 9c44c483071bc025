import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { clearDir, createDir } from '../../src/io/create-dir.js';
import { captureLog, inTempDir } from './helpers.js';

describe('io/create-dir', () => {
  it('creates nested folders, keeps or clears existing ones', () => {
    inTempDir(() => {
      createDir('a/b/c');
      expect(existsSync('a/b/c')).to.equal(true);
      writeFileSync('a/b/c/x.txt', '1');
      mkdirSync('a/b/c/sub');
      const kept = captureLog(() => createDir('a/b/c', { printInfo: true }));
      expect(kept.printed).to.deep.equal(['a/b/c already exists']);
      expect(readdirSync('a/b/c').sort()).to.deep.equal(['sub', 'x.txt']);
      const refused = captureLog(() => createDir('a/b/c', { clear: true, printInfo: true, confirm: () => false }));
      expect(refused.printed).to.deep.equal(['a/b/c already exists', 'a/b/c already exists and was not cleared.']);
      createDir('a/b/c', { clear: true });
      expect(readdirSync('a/b/c')).to.deep.equal([]);
      expect(existsSync('a/b/c')).to.equal(true);
    });
  });

  it('clearDir empties a folder; a missing one prints CompNeuroPy\'s message', () => {
    inTempDir(() => {
      mkdirSync('d/e', { recursive: true });
      writeFileSync('d/f', '');
      clearDir('d');
      expect(readdirSync('d')).to.deep.equal([]);
      expect(captureLog(() => clearDir('missing')).printed).to.deep.equal(["The folder 'missing' does not exist."]);
      writeFileSync('file', '');
      expect(() => createDir('file')).to.throw(/a file of that name exists/);
      expect(() => createDir(3 as unknown as string)).to.throw('create_dir, ERROR: path is no str');
    });
  });
});
