import type { Rng } from '../rng/createRng.ts';
import { sampleStandardExponential } from './standardExponential.ts';

/** Exponential with the given mean (ziggurat; see standardExponential.ts). */
export function sampleExponential(rng: Rng, mean: number): number {
  return mean * sampleStandardExponential(rng);
}
