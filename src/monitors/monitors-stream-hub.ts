import type { Observable, Subscriber } from 'rxjs';
import type { Monitor, MonitorTap } from '../engine/monitor.js';
import { deliver, ProducerObservable } from '../stream/producer-observable.js';
import type { RecordingChunk, RecordingTimesChunk } from './recordings.js';
import { checkEvery, SampleBlockBuilder, SpikeEventTap, type SampleBlock, type SamplesOptions, type SpikeEvent } from './sample-stream.js';

/**
 * A chunk of a CompNeuroMonitors as its `chunks$` emits it, when the chunk is stored
 * (`getRecordings()`, `reset()`, `getRecordingsAndClear()`).
 *
 * @example
 * ```ts
 * mon.chunks$().subscribe(({ chunk, recordings }) => console.log(chunk, recordings['pop;v']));
 * ```
 */
export interface RecordingChunkEvent {
  /** Index of the chunk in `getRecordings()`. */
  readonly chunk: number;
  /** The chunk's recordings (the object `getRecordings()[chunk]` returns). */
  readonly recordings: RecordingChunk;
  /** The chunk's recording times (as `getRecordingTimes()` stores them). */
  readonly times: RecordingTimesChunk;
}

/** What the hub needs of its CompNeuroMonitors. */
export interface StreamHubOwner {
  readonly mon: Readonly<Record<string, Monitor>>;
  readonly compartments: string[];
  /** Chunk index of samples recorded now. */
  chunkIndex(): number;
}

/**
 * The streams of a CompNeuroMonitors (`samples$`, `spikes$`, `chunks$`): taps on its engine
 * monitors while somebody subscribes, nothing otherwise. Errors of subscribers during the
 * monitors' own bookkeeping (`pause()`, `reset()`, `getRecordings()`) are held until the
 * bookkeeping is complete ({@link withHeldErrors}), so nothing is half-applied.
 *
 * @example
 * ```ts
 * const hub = new MonitorsStreamHub(owner);
 * hub.samples$({ every: 100 }).subscribe(console.log);
 * ```
 */
export class MonitorsStreamHub {
  private readonly builders = new Set<SampleBlockBuilder>();
  private readonly builderOf = new Map<SampleBlockBuilder, string>();
  private readonly stepListeners = new Set<(step: number) => void>();
  private readonly chunkSubscribers = new Set<Subscriber<RecordingChunkEvent>>();
  private held: unknown;
  private deferred: unknown;
  private readonly wrappers = new WeakMap<MonitorTap, MonitorTap>();
  private holding = 0;

  constructor(private readonly owner: StreamHubOwner) {}

  /** See `CompNeuroMonitors.samples$`. */
  samples$(options?: SamplesOptions): Observable<SampleBlock> {
    const every = checkEvery('CompNeuroMonitors.samples$', options);
    const chosen = this.pick('samples$', options?.compartments);
    return new ProducerObservable<SampleBlock>((sub) => {
      const made: [Monitor, SampleBlockBuilder][] = [];
      for (const c of chosen) {
        const m = this.owner.mon[c]!;
        if (!m.variables.some((v) => v !== 'spike')) continue;
        const stream = `CompNeuroMonitors.samples$ (${c})`;
        const b = new SampleBlockBuilder(m, every, c, () => this.owner.chunkIndex(), (block) => deliver(sub, block, stream, block.steps[block.steps.length - 1]!), false, false, this.defer);
        m.addTap(b);
        this.builders.add(b);
        this.builderOf.set(b, c);
        made.push([m, b]);
      }
      return () => {
        for (const [m, b] of made) {
          m.removeTap(b);
          this.builders.delete(b);
          this.builderOf.delete(b);
        }
      };
    });
  }

  /** See `CompNeuroMonitors.spikes$`. */
  spikes$(compartments?: readonly string[]): Observable<SpikeEvent[]> {
    const chosen = this.pick('spikes$', compartments).filter((c) => this.owner.mon[c]!.variables.includes('spike'));
    if (chosen.length === 0) throw new Error(`CompNeuroMonitors.spikes$: no compartment records "spike"; compartments: ${this.owner.compartments.join(', ') || '(none)'}`);
    return new ProducerObservable<SpikeEvent[]>((sub) => {
      let batch: SpikeEvent[] = [];
      const taps = chosen.map((c) => [this.owner.mon[c]!, new SpikeEventTap(this.owner.mon[c]!, c, (events) => {
        for (const e of events) batch.push(e);
      })] as const);
      for (const [m, t] of taps) m.addTap(t); // its callback only collects: nothing to defer
      // all compartments recorded this step: one array per step
      const listener = (step: number): void => {
        if (batch.length === 0) return;
        const out = batch;
        batch = [];
        deliver(sub, out, 'CompNeuroMonitors.spikes$', `at step ${step}`);
      };
      this.stepListeners.add(listener);
      return () => {
        for (const [m, t] of taps) m.removeTap(t);
        this.stepListeners.delete(listener);
      };
    });
  }

