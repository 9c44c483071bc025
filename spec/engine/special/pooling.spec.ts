import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Pooling } from '../../../src/engine/special/pooling.js';
import { ConvolutionError } from '../../../src/engine/special/convolution-error.js';
import { DBL_MIN } from '../../../src/language/shared-projection-codegen.js';
import { ModelError } from '../../../src/language/model-error.js';
import { Neuron } from '../../../src/language/neuron.js';

const input = new Neuron({ parameters: 'r = 0.0' });
const output = new Neuron({ equations: 'r = sum(exc)' });

function convError(f: () => unknown, argument: string): void {
  try {
    f();
  } catch (e) {
    expect(e, (e as Error).message).to.be.instanceOf(ConvolutionError);
    expect((e as ConvolutionError).argument, (e as Error).message).to.equal(argument);
    return;
  }
  throw new Error('expected a ConvolutionError');
}

function run(preGeom: number[], postGeom: number[], rates: number[], operation: 'max' | 'min' | 'mean', extent?: number[]): number[] {
  const net = new Network({ dt: 1 });
  const pre = new Population(preGeom, input, { network: net });
  const post = new Population(postGeom, output, { network: net });
  new Pooling(pre, post, 'exc', { operation }).connectPooling(extent ? { extent } : {});
  net.compile();
  pre.r = Float64Array.from(rates);
  net.simulate(1);
  return Array.from(post.r as Float64Array);
}

// [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]
const R44 = Array.from({ length: 16 }, (_, k) => k + 1);

describe('engine/special: Pooling', () => {
  it('max-pooling by default with the extent pre/post', () => {
    const net = new Network({ dt: 1 });
    const pre = new Population([4, 4], input, { network: net });
    const post = new Population([2, 2], output, { network: net });
    const pool = new Pooling(pre, post, 'exc').connectPooling();
    net.compile();
    pre.r = Float64Array.from(R44);
    net.simulate(1);
    expect(pool.extent).to.deep.equal([2, 2]);
    expect(pool.operation).to.equal('max');
    expect(pool.preCoordinates).to.deep.equal([[0, 0], [0, 2], [2, 0], [2, 2]]);
    expect(Array.from(post.r as Float64Array)).to.deep.equal([6, 8, 14, 16]);
  });

  it('min, mean', () => {
    expect(run([4, 4], [2, 2], R44, 'min')).to.deep.equal([1, 3, 9, 11]);
    expect(run([4, 4], [2, 2], R44, 'mean')).to.deep.equal([(1 + 2 + 5 + 6) / 4, (3 + 4 + 7 + 8) / 4, (9 + 10 + 13 + 14) / 4, (11 + 12 + 15 + 16) / 4]);
  });

  it('max starts from DBL_MIN and min from DBL_MAX, as 4.7.3 (numeric_limits<double>::min() is the smallest positive normal)', () => {
    expect(run([2, 2], [1, 1], [-1, -2, -3, -4], 'max')).to.deep.equal([DBL_MIN]);
    expect(DBL_MIN).to.equal(2 ** -1022);
    expect(run([2, 2], [1, 1], [1, 2, 3, 4], 'min')).to.deep.equal([1]);
  });

  it('regions reaching outside pre skip those neurons; mean still divides by the whole extent', () => {
    expect(run([3], [2], [1, 2, 4], 'mean', [2])).to.deep.equal([1.5, 2]);
  });

  it('a post population without pre\'s last dimension pools over it from 0', () => {
    // pre (2, 3), post (2,), extent (1, 3): the mean of each row
    expect(run([2, 3], [2], [1, 2, 3, 4, 5, 6], 'mean', [1, 3])).to.deep.equal([2, 5]);
  });

  it('delays: pre.r of int(delays/dt) steps before', () => {
    const net = new Network({ dt: 1 });
    const pre = new Population([2], new Neuron({ equations: 'r = t' }), { network: net });
    const post = new Population([1], output, { network: net });
    new Pooling(pre, post, 'exc', { operation: 'mean' }).connectPooling({ delays: 4 });
    net.compile();
    net.simulate(10);
    expect((post.r as Float64Array)[0]).to.equal(5);
  });

  it('size and postRanks cover the whole post population', () => {
    const net = new Network({ dt: 1 });
    const pool = new Pooling(new Population([4], input, { network: net }), new Population([2], output, { network: net }), 'exc');
    pool.connectPooling();
    expect(pool.size).to.equal(0);
    convError(() => pool.postRanks, 'postRanks');
    net.compile();
    expect(pool.size).to.equal(2);
    expect(pool.postRanks).to.deep.equal([0, 1]);
    convError(() => pool.dendrite(0), 'dendrite');
  });

  describe('bad input names the argument', () => {
    it('operation, psp, extent, post, delays', () => {
      const net = new Network({ dt: 1 });
      const pre = new Population([4, 4], input, { network: net });
      const post = new Population([2, 2], output, { network: net });
      convError(() => new Pooling(pre, post, 'exc', { operation: 'sum' as never }), 'operation');
      try {
        new Pooling(pre, post, 'exc', { psp: 'w * pre.r' });
        throw new Error('expected a ModelError');
      } catch (e) {
        expect(e).to.be.instanceOf(ModelError);
        expect((e as ModelError).symbol).to.equal('w');
      }
      convError(() => new Pooling(pre, post, 'exc').connectPooling({ extent: [2] }), 'extent');
      convError(() => new Pooling(pre, post, 'exc').connectPooling({ extent: [2, 0] }), 'extent');
      convError(() => new Pooling(pre, post, 'exc').connectPooling({ extent: [2, 1.5] }), 'extent');
      convError(() => new Pooling(pre, new Population([3, 2], output, { network: net }), 'exc').connectPooling(), 'extent');
      convError(() => new Pooling(pre, new Population([4], output, { network: net }), 'exc').connectPooling(), 'extent');
      convError(() => new Pooling(pre, new Population([2, 2, 2], output, { network: net }), 'exc').connectPooling({ extent: [2, 2] }), 'post');
      convError(() => new Pooling(pre, post, 'exc').connectPooling({ delays: -1 }), 'delays');
      convError(() => new Pooling(pre, post, 'exc').connectPooling({ stride: 2 } as never), 'stride');
    });
  });
});
