import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { fixture, runExample, tempDir } from './run-example.js';

describe('examples/create-model (CompNeuroPy create_model.py, docs/examples/generate_models.md)', function () {
  this.timeout(120000);
  it('prints the model creation lines and the tabulate grid of the documented output', () => {
    const dir = tempDir();
    try {
      expect(runExample('create-model', dir)).to.equal(fixture('create_model_console.txt'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
