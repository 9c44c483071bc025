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
import { provideFigureRenderer, renderFigureHere, type FigureJob } from '../plot/plot-recordings.js';
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

/** `state` slots shared with the thread: the last job finished, and 1 ready / 2 failed to load. */
export const DONE = 0;
export const STATUS = 1;
export const FAILED = 2;

// the thread's script: a CommonJS prelude that imports the module and reports a failed import
// in the shared state (an error event would never reach a caller blocked in Atomics.wait)
const PRELUDE = `
const { workerData } = require('node:worker_threads');
import(workerData.url).then((m) => m.serveFigures(workerData), (e) => {
  Atomics.store(workerData.state, ${STATUS}, ${FAILED});
  Atomics.notify(workerData.state, ${DONE});
});
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
    if (this.broken || Atomics.load(this.state, STATUS) === FAILED) return undefined;
    const seq = ++this.sent;
    this.worker.postMessage({ seq, job });
    for (;;) {
      const done = Atomics.load(this.state, DONE);
      if (done >= seq) break;
      if (Atomics.load(this.state, STATUS) === FAILED) {
        this.broken = true;
        return undefined;
      }
      Atomics.wait(this.state, DONE, done);
    }
    const reply = receiveMessageOnPort(this.port)?.message as FigureReply | undefined;
    if (reply === undefined || reply.seq !== seq) {
      this.broken = true;
      throw new Error(`PlotRecordings: the figure thread answered ${reply === undefined ? 'nothing' : `job ${reply.seq}`} for job ${seq}`);
    }
    if (reply.error) throw reviveError(reply.error);
    return reply.spec!;
  }

  /** Ends the thread. */
  terminate(): Promise<number> {
    this.broken = true;
    return this.worker.terminate();
  }
}

let thread: FigureThread | undefined;
let unavailable = false;

/**
 * Starts the figure thread now (if it can run here), so that it loads vega, vega-lite, resvg and
 * the fonts while the model compiles and simulates, and PlotRecordings' figures are drawn there.
 * Without this call (or `COMPNEURO_RX_FIGURE_THREAD=1`) figures are drawn in the calling thread:
 * the thread costs ~45 MB and ~0.2 s of CPU, which a program that never plots should not pay.
 * Answers whether figures will be drawn in the thread: false where it cannot run (not the main
 * thread, `COMPNEURO_RX_FIGURE_THREAD=0`, its module not found, e.g. from the TypeScript sources
 * under tsx).
 *
 * @example
 * ```ts
 * import { preloadFigures } from 'compneuro-rx';
 * preloadFigures(); // vega and resvg load on another core while the model simulates
 * ```
 */
export function preloadFigures(): boolean {
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
 * Lets PlotRecordings render in the figure thread once one was started ({@link preloadFigures});
 * with `COMPNEURO_RX_FIGURE_THREAD=1` (as `npm start` sets) it starts when the first population
 * is created. The Node entry calls this.
 *
 * @example
 * ```ts
 * installFigureThread();
 * ```
 */
export function installFigureThread(): void {
  if (process.env.COMPNEURO_RX_FIGURE_THREAD === '1') whenFirstPopulation(() => void preloadFigures());
  provideFigureRenderer((job) => thread?.render(job) ?? renderFigureHere(job));
}
