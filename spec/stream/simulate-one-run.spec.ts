import { expect } from 'chai';
import { asyncScheduler, concat, lastValueFrom, tap } from 'rxjs';
import { simulate$, withProtocol } from '../../src/stream/simulate.js';
import { SegmentProtocol } from '../../src/stream/protocol.js';
import { testNetwork } from './test-network.js';

/** `I_app` of population "a" held at 9 for `ms` (restored to the population's value afterwards). */
const hold = (ms: number) => new SegmentProtocol('hold', [{ duration: ms, set: [{ pop: 'a', attr: 'I_app', value: 9 }] }], () => ({}));

describe('stream: one simulate$ run per network at a time (issue 18 item 7)', () => {
  it('a second subscription while a scheduled run is going errors at once; the first run completes and restores its protocol', async () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = 3;
    const first = lastValueFrom(simulate$(undefined, { network: net, scheduler: asyncScheduler, chunk: 5 }).pipe(withProtocol(hold(3))));
    expect(net.getCurrentStep()).to.be.below(30); // still running (scheduled)
    let err: Error | undefined;
    let steps = 0;
    simulate$(1, { network: net }).pipe(withProtocol(hold(1))).subscribe({ next: () => steps++, error: (e) => (err = e as Error) });
    expect(err?.message).to.match(/already running a simulation/);
    expect(steps).to.equal(0);
    await first;
    expect(net.getCurrentStep()).to.equal(Math.ceil(3 / net.dt));
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([3, 3]);
    // afterwards the network takes runs again, also sequentially composed ones
    await lastValueFrom(concat(simulate$(1, { network: net }), simulate$(1, { network: net })));
    expect(net.getCurrentStep()).to.equal(Math.ceil(3 / net.dt) + 2 * Math.ceil(1 / net.dt));
  });

  it('an exception in a consumer operator stops the run at that frame and restores the protocols', () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = 3;
    let err: Error | undefined;
    simulate$(undefined, { network: net }).pipe(
      withProtocol(hold(2)),
      tap((f) => { if (f.step === 4) throw new Error('consumer failed'); }),
    ).subscribe({ error: (e) => (err = e as Error) });
    expect(err?.message).to.equal('consumer failed');
    expect(net.getCurrentStep()).to.equal(5); // steps 0..4 ran, nothing after the failing frame
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([3, 3]);
    // and the network is free again
    simulate$(1, { network: net }).subscribe();
    expect(net.getCurrentStep()).to.equal(5 + Math.ceil(1 / net.dt));
  });
});
