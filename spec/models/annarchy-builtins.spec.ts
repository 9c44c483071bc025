import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as builtins from '../../src/models/annarchy/index.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import type { Synapse } from '../../src/language/synapse.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';

// ANNarchy 4.7.3's own strings for these arguments, built by Python's % formatting of
// ANNarchy/models/{Neurons,Synapses}.py (spec/fixtures/annarchy-models/builtin_strings.py)
type Case = { options: Record<string, unknown>; strings: Record<string, string> };
const fx = JSON.parse(readFileSync(new URL('../fixtures/annarchy-models/builtin_strings.json', import.meta.url), 'utf8')) as Record<string, Case[]>;
const KEYS: Record<string, string> = { pre_spike: 'preSpike', post_spike: 'postSpike' };

describe('models/annarchy: ANNarchy 4.7.3 built-in models', () => {
  for (const [name, cases] of Object.entries(fx)) {
    it(`${name}: description strings equal ANNarchy's (defaults and other arguments)`, () => {
      const Ctor = (builtins as unknown as Record<string, new (o?: object) => Neuron | Synapse>)[name]!;
      expect(Ctor, name).to.be.a('function');
      for (const c of cases) {
        const m = new Ctor(c.options) as unknown as Record<string, unknown>;
        for (const [k, v] of Object.entries(c.strings)) expect(m[KEYS[k] ?? k], `${name} ${JSON.stringify(c.options)} ${k}`).to.equal(v);
        (m as unknown as { analyse(): unknown }).analyse();
      }
    });
  }

  it('an unknown option is an error naming it; STP refuses tau_facil <= 0 as ANNarchy does', () => {
    expect(() => new builtins.IF_curr_exp({ tau_mem: 10 } as never)).to.throw(/IF_curr_exp: unknown option "tau_mem"; expected one of v_rest, cm, tau_m/);
    expect(() => new builtins.STDP({ tau: 1 } as never)).to.throw(/STDP: unknown option "tau"/);
    expect(() => new builtins.Izhikevich({ a: 'x' } as never)).to.throw(/option "a" must be a finite number/);
    expect(() => new builtins.STP({ tau_facil: 0 })).to.throw(/tau_facil must be positive/);
  });

  it('IF_curr_exp below threshold: v - v_inf decays by exp(-dt/tau_m) per step (exponential method, analytic)', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(1, new builtins.IF_curr_exp({ i_offset: 0.5, v_thresh: 0.0 }), { network: net });
    const m = new Monitor(pop, ['v']);
    net.simulate(20);
    // tau_m dv/dt = v_rest - v + i_offset * tau_m / cm; v(0) = v_reset = -65 = v_rest
    const vInf = -65.0 + 0.5 * 20.0 / 1.0;
    const v = (m.get('v') as RecordedArray).data;
    for (let k = 0; k < v.length; k++) {
      const exact = vInf + (-65.0 - vInf) * Math.exp(-(k + 1) * 0.1 / 20.0);
      expect(v[k]).to.be.closeTo(exact, 1e-10);
    }
  });

  it('IF_curr_exp: a current step makes it fire at the analytic time, reset to v_reset, then stay for tau_refrac', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(1, new builtins.IF_curr_exp({ i_offset: 1.0, tau_refrac: 2.0 }), { network: net });
    const m = new Monitor(pop, ['spike', 'v']);
    net.simulate(30);
    // v_inf = -65 + 20 = -45 > -50: first crossing after t = tau_m * ln(20 / 5) = 27.73 ms
    const steps = (m.get('spike') as Record<number, number[]>)[0]!;
    const k = Math.ceil(Math.log(20 / 5) / -Math.log(Math.exp(-0.1 / 20.0))) - 1;
    expect(steps).to.deep.equal([k]);
  });

  it('HH_cond_exp with default parameters never spikes (peaks below its 0 mV threshold, as observed with ANNarchy 4.7.3)', () => {
    const net = new Network({ dt: 0.01 });
    const pop = new Population(1, new builtins.HH_cond_exp({ i_offset: 1.0 }), { network: net });
    const m = new Monitor(pop, ['spike', 'v']);
    net.simulate(50);
    expect((m.get('spike') as Record<number, number[]>)[0]).to.deep.equal([]);
    const v = (m.get('v') as RecordedArray).data;
    expect(Math.max(...v)).to.be.lessThan(0).and.greaterThan(-60);
  });

  it('LeakyIntegrator reaches sum(exc) + B with the exponential method; Hebb grows w by eta * pre.r * post.r * dt', () => {
    const net = new Network({ dt: 1.0 });
    const inp = new Population(1, new Neuron({ parameters: 'r = 2.0', name: 'input 2' }), { network: net });
    const li = new Population(1, new builtins.LeakyIntegrator({ tau: 10.0, B: 1.0 }), { network: net });
    const proj = new Projection(inp, li, 'exc', new builtins.Hebb({ eta: 0.5 }));
    proj.connectOneToOne({ weights: 1.0 });
    net.simulate(1);
    // step 0: sum(exc) = 2; v = (1 - exp(-1/10)) * (2 + 1 - 0); r = pos(v - 0); then w += 1 * 0.5 * 2 * r
    const v0 = (1.0 - Math.exp(-1.0 / 10.0)) * (2.0 + 1.0 - 0.0);
    expect((li.v as Float64Array)[0]).to.be.closeTo(v0, 1e-15);
    expect((proj.w as number[][])[0]![0]).to.be.closeTo(1.0 + 0.5 * 2.0 * v0, 1e-15);
  });
});
