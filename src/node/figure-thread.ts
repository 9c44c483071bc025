/**
 * PlotRecordings' figures rendered in a worker thread that loads vega, vega-lite, resvg and the
 * fonts while the model compiles and simulates (opt-in: `preloadFigures()`, or
 * `COMPNEURO_RX_FIGURE_THREAD=1` to start it when the first population is created), so that
 * `npm start`'s first figure does not wait for ~0.2 s of module loading. PlotRecordings stays synchronous, as matplotlib's savefig: the calling thread posts the spec and blocks on
 * `Atomics.wait` until the thread has written the file, then reads the reply with
 * `receiveMessageOnPort`. An error in the thread is rethrown in the caller as the same kind of
 * error (name, message, code, ...). Where the thread's module is missing (the library bundled
 * into one file), is TypeScript (run from the sources with tsx: its loader does not reach worker
 * threads) or fails to load, or with `COMPNEURO_RX_FIGURE_THREAD=0`, figures are rendered in the
 * calling thread as before. Only the main thread starts one: pool workers never plot.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { siblingModule } from '../run/module-url.js';
import { whenFirstPopulation } from '../engine/first-population.js';
import { provideFigureRenderer, renderFigureHere, type FigureJob, type FigureRenderer } from '../plot/plot-recordings.js';
import type { VegaLiteSpec } from '../plot/vega-lite-spec.js';

/** An error as it crosses threads: its class name, message, stack and own fields (code, path, ...). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

/** What the figure thread answers for job `seq`: the fitted spec or the error. */
export interface FigureReply {
  seq: number;
  spec?: VegaLiteSpec;
  error?: SerializedError;
}

/** `state` slots shared with the thread: how many jobs it finished, and 1 ready / 2 failed to load. */
export const DONE = 0;
export const STATUS = 1;
export const FAILED = 2;

// the thread's script: a CommonJS prelude that imports the module and reports a failed import,
// or the thread's end (an uncaught error), in the shared state (an error event would never
// reach a caller blocked in Atomics.wait; the caller then draws the figure itself)
const PRELUDE = `
const { workerData } = require('node:worker_threads');
const failed = () => {
  Atomics.store(workerData.state, ${STATUS}, ${FAILED});
  Atomics.notify(workerData.state, ${DONE});
};
process.on('exit', failed);
import(workerData.url).then((m) => m.serveFigures(workerData), failed);
`;

/**
 * Serializes an error for the other thread (structured clone keeps neither the class nor fields such as `code`).
 *
 * @example
 * ```ts
 * reviveError(serializeError(new RangeError('x'))) instanceof RangeError; // true
 * ```
 */
export function serializeError(e: unknown): SerializedError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  }
  return { name: e.name, message: e.message, stack: e.stack, fields };
}

const ERROR_CLASSES: Record<string, ErrorConstructor> = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };

/**
 * The error {@link serializeError} described, of the same built-in class (other classes: an
 * Error with their name), with its message, stack and fields.
 *
 * @example
 * ```ts
 * const e = reviveError({ name: 'Error', message: 'EACCES', fields: { code: 'EACCES' } });
 * ```
 */
export function reviveError(s: SerializedError): Error {
  const C = ERROR_CLASSES[s.name] ?? Error;
  const e = new C(s.message);
  if (e.name !== s.name) Object.defineProperty(e, 'name', { value: s.name, configurable: true, writable: true });
  if (s.stack !== undefined) e.stack = s.stack;
  Object.assign(e, s.fields);
  return e;
}

