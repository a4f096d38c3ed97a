import { lnGamma } from './lnGamma.ts';

/**
 * The per-period model (an M/G/∞ approximation, validated against the full simulation in
 * tests/sim/plan.test.ts): within a period of n Poisson arrivals and mean duration S, the number of busy
 * environments at a random instant is Poisson(a) with a = n·S/P (insensitive to the duration law).
 *
 * - expected peak: E[max] = Σ_c P(max ≥ c), with P(max ≥ c) = 1 − (1 − P(N ≥ c))·(1 − P(N = c − 1))^n
 *   (start at or above c, or one of the n arrivals finds c − 1 busy: an up-crossing of c). The count is
 *   known, so each of the n arrivals gets its own chance: with one arrival the peak is surely ≥ 1
 *   (e^(−n·p), the Poisson-count form, would give 1 − e^(−1) there and understate sparse periods);
 * - for each provisioned level L: provisioned environments take a request whenever one is idle and an
 *   arrival that finds all L busy spills to on-demand, so they form an Erlang loss system M/G/L/L: the
 *   share of arrivals that spill is Erlang-B B(L, a), exactly and whatever the duration law; busy time
 *   on provisioned environments is a·(1 − B(L, a)). (E[min(N, L)] would overstate it: an on-demand
 *   environment can still be busy when a provisioned one frees.)
 *
 * Writes `spillAt[i]` = B(levels[i], a) (levels ascending) and returns the expected peak.
 * The peak sum runs over a ±12σ window around a; outside it the terms are 1 or 0 to double precision.
 */
export function periodLoad(a: number, n: number, levels: ArrayLike<number>, spillAt: Float64Array): number {
  const m = levels.length;
  if (!(a > 0) || n <= 0) {
    for (let i = 0; i < m; i++) spillAt[i] = levels[i]! === 0 ? 1 : 0;
    return 0;
  }
  // Erlang-B by the stable recursion, read off at each level; past 1e-16 it stays 0
  let b = 1;
  let c = 0;
  for (let i = 0; i < m; i++) {
    const L = levels[i]!;
    while (c < L && b > 1e-16) {
      c++;
      b = (a * b) / (c + a * b);
    }
    spillAt[i] = c < L ? 0 : b;
  }
  const sd = Math.sqrt(a);
  const lo = Math.max(0, Math.floor(a - 12 * sd - 12));
  const hi = Math.ceil(a + 12 * sd + 40);
  // pmf at lo, then the recursion π(c) = π(c−1)·a/c
  let pmf = Math.exp(-a + lo * Math.log(a) - lnGamma(lo + 1));
  let tail = 1; // P(N ≥ lo) ≈ 1 at 12σ below the mean
  let peak = lo;
  for (let c = lo + 1; c <= hi; c++) {
    const pPrev = pmf; // P(N = c − 1)
    tail = Math.max(0, tail - pPrev); // P(N ≥ c)
    pmf = (pmf * a) / c;
    const pMax = 1 - (1 - tail) * Math.exp(n * Math.log1p(-Math.min(pPrev, 1)));
    peak += pMax;
    if (c > a && pMax < 1e-12) break;
  }
  return peak;
}
