import { expect } from 'chai';
import { RecordedArray } from '../../src/monitors/recorded-array.js';
import { RecordingTimes } from '../../src/monitors/recording-times.js';
import type { RecordingChunk, RecordingTimesChunk } from '../../src/monitors/recordings.js';
import { anyRecordings, snapPeriod, tempTimings } from '../../src/monitors/timings.js';
import { npRound, getNumberOfDecimals } from '../../src/analysis/number-of-decimals.js';

/**
 * The start/pause/reset bookkeeping of CompNeuroMonitors (§2.1) over a step clock, just enough to
 * replay docs/examples/monitor_recordings.md and feed its raw times through timings.ts.
 */
class Bookkeeping {
  step = 0;
  private timings: Record<string, { paused: boolean; start: number[]; stop: number[] }> = {};
  private chunks: RecordingTimesChunk[] = [];
  constructor(
    readonly dt: number,
    readonly periods: Record<string, number>,
  ) {
    this.init();
  }
  private init(): void {
    this.timings = {};
    for (const c of Object.keys(this.periods)) this.timings[c] = { paused: true, start: [], stop: [] };
    this.chunks = [];
  }
  time(): number {
    return this.step * this.dt; // ANNarchy get_time()
  }
  simulate(ms: number): void {
    this.step += Math.ceil(ms / this.dt);
  }
  start(list = Object.keys(this.periods)): void {
    for (const c of list) {
      const tm = this.timings[c]!;
      tm.paused = false;
      if (tm.start.length <= tm.stop.length) tm.start.push(this.time());
    }
  }
  pause(list = Object.keys(this.periods)): void {
    for (const c of list) {
      const tm = this.timings[c]!;
      tm.paused = true;
      if (tm.stop.length < tm.start.length) tm.stop.push(this.time());
      if (tm.stop.length === tm.start.length && tm.stop.length > 0 && tm.stop.at(-1) === tm.start.at(-1)) {
        tm.stop.pop();
        tm.start.pop();
      }
    }
  }
  private closeChunk(): void {
    const entries = Object.entries(this.periods).map(([compartment, period]) => {
      const tm = this.timings[compartment]!;
      if (tm.start.length > tm.stop.length) tm.stop.push(this.time()); // the quirk §14.2 mutation
      return { compartment, period, start: tm.start, stop: tm.stop };
    });
    const chunk = tempTimings(entries, { dt: this.dt });
    if (anyRecordings(chunk)) this.chunks.push(chunk);
  }
  reset(model = true): void {
    this.closeChunk();
    for (const tm of Object.values(this.timings)) {
      tm.start = [];
      tm.stop = [];
      if (!tm.paused) tm.start.push(model ? 0 : npRound(this.time(), getNumberOfDecimals(this.dt)));
    }
    if (model) this.step = 0;
  }
  getRecordingTimesAndClear(): RecordingTimes {
    this.closeChunk();
    const rt = new RecordingTimes(this.chunks);
    this.pause();
    this.init();
    return rt;
  }
}

type Expect = { size: number; startMs: number[]; startIdx: number[]; stopMs: number[]; stopIdx: number[] };
type ChunkExpect = { my_pop1: Expect; my_pop2: Expect };
const e = (size: number, startMs: number[], startIdx: number[], stopMs: number[], stopIdx: number[]): Expect => ({
  size, startMs, startIdx, stopMs, stopIdx,
});

// §12, docs/examples/monitor_recordings.md console output, verbatim numbers.
const EXPECTED: ChunkExpect[][] = [
  [
    {
      my_pop1: e(200, [100.0, 300.0, 600.0], [0, 50, 150], [198.0, 498.0, 698.0], [49, 149, 199]),
      my_pop2: e(4000, [100.0, 400.0], [0, 1000], [199.9, 699.9], [999, 3999]),
    },
    { my_pop1: e(350, [800.0], [0], [1498.0], [349]), my_pop2: e(7000, [800.0], [0], [1499.9], [6999]) },
    { my_pop1: e(350, [100.0], [0], [798.0], [349]), my_pop2: e(7000, [100.0], [0], [799.9], [6999]) },
  ],
  [
    { my_pop1: e(50, [900.0], [0], [998.0], [49]), my_pop2: e(1000, [900.0], [0], [999.9], [999]) },
    { my_pop1: e(50, [0.0], [0], [98.0], [49]), my_pop2: e(1000, [0.0], [0], [99.9], [999]) },
  ],
  [{ my_pop1: e(50, [0.0], [0], [98.0], [49]), my_pop2: e(1000, [0.0], [0], [99.9], [999]) }],
];

