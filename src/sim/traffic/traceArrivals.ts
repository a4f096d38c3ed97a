import { nextFloat, type Rng } from '../rng/createRng.ts';
import type { ArrivalCursor } from './types.ts';

/** Replays timestamps in order. */
export function nextTraceTime(c: ArrivalCursor, timesS: Float64Array): number {
  return c.k < timesS.length ? timesS[c.k++]! : Infinity;
}

/**
 * Replays counts per bin: the n arrivals of a bin are n sorted uniform points, generated one at a time
 * (next = prev + (end − prev)·(1 − u^(1/left))), so nothing is stored per arrival.
 */
export function nextTraceCount(rng: Rng, c: ArrivalCursor, counts: Float64Array, binS: number): number {
  // c.left is −1 before the first bin is loaded, 0 when the current bin is used up (or empty).
  while (c.left <= 0) {
    if (c.left === 0) c.k++;
    if (c.k >= counts.length) return Infinity;
    c.left = Math.max(0, Math.round(counts[c.k]!));
    c.last = c.k * binS;
  }
  const end = (c.k + 1) * binS;
  c.last += (end - c.last) * (1 - Math.pow(nextFloat(rng), 1 / c.left));
  c.left--;
  return c.last;
}
