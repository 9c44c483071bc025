import { expect } from 'chai';
import { asyncScheduler, lastValueFrom, map, take } from 'rxjs';
import { Population } from '../../src/engine/population.js';
import { clear, compile, setup, simulate } from '../../src/engine/global-functions.js';
import { currentNetwork } from '../../src/engine/magic-network.js';
import { CompNeuroMonitors } from '../../src/monitors/comp-neuro-monitors.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import { StreamSubscriberError } from '../../src/stream/producer-observable.js';
import { simulate$ } from '../../src/stream/simulate.js';
import { CompNeuroSim } from '../../src/experiment/comp-neuro-sim.js';
import { currentStep } from '../../operators/current-step.js';
import type { RecordingChunkEvent } from '../../src/monitors/monitors-stream-hub.js';
import type { SampleBlock } from '../../src/monitors/sample-stream.js';
import { collect, expectStreamsEqualRecordings, joinBlocks, sameBits, thrown, Ticker, twoCompartments } from './stream-helpers.js';

const DT = 0.25;

const model = twoCompartments;

/** Two chunks with a pause in the first (p: 54 steps in the first run): the same protocol for every driving mode. */
async function protocol(mon: CompNeuroMonitors, run: (ms: number) => void | Promise<void>) {
  mon.start();
  await run(13.5);
  mon.pause(['q']);
  await run(6);
  mon.start(['q']);
  await run(7.25);
  mon.reset({ model: false });
  await run(20);
  return mon.getRecordings();
}

/** {@link protocol} with samples$ (every 10), spikes$ and chunks$ subscribed. */
async function experiment(run: (ms: number) => void | Promise<void>) {
  const mon = model();
  const s = collect(mon, 10);
  const chunks: RecordingChunkEvent[] = [];
  mon.chunks$().subscribe((c) => chunks.push(c));
  const recordings = await protocol(mon, run);
  s.stop();
  return { mon, recordings, chunks, ...s };
}

