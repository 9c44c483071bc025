import { expect } from 'chai';
import { reciprocalDefinitions, reciprocalDivisions, reciprocalTimeConstants } from '../../src/language/fast-math-rewrite.js';
import { HHneuronBischop } from '../../src/models/hh-neuron-bischop.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';

const LIF = new Neuron({
  parameters: 'tau = 20.0 : population\n El = -60.0 : population\n I = 20.0 : population',
  equations: 'tau * dv/dt = El - v + I : init=-60.0\n dw/dt = -w / 3.0 : init=1.0',
  spike: 'v > -50.0',
  reset: 'v = El',
  name: 'LIF fast math',
});

function run(fastMath: boolean, backend: 'js' | 'wasm'): { v: Float64Array; w: Float64Array; source: string } {
  const net = new Network({ dt: 0.1, backend, fastMath });
  const pop = new Population(6, LIF, { network: net });
  net.compile();
  pop.I = 12;
  pop.v = Float64Array.from({ length: 6 }, (_, i) => -60 + 2 * i);
  net.simulate(200);
  return { v: pop.v as Float64Array, w: pop.w as Float64Array, source: pop.$kernels!.source.update };
}

describe('language: setup({ fastMath: true }) reciprocals of loop-invariant divisors', () => {
  it('rewrites divisions by population-wide names and literals, once per name, and leaves per-neuron divisors', () => {
    const table = new Map<string, string>();
    const out = reciprocalDivisions(['const a = ((El - $$v) / $tau);', 'const b = $$x / $tau / 4 + $$x / $$y + $$x / 0;'], (n) => n === '$tau', table);
    expect(out).to.deep.equal(['const a = ((El - $$v) * __rcp_0);', 'const b = $$x * __rcp_0 * (0.25) + $$x / $$y + $$x / 0;']);
    expect(reciprocalDefinitions(table)).to.deep.equal(['const __rcp_0 = 1 / $tau;']);
  });

  it('is off by default: no reciprocal in the generated kernel', () => {
    expect(run(false, 'js').source).to.not.include('__rcp');
    expect(new Network().fastMath).to.equal(false);
  });

  it('changes results at most in the last bits, and both backends still agree bit for bit', () => {
    const exact = run(false, 'js');
    const js = run(true, 'js');
    const wasm = run(true, 'wasm');
    expect(js.source).to.include('* __rcp_0').and.to.include('const __rcp_0 = 1 / $tau;');
    for (let i = 0; i < 6; i++) {
      expect(Math.abs(js.v[i]! - exact.v[i]!)).to.be.below(1e-9);
      // w decays exactly like w(t) = (1 - dt/3)^n: relative error at the level of rounding
      expect(Math.abs(js.w[i]! - exact.w[i]!) / exact.w[i]!).to.be.below(1e-12);
      expect(Object.is(wasm.v[i], js.v[i]) && Object.is(wasm.w[i], js.w[i])).to.equal(true);
    }
    // w / 3.0 became w * 0.333...: some bits differ from the exact division
    expect([...js.w].some((x, i) => x !== exact.w[i])).to.equal(true);
  });

  it('time constants written as reciprocals: (x_inf - x) / tau multiplies by 1 / tau, and x_inf shares the reciprocal', () => {
    const out = reciprocalTimeConstants([
      '$$x_inf = ($$a / ($$a + $$b));',
      '$$tau = (1 / ($$a + $$b));',
      '{',
      'const __d = (($$x_inf - $$x) / $$tau);',
      '}',
      // assigned twice, or inside a block: left alone
      'if ($$__ir === 1) {',
      '$$u = (1 / $$c);',
      '}',
      '$$y = ($$z / $$u);',
    ]);
    expect(out).to.deep.equal([
      'const $$__den0 = ($$a + $$b); const $$__rcp0 = 1 / $$__den0; $$x_inf = ($$a * $$__rcp0);',
      '$$tau = $$__rcp0;',
      '{',
      'const __d = (($$x_inf - $$x) * $$__den0);',
      '}',
      'if ($$__ir === 1) {',
      '$$u = (1 / $$c);',
      '}',
      '$$y = ($$z / $$u);',
    ]);
    // an input of the shared divisor assigned in between: the earlier division keeps its own
    expect(reciprocalTimeConstants(['$$p = ($$a / ($$a + $$b));', '$$a = 2;', '$$tau = (1 / ($$a + $$b));'])[0]).to.equal('$$p = ($$a / ($$a + $$b));');
  });

  it('HH_Bischop with fastMath: half the divisions per neuron, the trace within 1e-9 mV of the exact one, both backends identical', () => {
    const trace = (fastMath: boolean, backend: 'js' | 'wasm') => {
      const net = new Network({ dt: 0.01, backend, fastMath });
      const pop = new Population(4, HHneuronBischop, { network: net });
      pop.I_app = Float64Array.of(0, 20, 50, 80);
      net.compile();
      net.simulate(50);
      const body = pop.$kernels!.source.update;
      const loop = body.slice(body.lastIndexOf('for (; i < __n; i++)'));
      return { v: pop.v as Float64Array, divisions: (loop.match(/ \/ /g) ?? []).length };
    };
    const exact = trace(false, 'js'), js = trace(true, 'js'), wasm = trace(true, 'wasm');
    // exact: 9 exp arguments over literals, one by C_m, 19 by per-neuron values (the 5 gates:
    // alpha over (e - 1), x_inf, tau, (x_inf - x) / tau; I_Ca / (2 F A d); 1 / (1 + e));
    // fastMath: 10 (beta_h, alpha_m, alpha_n1, alpha_n3 over (e - 1), m_inf, 4 shared reciprocals, a_inf)
    expect(exact.divisions).to.equal(29);
    expect(js.divisions).to.equal(10);
    for (let i = 0; i < 4; i++) {
      expect(Math.abs(js.v[i]! - exact.v[i]!)).to.be.below(1e-9);
      expect(Object.is(wasm.v[i], js.v[i])).to.equal(true);
    }
  });

  it('setup rejects a non-boolean fastMath and a change after compile', () => {
    const net = new Network({ dt: 0.1 });
    expect(() => net.setup({ fastMath: 1 as never })).to.throw(/fastMath must be true or false/);
    new Population(2, LIF, { network: net });
    net.compile();
    expect(() => net.setup({ fastMath: true })).to.throw(/fastMath cannot change after compile/);
  });
});
