import { drawValues, LILConnectivity, sameEndpoint, type ConnectorEndpoint, type ConnectorValue } from './lil-connectivity.js';

const f32 = Math.fround;

/** Normalised coordinates of a rank in [0, 1] per axis, stored in single precision (ANNarchy's Coordinates.pyx). */
export function normalizedCoordinates(rank: number, geometry: readonly number[]): number[] {
  const coord = new Array<number>(geometry.length);
  let r = rank;
  for (let k = geometry.length - 1; k >= 0; k--) {
    coord[k] = r % geometry[k]!;
    r = Math.floor(r / geometry[k]!);
  }
  return coord.map((c, k) => (geometry[k]! > 1 ? f32(c / (geometry[k]! - 1)) : 0));
}

/** Squared distance accumulated in single precision (`cdef float res += (a-b)**2`). */
export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let res = 0;
  for (let k = 0; k < a.length; k++) res = f32(res + (a[k]! - b[k]!) ** 2);
  return res;
}

/** Arguments of {@link gaussian} (ANNarchy `connect_gaussian`). */
export interface GaussianOptions {
  amp: number;
  sigma: number;
  delays?: ConnectorValue;
  limit?: number;
  allowSelfConnections?: boolean;
}

/**
 * Gaussian pattern between whole populations: `w = amp * exp(-d2 / (2 sigma^2))` over
 * normalised coordinates, kept if `w > limit * amp`, computed in single precision as ANNarchy.
 *
 * @example
 * ```ts
 * const lil = gaussian(pre, post, { amp: 1.0, sigma: 0.2 }, rng);
 * ```
 */
export function gaussian(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: GaussianOptions, rng: unknown): LILConnectivity {
  const amp = f32(o.amp);
  const sigma = f32(o.sigma);
  const limit = o.limit ?? 0.01;
  return profile(pre, post, o, rng, (d2) => f32(amp * Math.exp(-d2 / (2.0 * f32(sigma * sigma)))), (v) => v > limit * amp);
}

/** Shared loop of the Gaussian and DoG patterns. */
export function profile(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: { delays?: ConnectorValue; allowSelfConnections?: boolean },
  rng: unknown, value: (d2: number) => number, keep: (v: number) => boolean): LILConnectivity {
  const allowSelf = !sameEndpoint(pre, post) || (o.allowSelfConnections ?? false);
  const lil = new LILConnectivity();
  for (let p = 0; p < post.size; p++) {
    const pc = normalizedCoordinates(p, post.geometry);
    const ranks: number[] = [];
    const values: number[] = [];
    for (let q = 0; q < pre.size; q++) {
      if (!allowSelf && q === p) continue;
      const v = value(squaredDistance(normalizedCoordinates(q, pre.geometry), pc));
      if (keep(v)) {
        ranks.push(q);
        values.push(v);
      }
    }
    const d = drawValues(o.delays ?? 0, ranks.length, rng);
    lil.add(p, ranks, values, d);
  }
  return lil;
}
