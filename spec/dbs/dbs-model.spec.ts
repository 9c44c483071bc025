import { expect } from 'chai';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Uniform } from '../../src/engine/random/random-distribution.js';
import { clear, compile, getPopulation, populations, projections, setup, simulate } from '../../src/engine/global-functions.js';
import { Neuron } from '../../src/language/neuron.js';
import { Constant, getConstant } from '../../src/language/constant.js';
import { CompNeuroModel } from '../../src/experiment/comp-neuro-model.js';
import { DBSstimulator } from '../../src/dbs/dbs-stimulator.js';
import { DBSError } from '../../src/dbs/dbs-error.js';
import { RecordedArray } from '../../src/engine/recorded-array.js';

// A model that draws no random numbers while it runs (the DBS uniforms share the generator):
// per-neuron currents, random connectivity and weights (drawn at compile), delays, values set
// before compile, spiking and rate-coded parts.
const IZH = new Neuron({
  parameters: 'C = 100 : population\nk = 0.7 : population\nv_r = -60 : population\nv_t = -40 : population\na = 0.03 : population\nb = -2 : population\nc = -50 : population\nd = 100 : population\nI_app = 0\ntau_ampa = 10 : population',
  equations: 'dg_ampa/dt = -g_ampa/tau_ampa\nI = I_app - g_ampa*(v - 0)\nC * dv/dt = k*(v - v_r)*(v - v_t) - u + I\ndu/dt = a*(b*(v - v_r) - u)',
  spike: 'v >= 35', reset: 'v = c\nu = u + d', name: 'izh',
});
const RATE = new Neuron({
  parameters: 'tau = 10.0 : population\nI_0 = 0.2',
  equations: 'tau * dmp/dt = -mp + sum(exc) - sum(inh) + I_0\nr = pos(mp) : max = 1.0',
  name: 'rate',
});

function build(): void {
  const a = new Population(12, IZH, 'A');
  const b = new Population([2, 4], IZH, 'B');
  a.I_app = Float64Array.from({ length: 12 }, (_, i) => 40 + 10 * i);
  a.v = -65;
  b.set({ I_app: 20, u: Float64Array.from({ length: 8 }, (_, i) => -i) });
  new Projection(a, b, 'ampa', undefined, 'a_b').connectFixedProbability({ probability: 0.5, weights: new Uniform(0.5, 2.0) });
  new Projection(b.slice(0, 4), a.slice(2, 6), 'ampa', undefined, 'b_a_view').connectOneToOne({ weights: 0.3 });
  const r1 = new Population(6, RATE, 'R1');
  const r2 = new Population(5, RATE, 'R2');
  r1.I_0 = Float64Array.from({ length: 6 }, (_, i) => 0.1 * i);
  r2.tau = 7;
  new Projection(r1, r2, 'exc', undefined, 'r1_r2').connectFixedNumberPre({ number: 3, weights: 0.4, delays: 2.0 });
  const p = new Projection(r2, r1, 'inh', undefined, 'r2_r1').connectAllToAll({ weights: 0.2 });
  p.w = 0.25;
}

type Run = Record<string, Float64Array | Record<number, number[]>>;

function runRecorded(): Run {
  const names = ['A', 'B', 'R1', 'R2'];
  const mons = names.map((n) => new Monitor(getPopulation(n), n.startsWith('R') ? ['r', 'mp'] : ['v', 'u', 'g_ampa', 'spike']));
  compile();
  simulate(300);
  const out: Run = {};
  mons.forEach((m, i) => {
    for (const [k, v] of Object.entries(m.get() as Record<string, unknown>)) {
      out[`${names[i]};${k}`] = v instanceof RecordedArray ? v.data : (v as Record<number, number[]>);
    }
  });
  return out;
}

