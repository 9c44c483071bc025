/**
 * The live page's model and run control, independent of the DOM: the HH_Bischop ramp of the
 * seed example (current_ramp a0=0, a1=100, dur=1000 ms, n=50 at dt=0.01, v starting at -90 mV)
 * on the real engine, run in chunks on a scheduler, stoppable and resumable at the same step.
 */
import { tap, type Observable, type SchedulerLike } from 'rxjs';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { HHneuronBischop } from '../../src/models/hh-neuron-bischop.js';
import { simulate$, withProtocol } from '../../src/stream/simulate.js';
import type { Protocol } from '../../src/stream/protocol.js';
import type { SimulationFrame } from '../../src/stream/simulation-frame.js';
import { currentRampProtocol } from '../../operators/current-ramp.js';

export const RAMP = { a0: 0, a1: 100, dur: 1000, n: 50 } as const;

/** The seed example's network: one HH_Bischop neuron at dt = 0.01 ms. */
export class HHRampDemo {
  readonly network = new Network({ dt: 0.01, seed: 1 });
  readonly pop = new Population(1, HHneuronBischop, { name: 'HH_Bischop', network: this.network });
  /** I_app of every step of the ramp (CompNeuroPy's current_ramp `current_arr`). */
  readonly current: Float64Array;
  /** Steps of the ramp done so far. */
  stepsDone = 0;
  spikes = 0;

  constructor() {
    this.network.compile();
    this.current = currentRampProtocol({ pop: this.pop, ...RAMP }).info(this.network.dt).currentArr;
    this.restart();
  }

  get totalSteps(): number {
    return this.current.length;
  }

  get finished(): boolean {
    return this.stepsDone >= this.current.length;
  }

  /** Back to t = 0 with the stored state of the seed example (v = -90 mV). */
  restart(): void {
    this.network.reset();
    this.pop.v = -90;
    this.stepsDone = 0;
    this.spikes = 0;
  }

  /**
   * The rest of the ramp as a cold simulation Observable: each subscription continues at the
   * step where the previous one stopped (restarting from t = 0 once the ramp is complete).
   */
  run$(scheduler: SchedulerLike, chunk: number): Observable<SimulationFrame> {
    if (this.finished) this.restart();
    return simulate$(undefined, { network: this.network, scheduler, chunk }).pipe(
      withProtocol(this.rampFrom(this.stepsDone)),
      tap(() => {
        this.stepsDone++;
        this.spikes += this.pop.spike.length;
      }),
    );
  }

  /** The ramp's currents from step k0 on, restoring I_app when it ends or is stopped. */
  private rampFrom(k0: number): Protocol<null> {
    const pop = this.pop;
    const current = this.current;
    return {
      name: 'currentRamp',
      network: this.network,
      info: () => null,
      bind: () => {
        const saved = pop.get('I_app');
        let restored = false;
        return {
          steps: current.length - k0,
          info: null,
          apply: (k: number) => pop.set({ I_app: current[k0 + k]! }),
          restore: () => {
            if (restored) return;
            restored = true;
            pop.set({ I_app: saved });
          },
        };
      },
    };
  }
}
