import { expect } from 'chai';
import {
  Izhikevich2007, Izhikevich2007CorbitFsiNoisyAmpa, Izhikevich2007CorbitFsiNoisyBase, Izhikevich2007FsiNoisyAmpa,
  Izhikevich2007NoisyAmpa, Izhikevich2007NoisyAmpaOscillating, Izhikevich2007NoisyBase, Izhikevich2007RecCur,
  Izhikevich2007Syn, Izhikevich2007VoltageClamp,
  izhikevich2007CorbitFSINoisyAMPA, izhikevich2007CorbitFSINoisyI, izhikevich2007FsiNoisyAMPA, izhikevich2007NoisyAMPA,
  izhikevich2007NoisyAMPAOscillating, izhikevich2007NoisyI, izhikevich2007RecordCurrents, izhikevich2007Syn,
  izhikevich2007VoltageClamp,
} from '../../src/models/izhikevich-2007.js';
import { compiled, defaults, localities, spikeSteps } from './helpers.js';

const at0 = (x: unknown) => (x as Float64Array)[0]!;

describe('models: Izhikevich (2007)-like neurons (compneuropy-semantics §8.4)', () => {
  it('maps the default instances to classes and ANNarchy names', () => {
    const pairs: [unknown, Function, string][] = [
      [izhikevich2007RecordCurrents, Izhikevich2007RecCur, 'Izhikevich2007_record_currents'],
      [izhikevich2007VoltageClamp, Izhikevich2007VoltageClamp, 'Izhikevich2007_voltage_clamp'],
      [izhikevich2007Syn, Izhikevich2007Syn, 'Izhikevich2007_syn'],
      [izhikevich2007NoisyAMPA, Izhikevich2007NoisyAmpa, 'Izhikevich2007_noisy_AMPA'],
      [izhikevich2007NoisyI, Izhikevich2007NoisyBase, 'Izhikevich2007_noisy_base'],
      [izhikevich2007FsiNoisyAMPA, Izhikevich2007FsiNoisyAmpa, 'Izhikevich2007_FSI_noisy_AMPA'],
      [izhikevich2007CorbitFSINoisyAMPA, Izhikevich2007CorbitFsiNoisyAmpa, 'Izhikevich2007_Corbit_FSI_noisy_AMPA'],
      [izhikevich2007CorbitFSINoisyI, Izhikevich2007CorbitFsiNoisyBase, 'Izhikevich2007_Corbit_FSI_noisy_base'],
      [izhikevich2007NoisyAMPAOscillating, Izhikevich2007NoisyAmpaOscillating, 'Izhikevich2007_noisy_AMPA_oscillating'],
    ];
    for (const [inst, cls, name] of pairs) {
      expect(inst).to.be.instanceOf(cls);
      expect((inst as { name: string }).name).to.equal(name);
    }
    expect(new Izhikevich2007().name).to.equal('Izhikevich2007');
  });

  it('uses the §8.4 defaults; parameters are per-neuron unless paramsForPop, I_app and noise rates always per-neuron', () => {
    const regular = { C: 100, k: 0.7, v_r: -60, v_t: -40, a: 0.03, b: -2, c: -50, d: 100, v_peak: 35, I_app: 0 };
    expect(defaults(new Izhikevich2007())).to.deep.equal(regular);
    expect(defaults(izhikevich2007Syn)).to.deep.equal({ ...regular, tau_ampa: 10, tau_gaba: 10, E_ampa: 0, E_gaba: -90 });
    expect(defaults(izhikevich2007FsiNoisyAMPA)).to.deep.equal({
      C: 20, k: 1, v_r: -55, v_t: -40, v_b: -55, a: 0.1, b: -2, c: -50, d: 2, v_peak: 25,
      tau_ampa: 2, tau_gaba: 5, E_ampa: 0, E_gaba: -80, I_app: 0, increase_noise: 0, rates_noise: 0,
    });
    expect(defaults(izhikevich2007CorbitFSINoisyAMPA)).to.include({ b_n: 0.1, a_s: 0.1, a_n: 0.1, nonlin: 0.1 });
    expect(defaults(izhikevich2007NoisyAMPAOscillating)).to.include({ freq: 0, amp: 300, C: 20 });
    for (const l of Object.values(localities(izhikevich2007NoisyAMPA))) expect(l).to.equal('local');
    const pop = localities(new Izhikevich2007NoisyAmpa({ paramsForPop: true }));
    expect(pop).to.include({ C: 'global', v_peak: 'global', tau_ampa: 'global', increase_noise: 'global' });
    expect(pop).to.include({ I_app: 'local', rates_noise: 'local' });
    expect(localities(new Izhikevich2007NoisyBase({ paramsForPop: true }))).to.include({ base_mean: 'local', base_noise: 'local', rate_base_noise: 'local' });
  });

  it('one explicit step of Izhikevich2007 from v = u = 0 (hand-computed)', () => {
    const { net, pop } = compiled(new Izhikevich2007(), 1, 0.1);
    net.step();
    // C dv/dt = 0.7*(0+60)*(0+40) - 0 + 0 = 1680 -> v1 = 0.1*16.8; du/dt = 0.03*(-2*60 - 0) -> u1 = -0.36
    expect(at0(pop.v)).to.be.closeTo(1.68, 1e-12);
    expect(at0(pop.u)).to.be.closeTo(-0.36, 1e-12);
    expect(at0(pop.I_v)).to.equal(0);
  });

  it('Izhikevich2007 with I_app = 0 and v starting at 0 spikes once, then rests near v_r (§12)', () => {
    const { net, pop } = compiled(new Izhikevich2007(), 1, 0.1);
    const s = spikeSteps(net, pop, 10000)[0]!;
    expect(s.length).to.equal(1);
    expect(s[0]).to.be.below(30); // 0 -> 35 mV takes about 2 ms
    expect(at0(pop.v)).to.be.closeTo(-60, 0.05);
    expect(at0(pop.u)).to.be.closeTo(0, 0.1);
  });

  it('init sets initial values (v = v_r: no spike) and unknown names print the warning', () => {
    const logs: string[] = [];
    const orig = console.log;
    console.log = (m: string) => { logs.push(m); };
    let n: Izhikevich2007;
    try { n = new Izhikevich2007({ init: { v: -60, w: 1 } }); } finally { console.log = orig; }
    expect(logs).to.deep.equal(['Warning: Variable w in init dict is not in the equations of the Izhikevich2007 model. It will be ignored.']);
    expect(n!.analyse().variables.find((x) => x.name === 'v')!.init).to.equal(-60);
    const { net, pop } = compiled(n!, 1, 0.1);
    expect(spikeSteps(net, pop, 2000)[0]).to.deep.equal([]);
    expect(at0(pop.v)).to.equal(-60);
  });

  it('RecCur records I_u, I_k, I_a after the ODE block (hand-computed)', () => {
    const { net, pop } = compiled(new Izhikevich2007RecCur({ I_app: 5 }), 1, 0.1);
    net.step();
    const v1 = 0.1 * (1680 + 5) / 100;
    expect(at0(pop.v)).to.be.closeTo(v1, 1e-12);
    expect(at0(pop.I_u)).to.be.closeTo(0.36, 1e-12);
    expect(at0(pop.I_k)).to.be.closeTo(0.7 * (v1 + 60) * (v1 + 40), 1e-9);
    expect(at0(pop.I_a)).to.equal(5);
  });

  it('VoltageClamp keeps v and gives I_inf = k(v-v_r)(v-v_t) - u + I_v (hand-computed)', () => {
    const { net, pop } = compiled(new Izhikevich2007VoltageClamp({ I_app: 10, init: { v: -50 } }), 1, 0.1);
    net.step();
    // u1 = 0.1*0.03*(-2*10 - 0) = -0.06; I_inf = 0.7*10*(-10) + 0.06 + 10
    expect(at0(pop.u)).to.be.closeTo(-0.06, 1e-12);
    expect(at0(pop.I_inf)).to.be.closeTo(-70 + 0.06 + 10, 1e-12);
    for (let k = 0; k < 1000; k++) net.step();
    expect(at0(pop.v)).to.equal(-50);
  });

  it('Syn: rectified conductance currents seen after the g ODEs (hand-computed)', () => {
    const ampa = compiled(izhikevich2007Syn, 1, 0.1, { v: -60, g_ampa: 10 });
    ampa.net.step();
    expect(at0(ampa.pop.g_ampa)).to.be.closeTo(9.9, 1e-12);
    expect(at0(ampa.pop.I_v)).to.be.closeTo(9.9 * 60, 1e-9); // -neg(9.9*(-60 - 0))
    const gaba = compiled(izhikevich2007Syn, 2, 0.1, { v: [-60, -95], g_gaba: 10 });
    gaba.net.step();
    const iv = gaba.pop.I_v as Float64Array;
    expect(iv[0]).to.be.closeTo(-9.9 * 30, 1e-9); // -pos(9.9*(-60 + 90))
    expect(iv[1]).to.equal(0); // below E_gaba: no current
  });

  it('NoisyAmpa with rates_noise*dt/1000 >= 1 adds increase_noise every step; NoisyBase adds I_base', () => {
    const a = compiled(new Izhikevich2007NoisyAmpa({ increase_noise: 5, rates_noise: 10000, init: { v: -60 } }), 1, 0.1);
    a.net.step();
    expect(at0(a.pop.g_ampa)).to.be.closeTo(5, 1e-12);
    expect(at0(a.pop.I_v)).to.be.closeTo(300, 1e-9);
    const b = compiled(new Izhikevich2007NoisyBase({ base_mean: 40, I_app: 2 }), 1, 0.1);
    b.net.step();
    expect(at0(b.pop.I_base)).to.equal(40);
    expect(at0(b.pop.I_v)).to.equal(42);
  });

  it('FSI: du/dt = -a*u below v_b and a*(b*(v - v_b)**3 - u) above (hand-computed)', () => {
    const { net, pop } = compiled(new Izhikevich2007FsiNoisyAmpa(), 2, 0.1, { v: [-60, -50], u: [10, 0] });
    net.step();
    const u = pop.u as Float64Array;
    expect(u[0]).to.be.closeTo(10 - 0.1 * 0.1 * 10, 1e-12);
    expect(u[1]).to.be.closeTo(0.1 * 0.1 * (-2 * 125), 1e-12);
  });

  it('Corbit FSI: I_v = root_func(I_app + syn, nonlin) - n and the slow currents s, n (hand-computed)', () => {
    const { net, pop } = compiled(new Izhikevich2007CorbitFsiNoisyAmpa({ I_app: 2 }), 1, 0.1, { v: -55, u: 1 });
    net.step();
    expect(at0(pop.I_v)).to.be.closeTo(1024, 1e-9); // 2^(1/0.1), n = 0
    // s, n are in the same ODE block as v, u: they see u = 1 -> pos(1)**0.1 = 1
    expect(at0(pop.s)).to.be.closeTo(0.1 * 0.1 * 1, 1e-12);
    expect(at0(pop.n)).to.be.closeTo(0.1 * 0.1 * (0.1 * 1), 1e-12);
    expect(at0(pop.u)).to.be.closeTo(1 + 0.1 * 0.1 * (-2 * 0 - 1), 1e-12);
  });

  it('oscillating: osc = amp*sin(t*2*pi*(freq/1000)) enters I_v', () => {
    const { net, pop } = compiled(new Izhikevich2007NoisyAmpaOscillating({ freq: 250, init: { v: 0 } }), 1, 1);
    net.step();
    net.step();
    expect(at0(pop.osc)).to.be.closeTo(300, 1e-9);
    expect(at0(pop.I_v)).to.be.closeTo(300, 1e-9);
  });

  it('compiles and steps every model; rejects params_for_pop with a hint', () => {
    for (const m of [new Izhikevich2007({ paramsForPop: true }), izhikevich2007RecordCurrents, izhikevich2007VoltageClamp, izhikevich2007Syn,
      izhikevich2007NoisyAMPA, izhikevich2007NoisyI, izhikevich2007FsiNoisyAMPA, izhikevich2007CorbitFSINoisyAMPA,
      izhikevich2007CorbitFSINoisyI, izhikevich2007NoisyAMPAOscillating]) {
      const { net, pop } = compiled(m, 2, 0.1);
      net.step();
      expect(Array.from(pop.v as Float64Array).every(Number.isFinite), m.name).to.equal(true);
    }
    expect(() => new Izhikevich2007({ params_for_pop: true } as never)).to.throw(/unknown option "params_for_pop" \(did you mean "paramsForPop"\?\)/);
    expect(() => new Izhikevich2007({ init: { v: 'x' } as never })).to.throw(/init value of "v" must be a finite number/);
  });
});
