import { splitBlocks } from './parallel-update.js';
import type { DeferredDelivery, ThreadPool } from './thread-pool.js';

/**
 * Post ranks of a projection's inverse connectivity (projection.ts, and shared with the kernel
 * threads here): 2 bytes each when the post population has at most 65536 neurons, else 4. The
 * delivery loops read a row of them per spike; half the bytes leave more of them, and of the
 * state the update streams through, in the caches (150 random rows of COBA 16000 on one thread:
 * 38 against 47 us, 140 against 165 us from cold caches).
 */
export type PostRanks = Int32Array | Uint16Array;

/**
 * `g[post] += w` over the synapses of `spikes[0..count)` whose post-synaptic rank lies in the
 * blocks `[q0, q1)` of a command (`splitBlocks`): row `r`'s entries
 * `[qPtr[r * stride + q0], qPtr[r * stride + q1])`. With `q0 = 0, q1 = blocks` this is the whole
 * row, in the order of one thread.
 *
 * @example
 * ```ts
 * deliverRange(spikes, count, qPtr, 3, 0, 1, post, w, false, g);
 * ```
 */
export function deliverRange(spikes: Int32Array, count: number, qPtr: Int32Array, stride: number, q0: number, q1: number, post: PostRanks, w: Float64Array, constant: boolean, g: Float64Array): void {
  // eight synapses per iteration, as the one-thread loops of projection.ts (TurboFan re-checks
  // every typed array after each iteration); the additions stay in synapse order. Kept apart from
  // those loops (which this one with stride 1, q0 0, q1 1 would equal) so that each stays fed
  // with one array kind in a network of one size: a loop seeing both turns its loads polymorphic
  if (constant) {
    const c = w[0]!;
    for (let s = 0; s < count; s++) {
      const at = spikes[s]! * stride;
      const x1 = qPtr[at + q1]!;
      let x = qPtr[at + q0]!;
      for (; x + 7 < x1; x += 8) {
        g[post[x]!]! += c;
        g[post[x + 1]!]! += c;
        g[post[x + 2]!]! += c;
        g[post[x + 3]!]! += c;
        g[post[x + 4]!]! += c;
        g[post[x + 5]!]! += c;
        g[post[x + 6]!]! += c;
        g[post[x + 7]!]! += c;
      }
      for (; x < x1; x++) g[post[x]!]! += c;
    }
  } else {
    for (let s = 0; s < count; s++) {
      const at = spikes[s]! * stride;
      const x1 = qPtr[at + q1]!;
      let x = qPtr[at + q0]!;
      for (; x + 7 < x1; x += 8) {
        g[post[x]!]! += w[x]!;
        g[post[x + 1]!]! += w[x + 1]!;
        g[post[x + 2]!]! += w[x + 2]!;
        g[post[x + 3]!]! += w[x + 3]!;
        g[post[x + 4]!]! += w[x + 4]!;
        g[post[x + 5]!]! += w[x + 5]!;
        g[post[x + 6]!]! += w[x + 6]!;
        g[post[x + 7]!]! += w[x + 7]!;
      }
      for (; x < x1; x++) g[post[x]!]! += w[x]!;
    }
  }
}

const shared = <T extends Int32Array | Uint16Array | Float64Array>(a: T): T => {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
};

/**
 * The plain spike delivery of a projection (`g_target += w`, non-plastic) split over the
 * network's kernel threads by post-synaptic neuron: thread q adds the synapses whose post rank
 * lies in its range, spike by spike in the order of the spike list. Each `g` element is thus
 * summed by one thread in the order of one thread: bit-identical. The delivery is deferred to
 * the next command of the threads (the post population's update, whose ranges are the same):
 * a step of the post population costs one barrier, and no thread reads what another writes.
 * Needs every row's post ranks ascending (the inverse connectivity of a compressed-row
 * projection): otherwise {@link ParallelDelivery.prepare} says no and the projection delivers
 * on one thread.
 *
 * @example
 * ```ts
 * const d = new ParallelDelivery(pool, post.size);
 * if (d.prepare(invPtr, invPost, w, constant, g)) d.defer(spikes, count);
 * ```
 */
