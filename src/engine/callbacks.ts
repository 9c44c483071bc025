import { currentNetwork } from './magic-network.js';
import type { Network } from './network.js';

/** Options of {@link every} (ANNarchy's `@every(period, offset=0., wait=0.)`). */
export interface EveryOptions {
  /** ms between two calls (at least dt). */
  period: number;
  /** ms into each period (negative: from the end of the period). */
  offset?: number;
  /** ms to wait after the start of `simulate()` before the first call. */
  wait?: number;
  /** Default: the global network. */
  network?: Network;
}

/** A declared callback (ANNarchy's `every` object). */
export interface SimulationCallback {
  readonly period: number;
  readonly offset: number;
  readonly wait: number;
  /** Called with `n` = 0, 1, 2, ... within one `simulate()`. */
  readonly func: (n: number) => void;
}

/** The callbacks of a network and whether they run (ANNarchy `_callbacks`, `_callbacks_enabled`). */
export class CallbackRegistry {
  readonly list: SimulationCallback[] = [];
  enabled = true;
}

const REGISTRIES = new WeakMap<Network, CallbackRegistry>();

/** The callback registry of `net` (created on first use). */
export function callbacksOf(net: Network): CallbackRegistry {
  let r = REGISTRIES.get(net);
  if (!r) REGISTRIES.set(net, (r = new CallbackRegistry()));
  return r;
}

/**
 * Declare a callback run periodically during `simulate()` (ANNarchy's `@every` decorator):
 * `fn(n)` is called before the step at `start + wait + offset + n*period` (steps: `int(ms/dt)`,
 * the offset taken modulo the period), in declaration order when several fall on one step.
 * Times are relative to the start of each `simulate()` call, which then runs `int(duration/dt)`
 * steps (4.7.3 truncates here, while `simulate()` without callbacks rounds up).
 *
 * @example
 * ```ts
 * every({ period: 100, offset: -10 }, (n) => { pop.I = n / 100; });   // at 90, 190, ... ms
 * simulate(1000);
 * ```
 */
export function every(o: EveryOptions, fn: (n: number) => void): SimulationCallback {
  if (o === null || typeof o !== 'object') throw new Error('every: expected an options object { period, offset, wait }');
  for (const k of Object.keys(o)) if (!['period', 'offset', 'wait', 'network'].includes(k)) throw new Error(`every: unknown option "${k}"; expected period, offset, wait or network`);
  for (const k of ['period', 'offset', 'wait'] as const) {
    const v = o[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) throw new Error(`every: ${k} must be a number of ms, got ${String(v)}`);
  }
  if (o.period === undefined) throw new Error('every: period (ms) is required');
  if (typeof fn !== 'function') throw new Error('every: the callback must be a function (n) => void');
  const net = o.network ?? currentNetwork();
  const period = Math.max(o.period, net.dt);
  const c: SimulationCallback = { period, offset: Math.min(o.offset ?? 0, period), wait: Math.max(o.wait ?? 0, 0), func: fn };
  callbacksOf(net).list.push(c);
  return c;
}

/** Python's `a % b` for integers (the sign of b). */
function pyMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/**
 * Run `duration` ms of `net` calling its callbacks (ANNarchy `_simulate_with_callbacks`):
 * `int(duration/dt)` steps, the calls sorted by step (stable: declaration order, then `n`).
 */
export function simulateWithCallbacks(net: Network, duration: number): void {
  const dt = net.dt;
  const tStart = net.currentStep;
  const length = Math.trunc(duration / dt);
  const times: [number, SimulationCallback, number][] = [];
  for (const c of callbacksOf(net).list) {
    const period = Math.trunc(c.period / dt);
    const offset = pyMod(Math.trunc(c.offset / dt), period);
    const wait = Math.trunc(c.wait / dt);
    let n = 0;
    for (let m = tStart + wait + offset; m < tStart + length; m += period) times.push([m, c, n++]);
  }
  // Array.prototype.sort is stable, as Python's sorted()
  times.sort((a, b) => a[0] - b[0]);
  for (const [time, c, n] of times) {
    if (time !== net.currentStep) net.runSteps(time - net.currentStep);
    c.func(n);
  }
  if (net.currentStep < tStart + length) net.runSteps(tStart + length - net.currentStep);
}

/**
 * Whether the global (or given) network runs its callbacks (ANNarchy `callbacks_enabled`).
 *
 * @example
 * ```ts
 * disableCallbacks();
 * callbacksEnabled();   // false
 * ```
 */
export function callbacksEnabled(network: Network = currentNetwork()): boolean {
  return callbacksOf(network).enabled;
}

/**
 * Stop running callbacks in `simulate()` until {@link enableCallbacks} (ANNarchy `disable_callbacks`).
 *
 * @example
 * ```ts
 * disableCallbacks();
 * ```
 */
export function disableCallbacks(network: Network = currentNetwork()): void {
  callbacksOf(network).enabled = false;
}

/**
 * Run the declared callbacks again (ANNarchy `enable_callbacks`).
 *
 * @example
 * ```ts
 * disableCallbacks();
 * enableCallbacks();   // every() callbacks run again
 * ```
 */
export function enableCallbacks(network: Network = currentNetwork()): void {
  callbacksOf(network).enabled = true;
}

/**
 * Forget all declared callbacks (ANNarchy `clear_all_callbacks`).
 *
 * @example
 * ```ts
 * clearAllCallbacks();   // no every() callback is left
 * ```
 */
export function clearAllCallbacks(network: Network = currentNetwork()): void {
  callbacksOf(network).list.length = 0;
}
