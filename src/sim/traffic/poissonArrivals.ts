import { nextFloat, type Rng } from '../rng/createRng.ts';

/** Next arrival of a Poisson process of the given rate after time t. */
export function nextPoissonArrival(rng: Rng, t: number, rate: number): number {
  return t - Math.log(1 - nextFloat(rng)) / rate;
}
