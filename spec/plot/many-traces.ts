import { RecordedArray } from '../../src/monitors/recorded-array.js';
import { RecordingTimes } from '../../src/monitors/recording-times.js';
import type { RecordingChunk } from '../../src/monitors/recordings.js';
import type { PlotRecordingsOptions } from '../../src/plot/plot-recordings.js';

/**
 * 100 neurons x 3000 samples (dt 0.1 ms) of noisy membrane potentials with spikes: full-precision
 * doubles, as a simulation records them (a seeded LCG, so every run draws the same figure).
 * Options for a 2 x 1 figure: the traces as lines above their raster.
 */
export function manyTraces(N = 100, T = 3000): Omit<PlotRecordingsOptions, 'figname'> {
  const v = new Float64Array(T * N);
  const spikes: Record<number, number[]> = {};
  // glibc's LCG modulo 2^31 in exact 32-bit integer arithmetic (in doubles, seed * 1103515245
  // exceeds 2^53 and the sequence went periodic)
  let seed = 12345;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 2147483648;
  for (let j = 0; j < N; j++) {
    spikes[j] = [];
    let x = -65;
    for (let k = 0; k < T; k++) {
      // noisy drift towards -49 mV, above the -50 mV threshold: a spike every ~30 ms
      x += 0.4 * (rand() - 0.1) + 0.01 * (-65 - x);
      if (x > -50) {
        v[k * N + j] = 30;
        spikes[j]!.push(k);
        x = -70;
      } else {
        v[k * N + j] = x;
      }
    }
  }
  const chunk = { dt: 0.1, 'pop;v': new RecordedArray(v, [T, N]), 'pop;spike': spikes, 'pop;period': 0.1 } as unknown as RecordingChunk;
  const stop = (T - 1) * 0.1;
  return {
    recordings: [chunk],
    recordingTimes: new RecordingTimes([{ pop: { start: { ms: [0], idx: [0] }, stop: { ms: [stop], idx: [T - 1] } } }]),
    shape: [2, 1],
    plan: { position: [1, 2], compartment: ['pop', 'pop'], variable: ['v', 'spike'], format: ['line', 'raster'] },
    log: () => {},
  };
}
