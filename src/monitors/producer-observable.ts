import { Observable, Subscriber, type Observer, type Operator, type Subscription } from 'rxjs';

/**
 * An Observable whose subscribers' exceptions reach the producer. RxJS 7 catches an exception
 * thrown by a subscriber's `next` and rethrows it later on an empty stack (in Node: an uncaught
 * exception); a recording stream must instead stop the simulation that feeds it, with an error
 * that names the stream (issue 19). So a subscriber given as functions or a partial observer is
 * wrapped in a plain `Subscriber` that notes, for the `deliver` call under way, an exception
 * of its `next` and an error notification it has no handler for. Operators keep the class
 * (`lift`), so `samples$().pipe(map(f)).subscribe(g)` behaves the same: `g` throwing, or `f`
 * throwing without an error handler downstream, reaches the producer. (Operators catch what
 * their downstream throws, so the note is taken where it happens, not from the call stack.)
 *
 * @example
 * ```ts
 * const o = new ProducerObservable<number>((s) => {
 *   try { s.next(1); } catch (e) { console.log('the subscriber threw', e); }
 * });
 * o.subscribe(() => { throw new Error('bad'); }); // logs: the subscriber threw Error: bad
 * ```
 */
export class ProducerObservable<T> extends Observable<T> {
  override lift<R>(operator?: Operator<T, R>): Observable<R> {
    const o = new ProducerObservable<R>();
    // `source`/`operator` are how RxJS 7 chains operators (Observable.lift does the same)
    (o as unknown as { source: Observable<T> }).source = this;
    (o as unknown as { operator?: Operator<T, R> }).operator = operator;
    return o;
  }

  /** As Observable's `subscribe`, with the subscriber's exceptions noted for the producer. */
  override subscribe(observerOrNext?: Partial<Observer<T>> | ((value: T) => void) | null, error?: ((e: unknown) => void) | null, complete?: (() => void) | null): Subscription {
    if (observerOrNext instanceof Subscriber) return super.subscribe(observerOrNext);
    const o: Partial<Observer<T>> = typeof observerOrNext === 'function' || observerOrNext === undefined || observerOrNext === null
      ? { next: observerOrNext ?? undefined, error: error ?? undefined, complete: complete ?? undefined }
      : observerOrNext;
    return super.subscribe(new Subscriber<T>({
      next: (v: T) => {
        try {
          o.next?.(v);
        } catch (e) {
          faults?.push(e);
          throw e;
        }
      },
      error: (e: unknown) => {
        if (o.error) o.error(e);
        else if (faults !== undefined) faults.push(e);
        else throw e;
      },
      complete: () => o.complete?.(),
    }));
  }
}

/**
 * Thrown by a recording stream when one of its subscribers threw: names the stream and the step.
 *
 * @example
 * ```ts
 * try { simulate(100); } catch (e) { if (e instanceof StreamSubscriberError) console.log(e.stream, e.cause); }
 * ```
 */
export class StreamSubscriberError extends Error {
  /** The stream whose subscriber threw, e.g. `CompNeuroMonitors.samples$ (pop)`. */
  readonly stream: string;

  constructor(stream: string, where: string, cause: unknown) {
    super(`${stream}: a subscriber threw ${where}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StreamSubscriberError';
    this.stream = stream;
  }
}

/** Exceptions of subscribers noted during the {@link deliver} call under way (deliveries are synchronous). */
let faults: unknown[] | undefined;

/**
 * Deliver `value` to `subscriber` of a {@link ProducerObservable}; an exception of a subscriber
 * becomes a {@link StreamSubscriberError} thrown here.
 *
 * @example
 * ```ts
 * new ProducerObservable<number>((s) => deliver(s, 1, 'counter$', 'at step 0'));
 * ```
 */
export function deliver<T>(subscriber: Subscriber<T>, value: T, stream: string, where: string): void {
  const outer = faults;
  const mine: unknown[] = [];
  faults = mine;
  try {
    subscriber.next(value);
  } catch (e) {
    mine.push(e);
  } finally {
    faults = outer;
  }
  if (mine.length > 0) {
    const e = mine[0];
    throw e instanceof StreamSubscriberError ? e : new StreamSubscriberError(stream, where, e);
  }
}
