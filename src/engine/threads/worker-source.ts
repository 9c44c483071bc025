/**
 * The script a kernel thread runs (a classic script, evaluated with a global `__host` that the
 * entry's spawner sets up). Plain JavaScript text so that it needs no module loader or bundler
 * in the thread, like the generated kernels it evaluates with `new Function`.
 *
 * Protocol: setup messages (arrays, kernel sources, WebAssembly bytes) arrive while the thread
 * listens on its event loop; a message with `loop` sends it into a loop that blocks on the
 * shared control word `GEN` (`Atomics.wait` after a short spin) and runs one command per
 * generation: RUN (the deferred spike deliveries listed in `DELIV`, then a population's slice of
 * one step unless `TASK` is -1), YIELD (back to the event loop for more setup messages), EXIT.
 * A step of a split population with its deliveries is thus one command and one barrier.
 */

/** Deliveries one command can carry (more are flushed first: see `ThreadPool.defer`). */
export const MAX_DEFERRED = 64;
/**
 * Indices into the shared control array (`Int32Array`, `END` words): `NDEL` deferred deliveries
 * as pairs (task id, spike count) from `DELIV`, rank r's spike count at `RESULT + r` (r >= 1).
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
  // ... the threads' answers (count, spike counts of ranks 1..255) start on the next (64 bytes on)
  DONE: 16, RESULT: 16,
  /**
   * Rank r's chunk of the open command at `CLAIM + r`: the command's generation while nobody
   * took it, then -1 (its thread took it) or -2 (the calling thread ran it: it had finished its
   * own part before that thread started, which was asleep or not scheduled).
   */
  CLAIM: 16 + 256,
  DELIV: 16 + 512, END: 16 + 512 + 2 * MAX_DEFERRED,
} as const;
/** Commands in `CTRL.CMD`. */
export const CMD = { RUN: 1, YIELD: 2, EXIT: 3 } as const;
/**
 * Numbers per rank in the shared statistics (`Float64Array`): ms busy in commands, ms between
 * commands (spinning, blocked or, for rank 0, the rest of the step), ms waiting at the barrier
 * (rank 0) — these three only while `CTRL.TIMING` is 1 —, blocking waits, commands (rank 0:
 * all; the others: those they ran), chunks of other ranks rank 0 ran (see `ThreadPool.stats`).
 */
export const STATS = 6;
/** Bytes of the shared buffer a failing thread writes its error message into. */
export const ERROR_BYTES = 2048;

