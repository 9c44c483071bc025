import { expect } from 'chai';
import { formatSections, locateError, neuronOptions, parseSections, SectionError } from '../../../src/apps/playground/sections.js';
import { compileModel } from '../../../src/apps/playground/experiment-run.js';
import { ModelError } from '../../../src/language/model-error.js';

const DOC = [
  '# a leaky neuron', //                 1
  'parameters:', //                      2
  '    tau = 10.0 : population', //      3
  '    I_app = 0.0', //                  4
  'equations:', //                       5
  '    tau * dv/dt = -v + I_app', //     6
  '    w = 2 * v', //                    7
  'spike:', //                           8
  '    v > 1', //                        9
  'reset:', //                          10
  '    v = 0', //                       11
  'refractory:', //                     12
  '    2.5', //                         13
].join('\n');

describe('playground sections (editor text <-> neuron strings)', () => {
  it('splits the text at its headers; line k of a section is the header line + k', () => {
    const p = parseSections(DOC);
    expect(p.headerLine).to.deep.equal({ parameters: 2, equations: 5, spike: 8, reset: 10, refractory: 12 });
    expect(p.text.equations).to.equal('    tau * dv/dt = -v + I_app\n    w = 2 * v');
    const o = neuronOptions(p, 'leaky');
    expect(o.refractory).to.equal(2.5);
    expect(o.spike).to.equal('    v > 1');
    expect(o.functions).to.equal(undefined);
    expect(neuronOptions(parseSections('equations:\n  dv/dt = -v\nrefractory:\n  t_ref'), 'x').refractory).to.equal('t_ref');
  });

  it('rejects text before the first header, unknown and repeated headers, naming the line', () => {
    const at = (doc: string): [string, number] => {
      try {
        parseSections(doc);
      } catch (e) {
        expect(e).to.be.instanceOf(SectionError);
        return [(e as SectionError).message, (e as SectionError).line];
      }
      throw new Error('no error');
    };
    expect(at('x = 1\nequations:\n dv/dt = 1')).to.deep.equal(['text before the first section header; start with one of parameters:, equations:, spike:, reset:, functions:, refractory:', 1]);
    expect(at('equations:\n dv/dt = 1\nequation:\n')[1]).to.equal(3);
    expect(at('equations:\n dv/dt = 1\nequation:\n')[0]).to.contain('unknown section "equation:"');
    expect(at('spike:\n v > 1\nspike:\n v > 2')).to.deep.equal(['section "spike:" appears twice (first at line 1)', 3]);
  });

  it('round-trips a neuron: formatSections then parseSections gives back its statements', () => {
    const text = formatSections({ parameters: '\n      a = 1\n      b = 2 : population\n    ', equations: 'dv/dt = a - v', refractory: 3 });
    expect(text).to.equal('parameters:\n    a = 1\n    b = 2 : population\nequations:\n    dv/dt = a - v\nrefractory:\n    3\n');
    const o = neuronOptions(parseSections(text), 'r');
    expect(o.parameters).to.equal('    a = 1\n    b = 2 : population');
    expect(o.refractory).to.equal(3);
  });

  it('places a ModelError of the compiled text at its document line and on its symbol', () => {
    const bad = DOC.replace('    w = 2 * v', '    w = 2 * E_x');
    let err: unknown;
    try {
      compileModel(bad, 'leaky', 0.1);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(ModelError);
    expect((err as ModelError).section).to.equal('equations');
    expect((err as ModelError).line).to.equal(2);
    const d = locateError(bad, err);
    expect(d.line).to.equal(7);
    expect(bad.split('\n')[6]!.slice(d.from, d.to)).to.equal('E_x');
    expect(d.message).to.contain('E_x');
  });

  it('places errors without a symbol on the statement, section errors on their line', () => {
    const d = locateError(DOC, new ModelError('something is wrong', { section: 'spike', line: 1 }));
    expect(d).to.deep.equal({ line: 9, from: 4, to: 9, message: 'model, spike line 1: something is wrong' });
    expect(locateError(DOC, new SectionError('bad', 4)).line).to.equal(4);
    expect(locateError(DOC, new Error('plain')).line).to.equal(1);
  });
});
