import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/index.js'; // the Node entry: figure files
import { VClampParamSearch } from '../../src/fit/v-clamp-param-search.js';
import { VClampFunctions, clampNeuron } from '../../src/fit/v-clamp-equations.js';
import { Neuron } from '../../src/language/neuron.js';
import { Izhikevich2007 } from '../../src/models/index.js';

const IZH = 'C*dv/dt = k*(v - v_r)*(v - v_t) - u\ndu/dt = a*(b*(v - v_r) - u)';

describe('fit/v-clamp-equations (CompNeuroPy VClampParamSearch: clamp model and currents)', () => {
  it('rewrites the v line as CompNeuroPy does: v_clamp = dv/dt (flags kept), then dv/dt = 0 or v += 0', () => {
    expect(clampNeuron(new Neuron({ equations: 'dv/dt = -v + I : init = -60\ndu/dt = -u' })).equations).to.equal('v_clamp=-v+I:init=-60\ndv/dt=0\ndu/dt = -u');
    expect(clampNeuron(new Neuron({ equations: 'v += 0.1*(I - v)' })).equations).to.equal('v_clamp=0.1*(I-v)\nv+=0');
    // C*dv/dt = f is solved for dv/dt (sympy in CompNeuroPy): ((f) - (0)) / (C)
    expect(clampNeuron(new Neuron({ parameters: 'C = 100', equations: 'C * dv/dt = -v - u\ndu/dt = -u' })).equations).to.equal('v_clamp=((-v-u)-(0))/(C)\ndv/dt=0\ndu/dt = -u');
    expect(clampNeuron(new Neuron({ equations: 'tau*dv/dt + v = I' })).equations).to.equal('v_clamp=((I)-(v))/(tau)\ndv/dt=0');
  });

  it('the clamp model of Izhikevich2007 compiles with the spike and reset of the original', () => {
    const c = clampNeuron(new Izhikevich2007());
    expect(c.equations).to.match(/v_clamp=\(\(k\*\(v-v_r\)\*\(v-v_t\)-u\+I_v\)-\(0\)\)\/\(C\)/);
    expect(c.spike).to.equal(new Izhikevich2007().spike);
    expect(() => c.analyse()).not.to.throw();
  });

  it('rejects a model without exactly one v line, or nonlinear in dv/dt', () => {
    expect(() => clampNeuron(new Neuron({ equations: 'r = 1' }))).to.throw(/Could not find one line with dv\/dt or v\+= in equations of neuronmodel! \(found 0/);
    expect(() => clampNeuron(new Neuron({ equations: 'dv/dt = 1\nv += 1' }))).to.throw(/found 2/);
    expect(() => clampNeuron(new Neuron({ equations: 'dv/dt*dv/dt = 1' }))).to.throw(/Could not solve equation of neuronmodel for dv\/dt!/);
  });

  it('v_clamp_hold and v_clamp_inst of the Izhikevich equations equal their closed forms', () => {
    const f = new VClampFunctions(IZH);
    expect(f.parameters).to.deep.equal(['C', 'a', 'b', 'k', 'v_r', 'v_t']);
    const p = { C: 100, k: 0.7, v_r: -60, v_t: -40, a: 0.03, b: -2 };
    for (const v0 of [-90, -60, -45]) {
      for (const vs of [-80, -50, -40]) {
        // hold: u = b (v - v_r); inst: u stays at its steady state for v_0
        const hold = (p.k * (vs - p.v_r) * (vs - p.v_t) - p.b * (vs - p.v_r)) / p.C;
        const inst = (p.k * (vs - p.v_r) * (vs - p.v_t) - p.b * (v0 - p.v_r)) / p.C;
        expect(f.hold(p, vs)).to.be.closeTo(hold, 1e-12);
        expect(f.inst(p, v0, vs)).to.be.closeTo(inst, 1e-12);
      }
    }
  });

  it('plain assignments follow v at once, like v_clamp; a nonlinear steady state is found too', () => {
    const f = new VClampFunctions('I = g*(v - E)\nC*dv/dt = -I - w\ndw/dt = (w_inf*exp(v/10) - w)/tau');
    const p = { g: 2, E: -70, C: 10, w_inf: 3, tau: 5 };
    const w0 = 3 * Math.exp(-6);
    expect(f.inst(p, -60, -40)).to.be.closeTo((-2 * (-40 + 70) - w0) / 10, 1e-12);
    expect(f.hold(p, -40)).to.be.closeTo((-2 * 30 - 3 * Math.exp(-4)) / 10, 1e-12);
  });

  it('bad equations name the line', () => {
    expect(() => new VClampFunctions('du/dt = -u')).to.throw(/no dv\/dt line/);
    expect(() => new VClampFunctions('dv/dt = -v : init = 1')).to.throw(/has flags/);
    expect(() => new VClampFunctions('dv/dt = (-v')).to.throw(/cannot parse equation "dv\/dt=\(-v"/);
  });
});

describe('fit/v-clamp-param-search (CompNeuroPy VClampParamSearch)', function () {
  this.timeout(600000);
  const cwd = process.cwd();
  let dir: string;
  let search: VClampParamSearch;
  // the "unknown" neuron: Izhikevich (2007) with other parameters than the defaults
  const known = { C: 50, k: 0.5, v_r: -65, v_t: -45, a: 0.05, b: 1.5 };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'v-clamp-'));
    process.chdir(dir);
    search = new VClampParamSearch({ neuronModel: new Izhikevich2007(known), m: 4, n: 5, maxEvals: 150, seed: 3, resultsFile: 'out/res', plotFile: 'out/plot.png', doPlot: true });
  });
  after(() => process.chdir(cwd));

  it('simulates m x n clamped neurons: v_0 = repeat(linspace(-90, -40, m), n), v_step = tile(linspace(-90, -40, n), m)', () => {
    // numpy.linspace(-90, -40, 4): [-90.0, -73.33333333333333, -56.666666666666664, -40.0]
    expect(search.v0).to.deep.equal([-90, -73.33333333333333, -56.666666666666664, -40].flatMap((v) => [v, v, v, v, v]));
    expect(search.vStep.slice(0, 5)).to.deep.equal([-90, -77.5, -65, -52.5, -40]);
    expect(search.original.vStepUnique).to.deep.equal([-90, -77.5, -65, -52.5, -40]);
  });

  it('measures the model\'s currents: its resting potential, dv/dt right after the step and while holding (closed forms)', () => {
    const { C, k, v_r, v_t, b } = known;
    expect(search.original.vRest).to.be.closeTo(v_r, 1e-6);
    search.v0.forEach((v0, i) => {
      const vs = search.vStep[i]!;
      // u moves for one step of 0.001 ms after the jump: within a * |b (vs - v_r) - u| * dt / C
      expect(search.original.inst[i]).to.be.closeTo((k * (vs - v_r) * (vs - v_t) - b * (v0 - v_r)) / C, 1e-3);
      // after 200 ms u has settled (a = 0.05/ms)
      expect(search.original.hold[i]).to.be.closeTo((k * (vs - v_r) * (vs - v_t) - b * (vs - v_r)) / C, 1e-3);
    });
  });

  it('recovers what the currents determine: v_r, v_t, k/C and b/C; a is not tuned (null)', () => {
    const p = search.pOpt;
    expect(Object.keys(p)).to.deep.equal(['C', 'v_r', 'v_t', 'k', 'a', 'b', 'best_fitness']);
    expect(search.tunedParameters).to.deep.equal(['C', 'b', 'k', 'v_t']);
    expect(p.a).to.equal(null);
    expect(p.v_r).to.equal(search.original.vRest);
    expect(p.v_t).to.be.closeTo(known.v_t, 0.1);
    expect(p.k! / p.C!).to.be.closeTo(known.k / known.C, 2e-4);
    expect(p.b! / p.C!).to.be.closeTo(known.b / known.C, 5e-4);
    expect(p.best_fitness).to.be.below(1e-2);
  });

  it('the equations with the tuned parameters give the same currents; results and figures are written', () => {
    search.original.hold.forEach((v, i) => expect(search.tuned.hold[i]).to.be.closeTo(v, 0.05));
    search.original.inst.forEach((v, i) => expect(search.tuned.inst[i]).to.be.closeTo(v, 0.05));
    const saved = JSON.parse(readFileSync(join(dir, 'out', 'res.json'), 'utf8')) as Record<string, number | null>;
    expect(saved).to.deep.equal(search.pOpt);
    for (const f of ['plot_logbook_0.png', 'plot_data.png']) expect(readFileSync(join(dir, 'out', f)).subarray(1, 4).toString(), f).to.equal('PNG');
    expect(existsSync(join(dir, 'out', 'res.pkl'))).to.equal(false);
  });

  it('bad input names the culprit before anything is simulated', () => {
    const neuronModel = new Izhikevich2007();
    expect(() => new VClampParamSearch({ neuronModel, resultsFile: 'a.json' })).to.throw(/results_file should not contain file ending and plot_file should!/);
    expect(() => new VClampParamSearch({ neuronModel, bounds: { C: [1, 2] } })).to.throw(/the equations use "a", "b", "k", "v_t" without bounds/);
    expect(() => new VClampParamSearch({ neuronModel, p0: { C: [1, 2], k: [1] } })).to.throw(/All lists in p0 should have the same length!/);
    expect(() => new VClampParamSearch({ neuronModel, m: 0 })).to.throw(/m must be a positive integer/);
    expect(() => new VClampParamSearch({ neuronModel, bounds: { C: [2, 1] } })).to.throw(/bounds of "C" must be \[lower, upper\]/);
    expect(() => new VClampParamSearch({ neuronModel, maxEvalz: 3 } as never)).to.throw(/unknown option "maxEvalz"/);
  });
});
