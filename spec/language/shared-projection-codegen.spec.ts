import { expect } from 'chai';
import { centerOfFilter, generateConvolutionKernel, generatePoolingKernel, type SharedKernelState } from '../../src/language/shared-projection-codegen.js';
import { CONSTANTS } from '../../src/language/constant.js';
import { ModelError } from '../../src/language/model-error.js';
import { Synapse } from '../../src/language/synapse.js';

const PRE = { local: ['r', 'x'], global: ['g'] };

function state(coords: number[], w: number[], r: number[], postSize: number): SharedKernelState {
  return {
    postSize, coords: Int32Array.from(coords), w: Float64Array.from(w),
    pre: { local: { r: Float64Array.from(r), x: Float64Array.from(r, (v) => 10 * v) }, global: { g: 0.5 } },
    preR: Float64Array.from(r), out: new Float64Array(postSize),
  };
}

describe('language: shared-projection codegen (Convolution, Pooling)', () => {
  it('centre of a filter: size // 2 when odd, size // 2 - 1 when even (4.7.3 _center_filter)', () => {
    expect([1, 2, 3, 4, 5].map(centerOfFilter)).to.deep.equal([0, 0, 1, 1, 2]);
  });

  it('a 1D convolution over a handmade state adds to out, reads w, pre locals, pre globals, t and dt', () => {
    const ir = new Synapse({ psp: 'w * pre.r + pre.g * pre.x + t * dt' }).analyse('rate');
    const { factory, src } = generateConvolutionKernel(ir, { preGeometry: [4], kernel: [2], bank: false, keepLastDimension: false, padding: 0, weightsSize: 2, dt: 0.5 }, PRE);
    const S = state([0, 3], [1, 2], [1, 2, 3, 4], 2);
    S.out[0] = 100;
    factory(S, CONSTANTS)(2);
    // even size 2: centre 0, offsets 0 and 1; t = 2 * 0.5 = 1 ms, psp adds t * dt = 0.5 per term
    const psp = (k: number, wk: number) => [1, 2][wk]! * [1, 2, 3, 4][k]! + 0.5 * 10 * [1, 2, 3, 4][k]! + 0.5;
    expect(S.out[0]).to.equal(100 + psp(0, 0) + psp(1, 1));
    // neuron at 3: offset 1 is outside pre, padding 0 is added
    expect(S.out[1]).to.equal(psp(3, 0) + 0);
    // the step loop allocates nothing: no `new`, no array or object literals after the bindings
    const body = src.slice(src.indexOf('return function kernel'));
    expect(body).not.to.match(/\bnew\b|\[\]|\{\}/);
  });

  it('pooling max over a handmade state, and psp errors name the symbol', () => {
    const ir = new Synapse({ psp: 'pre.r', operation: 'max' }).analyse('rate');
    const { factory } = generatePoolingKernel(ir, { preGeometry: [4], extent: [2], dt: 1 }, PRE);
    const S = state([0, 2], [], [3, 1, 2, 5], 2);
    factory(S, CONSTANTS)(0);
    expect(Array.from(S.out)).to.deep.equal([3, 5]);
    const symbolOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).to.be.instanceOf(ModelError);
        return (e as ModelError).symbol;
      }
      return undefined;
    };
    const layout = { preGeometry: [4], extent: [2], dt: 1 };
    expect(symbolOf(() => generatePoolingKernel(new Synapse({ psp: 'pre.r * w', operation: 'max' }).analyse('rate'), layout, PRE))).to.equal('w');
    expect(symbolOf(() => generatePoolingKernel(new Synapse({ psp: 'pre.q', operation: 'max' }).analyse('rate'), layout, PRE))).to.equal('pre.q');
    expect(symbolOf(() => generatePoolingKernel(new Synapse({ psp: 'mean(pre.r)', operation: 'max' }).analyse('rate'), layout, PRE))).to.equal('mean(pre.r)');
  });
});
