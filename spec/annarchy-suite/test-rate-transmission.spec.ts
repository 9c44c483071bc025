// Port of ANNarchy 4.7.3 tests/Synapse/test_RateTransmission.py (model strings and expected values).
// ANNarchy runs each class once per storage format; the project has one sparse layout.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose } from './helpers.js';

function setup(connect: (p: Projection) => void): Projection {
  const neuron = new Neuron({ equations: 'r = 1' });
  const neuron2 = new Neuron({ equations: 'r = sum(exc)' });
  const net = new Network();
  const pop1 = new Population([3, 3], neuron, { network: net });
  const pop2 = new Population([3, 3], neuron2, { network: net });
  const proj = new Projection(pop1, pop2, 'exc');
  connect(proj);
  net.compile();
  return proj;
}

describe('test_RateTransmissionOneToOne', () => {
  let proj: Projection;
  before(() => { proj = setup((p) => p.connectOneToOne({ weights: 0.1 })); });
  beforeEach(() => proj.network.reset());
  it('test_ranks', () => expect(proj.dendrite(3).preRanks).to.deep.equal([3]));
  it('test_weights', () => assertAllclose(proj.dendrite(3).w, [0.1]));
});

describe('test_RateTransmissionAllToAll', () => {
  let proj: Projection;
  before(() => { proj = setup((p) => p.connectAllToAll({ weights: 0.1 })); });
  beforeEach(() => proj.network.reset());
  it('test_ranks', () => expect(proj.dendrite(3).preRanks).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8]));
  it('test_weights', () => assertAllclose(proj.dendrite(3).w, new Array(9).fill(0.1)));
});

describe('test_RateTransmissionFixedNumberPre', () => {
  let proj: Projection;
  before(() => { proj = setup((p) => p.connectFixedNumberPre({ number: 3, weights: 0.1 })); });
  beforeEach(() => proj.network.reset());
  it('test_weights', () => assertAllclose(proj.dendrites.map((d) => d.size), 3));
});
