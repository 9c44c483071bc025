import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { CurrentInjection } from '../../../src/engine/special/current-injection.js';
import { DecodingProjection } from '../../../src/engine/special/decoding-projection.js';
import { Copy } from '../../../src/engine/special/copy-projection.js';
import { enableLearning, disableLearning } from '../../../src/engine/learning.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';
import { counterSource, receiver } from './helpers.js';

const copyOf = (a: RecordedArray) => Array.from(a.data);

describe('engine: projection types and rules (ANNarchy 4.7.3 Projection.py, SpecificProjection.py)', () => {
  it('the synapse type follows the pre-synaptic population: equations only, or postSpike only, between spiking populations is spiking and transmits g_target += w', () => {
    // ANNarchy: synapse_type.type = pre.neuron_type.type; with no g_target statement and no psp the
    // generator adds the default g_target += w (SingleThreadGenerator._computesum_spiking)
    const net = new Network({ dt: 1.0 });
    const src = new Population(1, counterSource('c == 3'), { network: net }); // spikes at step 2
    const post = new Population(2, receiver, { network: net });
    const eqOnly = new Synapse({ parameters: 'tau = 10.0 : projection', equations: 'tau * dx/dt = -x + 1.0', name: 'eq only' });
    const postOnly = new Synapse({ equations: 'y = 0.0', postSpike: 'y += 1.0', name: 'post only' });
    const p1 = new Projection(src, post.slice(0, 1), 'exc', eqOnly);
    p1.connectAllToAll({ weights: 0.25 });
    const p2 = new Projection(src, post.slice(1, 2), 'exc', postOnly);
    p2.connectAllToAll({ weights: 0.5 });
    expect(p1.spiking).to.equal(true);
    expect(p2.spiking).to.equal(true);
    const m = new Monitor(post, ['g_exc']);
    net.simulate(5);
    const g = m.get('g_exc') as RecordedArray;
    expect(copyOf(g)).to.deep.equal([0, 0, 0, 0, 0, 0, 0.25, 0.5, 0, 0]); // delivered at step 3
    // x integrates every step: x_k = x_{k-1} + (1 - x_{k-1}) / 10
    let x = 0;
    for (let k = 0; k < 5; k++) x += (1.0 - x) / 10.0;
    expect((p1.x as number[][])[0]![0]).to.equal(x);
  });

  it('a synapse with preSpike from a rate-coded population is refused, naming the synapse', () => {
    const net = new Network({ dt: 1.0 });
    const rate = new Population(1, new Neuron({ parameters: 'r = 1.0', name: 'const' }), { network: net });
    const spk = new Population(1, receiver, { network: net });
    expect(() => new Projection(rate, spk, 'exc', new Synapse({ preSpike: 'g_target += w', name: 'S1' }))).to.throw(/spiking synapse "S1" needs a spiking pre-synaptic population/);
  });

  it('every target a projection names gets g_<target> / sum(target) on the post population, even if the neuron does not use it', () => {
    const net = new Network({ dt: 1.0 });
    const src = new Population(1, counterSource('c == 1'), { network: net });
    const spk = new Population(2, receiver, { network: net });
    const proj = new Projection(src, spk, ['exc', 'foo']);
    proj.connectAllToAll({ weights: 1.5 });
    const rateSrc = new Population(1, new Neuron({ parameters: 'r = 2.0', name: 'const2' }), { network: net });
    const rate = new Population(1, new Neuron({ equations: 'r = sum(exc)', name: 'reads exc' }), { network: net });
    new Projection(rateSrc, rate, 'bar').connectAllToAll({ weights: 3.0 });
    net.simulate(3);
    // the neuron never resets g_foo (ANNarchy generates no `g_foo = 0` for a target it does not mention)
    expect(Array.from(spk.$state!.local.g_foo!)).to.deep.equal([1.5, 1.5]);
    expect(Array.from(rate.$state!.local._sum_bar!)).to.deep.equal([6.0]);
    expect(rate.r).to.deep.equal(Float64Array.from([0]));
  });

  it('CurrentInjection: g_target[post] += pre.r of the same rank, with the rates of the previous step', () => {
    const net = new Network({ dt: 0.5 });
    const inp = new Population(3, new Neuron({ parameters: 'k = 1.0', equations: 'r = k * t', name: 'ramp' }), { network: net });
    inp.k = Float64Array.from([1, 2, 3]);
    const pop = new Population(3, new Neuron({ equations: 'v = g_exc', spike: 'v > 1e9', name: 'reads g' }), { network: net });
    const proj = new CurrentInjection(inp, pop, 'exc');
    proj.connectCurrent();
    const m = new Monitor(pop, ['v']);
    net.simulate(2);
    const v = m.get('v') as RecordedArray;
    // step k: v = r of step k-1 = k_i * (k-1) * dt
    const expected: number[] = [];
    for (let k = 0; k < 4; k++) for (const ki of [1, 2, 3]) expected.push(k === 0 ? 0 : ki * (k - 1) * 0.5);
    expect(copyOf(v)).to.deep.equal(expected);
    expect(() => new CurrentInjection(inp, pop.slice(0, 2), 'exc')).to.throw(/same size \(3 and 2\)/);
    expect(() => new CurrentInjection(pop, pop, 'exc')).to.throw(/must be rate-coded/);
  });

  it('DecodingProjection: sum(target) = mean over the window of the weighted spike counts * 1000 / dt / n_pre', () => {
    const net = new Network({ dt: 1.0 });
    // neuron 0 spikes at steps 0, 2, 4, ...; neuron 1 at steps 0, 3, 6, ...
    const src = new Population(2, new Neuron({ parameters: 'p = 2', equations: 'c = c + 1', spike: 'modulo(c - 1, p) == 0', name: 'periodic' }), { network: net });
    src.p = Float64Array.from([2, 3]);
    const out = new Population(1, new Neuron({ equations: 'r = sum(exc)', name: 'decoder' }), { network: net });
    const proj = new DecodingProjection(src, out, 'exc', { window: 3.0 });
    proj.connectAllToAll({ weights: 0.5, forceMultipleWeights: true });
    const mon = new Monitor(out, ['r']);
    net.simulate(8);
    const spikesAt = (k: number) => (k < 0 ? 0 : (k % 2 === 0 ? 0.5 : 0) + (k % 3 === 0 ? 0.5 : 0));
    const expected: number[] = [];
    for (let t = 0; t < 8; t++) {
      // step t sees the spikes of steps t-1, t-2, t-3 (newest first)
      let sum = 0.0;
      for (let s = 1; s <= 3; s++) sum += spikesAt(t - s);
      expected.push(sum / 3 * 1000. / 1.0 / 2);
    }
    expect(copyOf(mon.get('r') as RecordedArray)).to.deep.equal(expected);
    expect(() => new DecodingProjection(out, src, 'exc')).to.throw(/must be spiking/);
  });

  it('Copy: the original\'s connectivity and (shared) weights with its own psp and operation', () => {
    const net = new Network({ dt: 1.0 });
    const pre = new Population(3, new Neuron({ parameters: 'r = 0.0', name: 'rates' }), { network: net });
    pre.r = Float64Array.from([1, 2, 4]);
    const post1 = new Population(2, new Neuron({ equations: 'r = sum(exc)', name: 'sum1' }), { network: net });
    const post2 = new Population(2, new Neuron({ equations: 'r = sum(exc)', name: 'sum2' }), { network: net });
    const proj = new Projection(pre, post1, 'exc');
    proj.connectFromMatrix({ weights: [[1, null, 0.5], [null, 2, 3]] });
    const copy = new Copy(pre, post2, 'exc', { psp: 'pre.r * w * 10', operation: 'max' });
    copy.connectCopy(proj);
    net.simulate(1);
    expect(Array.from(post1.r as Float64Array)).to.deep.equal([1 * 1 + 4 * 0.5, 2 * 2 + 4 * 3]);
    expect(Array.from(post2.r as Float64Array)).to.deep.equal([Math.max(1 * 1 * 10, 4 * 0.5 * 10), Math.max(2 * 2 * 10, 4 * 3 * 10)]);
    proj.w = [[1, 5], [0, 0]];
    net.simulate(1);
    expect(Array.from(post2.r as Float64Array)).to.deep.equal([4 * 5 * 10, 0]);
    const other = new Population(4, new Neuron({ equations: 'r = sum(exc)', name: 'sum4' }), { network: net });
    expect(() => new Copy(pre, other, 'exc', { name: 'c2' }).connectCopy(proj)).to.throw(/geometries must be the same/);
  });

  it('disableLearning: a rate-coded projection freezes all its variables, a spiking one only w (4.7.3 disable_learning)', () => {
    const net = new Network({ dt: 1.0 });
    const pre = new Population(1, new Neuron({ parameters: 'r = 2.0', name: 'c2' }), { network: net });
    const post = new Population(1, new Neuron({ parameters: 'r = 3.0', equations: 'x = sum(exc)', name: 'c3' }), { network: net });
    const rateSyn = new Synapse({ equations: 'dw/dt = 1.0\n dz/dt = 1.0' });
    const rp = new Projection(pre, post, 'exc', rateSyn);
    rp.connectAllToAll({ weights: 0.0 });
    const src = new Population(1, counterSource('c > 1e9'), { network: net });
    const spk = new Population(1, receiver, { network: net });
    const sp = new Projection(src, spk, 'exc', new Synapse({ equations: 'dw/dt = 1.0\n dz/dt = 1.0', name: 'spk learn' }));
    sp.connectAllToAll({ weights: 0.0 });
    net.simulate(2);
    disableLearning({ network: net });
    net.simulate(3);
    expect(rp.w).to.deep.equal([[2]]);
    expect(rp.z).to.deep.equal([[2]]);
    expect(sp.w).to.deep.equal([[2]]);
    expect(sp.z).to.deep.equal([[5]]);
    enableLearning({ projections: [rp] });
    net.simulate(1);
    expect(rp.w).to.deep.equal([[3]]);
    expect(sp.w).to.deep.equal([[2]]);
  });

  it('enableLearning({ period, offset }): offset relative to the current time, int(int((t % period + offset) % period) / dt) steps', () => {
    const net = new Network({ dt: 1.0 });
    const pre = new Population(1, new Neuron({ parameters: 'r = 2.0', name: 'c2b' }), { network: net });
    const post = new Population(1, new Neuron({ equations: 'r = sum(exc)', name: 'c3b' }), { network: net });
    const proj = new Projection(pre, post, 'exc', new Synapse({ equations: 'n = n + 1\n last = t' }));
    proj.connectAllToAll({ weights: 1.0 });
    net.simulate(10);
    proj.enableLearning({ period: 10, offset: 5 });
    net.simulate(30); // updates at steps 15, 25, 35 (ANNarchy's docstring: times 15, 25, 35 at t = 10)
    expect(proj.n).to.deep.equal([[13]]);
    expect(proj.last).to.deep.equal([[35]]);
    expect(() => proj.enableLearning({ period: 5, offset: 5 })).to.throw(/offset must be smaller than the period/);
    expect(() => proj.enableLearning({ offset: 1 })).to.throw(/you have to define a period/);
    expect(() => enableLearning({ period: 2, offset: 3 })).to.throw(/offset must be smaller/);
  });

  it('enableLearning / disableLearning before compile only warn, as in ANNarchy', () => {
    const net = new Network({ dt: 1.0 });
    const pre = new Population(1, new Neuron({ parameters: 'r = 2.0', name: 'c2c' }), { network: net });
    const proj = new Projection(pre, pre, 'exc');
    const warn = console.warn;
    const seen: string[] = [];
    console.warn = (m: string) => seen.push(m);
    try {
      proj.disableLearning();
      proj.enableLearning();
    } finally {
      console.warn = warn;
    }
    expect(seen).to.have.length(2);
    expect(seen[0]).to.match(/only be disabled after compile/);
  });
});
