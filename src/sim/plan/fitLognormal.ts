import type { Dist } from '../dist/types.ts';

/** Standard normal quantiles z₀.₉ and z₀.₉₉. */
const Z90 = 1.2815515655446004;
const Z99 = 2.3263478740408408;

/**
 * A lognormal for one period's handler durations, from its CloudWatch statistics (ms).
 *
 * The fit (stated on the page too): the mean is kept exactly (it is what the bill depends on), so the
 * median is mean·e^(−σ²/2). σ is the average of the estimates the statistics allow, each clamped to [0, 3]:
 * ln(p90/p50)/z₀.₉ and ln(p99/p50)/z₀.₉₉ when p50 is there; ln(p99/p90)/(z₀.₉₉ − z₀.₉) without p50;
 * √(2·ln(mean/p50)) when the mean is above p50. With no percentile, σ = `fallbackSigma`.
 * A mean of 0 (or NaN) gives a constant 0.
 */
export function fitLognormal(meanMs: number, p50: number, p90: number, p99: number, fallbackSigma: number): Dist {
  if (!(meanMs > 0)) return { kind: 'const', ms: 0 };
  const est: number[] = [];
  const ok = (x: number) => Number.isFinite(x) && x > 0;
  if (ok(p50)) {
    if (ok(p90) && p90 >= p50) est.push(Math.log(p90 / p50) / Z90);
    if (ok(p99) && p99 >= p50) est.push(Math.log(p99 / p50) / Z99);
    if (meanMs > p50) est.push(Math.sqrt(2 * Math.log(meanMs / p50)));
  } else if (ok(p90) && ok(p99) && p99 >= p90) est.push(Math.log(p99 / p90) / (Z99 - Z90));
  const sigma = est.length ? est.reduce((a, b) => a + Math.min(3, Math.max(0, b)), 0) / est.length : fallbackSigma;
  if (sigma === 0) return { kind: 'const', ms: meanMs };
  return { kind: 'lognormal', medianMs: meanMs * Math.exp(-(sigma * sigma) / 2), sigma };
}