/** The thread's script. */
export const KERNEL_WORKER_SOURCE = `
'use strict';
const GEN = ${CTRL.GEN}, CMD = ${CTRL.CMD}, TASK = ${CTRL.TASK}, STEP = ${CTRL.STEP}, LEAN = ${CTRL.LEAN}, DONE = ${CTRL.DONE}, ERROR = ${CTRL.ERROR}, NDEL = ${CTRL.NDEL}, CLAIM = ${CTRL.CLAIM}, TIMING = ${CTRL.TIMING}, WSLEEP = ${CTRL.WSLEEP}, MSLEEP = ${CTRL.MSLEEP}, DELIV = ${CTRL.DELIV}, RESULT = ${CTRL.RESULT};
const STATS = ${STATS};
const RUN = ${CMD.RUN}, YIELD = ${CMD.YIELD}, EXIT = ${CMD.EXIT};
const tasks = [];
let ctrl, rank = 0, spin = 0, errorBytes, stats;
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
    return { deliver: true, spikes: new Int32Array(m.spikes), qPtr: new Int32Array(m.qPtr), stride: m.stride, post: new Int32Array(m.post), w: new Float64Array(m.w), constant: m.constant, g: new Float64Array(m.g.buffer, m.g.byteOffset, m.g.length) };
  }
  const S = { size: m.size, dt: m.dt, local: {}, global: {}, rand: {}, nSpiked: 0 };
  const buffer = m.memory ? m.memory.buffer : undefined;
  for (const a of m.arrays) {
    const v = new typed[a.kind](buffer || a.buffer, a.byteOffset, a.length);
    if (a.key.startsWith('local:')) S.local[a.key.slice(6)] = v;
    else if (a.key.startsWith('rand:')) S.rand[a.key.slice(5)] = v;
    else S[a.key] = v;
  }
  for (const g of m.globals) S.global[g] = 0;
  for (const r of m.randNumbers) S.rand[r] = 0;
  if (m.memory) S.heap = { memory: m.memory, scratch: m.scratch, shared: true };
  const constants = m.constants.map(() => ({ value: 0 }));
  const C = new Map(m.constants.map((c, k) => [c, constants[k]]));
  let binding;
  const bind = (st, arrays, imports) => {
    if (!binding) {
      const f = {};
      imports.forEach((fn, k) => { f[String(k)] = fn; });
      const ex = new WebAssembly.Instance(new WebAssembly.Module(m.wasm.bytes), { e: { m: m.memory }, f }).exports;
      binding = { ready: true, P: new Float64Array(m.memory.buffer, m.wasm.params, m.wasm.nParams), full: ex.full, lean: ex.lean, bytes: m.wasm.bytes };
    }
    return binding;
  };
  const make = (src) => (src === undefined ? undefined : m.wasm ? new Function('S', 'C', '__bind', src)(S, C, bind) : new Function('S', 'C', src)(S, C));
  return { S, constants, globals: m.globals, randNumbers: m.randNumbers, params: new Float64Array(m.params), full: make(m.full), lean: make(m.lean) };
}
// the loops of deliverRange (parallel-delivery.ts) for this thread's post range
function deliver(task, count) {
  const sp = task.spikes, qp = task.qPtr, st = task.stride, post = task.post, w = task.w, g = task.g;
  if (task.constant) {
    const c = w[0];
    for (let s = 0; s < count; s++) {
      const at = sp[s] * st + rank, x1 = qp[at + 1];
      let x = qp[at];
      for (; x + 7 < x1; x += 8) {
        g[post[x]] += c; g[post[x + 1]] += c; g[post[x + 2]] += c; g[post[x + 3]] += c;
        g[post[x + 4]] += c; g[post[x + 5]] += c; g[post[x + 6]] += c; g[post[x + 7]] += c;
      }
      for (; x < x1; x++) g[post[x]] += c;
    }
  } else {
    for (let s = 0; s < count; s++) {
      const at = sp[s] * st + rank, x1 = qp[at + 1];
      let x = qp[at];
      for (; x + 7 < x1; x += 8) {
        g[post[x]] += w[x]; g[post[x + 1]] += w[x + 1]; g[post[x + 2]] += w[x + 2]; g[post[x + 3]] += w[x + 3];
        g[post[x + 4]] += w[x + 4]; g[post[x + 5]] += w[x + 5]; g[post[x + 6]] += w[x + 6]; g[post[x + 7]] += w[x + 7];
      }
      for (; x < x1; x++) g[post[x]] += w[x];
    }
  }
}
// this thread's post range of the deferred deliveries (in the order they were deferred), then
// its neuron range of the population's update
function runCommand() {
  const nd = ctrl[NDEL];
  for (let k = 0; k < nd; k++) deliver(tasks[ctrl[DELIV + 2 * k]], ctrl[DELIV + 2 * k + 1]);
  const id = ctrl[TASK];
  if (id >= 0) runTask(tasks[id]);
}
function runTask(task) {
  const P = task.params, S = task.S, G = S.global, R = S.rand, gs = task.globals, rs = task.randNumbers, cs = task.constants;
  let j = 0;
  for (let k = 0; k < gs.length; k++) G[gs[k]] = P[j++];
  for (let k = 0; k < rs.length; k++) R[rs[k]] = P[j++];
  for (let k = 0; k < cs.length; k++) cs[k].value = P[j++];
  S.nSpiked = 0;
  (ctrl[LEAN] === 1 ? task.lean : task.full)(ctrl[STEP]);
  ctrl[RESULT + rank] = S.nSpiked | 0;
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
      // the calling thread may have run this chunk already (or be writing the next command)
      if (Atomics.compareExchange(ctrl, CLAIM + rank, gen, -1) !== gen) continue;
      const timed = ctrl[TIMING] === 1;
      let t0 = 0;
      if (timed) {
        t0 = performance.now();
        if (idleFrom >= 0) stats[at + 1] += t0 - idleFrom;
      }
      try {
        runCommand();
      } catch (e) {
        fail(e);
      }
      if (timed) {
        idleFrom = performance.now();
        stats[at] += idleFrom - t0;
      } else idleFrom = -1;
      stats[at + 4]++;
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
