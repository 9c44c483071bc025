import { config, Observable, Subscriber, type Observer, type Operator, type Subscription } from 'rxjs';

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
 * `simulate$` and `experiment$` are ProducerObservables too: a consumer that throws stops the
 * run (issue 18 item 7). An error that reaches a subscriber without an error handler is
 * reported as RxJS reports it (`config.onUnhandledError`, else thrown on an empty stack).
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
          faults?.errors.push(e);
          throw e;
        }
      },
      error: (e: unknown) => {
        if (o.error) o.error(e);
        else if (faults !== undefined) {
          faults.errors.push(e);
          if (faults.report) reportUnhandledError(e);
        } else reportUnhandledError(e);
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

/**
 * What RxJS 7 does with an error no subscriber handles (its internal `reportUnhandledError`):
 * hand it to `config.onUnhandledError` if the application set one, else throw it on an empty
 * stack. Read, never set: the application's configuration is its own.
 */
function reportUnhandledError(e: unknown): void {
  setTimeout(() => {
    const handler = config.onUnhandledError;
    if (handler) handler(e);
    else throw e;
  });
}

/** Exceptions of subscribers noted during one {@link deliver} call; `report`: see {@link deliver}. */
interface FaultNote { errors: unknown[]; report: boolean }

/** The note of the {@link deliver} call under way (deliveries are synchronous and nest as a stack). */
let faults: FaultNote | undefined;
/** Notes reused by depth of nesting: a delivery per simulation step allocates nothing. */
const notes: FaultNote[] = [];
let depth = 0;

/**
 * Deliver `value` to `subscriber` of a {@link ProducerObservable}; an exception of a subscriber
 * becomes a {@link StreamSubscriberError} thrown here. `where` is a text or a step number
 * (`at step N`, formatted only when something failed).
 *
 * `report` is for producers that run inside a subscription themselves (`simulate$`): they can
 * only pass the error on as the stream's error, and an operator between them and a subscriber
 * without an error handler has already stopped the chain, so such an exception is also reported
 * as RxJS reports an unhandled error. Producers with a caller to throw to (a monitor stream
 * driven by `simulate()`) leave it false.
 *
 * @example
 * ```ts
 * new ProducerObservable<number>((s) => deliver(s, 1, 'counter$', 'at step 0'));
 * ```
 */
export function deliver<T>(subscriber: Subscriber<T>, value: T, stream: string, where: string | number, report = false): void {
  const outer = faults;
  let note = notes[depth];
  if (note === undefined) note = notes[depth] = { errors: [], report };
  note.report = report;
  faults = note;
  depth++;
  try {
    subscriber.next(value);
  } catch (e) {
    note.errors.push(e);
  }
  depth--;
  faults = outer;
  if (note.errors.length > 0) {
    const e = note.errors[0];
    note.errors.length = 0;
    throw e instanceof StreamSubscriberError ? e : new StreamSubscriberError(stream, typeof where === 'number' ? `at step ${where}` : where, e);
  }
}
