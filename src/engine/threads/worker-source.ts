/**
 * The script a kernel thread runs (a classic script, evaluated with a global `__host` that the
 * entry's spawner sets up). Plain JavaScript text so that it needs no module loader or bundler
 * in the thread, like the generated kernels it evaluates with `new Function`.
 *
 * Protocol: setup messages (arrays, kernel sources, WebAssembly bytes) arrive while the thread
 * listens on its event loop; a message with `loop` sends it into a loop that blocks on the
 * shared control word `GEN` (`Atomics.wait` after a short spin) and runs one command per
 * generation: RUN (block by block of the thread's part: the deferred spike deliveries listed in
 * `DELIV` into the block's post range, then the block of a population's step unless `TASK` is
 * -1; blocks claimed in `CLAIM`), YIELD (back to the event loop for more setup messages), EXIT.
 * A step of a split population with its deliveries is thus one command and one barrier.
 */

/** Deliveries one command can carry (more are flushed first: see `ThreadPool.defer`). */
export const MAX_DEFERRED = 64;
/**
 * How the part of each rank r >= 1 is cut into blocks, in sixteenths of it from its start: its
 * thread runs them from the first, and the calling thread, once done with its own part (one
 * block), takes the ones not started yet from the last (smallest) one. A thread on time loses at
 * most a sixteenth of its part to the calling thread; a thread the system stopped in the middle
 * of its part costs the block it is in, not the rest of its part.
 */
export const BLOCK_PARTS = [4, 4, 4, 2, 1, 1] as const;
/** Blocks of a command split over `ranks` threads: one for rank 0, `BLOCK_PARTS` per other rank. */
export const blockCount = (ranks: number): number => 1 + (ranks - 1) * BLOCK_PARTS.length;
/**
 * Indices into the shared control array (`Int32Array`, `END` words): `NDEL` deferred deliveries
 * as pairs (task id, spike count) from `DELIV`, block b's spike count at `RESULT + b` (b >= 1).
 */
export const CTRL = {
  // the words the calling thread writes for a command share one cache line ...
  GEN: 0, CMD: 1, TASK: 2, STEP: 3, LEAN: 4, ERROR: 6, NDEL: 7,
  /** 1: the threads time their commands (`ThreadPool.timing`). */
  TIMING: 8,
  /** Threads blocked (or about to block) on `GEN`: only then does a command need `Atomics.notify`. */
  WSLEEP: 9,
  /** 1 while the calling thread blocks on `DONE`: only then does a thread's `done` notify. */
  MSLEEP: 10,
  // ... the threads' count of finished parts on the next (64 bytes on)
  DONE: 16,
  /**
   * Rank r's blocks in the open command at `CLAIM + r` (r >= 1): the command's generation (low 16
   * bits) in bits 16-31, blocks its thread took from the first in bits 0-7, blocks the calling
   * thread took from the last in bits 8-15. Both take a block with `compareExchange`, so each
   * block runs once; a thread that sees another generation leaves the word alone.
   */
  CLAIM: 32,
  DELIV: 32 + 256,
  /** Block b's spike count (b >= 1; block 0 is the calling thread's). */
  RESULT: 32 + 256 + 2 * MAX_DEFERRED,
  END: 32 + 256 + 2 * MAX_DEFERRED + 1 + 255 * BLOCK_PARTS.length,
} as const;
/** Commands in `CTRL.CMD`. */
export const CMD = { RUN: 1, YIELD: 2, EXIT: 3 } as const;
/**
 * Numbers per rank in the shared statistics (`Float64Array`): ms busy in commands, ms between
 * commands (spinning, blocked or, for rank 0, the rest of the step), ms waiting at the barrier
 * (rank 0) — these three only while `CTRL.TIMING` is 1 —, blocking waits, commands (rank 0:
 * all; the others: those they ran blocks of), blocks of ranks >= 1 it ran (see `ThreadPool.stats`).
 */
export const STATS = 6;
/** Bytes of the shared buffer a failing thread writes its error message into. */
export const ERROR_BYTES = 2048;

