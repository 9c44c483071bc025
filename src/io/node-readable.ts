import { Readable } from 'node:stream';
import { from, type Observable, type Subscription } from 'rxjs';
import { addRunGate } from '../stream/run-gate.js';
import { checkReadableOptions, type ReadableAdapterOptions } from '../stream/web-streams.js';

/**
 * An Observable as a Node `Readable` (object mode: each value is one chunk; strings and bytes
 * pipe into HTTP responses, files and sockets as they are): subscribing starts at the first
 * read, completion ends the stream, an error destroys it with that error, and destroying it
 * (`res.on('close')`, `pipeline` failing) unsubscribes, which stops a simulation. With
 * `network`, while the stream's buffer is full the simulation's scheduled runs wait
 * (backpressure down to the simulation).
 *
 * @example
 * ```ts
 * toNodeReadable(frames$.pipe(map((f) => `data: ${f.t}\n\n`)), { network: net }).pipe(res);
 * ```
 */
export function toNodeReadable<T>(source: Observable<T>, opts: ReadableAdapterOptions = {}): Readable {
  const { hwm, max } = checkReadableOptions('toNodeReadable', opts);
  let sub: Subscription | undefined;
  let removeGate: (() => void) | undefined;
  let wake: (() => void) | undefined;
  let full = false;
  const release = (): void => {
    full = false;
    wake?.();
    wake = undefined;
  };
  const readable: Readable = new Readable({
    objectMode: true,
    highWaterMark: hwm,
    read() {
      release();
      if (sub !== undefined) return;
      if (opts.network !== undefined) removeGate = addRunGate(opts.network, () => (full ? new Promise<void>((resolve) => (wake = resolve)) : undefined));
      sub = source.subscribe({
        next: (v) => {
          if (readable.destroyed) return;
          if (readable.readableLength >= max) {
            readable.destroy(new Error(`toNodeReadable: ${readable.readableLength} values wait to be read (maxQueued ${max}); the reader is too slow`));
            return;
          }
          if (!readable.push(v)) full = true;
        },
        error: (e) => readable.destroy(e instanceof Error ? e : new Error(String(e))),
        complete: () => {
          if (!readable.destroyed) readable.push(null);
        },
      });
      // destroyed by a synchronous source before subscribe() returned its subscription
      if (readable.destroyed) sub.unsubscribe();
    },
    destroy(err, cb) {
      sub?.unsubscribe();
      removeGate?.();
      release();
      cb(err);
    },
  });
  readable.on('end', () => {
    removeGate?.();
    release();
  });
  return readable;
}

/**
 * A Node `Readable` as an Observable of its chunks; unsubscribing destroys the stream.
 *
 * @example
 * ```ts
 * fromNodeReadable<Buffer>(createReadStream('run.arrow')).subscribe((chunk) => console.log(chunk.length));
 * ```
 */
export function fromNodeReadable<T>(readable: Readable): Observable<T> {
  // a Readable is an async iterable: RxJS reads it, and returning from the iteration (unsubscribe) destroys it
  return from(readable as AsyncIterable<T>);
}
