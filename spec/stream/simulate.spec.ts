import { expect } from 'chai';
import { Observable, Subject, tap, takeUntil, asyncScheduler, bufferCount, concat, filter, firstValueFrom, lastValueFrom, map, take, takeWhile, toArray } from 'rxjs';
import { simulate$, runSync, runProtocolsSync, withProtocol, SimulationObservable } from '../../src/stream/simulate.js';
import { SimulationFrame } from '../../src/stream/simulation-frame.js';
import { driveSteps, type StepProgram } from '../../src/stream/step-driver.js';
import { SegmentProtocol, type BoundProtocol, type Protocol } from '../../src/stream/protocol.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { HHneuronBischop } from '../../src/models/hh-neuron-bischop.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import '../../src/stream/network-simulate.js';
import { testNetwork } from './test-network.js';

describe('stream: simulate$', () => {
  it('is cold: nothing runs before subscribe, ceil(ms/dt) steps after, then completes', () => {
    const { net } = testNetwork();
    const sim$ = simulate$(1.05, { network: net }); // ceil(10.5) = 11 steps
    expect(net.getCurrentStep()).to.equal(0);
    const frames: SimulationFrame[] = [];
    let completed = false;
    sim$.subscribe({ next: (f) => frames.push(f), complete: () => (completed = true) });
    expect(completed).to.equal(true); // synchronous by default
    expect(frames.map((f) => f.step)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(net.getCurrentStep()).to.equal(11);
    // subscribing again runs it again (cold)
    sim$.subscribe();
    expect(net.getCurrentStep()).to.equal(22);
  });

  it('emits after the update: frame k sees the state the monitor records in step k, t = k*dt', () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = 2; // v[k+1] = v[k] + 0.1 * 2
    const mon = new Monitor(pops[0]!, ['v']);
    const seen: [number, number, number][] = [];
    simulate$(0.5, { network: net }).subscribe((f) => seen.push([f.step, f.t, (f.network.getPopulation('a').v as Float64Array)[0]!]));
    const rec = mon.get('v') as RecordedArray;
    // hand-computed: after step k, v = 0.2 * (k + 1)
    expect(seen.map((s) => s[0])).to.deep.equal([0, 1, 2, 3, 4]);
    seen.forEach(([k, t, v]) => {
      expect(t).to.equal(k * 0.1);
      expect(v).to.be.closeTo(0.2 * (k + 1), 1e-12);
      expect(rec.data[k * 2]).to.equal(v);
    });
  });

  it('take(n) runs exactly n steps (unsubscribe stops before the next step)', () => {
    const { net } = testNetwork();
    let frames = 0;
    simulate$(1000, { network: net }).pipe(take(7)).subscribe(() => frames++);
    expect(frames).to.equal(7);
    expect(net.getCurrentStep()).to.equal(7);
    // unsubscribing from inside a frame callback (here through takeUntil) stops before the next step
    const stop$ = new Subject<void>();
    simulate$(1000, { network: net }).pipe(tap((f) => f.step === 9 && stop$.next()), takeUntil(stop$)).subscribe();
    expect(net.getCurrentStep()).to.equal(10);
  });

  it('works with ordinary operators: filter, map, bufferCount, toArray', async () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = 1;
    const batches = await lastValueFrom(
      simulate$(1, { network: net }).pipe(
        filter((f) => f.step % 2 === 0),
        map((f) => f.step),
        bufferCount(2),
        toArray(),
      ),
    );
    expect(batches).to.deep.equal([[0, 2], [4, 6], [8]]);
    // frames are distinct objects, so buffering frames themselves is safe
    const frames = await lastValueFrom(simulate$(0.3, { network: net }).pipe(bufferCount(3)));
    expect(frames.map((f) => f.step)).to.deep.equal([10, 11, 12]);
  });

  it("example (ANNarchy's simulate_until): a simulation stops itself when a condition holds", () => {
    // The HH_Bischop neuron with 50 pA fires; stop at the first step where v crosses 0 mV.
    const net = new Network({ dt: 0.01, seed: 1 });
    const pop = new Population(1, HHneuronBischop, { name: 'HH', network: net });
    net.compile();
    pop.I_app = 50;
    const last = runSync(simulate$(1000, { network: net }).pipe(takeWhile((f) => (f.network.getPopulation('HH').v as Float64Array)[0]! < 0, true)));
    expect((pop.v as Float64Array)[0]).to.be.at.least(0);
    expect(last!.step).to.equal(net.getCurrentStep() - 1);
    expect(net.getCurrentStep()).to.be.below(100000); // stopped early
    // the step before crossed nothing: replay the same run with one step less and check v < 0
    const net2 = new Network({ dt: 0.01, seed: 1 });
    const pop2 = new Population(1, HHneuronBischop, { name: 'HH', network: net2 });
    net2.compile();
    pop2.I_app = 50;
    for (let k = 0; k < last!.step; k++) net2.step();
    expect((pop2.v as Float64Array)[0]).to.be.below(0);
  });

  it('with { scheduler, chunk } runs in chunks, yields between them and gives identical numbers', async () => {
    const runHH = (opts: object) => {
      const net = new Network({ dt: 0.01, seed: 1 });
      const pop = new Population(1, HHneuronBischop, { name: 'HH', network: net });
      net.compile();
      pop.I_app = 40;
      const mon = new Monitor(pop, ['v']);
      return { net, mon, obs: simulate$(100, { network: net, ...opts }) };
    };
    const a = runHH({});
    runSync(a.obs);
    const b = runHH({ scheduler: asyncScheduler, chunk: 1000 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let syncSteps = -1;
    const done = lastValueFrom(b.obs);
    syncSteps = b.net.getCurrentStep();
    await done;
    clearInterval(timer);
    expect(syncSteps).to.equal(0); // nothing ran inside subscribe
    expect(b.net.getCurrentStep()).to.equal(10000);
    expect(ticks).to.be.greaterThan(0); // timers ran between chunks
    const va = (a.mon.get('v') as RecordedArray).data;
    const vb = (b.mon.get('v') as RecordedArray).data;
    expect(vb.length).to.equal(10000);
    expect(Array.from(vb)).to.deep.equal(Array.from(va));
  });

  it('unsubscribing a scheduled run stops it within the chunk', async () => {
    const { net } = testNetwork();
    await lastValueFrom(simulate$(1000, { network: net, scheduler: asyncScheduler, chunk: 3 }).pipe(take(5)));
    expect(net.getCurrentStep()).to.equal(5);
    const first = await firstValueFrom(simulate$(1000, { network: net, scheduler: asyncScheduler, chunk: 50 }));
    expect(first.step).to.equal(5);
    await new Promise((r) => setTimeout(r, 5));
    expect(net.getCurrentStep()).to.equal(6);
  });

  it('NaN check: the error arrives as the Observable error and the network stays at the completed step', () => {
    const { net, pops } = testNetwork();
    const p = new SegmentProtocol('nanAt3', [{ duration: 0.3, set: [] }, { duration: 0.2, set: [{ pop: 'a', attr: 'I_app', value: 1 }] }], () => ({}));
    let err: Error | undefined;
    const steps: number[] = [];
    simulate$(1, { network: net, checkNaN: true }).pipe(withProtocol(p)).subscribe({
      next: (f) => {
        steps.push(f.step);
        if (f.step === 5) pops[0]!.$state!.local.v![1] = NaN; // something made v NaN during step 6's inputs
      },
      error: (e) => (err = e as Error),
    });
    expect(steps).to.deep.equal([0, 1, 2, 3, 4, 5]);
    expect(err!.message).to.equal('NaN check: population "a", variable "v" of neuron 1 is NaN after step 6 (t = 0.6000000000000001 ms)');
    expect(net.getCurrentStep()).to.equal(7);
  });

  it('a throwing protocol errors before the step and restores the attributes', () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = 3;
    let calls = 0;
    const boom = {
      name: 'boom',
      network: undefined,
      info: () => ({}),
      bind: () => ({
        steps: 10,
        info: {},
        apply: (k: number) => {
          calls++;
          if (k === 4) throw new Error('boom at 4');
        },
        restore: () => {},
      }),
    };
    const ramp = new SegmentProtocol('hold', [{ duration: 1, set: [{ pop: 'a', attr: 'I_app', value: 9 }] }], () => ({}));
    let err: Error | undefined;
    simulate$(undefined, { network: net }).pipe(withProtocol(ramp), withProtocol(boom)).subscribe({ error: (e) => (err = e as Error) });
    expect(err!.message).to.equal('boom at 4');
    expect(calls).to.equal(5);
    expect(net.getCurrentStep()).to.equal(4); // steps 0..3 ran, step 4 did not start
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([3, 3]); // restored
  });

  it('bad input fails before any step', () => {
    const { net } = testNetwork();
    expect(() => simulate$(-1)).to.throw('simulate$: duration must be a non-negative number of ms, got -1');
    expect(() => simulate$(NaN)).to.throw('non-negative');
    expect(() => simulate$(10, { chunk: 10 })).to.throw('chunk needs a scheduler');
    expect(() => simulate$(10, { scheduler: asyncScheduler, chunk: 0 })).to.throw('chunk must be a positive integer');
    expect(() => simulate$(10, { netwrk: net } as never)).to.throw('unknown option "netwrk"');
    const bad = new SegmentProtocol('hold', [{ duration: 1, set: [{ pop: 'nope', attr: 'I_app', value: 9 }] }], () => ({}));
    let err: Error | undefined;
    simulate$(10, { network: net }).pipe(withProtocol(bad)).subscribe({ error: (e) => (err = e as Error) });
    expect(err!.message).to.equal('hold: no population named "nope"; populations: a');
    expect(net.getCurrentStep()).to.equal(0);
    expect(() => simulate$(10).pipe(take(1), withProtocol(bad))).to.throw('hold: a protocol operator must directly follow simulate$');
  });

  it('network.simulate$ is the method form', () => {
    const { net } = testNetwork();
    const obs = net.simulate$(0.5);
    expect(obs).to.be.instanceOf(SimulationObservable);
    runSync(obs);
    expect(net.getCurrentStep()).to.equal(5);
  });

  it('composes sequentially with concat: the second run starts where the first ended', () => {
    const { net } = testNetwork();
    const steps: number[] = [];
    concat(simulate$(0.2, { network: net }), simulate$(0.3, { network: net })).subscribe((f) => steps.push(f.step));
    expect(steps).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('applies a segment protocol only where it changes; one without nextChange before every step', () => {
    const { net, pops } = testNetwork();
    // dt 0.1: I_app = 1 for steps 0-2, a zero-length segment (5, never seen), 2 for steps 3-4, then restored to 0
    const seg = new SegmentProtocol('segs', [
      { duration: 0.3, set: [{ pop: 'a', attr: 'I_app', value: 1 }] },
      { duration: 0, set: [{ pop: 'a', attr: 'I_app', value: 5 }] },
      { duration: 0.2, set: [{ pop: 'a', attr: 'I_app', value: 2 }] },
    ], () => ({}));
    const applied: number[] = [];
    const spy: Protocol = {
      name: 'spy',
      network: undefined,
      info: () => ({}),
      bind: (n) => {
        const b = seg.bind(n);
        return { steps: b.steps, info: b.info, apply: (k) => (applied.push(k), b.apply(k)), nextChange: (k) => b.nextChange!(k), restore: () => b.restore() } satisfies BoundProtocol;
      },
    };
    const everyStep: number[] = [];
    const plain: Protocol = { name: 'plain', network: undefined, info: () => ({}), bind: () => ({ steps: 0, info: {}, apply: (k) => everyStep.push(k), restore: () => {} }) };
    const inp: number[] = [];
    simulate$(0.8, { network: net }).pipe(withProtocol(spy), withProtocol(plain)).subscribe((f) => {
      inp.push((f.network.getPopulation('a').inp as Float64Array)[0]!);
      // a change made by a subscriber inside a segment stays until the next segment starts (as before)
      if (f.step === 0) pops[0]!.I_app = 7;
    });
    expect(inp).to.deep.equal([1, 7, 7, 2, 2, 0, 0, 0]);
    expect(everyStep).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
    // alone, the segment protocol is asked at its starts (0, 3) and its end (5, where it restores) only
    applied.length = 0;
    const inp2: number[] = [];
    simulate$(0.8, { network: net }).pipe(withProtocol(spy)).subscribe((f) => inp2.push((f.network.getPopulation('a').inp as Float64Array)[0]!));
    expect(applied).to.deep.equal([0, 3, 5]);
    expect(inp2).to.deep.equal([1, 1, 1, 2, 2, 0, 0, 0]);
  });

  it('driveSteps: a program granting several steps is asked once per grant, also across scheduled chunks and on unsubscribe', async () => {
    const program = (calls: number[], net: Network, total: number): StepProgram => {
      let k = 0;
      return {
        beforeStep: () => {
          calls.push(net.getCurrentStep());
          if (k >= total) return false;
          k += 4;
          return true;
        },
        grantedSteps: () => 4,
      };
    };
    const run = (opts: object, pipe = (o: Observable<SimulationFrame>) => o) => {
      const { net } = testNetwork();
      const calls: number[] = [];
      const obs = pipe(new Observable<SimulationFrame>((sub) => driveSteps(net, program(calls, net, 10), sub, opts)));
      return { net, calls, obs };
    };
    const a = run({});
    const steps = runSync(a.obs.pipe(toArray()))!.map((f) => f.step);
    expect(steps).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]); // three grants of 4
    expect(a.calls).to.deep.equal([0, 4, 8, 12]);
    const b = run({ scheduler: asyncScheduler, chunk: 3 });
    expect((await lastValueFrom(b.obs.pipe(toArray()))).map((f) => f.step)).to.deep.equal(steps);
    expect(b.calls).to.deep.equal([0, 4, 8, 12]);
    const c = run({}, (o) => o.pipe(take(6)));
    runSync(c.obs);
    expect(c.net.getCurrentStep()).to.equal(6); // stopped inside the second grant
    expect(c.calls).to.deep.equal([0, 4]);
  });

  it('runProtocolsSync runs protocols to their end as a simulation function does, and rethrows their errors', () => {
    const { net, pops } = testNetwork();
    pops[0]!.I_app = 3;
    const p = new SegmentProtocol('two', [
      { duration: 0.3, set: [{ pop: 'a', attr: 'I_app', value: 1 }] },
      { duration: 0.2, set: [{ pop: 'a', attr: 'I_app', value: 2 }] },
    ], () => ({}));
    runProtocolsSync(net, [p]);
    expect(net.getCurrentStep()).to.equal(5);
    // v = dt * (3 * 1 + 2 * 2) = 0.7 (hand-computed), I_app back to 3
    expect((pops[0]!.v as Float64Array)[0]).to.be.closeTo(0.7, 1e-12);
    expect(Array.from(pops[0]!.I_app as Float64Array)).to.deep.equal([3, 3]);
    const bad = new SegmentProtocol('hold', [{ duration: 1, set: [{ pop: 'nope', attr: 'I_app', value: 9 }] }], () => ({}));
    expect(() => runProtocolsSync(net, [bad])).to.throw('hold: no population named "nope"; populations: a');
    expect(net.getCurrentStep()).to.equal(5);
  });

  it('driveSteps with reuseFrame emits one object updated in place; simulate$ gives every subscriber new frames', () => {
    const { net } = testNetwork();
    const frame = new SimulationFrame(0, 0, net);
    const seen: [SimulationFrame, number, number][] = [];
    let n = 0;
    new Observable<SimulationFrame>((sub) => driveSteps(net, { beforeStep: () => n++ < 3 }, sub, {}, frame)).subscribe((f) => seen.push([f, f.step, f.t]));
    expect(seen.map((s) => s[0] === frame)).to.deep.equal([true, true, true]);
    expect(seen.map((s) => [s[1], s[2]])).to.deep.equal([[0, 0], [1, 0.1], [2, 0.2]]);
    const frames = runSync(simulate$(0.3, { network: net }).pipe(toArray()))!;
    expect(new Set(frames).size).to.equal(3);
    expect(frames.map((f) => [f.step, f.t])).to.deep.equal([[3, 0.30000000000000004], [4, 0.4], [5, 0.5]]);
  });
});
