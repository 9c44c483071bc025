import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { createDataRawFolder } from '../../src/io/create-data-raw-folder.js';
import { captureLog, inTempDir } from './helpers.js';

describe('io/create-data-raw-folder', () => {
  it('writes __data_raw_meta__ with script, parameters (UPPERCASE of the module) and environment', () => {
    inTempDir(() => {
      writeFileSync('package.json', JSON.stringify({ name: 'study', dependencies: { 'compneuro-rx': '^0.1.0' } }));
      const name = createDataRawFolder('data_raw', {
        script: 'make_data.ts',
        parameterModule: { A: 10, lower: 1 },
        parameterDict: { var2: 'test', var3: [1, 2, 3] },
        kwargs: { seed: 7 },
      });
      expect(name).to.equal('data_raw');
      const meta = readFileSync('data_raw/__data_raw_meta__', 'utf8');
      expect(meta.startsWith('# Data created by runnning\n#  make_data.ts\n# part of git repo:\n# with the following global variables:\nA = 10\nvar2 = \'test\'\nvar3 = [1, 2, 3]\nseed = 7\n')).to.equal(true);
      expect(meta).to.not.contain('lower');
      expect(meta).to.contain(`# node ${process.version}`);
      expect(meta).to.contain('#  compneuro-rx@^0.1.0');
    });
  });

  it('an existing folder is an error unless overwrite', () => {
    inTempDir(() => {
      createDataRawFolder('d', { script: 's' });
      expect(() => createDataRawFolder('d', { script: 's' })).to.throw("'d' already exists");
      const r = captureLog(() => createDataRawFolder('d', { script: 's', overwrite: true }));
      expect(r.printed).to.deep.equal(["Deleting 'd' and continuing."]);
      expect(() => createDataRawFolder('e', { parameterDict: [1] as unknown as Record<string, unknown> })).to.throw(/parameterDict must be an object/);
    });
  });
});
