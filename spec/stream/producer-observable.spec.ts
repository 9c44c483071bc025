import { expect } from 'chai';
import { map, filter } from 'rxjs';
import { deliver, ProducerObservable, StreamSubscriberError } from '../../src/stream/producer-observable.js';

/** A producer that emits 1, 2, 3 and reports what went wrong while delivering. */
function source(errors: unknown[]) {
  return new ProducerObservable<number>((s) => {
    for (const v of [1, 2, 3]) {
      try {
        deliver(s, v, 'test$', `at ${v}`);
      } catch (e) {
        errors.push(e);
        return;
      }
    }
    s.complete();
  });
}

describe('monitors/producer-observable', () => {
  it('a throwing subscriber (function, observer, after operators) reaches the producer as a StreamSubscriberError', () => {
    for (const subscribe of [
      (o: ProducerObservable<number>) => o.subscribe((v) => { if (v === 2) throw new Error('bad'); }),
      (o: ProducerObservable<number>) => o.subscribe({ next: (v) => { if (v === 2) throw new Error('bad'); } }),
      (o: ProducerObservable<number>) => o.pipe(filter((v) => v > 1), map((v) => v * 10)).subscribe((v) => { if (v === 20) throw new Error('bad'); }),
      (o: ProducerObservable<number>) => o.pipe(map((v) => { if (v === 2) throw new Error('bad'); return v; })).subscribe(),
    ]) {
      const errors: unknown[] = [];
      subscribe(source(errors));
      expect(errors).to.have.length(1);
      expect(errors[0]).to.be.instanceOf(StreamSubscriberError);
      expect((errors[0] as Error).message).to.equal('test$: a subscriber threw at 2: bad');
      expect(((errors[0] as Error).cause as Error).message).to.equal('bad');
    }
  });

  it('a subscriber that handles errors gets them as usual and the producer goes on', () => {
    const errors: unknown[] = [];
    const seen: unknown[] = [];
    const done: boolean[] = [];
    source(errors).pipe(map((v) => { if (v === 2) throw new Error('bad'); return v; })).subscribe({ next: (v) => seen.push(v), error: (e) => seen.push((e as Error).message), complete: () => done.push(true) });
    expect(seen).to.deep.equal([1, 'bad']);
    expect(errors).to.deep.equal([]);
    expect(done).to.deep.equal([]);
    const all: number[] = [];
    source(errors).subscribe({ next: (v) => all.push(v), complete: () => done.push(true) });
    expect(all).to.deep.equal([1, 2, 3]);
    expect(done).to.deep.equal([true]);
  });
});
