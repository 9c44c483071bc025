import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { Normal, Uniform } from '../../../src/engine/random/random-distribution.js';
import { installNodeThreads } from '../../../src/node/kernel-threads.js';
import { BLOCK_PARTS } from '../../../src/engine/threads/worker-source.js';
import { COBA } from '../../../bench/coba.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';

installNodeThreads();

// ANNarchy's COBA network at 1000 neurons: conductances, refractoriness, random initial values
// (numpy stream) and random connectivity, delivery with the plain g += w loop
function coba(numThreads: number, backend: 'js' | 'wasm') {
  const net = new Network({ dt: 0.1, seed: 3, backend, numThreads, minNeuronsPerThread: 1 });
  const P = new Population(1000, COBA, { network: net });
  const Pe = P.slice(0, 800), Pi = P.slice(800, 1000);
  P.v = new Normal(-55.0, 5.0);
  P.g_exc = new Normal(4.0, 1.5);
  P.g_inh = new Normal(20.0, 12.0);
  const ee = new Projection(Pe, P, 'exc').connectFixedProbability({ weights: 0.6, probability: 0.05 });
  const ii = new Projection(Pi, P, 'inh').connectFixedProbability({ weights: new Normal(6.7, 0.5), probability: 0.05 });
  const m = new Monitor(P, ['spike', 'g_inh']);
  net.compile();
  net.simulate(300);
  const out = {
    split: [P.$parallel !== undefined, (ee.$parallelDelivery?.splitRuns ?? 0) > 300, (ii.$parallelDelivery?.splitRuns ?? 0) > 100],
    spikes: m.get('spike') as Record<number, number[]>,
    gInh: (m.get('g_inh') as RecordedArray).data.slice(),
    v: Array.from(P.$state!.local.v!),
  };
  net.dispose();
  return out;
}

