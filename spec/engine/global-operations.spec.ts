import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { ModelError } from '../../src/language/model-error.js';
import type { RecordedArray } from '../../src/engine/recorded-array.js';

// Global operations (annarchy-semantics §1.4, §2.1 step 7, §8.1): computed over the whole
// population after the neuron updates (and delays) of every step; neuron equations of step k
// therefore read the values after step k-1 (0 in step 0); synapse equations (step 8) read those
// of the same step. Loops as ANNarchy's single-thread *_value() functions (source: 4.7.3
// generator/Template/GlobalOperationTemplate.py).

const B = [-3, 1, 2, 4, 0];
const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
const norm1 = (a: number[]) => a.reduce((x, y) => x + Math.abs(y), 0);
const norm2 = (a: number[]) => Math.sqrt(a.reduce((x, y) => x + y * y, 0));

const RateOps = new Neuron({
  name: 'RateOps',
  parameters: 'b = 0',
  // r after m: the order does not matter, m reads the value computed after the previous step
  equations: 'r = b + t\n m = mean(r)\n mx = max(r)\n mn = min(r)\n n1 = norm1(r)\n n2 = norm2(r)',
});

function rateNet(backend: 'js' | 'wasm') {
  const net = new Network({ dt: 1, backend });
  const pop = new Population(B.length, RateOps, { network: net });
  pop.b = B;
  net.compile();
  return { net, pop };
}