/** Replays the script of docs/examples/monitor_recordings.md (setup(dt=0.1)). */
function runMonitorRecordingsExample(): RecordingTimes[] {
  const dt = 0.1;
  // monitor_dictionary = {"my_pop1;2": ["v", "spike"], "my_pop2": ["v"]}
  const mon = new Bookkeeping(dt, { my_pop1: snapPeriod(2, dt), my_pop2: snapPeriod(dt, dt) });
  mon.simulate(100);
  mon.start();
  mon.simulate(100);
  mon.pause();
  mon.simulate(100);
  mon.start(['my_pop1']);
  mon.simulate(100);
  mon.start();
  mon.simulate(100);
  mon.pause(['my_pop1']);
  mon.simulate(100);
  mon.start();
  mon.simulate(100);
  mon.reset(false);
  mon.pause();
  mon.simulate(100);
  mon.start();
  mon.simulate(700);
  mon.reset(true);
  mon.pause();
  mon.simulate(100);
  mon.start();
  mon.simulate(700);
  const rt1 = mon.getRecordingTimesAndClear();
  mon.simulate(100);
  mon.start();
  mon.simulate(100);
  mon.reset(true);
  mon.simulate(100);
  const rt2 = mon.getRecordingTimesAndClear();
  mon.start();
  mon.reset(true);
  mon.simulate(100);
  const rt3 = mon.getRecordingTimesAndClear();
  return [rt1, rt2, rt3];
}

