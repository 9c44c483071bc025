import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { PoissonPopulation } from '../../src/engine/special/poisson-population.js';
import { Uniform } from '../../src/engine/random/random-distribution.js';
import { Neuron } from '../../src/language/neuron.js';
import { HHneuronBischop } from '../../src/models/hh-neuron-bischop.js';
import { KernelHeap } from '../../src/engine/kernel-heap.js';

type Build = (net: Network) => Population[];

/**
 * Runs the same network with JavaScript and with WebAssembly kernels: every population's spikes
 * of every step and all per-neuron arrays at the end must be bit-identical (the claim of the
 * WebAssembly backend), and the WebAssembly run must really use it.
 */
function sameInBothBackends(build: Build, opts: { dt: number; steps: number; seed?: number }): void {
  const run = (backend: 'js' | 'wasm') => {
    const net = new Network({ dt: opts.dt, seed: opts.seed ?? 1, backend });
    const pops = build(net);
    net.compile();
    for (const p of pops) expect(p.backend, `${p.name} with backend ${backend}`).to.equal(backend);
    const spikes: string[] = [];
    for (let k = 0; k < opts.steps; k++) {
      net.step();
      spikes.push(pops.map((p) => p.spike.join(',')).join('|'));
    }
    return { spikes, state: pops.map((p) => p.$state!.local) };
  };
  const js = run('js');
  const wasm = run('wasm');
  const firstDiff = js.spikes.findIndex((s, k) => s !== wasm.spikes[k]);
  expect(firstDiff, `first step whose spikes differ: ${firstDiff}`).to.equal(-1);
  js.state.forEach((local, k) => {
    for (const name of Object.keys(local)) {
      const a = local[name]!, b = wasm.state[k]![name]!;
      const i = a.findIndex((x, j) => !Object.is(x, b[j]));
      expect(i, `population ${k}, ${name}[${i}]: ${a[i]} (js) vs ${b[i]} (wasm)`).to.equal(-1);
    }
  });
}

