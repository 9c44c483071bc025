/**
 * Where a recording's bytes go (`recordTo`): an Arrow file, a Node `Writable`, a Web
 * `WritableStream`, or anything with this shape. `write` is synchronous (it is called inside a
 * simulation step); a sink that writes asynchronously accepts the bytes and asks the run to wait
 * through {@link ByteSink.ready}.
 *
 * @example
 * ```ts
 * const sink: ByteSink = { name: 'memory', write: (pieces) => parts.push(...pieces), ready: () => undefined, close: async () => {} };
 * ```
 */
export interface ByteSink {
  /** Names the sink in errors, e.g. `arrowFile(/tmp/run.arrow)`. */
  readonly name: string;
  /**
   * Take these pieces, in order: one whole part of the stream (a record batch), so a sink that
   * refuses it refuses it whole. The caller does not reuse them. Throws if the sink failed or is full.
   */
  write(pieces: readonly Uint8Array[]): void;
  /** A promise while the sink wants the run to wait (backpressure); undefined when it may go on. */
  ready(): Promise<void> | undefined;
  /** True if `write` has consumed the bytes when it returns (then the writer reuses its buffers). */
  readonly synchronous?: boolean;
  /** Write what is pending and close. */
  close(): Promise<void>;
}

/**
 * A sink failed (could not be opened, a write failed, or more bytes wait than it may buffer).
 * `sink` names it; `cause` is the underlying error.
 *
 * @example
 * ```ts
 * try { simulate(1000); } catch (e) { if (e instanceof RecordingSinkError) console.log(e.sink); }
 * ```
 */
export class RecordingSinkError extends Error {
  readonly sink: string;
  /** What could not be written when the sink failed (recording rows), kept so that it is not lost. */
  unwritten?: readonly object[];

  constructor(sink: string, message: string, cause?: unknown) {
    super(`recordTo ${sink}: ${message}${cause === undefined ? '' : `: ${cause instanceof Error ? cause.message : String(cause)}`}`, cause === undefined ? undefined : { cause });
    this.name = 'RecordingSinkError';
    this.sink = sink;
  }
}

/** What is used of a Node `Writable` (duck-typed: the browser build imports no Node module). */
export interface NodeWritableLike {
  /** Writes a chunk; false when the buffer is full (wait for "drain"). */
  write(chunk: Uint8Array, cb?: (error?: Error | null) => void): boolean;
  /** Ends the stream. */
  end(cb?: () => void): unknown;
  /** Listens to an event once ("drain", "error", "finish"). */
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Listens to an event. */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Removes a listener added with `on` or `once`. */
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
  readonly writableLength: number;
  readonly writableNeedDrain?: boolean;
  readonly destroyed?: boolean;
  readonly path?: unknown;
}

/** Options of the stream sinks. */
export interface StreamSinkOptions {
  /** Name in errors (default: "Node Writable" / "Web WritableStream", with the file path if any). */
  name?: string;
  /**
   * Bytes that may wait to be written before a write fails (default 64 MiB). A simulation
   * Observable run on a scheduler waits for the sink instead (it never gets here unless one
   * step writes that much); a synchronous `simulate()` cannot wait, so this bounds its memory.
   */
  maxBuffered?: number;
}

const DEFAULT_MAX = 64 * 1024 * 1024;

function tooMuch(name: string, waiting: number, max: number): RecordingSinkError {
  return new RecordingSinkError(name, `${waiting} bytes wait to be written (maxBuffered ${max}); a synchronous run cannot wait for a slow sink: run it as simulate$ with a scheduler (it waits for the sink), write to arrowFile (blocking writes), or raise maxBuffered`);
}

function byteLength(pieces: readonly Uint8Array[]): number {
  let n = 0;
  for (const p of pieces) n += p.length;
  return n;
}

function checkMax(where: string, max: number): void {
  if (!(max > 0)) throw new Error(`${where}: maxBuffered must be a positive number of bytes, got ${String(max)}`);
}

/**
 * A {@link ByteSink} over a Node `Writable` (a file stream, an HTTP response, a socket):
 * `write()` returning false makes {@link ByteSink.ready} wait for `'drain'`; an `'error'` makes the
 * next write throw a {@link RecordingSinkError}.
 *
 * @example
 * ```ts
 * const mon = new CompNeuroMonitors({ pop: ['v'] }, { recordTo: nodeWritableSink(createWriteStream('run.arrow')) });
 * ```
 */
