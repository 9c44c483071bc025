import { expect } from 'chai';
import { evaluateExpressionWithDict } from '../../src/analysis/evaluate-expression-with-dict.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';

describe('analysis/evaluate-expression-with-dict', () => {
  it('evaluates arithmetic over numbers and arrays element-wise (numpy semantics)', () => {
    expect(evaluateExpressionWithDict('a + b * 2', { a: 1, b: 3 })).to.equal(7);
    expect(Array.from(evaluateExpressionWithDict('(v - v_r) * 2', { v: new Float64Array([1, 2]), v_r: 1 }) as Float64Array)).to.deep.equal([0, 2]);
    expect(evaluateExpressionWithDict('-2 ** 2', {})).to.equal(-4); // Python: -(2**2)
    expect(evaluateExpressionWithDict('2 ** 3 ** 2', {})).to.equal(512);
    expect(evaluateExpressionWithDict('1.5e1 / .5', {})).to.equal(30);
    const r = evaluateExpressionWithDict('v*2+u', { v: new RecordedArray(new Float64Array([1, 2]), [2, 1]), u: new RecordedArray(new Float64Array([3, 4]), [2, 1]) });
    expect(r).to.be.instanceOf(RecordedArray);
    expect(Array.from((r as RecordedArray).data)).to.deep.equal([5, 8]);
  });

  it('supports np.clip, np.max, np.min and unary functions', () => {
    expect(Array.from(evaluateExpressionWithDict('np.clip(a, 0, 1)', { a: [-1, 0.5, 3] }) as Float64Array)).to.deep.equal([0, 0.5, 1]);
    expect(evaluateExpressionWithDict('np.max(a) - min(a)', { a: [-1, 0.5, 3] })).to.equal(4);
    expect(evaluateExpressionWithDict('sqrt(x)', { x: 16 })).to.equal(4);
  });

  it('never runs user text as code: unknown names, functions and syntax are errors', () => {
    expect(() => evaluateExpressionWithDict('process.exit(1)', {})).to.throw(/unknown function 'process.exit'/);
    expect(() => evaluateExpressionWithDict('constructor', {})).to.throw(/name 'constructor' is not defined/);
    expect(() => evaluateExpressionWithDict('a; b', { a: 1, b: 2 })).to.throw(/unexpected ';'/);
    expect(() => evaluateExpressionWithDict('(a', { a: 1 })).to.throw(/expected '\)'/);
    expect(() => evaluateExpressionWithDict('a + b', { a: [1, 2], b: [1, 2, 3] })).to.throw(/could not be broadcast/);
  });
});