describe('engine: WebAssembly SIMD kernels (setup({ backend }))', () => {
  it('HH_Bischop, 5 neurons (odd: a padding lane), currents from rest to repetitive firing: bit-identical', () => {
    sameInBothBackends((net) => {
      const p = new Population(5, HHneuronBischop, { network: net });
      p.I_app = new Float64Array([0, 20, 50, 120, 400]);
      return [p];
    }, { dt: 0.01, steps: 5000 });
  });

  it('Izhikevich with resets and a min clamp, and LIF with refractory periods per neuron', () => {
    sameInBothBackends((net) => {
      const izh = new Population(7, new Neuron({
        parameters: 'a = 0.02 : population\n b = 0.2\n c = -65.0 : population\n d = 8.0\n I = 10.0',
        equations: 'dv/dt = 0.04*v^2 + 5.0*v + 140.0 - u + I : init=-65.0, min=-90\n du/dt = a*(b*v - u) : init=-13.0',
        spike: 'v >= 30.0', reset: 'v = c\n u += d', name: 'izh',
      }), { network: net });
      izh.I = new Float64Array([0, 3, 5, 10, 14, 20, 40]);
      izh.b = new Float64Array([0.2, 0.25, 0.2, 0.22, 0.2, 0.2, 0.26]);
      const lif = new Population(6, new Neuron({
        parameters: 'tau = 10.0\n I = 20.0\n tref = 2.0',
        equations: 'tau * dv/dt = -65 - v + I : init=-65.0\n since = t - t_last',
        spike: 'v > -50', reset: 'v = -70', refractory: 'tref', name: 'lif',
      }), { network: net });
      lif.I = new Float64Array([10, 16, 18, 25, 40, 80]);
      lif.tref = new Float64Array([0, 1, 2.5, 2, 5, 0.3]);
      return [izh, lif];
    }, { dt: 0.1, steps: 3000 });
  });

  it('a spiking network: conductances, projections with delays, Poisson input', () => {
    sameInBothBackends((net) => {
      const cond = new Neuron({
        parameters: 'tau = 10.0 : population\n tau_e = 5.0 : population\n I = 16.0',
        equations: 'tau * dv/dt = -65.0 - v + I + g_exc : init=-65.0\n tau_e * dg_exc/dt = -g_exc',
        spike: 'v > -50.0', reset: 'v = -65.0', refractory: 2.0, name: 'cond',
      });
      const lif = new Population(51, cond, { network: net });
      lif.I = new Float64Array(51).map((_, i) => 12 + i / 8);
      const poisson = new PoissonPopulation(40, { rates: 30, network: net });
      new Projection(lif, lif, 'exc').connectFixedProbability({ weights: 0.5, probability: 0.1 });
      new Projection(lif, lif, 'exc').connectFixedProbability({ weights: 0.2, probability: 0.1, delays: new Uniform(0.1, 2.0) });
      new Projection(poisson, lif, 'exc').connectFixedProbability({ weights: 0.4, probability: 0.2, delays: 1.0 });
      return [lif, poisson];
    }, { dt: 0.1, steps: 3000, seed: 3 });
  });

  it('noise drawn in the equations, and rate-coded neurons with sum(exc), clamps, functions and conditionals', () => {
    sameInBothBackends((net) => {
      const noisy = new Population(9, new Neuron({
        parameters: 'sigma = 1.0 : population',
        equations: 'dv/dt = -v + Normal(0, sigma) + Uniform(-1, 1)\n r = v',
        name: 'noisy',
      }), { network: net });
      const rate = new Population(11, new Neuron({
        parameters: 'tau = 10.0 : population\n B = 0.5\n k = 3 : int',
        equations: [
          'tau * dr/dt = B - r + sum(exc) + f(r) : min=0.0, max=2.5',
          'c = if r > 0.4 and not (r > 1.5): clip(r^1.5, 0.1, 0.9) else: pos(sin(r) - 0.5)',
          'm = modulo(k, 2) + sqrt(abs(c)) + isnan(c)',
          'flag = r > B : bool',
        ].join('\n'),
        functions: 'f(x) = x^3 / (1 + exp(-x))',
        name: 'rate',
      }), { network: net });
      rate.B = new Float64Array(11).map((_, i) => i / 8);
      rate.k = new Float64Array(11).map((_, i) => i);
      new Projection(noisy, rate, 'exc').connectFixedProbability({ weights: 0.1, probability: 0.5 });
      return [noisy, rate];
    }, { dt: 0.1, steps: 2000, seed: 5 });
  });

  for (const method of ['exponential', 'midpoint', 'rk4', 'implicit', 'semiimplicit'] as const) {
    it(`numerical method ${method}: bit-identical`, () => {
      sameInBothBackends((net) => {
        const p = new Population(4, new Neuron({
          parameters: 'tau = 5.0\n I = 1.0',
          equations: `tau * dv/dt = -v + I * exp(-t / 30) : ${method}\n r = v^2`,
          name: `m-${method}`,
        }), { network: net });
        p.I = new Float64Array([0.5, 1, 2, 4]);
        return [p];
      }, { dt: 0.1, steps: 500 });
    });
  }

  it('exp of arguments beyond the fast range, mixed within one pair of lanes (edge path per lane)', () => {
    sameInBothBackends((net) => {
      // lane 6 gets NaN as 0/0 inside the kernel: attributes refuse NaN values (issue 18)
      const p = new Population(8, new Neuron({ parameters: 'x = 0.0\n d = 1.0\n r = 0.0', equations: 'xe = x / d\n y = exp(xe) + exp(-xe / 2)', name: 'edges' }), { network: net });
      p.x = new Float64Array([1, 800, -800, 2, 709.5, -745, 0, -1e-300]);
      p.d = new Float64Array([1, 1, 1, 1, 1, 1, 0, 1]);
      return [p];
    }, { dt: 0.1, steps: 3 });
  });

  it('an LIF neuron under constant input follows the analytic Euler recursion in WebAssembly', () => {
    // tau dv/dt = -65 - v + I, explicit Euler: v_k = v_inf + (v_0 - v_inf)(1 - dt/tau)^k
    const net = new Network({ dt: 0.1, backend: 'wasm' });
    const p = new Population(3, new Neuron({ parameters: 'tau = 10.0\n I = 10.0\n r = 0.0', equations: 'tau * dv/dt = -65 - v + I : init=-65', name: 'lin' }), { network: net });
    p.I = new Float64Array([5, 10, 20]);
    net.compile();
    expect(p.backend).to.equal('wasm');
    net.simulate(10);
    [5, 10, 20].forEach((I, k) => expect(p.v[k]).to.be.closeTo(-65 + I - I * 0.99 ** 100, 1e-12));
  });

  it('where synchronous compiles are refused (browsers once did, above 4 KB), JavaScript runs until the asynchronous compile is done', async () => {
    const Module = WebAssembly.Module;
    const make = (backend: 'js' | 'wasm') => {
      const net = new Network({ dt: 0.01, backend });
      const pop = new Population(6, HHneuronBischop, { network: net });
      net.compile();
      pop.I_app = new Float64Array([0, 20, 50, 80, 120, 400]);
      return { net, pop };
    };
    const js = make('js');
    let wasm: ReturnType<typeof make>;
    (WebAssembly as { Module: unknown }).Module = function refuse() {
      throw new RangeError('WebAssembly.Module is disallowed on the main thread, if the buffer size is larger than 4KB');
    };
    try {
      wasm = make('wasm');
    } finally {
      (WebAssembly as { Module: unknown }).Module = Module;
    }
    expect(wasm.pop.backend).to.equal('js');
    const run = (steps: number) => {
      for (let k = 0; k < steps; k++) {
        js.net.step();
        wasm.net.step();
        expect(wasm.pop.spike).to.deep.equal(js.pop.spike);
      }
    };
    run(500);
    for (let k = 0; k < 100 && wasm.pop.backend !== 'wasm'; k++) await new Promise((r) => setTimeout(r, 20));
    expect(wasm.pop.backend).to.equal('wasm');
    run(3000);
    for (const x of ['v', 'h', 'Ca', 'PV_Ca']) expect(Array.from(wasm.pop.get(x) as Float64Array), x).to.deep.equal(Array.from(js.pop.get(x) as Float64Array));
  });

  it("a state too large for a WebAssembly memory: 'auto' keeps JavaScript, 'wasm' says why", () => {
    const Memory = WebAssembly.Memory;
    (WebAssembly as { Memory: unknown }).Memory = function refuse() {
      throw new RangeError('WebAssembly.Memory(): could not allocate memory');
    };
    try {
      const auto = new Network({ dt: 0.1 });
      const p = new Population(4, HHneuronBischop, { network: auto });
      auto.compile();
      expect(p.backend).to.equal('js');
      auto.simulate(1);
      const strict = new Network({ dt: 0.1, backend: 'wasm' });
      new Population(4, HHneuronBischop, { name: 'big', network: strict });
      expect(() => strict.compile()).to.throw(/Population "big": its state \(4 neurons\) does not fit in one WebAssembly memory \(WebAssembly.Memory\(\): could not allocate memory\)/);
    } finally {
      (WebAssembly as { Memory: unknown }).Memory = Memory;
    }
    const heap = new KernelHeap();
    heap.reserve('f64', 2 ** 29); // 4 GiB of doubles: more than a 32-bit memory holds
    expect(() => heap.allocate(0)).to.throw(RangeError);
  });

  it("'auto' uses WebAssembly for 2 neurons and more, JavaScript for 1 and for 'js'", () => {
    const net = new Network({ dt: 0.1 });
    const one = new Population(1, HHneuronBischop, { network: net });
    const two = new Population(2, HHneuronBischop, { network: net });
    net.compile();
    expect([one.backend, two.backend]).to.deep.equal(['js', 'wasm']);
    const js = new Network({ dt: 0.1, backend: 'js' });
    const p = new Population(10, HHneuronBischop, { network: js });
    js.compile();
    expect(p.backend).to.equal('js');
  });

  it('bad backends are errors; a model WebAssembly cannot run is named with the reason under backend wasm', () => {
    expect(() => new Network({ backend: 'gpu' as never })).to.throw(/backend must be 'auto', 'wasm' or 'js', got gpu/);
    const net = new Network({ dt: 0.1, backend: 'wasm' });
    // two coupled implicit ODEs solve a linear system with a loop over a matrix
    new Population(3, new Neuron({ parameters: 'tau = 10.0\n r = 0.0', equations: 'tau * dv/dt = -v + u : implicit\n tau * du/dt = v - u : implicit', name: 'coupled' }), { name: 'cpl', network: net });
    expect(() => net.compile()).to.throw(/Population "cpl": setup\(\{ backend: 'wasm' \}\) but its update cannot run in WebAssembly \(not compiled to WebAssembly: .*\); use backend 'auto' or 'js'/);
    const later = new Network({ dt: 0.1 });
    new Population(2, HHneuronBischop, { network: later });
    later.compile();
    expect(() => later.setup({ backend: 'js' })).to.throw(/backend cannot change after compile/);
  });
});
