import { expect } from 'chai';
import { framesBody, timerScheduler, type FramesEvent } from '../../examples/stream-server.js';
import { HHRampDemo } from '../../examples/live/hh-ramp-demo.js';
import { simulate$ } from '../../src/stream/simulate.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The `frames` events of a server-sent-events text. */
function framesOf(text: string): FramesEvent[] {
  return text.split('\n\n').filter((e) => e.startsWith('event: frames\n')).map((e) => JSON.parse(e.slice(e.indexOf('data: ') + 6)) as FramesEvent);
}

describe('examples: the SSE body goes through toNodeReadable (issue 19 item 3)', function () {
  this.timeout(60_000);

  it('a client that does not read makes its simulation wait (at most highWaterMark events queued); reading resumes it', async () => {
    const model = new HHRampDemo();
    let steps = 0;
    const body = framesBody(model, { scheduler: timerScheduler(1), chunk: 50, every: 10, highWaterMark: 4, onStep: () => steps++ });
    body.read(0); // starts the subscription, as a consumer would
    for (let i = 0; i < 100 && body.readableLength < 4; i++) await sleep(10);
    await sleep(200);
    const held = steps;
    await sleep(300);
    expect(steps, 'steps while nobody reads').to.equal(held);
    // one event per chunk: the queue stops at the high-water mark (the chunk under way may add one)
    expect(body.readableLength).to.be.within(4, 5);
    expect(held).to.be.at.most(5 * 50);
    // the events: every 10th step of each 50-step chunk, t = k * dt
    let text = '';
    body.on('data', (d: string) => (text += d));
    for (let i = 0; i < 200 && steps < held + 500; i++) await sleep(10);
    expect(steps, 'steps after reading resumed').to.be.above(held);
    const events = framesOf(text);
    expect(events[0]!.t).to.have.length(5);
    events[0]!.t.forEach((t, i) => expect(t).to.be.closeTo(i * 10 * 0.01, 1e-12));
    expect(events[1]!.t[0]).to.be.closeTo(0.5, 1e-12);
    // the client goes away: the run stops and the network takes the next run
    body.destroy();
    await sleep(20);
    const after = steps;
    await sleep(100);
    expect(steps).to.equal(after);
    let err: unknown;
    const t0 = model.network.getCurrentStep();
    simulate$(1, { network: model.network }).subscribe({ error: (e) => (err = e) });
    expect(err).to.equal(undefined);
    expect(model.network.getCurrentStep()).to.equal(t0 + 100);
  });
});
