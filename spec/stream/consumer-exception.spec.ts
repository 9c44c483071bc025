import { expect } from 'chai';
import { asyncScheduler, config, filter, lastValueFrom, map } from 'rxjs';
import { simulate$, withProtocol } from '../../src/stream/simulate.js';
import { SegmentProtocol } from '../../src/stream/protocol.js';
import { StreamSubscriberError } from '../../src/stream/producer-observable.js';
import { testNetwork } from './test-network.js';

/** `I_app` of population "a" held at 9 for `ms` (restored to the population's value afterwards). */
const hold = (ms: number) => new SegmentProtocol('hold', [{ duration: ms, set: [{ pop: 'a', attr: 'I_app', value: 9 }] }], () => ({}));

/** Errors RxJS reports as unhandled while `run` goes on (config.onUnhandledError, put back afterwards). */
async function unhandledDuring(run: () => Promise<void> | void): Promise<unknown[]> {
  const seen: unknown[] = [];
  const before = config.onUnhandledError;
  config.onUnhandledError = (e) => seen.push(e);
  try {
    await run();
    await new Promise((r) => setTimeout(r, 20)); // RxJS reports on a later task
  } finally {
    config.onUnhandledError = before;
  }
  return seen;
}

describe('stream: an exception thrown by the consumer of the frames (issue 18 item 7)', () => {
  it('a throwing subscribe callback stops the run at that frame, restores the protocols and is the error (with a handler)', () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = 3;
    let err: unknown;
    simulate$(undefined, { network: net }).pipe(withProtocol(hold(2))).subscribe({
      next: (f) => { if (f.step === 4) throw new Error('consumer failed'); },
      error: (e) => (err = e),
    });
    expect(err).to.be.instanceOf(StreamSubscriberError);
    expect((err as Error).message).to.equal('simulate$: a subscriber threw at step 4: consumer failed');
    expect(((err as Error).cause as Error).message).to.equal('consumer failed');
    expect(net.getCurrentStep()).to.equal(5); // steps 0..4 ran, nothing after the failing frame
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([3, 3]);
    // v integrated I_app = 9 for the 5 steps that ran: 5 * 0.1 * 9 (explicit Euler)
    expect((pops[0]!.v as Float64Array)[0]).to.be.closeTo(4.5, 1e-12);
    // the network is free and usable: the next run sees the restored input
    simulate$(1, { network: net }).subscribe();
    expect(net.getCurrentStep()).to.equal(15);
    expect((pops[0]!.v as Float64Array)[0]).to.be.closeTo(4.5 + 10 * 0.1 * 3, 1e-12);
  });

  it('without an error handler: stops and restores the same way, and RxJS reports the error as unhandled, once', async () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = 3;
    const seen = await unhandledDuring(() => {
      simulate$(undefined, { network: net }).pipe(withProtocol(hold(2))).subscribe((f) => { if (f.step === 7) throw new Error('plot failed'); });
    });
    expect(seen).to.have.length(1);
    expect((seen[0] as Error).message).to.equal('simulate$: a subscriber threw at step 7: plot failed');
    expect(net.getCurrentStep()).to.equal(8);
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([3, 3]);
    net.simulate(1);
    expect(net.getCurrentStep()).to.equal(18);
  });

  it('behind operators (filter, map) and without an error handler: stops, restores, reported once', async () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = -1;
    const seen = await unhandledDuring(() => {
      simulate$(undefined, { network: net }).pipe(withProtocol(hold(2)), filter((f) => f.step % 2 === 0), map((f) => f.t))
        .subscribe((t) => { if (t > 0.5) throw new Error('late'); });
    });
    expect(seen.map((e) => (e as Error).message)).to.deep.equal(['late']);
    expect(net.getCurrentStep()).to.equal(7); // step 6 (t = 0.6) is the first even step with t > 0.5
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([-1, -1]);
  });

  it('on a scheduler: the run stops at the failing frame and restores before the error arrives', async () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = 3;
    const run = lastValueFrom(simulate$(undefined, { network: net, scheduler: asyncScheduler, chunk: 3 }).pipe(withProtocol(hold(2)),
      map((f) => { if (f.step === 10) throw new Error('slow consumer gave up'); return f; })));
    let err: unknown;
    await run.catch((e: unknown) => { err = e; });
    expect((err as Error).message).to.equal('slow consumer gave up');
    expect(net.getCurrentStep()).to.equal(11);
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([3, 3]);
    await lastValueFrom(simulate$(1, { network: net, scheduler: asyncScheduler }));
    expect(net.getCurrentStep()).to.equal(21);
  });
});
