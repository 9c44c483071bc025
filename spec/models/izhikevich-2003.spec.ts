import { expect } from 'chai';
import {
  Izhikevich2003FixedNoisyAmpa, Izhikevich2003NoisyAmpa, Izhikevich2003NoisyAmpaNonlin, Izhikevich2003NoisyAmpaOscillating,
  Izhikevich2003NoisyBase, Izhikevich2003NoisyBaseNonlin, Izhikevich2003NoisyBaseSNR,
  izhikevich2003FlexibleNoisyAMPA, izhikevich2003FlexibleNoisyAMPANonlin, izhikevich2003FlexibleNoisyAMPAOscillating,
  izhikevich2003FlexibleNoisyI, izhikevich2003FlexibleNoisyINonlin, izhikevich2003NoisyAMPA,
} from '../../src/models/izhikevich-2003.js';
import { compiled, defaults, localities, spikeSteps } from './helpers.js';

const RS = { a: 0.02, b: 0.2, c: -65, d: 8 }; // Izhikevich (2003) regular spiking

describe('models: Izhikevich (2003)-like neurons (compneuropy-semantics §8.3)', () => {
  it('maps the default instances to CompNeuroPy classes and ANNarchy names', () => {
    // CompNeuroPy's Izhikevich2003_noisy_AMPA is built from the *fixed* class
    expect(izhikevich2003NoisyAMPA).to.be.instanceOf(Izhikevich2003FixedNoisyAmpa);
    expect(izhikevich2003NoisyAMPA.name).to.equal('Izhikevich2003_fixed_noisy_AMPA');
    expect(izhikevich2003FlexibleNoisyAMPA).to.be.instanceOf(Izhikevich2003NoisyAmpa);
    expect(izhikevich2003FlexibleNoisyAMPA.name).to.equal('Izhikevich2003_noisy_AMPA');
    expect(izhikevich2003FlexibleNoisyAMPANonlin.name).to.equal('Izhikevich2003_noisy_AMPA_nonlin');
    expect(izhikevich2003FlexibleNoisyAMPAOscillating.name).to.equal('Izhikevich2003_noisy_AMPA_oscillating');
    expect(izhikevich2003FlexibleNoisyI.name).to.equal('Izhikevich2003_noisy_I');
    expect(izhikevich2003FlexibleNoisyINonlin.name).to.equal('Izhikevich2003_noisy_I_nonlin');
    expect(new Izhikevich2003NoisyBaseSNR().name).to.equal('Izhikevich2003_noisy_I_snr');
  });

  it('declares defaults and localities as §8.3 says (model constants pop, I_app and noise rates per-neuron)', () => {
    expect(defaults(izhikevich2003NoisyAMPA)).to.deep.equal({
      a: 0, b: 0, c: 0, d: 0, tau_ampa: 1, tau_gaba: 1, E_ampa: 0, E_gaba: 0, I_app: 0, increase_noise: 0, rates_noise: 0,
    });
    const loc = localities(izhikevich2003FlexibleNoisyAMPAOscillating);
    expect(loc).to.include({ a: 'global', n2: 'global', tau_ampa: 'global', E_gaba: 'global', increase_noise: 'global' });
    expect(loc).to.include({ I_app: 'local', rates_noise: 'local', freq: 'local', amp: 'local' });
    expect(defaults(izhikevich2003FlexibleNoisyAMPAOscillating)).to.include({ freq: 0, amp: 6 });
    expect(localities(izhikevich2003FlexibleNoisyINonlin)).to.include({ base_mean: 'local', base_noise: 'local', rate_base_noise: 'local', nonlin: 'global' });
    expect(defaults(new Izhikevich2003NoisyBaseSNR())).to.include({ I_base: 0, noise: 1, tau_power: 1, snr_target: 1, rate_noise: 0 });
  });

  it('one explicit step, then spike and reset v = c, u = u + d (hand-computed)', () => {
    const { net, pop } = compiled(new Izhikevich2003FixedNoisyAmpa({ ...RS, I_app: 10 }), 1, 0.1);
    net.step();
    // v1 = 0 + 0.1*(0.04*0 + 5*0 + 140 - 0 + 10) = 15; u1 = 0 + 0.1*0.02*(0.2*0 - 0) = 0
    expect((pop.v as Float64Array)[0]).to.be.closeTo(15, 1e-12);
    expect((pop.u as Float64Array)[0]).to.equal(0);
    net.step();
    // v2 = 15 + 0.1*(9 + 75 + 150) = 38.4 >= 30: spike, v = -65, u = 0.1*0.02*(0.2*15) + 8 = 8.006
    expect(pop.spike).to.deep.equal([0]);
    expect((pop.v as Float64Array)[0]).to.equal(-65);
    expect((pop.u as Float64Array)[0]).to.be.closeTo(8.006, 1e-12);
  });

  it('a regular-spiking neuron with I_app = 10 fires tonically; without input, started near rest, it stays silent at v = -70', () => {
    const driven = compiled(new Izhikevich2003NoisyAmpa({ ...RS, n2: 0.04, n1: 5, n0: 140, I_app: 10 }), 1, 0.1);
    const s = spikeSteps(driven.net, driven.pop, 10000)[0]!;
    expect(s.length).to.be.within(5, 40);
    const quiet = compiled(new Izhikevich2003NoisyAmpa({ ...RS, n2: 0.04, n1: 5, n0: 140 }), 1, 0.1, { v: -65, u: -13 });
    expect(spikeSteps(quiet.net, quiet.pop, 10000)[0]).to.deep.equal([]);
    expect((quiet.pop.v as Float64Array)[0]).to.be.closeTo(-70, 0.5); // RS rest: v = -70, u = -14
  });

  it('f(x, y) of the nonlin variants is sign(x)*|x|^(1/y)', () => {
    for (const [I, dv] of [[16, 4], [-16, -4]]) {
      const { net, pop } = compiled(new Izhikevich2003NoisyAmpaNonlin({ nonlin: 2, I_app: I }), 1, 1);
      net.step();
      expect((pop.I as Float64Array)[0]).to.equal(I);
      expect((pop.v as Float64Array)[0]).to.be.closeTo(dv, 1e-12);
    }
    const { net, pop } = compiled(new Izhikevich2003NoisyBaseNonlin({ nonlin: 2, I_app: 9, base_mean: 1 }), 1, 1);
    net.step();
    expect((pop.I_base as Float64Array)[0]).to.equal(1);
    expect((pop.v as Float64Array)[0]).to.be.closeTo(3 + 1, 1e-12); // f(9, 2) + I_base
  });

  it('noisy AMPA with rates_noise*dt/1000 >= 1 jumps g_ampa by increase_noise every step', () => {
    const { net, pop } = compiled(new Izhikevich2003NoisyAmpa({ tau_ampa: 10, increase_noise: 5, rates_noise: 10000 }), 1, 0.1);
    net.step();
    expect((pop.g_ampa as Float64Array)[0]).to.be.closeTo(5, 1e-12);
    net.step();
    expect((pop.g_ampa as Float64Array)[0]).to.be.closeTo(5 + 0.1 * (-5 / 10 + 5 / 0.1), 1e-12);
  });

  it('the oscillating variant adds osc = amp*sin(t*2*pi*(freq/1000)), t = step*dt', () => {
    const { net, pop } = compiled(new Izhikevich2003NoisyAmpaOscillating({ freq: 250 }), 1, 1);
    net.step();
    expect((pop.osc as Float64Array)[0]).to.be.closeTo(0, 1e-12);
    net.step();
    expect((pop.osc as Float64Array)[0]).to.be.closeTo(6, 1e-12);
  });

  it('the base-noise variant adds I_base = base_mean (base_noise = 0) to I', () => {
    const { net, pop } = compiled(new Izhikevich2003NoisyBase({ base_mean: 3, I_app: 2 }), 1, 0.1);
    net.step();
    expect((pop.I as Float64Array)[0]).to.equal(5);
    expect((pop.v as Float64Array)[0]).to.be.closeTo(0.5, 1e-12);
  });

  it('SNR variant (reconstructed from §8.3): v is clipped to [-100, 0] and spikes at 0', () => {
    const { net, pop } = compiled(new Izhikevich2003NoisyBaseSNR({ ...RS, n2: 0.04, n1: 5, n0: 140, I_app: 20 }), 1, 0.1, { v: -65 });
    let maxV = -Infinity;
    let spikes = 0;
    for (let k = 0; k < 5000; k++) {
      net.step();
      maxV = Math.max(maxV, (pop.v as Float64Array)[0]!);
      spikes += pop.spike.length;
    }
    expect(maxV).to.be.at.most(0);
    expect(spikes).to.be.above(0);
  });

  it('compiles and steps every model', () => {
    for (const m of [izhikevich2003NoisyAMPA, izhikevich2003FlexibleNoisyAMPA, izhikevich2003FlexibleNoisyAMPANonlin,
      izhikevich2003FlexibleNoisyAMPAOscillating, izhikevich2003FlexibleNoisyI, izhikevich2003FlexibleNoisyINonlin, new Izhikevich2003NoisyBaseSNR()]) {
      const { net, pop } = compiled(m, 2, 0.1);
      net.step();
      expect(Array.from(pop.v as Float64Array).every(Number.isFinite), m.name).to.equal(true);
    }
  });
});
