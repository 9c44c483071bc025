import { Observable, type Subscription } from 'rxjs';
import type { Network } from '../engine/network.js';
import { addRunGate } from './run-gate.js';

/**
 * Options of {@link toReadableStream} and `toNodeReadable`.
 *
 * @example
 * ```ts
 * const opts: ReadableAdapterOptions = { highWaterMark: 16, network: net };
 * ```
 */
export interface ReadableAdapterOptions {
  /** Values the stream queues before it asks for a pause (default 16). */
  highWaterMark?: number;
  /**
   * The network of the simulation behind the Observable: while the stream's queue is full, its
   * runs on a scheduler wait before their next chunk (backpressure down to the simulation).
   * Without it the values queue up (an Observable cannot be paused).
   */
  network?: Network;
  /**
   * Values queued at most; more fails the stream with an error saying so instead of growing
   * memory (default Infinity; with `network` a scheduled run never gets there).
   */
  maxQueued?: number;
}

/** Validated options. @example checkReadableOptions('toNodeReadable', { highWaterMark: 8 }); // { hwm: 8, max: Infinity } */
export function checkReadableOptions(where: string, opts: ReadableAdapterOptions): { hwm: number; max: number } {
  const hwm = opts.highWaterMark ?? 16;
  if (!Number.isInteger(hwm) || hwm < 1) throw new Error(`${where}: highWaterMark must be a positive integer, got ${String(opts.highWaterMark)}`);
  const max = opts.maxQueued ?? Infinity;
  if (!(max >= hwm)) throw new Error(`${where}: maxQueued must be at least highWaterMark (${hwm}), got ${String(opts.maxQueued)}`);
  return { hwm, max };
}

/**
 * An Observable as a Web `ReadableStream`: subscribing starts when the stream is first read
 * from, each value is one chunk, completion closes the stream and an error errors it;
 * cancelling the stream unsubscribes (and so stops a simulation). With `network`, a full queue
 * makes the simulation's scheduled runs wait.
 *
 * @example
 * ```ts
 * const body = toReadableStream(mon.samples$({ every: 100 }).pipe(map((b) => JSON.stringify(b.t))), { network: net });
 * return new Response(body.pipeThrough(new TextEncoderStream()));
 * ```
 */
export function toReadableStream<T>(source: Observable<T>, opts: ReadableAdapterOptions = {}): ReadableStream<T> {
  const { hwm, max } = checkReadableOptions('toReadableStream', opts);
  let sub: Subscription | undefined;
  let removeGate: (() => void) | undefined;
  let wake: (() => void) | undefined;
  let queued = 0;
  let over = false;
  let ctl: ReadableStreamDefaultController<T>;
  const end = (): void => {
    removeGate?.();
    removeGate = undefined;
    wake?.();
  };
  return new ReadableStream<T>({
    start(controller) {
      ctl = controller;
    },
    pull() {
      wake?.();
      wake = undefined;
      if (sub !== undefined) return;
      if (opts.network !== undefined) {
        removeGate = addRunGate(opts.network, () => ((ctl.desiredSize ?? 1) > 0 ? undefined : new Promise<void>((resolve) => (wake = resolve))));
      }
      sub = source.subscribe({
        next: (v) => {
          if (over) return;
          queued = hwm - (ctl.desiredSize ?? 0);
          if (queued >= max) {
            over = true;
            sub?.unsubscribe();
            end();
            ctl.error(new Error(`toReadableStream: ${queued} values wait to be read (maxQueued ${max}); the reader is too slow`));
            return;
          }
          ctl.enqueue(v);
        },
        error: (e) => {
          if (over) return;
          end();
          ctl.error(e);
        },
        complete: () => {
          if (over) return;
          end();
          ctl.close();
        },
      });
      // a synchronous source overran before subscribe() returned its subscription
      if (over) sub.unsubscribe();
    },
    cancel() {
      over = true;
      sub?.unsubscribe();
      end();
    },
  }, new CountQueuingStrategy({ highWaterMark: hwm }));
}

/**
 * A Web `ReadableStream` as an Observable: each chunk is a value; unsubscribing cancels the
 * stream. Cold: every subscription reads the stream (which can be read once).
 *
 * @example
 * ```ts
 * fromReadableStream(response.body!.pipeThrough(new TextDecoderStream())).subscribe(console.log);
 * ```
 */
export function fromReadableStream<T>(stream: ReadableStream<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const reader = stream.getReader();
    let done = false;
    const pump = (): void => {
      reader.read().then(
        (r) => {
          if (subscriber.closed) return;
          if (r.done) {
            done = true;
            subscriber.complete();
            return;
          }
          subscriber.next(r.value);
          pump();
        },
        (e: unknown) => {
          done = true;
          subscriber.error(e);
        },
      );
    };
    pump();
    return () => {
      if (!done) reader.cancel().catch(() => {});
      reader.releaseLock?.();
    };
  });
}