/** One figure thread; {@link FigureThread.render} answers undefined when it cannot run. */
export class FigureThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  private sent = 0;
  /** Replies taken off the port, by job number, until someone asks for them. */
  private readonly replies = new Map<number, FigureReply>();
  private received = 0;
  private broken = false;

  constructor(url: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // execArgv is inherited: under tsx the thread loads the TypeScript module too
    this.worker = new Worker(PRELUDE, { eval: true, workerData: { url, state: this.state, port: port2 }, transferList: [port2] });
    // never keeps the process alive; its failures arrive through `state`
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => {
      this.broken = true;
    });
  }

  /** Fits and writes the figure in the thread and waits for it; undefined if the thread is not usable. */
  render(job: FigureJob): VegaLiteSpec | undefined {
    const seq = this.submit(job);
    return seq === undefined ? undefined : this.wait(seq);
  }

  /**
   * Sends the figure to the thread and returns at once with its job number for
   * {@link FigureThread.wait}; undefined if the thread is not usable. The thread builds the SVG of
   * one figure while resvg draws the one before on a libuv pool thread, so figures sent one
   * after the other are drawn on two cores.
   */
  submit(job: FigureJob): number | undefined {
    if (this.broken || Atomics.load(this.state, STATUS) === FAILED) return undefined;
    const seq = ++this.sent;
    this.worker.postMessage({ seq, job });
    return seq;
  }

  /**
   * Waits until job `seq` (from {@link FigureThread.submit}) is written; its fitted spec, or its
   * error thrown. Undefined if the thread's module failed to load (the caller draws the figure).
   */
  wait(seq: number): VegaLiteSpec | undefined {
    const reply = this.take(seq);
    if (reply === undefined) return undefined;
    if (reply.error) throw reviveError(reply.error);
    return reply.spec!;
  }

  /** Whether job `seq` is finished (its reply is here), without waiting. */
  finished(seq: number): boolean {
    this.drain();
    return this.replies.has(seq);
  }

  private drain(): void {
    for (let m = receiveMessageOnPort(this.port); m !== undefined; m = receiveMessageOnPort(this.port)) {
      const reply = m.message as FigureReply;
      this.replies.set(reply.seq, reply);
      this.received++;
    }
  }

  private take(seq: number): FigureReply | undefined {
    if (seq < 1 || seq > this.sent) throw new Error(`PlotRecordings: the figure thread was never sent job ${seq}`);
    for (;;) {
      this.drain();
      const reply = this.replies.get(seq);
      if (reply) {
        this.replies.delete(seq);
        return reply;
      }
      // DONE counts the jobs finished; the thread posts a reply before counting it
      const done = Atomics.load(this.state, DONE);
      if (done > this.received) continue;
      if (Atomics.load(this.state, STATUS) === FAILED) {
        this.broken = true;
        return undefined;
      }
      if (done >= this.sent) {
        this.broken = true;
        throw new Error(`PlotRecordings: the figure thread answered every job but job ${seq}`);
      }
      Atomics.wait(this.state, DONE, done);
    }
  }

  /** Ends the thread. */
  terminate(): Promise<number> {
    this.broken = true;
    return this.worker.terminate();
  }
}

let thread: FigureThread | undefined;
let unavailable = false;
let background = false;

/** Options of {@link preloadFigures}. */
export interface PreloadFiguresOptions {
  /**
   * PlotRecordings returns as soon as the figure is handed to the thread (its input checked, its
   * spec built), and the thread writes it while the program goes on; several figures in a row
   * are drawn on two cores. Before the process exits it waits until every figure is written.
   * An error while drawing or writing a figure is thrown by the next PlotRecordings or by that
   * figure's `.spec` (which waits for it), else printed at exit with exit code 1. Default false:
   * PlotRecordings returns when the file is written, as matplotlib's savefig.
   */
  background?: boolean;
}

/**
 * Starts the figure thread now (if it can run here), so that it loads vega, vega-lite, resvg and
 * the fonts while the model compiles and simulates, and PlotRecordings' figures are drawn there.
 * Without this call (or `COMPNEURO_RX_FIGURE_THREAD=1`) figures are drawn in the calling thread:
 * the thread costs ~45 MB and ~0.2 s of CPU, which a program that never plots should not pay.
 * Answers whether figures will be drawn in the thread: false where it cannot run (not the main
 * thread, `COMPNEURO_RX_FIGURE_THREAD=0`, its module not found, e.g. from the TypeScript sources
 * under tsx). `{ background: true }` (or `COMPNEURO_RX_FIGURE_THREAD=background`, as `npm start`
 * sets) lets PlotRecordings return before the file is written ({@link PreloadFiguresOptions}).
 *
 * @example
 * ```ts
 * import { preloadFigures } from 'compneuro-rx';
 * preloadFigures(); // vega and resvg load on another core while the model simulates
 * ```
 */
