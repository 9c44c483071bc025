// Port of ANNarchy 4.7.3 tests/Interface/test_Report.py (model strings as in the original).
// The project writes Markdown reports only (README differences table): test_tex_report checks that
// a .tex file name is refused with an error naming the extension and that nothing is written.
import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clear } from '../../src/engine/global-functions.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Uniform } from '../../src/engine/random/index.js';
import { report } from '../../src/io/report.js';
import { Constant } from '../../src/language/constant.js';
import { addFunction } from '../../src/language/global-functions.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { Hebb } from '../../src/models/annarchy/index.js';

function reportTests(): void {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'annarchy-report-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));
  it('test_tex_report', () => {
    const fn = join(dir, 'report.tex');
    expect(() => report({ filename: fn })).to.throw(/only Markdown is written; the file name must end with \.md/);
    expect(existsSync(fn)).to.equal(false);
  });
  it('test_md_report', () => {
    const fn = join(dir, 'report.md');
    report({ filename: fn });
    expect(existsSync(fn)).to.equal(true);
    rmSync(fn);
  });
}

describe('test_Report_Rate', () => {
  before(() => {
    clear();
    new Constant('mu', 0.2);
    addFunction('f(x) = 2/(x*x)');
    const DefaultNeuron = new Neuron({
      parameters: `
        tau = 10.0 : population
        baseline = 1.0
        condition = True`,
      equations: `
        noise = Uniform(-0.1, 0.1)
        tau * dmp/dt + mp = f(sum(exc)) +  neg(- f2(sum(inh)))
                            + baseline + noise : implicit
        r = pos(mp)`,
      functions: `
        f2(x) = if x>0: x else:x/2`,
    });
    const emptyNeuron1 = new Neuron({ equations: 'r=0' });
    const emptyNeuron2 = new Neuron({ parameters: 'r=0' });
    const Oja = new Synapse({
      parameters: `
        eta = 10.0
        tau = 10.0 : postsynaptic`,
      equations: `
        tau * dalpha/dt + alpha = pos(post.r - 1.0) : postsynaptic
        eta * dw/dt = pre.r * post.r - alpha * post.r^2 * w : min=0.0
        mu * dx/dt = pre.sum(exc) * post.sum(exc)`,
      psp: `
        w * pre.r`,
    });
    const pop1 = new Population(1, emptyNeuron1, { name: 'pop1' });
    const pop2 = new Population(1, DefaultNeuron, { name: 'pop2' });
    const pop3 = new Population([2, 2], emptyNeuron2, { name: 'pop3' });
    new Projection(pop1, pop2, 'exc', Oja).connectOneToOne({ weights: new Uniform(-0.5, 0.5) });
    new Projection(pop1, pop3, 'exc', new Hebb()).connectAllToAll({ weights: 1.0 });
    new Projection(pop1, pop3, 'exc').connectAllToAll({ weights: 1.0 });
    new Monitor(pop2, 'r');
  });
  after(() => clear());
  reportTests();
});

// test_Report_Spiking is not ported (README.md): its STP synapse's psp reads `g_exc`, which is not an
// attribute of the synapse; ANNarchy's report() never compiles, so sympy takes it as a free symbol,
// while the project checks every symbol when the projection is created.
