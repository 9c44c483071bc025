import { expect } from 'chai';
import { deepCopy } from '../../src/experiment/deep-copy.js';

// Python's copy.deepcopy: a new object graph with the same prototypes, shared and cyclic
// references kept, functions shared; property attributes (accessors, read-only, hidden) kept.
describe('experiment: deepCopy', () => {
  it('plain objects: values copied, typed arrays new, shared and cyclic references kept', () => {
    const shared = new Float64Array([1, 2]);
    const a: Record<string, unknown> = { x: 1, s: 'y', arr: [shared, shared], nested: { v: shared } };
    a.self = a;
    const b = deepCopy(a);
    expect(b).not.to.equal(a);
    expect(b.self).to.equal(b);
    const arr = b.arr as Float64Array[];
    expect(arr[0]).not.to.equal(shared);
    expect(arr[0]).to.equal(arr[1]);
    expect((b.nested as { v: Float64Array }).v).to.equal(arr[0]);
    expect(Array.from(arr[0]!)).to.deep.equal([1, 2]);
    expect(Object.keys(b)).to.deep.equal(Object.keys(a));
  });

  it('plain objects keep accessors, read-only and hidden properties, an own "__proto__" key and a null prototype', () => {
    let reads = 0;
    const src = JSON.parse('{"__proto__": 5, "k": 1}') as Record<string, unknown>;
    Object.defineProperty(src, 'lazy', { get: () => ++reads, enumerable: true, configurable: true });
    Object.defineProperty(src, 'fixed', { value: [3], writable: false, enumerable: true, configurable: false });
    Object.defineProperty(src, 'hidden', { value: 4, writable: true, enumerable: false, configurable: true });
    const b = deepCopy(src);
    expect(Object.getPrototypeOf(b)).to.equal(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(b, '__proto__')).to.deep.include({ value: 5, writable: true, enumerable: true });
    expect(typeof Object.getOwnPropertyDescriptor(b, 'lazy')!.get).to.equal('function');
    expect(reads).to.equal(0);
    const fixed = Object.getOwnPropertyDescriptor(b, 'fixed')!;
    expect(fixed).to.deep.include({ writable: false, configurable: false });
    expect(fixed.value).to.deep.equal([3]);
    expect(fixed.value).not.to.equal(src.fixed);
    expect(Object.getOwnPropertyDescriptor(b, 'hidden')).to.deep.include({ value: 4, enumerable: false });
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { q: [1] });
    const c = deepCopy(bare);
    expect(Object.getPrototypeOf(c)).to.equal(null);
    expect(c.q).to.deep.equal([1]);
    expect(c.q).not.to.equal(bare.q);
  });

  it('class instances keep their prototype; their properties are defined, never set through a setter', () => {
    class WithSetter {
      log: string[] = [];
      value = 1;
    }
    Object.defineProperty(WithSetter.prototype, 'guarded', { set() { throw new Error('setter called'); }, configurable: true });
    const w = new WithSetter();
    Object.defineProperty(w, 'guarded', { value: 2, writable: true, enumerable: true, configurable: true });
    const c = deepCopy(w);
    expect(c).to.be.instanceOf(WithSetter);
    expect((c as unknown as { guarded: number }).guarded).to.equal(2);
  });
});
