import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { asyncScheduler, lastValueFrom } from 'rxjs';
import { tableFromIPC } from 'apache-arrow';
import { clear, compile, setup, simulate } from '../../src/engine/global-functions.js';
import { currentNetwork } from '../../src/engine/magic-network.js';
import { CompNeuroMonitors, type CompNeuroMonitorsOptions } from '../../src/monitors/comp-neuro-monitors.js';
import { Population } from '../../src/engine/population.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { Recordings } from '../../src/monitors/recordings.js';
import { simulate$ } from '../../src/stream/simulate.js';
import { arrowFile } from '../../src/io/arrow-file.js';
import { readArrowRecordings } from '../../src/monitors/arrow-recording.js';
import { nodeWritableSink, RecordingSinkError, webWritableSink, type ByteSink } from '../../src/monitors/byte-sink.js';
import { sameBits, thrown, Ticker, twoCompartments } from '../monitors/stream-helpers.js';

const DT = 0.25;

const model = twoCompartments;

/** Two chunks, a pause: in memory, then the same with recordTo. */
async function experiment(mon: CompNeuroMonitors, run: (ms: number) => void | Promise<void>): Promise<Recordings> {
  mon.start();
  await run(13.5);
  mon.pause(['q']);
  await run(6);
  mon.start(['q']);
  await run(7.25);
  mon.reset({ model: false });
  await run(250); // 1000 steps: several batches of 64 steps
  return mon.getRecordings();
}

function expectSameRecordings(got: ReturnType<typeof readArrowRecordings>, want: Recordings): void {
  expect(got).to.have.length(want.length);
  want.forEach((chunk, k) => {
    for (const [key, value] of Object.entries(chunk)) {
      const v = key.split(';')[1];
      if (v === undefined || v === 'period' || v === 'parameter_dict') continue;
      if (v === 'spike') expect(got[k]![key], key).to.deep.equal(value);
      else {
        expect((got[k]![key] as RecordedArray).shape, key).to.deep.equal((value as RecordedArray).shape);
        expect(sameBits((got[k]![key] as RecordedArray).data, (value as RecordedArray).data), key).to.equal(true);
      }
    }
  });
}

