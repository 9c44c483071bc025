import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection, LILConnectivity, roundHalfEven } from '../../../src/engine/projection.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';
import { ReplayRng, TestUniform, counterSource, receiver } from './helpers.js';

const Rate = new Neuron({ parameters: 'r = 1.0', equations: 'x = sum(exc)', name: 'rate' });

function net3() {
  const net = new Network({ dt: 1.0 });
  const pre = new Population(3, Rate, { name: 'pre', network: net });
  const post = new Population(3, Rate, { name: 'post', network: net });
  return { net, pre, post };
}

describe('engine: projection attributes, dendrites and structure', () => {
  it('reads w as lists per dendrite, a constant non-plastic w as one number (as ANNarchy)', () => {
    const { net, pre, post } = net3();
    const a = new Projection(pre, post, 'exc', undefined, 'a');
    a.connectFromMatrix({ weights: [[null, 1, 2], [null, null, null], [3, null, 4]] });
    const b = new Projection(pre, post, 'exc', undefined, 'b');
    b.connectAllToAll({ weights: 0.5 });
    net.compile();
    expect(a.w).to.deep.equal([[1, 2], [3, 4]]);
    expect(a.size).to.equal(2);
    expect(a.nbSynapses).to.equal(4);
    expect(a.postRanks).to.deep.equal([0, 2]);
    expect(a.preRanks).to.deep.equal([[1, 2], [0, 2]]);
    expect(a.nbSynapsesPerDendrite()).to.deep.equal([2, 2]);
    expect(a.connectivityMatrix()).to.deep.equal([[0, 1, 2], [0, 0, 0], [3, 0, 4]]);
    expect(b.w).to.equal(0.5);
    expect(b.nbSynapses).to.equal(9); // different populations: self connections allowed
    expect(net.getProjection('a')).to.equal(a);
  });

  it('sets per-synapse, per-dendrite and projection-wide attributes', () => {
    const { net, pre, post } = net3();
    const syn = new Synapse({ parameters: 'g = 1.0 : postsynaptic\n k = 2.0 : projection\n c = 3.0', psp: 'w * pre.r * g * k * c' });
    const p = new Projection(pre, post, 'exc', syn);
    p.connectFromMatrix({ weights: [[1, 1, null], [null, 1, null], [null, null, null]] });
    p.g = 5; // before compile: stored and restored by reset()
    net.compile();
    expect(p.g).to.deep.equal([5, 5]);
    p.set({ g: [1, 2], k: 4, c: [[1, 2], [3]] });
    expect(p.c).to.deep.equal([[1, 2], [3]]);
    expect(p.k).to.equal(4);
    net.step();
    // sum(exc) of post 0: 1*1*1*4*1 + 1*1*1*4*2 = 12; post 1: 1*1*2*4*3 = 24
    expect(Array.from(post.x as Float64Array)).to.deep.equal([12, 24, 0]);
    p.w = [[2, 2], [2]];
    p.reset();
    expect(p.g).to.deep.equal([5, 5]); // compile-state value
    expect(p.k).to.equal(2);
    expect(p.w).to.deep.equal([[2, 2], [2]]); // w is never reset
    expect(() => p.set({ c: [[1], [1]] })).to.throw(/receives 2 synapses/);
    expect(() => p.set({ k: [1, 2] })).to.throw(/projection-wide/);
    expect(() => p.get('nope')).to.throw(/has no attribute "nope"/);
  });

  it('gives dendrites and synapses', () => {
    const { net, pre, post } = net3();
    const p = new Projection(pre, post, 'exc');
    p.connectFromMatrix({ weights: [[null, 1, 2], [null, null, null], [3, null, 4]] });
    net.compile();
    const d = p.dendrite(2);
    expect(d.preRanks).to.deep.equal([0, 2]);
    expect(d.size).to.equal(2);
    expect(d.get('w')).to.deep.equal([3, 4]);
    d.set({ w: [5, 6] });
    expect(p.synapse(2, 2).get('w')).to.equal(6);
    p.synapse(0, 2).set({ w: 7 });
    expect(p.w).to.deep.equal([[1, 2], [7, 6]]);
    expect(() => p.dendrite(1)).to.throw(/no dendrite/);
    expect(() => p.synapse(1, 2)).to.throw(/no synapse from pre 1 to post 2/);
    expect(p.dendrites.map((x) => x.postRank)).to.deep.equal([0, 2]);
  });

  it('records projection variables as [samples, dendrites, max synapses], NaN where a dendrite is shorter', () => {
    const { net, pre, post } = net3();
    const syn = new Synapse({ equations: 'dw/dt = 1.0' });
    const p = new Projection(pre, post, 'exc', syn);
    p.connectFromMatrix({ weights: [[0, 1, 2], [null, null, null], [3, null, null]] });
    const m = new Monitor(p, ['w']);
    net.simulate(2);
    const w = m.get('w') as RecordedArray;
    expect(w.shape).to.deep.equal([2, 2, 3]);
    expect(Array.from(w.data)).to.deep.equal([1, 2, 3, 4, NaN, NaN, 2, 3, 4, 5, NaN, NaN]);
    expect(() => new Monitor(p, ['spike'])).to.throw(/spike/);
  });

  it('draws random connectivity from network.numpyRng at compile (seeded numpy stream = replayed draws)', () => {
    const fx = JSON.parse(readFileSync(new URL('../../fixtures/connectors_numpy.json', import.meta.url), 'utf8'));
    const c = fx.cases.find((x: { name: string }) => x.name === 'fixedNumberPre');
    // the real generator seeded like np.random.seed(seed) gives the recorded numpy draws
    const net = new Network({ dt: 1.0, seed: c.seed });
    const pre = new Population(10, Rate, { network: net });
    const post = new Population(4, Rate, { network: net });
    const p = new Projection(pre, post, 'exc');
    p.connectFixedNumberPre({ number: 3, weights: new TestUniform(0.5, 1.5), delays: 2.0 });
    net.compile();
    expect(p.preRanks).to.deep.equal(c.lil.preRanks);
    expect(p.w).to.deep.equal(c.lil.w);
    const net2 = new Network({ dt: 1.0, seed: 0 }); // seeded, so compile() does not replace the injected generator
    net2.numpyRng = new ReplayRng(c.calls) as unknown as typeof net2.numpyRng;
    const pre2 = new Population(10, Rate, { network: net2 });
    const post2 = new Population(4, Rate, { network: net2 });
    const p2 = new Projection(pre2, post2, 'exc');
    p2.connectFixedNumberPre({ number: 3, weights: new TestUniform(0.5, 1.5), delays: 2.0 });
    net2.compile();
    expect(p2.preRanks).to.deep.equal(c.lil.preRanks);
    expect(p2.w).to.deep.equal(c.lil.w);
    expect(p2.delay).to.equal(2.0);
  });

  it('connectWithFunc builds from a user LILConnectivity', () => {
    const { net, pre, post } = net3();
    const p = new Projection(pre, post, 'exc');
    p.connectWithFunc((_pre, _post, args: { w: number }) => {
      const l = new LILConnectivity();
      l.add(1, [0, 2], args.w);
      return l;
    }, { w: 0.25 });
    net.compile();
    expect(p.postRanks).to.deep.equal([1]);
    expect(p.w).to.deep.equal([[0.25, 0.25]]);
  });

  it('rejects bad construction with clear errors', () => {
    const net = new Network({ dt: 1.0 });
    const rate = new Population(2, Rate, { network: net });
    const spk = new Population(2, receiver, { network: net });
    const src = new Population(2, counterSource('c == 1'), { network: net });
    expect(() => new Projection(src, rate, 'exc')).to.throw(/needs a spiking post-synaptic population/);
    expect(() => new Projection(rate, spk, 'exc')).to.throw(/cannot project onto the spiking population/);
    expect(() => new Projection(src, spk, '')).to.throw(/target must be a name/);
    // a target the neuron does not use still gets its g_inh, as in ANNarchy (issue 20 item 2)
    expect(() => new Projection(src, spk, 'inh')).to.not.throw();
    const p = new Projection(src, spk, 'exc');
    p.connectAllToAll({ weights: 1 });
    expect(() => p.connectOneToOne()).to.throw(/already defined/);
    const q = new Projection(src, spk, 'exc', undefined, 'q');
    expect(() => q.connectAllToAll({} as never)).to.throw(/"weights" is required/);
    expect(() => q.connectFixedProbability({ probability: 2, weights: 1 })).to.throw(/probability must be a number in \[0, 1\]/);
    expect(() => new Projection(src, spk, 'exc', undefined, 'q')).to.throw(/already used/);
  });

  it('rounds half to even like Python', () => {
    expect([0.5, 1.5, 2.5, 2.4999, 3.5, 0.25 / 0.1].map(roundHalfEven)).to.deep.equal([0, 2, 2, 2, 4, 2]);
  });
});