describe('engine: spike delivery split over kernel threads (setup({ numThreads }))', () => {
  for (const backend of ['js', 'wasm'] as const) {
    it(`COBA, 1000 neurons: the same spikes and bit-identical conductances with 2 threads (${backend})`, () => {
      const one = coba(1, backend);
      const two = coba(2, backend);
      expect(one.split).to.deep.equal([false, false, false]);
      expect(two.split).to.deep.equal([true, true, true]);
      expect(Object.values(one.spikes).flat().length).to.be.greaterThan(1000);
      expect(two.spikes).to.deep.equal(one.spikes);
      expect(Buffer.from(two.gInh.buffer).equals(Buffer.from(one.gInh.buffer))).to.equal(true);
      expect(two.v).to.deep.equal(one.v);
    });
  }

  // the whole state after `steps` steps, every array as bytes (bit-identity, NaN and -0 included)
  const bytes = (P: Population) => Object.fromEntries(Object.entries(P.$state!.local).map(([k, a]) => [k, Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')]));

  function cobaSpikes(numThreads: number, backend: 'js' | 'wasm', steps: number, stealBlocks = 0) {
    const net = new Network({ dt: 0.1, seed: 5, backend, numThreads, minNeuronsPerThread: 1 });
    const P = new Population(1000, COBA, { network: net });
    P.v = new Normal(-55.0, 5.0);
    P.g_exc = new Normal(4.0, 1.5);
    P.g_inh = new Normal(20.0, 12.0);
    new Projection(P.slice(0, 800), P, 'exc').connectFixedProbability({ weights: 0.6, probability: 0.05 });
    new Projection(P.slice(800, 1000), P, 'inh').connectFixedProbability({ weights: new Normal(6.7, 0.5), probability: 0.05 });
    const m = new Monitor(P, ['spike']);
    net.compile();
    if (net.$threadPool) net.$threadPool.stealBlocks = stealBlocks;
    for (let k = 0; k < steps; k++) net.step();
    const st = net.$threadStats();
    const out = {
      commands: net.$threadCommands,
      // commands rank 0 finished; blocks of rank 1's part that rank 1 ran + that rank 0 ran for it
      ran: st.length === 0 ? [] : [st[0]!.commands, st[1]!.blocks + st[0]!.blocks],
      taken: st[0]?.blocks ?? 0,
      spikes: m.get('spike') as Record<number, number[]>,
      state: bytes(P),
    };
    net.dispose();
    return out;
  }

  for (const backend of ['js', 'wasm'] as const) {
    it(`one barrier per step: both deliveries run in the command of the update, bit-identical (${backend})`, () => {
      const steps = 2000;
      const one = cobaSpikes(1, backend, steps);
      const two = cobaSpikes(2, backend, steps);
      expect(one.commands).to.equal(0);
      // one command (so one barrier) per step, although the two projections delivered spikes
      expect(two.commands).to.equal(steps);
      // each block ran once: by its thread, or by rank 0 when that thread had not started it
      expect(two.ran).to.deep.equal([steps, steps * BLOCK_PARTS.length]);
      expect(Object.values(one.spikes).flat().length).to.be.greaterThan(2000);
      expect(two.spikes).to.deep.equal(one.spikes);
      expect(two.state).to.deep.equal(one.state);
    });
  }

  for (const backend of ['js', 'wasm'] as const) {
    it(`blocks a thread has not started run on the calling thread, bit-identical (every block, ${backend})`, () => {
      const steps = 1000;
      const one = cobaSpikes(1, backend, steps);
      const taken = cobaSpikes(2, backend, steps, BLOCK_PARTS.length);
      expect(taken.commands).to.equal(steps);
      expect(taken.taken).to.equal(steps * BLOCK_PARTS.length);
      expect(Object.values(one.spikes).flat().length).to.be.greaterThan(1000);
      expect(taken.spikes).to.deep.equal(one.spikes);
      expect(taken.state).to.deep.equal(one.state);
    });
  }

  for (const backend of ['js', 'wasm'] as const) {
    it(`a part split between its thread and the calling thread (its last 3 blocks) is bit-identical (${backend})`, () => {
      const steps = 1000;
      const one = cobaSpikes(1, backend, steps);
      const mixed = cobaSpikes(2, backend, steps, 3);
      expect(mixed.commands).to.equal(steps);
      // the calling thread ran at least the last three blocks of rank 1's part in every step
      expect(mixed.taken).to.be.at.least(3 * steps);
      expect(mixed.ran).to.deep.equal([steps, steps * BLOCK_PARTS.length]);
      expect(mixed.spikes).to.deep.equal(one.spikes);
      expect(mixed.state).to.deep.equal(one.state);
    });
  }

  // a projection that cannot defer (per-synapse delays: the generated kernel on one thread)
  // between two that do, into the same conductance, and a monitor reading g_exc before the
  // update: the deferred deliveries must run before each, so every g_exc element receives its
  // additions in the order of one thread
  function mixed(numThreads: number) {
    const net = new Network({ dt: 0.1, seed: 9, numThreads, minNeuronsPerThread: 1 });
    const P = new Population(600, COBA, { network: net });
    P.v = new Normal(-55.0, 5.0);
    P.g_exc = new Normal(4.0, 1.5);
    const a = new Projection(P.slice(0, 480), P, 'exc').connectFixedProbability({ weights: new Normal(0.6, 0.1), probability: 0.05 });
    const d = new Projection(P.slice(0, 480), P, 'exc').connectFixedProbability({ weights: new Normal(0.3, 0.1), probability: 0.05, delays: new Uniform(0.1, 2.0) });
    const b = new Projection(P.slice(480, 600), P, 'inh').connectFixedProbability({ weights: 6.7, probability: 0.05 });
    const c = new Projection(P.slice(0, 480), P, 'exc').connectFixedProbability({ weights: new Normal(0.2, 0.05), probability: 0.05 });
    const m = new Monitor(P, ['spike', 'g_exc'], { period: 0.5 });
    net.compile();
    net.simulate(200);
    const out = {
      defers: [a, d, b, c].map((p) => p.$defersDelivery),
      commands: net.$threadCommands,
      spikes: m.get('spike') as Record<number, number[]>,
      gExc: Buffer.from((m.get('g_exc') as RecordedArray).data.buffer).toString('base64'),
      state: bytes(P),
    };
    net.dispose();
    return out;
  }

  it('runs deferred deliveries before a projection that cannot defer and before a monitor of g_exc: bit-identical', () => {
    const one = mixed(1), two = mixed(2);
    expect(two.defers).to.deep.equal([true, false, true, true]);
    // more than one command in some steps (the flushes), never more than three
    expect(two.commands).to.be.greaterThan(2000).and.at.most(3 * 2000);
    expect(Object.values(one.spikes).flat().length).to.be.greaterThan(500);
    expect(two.spikes).to.deep.equal(one.spikes);
    expect(two.gExc).to.equal(one.gExc);
    expect(two.state).to.deep.equal(one.state);
  });

  // the threads read the post ranks the one-thread loops read: 2 bytes each up to 65536 post
  // neurons, 4 above, in a buffer they share
  function wide(numThreads: number, size: number) {
    const net = new Network({ dt: 0.1, seed: 9, numThreads });
    const P = new Population(size, COBA, { network: net });
    P.v = new Normal(-55.0, 5.0);
    P.g_exc = new Normal(4.0, 1.5);
    const proj = new Projection(P.slice(0, 4000), P, 'exc').connectFixedProbability({ weights: new Uniform(0.1, 0.7), probability: 0.002 });
    net.compile();
    for (let k = 0; k < 40; k++) net.step();
    const post = (proj as unknown as { $invPost: Int32Array | Uint16Array }).$invPost;
    const out = {
      ranks: [post.BYTES_PER_ELEMENT, post.buffer instanceof SharedArrayBuffer],
      splitRuns: proj.$parallelDelivery?.splitRuns ?? 0,
      state: bytes(P),
    };
    net.dispose();
    return out;
  }

  for (const [size, ranks] of [[65536, 2], [70000, 4]] as const) {
    it(`${size} post neurons: ${ranks}-byte post ranks shared with the threads, bit-identical`, () => {
      const one = wide(1, size), two = wide(2, size);
      expect(one.ranks).to.deep.equal([ranks, false]);
      expect(two.ranks).to.deep.equal([ranks, true]);
      expect(two.splitRuns).to.be.greaterThan(20);
      expect(two.state).to.deep.equal(one.state);
    });
  }
});