export function preloadFigures(opts: PreloadFiguresOptions = {}): boolean {
  if (opts === null || typeof opts !== 'object' || (opts.background !== undefined && typeof opts.background !== 'boolean')) {
    throw new TypeError(`preloadFigures: options must be an object like { background: true }, got ${JSON.stringify(opts) ?? String(opts)}`);
  }
  if (opts.background) background = true;
  if (thread || unavailable) return thread !== undefined;
  const url = siblingModule(import.meta.url, './figure-worker.js');
  // from the TypeScript sources (tsx) a worker thread cannot load TypeScript: render in this thread
  if (!isMainThread || process.env.COMPNEURO_RX_FIGURE_THREAD === '0' || !url.endsWith('.js') || !existsSync(fileURLToPath(url))) {
    unavailable = true;
    return false;
  }
  thread = new FigureThread(url);
  return true;
}

/**
 * A renderer that hands figures to `t` in the background ({@link PreloadFiguresOptions}): it
 * returns what waits for the figure, or draws the figure in this thread if `t` cannot take it.
 * An error of an earlier figure that has arrived by then is thrown first; before the process
 * exits it waits for every figure and prints the errors nobody saw (exit code 1).
 *
 * @example
 * ```ts
 * provideFigureRenderer(backgroundRenderer(new FigureThread(url)));
 * ```
 */
export function backgroundRenderer(t: FigureThread): FigureRenderer {
  let exitHook = false;
  // the job of each figure not waited for yet, by job number
  const pending = new Map<number, FigureJob>();
  // its fitted spec; drawn here if the thread's module failed to load
  const finish = (seq: number, job: FigureJob): VegaLiteSpec => {
    pending.delete(seq);
    return t.wait(seq) ?? renderFigureHere(job);
  };
  const drain = (): void => {
    for (const [seq, job] of [...pending]) {
      try {
        finish(seq, job);
      } catch (e) {
        console.error(e);
        process.exitCode = 1;
      }
    }
  };
  return (job) => {
    // an earlier figure's error, the earliest first
    for (const [seq, earlier] of [...pending]) if (t.finished(seq)) finish(seq, earlier);
    const seq = t.submit(job);
    if (seq === undefined) return renderFigureHere(job);
    pending.set(seq, job);
    if (!exitHook) {
      exitHook = true;
      // 'exit' handlers run synchronously: waiting here keeps the process until the files are written
      process.on('exit', drain);
    }
    let result: { spec: VegaLiteSpec } | { error: unknown } | undefined;
    return () => {
      if (!result) {
        try {
          result = { spec: finish(seq, job) };
        } catch (error) {
          result = { error };
        }
      }
      if ('error' in result) throw result.error;
      return result.spec;
    };
  };
}

let inBackground: FigureRenderer | undefined;

/**
 * Lets PlotRecordings render in the figure thread once one was started ({@link preloadFigures});
 * with `COMPNEURO_RX_FIGURE_THREAD=1` it starts when the first population is created, with
 * `COMPNEURO_RX_FIGURE_THREAD=background` (as `npm start` sets) too, in the background mode of
 * {@link PreloadFiguresOptions}. The Node entry calls this.
 *
 * @example
 * ```ts
 * installFigureThread();
 * ```
 */
export function installFigureThread(): void {
  const env = process.env.COMPNEURO_RX_FIGURE_THREAD;
  if (env === '1' || env === 'background') whenFirstPopulation(() => void preloadFigures({ background: env === 'background' }));
  provideFigureRenderer((job) => {
    if (!thread) return renderFigureHere(job);
    if (background) return (inBackground ??= backgroundRenderer(thread))(job);
    return thread.render(job) ?? renderFigureHere(job);
  });
}