export class ParallelDelivery implements DeferredDelivery {
  private readonly ranges: [number, number][];
  private readonly stride: number;
  private task = -1;
  private spikes: Int32Array = new Int32Array(0);
  private qPtr: Int32Array = new Int32Array(0);
  private post: PostRanks = new Int32Array(0);
  private w: Float64Array = new Float64Array(0);
  private g: Float64Array = new Float64Array(0);
  private constant = false;
  private from: { ptr: Int32Array; post: PostRanks; w: Float64Array; g: Float64Array; constant: boolean } | undefined;
  /** Steps whose delivery ran split (the others ran on one thread, flushed with few synapses). */
  splitRuns = 0;
  /** False once a row turned out not sorted by post rank. */
  possible = true;

  constructor(private readonly pool: ThreadPool, postSize: number) {
    this.ranges = splitBlocks(postSize, pool.ranks);
    this.stride = pool.blocks + 1;
  }

  /**
   * Make the threads deliver for these arrays (again only if they changed since the last call);
   * false if the rows are not sorted by post rank (then deliver on one thread).
   */
  prepare(ptr: Int32Array, post: PostRanks, w: Float64Array, constant: boolean, g: Float64Array): boolean {
    const f = this.from;
    if (f && f.ptr === ptr && f.post === post && f.w === w && f.g === g && f.constant === constant) return true;
    if (!this.possible) return false;
    // a deferred delivery must not see its arrays change (nor its task dropped) before it ran
    if (this.pool.isDeferred(this)) this.pool.flush();
    if (!f || f.ptr !== ptr || f.post !== post) {
      const nPre = ptr.length - 1, T = this.pool.blocks, stride = this.stride;
      const qPtr = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, nPre * stride)));
      for (let r = 0; r < nPre; r++) {
        let x = ptr[r]!;
        const x1 = ptr[r + 1]!;
        for (let q = 0; q < T; q++) {
          qPtr[r * stride + q] = x;
          const end = this.ranges[q]![1];
          while (x < x1 && post[x]! < end) {
            if (x > ptr[r]! && post[x]! < post[x - 1]!) {
              this.possible = false;
              return false;
            }
            x++;
          }
        }
        qPtr[r * stride + T] = x1;
      }
      this.qPtr = qPtr;
      this.post = shared(post);
      this.spikes = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, nPre)));
    }
    if (!(g.buffer instanceof SharedArrayBuffer)) return false;
    this.w = shared(w);
    this.g = g;
    this.constant = constant;
    this.from = { ptr, post, w, g, constant };
    if (this.task >= 0) this.pool.send(Array.from({ length: this.pool.ranks - 1 }, () => ({ type: 'drop', id: this.task })));
    this.task = this.pool.taskId();
    const message = {
      type: 'task', kind: 'deliver', id: this.task, spikes: this.spikes.buffer, qPtr: this.qPtr.buffer, stride: this.stride,
      post: this.post.buffer, post16: this.post instanceof Uint16Array, w: this.w.buffer, constant, g: { buffer: g.buffer, byteOffset: g.byteOffset, length: g.length },
    };
    this.pool.send(Array.from({ length: this.pool.ranks - 1 }, () => message));
    return true;
  }

  /**
   * Deliver `spikes[0..count)` (after {@link ParallelDelivery.prepare}) with the threads' next
   * command: the ranks are copied now, the additions run before the post population's update
   * (or at a flush).
   */
  defer(spikes: Int32Array, count: number): void {
    if (count === 0) return;
    // deferred already this step (a second spike list: axonal spikes): that one runs first,
    // before its ranks are overwritten
    if (this.pool.isDeferred(this)) this.pool.flush();
    // the synapse count (a flush splits only many) reads each spike's row bounds here: counted
    // in the flush instead, the steps were no faster (the misses moved to the calling thread's
    // own delivery; in-process A/B of 60-100 windows, 1.004-1.031x the time)
    const own = this.spikes, qPtr = this.qPtr, stride = this.stride, T = this.pool.blocks;
    let events = 0;
    for (let s = 0; s < count; s++) {
      const r = spikes[s]!;
      own[s] = r;
      events += qPtr[r * stride + T]! - qPtr[r * stride]!;
    }
    this.pool.defer(this, this.task, count, events);
  }

  /** The additions of blocks `[q0, q1)` of the deferred spikes (called by the pool). */
  deliverRanges(q0: number, q1: number, count: number): void {
    deliverRange(this.spikes, count, this.qPtr, this.stride, q0, q1, this.post, this.w, this.constant, this.g);
  }
}
