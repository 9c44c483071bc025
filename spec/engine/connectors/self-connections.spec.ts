import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Neuron } from '../../../src/language/neuron.js';

// ANNarchy 4.7.3 ConnectorMethods.py: connect_fixed_probability, _fixed_number_pre/_post,
// _gaussian and _dog set allow_self_connections = True when `self.pre != self.post`; Population
// and PopulationView define no __eq__, so identity decides (a view is not equal to its
// population, nor to another view of the same ranks). connect_all_to_all compares the
// underlying populations. (Known from the source; the COBA example P[:3200] -> P relies on it.)
const lif = new Neuron({ equations: 'dv/dt = -v + g_exc', spike: 'v > 1', name: 'lif' });

function build(connect: (pop: Population, net: Network) => Projection): { proj: Projection; hasSelf: boolean } {
  const net = new Network({ dt: 0.1, seed: 1 });
  const pop = new Population(12, lif, { network: net });
  const proj = connect(pop, net);
  net.compile();
  const ranks = proj.postRanks as number[];
  const pre = proj.preRanks as number[][];
  const hasSelf = ranks.some((r, i) => pre[i]!.includes(r));
  return { proj, hasSelf };
}

describe('engine/connectors: self-connections follow ANNarchy 4.7.3\'s identity rule', () => {
  it('fixedProbability: a view onto its own population draws self-synapses; the same object does not', () => {
    const view = build((p) => new Projection(p.slice(0, 8), p, 'exc').connectFixedProbability({ probability: 1, weights: 1 }));
    expect(view.hasSelf).to.equal(true);
    expect(view.proj.nbSynapses).to.equal(12 * 8);
    const same = build((p) => new Projection(p, p, 'exc').connectFixedProbability({ probability: 1, weights: 1 }));
    expect(same.hasSelf).to.equal(false);
    expect(same.proj.nbSynapses).to.equal(12 * 11);
    const sameView = build((p) => { const v = p.slice(0, 8); return new Projection(v, v, 'exc').connectFixedProbability({ probability: 1, weights: 1 }); });
    expect(sameView.hasSelf).to.equal(false);
    expect(sameView.proj.nbSynapses).to.equal(8 * 7);
    const twoViews = build((p) => new Projection(p.slice(0, 8), p.slice(0, 8), 'exc').connectFixedProbability({ probability: 1, weights: 1 }));
    expect(twoViews.hasSelf).to.equal(true);
    const allowed = build((p) => new Projection(p, p, 'exc').connectFixedProbability({ probability: 1, weights: 1, allowSelfConnections: true }));
    expect(allowed.hasSelf).to.equal(true);
  });

  it('fixedNumberPre / fixedNumberPost: all pre (post) neurons of a view include the post (pre) neuron itself', () => {
    const pre = build((p) => new Projection(p.slice(0, 8), p, 'exc').connectFixedNumberPre({ number: 8, weights: 1 }));
    expect(pre.hasSelf).to.equal(true);
    expect(() => build((p) => new Projection(p, p, 'exc').connectFixedNumberPre({ number: 12, weights: 1 }))).to.throw(/self-connections cannot be avoided/);
    const post = build((p) => new Projection(p, p.slice(0, 8), 'exc').connectFixedNumberPost({ number: 8, weights: 1 }));
    expect(post.hasSelf).to.equal(true);
    const postSame = build((p) => new Projection(p, p, 'exc').connectFixedNumberPost({ number: 11, weights: 1 }));
    expect(postSame.hasSelf).to.equal(false);
  });

  it('allToAll compares populations: a view onto its own population still excludes self-synapses', () => {
    const view = build((p) => new Projection(p.slice(0, 8), p, 'exc').connectAllToAll({ weights: 1 }));
    expect(view.hasSelf).to.equal(false);
    expect(view.proj.nbSynapses).to.equal(12 * 8 - 8);
    const allowed = build((p) => new Projection(p.slice(0, 8), p, 'exc').connectAllToAll({ weights: 1, allowSelfConnections: true }));
    expect(allowed.hasSelf).to.equal(true);
  });

  it('gaussian / dog (whole populations only): the same population excludes self, another includes its diagonal', () => {
    const same = build((p) => new Projection(p, p, 'exc').connectGaussian({ amp: 1, sigma: 0.5 }));
    expect(same.hasSelf).to.equal(false);
    const other = build((p, net) => new Projection(new Population(12, lif, { network: net }), p, 'exc').connectDog({ ampPos: 1, sigmaPos: 0.2, ampNeg: 0.3, sigmaNeg: 0.7 }));
    expect(other.hasSelf).to.equal(true);
  });
});
