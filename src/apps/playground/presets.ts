/**
 * The models the playground's editor can start from: every neuron of the library (the default
 * instances the library exports, and one of every exported neuron class that has none), found by
 * walking the browser entry's exports, so models added to the library appear without a change
 * here. Plus a leaky integrate-and-fire neuron, which the library has no model of.
 */
import * as library from '../../browser.js';
import { Neuron } from '../../language/neuron.js';
import { formatSections } from './sections.js';

/**
 * A model to start from: its name (the neuron's ANNarchy name), the editor text and where it
 * comes from.
 *
 * @example
 * ```ts
 * const p: Preset = { name: 'LIF', source: 'equations:\n    ...', origin: 'playground example' };
 * ```
 */
export interface Preset {
  readonly name: string;
  readonly source: string;
  readonly origin: string;
}

/**
 * A leaky integrate-and-fire neuron driven by `I_app` (the current protocols set `I_app`),
 * written for the playground: ANNarchy's LIF example with an input current in pA.
 *
 * @example
 * ```ts
 * new Population(1, new Neuron({ ...LIF_EXAMPLE, name: 'LIF' }), 'pop');
 * ```
 */
export const LIF_EXAMPLE = {
  parameters: 'tau = 10.0 : population\nC = 1.0 : population\nv_rest = -65.0 : population\nv_thresh = -50.0 : population\nI_app = 0.0',
  equations: 'tau * dv/dt = v_rest - v + I_app / C : init = -65.0',
  spike: 'v > v_thresh',
  reset: 'v = v_rest',
  refractory: 2.0,
} as const;

/** Neuron names that lead the list, in this order (the rest follow alphabetically). */
const FIRST = ['H_and_H_Bischop', 'Izhikevich2007', 'LIF'];

let cached: Preset[] | undefined;

/**
 * Every model the editor offers, H_and_H_Bischop first. Spiking and rate-coded neurons both;
 * duplicates (one object exported under two names) appear once.
 *
 * @example
 * ```ts
 * neuronPresets().map((p) => p.name); // ['H_and_H_Bischop', 'Izhikevich2007', 'LIF', ...]
 * ```
 */
export function neuronPresets(): readonly Preset[] {
  if (cached) return cached;
  const seen = new Map<string, Preset>();
  const add = (n: Neuron, origin: string): void => {
    const source = formatSections(n);
    if (!seen.has(n.name) && source.trim() !== '') seen.set(n.name, { name: n.name, source, origin });
  };
  const entries = Object.entries(library as Record<string, unknown>);
  for (const [key, v] of entries) if (v instanceof Neuron) add(v, `library export ${key}`);
  for (const [key, v] of entries) {
    // Neuron classes without a default instance (Izhikevich2007): one built with no arguments.
    if (typeof v !== 'function' || !(v.prototype instanceof Neuron)) continue;
    try {
      add(new (v as new () => Neuron)(), `new ${key}()`);
    } catch {
      // a class that needs arguments has no default model to show
    }
  }
  add(new Neuron({ ...LIF_EXAMPLE, name: 'LIF' }), 'playground example');
  const rank = (n: string): number => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
  cached = [...seen.values()].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  return cached;
}

/**
 * The preset of this name.
 *
 * @example
 * ```ts
 * presetByName('H_and_H_Bischop')?.source.startsWith('parameters:'); // true
 * ```
 */
export function presetByName(name: string): Preset | undefined {
  return neuronPresets().find((p) => p.name === name);
}