export function nodeWritableSink(w: NodeWritableLike, opts: StreamSinkOptions = {}): ByteSink {
  const max = opts.maxBuffered ?? DEFAULT_MAX;
  checkMax('nodeWritableSink', max);
  const name = opts.name ?? (typeof w.path === 'string' ? `Node Writable (${w.path})` : 'Node Writable');
  let failed: unknown;
  w.on('error', (e) => (failed ??= e));
  return {
    name,
    write(pieces) {
      if (failed !== undefined) throw new RecordingSinkError(name, 'the stream failed', failed);
      if (w.destroyed) throw new RecordingSinkError(name, 'the stream was destroyed');
      const n = byteLength(pieces);
      if (w.writableLength + n > max) throw tooMuch(name, w.writableLength + n, max);
      for (const p of pieces) {
        w.write(p, (e) => {
          if (e) failed ??= e;
        });
      }
    },
    ready() {
      if (failed !== undefined || !w.writableNeedDrain) return undefined;
      return new Promise<void>((resolve) => {
        const done = (): void => {
          w.removeListener('drain', done);
          w.removeListener('error', done);
          w.removeListener('close', done);
          resolve();
        };
        w.once('drain', done);
        w.once('error', done);
        w.once('close', done);
      });
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        if (failed !== undefined) return reject(new RecordingSinkError(name, 'the stream failed', failed));
        w.end(() => (failed === undefined ? resolve() : reject(new RecordingSinkError(name, 'the stream failed', failed))));
      });
    },
  };
}

/**
 * A {@link ByteSink} over a Web `WritableStream`: its `desiredSize` and `ready` give the
 * backpressure; a rejected write makes the next write throw a {@link RecordingSinkError}.
 *
 * @example
 * ```ts
 * const { readable, writable } = new TransformStream();
 * const mon = new CompNeuroMonitors({ pop: ['v'] }, { recordTo: webWritableSink(writable) });
 * ```
 */
export function webWritableSink(ws: WritableStream<Uint8Array>, opts: StreamSinkOptions = {}): ByteSink {
  const max = opts.maxBuffered ?? DEFAULT_MAX;
  checkMax('webWritableSink', max);
  const name = opts.name ?? 'Web WritableStream';
  const writer = ws.getWriter();
  let failed: unknown;
  let waiting = 0;
  writer.closed.catch((e: unknown) => (failed ??= e));
  return {
    name,
    write(pieces) {
      if (failed !== undefined) throw new RecordingSinkError(name, 'the stream failed', failed);
      const n = byteLength(pieces);
      if (waiting + n > max) throw tooMuch(name, waiting + n, max);
      for (const p of pieces) {
        waiting += p.length;
        writer.write(p).then(
          () => (waiting -= p.length),
          (e: unknown) => (failed ??= e),
        );
      }
    },
    ready() {
      if (failed !== undefined) return undefined;
      const d = writer.desiredSize;
      if (d === null || d > 0) return undefined;
      return writer.ready.then(() => undefined, () => undefined);
    },
    async close() {
      if (failed !== undefined) throw new RecordingSinkError(name, 'the stream failed', failed);
      try {
        await writer.close();
      } catch (e) {
        throw new RecordingSinkError(name, 'closing failed', e);
      }
    },
  };
}

/**
 * The {@link ByteSink} for what `recordTo` was given: a ByteSink as is, a Node `Writable` or a
 * Web `WritableStream` wrapped. Throws naming what was expected otherwise.
 *
 * @example
 * ```ts
 * toByteSink(process.stdout).name; // 'Node Writable'
 * ```
 */
export function toByteSink(x: unknown, opts: StreamSinkOptions = {}): ByteSink {
  const o = x as Record<string, unknown> | null;
  if (o !== null && typeof o === 'object') {
    if (typeof o.getWriter === 'function') return webWritableSink(x as WritableStream<Uint8Array>, opts);
    if (typeof o.ready === 'function' && typeof o.close === 'function' && typeof o.write === 'function' && typeof o.name === 'string') return x as ByteSink;
    if (typeof o.write === 'function' && typeof o.on === 'function' && typeof o.writableLength === 'number') return nodeWritableSink(x as NodeWritableLike, opts);
  }
  throw new Error(`recordTo: expected arrowFile(path), a Node Writable, a Web WritableStream or a ByteSink { name, write, ready, close }, got ${o === null ? 'null' : typeof x}`);
}
