// Port of ANNarchy 4.7.3 tests/Synapse/test_RateCustomConnectivity.py (model strings and expected
// values). ANNarchy's CSR connectivity object is the project's LILConnectivity; the classes run
// once per storage format in ANNarchy, once here (one sparse layout).
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { LILConnectivity } from '../../src/engine/connectors/lil-connectivity.js';
import { Neuron } from '../../src/language/neuron.js';
import { DiscreteUniform } from '../../src/engine/random/index.js';

/** Pre ranks post-1, post, post+1 that exist in pre. */
function diagonal(pre: Population, post: Population, weight: number, delays: (n: number) => number[]): LILConnectivity {
  const synapses = new LILConnectivity();
  for (const postRk of post.ranks) {
    const preRanks = [postRk - 1, postRk, postRk + 1].filter((r) => pre.ranks.includes(r));
    synapses.add(postRk, preRanks, new Array(preRanks.length).fill(weight), delays(preRanks.length));
  }
  return synapses;
}

function build(target: string, connect: (p: Projection) => void): Projection {
  const neuron = new Neuron({ equations: 'r = 1' });
  const neuron2 = new Neuron({ equations: 'r = sum(exc)' });
  const net = new Network();
  const pop1 = new Population(5, neuron, { network: net });
  const pop2 = new Population(5, neuron2, { network: net });
  const proj = new Projection(pop1, pop2, target);
  connect(proj);
  net.compile();
  return proj;
}

describe('test_CustomConnectivityNoDelay', () => {
  let proj: Projection;
  before(() => {
    proj = build('exc', (p) => p.connectWithFunc((pre, post, a: { weight: number }) => diagonal(pre, post, a.weight, (n) => new Array(n).fill(0)), { weight: 0.1 }));
  });
  beforeEach(() => proj.network.reset());
  it('test_invoke_compile', () => expect(proj.network.compiled).to.equal(true));
  it('test_no_delay', () => expect(proj.delay).to.equal(1.0));
});

describe('test_CustomConnectivityUniformDelay', () => {
  let proj: Projection;
  before(() => {
    proj = build('exc2', (p) => p.connectWithFunc((pre, post, a: { weight: number; delay: number }) => diagonal(pre, post, a.weight, () => [a.delay]), { weight: 0.1, delay: 2 }));
  });
  beforeEach(() => proj.network.reset());
  it('test_invoke_compile', () => expect(proj.network.compiled).to.equal(true));
  it('test_uniform_delay', () => expect(proj.delay).to.equal(2.0));
});

describe('test_CustomConnectivityNonUniformDelay', () => {
  let proj: Projection;
  before(() => {
    proj = build('exc3', (p) => p.connectWithFunc((pre, post, a: { weight: number; delay: DiscreteUniform }) =>
      diagonal(pre, post, a.weight, (n) => Array.from(a.delay.getValues(n, pre.network.numpyRng))), { weight: 0.1, delay: new DiscreteUniform(1, 5) }));
  });
  beforeEach(() => proj.network.reset());
  it('test_invoke_compile', () => expect(proj.network.compiled).to.equal(true));
});
