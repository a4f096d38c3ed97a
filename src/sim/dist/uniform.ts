import { nextFloat, type Rng } from '../rng/createRng.ts';

/** Uniform on [min, max). */
export function sampleUniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * nextFloat(rng);
}
