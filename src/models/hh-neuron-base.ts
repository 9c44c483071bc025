import type { NeuronOptions } from '../language/neuron.js';

/**
 * CompNeuroPy's `_HHneuron._instantiated`: one reporting list shared by every Hodgkin-Huxley-like
 * class (it is a class attribute of the common base, so all subclasses append to it). Each
 * construction appends `true`, including the module-level default instances.
 *
 * @example
 * ```ts
 * const before = HH_INSTANTIATED.length;
 * new HHneuronCorbit();
 * HH_INSTANTIATED.length === before + 1; // true
 * ```
 */
export const HH_INSTANTIATED: boolean[] = [];

/**
 * The options every CompNeuroPy Hodgkin-Huxley-like neuron passes to ANNarchy's `Neuron`:
 * spike on the upward crossing of `v_t` (with `prev_v = v` as first equation), empty reset,
 * no refractory period.
 *
 * @example
 * ```ts
 * new Neuron(hhNeuronOptions({ parameters: 'v_t = 0', equations: 'prev_v = v\n dv/dt = 1', name: 'x', description: '' }));
 * ```
 */
export function hhNeuronOptions(p: { parameters: string; equations: string; name: string; description: string }): NeuronOptions {
  return {
    parameters: p.parameters,
    equations: p.equations,
    spike: '(v > v_t) and (prev_v <= v_t)',
    reset: '',
    name: p.name,
    description: p.description,
  };
}