describe('io: recordTo (Arrow recording streams, sinks, backpressure)', () => {
  let dir: string;
  beforeEach(() => {
    clear();
    dir = mkdtempSync(join(tmpdir(), 'recordto-'));
  });
  afterEach(() => {
    clear();
    rmSync(dir, { recursive: true, force: true });
  });

  it('arrowFile: read back equals the in-memory recording bit for bit; Apache Arrow JS reads the documented schema', async () => {
    const want = await experiment(model(), (ms) => simulate(ms));
    clear();
    const path = join(dir, 'run.arrow');
    const mon = model({ recordTo: arrowFile(path), batchSteps: 64 });
    const inMemory = await experiment(mon, (ms) => simulate(ms));
    await mon.closeRecording();
    expect(Object.keys(inMemory[0]!).filter((k) => k.endsWith(';x') || k.endsWith(';spike'))).to.deep.equal([]); // in the file, not in memory
    expect(inMemory[0]!['p;period']).to.equal(0.25);
    const bytes = readFileSync(path);
    expectSameRecordings(readArrowRecordings(bytes), want);
    const t = tableFromIPC(bytes);
    expect(t.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).to.deep.equal(['chunk:Int32', 'compartment:Utf8', 'variable:Utf8', 'step:Int32', 't:Float64', 'values:List<Float64>']);
    const nSamples = want.reduce((a, c) => a + (c['p;x'] as RecordedArray).length * 2 + (c['q;x'] as RecordedArray).length, 0);
    const nSpikeSteps = want.reduce((a, c) => a + new Set([...Object.values(c['p;spike']!), ...Object.values(c['q;spike']!)].flat().map(String)).size, 0);
    expect(t.batches.length).to.be.greaterThan(10);
    // spike rows: one per compartment and step with spikes (p and q spike at common steps: count per compartment)
    const spikeRows = t.toArray().filter((r) => r.variable === 'spike').length;
    expect(t.numRows - spikeRows).to.equal(nSamples);
    expect(spikeRows).to.be.at.least(nSpikeSteps);
    const rows = [t.get(0)!, t.get(1)!].map((r) => [r.chunk, r.compartment, r.variable, r.step, r.t, [...r.values]]);
    expect(rows).to.deep.equal([[0, 'p', 'x', 0, 0, [0, 0, 0]], [0, 'p', 'x', 1, 0.25, [0.25, 0.25, 0.25]]]);
  });

  it('compartments without spikes (their taps are called only at block ends and gaps): read back equals the in-memory recording', async () => {
    const noSpikes = (opts: CompNeuroMonitorsOptions = {}) => {
      setup({ dt: DT });
      const p = new Population(3, Ticker(), 'p');
      p.g = new Float64Array([1, 0.5, 0.25]);
      new Population(2, Ticker(), 'q');
      compile();
      return new CompNeuroMonitors({ p: ['x', 'v'], 'q;0.75': ['x'] }, { log: () => {}, ...opts });
    };
    const want = await experiment(noSpikes(), (ms) => simulate(ms));
    clear();
    const path = join(dir, 'run.arrow');
    const mon = noSpikes({ recordTo: arrowFile(path), batchSteps: 64 });
    await experiment(mon, (ms) => simulate(ms));
    await mon.closeRecording();
    expectSameRecordings(readArrowRecordings(readFileSync(path)), want);
    expect((want[1]!['p;x'] as RecordedArray).shape).to.deep.equal([1000, 3]);
  });

  it('a slow Node Writable slows a scheduled run instead of filling memory; read back equals the in-memory recording', async () => {
    const want = await experiment(model(), (ms) => simulate(ms));
    clear();
    const parts: Buffer[] = [];
    let maxWaiting = 0;
    const slow = new Writable({
      highWaterMark: 4096,
      write(chunk: Buffer, _enc, cb) {
        parts.push(chunk);
        setTimeout(cb, 2);
      },
    });
    const mon = model({ recordTo: slow, batchSteps: 16 });
    let chunks = 0;
    const recordings = await experiment(mon, async (ms) => {
      await lastValueFrom(simulate$(ms, { scheduler: asyncScheduler, chunk: 20 }), { defaultValue: undefined });
      maxWaiting = Math.max(maxWaiting, slow.writableLength);
      chunks++;
    });
    void recordings;
    await mon.closeRecording();
    expect(chunks).to.equal(4);
    // never more waiting than the high-water mark plus what one chunk of 20 steps writes
    expect(maxWaiting).to.be.lessThan(4096 + 20_000);
    expectSameRecordings(readArrowRecordings(Buffer.concat(parts)), want);
  });

  it('synchronous simulate() cannot wait: past maxBuffered it stops with an error naming the sink; nothing recorded is lost', async () => {
    const parts: Buffer[] = [];
    const slow = new Writable({ highWaterMark: 1024, write(chunk: Buffer, _e, cb) { parts.push(chunk); setTimeout(cb, 5); } });
    const mon = model({ recordTo: nodeWritableSink(slow, { maxBuffered: 20_000, name: 'slow socket' }), batchSteps: 8 });
    mon.start();
    const err = thrown(() => simulate(250));
    expect(err).to.be.instanceOf(RecordingSinkError);
    expect((err as Error).message).to.match(/^recordTo slow socket: \d+ bytes wait to be written \(maxBuffered 20000\); a synchronous run cannot wait/);
    const stoppedAt = currentNetwork().currentStep;
    expect(stoppedAt).to.be.within(8, 999);
    // the bytes accepted before the error arrive; the batch that failed is on the error
    await new Promise<void>((resolve) => slow.end(resolve));
    const written = readArrowRecordings(Buffer.concat(parts))[0]!;
    const unwritten = (err as RecordingSinkError).unwritten as { compartment: string; variable: string; values: Float64Array }[];
    const px = [...(written['p;x'] as RecordedArray).column(0)];
    const rest = unwritten.filter((r) => r.compartment === 'p' && r.variable === 'x').flatMap((r) => [...r.values].filter((_, i) => i % 3 === 0));
    expect([...px, ...rest]).to.deep.equal(Array.from({ length: stoppedAt }, (_, k) => k * DT));
    // the failed sink stays failed: the next run stops at its first write
    expect(() => simulate(10)).to.throw(RecordingSinkError, 'recordTo slow socket');
  });

  it('a Web WritableStream with backpressure: the scheduled run waits for it; read back equals the in-memory recording', async () => {
    const want = await experiment(model(), (ms) => simulate(ms));
    clear();
    const parts: Uint8Array[] = [];
    let waits = 0;
    const ws = new WritableStream<Uint8Array>({
      write: (chunk) => new Promise((resolve) => setTimeout(() => {
        parts.push(chunk.slice());
        resolve();
      }, 1)),
    }, new CountQueuingStrategy({ highWaterMark: 2 }));
    const sink = webWritableSink(ws);
    const counted: ByteSink = { ...sink, ready: () => { const p = sink.ready(); if (p) waits++; return p; } };
    const mon = model({ recordTo: counted, batchSteps: 16 });
    await experiment(mon, (ms) => lastValueFrom(simulate$(ms, { scheduler: asyncScheduler, chunk: 50 }), { defaultValue: undefined }).then(() => undefined));
    await mon.closeRecording();
    expect(waits).to.be.greaterThan(0);
    const all = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    parts.reduce((off, p) => (all.set(p, off), off + p.length), 0);
    expectSameRecordings(readArrowRecordings(all), want);
  });

  it('bad sinks: an unwritable path fails at once; a throwing sink and a failing Writable stop the run naming the sink', async () => {
    expect(() => arrowFile(join(dir, 'missing', 'x.arrow'))).to.throw(RecordingSinkError, `recordTo arrowFile(${join(dir, 'missing', 'x.arrow')}): cannot open the file for writing: ENOENT`);
    expect(() => model({ recordTo: 42 as never })).to.throw('recordTo: expected arrowFile(path), a Node Writable, a Web WritableStream or a ByteSink { name, write, ready, close }, got number');
    clear();
    expect(() => model({ batchSteps: 0 })).to.throw('CompNeuroMonitors: batchSteps must be a positive integer number of steps, got 0');
    clear();
    let n = 0;
    const flaky: ByteSink = { name: 'flaky disk', write: () => { if (++n === 3) throw new Error('EIO'); }, ready: () => undefined, close: async () => {} };
    const mon = model({ recordTo: flaky, batchSteps: 10 });
    mon.start();
    expect(() => simulate(100)).to.throw(RecordingSinkError, /^recordTo flaky disk: writing step \d+ failed: EIO$/);
    expect(() => mon.closeRecording()).to.not.throw(); // a promise
    clear();
    const broken = new Writable({ write(_c, _e, cb) { cb(new Error('connection reset')); } });
    broken.on('error', () => {});
    const mon2 = model({ recordTo: broken, batchSteps: 4 });
    mon2.start();
    simulate(1); // the first batch is accepted, its write fails later
    await new Promise((r) => setTimeout(r, 10));
    let err: unknown;
    simulate$(10).subscribe({ error: (e) => (err = e) });
    expect((err as Error).message).to.equal('recordTo Node Writable: the stream failed: connection reset');
  });

  it('memory stays bounded: nothing of the recording is kept by the monitors', () => {
    const mon = model({ recordTo: { name: 'null', write: () => {}, ready: () => undefined, close: async () => {} }, batchSteps: 100 });
    mon.start();
    simulate(2500); // 10000 steps
    const stores = (mon as unknown as { stores: Map<string, { empty: boolean }> }).stores;
    expect([...stores.values()].every((s) => s.empty)).to.equal(true);
    const engine = mon.mon.p!.sampleBuffer('x')!;
    expect(engine.raw.length).to.be.at.most(3 * 1024); // the engine buffer never grew past its first allocation
  });
});
