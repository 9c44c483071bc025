import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { TimedArray } from '../../../src/engine/special/timed-array.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';

function rows(m: Monitor): number[][] {
  const a = m.get('r') as RecordedArray;
  const [n, w] = a.shape as [number, number];
  return Array.from({ length: n }, (_, k) => Array.from(a.data.subarray(k * w, (k + 1) * w)));
}

const EYE = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];

describe('engine/special: TimedArray', () => {
  it('steps through the rows every step by default and keeps the last one', () => {
    const net = new Network({ dt: 1 });
    const inp = new TimedArray(EYE, { network: net });
    const m = new Monitor(inp, 'r');
    net.simulate(5);
    expect(rows(m)).to.deep.equal([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1], [0, 0, 1]]);
  });

  it('schedule spacing in ms: int(schedule*i/dt) steps', () => {
    const net = new Network({ dt: 1 });
    const inp = new TimedArray(EYE, { schedule: 2, network: net });
    const m = new Monitor(inp, 'r');
    net.simulate(7);
    expect(rows(m).map((r) => r.indexOf(1))).to.deep.equal([0, 0, 1, 1, 2, 2, 2]);
    expect(inp.schedule).to.deep.equal([0, 2, 4]);
  });

  it('cycles with a period (int(period/dt) steps)', () => {
    const net = new Network({ dt: 1 });
    const inp = new TimedArray(EYE, { schedule: 1, period: 4, network: net });
    const m = new Monitor(inp, 'r');
    net.simulate(9);
    // steps 0,1,2 rows 0..2; step 3 keeps row 2; t wraps after step 3
    expect(rows(m).map((r) => r.indexOf(1))).to.deep.equal([0, 1, 2, 2, 0, 1, 2, 2, 0]);
  });

  it('irregular schedules; before the first time r is the first row after compile, 0 after reset()', () => {
    const net = new Network({ dt: 1 });
    const inp = new TimedArray([[5, 6], [7, 8]], { schedule: [2, 4], network: net });
    expect(inp.geometry).to.deep.equal([2]);
    const m = new Monitor(inp, 'r');
    net.simulate(5);
    expect(rows(m)).to.deep.equal([[5, 6], [5, 6], [5, 6], [5, 6], [7, 8]]);
    inp.reset();
    net.simulate(3);
    expect(rows(m)).to.deep.equal([[0, 0], [0, 0], [5, 6]]);
  });

  it('truncates schedule times on the dt grid as ANNarchy (0.7/0.1 -> 6)', () => {
    const net = new Network({ dt: 0.1 });
    const inp = new TimedArray([[1], [2]], { schedule: [0, 0.7], network: net });
    const m = new Monitor(inp, 'r');
    net.simulate(0.8);
    expect(rows(m).map((r) => r[0])).to.deep.equal([1, 1, 1, 1, 1, 1, 2, 2]);
  });

  it('2-D rows give a 2-D geometry; bad input is rejected', () => {
    const net = new Network({ dt: 1 });
    const inp = new TimedArray([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], { network: net });
    expect(inp.geometry).to.deep.equal([2, 2]);
    expect(() => new TimedArray([1, 2, 3] as never, { network: net })).to.throw(/list of rows/);
    expect(() => new TimedArray([[1, 2], [3]], { network: net })).to.throw(/ragged/);
    expect(() => new TimedArray([[1], [2]], { schedule: [0, 1, 2], network: net })).to.throw(/cannot be longer/);
  });
});

describe('TimedArray.update (ANNarchy update(rates, schedule, period))', () => {
  it('replaces rows, schedule and period; the counter keeps running', () => {
    const net = new Network();
    const inp = new TimedArray([[1, 0], [0, 1], [2, 2]], { network: net });
    net.compile();
    net.simulate(1); // row 0 at step 0
    inp.update([[5, 5], [6, 6], [7, 7], [8, 8]], { schedule: 1.0, period: 3.0 });
    expect(inp.schedule).to.deep.equal([0, 1, 2, 3]);
    expect(inp.period).to.equal(3);
    net.simulate(1); // internal step 1 -> row 1 of the new rates
    expect(Array.from(inp.r as Float64Array)).to.deep.equal([6, 6]);
  });

  it('refuses a schedule longer than the rows and unknown options, changing nothing', () => {
    const net = new Network();
    const inp = new TimedArray([[1, 0], [0, 1]], { network: net });
    net.compile();
    expect(() => inp.update([[1, 1]], { schedule: [0, 1] })).to.throw(/schedule \(2 times\) cannot be longer than the rates \(1 rows\)/);
    expect(() => inp.update([[1, 1]], { periode: 2 } as never)).to.throw(/unknown option "periode"/);
    expect(inp.rates.map((r) => Array.from(r))).to.deep.equal([[1, 0], [0, 1]]);
  });
});
