import { expect } from 'chai';
import { asyncScheduler, firstValueFrom, lastValueFrom, map, of, tap, throwError, toArray } from 'rxjs';
import { simulate$ } from '../../src/stream/simulate.js';
import { fromReadableStream, toReadableStream } from '../../src/stream/web-streams.js';
import { testNetwork } from './test-network.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stream/web-streams: Observable <-> Web ReadableStream', () => {
  it('round trip keeps values, completion and errors', async () => {
    expect(await lastValueFrom(fromReadableStream(toReadableStream(of(1, 2, 3))).pipe(toArray()))).to.deep.equal([1, 2, 3]);
    let err: unknown;
    await lastValueFrom(fromReadableStream(toReadableStream(throwError(() => new Error('boom'))))).catch((e) => (err = e));
    expect((err as Error).message).to.equal('boom');
  });

  it('a slow reader makes a scheduled simulation wait (queue bounded by highWaterMark + one chunk); cancel stops it', async () => {
    const { net, pops } = testNetwork(['a']);
    pops[0]!.I_app = 1;
    let produced = 0;
    let consumed = 0;
    let maxAhead = 0;
    const frames$ = simulate$(100, { network: net, scheduler: asyncScheduler, chunk: 10 }).pipe(tap(() => produced++), map((f) => f.step));
    const reader = toReadableStream(frames$, { highWaterMark: 5, network: net }).getReader();
    for (let k = 0; k < 60; k++) {
      const r = await reader.read();
      expect(r.value).to.equal(k);
      consumed++;
      maxAhead = Math.max(maxAhead, produced - consumed);
      if (k % 10 === 0) await sleep(5);
    }
    expect(maxAhead).to.be.at.most(5 + 10);
    await reader.cancel();
    const stepAtCancel = net.currentStep;
    await sleep(30);
    expect(net.currentStep).to.equal(stepAtCancel);
    expect(stepAtCancel).to.be.lessThan(1000);
  });

  it('without a network, maxQueued fails the stream instead of growing memory; bad options name the argument', async () => {
    const { net } = testNetwork(['a']);
    const rs = toReadableStream(simulate$(10, { network: net }), { highWaterMark: 2, maxQueued: 4 });
    const reader = rs.getReader();
    let err: unknown;
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.equal('toReadableStream: 4 values wait to be read (maxQueued 4); the reader is too slow');
    expect(() => toReadableStream(of(1), { highWaterMark: 0 })).to.throw('toReadableStream: highWaterMark must be a positive integer, got 0');
    expect(await firstValueFrom(fromReadableStream(toReadableStream(of('x'))))).to.equal('x');
  });
});