describe('engine: global operations mean/max/min/norm1/norm2', () => {
  for (const backend of ['js', 'wasm'] as const) {
    it(`rate-coded neuron (${backend}): analytic values of the previous step's r, 0 in the first step`, () => {
      const { net, pop } = rateNet(backend);
      expect(pop.backend).to.equal(backend);
      const m = new Monitor(pop, ['m', 'mx', 'mn', 'n1', 'n2']);
      net.simulate(4);
      for (let k = 0; k < 4; k++) {
        // r after step k-1 is b + (k-1)
        const prev = B.map((b) => b + k - 1);
        const want = k === 0 ? [0, 0, 0, 0, 0] : [mean(prev), Math.max(...prev), Math.min(...prev), norm1(prev), norm2(prev)];
        const got = ['m', 'mx', 'mn', 'n1', 'n2'].map((v) => (m.get(v, { keep: true }) as RecordedArray).get(k, 2));
        expect(got, `step ${k}`).to.deep.equal(want);
      }
      // the values are population-wide state, under ANNarchy's member names
      expect(pop.$state!.global._mean_r).to.equal(mean(B.map((b) => b + 3)));
      expect(pop.$state!.global._norm2_r).to.equal(norm2(B.map((b) => b + 3)));
    });
  }

  it('JavaScript and WebAssembly give bit-identical results (random values, an odd population size)', () => {
    const run = (backend: 'js' | 'wasm') => {
      const net = new Network({ dt: 0.1, backend, seed: 7 });
      const N = new Neuron({ equations: 'tau = 10 : population\n dr/dt = (Uniform(-1, 1) * 5 - r + 0.1 * mean(r) - 0.01 * norm2(r)) / 10\n x = max(r) - min(r) + norm1(r)' });
      const pop = new Population(7, N, { network: net });
      net.compile();
      const m = new Monitor(pop, ['r', 'x']);
      net.simulate(20);
      expect(pop.backend).to.equal(backend);
      return [...(m.get('r') as RecordedArray).data, ...(m.get('x') as RecordedArray).data];
    };
    const js = run('js');
    const wasm = run('wasm');
    expect(js.some((v) => v !== 0)).to.equal(true);
    expect(wasm).to.deep.equal(js);
  });

  it('spiking neuron: max(v) in an equation and in the spike condition reads the previous step', () => {
    const net = new Network({ dt: 1 });
    // v climbs by I; a neuron spikes when it reaches the population maximum of the previous step
    const N = new Neuron({ parameters: 'I = 1', equations: 'v = v + I\n vmax = max(v)', spike: 'v >= 3 and v >= max(v)', reset: 'v = 0' });
    const pop = new Population(2, N, { network: net });
    pop.I = [1, 0.5];
    net.compile();
    const m = new Monitor(pop, ['v', 'vmax', 'spike']);
    net.simulate(6);
    const v = m.get('v', { keep: true }) as RecordedArray;
    const vmax = m.get('vmax', { keep: true }) as RecordedArray;
    // v0: 1 2 0(spike at 3) 1 2 0 ; v1: .5 1 1.5 2 2.5 3 (3 >= max of previous step 2.5: spikes -> 0)
    expect(Array.from(v.column(0))).to.deep.equal([1, 2, 0, 1, 2, 0]);
    expect(Array.from(v.column(1))).to.deep.equal([0.5, 1, 1.5, 2, 2.5, 0]);
    // max over the recorded v of the step before (0 in step 0)
    expect(Array.from(vmax.column(0))).to.deep.equal([0, 1, 2, 1.5, 2, 2.5]);
    expect(m.get('spike')).to.deep.equal({ 0: [2, 5], 1: [5] });
  });

  it('a global operation over a variable the lean update would not store (simulate and step agree)', () => {
    const run = (drive: (net: Network) => void) => {
      const net = new Network({ dt: 1 });
      // a is assigned before it is read every step: transient unless something else reads it
      const N = new Neuron({ parameters: 'b = 0', equations: 'a = b * t\n r = mean(a)' });
      const pop = new Population(3, N, { network: net });
      pop.b = [1, 2, 6];
      net.compile();
      drive(net);
      return pop.r as Float64Array;
    };
    const bySimulate = run((net) => net.simulate(5));
    const byStep = run((net) => { for (let k = 0; k < 5; k++) net.step(); });
    // step 4 reads mean(a) after step 3: 3 * mean(b) = 9
    expect(Array.from(bySimulate)).to.deep.equal([9, 9, 9]);
    expect(Array.from(byStep)).to.deep.equal([9, 9, 9]);
  });

  it('the same operation twice in one neuron (4.7.3 generates C++ that does not compile: README differences)', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(2, new Neuron({ parameters: 'b = 0', equations: 'r = b\n a = mean(r)\n c = 2 * mean(r)' }), { network: net });
    pop.b = [1, 3];
    net.simulate(2);
    expect([(pop.a as Float64Array)[0], (pop.c as Float64Array)[1]]).to.deep.equal([2, 4]);
  });

  it('max(a, b) with two arguments stays the function', () => {
    const net = new Network({ dt: 1 });
    const pop = new Population(2, new Neuron({ parameters: 'b = 0', equations: 'r = max(b, 1)' }), { network: net });
    pop.b = [0, 5];
    net.simulate(1);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([1, 5]);
  });

  it('global operations are kept by reset() (ANNarchy initialises them only when the network is built)', () => {
    const { net, pop } = rateNet('js');
    net.simulate(3);
    net.reset();
    net.step();
    expect((pop.m as Float64Array)[0]).to.equal(mean(B.map((b) => b + 2)));
  });

  describe('in synapses: over pre./post. variables', () => {
    function synNet(synapse: Synapse, backend: 'js' | 'wasm' = 'js') {
      const net = new Network({ dt: 1, backend });
      const pre = new Population(4, new Neuron({ parameters: 'b = 0', equations: 'r = b + t' }), { name: 'pre', network: net });
      const post = new Population(2, new Neuron({ equations: 'r = sum(exc)' }), { name: 'post', network: net });
      pre.b = [1, 2, 3, 6];
      const proj = new Projection(pre, post, 'exc', synapse, { network: net });
      proj.connectAllToAll({ weights: 1 });
      net.compile();
      return { net, pre, post, proj };
    }

    it('psp reads mean(pre.r) of the step before (0 in step 0), consistent with pre.r', () => {
      const { net, post } = synNet(new Synapse({ psp: 'w * mean(pre.r)' }));
      const m = new Monitor(post, ['sum(exc)']);
      net.simulate(3);
      // step k: 4 synapses * mean(b + k - 1); mean(b) = 3
      expect(Array.from((m.get('sum(exc)') as RecordedArray).column(0))).to.deep.equal([0, 12, 16]);
    });

    it('psp reads the global operation undelayed when pre.r is delayed (4.7.3 reads the population member, source)', () => {
      const net = new Network({ dt: 1 });
      const pre = new Population(2, new Neuron({ parameters: 'b = 0', equations: 'r = b + t' }), { network: net });
      const post = new Population(1, new Neuron({ equations: 'r = sum(exc)' }), { network: net });
      pre.b = [1, 3];
      const proj = new Projection(pre, post, 'exc', new Synapse({ psp: 'pre.r + 100 * mean(pre.r)' }), { network: net });
      proj.connectAllToAll({ weights: 1, delays: 3 });
      const m = new Monitor(post, ['sum(exc)']);
      net.simulate(6);
      // step k: pre.r of step k-3 (initially 0) summed over 2 synapses, mean(pre.r) of step k-1 (2 + k - 1)
      const want = [0, 1, 2, 3, 4, 5].map((k) => (k >= 3 ? 4 + 2 * (k - 3) : 0) + 200 * (k >= 1 ? 2 + k - 1 : 0));
      expect(Array.from((m.get('sum(exc)') as RecordedArray).data)).to.deep.equal(want);
    });

    it('synapse equations read max(pre.r) and norm2(post.r) computed in the same step (after the neuron updates)', () => {
      const { net, proj } = synNet(new Synapse({ equations: 'x = max(pre.r) + norm2(post.r)' }));
      for (let k = 0; k < 3; k++) {
        net.step();
        // pre.r after step k: b + k; post.r after step k: 4 * mean(b + k - 1) for k >= 1
        const postR = k === 0 ? 0 : 4 * (3 + k - 1);
        const want = 6 + k + Math.sqrt(postR * postR + postR * postR);
        expect((proj.get('x') as number[][])[1]![3]).to.equal(want);
      }
    });

    it('a view as pre-synaptic endpoint: the operation runs over the whole population (as ANNarchy)', () => {
      const net = new Network({ dt: 1 });
      const pre = new Population(4, new Neuron({ parameters: 'b = 0', equations: 'r = b' }), { network: net });
      const post = new Population(1, new Neuron({ equations: 'r = sum(exc)' }), { network: net });
      pre.b = [1, 2, 3, 10];
      const proj = new Projection(pre.slice(0, 2), post, 'exc', new Synapse({ psp: 'w * max(pre.r)' }), { network: net });
      proj.connectAllToAll({ weights: 1 });
      net.step();
      expect((post.r as Float64Array)[0]).to.equal(0); // step 0 reads the initial 0
      net.step();
      // 2 synapses * max over all 4 neurons (10), not over the view's ranks (2)
      expect((post.r as Float64Array)[0]).to.equal(20);
    });
  });

  describe('errors name the symbol', () => {
    it('neuron: an unknown variable', () => {
      const n = new Neuron({ name: 'N', equations: 'r = mean(foo)' });
      expect(() => n.analyse()).to.throw(ModelError, /mean\(foo\): "foo" is not an attribute of the model; per-neuron attributes: r/)
        .with.property('symbol', 'foo');
    });

    it('neuron: not one attribute name', () => {
      expect(() => new Neuron({ name: 'N', equations: 'r = mean(v + 1)\n v = 1' }).analyse())
        .to.throw(ModelError, /mean\(\) is a global operation over one attribute: write mean\(x\)/).with.property('symbol', 'mean');
      expect(() => new Neuron({ name: 'N', equations: 'r = norm2()' }).analyse()).to.throw(ModelError, /norm2\(\) is a global operation/);
    });

    it('neuron: a population-wide variable', () => {
      const n = new Neuron({ name: 'N', parameters: 'g = 1 : population', equations: 'r = max(g)' });
      expect(() => n.analyse()).to.throw(ModelError, /max\(g\): "g" is population-wide/).with.property('line', 1);
    });

    it('neuron: pre./post. belong to synapses', () => {
      const n = new Neuron({ name: 'N', equations: 'r = mean(pre.r)' });
      expect(() => n.analyse()).to.throw(ModelError, /mean\(pre\.r\): global operations over pre\.\/post\. variables exist only in synapses/);
    });

    it('synapse: a synapse attribute, a spike event, an unknown pre variable', () => {
      expect(() => new Synapse({ name: 'S', psp: 'mean(w)' }).analyse()).to.throw(ModelError, /mean\(w\): in a synapse a global operation applies to a pre- or post-synaptic variable/);
      expect(() => new Synapse({ name: 'S', preSpike: 'g_target += w * mean(pre.r)' }).analyse())
        .to.throw(ModelError, /mean\(pre\.r\): global operations are read in equations and psp, not in preSpike/);
      const net = new Network({ dt: 1 });
      const pre = new Population(2, new Neuron({ equations: 'r = 1' }), { name: 'P', network: net });
      const post = new Population(2, new Neuron({ equations: 'r = sum(exc)' }), { network: net });
      new Projection(pre, post, 'exc', new Synapse({ name: 'S', psp: 'w * norm1(pre.foo)' }), { network: net }).connectOneToOne({ weights: 1 });
      expect(() => net.compile()).to.throw(/synapse "S": norm1\(pre\.foo\): Population "P": norm1\(foo\) needs a per-neuron attribute; there is no attribute "foo"/);
    });
  });
});
