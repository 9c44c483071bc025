import { type Observable, type OperatorFunction } from 'rxjs';
import { ProducerObservable } from './producer-observable.js';
import type { Network } from '../engine/network.js';
import { currentNetwork } from '../engine/magic-network.js';
import { SimulationFrame } from './simulation-frame.js';
import { checkDriveOptions, driveSteps, type DriveOptions } from './step-driver.js';
import type { BoundProtocol, Protocol } from './protocol.js';

/**
 * Options of {@link simulate$}.
 *
 * @example
 * ```ts
 * const o: SimulateOptions = { scheduler: asyncScheduler, chunk: 1000 };
 * simulate$(1000, o).subscribe();
 * ```
 */
export interface SimulateOptions extends DriveOptions {
  /** The network to simulate (default: the global network, as ANNarchy's `simulate`). */
  network?: Network;
  /** Protocols applied before the update of each step (usually added with protocol operators). */
  protocols?: readonly Protocol[];
}

/**
 * What a {@link SimulationObservable} runs: its duration, options and protocols.
 * @example
 * ```ts
 * const cfg: SimulationConfig = simulate$(100).config; // { duration: 100, options: {}, protocols: [] }
 * ```
 */
export interface SimulationConfig {
  duration: number | undefined;
  options: SimulateOptions;
  protocols: readonly Protocol[];
  /** Emit one frame object updated in place (only `runProtocolsSync`: nobody can keep its frames). */
  reuseFrame?: boolean;
}

/**
 * Networks a `simulate$` run is driving. One run per network at a time: two runs would both
 * advance it, and the second would save the first one's protocol values as the ones to restore.
 */
const running = new WeakSet<Network>();

function subscribeSimulation(cfg: SimulationConfig, subscriber: import('rxjs').Subscriber<SimulationFrame>) {
  const network = cfg.options.network ?? cfg.protocols.find((p) => p.network)?.network ?? currentNetwork();
  if (running.has(network)) {
    subscriber.error(new Error('simulate$: this network is already running a simulation (another simulate$ subscription has not ended); '
      + 'run them one after the other (concat) or on separate networks'));
    return;
  }
  const bound: BoundProtocol[] = [];
  let nSteps: number;
  try {
    // Everything that can be wrong with the input fails here, before any step runs.
    nSteps = cfg.duration === undefined ? 0 : network.stepsFor(cfg.duration);
    if (!network.compiled) network.compile();
    for (const p of cfg.protocols) bound.push(p.bind(network));
    if (cfg.duration === undefined) for (const b of bound) nSteps = Math.max(nSteps, b.steps);
  } catch (e) {
    subscriber.error(e);
    return;
  }
  const nb = bound.length;
  running.add(network);
  let k = 0; // relative step the next beforeStep() is for
  let run = 1; // steps granted by the last beforeStep()
  return driveSteps(network, {
    beforeStep(): boolean {
      if (k >= nSteps) return false;
      // Apply the protocols, then grant every step up to the next change of any of them:
      // between changes apply() is a no-op, so the driver need not call back each step.
      let next = nSteps;
      for (let i = 0; i < nb; i++) {
        const b = bound[i]!;
        b.apply(k);
        const c = b.nextChange === undefined ? k + 1 : b.nextChange(k);
        if (c < next) next = c;
      }
      next = Math.floor(next); // a fractional or NaN answer only makes the driver ask earlier
      run = next > k ? next - k : 1;
      k += run;
      return true;
    },
    grantedSteps(): number {
      return run;
    },
    finish(): void {
      running.delete(network);
      for (let i = 0; i < nb; i++) bound[i]!.restore();
    },
  }, subscriber, cfg.options, cfg.reuseFrame === true ? new SimulationFrame(0, 0, network) : undefined);
}

/**
 * A simulation as a cold Observable (see {@link simulate$}). Protocol operators
 * ({@link withProtocol}, `currentRamp$`, ...) placed directly after it add their inputs to
 * the same run.
 *
 * @example
 * ```ts
 * const sim: SimulationObservable = simulate$(1000);
 * sim.pipe(currentStep$({ pop: 'HH_Bischop', t1: 500, t2: 500, a1: 0, a2: 50 })).subscribe();
 * ```
 */
export class SimulationObservable extends ProducerObservable<SimulationFrame> {
  readonly config: Readonly<SimulationConfig>;

  constructor(config: SimulationConfig) {
    super((subscriber) => subscribeSimulation(config, subscriber));
    this.config = config;
  }

  /** The same simulation with one more protocol. */
  withProtocol(protocol: Protocol): SimulationObservable {
    return new SimulationObservable({ ...this.config, protocols: [...this.config.protocols, protocol] });
  }
}

