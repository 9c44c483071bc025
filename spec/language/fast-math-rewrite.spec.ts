import { expect } from 'chai';
import { reciprocalDefinitions, reciprocalDivisions } from '../../src/language/fast-math-rewrite.js';
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

  it('setup rejects a non-boolean fastMath and a change after compile', () => {
    const net = new Network({ dt: 0.1 });
    expect(() => net.setup({ fastMath: 1 as never })).to.throw(/fastMath must be true or false/);
    new Population(2, LIF, { network: net });
    net.compile();
    expect(() => net.setup({ fastMath: true })).to.throw(/fastMath cannot change after compile/);
  });
});
