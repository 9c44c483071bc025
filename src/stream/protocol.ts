import type { Network } from '../engine/network.js';
import { Population } from '../engine/population.js';
import { currentNetwork } from '../engine/magic-network.js';
import type { AttributeInput } from '../engine/attribute-value.js';

/**
 * A population given by name (CompNeuroPy style) or as the object.
 *
 * @example
 * ```ts
 * const p: PopulationRef = 'HH_Bischop';   // or the Population object
 * currentStep({ pop: p });
 * ```
 */
export type PopulationRef = string | Population;

/**
 * A stimulation protocol: a pure function of time saying which input each step gets. It is a
 * description until {@link Protocol.bind} resolves it against a network (populations,
 * attributes, dt); the bound form is applied before each step and restores the attributes
 * it changed when it ends.
 *
 * @example
 * ```ts
 * const p = currentRampProtocol({ pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 50 });
 * p.info(0.01).da;  // 100 / 49
 * simulate$().pipe(withProtocol(p)).subscribe();
 * ```
 */
export interface Protocol<I = unknown> {
  /** Name of the CompNeuroPy simulation function it implements (`currentRamp`, ...). */
  readonly name: string;
  /** The network named by its population objects, if any (otherwise the caller's or the global one). */
  readonly network: Network | undefined;
  /** Validate against a network and capture the values to restore; throws a clear Error. */
  bind(network: Network): BoundProtocol<I>;
  /** CompNeuroPy's return value for this protocol at time step `dt` (pure). */
  info(dt: number): I;
}

/**
 * A protocol resolved against a network for one run.
 *
 * @example
 * ```ts
 * const b: BoundProtocol = currentStepProtocol({ pop: 'HH_Bischop', t1: 10, t2: 10 }).bind(network);
 * b.steps;   // 2000 at dt 0.01
 * ```
 */
export interface BoundProtocol<I = unknown> {
  /** Steps the protocol drives. */
  readonly steps: number;
  /** Apply the input for relative step `k` (called before the update of every step, k = 0, 1, ...). */
  apply(k: number): void;
  /**
   * Optional: after `apply(k)`, the first relative step after `k` at which `apply` would change
   * anything (`Infinity` if never). `apply` is then a no-op for the steps in between, so the
   * driver may leave it out there (a protocol without it is applied before every step).
   */
  nextChange?(k: number): number;
  /** Put back the values the protocol changed (idempotent). */
  restore(): void;
  /** CompNeuroPy's return value. */
  readonly info: I;
}

/**
 * One attribute of one population set to one value.
 *
 * @example
 * ```ts
 * const s: AttributeSetting = { pop: 'HH_Bischop', attr: 'I_app', value: 50 };
 * ```
 */
export interface AttributeSetting {
  pop: PopulationRef;
  attr: string;
  value: AttributeInput;
}

/**
 * A piece of a protocol: these attribute values for `duration` ms (`ceil(duration/dt)` steps).
 *
 * @example
 * ```ts
 * const s: ProtocolSegment = { duration: 500, set: [{ pop: 'HH_Bischop', attr: 'I_app', value: 50 }] };
 * ```
 */
export interface ProtocolSegment {
  duration: number;
  set: readonly AttributeSetting[];
}

/** Resolve a population reference on a network, with an error naming the caller. */
export function resolvePopulation(where: string, pop: PopulationRef, network: Network): Population {
  if (pop instanceof Population) {
    if (pop.network !== network) throw new Error(`${where}: population "${pop.name}" belongs to another network than the one simulated`);
    return pop;
  }
  if (typeof pop !== 'string') throw new Error(`${where}: pop must be a population name (string) or a Population, got ${pop === null ? 'null' : typeof pop}`);
  if (!network.populationsList.some((p) => p.name === pop)) {
    throw new Error(`${where}: no population named "${pop}"; populations: ${network.populationsList.map((p) => p.name).join(', ') || '(none)'}`);
  }
  return network.getPopulation(pop);
}

/** Throws unless the population has the attribute (parameter or variable). */
export function checkAttribute(where: string, pop: Population, attr: string): void {
  if (typeof attr !== 'string') throw new Error(`${where}: attribute name must be a string, got ${typeof attr}`);
  if (!pop.attributes.includes(attr)) {
    throw new Error(`${where}: population "${pop.name}" has no attribute "${attr}"; attributes: ${pop.attributes.join(', ')}`);
  }
}

