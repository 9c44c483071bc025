/**
 * Parsing and checking of CompNeuroPy's monitor dictionary (`mon_dict`).
 * @packageDocumentation
 */
import type { Recordable } from '../engine/monitor.js';
import type { Network } from '../engine/network.js';
import { snapPeriod } from './timings.js';

/**
 * CompNeuroPy's monitor dictionary: key `"<compartment>"` or `"<compartment>;<period ms>"`,
 * value the variables to record (`spike` included), e.g.
 * `{ 'my_pop1;2': ['v', 'spike'], my_pop2: ['v'], 'ampa_proj;10': ['w'] }`.
 *
 * @example
 * ```ts
 * const d: MonDict = { HH_Bischop: ['v', 'spike'], 'exc;2': 'v' };   // ';2': a period of 2 ms
 * new CompNeuroMonitors(d);
 * ```
 */
export type MonDict = Record<string, readonly string[] | string>;

/** One parsed `mon_dict` entry. */
export interface MonDictEntry {
  /** The key as written. */
  key: string;
  /** Population or projection name (text before `;`). */
  compartment: string;
  kind: 'population' | 'projection';
  /** The compartment object (implements the engine's Recordable). */
  object: Recordable;
  /** Period in ms, snapped to the dt grid: `round(period/dt)*dt` (stored as `"C;period"`). */
  period: number;
  /** The same period in steps, `round(period/dt)`. */
  periodSteps: number;
  /** Variables to record, deduplicated, in the given order. */
  variables: string[];
  /** True when the period was not given for a projection (CompNeuroPy warns). */
  defaultProjectionPeriod: boolean;
}

function names(list: readonly { name: string }[]): string {
  return list.map((x) => x.name).join(', ') || '(none)';
}

/**
 * Parse and check every key and variable list of a `mon_dict` against a network. Errors name the
 * key and list what exists: the populations and projections, or the recordable variables.
 *
 * @example
 * ```ts
 * const [e1, e2] = parseMonDict({ 'my_pop1;2': ['v', 'spike'], my_pop2: ['v'] }, currentNetwork());
 * e1.period;      // 2
 * e1.periodSteps; // 20 with dt = 0.1
 * e2.period;      // 0.1 (dt)
 * ```
 */
export function parseMonDict(monDict: MonDict, network: Network): MonDictEntry[] {
  if (monDict === null || typeof monDict !== 'object' || Array.isArray(monDict)) {
    throw new Error('CompNeuroMonitors: monDict must be an object { "compartment;period": ["var", ...] }');
  }
  const dt = network.dt;
  const seen = new Set<string>();
  const out: MonDictEntry[] = [];
  for (const [key, value] of Object.entries(monDict)) {
    const parts = key.split(';');
    if (parts.length > 2) {
      throw new Error(
        `CompNeuroMonitors: monDict key "${key}" has ${parts.length - 1} ";"; expected "name" or "name;period" ` +
          '(the old "pop;name;period" form is not supported)',
      );
    }
    const compartment = parts[0]!.trim();
    if (seen.has(compartment)) throw new Error(`CompNeuroMonitors: compartment "${compartment}" appears in more than one monDict key`);
    seen.add(compartment);
    const pop = network.populationsList.find((p) => p.name === compartment);
    const proj = network.projectionsList.find((p) => p.name === compartment);
    if (pop && proj) throw new Error(`CompNeuroMonitors: "${compartment}" is both a population and a projection`);
    if (!pop && !proj) {
      throw new Error(
        `CompNeuroMonitors: monDict key "${key}": no population or projection named "${compartment}"; ` +
          `populations: ${names(network.populationsList)}; projections: ${names(network.projectionsList)}`,
      );
    }
    const kind = pop ? 'population' : 'projection';
    const object = (pop ?? proj) as unknown as Recordable;
    if (typeof object.readInto !== 'function' || typeof object.checkRecordable !== 'function') {
      throw new Error(`CompNeuroMonitors: ${kind} "${compartment}" cannot be recorded (it does not implement the engine's Recordable interface)`);
    }

    let period: number;
    let defaultProjectionPeriod = false;
    if (parts.length === 2) {
      const text = parts[1]!.trim();
      const raw = text === '' ? NaN : Number(text);
      if (!Number.isFinite(raw)) throw new Error(`CompNeuroMonitors: monDict key "${key}": the period "${parts[1]}" is not a number of ms`);
      if (raw < dt) throw new Error(`CompNeuroMonitors: monDict key "${key}": the period ${raw} ms is below dt (${dt} ms)`);
      period = snapPeriod(raw, dt);
    } else if (kind === 'population') {
      period = snapPeriod(dt, dt);
    } else {
      period = snapPeriod(dt * 1000, dt);
      defaultProjectionPeriod = true;
    }
    const periodSteps = Math.round(period / dt);

    if (typeof value !== 'string' && !Array.isArray(value)) {
      throw new Error(`CompNeuroMonitors: monDict["${key}"] must be a list of variable names, got ${JSON.stringify(value)}`);
    }
    // A bare string is one variable (CompNeuroPy iterates over its characters, which only
    // works for one-letter names such as "v").
    const list = typeof value === 'string' ? [value] : value;
    if (list.length === 0) throw new Error(`CompNeuroMonitors: monDict["${key}"] lists no variables`);
    const variables: string[] = [];
    for (const v of list) {
      if (typeof v !== 'string') throw new Error(`CompNeuroMonitors: monDict["${key}"] must contain variable names (strings), got ${JSON.stringify(v)}`);
      if (!variables.includes(v)) variables.push(v);
    }
    for (const v of variables) {
      try {
        if (v === 'spike' && typeof object.spikedRanks !== 'function') {
          throw new Error(`"spike" can only be recorded from spiking populations`);
        }
        object.checkRecordable(v);
      } catch (e) {
        throw new Error(`CompNeuroMonitors: monDict["${key}"]: ${(e as Error).message}`);
      }
    }
    out.push({ key, compartment, kind, object, period, periodSteps, variables, defaultProjectionPeriod });
  }
  return out;
}
