import { expect } from 'chai';
import {
  HHneuronCorbit, HHneuronCorbitSyn, HHneuronCorbitVoltageClamp, hAndHCorbit, hAndHCorbitSyn, hAndHCorbitVoltageClamp,
} from '../../src/models/hh-neuron-corbit.js';
import { compiled, defaults, localities, spikeSteps } from './helpers.js';

// Corbit et al. (2016) resting state as written in CompNeuroPy's source
const V0 = -70.03810532250634;
const H_NA0 = 0.8521993432343666;
const N_KV3_0 = 0.00020832726857419512;
const M_KV1_0 = 0.2685669882630486;
const H_KV1_0 = 0.5015877164262258;

describe('models: HHneuronCorbit family (compneuropy-semantics §8.2)', () => {
  it('has the ANNarchy names and default instances', () => {
    expect([hAndHCorbit.name, hAndHCorbitSyn.name, hAndHCorbitVoltageClamp.name]).to.deep.equal([
      'H_and_H_Corbit', 'H_and_H_Corbit_syn', 'H_and_H_Corbit_voltage_clamp',
    ]);
    expect(hAndHCorbit).to.be.instanceOf(HHneuronCorbit);
    expect(hAndHCorbitSyn).to.be.instanceOf(HHneuronCorbitSyn);
    expect(hAndHCorbitVoltageClamp).to.be.instanceOf(HHneuronCorbitVoltageClamp);
    expect(hAndHCorbit.spike).to.equal('(v > v_t) and (prev_v <= v_t)');
  });

  it('has per-neuron parameters except a population-wide I_app (quirk), and the syn parameters first', () => {
    const loc = localities(hAndHCorbit);
    for (const [k, l] of Object.entries(loc)) expect(l, k).to.equal(k === 'I_app' ? 'global' : 'local');
    expect(defaults(hAndHCorbit)).to.include({ v_t: 0, C_m: 1, v_L: -70, gg_L: 0.25, gg_Na: 112.5, gg_Kv3: 225, gg_Kv1: 0.39, tau_h_Kv1: 150 });
    const syn = hAndHCorbitSyn.analyse().parameters.map((p) => p.name);
    expect(syn.slice(0, 4)).to.deep.equal(['tau_ampa', 'tau_gaba', 'E_ampa', 'E_gaba']);
    expect(defaults(hAndHCorbitSyn)).to.include({ tau_ampa: 10, tau_gaba: 10, E_ampa: 0, E_gaba: -90 });
  });

  it('starts at its resting state and stays there with I_app = 0 (no spike in 1 s)', () => {
    const vars = Object.fromEntries(hAndHCorbit.analyse().variables.map((v) => [v.name, v.init]));
    expect(vars).to.include({ v: V0, h_Na: H_NA0, n_Kv3: N_KV3_0, m_Kv1: M_KV1_0, h_Kv1: H_KV1_0 });
    const { net, pop } = compiled(hAndHCorbit, 1, 0.01);
    expect(spikeSteps(net, pop, 100000)[0]).to.deep.equal([]);
    expect((pop.v as Float64Array)[0]).to.be.closeTo(V0, 1e-6);
  });

  it('fires repetitively with I_app = 5', () => {
    const { net, pop } = compiled(new HHneuronCorbit(), 1, 0.01);
    pop.I_app = 5;
    expect(spikeSteps(net, pop, 50000)[0]!.length).to.be.at.least(10);
  });

  it('voltage clamp keeps v where it is set and gives I_inf from the hand-computed step-1 currents', () => {
    const { net, pop } = compiled(hAndHCorbitVoltageClamp, 2, 0.01, { v: [-50, V0] });
    net.step();
    // step 1: each gate ODE is updated before the current that follows it (§2.2: later
    // statements see earlier results of the same step), with v = -50 and dt = 0.01
    const v = -50;
    const dt = 0.01;
    const hNa = H_NA0 + dt * ((1 / (1 + Math.exp((-58.3 - v) / -6.7)) - H_NA0) / (0.5 + (13.5 + 0.5) / (1 + Math.exp((-60 - v) / -12))));
    const tauN = (0.087 + (0.087 + 11.313) / (1 + Math.exp((-14.6 - v) / -8.6))) * (0.087 + (0.087 + 11.313) / (1 + Math.exp((1.3 - v) / 18.7)));
    const nKv3 = N_KV3_0 + dt * ((1 / (1 + Math.exp((-12.4 - v) / 6.8)) - N_KV3_0) / tauN);
    const mKv1 = M_KV1_0 + dt * ((1 / (1 + Math.exp((-50 - v) / 20)) - M_KV1_0) / 2);
    const hKv1 = H_KV1_0 + dt * ((1 / (1 + Math.exp((-70 - v) / -6)) - H_KV1_0) / 150);
    const mNa = 1 / (1 + Math.exp((-24 - v) / 11.5));
    const iL = 0.25 * (v + 70);
    const iNa = (v - 50) * 112.5 * mNa ** 3 * hNa;
    const iKv3 = (v + 90) * 225 * nKv3 ** 2;
    const iKv1 = (v + 90) * 0.39 * mKv1 ** 3 * hKv1;
    const iInf = pop.I_inf as Float64Array;
    expect(iInf[0]).to.be.closeTo(-iL - iNa - iKv3 - iKv1, 1e-9);
    expect(Math.abs(iInf[1]!)).to.be.below(1e-6); // the resting state needs no clamp current
    for (let k = 0; k < 5000; k++) net.step();
    expect(Array.from(pop.v as Float64Array)).to.deep.equal([-50, V0]);
  });

  it('compiles and steps each variant; g_ampa depolarises the synaptic one', () => {
    for (const m of [hAndHCorbit, hAndHCorbitSyn, hAndHCorbitVoltageClamp, new HHneuronCorbitSyn()]) {
      const { net, pop } = compiled(m, 2, 0.01);
      net.step();
      expect(Array.from(pop.v as Float64Array).every(Number.isFinite), m.name).to.equal(true);
    }
    const { net, pop } = compiled(hAndHCorbitSyn, 1, 0.01, { g_ampa: 0.5 });
    net.step();
    expect((pop.v as Float64Array)[0]).to.be.above(V0 + 0.3); // +0.5*70/C_m*dt = +0.35 mV
  });
});