describe('monitors/RecordingTimes', () => {
  describe('docs/examples/monitor_recordings.md (§12)', () => {
    const sets = runMonitorRecordingsExample();

    it('has 3, 2 and 1 chunks (recordings3: the empty period before the reset is dropped)', () => {
      expect(sets.map((s) => s.all().length)).to.deep.equal([3, 2, 1]);
      expect(sets.map((s) => s.getNrChunks())).to.deep.equal([3, 2, 1]);
    });

    EXPECTED.forEach((chunks, setIdx) => {
      chunks.forEach((chunkExp, chunk) => {
        for (const pop of ['my_pop1', 'my_pop2'] as const) {
          it(`recordings${setIdx + 1} chunk ${chunk} ${pop}: ms, idx and array size`, () => {
            const rt = sets[setIdx]!;
            const x = chunkExp[pop];
            const c = rt.all()[chunk]![pop]!;
            expect(c.start.ms).to.deep.equal(x.startMs);
            expect(c.start.idx).to.deep.equal(x.startIdx);
            expect(c.stop.ms).to.deep.equal(x.stopMs);
            expect(c.stop.idx).to.deep.equal(x.stopIdx);
            // recording_array_size (n, 1): the periods are concatenated, so n = last stop idx + 1
            expect(c.stop.idx.at(-1)! + 1).to.equal(x.size);
            const n = x.startMs.length;
            expect(rt.nbrPeriods({ chunk, compartment: pop })).to.equal(n);
            expect(rt.timeLims({ chunk, compartment: pop })).to.deep.equal([x.startMs[0], x.stopMs[n - 1]]);
            expect(rt.idxLims({ chunk, compartment: pop })).to.deep.equal([x.startIdx[0], x.stopIdx[n - 1]]);
            for (let p = 0; p < n; p++) {
              expect(rt.timeLims({ chunk, compartment: pop, period: p })).to.deep.equal([x.startMs[p], x.stopMs[p]]);
              expect(rt.idxLims({ chunk, compartment: pop, period: p })).to.deep.equal([x.startIdx[p], x.stopIdx[p]]);
            }
          });
        }
      });
    });

    it('defaults to chunk 0, the first compartment and all periods', () => {
      const rt = sets[0]!;
      expect(rt.timeLims()).to.deep.equal([100, 698]);
      expect(rt.idxLims()).to.deep.equal([0, 199]);
      expect(rt.nbrPeriods()).to.equal(3);
      expect(rt.nrPeriods({ compartment: 'my_pop2' })).to.equal(2);
      expect(rt.getNrPeriods(0, 'my_pop2')).to.equal(2);
      expect(rt.timeLims({ chunk: 2 })).to.deep.equal([100, 798]);
      expect(rt.timeLims({ period: 1 })).to.deep.equal([300, 498]);
    });
  });

  describe('errors', () => {
    const rt = new RecordingTimes([
      { a: { start: { ms: [0, 10], idx: [0, 10] }, stop: { ms: [9, 19], idx: [9, 19] } } },
    ]);
    it('names unknown chunks, compartments and periods with what exists', () => {
      expect(() => rt.timeLims({ chunk: 1 })).to.throw('ERROR recording_times, given chunk "1" not available (available chunks: 0..0)');
      expect(() => rt.idxLims({ compartment: 'b' })).to.throw('ERROR recording_times, given compartment "b" not available (compartments of chunk 0: a)');
      expect(() => rt.timeLims({ period: 2 })).to.throw('ERROR recording_times, given period "2" not available (compartment "a" of chunk 0 has 2 periods: 0..1)');
      expect(() => rt.nbrPeriods({ chunk: 0.5 })).to.throw(/given chunk "0.5" not available/);
    });
    it('counts negative chunk and period indices from the end, as Python indexing does', () => {
      expect(rt.timeLims({ chunk: -1, period: -1 })).to.deep.equal([10, 19]);
      expect(() => rt.timeLims({ chunk: -2 })).to.throw(/given chunk "-2"/);
    });
    it('refuses empty recording times with CompNeuroPy\'s assertion messages', () => {
      const empty = new RecordingTimes([]);
      expect(() => empty.timeLims()).to.throw('ERROR time_lims(): No recordings/recording_times available.');
      expect(() => empty.idxLims()).to.throw('ERROR idx_lims(): No recordings/recording_times available.');
      expect(() => empty.combineChunks([], 'a;v')).to.throw('ERROR combine_chunks(): No recordings/recording_times available.');
      expect(() => empty.nbrPeriods()).to.throw(/no chunks recorded/);
      expect(empty.all()).to.deep.equal([]);
    });
    it('rejects a wrong combine mode and non-array data', () => {
      const recs: RecordingChunk[] = [{ dt: 1, 'a;period': 1, 'a;v': new RecordedArray(new Float64Array(20), [20, 1]), 'a;spike': { 0: [1] } }];
      expect(() => rt.combineChunks(recs, 'a;v', 'parallel' as never)).to.throw(/ERROR recording_times.combine_data, Wrong mode./);
      expect(() => rt.combineChunks(recs, 'a;spike')).to.throw(/not an array recording/);
      expect(() => rt.combinePeriods(recs, 'a;v', { fill: 'zero' as never })).to.throw(/fill must be/);
    });
    it('combinePeriods on a spike key returns the period times and the spike dict, as CompNeuroPy', () => {
      const spikes = { 0: [3, 7], 1: [] };
      const recs: RecordingChunk[] = [{ dt: 1, 'a;period': 1, 'a;spike': spikes }];
      const times = new RecordingTimes([{ a: { start: { ms: [0, 10], idx: [0, 5] }, stop: { ms: [4, 12], idx: [4, 7] } } }]);
      const [t, data] = times.combinePeriods(recs, 'a;spike');
      expect(Array.from(t)).to.deep.equal([0, 1, 2, 3, 4, 10, 11, 12]); // arange(start, stop + P/2, P) per period
      expect(data).to.equal(spikes);
      expect(() => times.combinePeriods(recs, 'a;spike', { fill: 'nan' })).to.throw(/spike dict; only fill 'none'/);
    });
  });

  describe('combineChunks (§2.2)', () => {
    // Two chunks with P = dt = 1: samples 0..100 (101) and 0..250 (251).
    const times = new RecordingTimes([
      { p: { start: { ms: [0], idx: [0] }, stop: { ms: [100], idx: [100] } } },
      { p: { start: { ms: [0], idx: [0] }, stop: { ms: [250], idx: [250] } } },
    ]);
    const v0 = new RecordedArray(Float64Array.from({ length: 101 }, (_, i) => i), [101, 1]);
    const v1 = new RecordedArray(Float64Array.from({ length: 251 }, (_, i) => 1000 + i), [251, 1]);
    const recs: RecordingChunk[] = [
      { dt: 1, 'p;period': 1, 'p;v': v0 },
      { dt: 1, 'p;period': 1, 'p;v': v1 },
    ];

    it('sequential: each chunk keeps its own times [0..100] + [0..250]', () => {
      const [t, d] = times.combineChunks(recs, 'p;v');
      expect(t.length).to.equal(352);
      expect(t[0]).to.equal(0);
      expect(t[100]).to.equal(100);
      expect(t[101]).to.equal(0);
      expect(t[351]).to.equal(250);
      expect(d).to.be.instanceOf(RecordedArray);
      expect((d as RecordedArray).shape).to.deep.equal([352, 1]);
      expect((d as RecordedArray).get(101, 0)).to.equal(1000);
    });

    it('consecutive: chunk 1 is shifted by last stop + P, giving [0..100] + [101..351]', () => {
      const [t, d] = times.combineChunks(recs, 'p;v', 'consecutive');
      expect(t.length).to.equal(352);
      expect(Array.from(t)).to.deep.equal(Array.from({ length: 352 }, (_, i) => i));
      expect(t[101]).to.equal(101);
      expect(t[351]).to.equal(351);
      expect((d as RecordedArray).get(351, 0)).to.equal(1250);
    });

    it('fills pauses inside a chunk with NaN on the P grid', () => {
      const paused = new RecordingTimes([
        { p: { start: { ms: [0, 6], idx: [0, 3] }, stop: { ms: [2, 7], idx: [2, 4] } } },
      ]);
      const recs1: RecordingChunk[] = [{ dt: 1, 'p;period': 1, 'p;v': new RecordedArray(Float64Array.of(0, 1, 2, 6, 7), [5, 1]) }];
      const [t, d] = paused.combineChunks(recs1, 'p;v');
      expect(Array.from(t)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
      expect((d as RecordedArray).shape).to.deep.equal([8, 1]);
      expect(Array.from((d as RecordedArray).data)).to.deep.equal([0, 1, 2, NaN, NaN, NaN, 6, 7]);
    });
  });

  describe('combinePeriods (§2.2) on recordings1 chunk 0 of the example', () => {
    const [rt] = runMonitorRecordingsExample();
    const v = new RecordedArray(Float64Array.from({ length: 200 }, (_, i) => i), [200, 1]);
    const recs: RecordingChunk[] = [{ dt: 0.1, 'my_pop1;period': 2, 'my_pop1;v': v, 'my_pop2;period': 0.1 }];

    it("'none' concatenates the period grids 100..198, 300..498, 600..698", () => {
      const [t, d] = rt!.combinePeriods(recs, 'my_pop1;v');
      expect(t.length).to.equal(200);
      expect([t[0], t[49], t[50], t[149], t[150], t[199]]).to.deep.equal([100, 198, 300, 498, 600, 698]);
      expect(d).to.equal(v);
    });

    it("'nan' and a number fill the pauses on the 2 ms grid", () => {
      const [t, d] = rt!.combinePeriods(recs, 'my_pop1;v', { fill: 'nan' });
      expect(t.length).to.equal(300); // 100..698 every 2 ms
      expect(t[50]).to.equal(200);
      const a = d as RecordedArray;
      expect(a.shape).to.deep.equal([300, 1]);
      expect(a.get(49, 0)).to.equal(49);
      expect(a.get(50, 0)).to.be.NaN;
      expect(a.get(99, 0)).to.be.NaN;
      expect(a.get(100, 0)).to.equal(50);
      const [, d2] = rt!.combinePeriods(recs, 'my_pop1;v', { chunk: 0, fill: -1 });
      expect((d2 as RecordedArray).get(60, 0)).to.equal(-1);
    });

    it("'interpolate' takes the nearest sample, ties to the earlier one", () => {
      const [t, d] = rt!.combinePeriods(recs, 'my_pop1;v', { fill: 'interpolate' });
      expect(t.length).to.equal(300);
      const a = d as RecordedArray;
      // 200..298 lie between 198 (value 49) and 300 (value 50); the midpoint is 249
      expect(a.get(50, 0)).to.equal(49); // 200
      expect(a.get(74, 0)).to.equal(49); // 248
      expect(a.get(75, 0)).to.equal(50); // 250
      expect(a.get(100, 0)).to.equal(50); // 300
    });

    it("'interpolate' resolves an exact midpoint to the earlier sample (scipy searchsorted left)", () => {
      const two = new RecordingTimes([{ q: { start: { ms: [0, 2], idx: [0, 1] }, stop: { ms: [0, 2], idx: [0, 1] } } }]);
      const r: RecordingChunk[] = [{ dt: 1, 'q;period': 1, 'q;v': new RecordedArray(Float64Array.of(5, 7), [2]) }];
      const [t, d] = two.combinePeriods(r, 'q;v', { fill: 'interpolate' });
      expect(Array.from(t)).to.deep.equal([0, 1, 2]);
      expect((d as RecordedArray).shape).to.deep.equal([3]);
      expect(Array.from((d as RecordedArray).data)).to.deep.equal([5, 5, 7]);
    });

    it('gives NaN data of the time length for a missing key', () => {
      const [t, d] = rt!.combinePeriods(recs, 'my_pop2;v', { chunk: 0 });
      expect(t.length).to.equal(4000);
      expect(t[999]).to.equal(199.89999999999432); // numpy arange(100, 199.95, 0.1)[999]
      expect(d).to.be.instanceOf(Float64Array);
      expect((d as Float64Array).every(Number.isNaN)).to.equal(true);
    });
  });
});