describe('monitors/CompNeuroMonitors streams (samples$, spikes$, chunks$)', () => {
  beforeEach(() => clear());
  afterEach(() => clear());

  const modes: [string, (ms: number) => void | Promise<void>][] = [
    ['simulate()', (ms) => simulate(ms)],
    ['simulate$() synchronous', (ms) => void simulate$(ms).subscribe()],
    ['simulate$() on asyncScheduler, chunks of 7 steps', (ms) => lastValueFrom(simulate$(ms, { scheduler: asyncScheduler, chunk: 7 })).then(() => undefined)],
    ['CompNeuroSim (currentStep protocol)', (ms) => {
      const half = Math.round(ms / DT / 2) * DT;
      new CompNeuroSim({ simulationFunction: currentStep, simulationKwargs: { pop: 'p', t1: half, t2: ms - half, a1: 0, a2: 0 } }).run();
    }],
    ['CompNeuroSim.run$ on asyncScheduler', (ms) => {
      const half = Math.round(ms / DT / 2) * DT;
      const sim = new CompNeuroSim({ simulationFunction: currentStep, simulationKwargs: { pop: 'p', t1: half, t2: ms - half, a1: 0, a2: 0 } });
      return lastValueFrom(sim.run$(undefined, { scheduler: asyncScheduler, chunk: 5 })).then(() => undefined);
    }],
  ];

  for (const [name, run] of modes) {
    it(`blocks joined equal getRecordings() bit for bit, spikes equal the dicts: ${name}`, async () => {
      const { recordings, blocks, spikes, chunks } = await experiment(run);
      expect(recordings).to.have.length(2);
      expectStreamsEqualRecordings(recordings, blocks, spikes, 10, DT);
      // analytic: x = t at the recorded step; p spikes at 4m+3, 8m+7, 16m+15 (v reaches 1)
      for (const b of blocks) b.values.x!.data.forEach((x, i) => expect(x).to.equal(b.t[Math.floor(i / b.values.x!.shape[1]!)]));
      expect(spikes.flat().filter((e) => e.population === 'p' && e.rank === 2).every((e) => e.step % 16 === 15)).to.equal(true);
      // chunk 0 of p: 26.75 ms = 107 steps; q paused 24 steps; blocks of at most 10 steps
      expect((recordings[0]!['p;x'] as RecordedArray).shape).to.deep.equal([107, 3]);
      expect((recordings[0]!['q;x'] as RecordedArray).shape[0]).to.equal(Math.ceil(54 / 3) + Math.ceil(29 / 3) - 0);
      expect(chunks.map((c) => c.chunk)).to.deep.equal([0, 1]);
      expect(chunks[1]!.recordings).to.equal(recordings[1]);
      // a block never spans a pause: q's blocks in chunk 0 lie inside its periods
      const qSteps = blocks.filter((b) => b.compartment === 'q' && b.chunk === 0).flatMap((b) => [...b.steps]);
      expect(qSteps.some((s) => s >= 54 && s < 78)).to.equal(false);
    });
  }

  // samples$ alone: no spikes$ tap has the monitors call their taps at every step
  for (const [name, run] of [modes[0]!, modes[2]!]) {
    it(`samples$ alone: blocks joined equal getRecordings() bit for bit across run ends, a pause and a chunk: ${name}`, async () => {
      const mon = model();
      const blocks: SampleBlock[] = [];
      const sub = mon.samples$({ every: 10 }).subscribe((b) => blocks.push(b));
      const recordings = await protocol(mon, run);
      sub.unsubscribe();
      expect(recordings).to.have.length(2);
      expectStreamsEqualRecordings(recordings, blocks, undefined, 10, DT);
      const p0 = blocks.filter((b) => b.compartment === 'p' && b.chunk === 0).map((b) => b.steps[0]);
      expect(p0.slice(0, 7)).to.deep.equal([0, 10, 20, 30, 40, 50, 54]); // the first run's end (54 steps) restarts the blocks
    });
  }

  it('samples$ alone: blocks across the drains of the engine monitors (every 1000 samples) equal the recordings', () => {
    const mon = model();
    const blocks: SampleBlock[] = [];
    mon.samples$({ every: 300 }).subscribe((b) => blocks.push(b));
    mon.start();
    simulate(625); // 2500 steps: p drains at steps 1000 and 2000, inside the blocks [900, 1199] and [1800, 2099]
    const recordings = mon.getRecordings();
    expectStreamsEqualRecordings(recordings, blocks, undefined, 300, DT);
    expect(blocks.filter((b) => b.compartment === 'p').map((b) => b.steps[0])).to.deep.equal(Array.from({ length: 9 }, (_, i) => 300 * i));
    expect((recordings[0]!['p;x'] as RecordedArray).shape).to.deep.equal([2500, 3]);
    for (const b of blocks) b.values.x!.data.forEach((x, i) => expect(x).to.equal(b.t[Math.floor(i / b.values.x!.shape[1]!)]));
  });

  it('samples$ alone, the time going back outside mon.reset(): blocks end at the gap and at the chunk restart', () => {
    const mon = model();
    const blocks: SampleBlock[] = [];
    mon.samples$({ every: 10 }).subscribe((b) => blocks.push(b));
    mon.start();
    simulate(2); // 8 steps
    const net = currentNetwork();
    for (let k = 0; k < 3; k++) net.step();
    net.reset({ monitors: false }); // time back to 0, without the monitors knowing
    for (let k = 0; k < 5; k++) net.step();
    net.endRun();
    const steps = (c: string) => blocks.filter((b) => b.compartment === c).map((b) => Array.from(b.steps));
    // the samples before the restart were emitted all the same; the chunk restarts after step 0
    expect(steps('p')).to.deep.equal([[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10], [0], [1, 2, 3, 4]]);
    expect(steps('q')).to.deep.equal([[0, 3, 6], [9], [0], [3]]);
    const rec = mon.getRecordings()[0]!;
    const after = blocks.slice(blocks.findIndex((b) => b.compartment === 'p' && b.steps[0] === 1));
    expect(sameBits(joinBlocks(after, 0, 'p', 'x'), (rec['p;x'] as RecordedArray).data)).to.equal(true);
    expect(sameBits(joinBlocks(after, 0, 'q', 'x'), (rec['q;x'] as RecordedArray).data)).to.equal(true);
    for (const b of blocks) b.values.x!.data.forEach((x, i) => expect(x).to.equal(b.t[Math.floor(i / b.values.x!.shape[1]!)]));
  });

  it('a run ending delivers the last partial block; a subscriber that unsubscribes changes nothing', () => {
    const mon = model();
    const early: number[] = [];
    const sub = mon.samples$({ every: 1000, compartments: ['p'] }).subscribe((b) => early.push(b.steps.length));
    mon.start();
    simulate(2.5); // 10 steps, < every: delivered when the run ends
    expect(early).to.deep.equal([10]);
    sub.unsubscribe();
    simulate(5);
    const withStreams = mon.getRecordings()[0]!;
    clear();
    const plain = model();
    plain.start();
    simulate(7.5);
    const without = plain.getRecordings()[0]!;
    for (const k of ['p;x', 'p;v', 'q;x']) expect(sameBits((withStreams[k] as RecordedArray).data, (without[k] as RecordedArray).data), k).to.equal(true);
    expect(withStreams['p;spike']).to.deep.equal(without['p;spike']);
    expect(early).to.deep.equal([10]);
  });

  it('operators over the streams: take(2) ends the subscription, the recording goes on', () => {
    const mon = model();
    const got: number[] = [];
    mon.samples$({ every: 4 }).pipe(map((b) => b.steps[0]!), take(2)).subscribe((s) => got.push(s));
    mon.start();
    simulate(10);
    expect(got).to.deep.equal([0, 0]); // p and q both start at step 0
    expect((mon.getRecordings()[0]!['p;x'] as RecordedArray).shape[0]).to.equal(40);
  });

  it('a subscriber that throws stops the run with an error naming the stream; what was recorded stays', () => {
    const mon = model();
    mon.samples$({ every: 8, compartments: ['q'] }).subscribe((b) => {
      if (b.steps[0]! >= 16) throw new Error('plot failed');
    });
    mon.start();
    const err = thrown(() => simulate(20));
    expect(err).to.be.instanceOf(StreamSubscriberError);
    expect((err as Error).message).to.match(/^CompNeuroMonitors\.samples\$ \(q\): a subscriber threw at step \d+: plot failed$/);
    expect((err as StreamSubscriberError).stream).to.equal('CompNeuroMonitors.samples$ (q)');
    // the run stopped after the step whose block failed (q's samples 18, 21, 24 -> delivered at 24)
    expect(currentNetwork().currentStep).to.equal(25);
    const rec = mon.getRecordings()[0]!;
    expect(Array.from((rec['p;x'] as RecordedArray).column(0))).to.deep.equal(Array.from({ length: 25 }, (_, i) => i * DT));
    expect(Array.from((rec['q;x'] as RecordedArray).column(0))).to.deep.equal(Array.from({ length: 9 }, (_, i) => 3 * i * DT));
  });

  it('a spikes$ subscriber that throws stops simulate$ with the error; a chunks$ subscriber that throws lets reset() finish first', () => {
    const mon = model();
    mon.spikes$().subscribe(() => {
      throw new Error('no');
    });
    mon.start();
    let err: unknown;
    simulate$(5).subscribe({ error: (e) => (err = e) });
    expect((err as Error).message).to.equal('CompNeuroMonitors.spikes$: a subscriber threw at step 3: no');
    clear();
    const mon2 = model();
    mon2.chunks$().subscribe(() => {
      throw new Error('disk full');
    });
    mon2.start();
    simulate(5);
    expect(() => mon2.reset()).to.throw('CompNeuroMonitors.chunks$: a subscriber threw when chunk 0 was stored: disk full');
    expect(currentNetwork().currentStep).to.equal(0); // the model reset happened
    expect(mon2.getRecordings()).to.have.length(1);
  });

  it('bad options name the argument', () => {
    const mon = model();
    expect(() => mon.samples$({ every: 0 })).to.throw('CompNeuroMonitors.samples$: every must be a positive integer number of steps, got 0');
    expect(() => mon.samples$({ compartments: ['nope'] })).to.throw('CompNeuroMonitors.samples$: "nope" is not monitored; compartments: p, q');
    clear();
    setup({ dt: DT });
    new Population(1, Ticker(), 'r');
    compile();
    expect(() => new CompNeuroMonitors({ r: ['x'] }).spikes$()).to.throw('CompNeuroMonitors.spikes$: no compartment records "spike"; compartments: r');
  });
});