  /** See `CompNeuroMonitors.chunks$`. */
  chunks$(): Observable<RecordingChunkEvent> {
    return new ProducerObservable<RecordingChunkEvent>((sub) => {
      this.chunkSubscribers.add(sub);
      return () => this.chunkSubscribers.delete(sub);
    });
  }

  /**
   * After all monitors recorded `step` (the CompNeuroMonitors' own recorder): spike batches go
   * out, and an error a tap met during the step is thrown now, so that every monitor recorded
   * the step before the run stops.
   */
  stepEnded(step: number): void {
    if (this.stepListeners.size > 0) for (const l of [...this.stepListeners]) l(step);
    this.throwDeferred();
  }

  /** Keep an error met inside a step until the step ends ({@link stepEnded}). */
  readonly defer = (e: unknown): void => {
    this.deferred ??= e;
  };

  /** Throw (once) the first error a tap met during a step. */
  throwDeferred(): void {
    if (this.deferred === undefined) return;
    const e = this.deferred;
    this.deferred = undefined;
    throw e;
  }

  /**
   * The tap as the monitor sees it: errors of `recorded` (a subscriber or a sink failing inside
   * a step) are kept until the step ends ({@link stepEnded}); other calls go straight through.
   * One wrapper per tap, so that it can be removed again.
   */
  deferring(tap: MonitorTap): MonitorTap {
    let w = this.wrappers.get(tap);
    if (w === undefined) {
      w = {
        recorded: (step, sampled) => {
          try {
            tap.recorded(step, sampled);
          } catch (e) {
            this.deferred ??= e;
          }
        },
        get wake() {
          return tap.wake;
        },
        closing: (vars, taken) => tap.closing(vars, taken),
        runEnded: () => tap.runEnded?.(),
      };
      this.wrappers.set(tap, w);
    }
    return w;
  }

  /** Deliver the pending sample blocks (of the given compartments; default all). */
  flush(compartments?: readonly string[]): void {
    if (this.builders.size === 0) return;
    for (const b of [...this.builders]) {
      if (compartments === undefined || compartments.includes(this.builderOf.get(b)!)) this.guard(() => b.flush());
    }
  }

  /** A chunk was stored. */
  chunkStored(event: RecordingChunkEvent): void {
    for (const s of [...this.chunkSubscribers]) this.guard(() => deliver(s, event, 'CompNeuroMonitors.chunks$', `when chunk ${event.chunk} was stored`));
  }

  /** Start holding subscriber errors until {@link release} (nested calls count). */
  hold(): void {
    this.holding++;
  }

  /**
   * Stop holding; once the outermost hold ends, throw the first held error if the bookkeeping
   * succeeded (`ok`), or forget it when the bookkeeping itself failed (that error wins).
   */
  release(ok: boolean): void {
    if (--this.holding > 0 || this.held === undefined) return;
    const e = this.held;
    this.held = undefined;
    if (ok) throw e;
  }

  /**
   * Run `f` holding subscriber errors, then throw the first one if `f` succeeded.
   *
   * @example
   * ```ts
   * hub.withHeldErrors(() => { hub.flush(); store(); });
   * ```
   */
  withHeldErrors<T>(f: () => T): T {
    this.hold();
    let ok = false;
    try {
      const r = f();
      ok = true;
      return r;
    } finally {
      this.release(ok);
    }
  }

  /** Run `f`; while errors are held, hold its error too. @example hub.guarded(() => writer.flush()); */
  guarded(f: () => void): void {
    this.guard(f);
  }

  private guard(f: () => void): void {
    if (this.holding === 0) return f();
    try {
      f();
    } catch (e) {
      this.held ??= e;
    }
  }

  private pick(fn: string, list: readonly string[] | undefined): string[] {
    const all = this.owner.compartments;
    if (list === undefined) return all;
    if (!Array.isArray(list)) throw new Error(`CompNeuroMonitors.${fn}: compartments must be a list of compartment names`);
    for (const c of list) {
      if (!all.includes(c)) throw new Error(`CompNeuroMonitors.${fn}: "${String(c)}" is not monitored; compartments: ${all.join(', ') || '(none)'}`);
    }
    return [...list];
  }
}
