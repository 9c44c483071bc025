import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import '../../src/monitors/monitor-streams.js';
import type { MonitorChunk } from '../../src/monitors/monitor-streams.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { SampleBlock, SpikeEvent } from '../../src/monitors/sample-stream.js';
import type { SpikeDict } from '../../src/monitors/recordings.js';
import { simulate$ } from '../../src/stream/simulate.js';
import { eventsToDicts, joinBlocks, sameBits, Ticker } from './stream-helpers.js';

function model() {
  const net = new Network({ dt: 0.25, seed: 1 });
  const pop = new Population(3, Ticker(), { name: 'p', network: net });
  pop.g = new Float64Array([1, 0.5, 0.25]);
  net.compile();
  return { net, pop };
}

describe('monitors/monitor-streams: samples$, spikes$, chunks$ of an engine Monitor', () => {
  it('blocks between two get() calls joined equal what get() returns; chunks$ emits it; spikes equal the dict', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x', 'v', 'spike'], { periodSteps: 2 });
    const blocks: SampleBlock[] = [];
    const spikes: SpikeEvent[][] = [];
    const chunks: MonitorChunk[] = [];
    m.samples$({ every: 7 }).subscribe((b) => blocks.push(b));
    m.spikes$().subscribe((e) => spikes.push(e));
    m.chunks$().subscribe((c) => chunks.push(c));
    net.simulate(10); // 40 steps: samples at 0, 2, ..., 38
    const first = m.get(['x', 'v', 'spike']);
    simulate$(5, { network: net }).subscribe();
    const second = m.get(['x', 'v', 'spike']);
    for (const [k, got] of [first, second].entries()) {
      for (const v of ['x', 'v']) expect(sameBits(joinBlocks(blocks, k, 'p', v), (got[v] as RecordedArray).data), `${k} ${v}`).to.equal(true);
    }
    // analytic: x = t of the sample; blocks of at most 7 steps, a block ends at each get()
    expect(Array.from((first.x as RecordedArray).column(0))).to.deep.equal(Array.from({ length: 20 }, (_, i) => 2 * i * 0.25));
    expect(blocks.filter((b) => b.chunk === 0).map((b) => Array.from(b.steps))).to.deep.equal([[0, 2, 4, 6], [8, 10, 12, 14], [16, 18, 20, 22], [24, 26, 28, 30], [32, 34, 36, 38]]);
    expect(chunks.map((c) => [c.chunk, c.dropped])).to.deep.equal([[0, false], [1, false]]);
    expect(chunks[0]!.data.x).to.equal(first.x);
    const dict = eventsToDicts(spikes).p!;
    const want: SpikeDict = {};
    for (const d of [first.spike, second.spike] as SpikeDict[]) for (const [r, l] of Object.entries(d)) if (l.length) (want[Number(r)] ??= []).push(...l);
    expect(dict).to.deep.equal(want);
    expect(dict[0]).to.deep.equal(Array.from({ length: 15 }, (_, i) => 4 * i + 3)); // 60 steps, g = 1
  });

  it('reset() drops the data: chunks$ says so, samples$ ends the block there; get({ keep }) closes nothing', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    const blocks: SampleBlock[] = [];
    const chunks: MonitorChunk[] = [];
    m.samples$({ every: 100 }).subscribe((b) => blocks.push(b));
    m.chunks$().subscribe((c) => chunks.push(c));
    for (let k = 0; k < 5; k++) net.step(); // no run end: the block stays pending
    expect(blocks).to.have.length(0);
    expect((m.get('x', { keep: true }) as RecordedArray).length).to.equal(5);
    expect(chunks).to.have.length(0);
    m.reset();
    expect(blocks.map((b) => [b.chunk, b.steps.length])).to.deep.equal([[0, 5]]);
    expect(chunks.map((c) => [c.chunk, c.dropped, (c.data.x as RecordedArray).length])).to.deep.equal([[0, true, 5]]);
    net.step();
    net.endRun();
    expect(blocks.map((b) => [b.chunk, b.steps.length])).to.deep.equal([[0, 5], [1, 1]]);
  });

  it('samples recorded after start(variables) go into new blocks with the new variable', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    const blocks: SampleBlock[] = [];
    m.samples$({ every: 100 }).subscribe((b) => blocks.push(b));
    net.simulate(1);
    m.start('v');
    net.simulate(1);
    expect(blocks.map((b) => Object.keys(b.values))).to.deep.equal([['x'], ['x', 'v']]);
    expect(sameBits(blocks[1]!.values.v!.data, (m.get('v') as RecordedArray).data)).to.equal(true);
  });

  it('a chunks$ subscriber that throws: get() and reset() finish their work, then throw naming the stream', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    m.chunks$().subscribe(() => {
      throw new Error('disk full');
    });
    net.simulate(1); // 4 steps
    expect(() => m.get('x')).to.throw('Monitor.chunks$ (p): a subscriber threw when a chunk closed: disk full');
    net.simulate(1);
    expect((m.get('x', { keep: true }) as RecordedArray).length).to.equal(4); // the taken samples are gone
    expect(() => m.reset()).to.throw('disk full');
    expect((m.get('x', { keep: true }) as RecordedArray).length).to.equal(0);
  });

  it('unsubscribed: no tap stays on the monitor; bad input names the monitor', () => {
    const { pop } = model();
    const m = new Monitor(pop, ['x']);
    m.samples$().subscribe().unsubscribe();
    expect((m as unknown as { taps: unknown }).taps).to.equal(undefined);
    expect(() => m.spikes$()).to.throw('Monitor.spikes$: the monitor on "p" does not record "spike"; recorded: x');
    expect(() => m.samples$({ every: 1.5 })).to.throw('Monitor.samples$: every must be a positive integer number of steps, got 1.5');
  });
});
