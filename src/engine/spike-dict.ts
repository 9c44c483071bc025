/**
 * Spikes of a population as ANNarchy's `Monitor.get('spike')` and CompNeuroPy return them:
 * neuron rank -> the integer steps at which it spiked.
 *
 * @example
 * ```ts
 * const spikes: SpikeDict = { 0: [12, 40], 1: [] };
 * ```
 */
export type SpikeDict = Record<number, number[]>;
