import { Network } from '../engine/network.js';
import { simulate$, type SimulateOptions, type SimulationObservable } from './simulate.js';

declare module '../engine/network.js' {
  interface Network {
    /**
     * The method form of {@link simulate$} on this network (added by `src/stream/network-simulate.ts`,
     * so the engine itself stays free of RxJS).
     *
     * @example
     * ```ts
     * net.simulate$(100).pipe(take(10)).subscribe();
     * ```
     */
    simulate$(duration?: number, options?: Omit<SimulateOptions, 'network'>): SimulationObservable;
  }
}

/**
 * Adds `network.simulate$(ms, options)` to every {@link Network} (idempotent). Importing this
 * module installs it; the engine does not import RxJS.
 *
 * @example
 * ```ts
 * import 'compneuro-rx/src/stream/network-simulate.js';
 * net.simulate$(1000, { scheduler: asyncScheduler }).subscribe();
 * ```
 */
export function installNetworkSimulate$(): void {
  if (Object.prototype.hasOwnProperty.call(Network.prototype, 'simulate$')) return;
  Object.defineProperty(Network.prototype, 'simulate$', {
    value: function simulateOnNetwork(this: Network, duration?: number, options: Omit<SimulateOptions, 'network'> = {}): SimulationObservable {
      if ('network' in (options as object)) throw new Error('network.simulate$: the network is the one the method is called on; drop the "network" option');
      return simulate$(duration, { ...options, network: this });
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

installNetworkSimulate$();
