import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Convolution } from '../../../src/engine/special/convolution.js';
import { ConvolutionError } from '../../../src/engine/special/convolution-error.js';
import { ModelError } from '../../../src/language/model-error.js';
import { Neuron } from '../../../src/language/neuron.js';

const input = new Neuron({ parameters: 'r = 0.0' });
const output = new Neuron({ equations: 'r = sum(exc)' });

/** A network with an input of `preGeom` holding `rates` (C order) and an output of `postGeom`. */
function setup(preGeom: number[], postGeom: number[], rates?: number[]) {
  const net = new Network({ dt: 1 });
  const pre = new Population(preGeom, input, { network: net });
  const post = new Population(postGeom, output, { network: net });
  return { net, pre, post, start: () => { net.compile(); if (rates) pre.r = Float64Array.from(rates); } };
}

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** The ConvolutionError thrown by `f`, checked for its argument. */
function convError(f: () => unknown, argument: string): ConvolutionError {
  const e = thrown(f);
  expect(e, e.message).to.be.instanceOf(ConvolutionError);
  expect((e as ConvolutionError).argument, e.message).to.equal(argument);
  return e as ConvolutionError;
}

const R22 = [1, 2, 3, 4];   // [[1, 2], [3, 4]]
const ONES = [[1, 1, 1], [1, 1, 1], [1, 1, 1]];

