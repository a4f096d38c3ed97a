import type { Rng } from '../rng/createRng.ts';
import { sampleStandardExponential } from '../dist/standardExponential.ts';

/** Next arrival of a Poisson process of the given rate after time t. */
export function nextPoissonArrival(rng: Rng, t: number, rate: number): number {
  return t + sampleStandardExponential(rng) / rate;
}