/** The thread's script. */
export const KERNEL_WORKER_SOURCE = `
'use strict';
const GEN = ${CTRL.GEN}, CMD = ${CTRL.CMD}, TASK = ${CTRL.TASK}, STEP = ${CTRL.STEP}, LEAN = ${CTRL.LEAN}, DONE = ${CTRL.DONE}, ERROR = ${CTRL.ERROR}, NDEL = ${CTRL.NDEL}, CLAIM = ${CTRL.CLAIM}, TIMING = ${CTRL.TIMING}, WSLEEP = ${CTRL.WSLEEP}, MSLEEP = ${CTRL.MSLEEP}, DELIV = ${CTRL.DELIV}, RESULT = ${CTRL.RESULT};
const STATS = ${STATS}, NB = ${BLOCK_PARTS.length};
const RUN = ${CMD.RUN}, YIELD = ${CMD.YIELD}, EXIT = ${CMD.EXIT};
const tasks = [];
let ctrl, rank = 0, spin = 0, errorBytes, stats, kernelSerial = 0;
// a notify costs a lock even without waiters: only when the calling thread said it blocks
const done = () => {
  Atomics.add(ctrl, DONE, 1);
  if (Atomics.load(ctrl, MSLEEP) !== 0) Atomics.notify(ctrl, DONE);
};
const fail = (e) => {
  const text = new TextEncoder().encode('kernel thread ' + rank + ': ' + String(e && e.stack || e)).subarray(0, errorBytes.length - 4);
  new DataView(errorBytes.buffer, errorBytes.byteOffset).setInt32(0, text.length, true);
  errorBytes.set(text, 4);
  Atomics.store(ctrl, ERROR, 1);
};
const typed = { f64: Float64Array, i32: Int32Array, u8: Uint8Array };
function buildTask(m) {
  if (m.kind === 'deliver') {
    return { deliver: true, spikes: new Int32Array(m.spikes), qPtr: new Int32Array(m.qPtr), stride: m.stride, post: m.post16 ? new Uint16Array(m.post) : new Int32Array(m.post), w: new Float64Array(m.w), constant: m.constant, g: new Float64Array(m.g.buffer, m.g.byteOffset, m.g.length) };
  }
  const constants = m.constants.map(() => ({ value: 0 }));
  const C = new Map(m.constants.map((c, k) => [c, constants[k]]));
  // block index -> its state and kernels (this thread's blocks only)
  const blocks = [];
  for (const b of m.blocks) blocks[b.index] = buildBlock(m, b, C);
  return { blocks, constants, globals: m.globals, randNumbers: m.randNumbers, params: new Float64Array(m.params) };
}
function buildBlock(m, b, C) {
  const S = { size: b.size, dt: m.dt, local: {}, global: {}, rand: {}, nSpiked: 0 };
  const buffer = m.memory ? m.memory.buffer : undefined;
  for (const a of b.arrays) {
    const v = new typed[a.kind](buffer || a.buffer, a.byteOffset, a.length);
    if (a.key.startsWith('local:')) S.local[a.key.slice(6)] = v;
    else if (a.key.startsWith('rand:')) S.rand[a.key.slice(5)] = v;
    else S[a.key] = v;
  }
  for (const g of m.globals) S.global[g] = 0;
  for (const r of m.randNumbers) S.rand[r] = 0;
  if (m.memory) S.heap = { memory: m.memory, scratch: b.scratch, shared: true };
  // compiled now (during compile()), not at the block's first run inside a timed step
  const module = b.wasm ? new WebAssembly.Module(b.wasm.bytes) : undefined;
  let binding;
  const bind = (st, arrays, imports) => {
    if (!binding) {
      const f = {};
      imports.forEach((fn, k) => { f[String(k)] = fn; });
      const ex = new WebAssembly.Instance(module, { e: { m: m.memory }, f }).exports;
      binding = { ready: true, P: new Float64Array(m.memory.buffer, b.wasm.params, b.wasm.nParams), full: ex.full, lean: ex.lean, bytes: b.wasm.bytes };
    }
    return binding;
  };
  // a unique sourceURL: each network's kernels are their own code, not the cached ones of an
  // earlier network of the same model, which V8 may leave in its baseline tier (fresh-function.ts)
  const make = (src) => {
    if (src === undefined) return undefined;
    const body = src + '\\n//# sourceURL=compneuro-rx-generated/thread-kernel/' + (++kernelSerial) + '.js';
    return b.wasm ? new Function('S', 'C', '__bind', body)(S, C, bind) : new Function('S', 'C', body)(S, C);
  };
  return { S, full: make(m.full), lean: make(m.lean), seen: -1 };
}
// the loops of deliverRange (parallel-delivery.ts) for the post range of block b
function deliver(task, count, b) {
  const sp = task.spikes, qp = task.qPtr, st = task.stride, post = task.post, w = task.w, g = task.g;
  if (task.constant) {
    const c = w[0];
    for (let s = 0; s < count; s++) {
      const at = sp[s] * st + b, x1 = qp[at + 1];
      let x = qp[at];
      for (; x + 7 < x1; x += 8) {
        g[post[x]] += c; g[post[x + 1]] += c; g[post[x + 2]] += c; g[post[x + 3]] += c;
        g[post[x + 4]] += c; g[post[x + 5]] += c; g[post[x + 6]] += c; g[post[x + 7]] += c;
      }
      for (; x < x1; x++) g[post[x]] += c;
    }
  } else {
    for (let s = 0; s < count; s++) {
      const at = sp[s] * st + b, x1 = qp[at + 1];
      let x = qp[at];
      for (; x + 7 < x1; x += 8) {
        g[post[x]] += w[x]; g[post[x + 1]] += w[x + 1]; g[post[x + 2]] += w[x + 2]; g[post[x + 3]] += w[x + 3];
        g[post[x + 4]] += w[x + 4]; g[post[x + 5]] += w[x + 5]; g[post[x + 6]] += w[x + 6]; g[post[x + 7]] += w[x + 7];
      }
      for (; x < x1; x++) g[post[x]] += w[x];
    }
  }
}
// block b: the deferred deliveries into its post range (in the order they were deferred), then
// its neurons of the population's update
function runBlock(b) {
  const nd = ctrl[NDEL];
  for (let k = 0; k < nd; k++) deliver(tasks[ctrl[DELIV + 2 * k]], ctrl[DELIV + 2 * k + 1], b);
  const id = ctrl[TASK];
  if (id >= 0) runTask(tasks[id], b);
}
// the block's copy of the population-wide values, random numbers and constants is refreshed
// when their version (the last number of params) changed since the block last ran here
function runTask(task, b) {
  const P = task.params, blk = task.blocks[b], S = blk.S, version = P[P.length - 1];
  if (blk.seen !== version) {
    const G = S.global, R = S.rand, gs = task.globals, rs = task.randNumbers, cs = task.constants;
    let j = 0;
    for (let k = 0; k < gs.length; k++) G[gs[k]] = P[j++];
    for (let k = 0; k < rs.length; k++) R[rs[k]] = P[j++];
    for (let k = 0; k < cs.length; k++) cs[k].value = P[j++];
    blk.seen = version;
  }
  S.nSpiked = 0;
  (ctrl[LEAN] === 1 ? blk.lean : blk.full)(ctrl[STEP]);
  ctrl[RESULT + b] = S.nSpiked | 0;
}
// this thread's blocks of command gen, from the first, until none is left; how many it ran (0:
// the calling thread took them all, or the command is over, and nobody waits for this thread)
function runBlocks(gen) {
  const at = CLAIM + rank, g16 = gen & 0xffff, first = 1 + (rank - 1) * NB;
  let ran = 0;
  for (;;) {
    const w = Atomics.load(ctrl, at);
    if ((w >>> 16) !== g16 || (w & 255) + ((w >>> 8) & 255) >= NB) return ran;
    if (Atomics.compareExchange(ctrl, at, w, w + 1) !== w) continue;
    ran++;
    try {
      runBlock(first + (w & 255));
    } catch (e) {
      fail(e);
    }
  }
}
function loop(gen) {
  const at = STATS * rank;
  let idleFrom = -1;
  for (;;) {
    let k = 0;
    while (Atomics.load(ctrl, GEN) === gen) {
      if (++k > spin) {
        // announced before the wait checks GEN: a command either sees it and notifies, or
        // changed GEN before, and the wait returns at once
        Atomics.add(ctrl, WSLEEP, 1);
        Atomics.wait(ctrl, GEN, gen);
        Atomics.sub(ctrl, WSLEEP, 1);
        stats[at + 3]++;
      }
    }
    gen = Atomics.load(ctrl, GEN);
    const cmd = ctrl[CMD];
    if (cmd === RUN) {
      const timed = ctrl[TIMING] === 1;
      let t0 = 0;
      if (timed) t0 = performance.now();
      const ran = runBlocks(gen);
      // the calling thread ran every block (or the command is over): it does not wait for this one
      if (ran === 0) continue;
      if (timed) {
        if (idleFrom >= 0) stats[at + 1] += t0 - idleFrom;
        idleFrom = performance.now();
        stats[at] += idleFrom - t0;
      } else idleFrom = -1;
      stats[at + 4]++;
      stats[at + 5] += ran;
      done();
    } else if (cmd === YIELD) {
      done();
      return;
    } else {
      done();
      if (__host.exit) __host.exit();
      return;
    }
  }
}
__host.onMessage((m) => {
  try {
    if (m.type === 'init') {
      ctrl = new Int32Array(m.ctrl);
      rank = m.rank;
      spin = m.spin;
      errorBytes = new Uint8Array(m.error);
      stats = new Float64Array(m.stats);
    } else if (m.type === 'task') {
      tasks[m.id] = buildTask(m);
    } else if (m.type === 'drop') {
      tasks[m.id] = undefined;
    }
  } catch (e) {
    fail(e);
  }
  if (m.ack) done();
  if (m.loop) loop(m.gen);
});
`;
