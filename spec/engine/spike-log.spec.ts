import { expect } from 'chai';
import { SpikeLog } from '../../src/engine/spike-log.js';
import { setResourceLimits } from '../../src/engine/resource-limits.js';

describe('SpikeLog', () => {
  afterEach(() => setResourceLimits('defaults'));

  it('groups the steps by rank, listed ranks first with [] when silent', () => {
    const log = new SpikeLog('test');
    log.append(3, Int32Array.of(0, 2));
    log.append(4, new Int32Array(0));
    log.append(5, Int32Array.of(2, 7));
    const d = log.toDict([0, 1, 2]);
    expect(d).to.deep.equal({ 0: [3], 1: [], 2: [3, 5], 7: [5] });
    expect(Object.keys(d)).to.deep.equal(['0', '1', '2', '7']);
    expect(log.size).to.equal(4);
  });

  it('appendList reads only the first n entries of a spike list, and skips a step without spikes', () => {
    const log = new SpikeLog('test');
    const list = Int32Array.of(4, 1, 9, 9);
    log.appendList(2, list, 2);
    log.appendList(3, list, 0);
    list[0] = 6; // the list is reused by the next step: the log holds a copy
    log.appendList(5, list, 1);
    expect(log.toDict([1])).to.deep.equal({ 1: [2], 4: [2], 6: [5] });
  });

  it('takes any iterable of ranks (views yield theirs one by one)', () => {
    const log = new SpikeLog('test');
    function* ranks(): Generator<number> { yield 4; yield 1; }
    log.append(10, ranks());
    log.append(11, []);
    log.append(12, [4]);
    expect(log.toDict([])).to.deep.equal({ 1: [10], 4: [10, 12] });
  });

  it('grows past its first capacity and keeps every spike in order', () => {
    const log = new SpikeLog('test');
    const ranks = Int32Array.from({ length: 100 }, (_, i) => i);
    for (let s = 0; s < 50; s++) log.append(s, ranks);
    const d = log.toDict([]);
    expect(log.size).to.equal(5000);
    const steps = Array.from({ length: 50 }, (_, s) => s);
    for (let r = 0; r < 100; r++) expect(d[r]).to.deep.equal(steps);
  });

  it('is emptied by clear() and hands out fresh lists', () => {
    const log = new SpikeLog('test');
    log.append(1, Int32Array.of(3));
    const first = log.toDict([]);
    first[3]!.push(99);
    expect(log.toDict([])).to.deep.equal({ 3: [1] });
    log.clear();
    expect(log.toDict([3])).to.deep.equal({ 3: [] });
    expect(log.size).to.equal(0);
  });

  it('is bounded by the monitor budget, naming the monitor', () => {
    setResourceLimits({ monitorBytes: 8 * 1000 });
    const log = new SpikeLog('Monitor on "exc", variable "spike"');
    const ranks = new Int32Array(600);
    log.append(0, ranks);
    expect(() => log.append(1, ranks)).to.throw(/Monitor on "exc", variable "spike".*monitor budget/);
  });
});
