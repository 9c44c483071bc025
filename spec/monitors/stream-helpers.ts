import { expect } from 'chai';
import type { Subscription } from 'rxjs';
import { Neuron } from '../../src/language/neuron.js';
import { Population } from '../../src/engine/population.js';
import { compile, setup } from '../../src/engine/global-functions.js';
import { CompNeuroMonitors, type CompNeuroMonitorsOptions } from '../../src/monitors/comp-neuro-monitors.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { Recordings, SpikeDict } from '../../src/monitors/recordings.js';
import type { SampleBlock, SpikeEvent } from '../../src/monitors/sample-stream.js';

/**
 * Spiking: dv/dt = g, spike at v >= 1, reset v = 0, x = t. With dt = 0.25 and g = 1 it spikes at
 * steps 4m + 3; g = 0.5 at 8m + 7 (`I_app` 0 lets current protocols run on it) (analytic, so recorded data is checked by hand).
 */
export const Ticker = () =>
  new Neuron({ parameters: 'g = 1\n I_app = 0', equations: 'dv/dt = g + I_app\n x = t', spike: 'v >= 1', reset: 'v = 0', name: 'Ticker' });

/**
 * The global network at dt 0.25 with two compartments: p (3 Tickers, g = 1, 0.5, 0.25; x and v
 * every step, spikes) and q (2 Tickers; x every 3 steps, spikes).
 */
export function twoCompartments(opts: CompNeuroMonitorsOptions = {}): CompNeuroMonitors {
  setup({ dt: 0.25 });
  const p = new Population(3, Ticker(), 'p');
  p.g = new Float64Array([1, 0.5, 0.25]);
  new Population(2, Ticker(), 'q');
  compile();
  return new CompNeuroMonitors({ p: ['x', 'v', 'spike'], 'q;0.75': ['x', 'spike'] }, { log: () => {}, ...opts });
}

/** Bitwise equality of two Float64Arrays. */
export function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** The values of `variable` in the blocks of one chunk and compartment, joined in emission order. */
export function joinBlocks(blocks: readonly SampleBlock[], chunk: number, compartment: string, variable: string): Float64Array {
  const parts = blocks.filter((b) => b.chunk === chunk && b.compartment === compartment).map((b) => b.values[variable]!.data);
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Spike events collected into spike dicts per chunk-free compartment: `{ compartment: { rank: steps } }`. */
export function eventsToDicts(batches: readonly SpikeEvent[][]): Record<string, SpikeDict> {
  const out: Record<string, SpikeDict> = {};
  for (const batch of batches) {
    for (const e of batch) ((out[e.population] ??= {})[e.rank] ??= []).push(e.step);
  }
  return out;
}

/** Everything the three streams of a CompNeuroMonitors emit. */
export function collect(mon: { samples$(o?: { every?: number }): import('rxjs').Observable<SampleBlock>; spikes$(): import('rxjs').Observable<SpikeEvent[]> }, every: number) {
  const blocks: SampleBlock[] = [];
  const spikes: SpikeEvent[][] = [];
  const subs: Subscription[] = [mon.samples$({ every }).subscribe((b) => blocks.push(b)), mon.spikes$().subscribe((e) => spikes.push(e))];
  return { blocks, spikes, stop: () => subs.forEach((s) => s.unsubscribe()) };
}

/**
 * Checks: each block spans at most `every` steps, its times are its steps * dt; every recorded
 * array of every chunk equals its blocks joined, bit for bit; spikes as events equal the dicts
 * (unless `spikes` is undefined).
 */
export function expectStreamsEqualRecordings(recordings: Recordings, blocks: readonly SampleBlock[], spikes: readonly SpikeEvent[][] | undefined, every: number, dt: number): void {
  for (const b of blocks) {
    expect(b.steps[b.steps.length - 1]! - b.steps[0]!).to.be.lessThan(every);
    b.steps.forEach((s, i) => expect(b.t[i]).to.equal(s * dt));
    for (const v of Object.values(b.values)) expect(v.shape[0]).to.equal(b.steps.length);
  }
  let compared = 0;
  recordings.forEach((chunk, k) => {
    for (const [key, value] of Object.entries(chunk)) {
      const [c, v] = key.split(';') as [string, string];
      if (v === undefined || v === 'period' || v === 'parameter_dict' || v === 'parameters' || v === 'spike') continue;
      const joined = joinBlocks(blocks, k, c, v);
      expect(sameBits(joined, (value as RecordedArray).data), `chunk ${k} ${key}: ${joined.length} streamed vs ${(value as RecordedArray).data.length} recorded`).to.equal(true);
      compared += joined.length;
    }
  });
  expect(compared).to.be.greaterThan(0);
  if (spikes === undefined) return; // samples$ only
  // spikes: per compartment, all chunks together
  const want: Record<string, SpikeDict> = {};
  for (const chunk of recordings) {
    for (const [key, value] of Object.entries(chunk)) {
      const [c, v] = key.split(';');
      if (v !== 'spike') continue;
      for (const [r, steps] of Object.entries(value as SpikeDict)) if (steps.length > 0) ((want[c!] ??= {})[Number(r)] ??= []).push(...steps);
    }
  }
  expect(eventsToDicts(spikes)).to.deep.equal(want);
  // in step order, one array per step
  const steps = spikes.map((b) => b[0]!.step);
  for (const b of spikes) for (const e of b) expect(e.step).to.equal(b[0]!.step);
  for (let i = 1; i < steps.length; i++) expect(steps[i]).to.not.equal(steps[i - 1]);
}

/** The error `f` throws (undefined if it returns). */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