/**
 * Simulate `duration` ms (`ceil(duration/dt)` steps, as ANNarchy's `simulate`) as a cold
 * Observable: subscribing runs it, one {@link SimulationFrame} per step after the update, then
 * it completes. Synchronous by default (the whole run happens inside `subscribe`); with
 * `{ scheduler, chunk }` it runs `chunk` steps per scheduler task, with identical numbers.
 * Unsubscribing stops it before the next step. Without a duration it runs as long as its
 * longest protocol. Errors (bad input, a throwing protocol, `checkNaN`) arrive as the error.
 *
 * @example
 * ```ts
 * import { takeWhile, filter, bufferCount } from 'rxjs';
 * simulate$(1000).subscribe();                                   // = simulate(1000)
 * simulate$(100, { network: net }).pipe(filter((f) => f.step % 100 === 0)).subscribe(console.log);
 * // ANNarchy's simulate_until: stop at the first step where v crosses 0 mV (at most 1 s)
 * simulate$(1000).pipe(takeWhile((f) => f.network.getPopulation('HH_Bischop').v[0] < 0, true)).subscribe();
 * // responsive runs in Node (browser: animationFrameScheduler)
 * simulate$(1000, { scheduler: asyncScheduler, chunk: 500 }).subscribe({ complete: () => console.log('done') });
 * ```
 */
export function simulate$(duration?: number, options: SimulateOptions = {}): SimulationObservable {
  if (duration !== undefined && (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0)) {
    throw new Error(`simulate$: duration must be a non-negative number of ms, got ${String(duration)}`);
  }
  if (options === null || typeof options !== 'object') throw new Error('simulate$: options must be an object { network, scheduler, chunk, checkNaN, protocols }');
  for (const key of Object.keys(options)) {
    if (!['network', 'scheduler', 'chunk', 'checkNaN', 'protocols'].includes(key)) {
      throw new Error(`simulate$: unknown option "${key}"; expected network, scheduler, chunk, checkNaN or protocols`);
    }
  }
  checkDriveOptions('simulate$', options);
  const { protocols = [], ...rest } = options;
  return new SimulationObservable({ duration, options: rest, protocols });
}

/**
 * Operator adding a protocol to the simulation it follows: `simulate$(2000).pipe(withProtocol(p))`
 * applies `p` from the first step (restoring its attributes when it ends) and runs freely
 * afterwards. Several protocols in one pipe share the run. Must come directly after
 * `simulate$` (or another protocol operator), before ordinary RxJS operators.
 *
 * @example
 * ```ts
 * simulate$().pipe(withProtocol(currentStepProtocol({ pop: 'a', t1: 500, t2: 500, a1: 0, a2: 50 }))).subscribe();
 * ```
 */
export function withProtocol(protocol: Protocol): OperatorFunction<SimulationFrame, SimulationFrame> {
  return (source) => {
    if (!(source instanceof SimulationObservable)) {
      throw new Error(`${protocol.name}: a protocol operator must directly follow simulate$(...) or another protocol operator (before filter, map, take, ...)`);
    }
    return source.withProtocol(protocol);
  };
}

/**
 * Run protocols on a network synchronously, as a simulation function (`currentRamp(...)`) does:
 * the same `simulate$(undefined, { network }).pipe(withProtocol(p), ...)` run, with nothing
 * subscribed to its frames. Since no frame can be kept, the run emits one frame object updated
 * in place instead of a new one per step. Rethrows the run's error.
 *
 * @example
 * ```ts
 * runProtocolsSync(net, [currentStepProtocol({ pop: 'HH_Bischop', t1: 500, t2: 500, a1: 0, a2: 50 })]);
 * ```
 */
export function runProtocolsSync(network: Network, protocols: readonly Protocol[]): void {
  // the frame runSync keeps as "last" is the reused one: nobody reads it
  runSync(new SimulationObservable({ duration: undefined, options: { network }, protocols, reuseFrame: true }));
}

/**
 * Subscribe synchronously and return when the Observable completes; rethrow its error.
 * Throws if it did not finish synchronously (it has a scheduler: subscribe to it instead).
 *
 * @example
 * ```ts
 * runSync(simulate$(100));   // like simulate(100)
 * ```
 */
export function runSync<T>(obs: Observable<T>): T | undefined {
  let last: T | undefined;
  let done = false;
  let failed = false;
  let error: unknown;
  const sub = obs.subscribe({
    next: (v) => {
      last = v;
    },
    error: (e) => {
      failed = true;
      error = e;
    },
    complete: () => {
      done = true;
    },
  });
  if (failed) throw error;
  if (!done) {
    sub.unsubscribe();
    throw new Error('runSync: the Observable did not complete synchronously (it runs on a scheduler); subscribe to it instead');
  }
  return last;
}
