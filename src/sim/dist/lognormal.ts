import type { Rng } from '../rng/createRng.ts';
import { sampleStandardNormal } from './normal.ts';

/** Lognormal given its median and the sigma of the underlying normal: median · e^(σZ). */
export function sampleLognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * sampleStandardNormal(rng));
}

/** σ of a lognormal whose median and 90th percentile are given (z₀.₉ = 1.2815516). */
export function lognormalSigmaFromP90(median: number, p90: number): number {
  return Math.log(p90 / median) / 1.2815515655446004;
}
