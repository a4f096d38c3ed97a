import type { TuneStrategy } from './tuneRules.ts';

/** What a strategy reads from a point (a `TunePoint`, or any object with these fields). */
export interface Candidate {
  memoryMb: number;
  durationMs: number;
  costPerInvocationUsd: number;
}

/**
 * The strategies as AWS Lambda Power Tuning's analyzer defines them
 * (https://github.com/alexcasalboni/aws-lambda-power-tuning/blob/master/lambda/analyzer.js):
 * - cost: the lowest cost; on equal cost the faster;
 * - speed: the lowest duration; on equal duration the cheaper, which is the smallest memory (more
 *   memory past it buys nothing);
 * - balanced: the lowest  w · cost / max cost + (1 − w) · duration / max duration,  w in 0–1
 *   (0 = fastest, 1 = cheapest, default 0.5), maxima over the candidates.
 * Remaining ties go to the smallest memory. Values within a relative 1e-9 count as equal, so that
 * 11,722 ms × 128 MB and 5,861 ms × 256 MB (the same GB-s) tie instead of being split by rounding
 * noise. Returns the index into `points` (−1 when empty).
 * One difference: our costs include the request price, Power Tuning's average price does not; a
 * constant added to every cost can move the balanced pick slightly.
 */
export function pickIndex(points: readonly Candidate[], strategy: TuneStrategy, balancedWeight = 0.5): number {
  if (points.length === 0) return -1;
  const maxCost = Math.max(...points.map((p) => p.costPerInvocationUsd));
  const maxDuration = Math.max(...points.map((p) => p.durationMs));
  const w = Math.min(1, Math.max(0, balancedWeight));
  const value = (p: Candidate): number => w * (p.costPerInvocationUsd / maxCost) + (1 - w) * (p.durationMs / maxDuration);
  // −1 / 0 / 1 with a relative tolerance
  const cmp = (x: number, y: number): number => (Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) ? 0 : x < y ? -1 : 1);
  const better = (a: Candidate, b: Candidate): boolean => {
    const cost = cmp(a.costPerInvocationUsd, b.costPerInvocationUsd);
    const time = cmp(a.durationMs, b.durationMs);
    const order = strategy === 'cost' ? cost || time : strategy === 'speed' ? time || cost : cmp(value(a), value(b));
    return order !== 0 ? order < 0 : a.memoryMb < b.memoryMb;
  };
  let best = 0;
  for (let i = 1; i < points.length; i++) if (better(points[i]!, points[best]!)) best = i;
  return best;
}
