import { expect } from 'chai';
import { BGM, getBgmParams } from '../../../src/models/full/bgm-22/bgm.js';
import { BGM_VERSIONS } from '../../../src/models/full/bgm-22/bgm-versions.js';
import { CompNeuroModel } from '../../../src/experiment/comp-neuro-model.js';
import { clear, getPopulation, getProjection, setup } from '../../../src/engine/global-functions.js';
import type { Projection } from '../../../src/engine/projection.js';

// Expected values are the entries of CompNeuroPy's parameters.csv (column BGM_v01_p01) and the
// structure of its model_creation_functions.py (BGM_v01: 14 populations, 44 projections).
describe('models/full/bgm (CompNeuroPy BGM, bgm_22)', function () {
  this.timeout(120000);
  // clear() (not cnpClear()): the models other specs registered stay as they are
  beforeEach(() => {
    clear();
    setup({ dt: 0.1, seed: 1 });
  });
  after(() => {
    clear();
    // forget the models, or every later CompNeuroModel compile warns that they are not created
    for (const reg of [CompNeuroModel.initializedModels, CompNeuroModel.compiledModels]) {
      for (const k of Object.keys(reg)) if (k.startsWith('BGM_')) delete reg[k];
    }
  });

  it('reads a column of the parameter table', () => {
    const p = getBgmParams('BGM_v01_p01');
    expect(p['general.id']).to.equal('BGM_v01_p01');
    expect(p['str_d1.C']).to.equal(50);
    expect(p['cor_go__str_d1.connectivity']).to.equal('connect_fixed_number_pre');
    expect(p['cor_go__str_d1.delays']).to.equal('Uniform(0.0, 10.0)');
    expect(p['gpe_proto.base_mean']).to.equal(undefined); // empty cell
    expect(Object.keys(BGM_VERSIONS)).to.deep.equal(['BGM_v01', 'BGM_v02', 'BGM_vTEST', 'BGM_v03', 'BGM_v04', 'BGM_v04oliver', 'BGM_v04newgpe', 'BGM_v05', 'BGM_v06']);
  });

  it('BGM_v01_p01: structure, population and projection parameters, connectivity, noise', () => {
    const m = new BGM({ name: 'BGM_v01_p01', seed: 1 });
    expect(m.compiled).to.equal(true);
    expect(m.populations).to.deep.equal(['cor_go', 'cor_pause', 'cor_stop', 'str_d1', 'str_d2', 'str_fsi', 'stn', 'snr', 'gpe_proto', 'gpe_arky', 'gpe_cp', 'thal', 'integrator_go', 'integrator_stop']);
    expect(m.projections).to.have.length(44);
    expect(m.projections).to.include('cor_go__str_d1');
    expect(getPopulation('str_d1').size).to.equal(100);
    expect(Array.from(getPopulation('str_d1').C as Float64Array).every((c) => c === 50) || getPopulation('str_d1').C === 50).to.equal(true);
    expect(Array.from(getPopulation('str_d1').v as Float64Array).every((v) => v === -80)).to.equal(true); // v_init
    expect(Array.from(getPopulation('stn').v as Float64Array).every((v) => v === -69.42)).to.equal(true);
    expect(getPopulation('integrator_go').stopCondition).to.equal('decision>=0 : any');
    const p1 = getProjection('cor_go__str_d1') as unknown as Projection & { mod_factor: unknown; max_trans: unknown };
    expect(new Set([p1.mod_factor].flat(3))).to.deep.equal(new Set([1.85]));
    expect(new Set([p1.max_trans].flat(3))).to.deep.equal(new Set([700]));
    const p10 = getProjection('str_d1__snr') as unknown as Projection;
    for (let i = 0; i < 100; i++) expect(p10.dendrite(i).preRanks).to.have.length(10); // connect_fixed_number_pre, number 10
    expect((getProjection('cor_go__str_d1') as unknown as Projection).dendrite(0).preRanks).to.have.length(1);
    const delays = (p10 as unknown as { delay: number[][] }).delay.flat();
    expect(Math.min(...delays)).to.be.at.least(0);
    expect(Math.max(...delays)).to.be.at.most(10);
    expect(new Set(delays).size).to.be.above(10); // Uniform(0, 10), drawn per synapse
    // rates_noise: 100 normal draws, mean 10, sd 2 (mean within 4 standard errors)
    const r = Array.from(getPopulation('str_d1').rates_noise as Float64Array);
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));
    expect(Math.abs(mean - 10)).to.be.below(4 * (2 / 10));
    expect(sd).to.be.within(1.4, 2.6);
    expect(Array.from(getPopulation('gpe_proto').rates_noise as Float64Array).some((x) => x !== 400)).to.equal(true);
  });

  it('the same seed gives the same noise rates; the name appendix renames compartments', () => {
    new BGM({ name: 'BGM_v01_p01', seed: 7, doCompile: false });
    const a = Array.from(getPopulation('stn').rates_noise as Float64Array);
    clear();
    const m = new BGM({ name: 'BGM_v01_p01', seed: 7, doCompile: false, nameAppendix: 'x' });
    expect(Array.from(getPopulation('stn:x').rates_noise as Float64Array)).to.deep.equal(a);
    expect(m.name).to.equal('BGM_v01_p01:x');
    expect(m.projections[0]).to.equal('cor_go__str_d1:x');
    expect(m.params['str_d1:x.C']).to.equal(50);
  });

  it('small versions build from their own parameter sets', () => {
    const m = new BGM({ name: 'BGM_v04oliver_p02', seed: 1 });
    expect(m.populations).to.deep.equal(BGM_VERSIONS.BGM_v04oliver!.populations.map((p) => p[0]));
    expect(m.projections).to.have.length(6);
  });

  it('bad names are errors naming what is available', () => {
    expect(() => new BGM({ name: 'BGM_01' })).to.throw(/has to be of the form 'BGM_v\*model_version\*_p\*parameters_version\*'/);
    expect(() => new BGM({ name: 'BGM_v99_p01' })).to.throw(/unknown model version BGM_v99/);
    expect(() => new BGM({ name: 'BGM_v01_p99' })).to.throw(/No Parameters available for given model name BGM_v01_p99/);
  });
});
