import { expect } from 'chai';
import { Synapse } from '../../src/language/synapse.js';
import { generateSynapseKernels } from '../../src/language/synapse-codegen.js';

const nb = (local: string[], global: string[] = [], spiking = false) => ({ local, global, spiking });

describe('language: Synapse analysis', () => {
  it('defaults parameters to per synapse; postsynaptic and projection flags', () => {
    const ir = new Synapse({ parameters: 'a = 1\n b = 2 : postsynaptic\n c = 3 : projection' }).analyse();
    expect(ir.parameters.map((p) => [p.name, p.locality])).to.deep.equal([['a', 'local'], ['b', 'semiglobal'], ['c', 'global'], ['w', 'local']]);
    expect(ir.type).to.equal('rate');
    expect(ir.plasticity).to.equal(false);
    expect(ir.psp?.source).to.equal('w * pre.r');
    expect(ir.preDependencies).to.deep.equal(['r']);
  });

  it('is plastic iff w has an equation or is assigned in pre/post spike', () => {
    expect(new Synapse({ equations: 'dw/dt = 1' }).analyse().plasticity).to.equal(true);
    expect(new Synapse({ preSpike: 'g_target += w' }).analyse().plasticity).to.equal(false);
    const s = new Synapse({ preSpike: 'g_target += w', postSpike: 'w += 0.1' }).analyse();
    expect(s.plasticity).to.equal(true);
    expect(s.variables.map((v) => v.name)).to.include('w');
  });

  it('puts event-driven ODEs in standard form tau*dx/dt + x = steady', () => {
    const ir = new Synapse({
      parameters: 'tau = 20 : projection\n s = 2 : projection',
      equations: 'tau * dx/dt = -x : event-driven\n tau * dy/dt = s - y : event-driven\n dz/dt = 1',
      preSpike: 'g_target += w',
    }).analyse();
    expect(ir.eventDriven.map((e) => [e.target, e.tau.toString(), e.steady?.toString()])).to.deep.equal([['x', 'tau', undefined], ['y', 'tau', 's']]);
    expect(ir.equations.map((e) => e.target)).to.deep.equal(['z']);
  });

  it('collects pre./post. dependencies including pre.sum(exc), t_pre and t_post', () => {
    const ir = new Synapse({ equations: 'dw/dt = pre.r * post.v + pre.sum(exc) + t_pre - t_post' }).analyse();
    expect(ir.preDependencies.sort()).to.deep.equal(['_sum_exc', 'r']);
    expect(ir.postDependencies).to.deep.equal(['v']);
  });

  it('declares a variable a preSpike/postSpike statement assigns, with its init= (ANNarchy 4.7.3 AnalyseSynapse)', () => {
    const ir = new Synapse({ preSpike: 'g_target += w\n q += 1 : init = 2', postSpike: 'p = post.v : init=-1.5' }).analyse();
    expect(ir.variables.map((v) => [v.name, v.locality, v.init])).to.deep.equal([['q', 'local', 2], ['p', 'local', -1.5]]);
    // declared in equations: that declaration (init 0) wins, as in ANNarchy
    const eq = new Synapse({ equations: 'q = q - 1', preSpike: 'q = 5 : init = 3' }).analyse();
    expect(eq.variables.find((v) => v.name === 'q')?.init).to.equal(0);
  });

  it('rejects bad descriptions naming the statement', () => {
    expect(() => new Synapse({ equations: 'tau*dx/dt = -x*x : event-driven', preSpike: 'g_target += w', parameters: 'tau = 1' }).analyse()).to.throw(/not linear/);
    expect(() => new Synapse({ preSpike: 'g_target += w\n k += 1', parameters: 'k = 1' }).analyse()).to.throw(/"k" is a parameter/);
    expect(() => new Synapse({ equations: 'dx/dt = -x : event-driven' }).analyse()).to.throw(/need a spiking synapse/);
    expect(() => new Synapse({ postSpike: 'w += 1' }).analyse()).to.throw(/needs a spiking synapse/);
    expect(() => new Synapse({ operation: 'prod' as never })).to.throw(/operation must be/);
    expect(() => new Synapse({ foo: 1 } as never)).to.throw(/unknown option "foo"/);
  });
});

describe('language: synapse kernels', () => {
  it('generate a psp kernel summing w * pre.r into _sum_exc', () => {
    const k = generateSynapseKernels(new Synapse({}).analyse(), { targets: ['exc'], pre: nb(['r']), post: nb(['r', '_sum_exc']), dt: 1 });
    const S = {
      nDendrites: 1, postRank: Int32Array.from([0]), rowPtr: Int32Array.from([0, 2]), preRank: Int32Array.from([0, 1]),
      dendriteOfPost: Int32Array.from([0]), local: { w: Float64Array.from([0.5, 2]) }, semiglobal: {}, global: {},
      lastEvent: new Float64Array(2), pre: { local: {}, global: {}, lastSpike: new Float64Array(2) },
      post: { local: { _sum_exc: new Float64Array(1) }, global: {}, lastSpike: new Float64Array(1), spiked: new Int32Array(1), nSpiked: 0 },
      preValues: { r: Float64Array.from([3, 4]) }, eventSynapse: new Int32Array(1), eventDendrite: new Int32Array(1), nEvents: 0, plasticity: true, updatePeriod: 1, rand: {},
    };
    k.psp!(S, new Map())(0);
    expect(S.post.local._sum_exc[0]).to.equal(0.5 * 3 + 2 * 4);
    expect(k.preSpike).to.equal(undefined);
  });

  it('reject unknown pre/post attributes and locality violations', () => {
    expect(() => generateSynapseKernels(new Synapse({ psp: 'w * pre.q' }).analyse(), { targets: ['exc'], pre: nb(['r']), post: nb(['r']), dt: 1 })).to.throw(/"pre.q" is not an attribute/);
    expect(() => generateSynapseKernels(new Synapse({ parameters: 'a = 1 : projection', equations: 'b = a + w : projection' }).analyse(),
      { targets: ['exc'], pre: nb(['r']), post: nb(['r']), dt: 1 })).to.throw(/global equation uses the local attribute "w"/);
  });
});
