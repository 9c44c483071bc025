import { expect } from 'chai';
import { FitProblem } from '../../../src/apps/playground/fit-run.js';
import { exportScript } from '../../../src/apps/playground/export-script.js';
import { decodeState, encodeState, validateState, type PlaygroundState } from '../../../src/apps/playground/state.js';
import { LIBRARY, LIF_BASE, lifCsv, runExportedFit } from './fit-helpers.js';

function fitted(s: PlaygroundState): Promise<Record<string, number> & { best_fitness: number }> {
  const p = new FitProblem(s);
  return p.deapCma(p.evaluateSync).run();
}

describe('playground fit (fit-run.ts, the fit worker\'s code, in Node)', function () {
  this.timeout(300_000);
  const csv = lifCsv();

  it('recovers LIF\'s known tau and C from a CSV of its own trace', async () => {
    const s: PlaygroundState = { ...LIF_BASE, fit: { params: [{ name: 'tau', lower: 0, upper: 30 }, { name: 'C', lower: 0, upper: 3 }], target: { kind: 'csv', file: 'lif.csv', csv }, generations: 50, seed: 1 } };
    const best = await fitted(s);
    // v_inf - v_rest = I / C = 12.5 mV: a relative error e of C moves 65 % of the trace by ~12.5 e
    // mV, and of tau the rise and decay (2 x ~3 tau of 200 ms) by up to ~4.6 e mV, so an RMSE
    // below 0.02 mV leaves e < 0.5 %: the 1 % tolerance holds with room.
    expect(best.best_fitness).to.be.below(0.02);
    expect(best.tau).to.be.closeTo(12, 0.12);
    expect(best.C).to.be.closeTo(0.8, 0.008);
  });

  it('fits to another model of the library under the same protocol (LIF set to tau 20 back to the preset\'s tau 10); an unknown target model is refused', async () => {
    // the target is the preset's trace: LIF with its own tau = 10, C = 1; start the fit elsewhere
    const s: PlaygroundState = { ...LIF_BASE, params: { tau: 20 }, fit: { params: [{ name: 'tau', lower: 1, upper: 30 }], target: { kind: 'model', name: 'LIF' }, generations: 25, seed: 3 } };
    const best = await fitted(s);
    expect(best.tau).to.be.closeTo(10, 0.1);
    const hh = { ...s, fit: { ...s.fit!, target: { kind: 'model' as const, name: 'nope' } } };
    expect(() => new FitProblem(hh)).to.throw('fit: there is no model "nope" to fit to; models: H_and_H_Bischop, Izhikevich2007, LIF');
  });

  it('refuses what cannot be fitted, naming the problem, before any generation', () => {
    const fit = { params: [{ name: 'tau', lower: 1, upper: 30 }], target: { kind: 'csv' as const, file: 'lif.csv', csv }, generations: 5, seed: 1 };
    expect(() => new FitProblem({ ...LIF_BASE })).to.throw('fit: choose at least one parameter to fit');
    expect(() => new FitProblem({ ...LIF_BASE, fit: { ...fit, params: [{ name: 'I_app', lower: 0, upper: 9 }] } })).to.throw('fit: "I_app" is driven by the protocol');
    expect(() => new FitProblem({ ...LIF_BASE, fit: { ...fit, params: [{ name: 'gna', lower: 0, upper: 9 }] } })).to.throw('fit: model "LIF" has no parameter "gna"; parameters: tau, C, v_rest, v_thresh, I_app');
    expect(() => new FitProblem({ ...LIF_BASE, sweep: { attr: 'I_app', from: 0, to: 1, n: 3 }, fit })).to.throw('fit: the experiment has 3 neurons (sweep)');
    expect(() => new FitProblem({ ...LIF_BASE, duration: 100, fit })).to.throw('fit: the target runs to 199.9 ms, the experiment\'s trace to 99.9 ms: set the duration to at least 200 ms');
    expect(() => new FitProblem({ ...LIF_BASE, fit: { ...fit, target: { kind: 'csv', file: 'bad.csv', csv: 'time,v\n0,1\n0.1,x\n' } } })).to.throw('bad.csv, line 3: expected a value (a finite number) in column 2, found "x"');
  });

  it('the fit settings travel in the URL and are checked there', () => {
    const s: PlaygroundState = { ...LIF_BASE, fit: { params: [{ name: 'tau', lower: 1, upper: 30 }], target: { kind: 'csv', file: 'lif.csv', csv }, generations: 7, seed: 9 } };
    expect(decodeState(`#${encodeState(s)}`)).to.deep.equal(s);
    const bad = (fit: unknown) => () => validateState({ ...s, fit });
    expect(bad({ ...s.fit, params: [] })).to.throw('fit.params must be a non-empty list of { name, lower, upper }');
    expect(bad({ ...s.fit, params: [{ name: 'tau', lower: 3, upper: 1 }] })).to.throw('fit.params[0] (tau) must be bounds with lower < upper, got [3,1]');
    expect(bad({ ...s.fit, generations: 0 })).to.throw('fit.generations must be an integer from 1 to 10000, got 0');
    expect(bad({ ...s.fit, target: { kind: 'csv', file: 'x.csv', csv: '0,1\n0,2' } })).to.throw('x.csv, line 2: expected a time after 0 ms');
    expect(bad({ ...s.fit, target: { kind: 'web', url: 'http://x' } })).to.throw('fit.target must be an object { kind: "csv", file, csv } or { kind: "model", name }');
    expect(bad({ ...s.fit, extra: 1 })).to.throw('unknown field "fit.extra"');
  });

  it('"Export as TypeScript" with a fit: the script, run with tsx, finds the same best parameters for the same seed', async () => {
    for (const [target, file] of [[{ kind: 'csv' as const, file: 'lif.csv', csv }, 'fit-csv'], [{ kind: 'model' as const, name: 'LIF' }, 'fit-model']] as const) {
      const s: PlaygroundState = { ...LIF_BASE, params: { v_rest: -64 }, fit: { params: [{ name: 'tau', lower: 1, upper: 30 }, { name: 'C', lower: 0.1, upper: 3 }], target, generations: 6, seed: 42 } };
      const code = exportScript(s, { from: LIBRARY });
      expect(code).to.contain('seed: 42,');
      const out = runExportedFit(code, `out/playground/${file}.ts`);
      const page = await fitted(s);
      expect(out.names).to.deep.equal(['tau', 'C']);
      expect(out.best).to.deep.equal([page.tau, page.C]);
      expect(out.bestFitness).to.equal(page.best_fitness);
      expect(out.generations).to.equal(6);
    }
    // with a sweep the script runs the experiment and says why the fit is not in it
    const swept: PlaygroundState = { ...LIF_BASE, sweep: { attr: 'I_app', from: 0, to: 5, n: 3 }, protocol: { kind: 'none', values: {} }, fit: { params: [{ name: 'tau', lower: 1, upper: 30 }], target: { kind: 'model', name: 'LIF' }, generations: 6, seed: 42 } };
    const code = exportScript(swept);
    expect(code).to.contain("// The page's fit settings are not in this script: a fit simulates one neuron per parameter set, and this experiment sweeps 3.");
    expect(code).not.to.contain('DeapCma');
  });
});
