import { expect } from 'chai';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { asyncScheduler, lastValueFrom, map, of, tap, toArray } from 'rxjs';
import { simulate$ } from '../../src/stream/simulate.js';
import { fromNodeReadable, toNodeReadable } from '../../src/io/node-readable.js';
import { testNetwork } from '../stream/test-network.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('io/node-readable: Observable <-> Node Readable', () => {
  it('round trip keeps values and completion', async () => {
    expect(await lastValueFrom(fromNodeReadable<number>(toNodeReadable(of(1, 2, 3))).pipe(toArray()))).to.deep.equal([1, 2, 3]);
    expect(await lastValueFrom(fromNodeReadable<string>(Readable.from(['a', 'b'])).pipe(toArray()))).to.deep.equal(['a', 'b']);
  });

  it('piped into a slow Writable, a scheduled simulation waits for it and every frame arrives in order', async () => {
    const { net, pops } = testNetwork(['a']);
    pops[0]!.I_app = 1;
    let produced = 0;
    let written = 0;
    let maxAhead = 0;
    const got: string[] = [];
    const lines$ = simulate$(30, { network: net, scheduler: asyncScheduler, chunk: 20 }).pipe(tap(() => produced++), map((f) => `${f.step}\n`));
    await pipeline(toNodeReadable(lines$, { highWaterMark: 8, network: net }), new Writable({
      highWaterMark: 4,
      objectMode: true,
      write(chunk: string, _e, cb) {
        got.push(chunk);
        written++;
        maxAhead = Math.max(maxAhead, produced - written);
        setTimeout(cb, 1);
      },
    }));
    expect(got).to.deep.equal(Array.from({ length: 300 }, (_, k) => `${k}\n`));
    expect(maxAhead).to.be.at.most(8 + 4 + 20 + 2);
  });

  it('destroying the Readable (a client went away) unsubscribes and stops the simulation; errors destroy it', async () => {
    const { net } = testNetwork(['a']);
    const r = toNodeReadable(simulate$(1000, { network: net, scheduler: asyncScheduler, chunk: 10 }).pipe(map((f) => f.step)), { network: net });
    r.on('data', () => {});
    await sleep(20);
    r.destroy();
    const at = net.currentStep;
    await sleep(30);
    expect(net.currentStep).to.equal(at);
    expect(at).to.be.lessThan(10000);
    const bad = toNodeReadable(simulate$(10, { network: net, checkNaN: true }).pipe(map(() => { throw new Error('boom'); })));
    let err: unknown;
    await lastValueFrom(fromNodeReadable(bad)).catch((e) => (err = e));
    expect((err as Error).message).to.equal('boom');
  });
});
