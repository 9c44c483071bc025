import { expect } from 'chai';
import {
  anyRecordings,
  closeOpenPeriod,
  compartmentTimes,
  correctStartStop,
  snapPeriod,
  tempTimings,
} from '../../src/monitors/timings.js';

// ANNarchy's get_time() is step * dt; the example runs with dt = 0.1.
const DT = 0.1;
const t = (step: number): number => step * DT;
const P1 = snapPeriod(2, DT); // "my_pop1;2"
const P2 = snapPeriod(DT, DT); // "my_pop2" (default period dt)

describe('monitors/timings', () => {
  it('snaps periods onto the dt grid like round(period/dt)*dt', () => {
    expect(P1).to.equal(2);
    expect(P2).to.equal(0.1);
    expect(snapPeriod(0.25, 0.1)).to.equal(0.2); // round(2.5) = 2 (half to even)
    expect(snapPeriod(0.35, 0.1)).to.equal(3 * 0.1); // 0.35/0.1 = 3.4999999999999996 -> 3
  });

  it('correctStartStop: first sample at/after start, last strictly before stop (§2.1 worked example)', () => {
    const r = correctStartStop([t(1000), t(3000), t(6000)], [t(2000), t(5000), t(7000)], P1);
    expect(r.actualStart).to.deep.equal([100, 300, 600]);
    expect(r.actualStop).to.deep.equal([198, 498, 698]);
    expect(r.nrRecVals).to.deep.equal([50, 100, 50]);
  });

  it('computes the my_pop1 / my_pop2 periods of chunk 0 of the monitor_recordings example', () => {
    const pop1 = compartmentTimes({ start: [t(1000), t(3000), t(6000)], stop: [t(2000), t(5000)], period: P1, dt: DT, currentTime: t(7000) });
    expect(pop1).to.deep.equal({
      start: { ms: [100, 300, 600], idx: [0, 50, 150] },
      stop: { ms: [198, 498, 698], idx: [49, 149, 199] },
    });
    const pop2 = compartmentTimes({ start: [t(1000), t(4000)], stop: [t(2000)], period: P2, dt: DT, currentTime: t(7000) });
    // unrounded, the last stop is 699.9000000000001 and the sample sum 4000.000000000001
    expect(pop2).to.deep.equal({
      start: { ms: [100, 400], idx: [0, 1000] },
      stop: { ms: [199.9, 699.9], idx: [999, 3999] },
    });
  });

  it('rounds the float sample sums to the nearest integer instead of truncating', () => {
    // Recording from step 0 to step 82 (t = 8.200000000000001) at P = dt = 0.1 gives the samples
    // 0, 0.1, ..., 8.1: 82 of them. In doubles 1 + (8.1 - 0)/0.1 = 81.99999999999999 (numpy gives
    // the same); CompNeuroPy's int() makes that 81 (stop idx 80), rounding keeps 82 (stop idx 81).
    const { nrRecVals } = correctStartStop([0], [t(82)], 0.1);
    expect(nrRecVals[0]).to.equal(81.99999999999999);
    const c = compartmentTimes({ start: [0], stop: [t(82)], period: 0.1, dt: 0.1 });
    expect(c).to.deep.equal({ start: { ms: [0], idx: [0] }, stop: { ms: [8.1], idx: [81] } });
  });

  it('gives stop_idx = start_idx - 1 for a period without samples (recordings3 before its reset)', () => {
    const pop1 = compartmentTimes({ start: [t(1000)], stop: [], period: P1, dt: DT, currentTime: t(1000) });
    expect(pop1).to.deep.equal({ start: { ms: [100], idx: [0] }, stop: { ms: [98], idx: [-1] } });
    const pop2 = compartmentTimes({ start: [t(1000)], stop: [], period: P2, dt: DT, currentTime: t(1000) });
    expect(pop2).to.deep.equal({ start: { ms: [100], idx: [0] }, stop: { ms: [99.9], idx: [-1] } });
    expect(anyRecordings({ my_pop1: pop1, my_pop2: pop2 })).to.equal(false);
  });

  it('anyRecordings ignores one-sample periods (quirk §14.3) and sees two samples', () => {
    const one = compartmentTimes({ start: [0], stop: [2], period: 2, dt: 0.1 });
    expect(one.stop.idx[0]! - one.start.idx[0]!).to.equal(0);
    expect(anyRecordings({ p: one })).to.equal(false);
    const two = compartmentTimes({ start: [0], stop: [2.1], period: 2, dt: 0.1 });
    expect(two.stop.idx).to.deep.equal([1]);
    expect(anyRecordings({ p: one, q: two })).to.equal(true);
    expect(anyRecordings({})).to.equal(false);
  });

  it('closeOpenPeriod appends the current time only to an open period and never mutates', () => {
    const stop = [200];
    expect(closeOpenPeriod([100, 300], stop, 700)).to.deep.equal([200, 700]);
    expect(closeOpenPeriod([100], stop, 700)).to.deep.equal([200]);
    expect(stop).to.deep.equal([200]);
    expect(() => closeOpenPeriod([100], [])).to.throw(/currentTime/);
  });

  it('tempTimings keeps the mon_dict order of the compartments', () => {
    const chunk = tempTimings(
      [
        { compartment: 'my_pop1', period: P1, start: [t(8000)], stop: [] },
        { compartment: 'my_pop2', period: P2, start: [t(8000)], stop: [] },
      ],
      { dt: DT, currentTime: t(15000) },
    );
    expect(Object.keys(chunk)).to.deep.equal(['my_pop1', 'my_pop2']);
    expect(chunk.my_pop1).to.deep.equal({ start: { ms: [800], idx: [0] }, stop: { ms: [1498], idx: [349] } });
    expect(chunk.my_pop2).to.deep.equal({ start: { ms: [800], idx: [0] }, stop: { ms: [1499.9], idx: [6999] } });
  });

  it('rejects bad input with errors naming the argument', () => {
    expect(() => compartmentTimes({ start: [0], stop: [1], period: 0, dt: 0.1 })).to.throw(/period/);
    expect(() => compartmentTimes({ start: [0], stop: [1], period: 1, dt: -1 })).to.throw(/dt/);
    expect(() => compartmentTimes({ start: [0], stop: [1, 2], period: 1, dt: 1 })).to.throw(/2 stops/);
    expect(() => compartmentTimes({ start: [NaN], stop: [1], period: 1, dt: 1 })).to.throw(/start/);
  });
});
