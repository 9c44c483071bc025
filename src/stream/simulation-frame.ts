import type { Network } from '../engine/network.js';

/**
 * One frame of a simulation Observable, emitted after the update of one time step.
 *
 * `step` is the index of the step just computed and `t = step * dt` its time in ms: the same
 * labels an ANNarchy/CompNeuroPy monitor gives the sample it records in that step, so
 * `frame.step` indexes recorded arrays. While the frame is delivered the network has already
 * advanced its counter (`network.getCurrentStep() === frame.step + 1`). `network` gives read
 * access to the live state; read it during the synchronous callback (the next step overwrites
 * it). Frames are tiny immutable objects, so buffering them (`bufferCount`) is safe: every
 * subscriber gets a new frame per step. (Only the runs of the synchronous simulation functions,
 * `currentRamp(...)` etc., which nobody can subscribe to, reuse one frame object internally.)
 *
 * @example
 * ```ts
 * simulate$(1).subscribe((f) => console.log(f.step, f.t, f.network.getPopulation('HH_Bischop').v[0]));
 * ```
 */
export class SimulationFrame {
  // `declare`d and assigned in the constructor: as ES2022 class fields they would first be
  // defined as undefined and then assigned, for an object made every step.
  /** Index of the step just computed (0 for the first step after t = 0). */
  declare readonly step: number;
  /** Time of that step in ms (`step * dt`). */
  declare readonly t: number;
  /** The simulated network (read access; valid during the callback). */
  declare readonly network: Network;

  constructor(step: number, t: number, network: Network) {
    this.step = step;
    this.t = t;
    this.network = network;
  }
}
