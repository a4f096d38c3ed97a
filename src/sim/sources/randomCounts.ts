import { nextFloat, type Rng } from '../rng/createRng.ts';

/**
 * Counts drawn from the run's one seeded source.
 *
 * `geometricSkip(rng, p)`: how many independent trials succeed before the first failure (probability p
 * each); Infinity when p = 0. Walking a batch with it costs one draw per failure, not per message.
 */
export function geometricSkip(rng: Rng, p: number): number {
  if (p <= 0) return Infinity;
  if (p >= 1) return 0;
  const u = 1 - nextFloat(rng); // (0, 1]
  return Math.floor(Math.log(u) / Math.log1p(-p));
}

/**
 * Poisson(mean) by inversion below 30 and by Hörmann's PTRS transformed rejection above (W. Hörmann,
 * "The transformed rejection method for generating Poisson random variables", Insurance: Mathematics
 * and Economics 12, 1993), so a tick of any size costs O(1) draws.
 */
export function poissonCount(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    let k = 0;
    let p = Math.exp(-mean);
    let f = p;
    const u = nextFloat(rng);
    while (u > f && k < 1000) {
      k++;
      p *= mean / k;
      f += p;
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = nextFloat(rng) - 0.5;
    const v = nextFloat(rng);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
  }
}

/** ln(k!) by Stirling's series (exact to double precision for k ≥ 10) and a product below. */
function logFactorial(k: number): number {
  if (k < 10) {
    let r = 0;
    for (let i = 2; i <= k; i++) r += Math.log(i);
    return r;
  }
  const x = k + 1;
  const x2 = 1 / (x * x);
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + (1 / x) * (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 / 1680)));
}
