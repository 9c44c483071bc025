import { Neuron } from '../../../src/language/neuron.js';

/**
 * A spike source for tests: a step counter `c` (c = k + 1 after step k) and a spike condition
 * on it, so spike steps are exact integers (no float equality on t).
 */
export function counterSource(spikeCondition: string): Neuron {
  return new Neuron({ equations: 'c = c + 1', spike: spikeCondition, name: `counter source (${spikeCondition})` });
}

/** A spiking receiver reading g_exc; never spikes. */
export const receiver = new Neuron({ equations: 'dv/dt = -v + g_exc', spike: 'v > 1e9', name: 'receiver' });

/** Replays a logged sequence of numpy calls, checking the call order and arguments. */
export class ReplayRng {
  private k = 0;
  constructor(private readonly calls: any[]) {}
  private next(op: string): any {
    const c = this.calls[this.k++];
    if (!c) throw new Error(`ReplayRng: unexpected extra call ${op}`);
    if (c.op !== op) throw new Error(`ReplayRng: call ${this.k - 1} is ${c.op}, got ${op}`);
    return c;
  }
  random(n: number): Float64Array {
    const c = this.next('random');
    if (c.n !== n) throw new Error(`ReplayRng: random(${n}) but numpy drew ${c.n}`);
    return Float64Array.from(c.values);
  }
  choice(a: readonly number[], size: number): number[] {
    const c = this.next('choice');
    if (JSON.stringify(c.a) !== JSON.stringify([...a]) || c.size !== size) throw new Error(`ReplayRng: choice(${JSON.stringify(a)}, ${size}) but numpy drew choice(${JSON.stringify(c.a)}, ${c.size})`);
    return [...c.result];
  }
  uniform(low: number, high: number, n: number): Float64Array {
    const c = this.next('uniform');
    if (c.low !== low || c.high !== high || c.n !== n) throw new Error(`ReplayRng: uniform(${low}, ${high}, ${n}) but numpy drew uniform(${c.low}, ${c.high}, ${c.n})`);
    return Float64Array.from(c.values);
  }
  get done(): boolean {
    return this.k === this.calls.length;
  }
}

/** A RandomDistribution stand-in drawing `np.random.uniform(min, max, n)` like ANNarchy's Uniform. */
export class TestUniform {
  constructor(readonly min: number, readonly max: number) {}
  getValues(n: number, rng: unknown): Float64Array {
    return (rng as ReplayRng).uniform(this.min, this.max, n);
  }
}