describe('engine/special: Convolution', () => {
  it('is a cross-correlation: w[a][b] multiplies pre at the centre + (a - 1, b - 1)', () => {
    const { net, pre, post, start } = setup([2, 2], [2, 2], R22);
    new Convolution(pre, post, 'exc').connectFilter([[0, 0, 0], [0, 0, 2], [0, 0, 0]]);
    start();
    net.simulate(1);
    // w[1][2] multiplies the right neighbour: [[2*2, 0], [2*4, 0]]
    expect(Array.from(post.r as Float64Array)).to.deep.equal([4, 0, 8, 0]);
  });

  it('numeric padding is added once per out-of-range coordinate and skips the rest of that loop (4.7.3)', () => {
    const { net, pre, post, start } = setup([2, 2], [2, 2], R22);
    new Convolution(pre, post, 'exc').connectFilter(ONES, { padding: 10 });
    start();
    net.simulate(1);
    // neuron (0, 0): row -1 adds 10 once (not 3 times); rows 0 and 1 add 10 for column -1, then 1+2 and 3+4
    const r = post.r as Float64Array;
    expect(r[0]).to.equal(10 + (10 + 1 + 2) + (10 + 3 + 4));
    // neuron (1, 1): rows 0, 1 with column 2 out of range, then row 2 out of range
    expect(r[3]).to.equal((1 + 2 + 10) + (3 + 4 + 10) + 10);
  });

  it("padding: 'border' repeats the border values", () => {
    const { net, pre, post, start } = setup([2, 2], [2, 2], R22);
    new Convolution(pre, post, 'exc').connectFilter(ONES, { padding: 'border' });
    start();
    net.simulate(1);
    // neuron (0, 0): rows [0, 0, 1] x columns [0, 0, 1]
    expect((post.r as Float64Array)[0]).to.equal(4 * 1 + 2 * 2 + 2 * 3 + 4);
  });

  it('mean divides by the number of weights, max and min start from 0.0 and skip outside pre', () => {
    const net = new Network({ dt: 1 });
    const pre = new Population([2, 2], input, { network: net });
    const post = new Population([2, 2], new Neuron({ equations: 'r = sum(exc)\nmx = sum(mx)\nmn = sum(mn)\nmx2 = sum(mx2)' }), { network: net });
    new Convolution(pre, post, 'exc', { operation: 'mean' }).connectFilter(ONES);
    new Convolution(pre, post, 'mx', { operation: 'max' }).connectFilter(ONES.map((row) => row.map((x) => -x)));
    new Convolution(pre, post, 'mn', { operation: 'min' }).connectFilter(ONES);
    new Convolution(pre, post, 'mx2', { operation: 'max' }).connectFilter(ONES);
    net.compile();
    pre.r = Float64Array.from(R22);
    net.simulate(1);
    expect((post.r as Float64Array)[0]).to.equal((1 + 2 + 3 + 4) / 9);
    // every psp is negative: the max stays 0.0; every psp is positive: the min stays 0.0
    expect(Array.from(post.mx as Float64Array)).to.deep.equal([0, 0, 0, 0]);
    expect(Array.from(post.mn as Float64Array)).to.deep.equal([0, 0, 0, 0]);
    expect(Array.from(post.mx2 as Float64Array)).to.deep.equal([4, 4, 4, 4]);
  });

  it('sub-samples by the ratio of the geometries: centres (sample-1)//2 + sample*i', () => {
    const rates = Array.from({ length: 36 }, (_, k) => k);
    const { net, pre, post, start } = setup([6, 6], [2, 2], rates);
    const conv = new Convolution(pre, post, 'exc').connectFilter([[1]]);
    start();
    net.simulate(1);
    expect(conv.preCoordinates).to.deep.equal([[1, 1], [1, 4], [4, 1], [4, 4]]);
    expect(Array.from(post.r as Float64Array)).to.deep.equal([7, 10, 25, 28]);
  });

  it('a bank of filters: post gets one neuron per filter in its last dimension; mean divides by all weights', () => {
    const net = new Network({ dt: 1 });
    const pre = new Population([2, 2], input, { network: net });
    const post = new Population([2, 2, 2], new Neuron({ equations: 'r = sum(exc)\nm = sum(m)' }), { network: net });
    new Convolution(pre, post, 'exc').connectFilters([[[1]], [[-2]]]);
    new Convolution(pre, post, 'm', { operation: 'mean' }).connectFilters([[[1]], [[-2]]]);
    net.compile();
    pre.r = Float64Array.from(R22);
    net.simulate(1);
    expect(Array.from(post.r as Float64Array)).to.deep.equal([1, -2, 2, -4, 3, -6, 4, -8]);
    // 4.7.3 divides by weights.size, the size of the whole bank (2)
    expect(Array.from(post.m as Float64Array)).to.deep.equal([0.5, -1, 1, -2, 1.5, -3, 2, -4]);
  });

  it('delays: pre.r of int(delays/dt) steps before, like a projection with that delay; other pre variables are live', () => {
    const net = new Network({ dt: 1 });
    const pre = new Population([3], new Neuron({ equations: 'r = t\nx = 10 * t' }), { network: net });
    const post = new Population([3], new Neuron({ equations: 'r = sum(exc)\ny = sum(ref)\nz = sum(mix)' }), { network: net });
    new Convolution(pre, post, 'exc').connectFilter([0, 1, 0], { delays: 3 });
    new Projection(pre, post, 'ref').connectOneToOne({ weights: 1, delays: 3 });
    new Convolution(pre, post, 'mix', { psp: 'w * (pre.r - pre.x)' }).connectFilter([0, 1, 0], { delays: 3 });
    net.compile();
    for (let n = 0; n < 10; n++) {
      net.step();
      expect(Array.from(post.r as Float64Array)).to.deep.equal(Array.from(post.y as Float64Array));
    }
    // after step 9: r of step 6 (6), x of step 8 (80): 4.7.3 delays only r
    expect((post.r as Float64Array)[0]).to.equal(6);
    expect((post.z as Float64Array)[0]).to.equal(6 - 80);
  });

  it('delays are truncated to steps (int(delays/dt)), not rounded', () => {
    const net = new Network({ dt: 0.1 });
    const pre = new Population([1], new Neuron({ equations: 'r = t' }), { network: net });
    const post = new Population([1], output, { network: net });
    // 0.3 / 0.1 = 2.9999999999999996: 2 steps (a Projection rounds to 3)
    new Convolution(pre, post, 'exc').connectFilter([1], { delays: 0.3 });
    net.compile();
    for (let n = 0; n < 10; n++) net.step();
    expect((post.r as Float64Array)[0]).to.equal(7 * 0.1);
  });

  it('a spiking post population receives into g_target', () => {
    const net = new Network({ dt: 1 });
    const pre = new Population([4], input, { network: net });
    const post = new Population([4], new Neuron({ equations: 'v = g_exc', spike: 'v > 1000', reset: 'v = 0' }), { network: net });
    new Convolution(pre, post, 'exc').connectFilter([1, 2, 1]);
    net.compile();
    pre.r = Float64Array.of(1, 2, 3, 4);
    net.simulate(1);
    expect(Array.from(post.v as Float64Array)).to.deep.equal([4, 8, 12, 11]);
  });

  it('a spiking pre population is read through its r (computeFiringRate); delays are refused for it', () => {
    const net = new Network({ dt: 1 });
    const pre = new Population([2], new Neuron({ equations: 'v = 0.0', spike: 'v > -1', reset: 'v = 0.0' }), { network: net });
    const post = new Population([2], output, { network: net });
    new Convolution(pre, post, 'exc').connectFilter([0, 2, 0]);
    convError(() => new Convolution(pre, post, 'exc').connectFilter([1], { delays: 2 }), 'delays');
    net.removeProjection(net.projectionsList[1]!);
    pre.computeFiringRate(4);
    net.compile();
    net.simulate(3);
    const r = Array.from(pre.r as Float64Array);
    expect(r[0]).to.be.greaterThan(0);
    net.step();
    // step 2 reads the rates after the previous step
    expect(Array.from(post.r as Float64Array)).to.deep.equal(r.map((x) => 2 * x));
  });

  it('weights read as nested arrays and can be replaced between steps (same shape); size, postRanks', () => {
    const { net, pre, post, start } = setup([2, 2], [2, 2], R22);
    const conv = new Convolution(pre, post, 'exc').connectFilter([[0, 0, 0], [0, 1, 0], [0, 0, 0]]);
    expect(conv.size).to.equal(0);
    start();
    net.simulate(1);
    expect(Array.from(post.r as Float64Array)).to.deep.equal(R22);
    conv.weights = [[0, 0, 0], [0, 2, 0], [0, 0, 0]];
    expect(conv.get('w')).to.deep.equal([[0, 0, 0], [0, 2, 0], [0, 0, 0]]);
    net.simulate(1);
    expect(Array.from(post.r as Float64Array)).to.deep.equal([2, 4, 6, 8]);
    conv.set({ weights: [Float64Array.of(0, 0, 0), Float64Array.of(0, 3, 0), Float64Array.of(0, 0, 0)] });
    net.simulate(1);
    expect(Array.from(post.r as Float64Array)).to.deep.equal([3, 6, 9, 12]);
    expect(conv.size).to.equal(4);
    expect(conv.postRanks).to.deep.equal([0, 1, 2, 3]);
    expect(conv.nbSynapses).to.equal(0);
    convError(() => { conv.weights = [[1, 2], [3, 4]]; }, 'weights');
    convError(() => conv.dendrite(0), 'dendrite');
    convError(() => conv.get('tau'), 'get');
  });

  it('is reset with the network: delayed rates refilled, kernel kept', () => {
    const net = new Network({ dt: 1 });
    const pre = new Population([1], new Neuron({ equations: 'r = t + 1' }), { network: net });
    const post = new Population([1], output, { network: net });
    new Convolution(pre, post, 'exc').connectFilter([1], { delays: 2 });
    net.compile();
    net.simulate(5);
    net.reset();
    net.simulate(1);
    // pre.r is back at its initial 0, and so are the delayed copies
    expect((post.r as Float64Array)[0]).to.equal(0);
  });

  describe('bad input names the argument', () => {
    it('weights', () => {
      const { pre, post } = setup([3, 3], [3, 3]);
      convError(() => new Convolution(pre, post, 'exc').connectFilter([[1, 2], [3]]), 'weights');
      convError(() => new Convolution(pre, post, 'exc').connectFilter([[1, NaN]]), 'weights');
      convError(() => new Convolution(pre, post, 'exc').connectFilter([]), 'weights');
      convError(() => new Convolution(pre, post, 'exc').connectFilter(3 as never), 'weights');
      // more dimensions than pre: a bank of filters needs connectFilters
      convError(() => new Convolution(pre, post, 'exc').connectFilter([[[1]]]), 'weights');
    });

    it('geometries, keepLastDimension, padding, subsampling, delays', () => {
      const { net, pre, post } = setup([3, 4, 2], [3, 4, 2]);
      convError(() => new Convolution(pre, post, 'exc').connectFilter(ONES), 'keepLastDimension');
      convError(() => new Convolution(pre, post, 'exc').connectFilter([[[1, 1]]], { keepLastDimension: true }), 'keepLastDimension');
      convError(() => new Convolution(pre, post, 'exc').connectFilter(ONES, { padding: 'edge' as never }), 'padding');
      convError(() => new Convolution(pre, post, 'exc', { operation: 'max' }).connectFilter([[[1, 1]]], { padding: 1 }), 'padding');
      convError(() => new Convolution(pre, post, 'exc').connectFilter([[[1, 1]]], { subsampling: [[0, 0, 0]] }), 'subsampling');
      convError(() => new Convolution(pre, post, 'exc').connectFilter([[[1, 1]]], { delays: [1, 2] as never }), 'delays');
      convError(() => new Convolution(pre, post, 'exc').connectFilter([[[1, 1]]], { stride: 2 } as never), 'stride');
      // filters for (3, 4, 2) into 3 feature maps: post has 2 in its last dimension
      convError(() => new Convolution(pre, post, 'exc').connectFilters([[[[1]]], [[[1]]], [[[1]]]]), 'post');
      const small = new Population([2, 3], output, { network: net });
      convError(() => new Convolution(new Population([5, 5], input, { network: net }), small, 'exc').connectFilter([[1]]), 'post');
      const conv = new Convolution(pre, post, 'exc').connectFilter([[[1, 1]]]);
      convError(() => conv.connectFilter([[[1, 1]]]), 'connect');
    });

    it('endpoints, options, psp; an unconnected projection fails at compile', () => {
      const net = new Network({ dt: 1 });
      const pre = new Population([4], input, { network: net });
      const post = new Population([4], output, { network: net });
      convError(() => new Convolution(pre.slice(0, 2), post, 'exc'), 'pre');
      convError(() => new Convolution(pre, post, 'exc', { operation: 'median' as never }), 'operation');
      convError(() => new Convolution(pre, post, 'exc', { copied: true }), 'copied');
      convError(() => new Convolution(pre, post, ['exc', 'inh'] as never), 'target');
      const e = thrown(() => new Convolution(pre, post, 'exc', { psp: 'w * post.r' }));
      expect(e).to.be.instanceOf(ModelError);
      expect((e as ModelError).symbol).to.equal('post.r');
      expect((thrown(() => new Convolution(pre, post, 'exc', { psp: 'w * pre.u' })) as ModelError).symbol).to.equal('pre.u');
      new Convolution(pre, post, 'exc');
      convError(() => net.compile(), 'connect');
    });
  });
});
