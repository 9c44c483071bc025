import type { Observable, Subscriber } from 'rxjs';
import { Monitor, type MonitorTap } from '../engine/monitor.js';
import { RecordedArray } from './recorded-array.js';
import type { SpikeDict } from './recordings.js';
import { deliver, ProducerObservable } from '../stream/producer-observable.js';
import { checkEvery, SampleBlockBuilder, SpikeEventTap, type SampleBlock, type SamplesOptions, type SpikeEvent } from './sample-stream.js';

/**
 * A chunk of an engine {@link Monitor} as its `chunks$` emits it: the data that left the monitor,
 * handed out by `get()` (only the variables asked for) or dropped by `reset()`/`stop()`/a network
 * reset (`dropped`, every variable that had data).
 *
 * @example
 * ```ts
 * m.chunks$().subscribe((c) => console.log(c.chunk, c.dropped, Object.keys(c.data)));
 * ```
 */
export interface MonitorChunk {
  /** Number of chunks emitted before this one to this subscriber. */
  readonly chunk: number;
  /** True if the data was dropped instead of handed out. */
  readonly dropped: boolean;
  readonly data: Readonly<Record<string, RecordedArray | SpikeDict>>;
}

declare module '../engine/monitor.js' {
  interface Monitor {
    /**
     * The samples as they are recorded, in blocks of at most `every` steps; a block also ends
     * when the data leaves the monitor (`get()`, `reset()`) and when a run ends. Blocks between
     * two `get()`s concatenated equal what the second returns, bit for bit (added by
     * `src/monitors/monitor-streams.ts`; the engine does not import RxJS).
     *
     * @example
     * ```ts
     * m.samples$({ every: 100 }).subscribe((b) => plot(b.t, b.values.v));
     * ```
     */
    samples$(options?: Omit<SamplesOptions, 'compartments'>): Observable<SampleBlock>;
    /**
     * The recorded spikes as they happen: one array of events per step with spikes.
     *
     * @example
     * ```ts
     * m.spikes$().subscribe((events) => console.log(events.length, 'spikes at', events[0].t, 'ms'));
     * ```
     */
    spikes$(): Observable<SpikeEvent[]>;
    /**
     * Each chunk of data when it leaves the monitor (`get()` hands it out, `reset()` drops it).
     *
     * @example
     * ```ts
     * m.chunks$().subscribe((c) => save(c.data));
     * ```
     */
    chunks$(): Observable<MonitorChunk>;
  }
}

function tapStream<T>(monitor: Monitor, make: (subscriber: Subscriber<T>) => MonitorTap): Observable<T> {
  return new ProducerObservable<T>((subscriber) => {
    const tap = make(subscriber);
    monitor.addTap(tap);
    return () => monitor.removeTap(tap);
  });
}

function label(m: Monitor, stream: string): string {
  return `Monitor.${stream} (${m.object.name})`;
}

/**
 * Adds `samples$`, `spikes$` and `chunks$` to every engine {@link Monitor} (idempotent; importing
 * this module installs them).
 *
 * @example
 * ```ts
 * import 'compneuro-rx/src/monitors/monitor-streams.js';
 * new Monitor(pop, ['v', 'spike']).spikes$().subscribe(console.log);
 * ```
 */
export function installMonitorStreams(): void {
  const proto = Monitor.prototype as unknown as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(proto, 'samples$')) return;
  const define = (name: string, value: unknown) => Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false });

  define('samples$', function samples$(this: Monitor, options?: SamplesOptions): Observable<SampleBlock> {
    const every = checkEvery('Monitor.samples$', options);
    if (options && 'compartments' in options) throw new Error('Monitor.samples$: "compartments" is an option of CompNeuroMonitors.samples$; an engine Monitor streams its own variables');
    const stream = label(this, 'samples$');
    return tapStream<SampleBlock>(this, (sub) => {
      let chunk = 0;
      const builder = new SampleBlockBuilder(this, every, this.object.name, () => chunk, (b) => deliver(sub, b, stream, b.steps[b.steps.length - 1]!), true);
      return {
        recorded: (step, sampled) => builder.recorded(step, sampled),
        get wake() {
          return builder.wake;
        },
        closing: (variables) => {
          builder.closing(variables);
          chunk++;
        },
        runEnded: () => builder.runEnded(),
      };
    });
  });

  define('spikes$', function spikes$(this: Monitor): Observable<SpikeEvent[]> {
    if (!this.variables.includes('spike')) throw new Error(`Monitor.spikes$: the monitor on "${this.object.name}" does not record "spike"; recorded: ${this.variables.join(', ')}`);
    const stream = label(this, 'spikes$');
    return tapStream<SpikeEvent[]>(this, (sub) => new SpikeEventTap(this, this.object.name, (events, step) => deliver(sub, events, stream, `at step ${step}`)));
  });

  define('chunks$', function chunks$(this: Monitor): Observable<MonitorChunk> {
    const stream = label(this, 'chunks$');
    return tapStream<MonitorChunk>(this, (sub) => {
      let chunk = 0;
      return {
        recorded: () => {},
        wake: Infinity, // only closing matters: no calls per step
        closing: (variables, taken) => {
          let data = taken;
          if (data === undefined) {
            const d: Record<string, RecordedArray | SpikeDict> = {};
            let any = false;
            for (const v of variables) {
              const x = this.peek(v);
              d[v] = x;
              if (x instanceof RecordedArray ? x.length > 0 : Object.values(x).some((l) => l.length > 0)) any = true;
            }
            if (!any) return;
            data = d;
          }
          deliver(sub, { chunk: chunk++, dropped: taken === undefined, data }, stream, 'when a chunk closed');
        },
      };
    });
  });
}

installMonitorStreams();
