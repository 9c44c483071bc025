import type { OperatorFunction } from 'rxjs';
import { currentNetwork } from '../engine/magic-network.js';
import type { Protocol } from './protocol.js';
import { runProtocolsSync, withProtocol } from './simulate.js';
import type { SimulationFrame } from './simulation-frame.js';

/**
 * Which keyword arguments a simulation function takes (for CompNeuroSim's kwargs check).
 *
 * @example
 * ```ts
 * const spec: KwargSpec = currentStep.kwargSpec;
 * spec.required;   // ['pop']
 * ```
 */
export interface KwargSpec {
  /** All accepted names. */
  names: readonly string[];
  /** Names without a default. */
  required: readonly string[];
}

/**
 * A CompNeuroPy-style simulation function: called with one kwargs object it runs synchronously
 * on the network of its population (the global one for names) and returns CompNeuroPy's info.
 * `protocol(kwargs)` gives the same run as a {@link Protocol} and `operator(kwargs)` as a pipe
 * operator for {@link simulate$}.
 *
 * @example
 * ```ts
 * const f: ProtocolSimulationFunction<CurrentStepOptions, CurrentStepInfo> = currentStep;
 * f({ pop: 'HH_Bischop' });   // runs
 * simulate$(1000).pipe(f.operator({ pop: 'HH_Bischop' }));   // as an operator
 * ```
 */
export interface ProtocolSimulationFunction<K extends object, I> {
  (kwargs: K): I;
  readonly kwargSpec: KwargSpec;
  /** The same run as a {@link Protocol}. */
  protocol(kwargs: K): Protocol<I>;
  /** The same run as a pipe operator for {@link simulate$}. */
  operator(kwargs: K): OperatorFunction<SimulationFrame, SimulationFrame>;
}

/**
 * A simulation function that may declare its keyword arguments.
 *
 * @example
 * ```ts
 * const f: SimulationFunction = (kwargs?: { pop: string }) => simulate(100);
 * new CompNeuroSim({ simulationFunction: f, simulationKwargs: { pop: 'HH_Bischop' } });
 * ```
 */
export type SimulationFunction = ((kwargs?: any) => unknown) & { kwargSpec?: KwargSpec };

/**
 * Python's check of keyword arguments against a function's signature: unexpected names and
 * missing required ones raise a TypeError with Python's wording (plus the accepted names).
 *
 * @example
 * ```ts
 * checkKwargs('currentRamp', { names: ['pop', 'n'], required: ['pop', 'n'] }, { pop: 'p' });
 * // TypeError: currentRamp() missing 1 required positional argument: 'n'
 * ```
 */
export function checkKwargs(name: string, spec: KwargSpec, kwargs: object | undefined): void {
  const given = kwargs === undefined || kwargs === null ? [] : Object.keys(kwargs);
  for (const k of given) {
    if (!spec.names.includes(k)) {
      throw new TypeError(`${name}() got an unexpected keyword argument '${k}' (it takes ${spec.names.join(', ')})`);
    }
  }
  const missing = spec.required.filter((k) => !given.includes(k) || (kwargs as Record<string, unknown>)[k] === undefined);
  if (missing.length > 0) {
    const list = missing.length === 1 ? `'${missing[0]}'` : `${missing.slice(0, -1).map((m) => `'${m}'`).join(', ')} and '${missing[missing.length - 1]}'`;
    throw new TypeError(`${name}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
  }
}

/**
 * Build a CompNeuroPy-style simulation function from a protocol factory: the function checks its
 * kwargs, runs the protocol through {@link simulate$} synchronously ({@link runProtocolsSync}) and returns the info.
 *
 * @example
 * ```ts
 * export const myStim = defineProtocolFunction('myStim', { names: ['pop'], required: ['pop'] }, (k) => myProtocol(k));
 * myStim({ pop: 'HH_Bischop' });
 * ```
 */
export function defineProtocolFunction<K extends object, I>(
  name: string,
  spec: KwargSpec,
  makeProtocol: (kwargs: K) => Protocol<I>,
): ProtocolSimulationFunction<K, I> {
  const protocol = (kwargs: K): Protocol<I> => {
    checkKwargs(name, spec, kwargs);
    return makeProtocol(kwargs);
  };
  const run = {
    [name](kwargs: K): I {
      const p = protocol(kwargs);
      const network = p.network ?? currentNetwork();
      runProtocolsSync(network, [p]);
      return p.info(network.dt);
    },
  }[name]!;
  return Object.assign(run, {
    kwargSpec: spec,
    protocol,
    operator: (kwargs: K) => withProtocol(protocol(kwargs)),
  }) as ProtocolSimulationFunction<K, I>;
}
