import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { main } from '../../examples/monitor-recordings.js';
import { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { SpikeDict } from '../../src/monitors/recordings.js';

type Lims = { size: number; startMs: number[]; startIdx: number[]; stopMs: number[]; stopIdx: number[] };
const e = (size: number, startMs: number[], startIdx: number[], stopMs: number[], stopIdx: number[]): Lims => ({
  size, startMs, startIdx, stopMs, stopIdx,
});

// compneuropy-semantics §12, docs/examples/monitor_recordings.md console output, number by number.
const EXPECTED: { my_pop1: Lims; my_pop2: Lims }[][] = [
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

describe('examples/monitor-recordings (CompNeuroPy monitor_recordings, §12)', () => {
  const lines: string[] = [];
  let result: ReturnType<typeof main>;
  before(() => {
    result = main((l) => lines.push(...l.split('\n')), { figures: false });
  });

  it('prints the ALL RECORDINGS INFO block of §12 line for line', () => {
    const expected = readFileSync(new URL('../fixtures/monitor_recordings_console.txt', import.meta.url), 'utf8').trimEnd().split('\n');
    expect(lines).to.deep.equal(expected);
  });

  it('has 3, 2 and 1 chunks', () => {
    expect(result.recordings.map((r) => r.length)).to.deep.equal([3, 2, 1]);
    expect(result.recordingTimes.map((t) => t.getNrChunks())).to.deep.equal([3, 2, 1]);
  });

  EXPECTED.forEach((chunks, r) => {
    chunks.forEach((pops, chunk) => {
      for (const pop of ['my_pop1', 'my_pop2'] as const) {
        it(`recordings${r + 1} chunk ${chunk} ${pop}: array size and every time/index limit`, () => {
          const x = pops[pop];
          const arr = result.recordings[r]![chunk]![`${pop};v`] as RecordedArray;
          expect(arr).to.be.instanceOf(RecordedArray);
          expect(arr.shape).to.deep.equal([x.size, 1]);
          expect(arr.data).to.be.instanceOf(Float64Array);
          const c = result.recordingTimes[r]!.all()[chunk]![pop]!;
          expect(c.start.ms).to.deep.equal(x.startMs);
          expect(c.start.idx).to.deep.equal(x.startIdx);
          expect(c.stop.ms).to.deep.equal(x.stopMs);
          expect(c.stop.idx).to.deep.equal(x.stopIdx);
          const rt = result.recordingTimes[r]!;
          expect(rt.timeLims({ chunk, compartment: pop })).to.deep.equal([x.startMs[0], x.stopMs[x.stopMs.length - 1]]);
          expect(rt.idxLims({ chunk, compartment: pop })).to.deep.equal([0, x.size - 1]);
        });
      }
    });
  });

  it('stores the chunk keys in CompNeuroPy order with period, parameters and dt', () => {
    const c0 = result.recordings[0]![0]!;
    expect(Object.keys(c0)).to.deep.equal([
      'my_pop1;period', 'my_pop1;parameter_dict', 'my_pop1;v', 'my_pop1;spike',
      'my_pop2;period', 'my_pop2;parameter_dict', 'my_pop2;v', 'dt',
    ]);
    expect(c0['my_pop1;period']).to.equal(2);
    expect(c0['my_pop2;period']).to.equal(0.1);
    expect(c0.dt).to.equal(0.1);
    const params = c0['my_pop2;parameter_dict'] as Record<string, Float64Array>;
    expect(Object.keys(params)).to.deep.equal(['C', 'k', 'v_r', 'v_t', 'a', 'b', 'c', 'd', 'v_peak', 'I_app']);
    expect(Array.from(params.I_app!)).to.deep.equal([52]);
  });

  it('records spikes of my_pop1 only when the monitor runs at t = 0 after a model reset (§12 notes)', () => {
    // Hand check of the first Euler step from v = u = 0: dv = 0.1 * 0.7*60*40/100 = 1.68.
    // Izhikevich2007 with I_app = 0 from v = u = 0 (explicit Euler, dt = 0.1) crosses
    // v_peak = 35 once in the first few ms and then rests: reproduce it independently.
    let v = 0;
    let u = 0;
    let spikeStep = -1;
    for (let s = 0; s < 1000 && spikeStep < 0; s++) {
      const dv = (0.7 * (v + 60) * (v + 40) - u + 0) / 100;
      const du = 0.03 * (-2 * (v + 60) - u);
      v += 0.1 * dv;
      u += 0.1 * du;
      if (v >= 35) spikeStep = s;
    }
    expect(spikeStep).to.be.greaterThan(0);
    const spikes = (r: number, c: number) => (result.recordings[r]![c]!['my_pop1;spike'] as SpikeDict)[0];
    expect(spikes(0, 0)).to.deep.equal([]);
    expect(spikes(0, 1)).to.deep.equal([]);
    expect(spikes(0, 2)).to.deep.equal([]);
    expect(spikes(1, 0)).to.deep.equal([]);
    expect(spikes(1, 1)).to.deep.equal([spikeStep]);
    expect(spikes(2, 0)).to.deep.equal([spikeStep]);
    const v3 = result.recordings[2]![0]!['my_pop1;v'] as RecordedArray;
    expect(v3.get(0, 0)).to.be.closeTo(1.68, 1e-12); // sample of step 0 = state after its update
  });
});
