import { nextFloat, type Rng } from '../rng/createRng.ts';
import { nextPoissonArrival } from './poissonArrivals.ts';

/** Non-homogeneous Poisson with a cosine daily profile, by thinning (Lewis & Shedler) against the peak rate. */
export function nextDiurnalArrival(rng: Rng, t: number, mean: number, amplitude: number, periodS: number, peakAtS: number): number {
  const max = mean * (1 + amplitude);
  if (max <= 0) return Infinity;
  for (;;) {
    t = nextPoissonArrival(rng, t, max);
    const rate = mean * (1 + amplitude * Math.cos((2 * Math.PI * (t - peakAtS)) / periodS));
    if (nextFloat(rng) * max <= rate) return t;
  }
}