/** The network a population reference points at: its own for objects, else the fallback or the global one. */
export function networkOf(pop: PopulationRef | readonly PopulationRef[], fallback?: Network): Network {
  const first = Array.isArray(pop) ? pop[0] : pop;
  if (first instanceof Population) return first.network;
  return fallback ?? currentNetwork();
}

/**
 * A protocol made of consecutive segments, each setting attributes for a duration, exactly as
 * CompNeuroPy's `attr_sim` calls do: at each segment boundary the values of the previous segment
 * are restored and the new ones set; after the last segment everything is restored.
 *
 * @example
 * ```ts
 * const p = new SegmentProtocol('attrSim', [{ duration: 10, set: [{ pop: 'p', attr: 'I_app', value: 5 }] }], () => ({}));
 * ```
 */
export class SegmentProtocol<I> implements Protocol<I> {
  readonly network: Network | undefined;

  constructor(
    readonly name: string,
    readonly segments: readonly ProtocolSegment[],
    private readonly infoOf: (dt: number) => I,
    /** Checks that need dt (divisibility); run by `bind` and `info`. */
    private readonly checkDt: (dt: number) => void = () => {},
  ) {
    const objs = segments.flatMap((s) => s.set.map((x) => x.pop)).filter((p): p is Population => p instanceof Population);
    this.network = objs[0]?.network;
  }

  /** Total duration in ms. */
  get duration(): number {
    return this.segments.reduce((a, s) => a + s.duration, 0);
  }

  private cached: { dt: number; info: I } | undefined;

  info(dt: number): I {
    this.checkDt(dt);
    // One protocol object is one run's description: compute its (possibly long) arrays once.
    if (this.cached?.dt !== dt) this.cached = { dt, info: this.infoOf(dt) };
    return this.cached.info;
  }

  bind(network: Network): BoundProtocol<I> {
    this.checkDt(network.dt);
    const where = this.name;
    const n = this.segments.length;
    const starts = new Array<number>(n);
    type Saved = { pop: Population; attr: string; value: Float64Array | number };
    const sets: { pop: Population; value: Record<string, AttributeInput>; restore: Record<string, Float64Array | number> }[][] = [];
    const saved = new Map<string, Saved>();
    let total = 0;
    for (let s = 0; s < n; s++) {
      const seg = this.segments[s]!;
      starts[s] = total;
      total += network.stepsFor(seg.duration);
      const resolved = seg.set.map((x) => {
        const pop = resolvePopulation(where, x.pop, network);
        const key = `${pop.name}\u0000${x.attr}`;
        let old = saved.get(key);
        if (old === undefined) {
          // a ramp sets one attribute in every segment: check and save it once
          checkAttribute(where, pop, x.attr);
          old = { pop, attr: x.attr, value: pop.get(x.attr) };
          saved.set(key, old);
        }
        return { pop, value: { [x.attr]: x.value }, restore: { [x.attr]: old.value } };
      });
      sets.push(resolved);
    }
    const info = this.info(network.dt);
    let seg = 0;
    let active = -1; // segment whose values are currently set
    let restored = false;
    const restoreSegment = (s: number): void => {
      for (const x of sets[s]!) x.pop.set(x.restore);
    };
    return {
      steps: total,
      info,
      apply(k: number): void {
        if (restored) return;
        if (k >= total) {
          this.restore();
          return;
        }
        if (seg < n && starts[seg] === k) {
          // Skip segments of zero steps: CompNeuroPy sets and restores them around simulate(0).
          while (seg + 1 < n && starts[seg + 1] === k) seg++;
          if (active >= 0) restoreSegment(active);
          for (const x of sets[seg]!) x.pop.set(x.value);
          active = seg;
          seg++;
        }
      },
      nextChange(k: number): number {
        if (restored) return Infinity;
        // the next segment start after k, else the end (where apply restores)
        const next = seg < n ? starts[seg]! : total;
        return next > k ? next : k + 1;
      },
      restore(): void {
        if (restored) return;
        restored = true;
        for (const v of saved.values()) v.pop.set({ [v.attr]: v.value });
      },
    };
  }
}
