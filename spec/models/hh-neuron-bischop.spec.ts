import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import {
  HHneuronBischop, HHneuronBischopClass, HHneuronBischopSyn, hAndHBischop, hAndHBischopSyn,
} from '../../src/models/hh-neuron-bischop.js';
import { HH_INSTANTIATED } from '../../src/models/hh-neuron-base.js';
import { compiled, defaults, localities, spikeSteps } from './helpers.js';

describe('models: HHneuronBischop (compneuropy-semantics §8.2)', () => {
  it('keeps HHneuronBischop as the default instance, with the ANNarchy name and description', () => {
    expect(HHneuronBischop).to.equal(hAndHBischop);
    expect(HHneuronBischop).to.be.instanceOf(HHneuronBischopClass);
    expect(HHneuronBischop.name).to.equal('H_and_H_Bischop');
    expect(HHneuronBischop.description).to.equal('Hodgkin Huxley neuron model for striatal FSI from Bischop et al. (2012).');
    expect(HHneuronBischop.spike).to.equal('(v > v_t) and (prev_v <= v_t)');
    expect(HHneuronBischop.reset).to.equal('');
    expect(HHneuronBischop.refractory).to.equal(undefined);
    expect(hAndHBischopSyn.name).to.equal('H_and_H_Bischop_syn');
  });

  it('declares the §8.2 parameters with their defaults, all population-wide except I_app', () => {
    const d = defaults(HHneuronBischop);
    expect(d).to.deep.equal({
      C_m: 30, gg_L: 2.5, E_L: -68, gg_Na: 700, E_Na: 74, gg_Kv1: 2, gg_Kv3: 300, gg_SK: 2, E_K: -90, K_SK: 0.5,
      F: 96485.332, A: 3000, d: 0.2, gamma: 1, Ca_rest: 0.07, k_on_ca: 0.1, k_off_ca: 0.001, k_on_mg: 0.0008,
      k_off_mg: 0.025, Mg: 500, PV_T: 63.5, gg_Ca: 30, E_Ca: 80, v_t: 30, I_app: 0,
    });
    const loc = localities(HHneuronBischop);
    for (const [k, l] of Object.entries(loc)) expect(l, k).to.equal(k === 'I_app' ? 'local' : 'global');
  });

  it('has the §8.2.1 equation order and starts every variable at 0 except v = -68', () => {
    const ir = HHneuronBischop.analyse();
    expect(ir.equations.map((e) => e.target)).to.deep.equal([
      'prev_v', 'I_L', 'alpha_h', 'beta_h', 'h_inf', 'tau_h', 'h', 'alpha_m', 'beta_m', 'm_inf', 'm', 'I_Na',
      'alpha_n1', 'beta_n1', 'n1_inf', 'tau_n1', 'n1', 'I_Kv1', 'alpha_n3', 'beta_n3', 'n3_inf', 'tau_n3', 'n3', 'I_Kv3',
      'PV', 'PV_Mg', 'dPV_Ca_dt', 'PV_Ca', 'Ca', 'k_inf', 'tau_k', 'k', 'I_SK', 'a_inf', 'a', 'I_Ca', 'v',
    ]);
    for (const v of ir.variables) expect(v.init, v.name).to.equal(v.name === 'v' ? -68 : 0);
  });

  it('builds independent instances with new HHneuronBischopClass() and reports them in the shared list', () => {
    const before = HH_INSTANTIATED.length;
    const a = new HHneuronBischopClass();
    const b = new HHneuronBischopSyn();
    expect(a).to.not.equal(HHneuronBischop);
    expect(a.parameters).to.equal(HHneuronBischop.parameters);
    expect(b.parameters).to.equal(hAndHBischopSyn.parameters);
    expect(HH_INSTANTIATED.length).to.equal(before + 2);
    expect(HHneuronBischopClass.instantiated).to.equal(HHneuronBischopSyn.instantiated);
  });

  it('stays at rest (no spike, v within 0.3 mV of -68) for 1 s with I_app = 0', () => {
    const { net, pop } = compiled(HHneuronBischop, 1, 0.01);
    const spikes = spikeSteps(net, pop, 100000);
    expect(spikes[0]).to.deep.equal([]);
    expect((pop.v as Float64Array)[0]).to.be.closeTo(-68, 0.3);
  });

  it('fires repetitively and regularly with I_app = 50 pA', () => {
    const { net, pop } = compiled(HHneuronBischop, 1, 0.01, { I_app: 50 });
    const s = spikeSteps(net, pop, 100000)[0]!;
    expect(s.length).to.be.at.least(5);
    const isi = s.slice(1).map((x, k) => x - s[k]!);
    const tail = isi.slice(1);
    const mean = tail.reduce((a, b) => a + b, 0) / tail.length;
    for (const x of tail) expect(Math.abs(x - mean) / mean).to.be.below(0.1);
  });

  it('the synaptic variant with zero conductances reproduces the base trace exactly, and g_ampa depolarises', () => {
    const runTrace = (model: typeof HHneuronBischop | HHneuronBischopSyn, gAmpa: number) => {
      const net = new Network({ dt: 0.01 });
      const pop = new Population(1, model, { network: net });
      if (gAmpa) pop.g_ampa = gAmpa;
      net.compile();
      pop.I_app = 20;
      const mon = new Monitor(pop, ['v']);
      net.simulate(200);
      return Array.from((mon.get('v') as RecordedArray).data);
    };
    const base = runTrace(HHneuronBischop, 0);
    const syn = runTrace(hAndHBischopSyn, 0);
    expect(syn).to.deep.equal(base);
    // g_ampa = 5 nS at v = -68 mV drives -neg(5*(-68 - 0)) = +340 pA, decaying with tau_ampa = 10 ms
    const driven = runTrace(hAndHBischopSyn, 5);
    expect(driven[1]!).to.be.above(base[1]!);
    expect(Math.max(...driven.slice(0, 2000))).to.be.above(30); // fires within 20 ms
  });

  it('compiles and steps each variant', () => {
    for (const m of [HHneuronBischop, hAndHBischopSyn, new HHneuronBischopSyn()]) {
      const { net, pop } = compiled(m, 3, 0.01);
      net.step();
      expect(Array.from(pop.v as Float64Array).every(Number.isFinite), m.name).to.equal(true);
    }
  });
});
