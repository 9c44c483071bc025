import type { SpikeDict } from '../monitors/recordings.js';
import { spikeRanks } from './raster.js';

/** Options of {@link interSpikeInterval}. */
export interface InterSpikeIntervalOptions {
  /** Only these neuron ranks (default: all). */
  ranks?: number[];
  /** Simulation step in ms (ANNarchy 4.7.3 uses the global `dt()`); default 1. */
  dt?: number;
}

/**
 * ANNarchy's `inter_spike_interval(spikes, ranks=None, per_neuron=False)`: the differences
 * of consecutive spike steps times dt (ms), for every neuron with at least 2 spikes.
 * `perNeuron: true` gives `{rank: isis}`; otherwise one flat list in rank order.
 *
 * @example
 * ```ts
 * interSpikeInterval({ 0: [0, 10, 30], 1: [5] }, { dt: 0.5 });                    // [5, 10]
 * interSpikeInterval({ 0: [0, 10, 30], 1: [5] }, { dt: 0.5, perNeuron: true });  // {0: [5, 10]}
 * ```
 */
export function interSpikeInterval(spikes: SpikeDict, opts: InterSpikeIntervalOptions & { perNeuron: true }): Record<number, number[]>;
export function interSpikeInterval(spikes: SpikeDict, opts?: InterSpikeIntervalOptions & { perNeuron?: false }): number[];
export function interSpikeInterval(
  spikes: SpikeDict,
  opts: InterSpikeIntervalOptions & { perNeuron?: boolean } = {},
): number[] | Record<number, number[]> {
  const dt = checkDt(opts.dt, 'interSpikeInterval');
  const isi: Record<number, number[]> = {};
  for (const rank of spikeRanks(spikes)) {
    const events = spikes[rank]!;
    // an ISI needs at least 2 events
    if (events.length < 2) continue;
    if (opts.ranks !== undefined && !opts.ranks.includes(rank)) continue;
    const tmp: number[] = [];
    for (let i = 0; i < events.length - 1; i++) tmp.push((events[i + 1]! - events[i]!) * dt);
    isi[rank] = tmp;
  }
  if (opts.perNeuron) return isi;
  const res: number[] = [];
  for (const r of Object.keys(isi)) res.push(...isi[Number(r)]!);
  return res;
}

/**
 * ANNarchy's `coefficient_of_variation(spikes, ranks=None, per_neuron=False)`: std/mean
 * (population std, ddof 0) of each neuron's ISIs, for neurons with at least 2 ISIs.
 *
 * @example
 * ```ts
 * coefficientOfVariation({ 0: [0, 10, 30] }, { perNeuron: true });   // {0: 5/15}
 * ```
 */
export function coefficientOfVariation(spikes: SpikeDict, opts: InterSpikeIntervalOptions & { perNeuron: true }): Record<number, number>;
export function coefficientOfVariation(spikes: SpikeDict, opts?: InterSpikeIntervalOptions & { perNeuron?: false }): number[];
export function coefficientOfVariation(
  spikes: SpikeDict,
  opts: InterSpikeIntervalOptions & { perNeuron?: boolean } = {},
): number[] | Record<number, number> {
  const isiPerNeuron = interSpikeInterval(spikes, { ranks: opts.ranks, dt: opts.dt, perNeuron: true });
  const cv: Record<number, number> = {};
  for (const key of Object.keys(isiPerNeuron)) {
    const rank = Number(key);
    const values = isiPerNeuron[rank]!;
    // no meaningful mean/std with fewer than 2 values
    if (values.length < 2) continue;
    let mean = 0;
    for (const v of values) mean += v;
    mean /= values.length;
    let variance = 0;
    for (const v of values) variance += (v - mean) ** 2;
    variance /= values.length;
    cv[rank] = Math.sqrt(variance) / mean;
  }
  if (opts.perNeuron) return cv;
  return Object.keys(cv).map((k) => cv[Number(k)]!);
}

function checkDt(dt: number | undefined, fn: string): number {
  if (dt === undefined) return 1.0;
  if (!(typeof dt === 'number' && dt > 0)) throw new Error(`${fn}: option dt must be a positive number (ms), got ${String(dt)}`);
  return dt;
}