function bytes(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

describe('dbs/dbs-model: recreating the model with the DBS mechanisms', function () {
  this.timeout(120000);
  afterEach(() => clear());

  it('keeps every parameter, variable, connectivity and delay: a run with DBS off is bit-identical to the original', () => {
    clear();
    setup({ dt: 0.1, seed: 7 });
    build();
    const original = runRecorded();
    const origProj = projections().map((p) => [p.name, (p as Projection).connectivityMatrix(), (p as Projection).delay]);

    clear();
    setup({ dt: 0.1, seed: 7 });
    build();
    const dbs = new DBSstimulator({ stimulatedPopulation: 'A', autoImplement: true, orthodromic: true, antidromic: true, efferents: true, afferents: true });
    expect(getPopulation('A').attributes).to.include.members(['dbs_on', 'prob_axon_spike', 'unif_var_dbs1']);
    expect(getPopulation('R1').attributes).to.include.members(['dbs_on', 'axon_rate']);
    expect(dbs.stimulatedPopulation).to.equal(getPopulation('A'));
    const rebuilt = runRecorded();
    expect(projections().map((p) => [p.name, (p as Projection).connectivityMatrix(), (p as Projection).delay])).to.deep.equal(origProj);

    expect(Object.keys(rebuilt)).to.deep.equal(Object.keys(original));
    // the run is not trivial: spikes, and rates that change
    expect(Object.values(original['B;spike'] as Record<number, number[]>).flat().length).to.be.greaterThan(10);
    expect(new Set(original['R2;r'] as Float64Array).size).to.be.greaterThan(100);
    for (const [k, v] of Object.entries(original)) {
      if (v instanceof Float64Array) expect(bytes(rebuilt[k] as Float64Array).equals(bytes(v)), k).to.equal(true);
      else expect(rebuilt[k], k).to.deep.equal(v);
    }
  });

  it('keeps constants and global functions, recreates only the given CompNeuroModel as "<name>_dbs" (not compiled)', () => {
    clear();
    setup({ dt: 0.1, seed: 3 });
    new Constant('my_important_const', 0.5);
    const model = new CompNeuroModel({ modelCreationFunction: build, name: 'dbs_model_test', description: 'test model', doCompile: false, compileFolderName: 'folder' });
    const dbs = new DBSstimulator({ stimulatedPopulation: getPopulation('A'), passingFibresList: ['r1_r2'], autoImplement: true, model });
    expect(getConstant('my_important_const').value).to.equal(0.5);
    expect(dbs.model!.name).to.equal('dbs_model_test_dbs');
    expect(dbs.model!.description).to.equal('test model\nWith DBS mechanisms implemented.');
    expect(dbs.model!.compileFolderName).to.equal('folder_dbs');
    expect(dbs.model!.populations).to.deep.equal(['A', 'B', 'R1', 'R2']);
    expect(dbs.model!.projections).to.deep.equal(['a_b', 'b_a_view', 'r1_r2', 'r2_r1']);
    expect([dbs.model!.created, dbs.model!.compiled, model.created]).to.deep.equal([true, false, false]);
    expect(dbs.passingFibresList[0]).to.equal(projections()[2]);
    expect(populations().map((p) => p.neuronType.description)).to.deep.equal(Array(4).fill('\nWith DBS mechanisms implemented.'));
    // forget both models, or later CompNeuroModels warn that they were initialised but not created
    for (const reg of [CompNeuroModel.initializedModels, CompNeuroModel.compiledModels]) {
      delete reg.dbs_model_test;
      delete reg.dbs_model_test_dbs;
    }
  });

  it('updatePointers() returns the recreated objects by name and names a bad entry', () => {
    clear();
    setup({ dt: 0.1 });
    build();
    const oldA = getPopulation('A');
    const oldProj = projections()[0] as Projection;
    const dbs = new DBSstimulator({ stimulatedPopulation: oldA, autoImplement: true });
    const [a, p] = dbs.updatePointers([oldA, oldProj]);
    expect(a).to.not.equal(oldA);
    expect(a).to.equal(getPopulation('A'));
    expect(p).to.equal(projections()[0]);
    expect(() => dbs.updatePointers([oldA, 'A' as unknown as Population])).to.throw(DBSError, /pointerList\[1\].*neither a Population nor a Projection/);
  });

  it('leaves the model as it is when a population cannot take the mechanisms', () => {
    clear();
    setup({ dt: 0.1 });
    build();
    new Population(3, new Neuron({ parameters: 'tau = 10', equations: 'tau * dx/dt = -x', spike: 'x > 1', reset: 'x = 0', name: 'lif' }), 'L');
    const before = populations();
    expect(() => new DBSstimulator({ stimulatedPopulation: 'A', autoImplement: true })).to.throw(DBSError, /autoImplement: population "L": the neuron "lif" has no line with dv\/dt/);
    expect(populations()).to.deep.equal(before);
    // nothing was defined either: a pulse function would stay in the global functions
    expect(() => new Neuron({ equations: 'r = pulse(t)' }).analyse()).to.throw(/pulse/);
  });

  it('leaves the model as it is when a neuron lacks what the axonal reset uses (c, d): the new code is generated before clearing', () => {
    clear();
    setup({ dt: 0.1 });
    // Izhikevich-like, reset with literals: the DBS axonal reset "v = c; u = u + d" has no c or d
    const noCD = new Neuron({
      parameters: 'C = 100 : population\nk = 0.7 : population\nv_r = -60 : population\nv_t = -40 : population\na = 0.03 : population\nb = -2 : population\nI_app = 0',
      equations: 'C * dv/dt = k*(v - v_r)*(v - v_t) - u + I_app\ndu/dt = a*(b*(v - v_r) - u)',
      spike: 'v >= 35', reset: 'v = -50\nu = u + 100', name: 'izh_literals',
    });
    const a = new Population(2, noCD, 'A');
    const before = populations();
    expect(() => new DBSstimulator({ stimulatedPopulation: a, autoImplement: true })).to.throw(DBSError, /autoImplement: population "A": its neuron cannot take the DBS mechanisms: model "izh_literals", axonReset line 1 ".*": unknown symbol "c"/);
    expect(populations()).to.deep.equal(before);
    expect(getPopulation('A')).to.equal(a);
  });

  it('refuses spiking projections with delays (axonal spikes are delivered without delay) before clearing anything', () => {
    clear();
    setup({ dt: 0.1 });
    const a = new Population(2, IZH, 'A');
    new Projection(a, a, 'ampa', undefined, 'slow').connectAllToAll({ weights: 1, delays: 2 });
    expect(() => new DBSstimulator({ stimulatedPopulation: a, autoImplement: true })).to.throw(DBSError, /projection "slow" is spiking with delays/);
    expect(getPopulation('A')).to.equal(a);
  });
});
