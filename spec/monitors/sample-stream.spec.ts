import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import '../../src/monitors/monitor-streams.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { SampleBlock } from '../../src/monitors/sample-stream.js';
import { joinBlocks, sameBits, Ticker } from './stream-helpers.js';

const DT = 0.25;

function model() {
  const net = new Network({ dt: DT, seed: 1 });
  const pop = new Population(3, Ticker(), { name: 'p', network: net });
  net.compile();
  return { net, pop };
}

/** Only samples$ listens (spikes$ would have the monitor call its taps at every step). */
function blocksOf(m: Monitor, every: number): SampleBlock[] {
  const blocks: SampleBlock[] = [];
  m.samples$({ every }).subscribe((b) => blocks.push(b));
  return blocks;
}

const stepsOf = (blocks: readonly SampleBlock[]) => blocks.map((b) => Array.from(b.steps));

/** x = t of the step (the Ticker), so every sample row is its block's t, for each of the 3 neurons. */
function expectAnalytic(blocks: readonly SampleBlock[]): void {
  for (const b of blocks) {
    b.steps.forEach((s, i) => expect(b.t[i]).to.equal(s * DT));
    expect(Array.from(b.values.x!.data)).to.deep.equal(Array.from(b.t).flatMap((t) => [t, t, t]));
  }
}

/** The blocks have these steps, hold the monitor's whole recording of x bit for bit, and x = t. */
function expectBlocksOfRecording(blocks: readonly SampleBlock[], m: Monitor, steps: number[][]): void {
  expect(stepsOf(blocks)).to.deep.equal(steps);
  expect(sameBits(joinBlocks(blocks, 0, 'p', 'x'), (m.get('x') as RecordedArray).data)).to.equal(true);
  expectAnalytic(blocks);
}

describe('monitors/sample-stream: block boundaries and gaps of samples$ (the monitor calls the builder only at block ends and gaps)', () => {
  it('runs that end mid-block: each run end delivers the pending block and the next sample opens the next one', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    const blocks = blocksOf(m, 4);
    net.simulate(1.5); // 6 steps
    net.simulate(1.5);
    for (let k = 0; k < 3; k++) net.step(); // no run end: delivered when get() takes the data
    expect(stepsOf(blocks)).to.deep.equal([[0, 1, 2, 3], [4, 5], [6, 7, 8, 9], [10, 11]]);
    const x = m.get('x') as RecordedArray;
    expect(stepsOf(blocks)).to.deep.equal([[0, 1, 2, 3], [4, 5], [6, 7, 8, 9], [10, 11], [12, 13, 14]]);
    expect(sameBits(joinBlocks(blocks, 0, 'p', 'x'), x.data)).to.equal(true);
    expectAnalytic(blocks);
  });

  it('a period of several steps: a block holds the samples of at most `every` steps, also after a run end', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x'], { periodSteps: 3 });
    const blocks = blocksOf(m, 7); // samples 0, 3, 6 | 9, 12, 15 | ...
    net.simulate(2.5); // 10 steps: samples 0..9
    net.simulate(5); // 20 steps: samples 12..27
    expectBlocksOfRecording(blocks, m, [[0, 3, 6], [9], [12, 15, 18], [21, 24, 27]]);
  });

  it('a pause between two steps of one run ends the block at the gap (it failed the block check before)', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    const blocks = blocksOf(m, 100);
    for (let k = 0; k < 3; k++) net.step();
    m.pause();
    for (let k = 0; k < 3; k++) net.step();
    m.resume();
    for (let k = 0; k < 3; k++) net.step();
    net.endRun();
    expectBlocksOfRecording(blocks, m, [[0, 1, 2], [6, 7, 8]]);
  });

  it('the time going back inside a run ends the block; the samples after it start a new one', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    const blocks = blocksOf(m, 100);
    for (let k = 0; k < 5; k++) net.step();
    net.reset({ monitors: false }); // time back to 0, the recording stays
    for (let k = 0; k < 3; k++) net.step();
    net.endRun();
    expectBlocksOfRecording(blocks, m, [[0, 1, 2, 3, 4], [0, 1, 2]]);
  });

  it('a new period (start(variables, period)) ends the block; the next holds the samples of the new grid', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    const blocks = blocksOf(m, 100);
    for (let k = 0; k < 3; k++) net.step();
    m.start(undefined, 2 * DT); // every 2 steps from step 3
    for (let k = 0; k < 6; k++) net.step();
    net.endRun();
    expectBlocksOfRecording(blocks, m, [[0, 1, 2], [3, 5, 7]]);
  });

  it('two subscribers with different `every` on one monitor each get their own blocks', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    const threes = blocksOf(m, 3);
    const fives = blocksOf(m, 5);
    net.simulate(3); // 12 steps
    expect(stepsOf(threes)).to.deep.equal([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]);
    expect(stepsOf(fives)).to.deep.equal([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11]]);
    const x = (m.get('x') as RecordedArray).data;
    expect(sameBits(joinBlocks(threes, 0, 'p', 'x'), x)).to.equal(true);
    expect(sameBits(joinBlocks(fives, 0, 'p', 'x'), x)).to.equal(true);
  });

  it('with chunks$ subscribed too (a tap that needs no calls per step): blocks end at each get() and run end', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    const blocks = blocksOf(m, 4);
    const chunks: number[] = [];
    m.chunks$().subscribe((c) => chunks.push((c.data.x as RecordedArray).length));
    net.simulate(1.5); // 6 steps
    const first = m.get('x') as RecordedArray;
    for (let k = 0; k < 5; k++) net.step();
    const second = m.get('x') as RecordedArray;
    expect(stepsOf(blocks)).to.deep.equal([[0, 1, 2, 3], [4, 5], [6, 7, 8, 9], [10]]);
    expect(chunks).to.deep.equal([6, 5]);
    expect(sameBits(joinBlocks(blocks, 0, 'p', 'x'), first.data)).to.equal(true);
    expect(sameBits(joinBlocks(blocks, 1, 'p', 'x'), second.data)).to.equal(true);
    expectAnalytic(blocks);
  });

  it('a subscriber added in the middle of a run starts at the next sample', () => {
    const { net, pop } = model();
    const m = new Monitor(pop, ['x']);
    for (let k = 0; k < 5; k++) net.step();
    const blocks = blocksOf(m, 4);
    for (let k = 0; k < 6; k++) net.step();
    net.endRun();
    expect(stepsOf(blocks)).to.deep.equal([[5, 6, 7, 8], [9, 10]]);
    expect(sameBits(joinBlocks(blocks, 0, 'p', 'x'), (m.get('x') as RecordedArray).data.subarray(5 * 3))).to.equal(true);
    expectAnalytic(blocks);
  });
});
