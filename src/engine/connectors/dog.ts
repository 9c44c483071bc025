import { profile } from './gaussian.js';
import type { ConnectorEndpoint, ConnectorValue, LILConnectivity } from './lil-connectivity.js';

const f32 = Math.fround;

/** Arguments of {@link dog} (ANNarchy `connect_dog`). */
export interface DogOptions {
  ampPos: number;
  sigmaPos: number;
  ampNeg: number;
  sigmaNeg: number;
  delays?: ConnectorValue;
  limit?: number;
  allowSelfConnections?: boolean;
}

/**
 * Difference-of-Gaussians pattern between whole populations: `ampPos*exp(-d2/(2 sigmaPos^2)) -
 * ampNeg*exp(-d2/(2 sigmaNeg^2))`, kept if `|w| > limit * |ampPos - ampNeg|` (single precision).
 *
 * @example
 * ```ts
 * const lil = dog(pre, post, { ampPos: 1, sigmaPos: 0.2, ampNeg: 0.3, sigmaNeg: 0.7 }, rng);
 * ```
 */
export function dog(pre: ConnectorEndpoint, post: ConnectorEndpoint, o: DogOptions, rng: unknown): LILConnectivity {
  const ap = f32(o.ampPos);
  const sp = f32(o.sigmaPos);
  const an = f32(o.ampNeg);
  const sn = f32(o.sigmaNeg);
  const limit = o.limit ?? 0.01;
  const threshold = limit * Math.abs(f32(ap - an));
  return profile(pre, post, o, rng,
    (d2) => f32(ap * Math.exp(-d2 / (2.0 * f32(sp * sp))) - an * Math.exp(-d2 / (2.0 * f32(sn * sn)))),
    (v) => Math.abs(v) > threshold);
}
